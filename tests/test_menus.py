"""Help, item and section actions through their keys and menus; the README's key table;
the real dialogs a person sees (their buttons clicked from a timer)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QTextBrowser

from cveditor import __version__
from cveditor.io import native
from cveditor.ui import dialogs
from cveditor.ui.actions import shortcut_table
from cveditor.ui.main_window import MainWindow
from cveditor.ui.settings import Settings

from .conftest import OUR_SAMPLE, REPO, run_cveditor
from .person import click_menu, focus, press, settle
from .test_journeys import item_list, select_section


@pytest.fixture
def window(qtbot, person, tmp_path):
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    path = tmp_path / "cv.json"
    path.write_bytes(OUR_SAMPLE.read_bytes())
    win.files.open(path)
    yield win
    win.document.undo_stack.setClean()


def test_help_menu(qtbot, window, person) -> None:
    focus(qtbot, window.sections.list)
    press("F1")
    title, text = person.documents[-1]
    assert title == "Keyboard shortcuts" and "Export PDF | Ctrl+E" in text
    click_menu(window, "Help", "The File Format")
    assert "x-cveditor" in person.documents[-1][1]
    click_menu(window, "Help", "About cveditor")
    about = person.documents[-1][1]
    assert f"cveditor {__version__}" in about
    for library in ("PySide6", "pydantic", "Jinja2", "LGPL-3.0", "Pretendard", "SIL Open Font"):
        assert library in about


def test_readme_lists_every_key() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert shortcut_table() in readme, "README's key table differs from the registry"


def test_item_keys(qtbot, window, person) -> None:
    select_section(qtbot, window, "education")
    jobs = item_list(window, ("education",))
    first = window.document.resume.education[0].institution
    count = len(window.document.resume.education)
    focus(qtbot, jobs.list)
    jobs.list.setCurrentRow(0)
    press("Ctrl+D")
    assert len(window.document.resume.education) == count + 1
    assert window.document.undo_stack.undoText() == f"Duplicate {first}"
    press("Alt+Up")  # the copy, now row 1, goes up
    assert jobs.list.currentRow() == 0
    press("Ctrl+H")
    assert window.document.resume.education[0].hidden
    assert jobs.list.item(0).text().endswith("(hidden)")
    press("Del")
    assert len(window.document.resume.education) == count
    menu_texts = [a.text().replace("&", "") for a in jobs.list.actions() if a.text()]
    assert menu_texts[:3] == ["Add", "Duplicate", "Delete"], "right-click offers the same"


def test_section_keys_and_context_menu(qtbot, window, person) -> None:
    sections = window.sections
    select_section(qtbot, window, "skills")
    focus(qtbot, sections.list)
    before = sections.ids()
    press("Alt+Down")
    after = sections.ids()
    assert after.index("skills") == before.index("skills") + 1
    press("Space")
    assert "skills" in window.document.resume.layout.hiddenSections
    press("Space")
    assert "skills" not in window.document.resume.layout.hiddenSections
    press("F2")
    settle()
    editor = QApplication.focusWidget()
    assert editor is not sections.list, "F2 opened the title for editing"
    editor.setText("보유 기술")
    press("Return")
    assert window.document.resume.layout.sectionTitles["skills"] == "보유 기술"
    person.text = "Talks"
    (talks,) = [a for a in sections.add_button.menu().actions() if a.text() == "Bullet list"]
    talks.trigger()
    assert sections.current_id() == "talks"
    (remove,) = [a for a in sections.list.actions() if a.objectName() == "section-remove"]
    remove.trigger()
    assert window.document.resume.custom_section("talks") is None
    assert window.document.undo_stack.undoText() == "Remove section Talks"


def test_private_sections_are_not_ticked(qtbot, window) -> None:
    notes = next(s for s in window.document.resume.custom_sections if s.kind == "notes")
    row = window.sections.ids().index(notes.id)
    item = window.sections.list.item(row)
    assert item.text().endswith("(private)")
    from PySide6.QtCore import Qt

    assert not item.flags() & Qt.ItemFlag.ItemIsUserCheckable


def test_cli_export_without_the_attachment(tmp_path) -> None:
    from .pdfcheck import reader

    out = tmp_path / "bare.pdf"
    result = run_cveditor("export", str(OUR_SAMPLE), "-o", str(out), "--no-source")
    assert result.returncode == 0, result.stderr
    assert not reader(out).attachments


# --- the real dialogs, as a person sees them -----------------------------------------


def _answer_next_dialog(click: str) -> list[str]:
    """Click the button named ``click`` on the next modal dialog; returns its texts."""
    seen: list[str] = []

    def act() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, act)
            return
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            seen.append(box.informativeText())
            for button in box.buttons():
                seen.append(button.text())
            (target,) = [b for b in box.buttons() if b.text().replace("&", "") == click]
            target.click()
        elif isinstance(box, QDialog):
            browser = box.findChild(QTextBrowser)
            seen.append(browser.toPlainText() if browser else "")
            box.reject()

    QTimer.singleShot(20, act)
    return seen


@pytest.mark.real_dialogs
def test_real_save_changes_question_names_the_action(qtbot) -> None:
    seen = _answer_next_dialog("Cancel")
    answer = dialogs.ask_save_changes(None, "cv.json", "opening another file")
    assert answer == "cancel"
    assert seen[0] == "Save the changes to “cv.json” before opening another file?"


@pytest.mark.real_dialogs
def test_real_export_message_opens_the_folder(qtbot, monkeypatch, tmp_path) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(dialogs, "open_path", lambda path: opened.append(path) or True)
    seen = _answer_next_dialog("Show in Folder")
    dialogs.show_exported(None, tmp_path / "cv.pdf", [])
    assert f"Exported to {tmp_path / 'cv.pdf'}" in seen[0]
    assert opened == [tmp_path]
    seen = _answer_next_dialog("Open")
    dialogs.show_exported(None, tmp_path / "cv.pdf", ["2 word(s) do not read back"])
    assert opened[-1] == tmp_path / "cv.pdf" and "do not read back" in seen[1]


@pytest.mark.real_dialogs
def test_real_document_and_shortcut_pages(qtbot) -> None:
    seen = _answer_next_dialog("Close")
    dialogs.show_shortcuts(None, [("File", "Export PDF", "Ctrl+E")])
    assert "Export PDF" in seen[0] and "Ctrl+E" in seen[0]
    seen = _answer_next_dialog("Close")
    dialogs.show_document(None, "About", "# Title\n\nBody **text**")
    assert "Body text" in seen[0]


def test_saved_file_after_menu_work_reopens(qtbot, window) -> None:
    """After the keys above the file still saves and reopens equal."""
    select_section(qtbot, window, "work")
    focus(qtbot, item_list(window, ("work",)).list)
    press("Ctrl+D")
    window.files.save()
    assert native.load(window.document.path) == window.document.resume
