"""Journeys through the window, as a person takes them: menus by their text, keys to the
focused widget, dialogs answered, files read back from disk (issue #9)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication, QListWidget, QPushButton, QScrollArea

from cveditor.io import native
from cveditor.io.formats import read_resume
from cveditor.io.pdf_source import ATTACHMENT_NAME
from cveditor.model.kinds import CUSTOM_KINDS, KINDS
from cveditor.ui.editors.fields import DateField, LinesField, MarkdownField, TextField
from cveditor.ui.editors.item_list import ItemListEditor
from cveditor.ui.editors.table import TableEditor
from cveditor.ui.main_window import MainWindow
from cveditor.ui.settings import Settings

from .conftest import OUR_SAMPLE
from .pdfcheck import reader
from .person import (
    Person,
    click_menu,
    drop_file,
    focus,
    menu_action,
    press,
    preview_settled,
    settle,
    type_text,
)

DATA = Path(__file__).parent / "data"


def start_window(qtbot) -> MainWindow:
    window = MainWindow(Settings.load())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, person):
    win = start_window(qtbot)
    yield win
    win.document.undo_stack.setClean()  # teardown closes without a question


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    path = tmp_path / "cv.json"
    shutil.copy(OUR_SAMPLE, path)
    return path


def widget_at(window: MainWindow, kind, path: tuple):
    found = [w for w in window.findChildren(kind) if getattr(w, "path", None) == path]
    assert found, f"no {kind.__name__} editing {path}"
    return found[-1]


def item_list(window: MainWindow, path: tuple) -> ItemListEditor:
    return widget_at(window, ItemListEditor, path)


def add_item(qtbot, window: MainWindow, path: tuple) -> None:
    """Ins in the list, as a person adds a job or a project."""
    editor = item_list(window, path)
    focus(qtbot, editor.list)
    press("Ins")


def select_section(qtbot, window: MainWindow, section_id: str) -> None:
    window.sections.select(section_id)
    assert window.sections.current_id() == section_id
    settle()


def add_custom_section(qtbot, window: MainWindow, person: Person, kind: str, title: str) -> str:
    """Sections ▸ + ▸ kind, answering the title question."""
    person.text = title
    menu = window.sections.add_button.menu()
    (action,) = [a for a in menu.actions() if a.text() == CUSTOM_KINDS[kind].name]
    action.trigger()
    return window.sections.current_id()


# --- the long journey: every kind, save, quit, start again, reopen --------------------


def test_new_every_kind_save_quit_reopen(qtbot, person, tmp_path, schema_validator) -> None:
    window = start_window(qtbot)
    click_menu(window, "File", "New")
    # a job with two projects, one with a labelled field
    select_section(qtbot, window, "work")
    add_item(qtbot, window, ("work",))
    company = widget_at(window, TextField, ("work", 0, "name"))
    assert company.hasFocus(), "after + the cursor is in the new item's first field"
    type_text(qtbot, company, "네오클라우드")
    type_text(qtbot, widget_at(window, TextField, ("work", 0, "position")), "Platform Lead")
    start = widget_at(window, DateField, ("work", 0, "startDate")).edit
    focus(qtbot, start)
    qtbot.keyClicks(start, "2021.03")
    projects = ("work", 0, "cv", "projects")
    for name in ("결제 API", "Search"):
        add_item(qtbot, window, projects)
        row = item_list(window, projects).list.currentRow()
        type_text(qtbot, widget_at(window, TextField, (*projects, row, "name")), name)
    fields = (*projects, 1, "fields")
    add_item(qtbot, window, fields)
    type_text(qtbot, widget_at(window, TextField, (*fields, 0, "label")), "팀 구성")
    type_text(qtbot, widget_at(window, TextField, (*fields, 0, "value")), "백엔드 3")
    # every custom kind, each filled
    ids = {k: add_custom_section(qtbot, window, person, k, f"My {k}") for k in CUSTOM_KINDS}
    index = {kind: i for i, kind in enumerate(CUSTOM_KINDS)}
    section = lambda kind: ("cv", "sections", index[kind])  # noqa: E731
    select_section(qtbot, window, ids["list"])
    type_text(qtbot, widget_at(window, LinesField, (*section("list"), "items")), "Talk one")
    select_section(qtbot, window, ids["dated"])
    add_item(qtbot, window, (*section("dated"), "entries"))
    entry_title = (*section("dated"), "entries", 0, "title")
    type_text(qtbot, widget_at(window, TextField, entry_title), "특허")
    select_section(qtbot, window, ids["table"])
    table = window.findChildren(TableEditor)[-1]
    table.add_column()
    table.add_row()
    table.table.item(0, 0).setText("MAU")
    select_section(qtbot, window, ids["text"])
    type_text(qtbot, widget_at(window, MarkdownField, (*section("text"), "text")), "**Bold** text")
    select_section(qtbot, window, ids["notes"])
    notes = (*section("notes"), "notes")
    add_item(qtbot, window, notes)
    type_text(qtbot, widget_at(window, TextField, (*notes, 0, "title")), "STAR: 장애 대응")
    add_item(qtbot, window, (*notes, 0, "fields"))
    type_text(qtbot, widget_at(window, TextField, (*notes, 0, "fields", 0, "label")), "S")
    type_text(qtbot, widget_at(window, TextField, (*notes, 0, "fields", 0, "value")), "새벽 장애")
    # save (untitled: Save asks where), quit, start again, reopen
    person.save_path = tmp_path / "mine.json"
    press("Ctrl+S")
    assert person.save_path.exists() and not window.document.is_dirty
    expected = window.document.resume.model_copy(deep=True)
    click_menu(window, "File", "Quit")
    assert not window.isVisible()
    again = start_window(qtbot)
    person.open_path = person.save_path
    click_menu(again, "File", "Open")
    assert again.document.resume == expected
    saved = json.loads(person.save_path.read_text(encoding="utf-8"))
    assert not list(schema_validator.iter_errors(saved)), "the saved file is valid JSON Resume"
    assert [s["kind"] for s in saved["x-cveditor"]["sections"]] == list(CUSTOM_KINDS)
    for section_id in again.sections.ids():  # every editor builds for the reopened file
        select_section(qtbot, again, section_id)
    assert person.exceptions == [] and person.errors == []
    again.document.undo_stack.setClean()


# --- files of other kinds ----------------------------------------------------------------


def test_import_markdown_from_the_file_menu(qtbot, window, person) -> None:
    person.open_path = DATA / "markdown" / "02-english-classic.md"
    click_menu(window, "File", "Import")
    assert window.files.import_dialog.isVisible()  # the review step comes first
    press("Return")  # Accept, as a new résumé
    assert window.document.resume.basics.name == "Jane Doe"
    assert window.document.path is None and window.document.is_dirty
    assert "Untitled" in window.windowTitle()


def test_open_and_drop_take_every_readable_format(qtbot, window, person, tmp_path) -> None:

    person.open_path = DATA / "markdown" / "01-jekyll-korean-backend.md"
    press_target = window.sections.list
    focus(qtbot, press_target)
    press("Ctrl+O")
    assert window.document.resume.work, "a Markdown résumé opens (as an import)"
    assert window.document.path is None, "…untitled, so the .md is never overwritten"
    window.document.undo_stack.setClean()
    pdf = tmp_path / "ours.pdf"
    person.save_path = pdf
    window.files.open(OUR_SAMPLE.with_name(OUR_SAMPLE.name))
    click_menu(window, "File", "Export PDF")
    window.document.undo_stack.setClean()
    click_menu(window, "File", "New")
    drop_file(window, pdf)
    assert window.document.resume.basics.name == "김서연 (Seoyeon Kim)", "our PDF reopens"
    assert person.errors == []


def test_export_pdf_with_ctrl_e_from_a_one_line_field(qtbot, window, person, tmp_path) -> None:
    person.save_path = tmp_path / "typed.pdf"
    window.files.open_copy(OUR_SAMPLE)
    email = widget_at(window, TextField, ("basics", "email"))
    focus(qtbot, email)
    email.setCursorPosition(0)
    press("Ctrl+E")
    assert person.save_path.exists(), "Ctrl+E exported although a QLineEdit had the focus"
    assert email.cursorPosition() == 0, "…and the field did not take it as End"
    assert person.exported == [(person.save_path, [])]
    assert str(person.save_path) in window.statusBar().currentMessage()


@pytest.mark.parametrize("suffix", [".pdf", ".md", ".html", ".txt", ".json"])
def test_export_as_each_format(qtbot, window, person, tmp_path, suffix) -> None:
    window.files.open_copy(OUR_SAMPLE)
    person.save_path = tmp_path / f"out{suffix}"
    click_menu(window, "File", "Export As")
    data = person.save_path.read_bytes()
    assert data, f"{suffix} written"
    if suffix == ".pdf":  # what a reader gets: the text layer and the attached JSON
        from .pdfcheck import pdftotext

        attached = reader(person.save_path).attachments[ATTACHMENT_NAME][0]
        data = pdftotext(person.save_path).encode() + attached
    back = read_resume(person.save_path) if suffix in (".pdf", ".md", ".json") else None
    if back is not None:
        assert back.basics.name == "김서연 (Seoyeon Kim)"
    for private in ("스타트업", "인턴십", "면접", "star-notes"):  # hidden job, item; notes
        assert private.encode() not in data, f"{private} left in the {suffix} export"


def test_export_never_replaces_the_open_resume(qtbot, window, person, sample_copy) -> None:
    window.files.open(sample_copy)
    before = sample_copy.read_bytes()
    person.save_path = sample_copy
    click_menu(window, "File", "Export As")
    assert sample_copy.read_bytes() == before
    assert person.errors and "the résumé you are editing" in person.errors[0]


def test_pdf_attachment_can_be_left_out(qtbot, window, person, tmp_path) -> None:
    window.files.open_copy(OUR_SAMPLE)
    attach = menu_action(window, "File", "Attach the Résumé to Exported PDFs")
    assert attach.isChecked()
    attach.trigger()
    person.save_path = tmp_path / "bare.pdf"
    click_menu(window, "File", "Export PDF")
    assert not reader(person.save_path).attachments
    assert Settings.load().attach_source is True or window.settings.attach_source is False


# --- every section of the sample and of a file with every kind ------------------------


def test_every_section_shows_its_own_editor(qtbot, window, person, tmp_path) -> None:
    window.files.open_copy(OUR_SAMPLE)
    kinds_seen = set()
    for section_id in window.sections.ids():
        select_section(qtbot, window, section_id)
        editor = window.editors.currentWidget()
        assert editor is window._editor_ids[section_id], f"{section_id}: a stale editor"
        if section_id != "basics":
            kinds_seen.add(
                window.document.resume.custom_section(section_id).kind
                if window.document.resume.custom_section(section_id)
                else section_id
            )
    assert kinds_seen >= set(KINDS) - {"list", "text"}
    assert person.exceptions == []


def test_private_notes_editor_and_more_fields(qtbot, window, person) -> None:
    """Both crashed ("LabeledValue has no attribute hidden") and left a stale editor."""
    window.files.open_copy(OUR_SAMPLE)
    notes_id = next(s.id for s in window.document.resume.custom_sections if s.kind == "notes")
    select_section(qtbot, window, notes_id)
    index = [s.id for s in window.document.resume.custom_sections].index(notes_id)
    note_fields = ("cv", "sections", index, "notes", 0, "fields")
    editor = item_list(window, note_fields)
    assert "item-hide" not in editor.actions, "a label/value line has no hide of its own"
    add_item(qtbot, window, note_fields)
    row = editor.list.currentRow()
    type_text(qtbot, widget_at(window, TextField, (*note_fields, row, "label")), "R")
    assert window.document.resume.custom_sections[index].notes[0].fields[row].label == "R"
    select_section(qtbot, window, "work")
    project_fields = ("work", 0, "cv", "projects", 0, "fields")
    add_item(qtbot, window, project_fields)
    assert window.document.resume.work[0].projects[0].fields
    assert person.exceptions == []


# --- defects of issue #9, each through the window ------------------------------------


def test_sample_opens_as_an_untitled_copy(qtbot, person, tmp_path) -> None:
    from cveditor.resources import sample_path
    from cveditor.ui import app as gui_app

    before = sample_path().read_bytes()
    previous_hook = sys.excepthook
    window = gui_app.start(None, sample=True)  # also installs the crash hook and signals
    qtbot.addWidget(window)
    try:
        assert window.document.path is None and "Untitled" in window.windowTitle()
        type_text(qtbot, widget_at(window, TextField, ("basics", "label")), "!")
        person.save_path = tmp_path / "mine.json"
        press_on = widget_at(window, TextField, ("basics", "label"))
        focus(qtbot, press_on)
        press("Ctrl+S")
        assert person.save_path.exists()
        assert sample_path().read_bytes() == before
        assert not sample_path().with_name(sample_path().name + ".bak").exists()
    finally:
        window.document.undo_stack.setClean()
        window.close()
        sys.excepthook = previous_hook  # later tests install their own
        if gui_app._handlers is not None:
            gui_app._handlers.remove()


def test_mistyped_date_is_kept_printed_as_typed_and_saved(
    qtbot, window, person, sample_copy, schema_validator
) -> None:
    window.files.open(sample_copy)
    select_section(qtbot, window, "work")
    start = widget_at(window, DateField, ("work", 0, "startDate"))
    focus(qtbot, start.edit)
    start.edit.selectAll()
    qtbot.keyClicks(start.edit, "2016 spring")
    assert start.error.isVisible()
    add_item(qtbot, window, ("work",))  # a structural edit rebuilds the forms
    item_list(window, ("work",)).list.setCurrentRow(0)
    assert widget_at(window, DateField, ("work", 0, "startDate")).edit.text() == "2016 spring"
    preview_settled(qtbot, window)
    assert "2016 spring" in window.rendered.pages.doc.toPlainText()
    assert "2021.03" not in window.rendered.pages.doc.toPlainText().split("네오클라우드")[1][:80]
    press("Ctrl+S")
    saved = json.loads(sample_copy.read_text(encoding="utf-8"))
    assert saved["work"][0]["x-cveditor"]["typedDates"] == {"startDate": "2016 spring"}
    assert "startDate" not in saved["work"][0]
    assert not list(schema_validator.iter_errors(saved))
    assert native.load(sample_copy).work[0].cv.typedDates == {"startDate": "2016 spring"}


def test_a_custom_section_has_one_title(qtbot, window, person, sample_copy) -> None:
    window.files.open(sample_copy)
    section_id = add_custom_section(qtbot, window, person, "list", "Talks")
    sections: QListWidget = window.sections.list
    focus(qtbot, sections)
    sections.currentItem().setText("발표")  # what F2 and typing end in
    title = widget_at(window, TextField, ("cv", "sections", len(
        window.document.resume.custom_sections) - 1, "title"))
    assert title.text() == "발표"
    type_text(qtbot, title, " 2024")
    assert sections.currentItem().text() == "발표 2024"
    index = len(window.document.resume.custom_sections) - 1
    type_text(qtbot, widget_at(window, LinesField, ("cv", "sections", index, "items")), "PyCon")
    preview_settled(qtbot, window)
    assert "발표 2024" in window.rendered.pages.doc.toPlainText()
    assert window.document.resume.custom_section(section_id).title == "발표 2024"
    assert section_id not in window.document.resume.layout.sectionTitles


def test_print_uses_the_resumes_paper(qtbot, window, person, sample_copy, tmp_path) -> None:
    window.files.open(sample_copy)
    window.document.set_value(("cv", "layout", "paper"), "letter")
    window.live.timer.timeout.emit()  # the pause after an edit has passed
    preview_settled(qtbot, window)  # the pages compared below are the letter ones
    person.print_to = tmp_path / "printed.pdf"
    click_menu(window, "File", "Print")
    page = reader(person.print_to).pages[0]
    assert float(page.mediabox.width) == pytest.approx(612, abs=1)
    assert float(page.mediabox.height) == pytest.approx(792, abs=1)
    assert len(reader(person.print_to).pages) == window.rendered.pages.page_count


def test_undo_of_a_layout_change_restores_the_themes_size(qtbot, window, sample_copy) -> None:
    window.files.open(sample_copy)
    panel = window.theme_dock.widget()
    window.document.set_value(("cv", "layout", "theme"), "compact")
    assert panel.size.value() == 9.0
    panel.size.setValue(11)
    focus(qtbot, panel.size)
    press("Ctrl+Z")
    assert window.document.resume.layout.fontSize is None
    assert panel.size.value() == 9.0, "compact's own size again, not 10"
    press("Ctrl+Z")
    window.files.save()
    assert sample_copy.read_bytes() == OUR_SAMPLE.read_bytes() or native.load(
        sample_copy
    ) == native.load(OUR_SAMPLE)


def test_undo_everything_saves_the_file_as_it_was(qtbot, window, person, sample_copy) -> None:
    """Meaning in data: edits, then undo of all, write back what the file had."""
    window.files.open(sample_copy)
    original = native.dumps(native.load(sample_copy))
    select_section(qtbot, window, "work")
    add_item(qtbot, window, ("work",))
    type_text(qtbot, widget_at(window, TextField, ("work", 1, "name")), "X")
    item_list(window, ("work",)).toggle_hidden()
    window.theme_dock.widget().size.setValue(12)
    window.document.set_value(("cv", "layout", "theme"), "korean")
    while window.document.undo_stack.canUndo():
        click_menu(window, "Edit", "Undo")
    window.document.undo_stack.resetClean()
    person.save_path = sample_copy
    window.files.save()
    assert native.dumps(native.load(sample_copy)) == original
    assert '"fontSize"' not in sample_copy.read_text(encoding="utf-8")


def test_history_says_what_changed(qtbot, window, sample_copy) -> None:
    window.files.open(sample_copy)
    select_section(qtbot, window, "work")
    type_text(qtbot, widget_at(window, TextField, ("work", 0, "position")), "!")
    assert window.document.undo_stack.undoText() == "Edit Position in 네오클라우드 (NeoCloud Inc.)"
    assert menu_action(window, "Edit", "Undo Edit Position in 네오클라우드 (NeoCloud Inc.)")
    add_item(qtbot, window, ("work", 0, "cv", "projects"))
    assert window.document.undo_stack.undoText().startswith("Add to Projects in 네오클라우드")


def test_save_as_and_export_add_the_chosen_extension_before_asking(qtbot, tmp_path) -> None:
    """Typing "old" with the PDF format chosen means old.pdf, and the overwrite question
    is about old.pdf (the real dialog, driven as a person would)."""
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    from cveditor.ui import dialogs

    (tmp_path / "old.pdf").write_bytes(b"%PDF-1.4 keep me")
    dialog = dialogs.save_dialog(None, str(tmp_path / "resume.pdf"), dialogs.EXPORT_FILTER)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
    qtbot.addWidget(dialog)
    dialog.show()
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.setText("old")
    dialog.accept()
    assert Path(dialog.selectedFiles()[0]) == tmp_path / "old.pdf"
    dialog.selectNameFilter("Markdown (*.md)")
    dialog.filterSelected.emit("Markdown (*.md)")
    assert dialog.defaultSuffix() == "md"


def test_export_dialog_refuses_the_open_resume_before_asking_to_replace(
    qtbot, person, tmp_path
) -> None:
    """#17.9: naming the résumé itself in the export dialog is refused there, with the
    reason, before any "Replace?" question; another name is accepted."""
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    from cveditor.ui import dialogs

    own = tmp_path / "cv.json"
    own.write_text("{}", encoding="utf-8")

    def refuse(path: Path) -> str:
        return "it is the résumé you are editing" if path == own else ""

    dialog = dialogs.save_dialog(None, str(tmp_path / "cv.pdf"), dialogs.EXPORT_FILTER, refuse)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    json_filter = dialogs.EXPORT_FILTER.split(";;")[-1]
    dialog.selectNameFilter(json_filter)
    dialog.filterSelected.emit(json_filter)
    dialog.findChild(QLineEdit, "fileNameEdit").setText("cv")
    dialog.accept()  # Qt would ask "cv.json already exists. Replace?" here: it must not
    assert dialog.isVisible() and dialog.result() != QFileDialog.DialogCode.Accepted
    assert person.errors == ["Choose another name: it is the résumé you are editing"]
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.setText("cv-plain")  # another name, after the refusal
    dialog.accept()
    assert dialog.result() == QFileDialog.DialogCode.Accepted
    assert Path(dialog.selectedFiles()[0]) == tmp_path / "cv-plain.json"


def test_messages_say_what_happens(qtbot, window, person, sample_copy, tmp_path) -> None:
    window.files.open(sample_copy)
    type_text(qtbot, widget_at(window, TextField, ("basics", "label")), "!")
    person.save_changes = "cancel"
    person.open_path = OUR_SAMPLE
    click_menu(window, "File", "Open")
    assert person.asked[-1] == "save-changes:cv.json:opening another file"
    click_menu(window, "File", "New")
    assert person.asked[-1] == "save-changes:cv.json:starting a new résumé"


# --- window state, focus, tab order --------------------------------------------------


def test_docks_and_geometry_come_back_on_screen(qtbot, person, sample_copy) -> None:
    first = start_window(qtbot)
    click_menu(first, "Edit", "History")
    assert first.history_dock.isVisible()
    first.theme_dock.close()
    first.move(-5000, -5000)
    click_menu(first, "File", "Quit")
    second = start_window(qtbot)
    assert second.history_dock.isVisible() and not second.theme_dock.isVisible()
    assert menu_action(second, "Edit", "History").isChecked()
    screen = second.screen().availableGeometry()
    assert screen.contains(second.geometry().topLeft())
    click_menu(second, "Edit", "Theme and Page")
    assert second.theme_dock.isVisible()
    second.document.undo_stack.setClean()


def test_tab_order_sections_editor_preview_panel(qtbot, window) -> None:
    focus(qtbot, window.sections.list)
    seen = []
    for _ in range(60):
        press("Tab")
        widget = window.focusWidget()
        for name, part in (
            ("editor", window.editors),
            ("preview", window.preview),
            ("panel", window.theme_dock.widget()),
            ("sections", window.sections),
        ):
            if widget is part or part.isAncestorOf(widget):
                if not seen or seen[-1] != name:
                    seen.append(name)
                break
        if len(seen) >= 4:
            break
    assert seen[:4] == ["editor", "preview", "panel", "sections"] or seen[:3] == [
        "editor", "preview", "panel"
    ], seen


def test_view_keys_move_between_the_three_parts(qtbot, window) -> None:
    focus(qtbot, window.preview)
    press("Alt+1")
    assert window.sections.list.hasFocus()
    press("Alt+3")
    assert window.preview.hasFocus()
    press("Alt+2")
    assert window.editors.isAncestorOf(window.focusWidget())


def test_an_editor_that_fails_to_build_is_never_replaced_by_a_stale_one(
    qtbot, window, person, monkeypatch
) -> None:
    """Fault injected into one kind's editor: selecting that section shows a message
    (never the previous section's editor) and the error reaches the user."""
    from cveditor.ui.editors import sections as editors

    window.files.open_copy(OUR_SAMPLE)
    select_section(qtbot, window, "work")

    def broken(_document, _path):
        raise RuntimeError("editor defect")

    monkeypatch.setitem(editors.CUSTOM_EDITORS, "table", broken)
    table_id = next(s.id for s in window.document.resume.custom_sections if s.kind == "table")
    with qtbot.captureExceptions() as caught:
        select_section(qtbot, window, table_id)
    assert [str(e[1]) for e in caught] == ["editor defect"], "reported, not swallowed"
    shown = window.editors.currentWidget()
    assert shown is not window._editor_ids["work"]
    assert "could not be shown" in shown.widget().text()
    select_section(qtbot, window, "work")
    assert window.editors.currentWidget() is window._editor_ids["work"]


def test_table_cells_typed_with_tab_between_them(qtbot, window, person) -> None:
    """Typing a cell, Tab, typing the next: both kept (a reload used to drop the first
    and send the second into cell 1,1)."""
    window.files.open_copy(OUR_SAMPLE)
    section_id = add_custom_section(qtbot, window, person, "table", "KPI 표")
    table_editor = window.findChildren(TableEditor)[-1]
    table_editor.add_row()  # an empty table: the row brings a titled column
    table_editor.add_column()
    section = window.document.resume.custom_section(section_id)
    assert section.header == ["Column 1", "Column 2"] and section.rows == [["", ""]]
    grid = table_editor.table
    focus(qtbot, grid)
    grid.setCurrentCell(0, 0)
    press("F2")
    type_text(qtbot, QApplication.focusWidget(), "Lead time")
    press("Tab")
    press("F2") if grid.state() != grid.State.EditingState else None
    type_text(qtbot, QApplication.focusWidget(), "25 min")
    press("Return")
    assert window.document.resume.custom_section(section_id).rows == [["Lead time", "25 min"]]
    assert window.document.undo_stack.undoText() == "Edit cell in KPI 표"


def test_open_after_import_is_not_unsaved_and_is_recent(qtbot, window, person, sample_copy):
    person.open_path = DATA / "markdown" / "02-english-classic.md"
    click_menu(window, "File", "Import")
    press("Return")  # the review step's Accept
    assert window.document.is_dirty
    person.save_changes = "discard"
    person.open_path = sample_copy
    click_menu(window, "File", "Open")
    assert not window.document.is_dirty and not window.isWindowModified()
    recent = menu_action(window, "File", "Open Recent").menu()
    assert [a.text() for a in recent.actions()] == [str(sample_copy.resolve())]


def test_unreadable_file_costs_no_question_and_no_work(qtbot, window, person, tmp_path):
    window.files.open_copy(OUR_SAMPLE)
    type_text(qtbot, widget_at(window, TextField, ("basics", "label")), "!")
    bare = tmp_path / "bare.pdf"
    bare.write_bytes(b"%PDF-1.4\n%%EOF\n")
    person.open_path = bare
    click_menu(window, "File", "Open")
    assert not [q for q in person.asked if q.startswith("save-changes")]
    assert person.errors and window.document.resume.basics.label.endswith("!")


def test_keys_that_cannot_apply_are_greyed_and_preview_keys(qtbot, window, person) -> None:
    window.files.open_copy(OUR_SAMPLE)
    select_section(qtbot, window, "skills")
    remove = window.sections.actions["section-remove"]
    assert not remove.isEnabled(), "a standard section cannot be removed"
    table_id = next(s.id for s in window.document.resume.custom_sections if s.kind == "table")
    select_section(qtbot, window, table_id)
    assert remove.isEnabled()
    focus(qtbot, window.preview)
    press("Ctrl+0")  # 100 %: the pages are taller than the preview
    bar = window.preview.verticalScrollBar()
    press("End")
    assert bar.value() == bar.maximum() > 0
    press("Home")
    assert bar.value() == 0
    select_section(qtbot, window, "work")
    press("Alt+2")
    assert QApplication.focusWidget() is item_list(window, ("work",)).list


def test_json_resume_export_carries_unprinted_fields_only_when_asked(
    qtbot, window, person, tmp_path
) -> None:
    window.files.open_copy(OUR_SAMPLE)
    person.save_path = tmp_path / "plain.json"
    click_menu(window, "File", "Export As")
    assert "테헤란로" not in person.save_path.read_text(encoding="utf-8"), "no street address"
    click_menu(window, "File", "Include Unprinted Personal Fields in JSON Resume Exports")
    click_menu(window, "File", "Export As")
    assert "테헤란로" in person.save_path.read_text(encoding="utf-8")


def test_save_as_adds_json_before_the_overwrite_question(qtbot, tmp_path) -> None:
    """#17 point 8: typing "old" in Save As meant old.json, written without asking."""
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    from cveditor.ui import dialogs

    dialog = dialogs.save_dialog(None, str(tmp_path / "resume.json"), dialogs.SAVE_FILTER)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QLineEdit, "fileNameEdit").setText("old")
    dialog.accept()
    assert Path(dialog.selectedFiles()[0]) == tmp_path / "old.json"


