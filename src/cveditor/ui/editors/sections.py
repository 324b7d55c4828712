"""The editor for one section: which widget edits which part of the résumé.

One factory per section kind (model.kinds), so every kind has exactly one editor and a
test can check that none is missing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...document import ResumeDocument
from ...model import resume as r
from ...model.kinds import KINDS, kind_of
from .fields import LinesField, MarkdownField, TextField
from .form import build_form
from .item_list import ItemListEditor
from .table import TableEditor

Path = tuple


def _items(document: ResumeDocument, section_id: str) -> QWidget:
    """A standard section: its list of items and the form of the selected one."""
    model = KINDS[section_id].model
    extra = None
    if section_id == "work":

        def extra(layout: QFormLayout, item_path: tuple) -> None:
            box = QGroupBox("Projects in this job (경력기술서)")
            inner = QVBoxLayout(box)
            inner.addWidget(
                ItemListEditor(document, (*item_path, "cv", "projects"), r.JobProject, compact=True)
            )
            layout.addRow(box)

    return ItemListEditor(document, (section_id,), model, extra_rows=extra)


def _titled(document: ResumeDocument, path: Path, body: QWidget | None = None) -> QWidget:
    """A custom section's one title (the section list's rename edits the same text)."""
    holder = QWidget()
    form = QFormLayout(holder)
    title = TextField(document, (*path, "title"), "Title")
    title.setToolTip("The section's title; renaming it in the section list changes this too")
    form.addRow("Title", title)
    if body is not None:
        form.addRow(body)
    return holder


def _list(document: ResumeDocument, path: Path) -> QWidget:
    holder = _titled(document, path)
    holder.layout().addRow("Items", LinesField(document, (*path, "items"), "Items"))
    return holder


def _dated(document: ResumeDocument, path: Path) -> QWidget:
    return _titled(document, path, ItemListEditor(document, (*path, "entries"), r.DatedEntry))


def _table(document: ResumeDocument, path: Path) -> QWidget:
    return _titled(document, path, TableEditor(document, path))


def _text(document: ResumeDocument, path: Path) -> QWidget:
    holder = _titled(document, path)
    holder.layout().addRow("Text", MarkdownField(document, (*path, "text"), "Text"))
    return holder


def _notes(document: ResumeDocument, path: Path) -> QWidget:
    note = QLabel("🔒 Private notes: kept in the file, never printed or exported.")
    note.setWordWrap(True)
    holder = _titled(document, path, note)
    holder.layout().addRow(ItemListEditor(document, (*path, "notes"), r.NoteItem))
    return holder


#: kind id → the editor of a custom section of that kind, given its path.
CUSTOM_EDITORS: dict[str, Callable[[ResumeDocument, Path], QWidget]] = {
    "list": _list,
    "dated": _dated,
    "table": _table,
    "text": _text,
    "notes": _notes,
}


def section_editor(document: ResumeDocument, section_id: str) -> QWidget:
    """A scrollable editor for ``section_id`` ("basics", a standard or a custom section)."""
    content = QWidget()
    column = QVBoxLayout(content)
    if section_id == "basics":
        column.addWidget(build_form(document, r.Basics, ("basics",)))
    elif not (kind := kind_of(document.resume, section_id)).custom:
        column.addWidget(_items(document, section_id))
    else:
        index = next(i for i, s in enumerate(document.resume.cv.sections) if s.id == section_id)
        column.addWidget(CUSTOM_EDITORS[kind.id](document, ("cv", "sections", index)))
    column.addStretch(1)
    return _scrolled(content)


def broken_section_editor(section_id: str) -> QWidget:
    """Shown instead of an editor that failed to build: never the previous section's."""
    label = QLabel(
        f"The editor of “{section_id}” could not be shown. Your data is unchanged and "
        "still saves; the error report says what went wrong."
    )
    label.setWordWrap(True)
    return _scrolled(label)


def _scrolled(content: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(content)
    return scroll
