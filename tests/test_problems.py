"""Opening what others wrote (#17): the window opens any JSON résumé, lists what it
keeps without reading, goes to it, and saves it back as it was."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cveditor.ui.editors.fields import DateField, MarkdownField, TextField
from cveditor.ui.main_window import MainWindow
from cveditor.ui.settings import Settings

from .person import (
    Person,
    click_menu,
    focus,
    menu_action,
    press,
    preview_settled,
    settle,
    type_text,
)

CORPUS = Path(__file__).parent / "data" / "jsonresume-corpus"


@pytest.fixture
def window(qtbot, monkeypatch):
    person = Person(monkeypatch)
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.person = person
    yield win
    win.document.undo_stack.setClean()


def test_odd_file_opens_lists_problems_and_goes_to_them(qtbot, window, tmp_path) -> None:
    path = tmp_path / "odd.json"
    shutil.copy(CORPUS / "03-nulls-and-odd-shapes.json", path)
    window.person.open_path = path
    click_menu(window, "File", "Open")
    assert window.person.errors == [], "the file opens"
    assert window.problems_dock.isVisible()
    assert menu_action(window, "View", "Problems").isChecked()
    assert "problem(s) in this file" in window.statusBar().currentMessage()
    tree = window.problems_panel.tree
    rows = {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}  # noqa: E501
    assert {"basics.label", "basics.summary", "references", "work[1].startDate"} <= set(rows)
    assert rows["work[1].endDate"].text(2) == '"Suspended"'
    preview_settled(qtbot, window)
    assert "Suspended" in window.rendered.pages.doc.toPlainText(), "free-text dates print"
    tree.itemActivated.emit(rows["basics.label"], 0)
    settle()
    label = next(w for w in window.findChildren(TextField) if w.path == ("basics", "label"))
    assert label.hasFocus(), "double-click goes to the field"
    type_text(qtbot, label, "Data Engineer")
    remaining = {tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())}
    assert "basics.label" not in remaining, "a field the user set is no longer a problem"
    window.files.save()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["basics"]["label"] == "Data Engineer"
    assert saved["basics"]["summary"] == json.loads(
        (CORPUS / "03-nulls-and-odd-shapes.json").read_text(encoding="utf-8")
    )["basics"]["summary"]
    assert saved["references"] == 0 and saved["work"][1]["endDate"] == "Suspended"
    assert saved["basics"]["email"] is None, "null stays null"


def test_legacy_names_upgrade_is_one_undo_step(qtbot, window, tmp_path) -> None:
    path = tmp_path / "old.json"
    shutil.copy(CORPUS / "01-pre-1.0-keys.json", path)
    window.files.open(path)
    panel = window.problems_panel
    assert panel.upgrade.isVisible()
    preview_settled(qtbot, window)
    assert "Banque Exemple" in window.rendered.pages.doc.toPlainText()
    panel.upgrade.click()
    window.files.save()
    upgraded = json.loads(path.read_text(encoding="utf-8"))
    assert upgraded["work"][0]["name"] == "Banque Exemple" and "company" not in upgraded["work"][0]
    assert upgraded["education"][0]["score"] == "16/20"
    click_menu(window, "Edit", "Undo")
    window.files.save()
    again = json.loads(path.read_text(encoding="utf-8"))
    assert again["work"][0]["company"] == "Banque Exemple"


def test_summary_counts_every_row_and_saving_brings_the_list_up_to_date(
    qtbot, window, tmp_path
) -> None:
    """Found by a new user: the summary counted 4 of 10 rows, and after Save the list
    kept the old lines and a duplicate the saved file no longer has."""
    path = tmp_path / "dup.json"
    shutil.copy(CORPUS / "05-duplicate-keys.json", path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"work": [', '"awards": 7,\n  "work": ['), encoding="utf-8")
    window.person.open_path = path
    click_menu(window, "File", "Open")
    panel = window.problems_panel
    kinds = [p.kind for p in panel.problems]
    assert kinds.count("duplicate") == 1 and kinds.count("unread") == 1
    assert "1 value(s) cveditor cannot read" in panel.summary.text()
    assert "1 key(s) appear twice" in panel.summary.text()
    tree = panel.tree
    assert tree.topLevelItemCount() == len(kinds)
    twice = next(p for p in panel.problems if p.kind == "duplicate")
    assert twice.why == "appears twice on line 2; the later value is used"
    label = next(w for w in window.findChildren(TextField) if w.path == ("basics", "label"))
    type_text(qtbot, label, "!")
    click_menu(window, "File", "Save")
    assert window.statusBar().currentMessage() == f"Saved {path}."
    assert [p.kind for p in panel.problems] == ["unread"], "the saved file has no duplicate"
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert len(rows) == 1 and rows[0].text(0) == "awards"
    saved_lines = path.read_text(encoding="utf-8").splitlines()
    assert '"awards": 7' in saved_lines[int(rows[0].text(1)) - 1], "the line of the saved file"
    assert "appear twice" not in panel.summary.text()


def _rows(window: MainWindow) -> dict:
    tree = window.problems_panel.tree
    return {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}  # noqa: E501


def test_a_date_the_file_had_wrong_can_be_corrected_cleared_and_undone(
    qtbot, window, tmp_path
) -> None:
    """A new user could neither correct nor clear an impossible date kept from the file:
    the kept text came back at each keystroke ("2024-09-31-09-30")."""
    path = tmp_path / "odd.json"
    shutil.copy(CORPUS / "03-nulls-and-odd-shapes.json", path)
    window.person.open_path = path
    click_menu(window, "File", "Open")
    tree = window.problems_panel.tree
    tree.itemActivated.emit(_rows(window)["work[1].startDate"], 0)
    settle()
    start = next(w for w in window.findChildren(DateField) if w.path == ("work", 1, "startDate"))
    assert start.edit.hasFocus() and start.edit.text() == "2024-09-31"
    press("Ctrl+A")
    type_text(qtbot, start.edit, "2024-09-30")
    assert start.edit.text() == "2024-09-30", "what the user types stays"
    assert "work[1].startDate" not in _rows(window)
    end = next(w for w in window.findChildren(DateField) if w.path == ("work", 1, "endDate"))
    focus(qtbot, end.edit)
    assert end.edit.text() == "Suspended"
    press("Ctrl+A")
    press("Backspace")
    focus(qtbot, start.edit)  # leaving the field
    assert end.edit.text() == "", "an emptied date stays empty"
    press("Ctrl+S")
    saved = json.loads(path.read_text(encoding="utf-8"))["work"][1]
    assert saved["startDate"] == "2024-09-30" and "endDate" not in saved
    assert "typedDates" not in json.dumps(saved)
    press("Ctrl+Z")  # the emptying
    assert end.edit.text() == "Suspended", "undo brings the file's text back"
    press("Ctrl+S")
    saved = json.loads(path.read_text(encoding="utf-8"))["work"][1]
    assert saved["endDate"] == "Suspended" and saved["startDate"] == "2024-09-30"


def test_a_value_the_file_had_unread_is_shown_where_it_would_be_typed(
    qtbot, window, tmp_path
) -> None:
    """A new user went to a kept {"de": …, "en": …} summary and found an empty box that
    did not say what typing would replace."""
    path = tmp_path / "odd.json"
    shutil.copy(CORPUS / "03-nulls-and-odd-shapes.json", path)
    window.person.open_path = path
    click_menu(window, "File", "Open")
    window.problems_panel.tree.itemActivated.emit(_rows(window)["basics.summary"], 0)
    settle()
    summary = next(w for w in window.findChildren(MarkdownField) if w.path == ("basics", "summary"))
    kept = json.loads((CORPUS / "03-nulls-and-odd-shapes.json").read_text("utf-8"))
    first_words = json.dumps(kept["basics"]["summary"], ensure_ascii=False)[:20]
    assert summary.hasFocus() and summary.toPlainText() == ""
    assert summary.placeholderText().startswith("From the file, saved unchanged")
    assert first_words in summary.placeholderText() and first_words in summary.toolTip()
    type_text(qtbot, summary, "New words")
    assert "From the file" not in summary.placeholderText() + summary.toolTip()
