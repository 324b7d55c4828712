"""The editor for one section: which widget edits which part of the résumé."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...document import ResumeDocument
from ...model import resume as r
from .fields import LinesField, MarkdownField, TextField
from .form import build_form
from .item_list import ItemListEditor
from .table import TableEditor

ITEM_MODELS: dict[str, type] = {
    "work": r.Work,
    "volunteer": r.Volunteer,
    "education": r.Education,
    "awards": r.Award,
    "certificates": r.Certificate,
    "publications": r.Publication,
    "skills": r.Skill,
    "languages": r.Language,
    "interests": r.Interest,
    "references": r.Reference,
    "projects": r.Project,
}


def section_editor(document: ResumeDocument, section_id: str) -> QWidget:
    """A scrollable editor for ``section_id`` ("basics", a standard or a custom section)."""
    content = QWidget()
    column = QVBoxLayout(content)
    if section_id == "basics":
        column.addWidget(build_form(document, r.Basics, ("basics",)))
    elif section_id in ITEM_MODELS:
        extra = None
        if section_id == "work":

            def extra(layout: QFormLayout, item_path: tuple) -> None:
                box = QGroupBox("Projects in this job (경력기술서)")
                inner = QVBoxLayout(box)
                inner.addWidget(
                    ItemListEditor(
                        document, (*item_path, "cv", "projects"), r.JobProject, compact=True
                    )
                )
                layout.addRow(box)

        column.addWidget(
            ItemListEditor(document, (section_id,), ITEM_MODELS[section_id], extra_rows=extra)
        )
    else:
        column.addWidget(_custom_editor(document, section_id))
    column.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(content)
    return scroll


def _custom_editor(document: ResumeDocument, section_id: str) -> QWidget:
    index = next(i for i, s in enumerate(document.resume.cv.sections) if s.id == section_id)
    path = ("cv", "sections", index)
    section = document.resume.cv.sections[index]
    holder = QWidget()
    form = QFormLayout(holder)
    form.addRow("Title", TextField(document, (*path, "title"), "section title"))
    match section.kind:
        case "list":
            form.addRow("Items", LinesField(document, (*path, "items"), "items"))
        case "dated":
            form.addRow(ItemListEditor(document, (*path, "entries"), r.DatedEntry))
        case "table":
            form.addRow(TableEditor(document, path))
        case "text":
            form.addRow("Text", MarkdownField(document, (*path, "text"), "text"))
        case "notes":
            note = QLabel("Private notes: kept in the file, never printed or exported.")
            note.setWordWrap(True)
            form.addRow(note)
            form.addRow(ItemListEditor(document, (*path, "notes"), r.NoteItem))
    return holder
