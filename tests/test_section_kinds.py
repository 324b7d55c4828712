"""Every section kind × every layer: editor with data, save/reopen, every exporter, print.

The kinds are declared once (model.kinds); a kind missing from any layer fails here.
"""

from __future__ import annotations

import zlib

import pytest

from cveditor.document import ResumeDocument
from cveditor.io import native
from cveditor.io.markdown_export import CUSTOM_WRITERS
from cveditor.model import resume as r
from cveditor.model.kinds import CUSTOM_KINDS, KINDS, STANDARD_KINDS, new_custom_section
from cveditor.model.resume import Resume
from cveditor.render.context import SECTION_KIND
from cveditor.render.exports import write_resume

MARK = "Zebrafinch"  # one word, so it survives every format's line breaking


def resume_with(kind_id: str) -> Resume:
    """A résumé whose only section is of ``kind_id``, holding MARK where it prints."""
    resume = Resume()
    resume.basics.name = "Kind Test"
    kind = KINDS[kind_id]
    if not kind.custom:
        title_field = next(
            n for n in ("name", "position", "title", "institution", "organization", "language")
            if n in kind.model.model_fields
        )
        getattr(resume, kind_id).append(kind.model(**{title_field: MARK}))
        return resume
    section = new_custom_section(kind_id, f"my-{kind_id}", "Custom")
    match kind_id:
        case "list":
            section.items = [MARK]
        case "dated":
            section.entries = [r.DatedEntry(title=MARK, date="2020-01")]
        case "table":
            section.header, section.rows = ["Metric"], [[MARK]]
        case "text":
            section.text = f"{MARK} text"
        case "notes":
            section.notes = [r.NoteItem(title=MARK, text=MARK)]
        case _:
            pytest.fail(f"the test does not know how to fill {kind_id!r}")
    resume.cv.sections.append(section)
    return resume


def test_every_layer_declares_every_kind() -> None:
    from cveditor.ui.editors.sections import CUSTOM_EDITORS

    assert set(CUSTOM_EDITORS) == set(CUSTOM_KINDS), "an editor per custom kind"
    printable = {k for k, kind in CUSTOM_KINDS.items() if not kind.private}
    assert set(CUSTOM_WRITERS) == printable, "Markdown writes every printable custom kind"
    assert set(SECTION_KIND) == set(STANDARD_KINDS), "the renderer prints every standard kind"


@pytest.mark.parametrize("kind_id", list(KINDS))
def test_kind_edits_saves_exports_prints(qapp, tmp_path, kind_id) -> None:
    from cveditor.ui.editors.fields import Binding
    from cveditor.ui.editors.sections import section_editor

    resume = resume_with(kind_id)
    private = KINDS[kind_id].private
    document = ResumeDocument(resume)
    section_id = kind_id if not KINDS[kind_id].custom else f"my-{kind_id}"
    editor = section_editor(document, section_id)  # with data
    from PySide6.QtWidgets import QListWidget, QTableWidget

    shown = [str(w.value()) for w in editor.findChildren(Binding)]
    shown += [w.item(i).text() for w in editor.findChildren(QListWidget) for i in range(w.count())]
    for table in editor.findChildren(QTableWidget):
        shown += [table.item(0, c).text() for c in range(table.columnCount())]
    assert any(MARK in text for text in shown), f"{kind_id}: its editor does not show the data"
    path = tmp_path / "kind.json"
    native.save(resume, path)
    assert native.load(path) == resume, f"{kind_id}: save → reopen"
    for suffix in (".md", ".html", ".txt", ".pdf", ".json"):
        out = tmp_path / f"out{suffix}"
        write_resume(resume, out, to="jsonresume" if suffix == ".json" else "")
        data = out.read_bytes()
        if suffix == ".pdf":
            data = _pdf_text_and_streams(out)
        found = MARK.encode() in data
        assert found != private, f"{kind_id}: {suffix} {'leaks' if private else 'lacks'} it"
    from cveditor.render.build import render_resume

    printed = render_resume(resume).pages.doc.toPlainText()
    assert (MARK in printed) != private, f"{kind_id}: print"


def _pdf_text_and_streams(path) -> bytes:
    """Every byte a reader of the PDF could get: text layer, inflated streams, files."""
    import re

    from .pdfcheck import pdftotext

    raw = path.read_bytes()
    parts = [pdftotext(path).encode(), raw]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", raw, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def test_custom_sections_are_found_after_every_kind_of_change() -> None:
    """custom_section() remembers positions (a render asks once per section); moves,
    removals and insertions through the document's commands never make it answer with
    the wrong section or miss one."""
    document = ResumeDocument(Resume())
    path = ("cv", "sections")
    for n, sid in enumerate(("a", "b", "c")):
        document.insert_item(path, n, new_custom_section("list", sid, sid.upper()))

    def titles() -> dict[str, str | None]:
        found = {sid: document.resume.custom_section(sid) for sid in ("a", "b", "c", "d")}
        return {sid: s.title if s else None for sid, s in found.items()}

    assert titles() == {"a": "A", "b": "B", "c": "C", "d": None}
    document.move_item(path, 2, 0)  # c a b
    assert titles() == {"a": "A", "b": "B", "c": "C", "d": None}
    document.remove_item(path, 1)  # c b
    assert titles() == {"a": None, "b": "B", "c": "C", "d": None}
    document.insert_item(path, 1, new_custom_section("text", "d", "D"))  # c d b
    assert titles() == {"a": None, "b": "B", "c": "C", "d": "D"}
    document.undo_stack.undo()
    document.undo_stack.undo()
    document.undo_stack.undo()  # a b c again
    assert titles() == {"a": "A", "b": "B", "c": "C", "d": None}
    assert [s.id for s in document.resume.custom_sections] == ["a", "b", "c"]