def test_the_table_editor_fits_beside_the_theme_panel(qtbot, person, tmp_path) -> None:
    """A new user found the table editor's buttons and hint cut off at the window's
    first size with the theme panel open."""
    path = tmp_path / "cv.json"
    path.write_bytes(OUR_SAMPLE.read_bytes())
    window = start_window(qtbot)
    window.resize(1400, 860)  # its first size on a desktop (the test screen is smaller)
    person.open_path = path
    click_menu(window, "File", "Open")
    click_menu(window, "Edit", "Theme and Page")
    table_id = next(s.id for s in window.document.resume.custom_sections if s.kind == "table")
    select_section(qtbot, window, table_id)
    editor = window.findChildren(TableEditor)[-1]
    scroll = editor.parentWidget()
    while not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    settle()
    assert not scroll.horizontalScrollBar().isVisible(), "the editor is wider than its pane"
    for button in editor.findChildren(QPushButton):
        corner = button.mapTo(scroll.viewport(), button.rect().bottomRight())
        assert scroll.viewport().rect().contains(corner), f"{button.text()} is cut off"
    window.document.undo_stack.setClean()


def test_the_preview_shows_the_item_chosen_in_the_list(qtbot, person, tmp_path) -> None:
    """A new user chose job 799 of 800 and the preview stayed on page 1."""
    resume = native.load(OUR_SAMPLE)
    resume.work = [
        resume.work[0].model_copy(update={"name": f"Company {n}", "position": f"Role {n}"})
        for n in range(40)
    ]
    path = tmp_path / "many.json"
    path.write_text(native.dumps(resume), encoding="utf-8")
    window = start_window(qtbot)
    person.open_path = path
    click_menu(window, "File", "Open")
    preview_settled(qtbot, window)
    select_section(qtbot, window, "work")
    jobs = item_list(window, ("work",))
    focus(qtbot, jobs.list)
    press("End")
    for _ in range(4):
        press("Up")
    assert jobs.list.currentRow() == 35
    settle()
    view, pages = window.preview.view, window.rendered.pages
    top = window.preview.verticalScrollBar().value()
    assert top > 0, "the preview moved"
    shown = view.pages_in(QRectF(0, top, view.width(), window.preview.viewport().height()))
    lines = pages.columns[0].lines_by_page(pages.page_count)
    text = " ".join(line[1] for page in shown for line in lines[page])
    assert "Role 35" in text, "the page shown holds the chosen job"
    window.document.undo_stack.setClean()
