"""Defects a new user found in the window, each a journey as the user took it: menus,
keys and dialog answers, files read back from disk."""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QProgressDialog

from cveditor.io.atomic import backup_path
from cveditor.ui import autosave, dialogs, locks
from cveditor.ui.editors.fields import TextField
from cveditor.ui.main_window import MainWindow

from .conftest import OUR_SAMPLE
from .person import Person, click_menu, focus, menu_action, press, preview_settled, type_text
from .test_autosave_recovery import answer_box, box_text, orphan
from .test_journeys import add_item, select_section, start_window, widget_at
from .test_long_work import long_resume

CORPUS = Path(__file__).parent / "data" / "jsonresume-corpus"
#: the real question, before a Person replaces it
REAL_ASK_OVERWRITE_CHANGED = dialogs.ask_overwrite_changed_file



@pytest.fixture
def window(qtbot, person):
    win = start_window(qtbot)
    yield win
    win.document.undo_stack.setClean()  # teardown closes without a question


@pytest.fixture
def umask_022():
    """The usual desktop umask, whatever the test runner's is."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def open_by_menu(window: MainWindow, person: Person, path: Path) -> None:
    person.open_path = path
    click_menu(window, "File", "Open")
    assert window.document.path == path, person.errors


def shown_title(window: MainWindow) -> str:
    """The title as the window manager shows it ([*] is the unsaved-changes mark)."""
    return window.windowTitle().replace("[*]", "*" if window.isWindowModified() else "")


def field(window: MainWindow, path: tuple) -> TextField:
    return widget_at(window, TextField, path)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def hand_written(path: Path) -> Path:
    """The sample as another tool writes it: keys in another order, no indentation."""
    data = json.loads(OUR_SAMPLE.read_text(encoding="utf-8"))
    path.write_text(json.dumps(dict(reversed(data.items())), ensure_ascii=False), "utf-8")
    return path


# --- 1: Ctrl+S with no edits writes nothing ------------------------------------------------


def test_save_without_edits_writes_nothing(qtbot, window, person, tmp_path) -> None:
    path = hand_written(tmp_path / "cv.json")
    before = path.read_bytes()
    open_by_menu(window, person, path)
    focus(qtbot, field(window, ("basics", "label")))
    press("Ctrl+S")
    assert path.read_bytes() == before, "the file was rewritten"
    assert not backup_path(path).exists(), "a .bak was made of an unchanged file"
    assert window.statusBar().currentMessage() == "No changes to save."
    assert shown_title(window) == "cv.json — cveditor" and not window.document.is_dirty

    type_text(qtbot, field(window, ("basics", "label")), "!")  # an edit is saved
    assert shown_title(window) == "cv.json* — cveditor"
    click_menu(window, "File", "Save")
    saved = path.read_bytes()
    assert saved != before and backup_path(path).read_bytes() == before
    assert window.statusBar().currentMessage() == f"Saved {path}."
    assert shown_title(window) == "cv.json — cveditor"
    press("Ctrl+S")  # and once saved, again nothing: the .bak is not rotated
    assert path.read_bytes() == saved and backup_path(path).read_bytes() == before
    assert window.statusBar().currentMessage() == "No changes to save."

    person.save_path = tmp_path / "copy.json"  # Save As still writes, edits or not
    click_menu(window, "File", "Save As")
    assert json.loads(person.save_path.read_text(encoding="utf-8"))["basics"]["label"].endswith(
        "!"
    )
    assert window.document.path == person.save_path


def test_save_without_edits_still_asks_about_a_file_changed_on_disk(
    qtbot, window, person, tmp_path
) -> None:
    path = hand_written(tmp_path / "cv.json")
    open_by_menu(window, person, path)
    theirs = path.read_text(encoding="utf-8").replace('"basics"', '"x-theirs": 1, "basics"', 1)
    path.write_text(theirs, encoding="utf-8")
    person.overwrite = False
    focus(qtbot, field(window, ("basics", "label")))
    press("Ctrl+S")
    assert person.asked == ["overwrite:cv.json"]
    assert path.read_text(encoding="utf-8") == theirs


# --- 2 and 8: the problems note and dock follow the list -----------------------------------


def open_old_names(window: MainWindow, person: Person, folder: Path) -> int:
    """A file with pre-1.0 key names only, opened by File ▸ Open; its problem count."""
    path = folder / "old.json"
    shutil.copy(CORPUS / "01-pre-1.0-keys.json", path)
    open_by_menu(window, person, path)
    problems = window.problems_panel.problems
    assert len(problems) > 1 and {p.kind for p in problems} == {"legacy"}
    assert window.problems_dock.isVisible()
    return len(problems)


def test_problem_note_goes_when_the_list_empties(qtbot, window, person, tmp_path) -> None:
    count = open_old_names(window, person, tmp_path)
    panel, bar = window.problems_panel, window.statusBar()
    assert bar.currentMessage().startswith(f"{count} problem(s) in this file")
    qtbot.mouseClick(panel.upgrade, Qt.MouseButton.LeftButton)  # Save 1.0 Names Instead…
    assert panel.summary.text().startswith("Nothing to report")
    assert "problem(s)" not in bar.currentMessage(), "the note no longer holds"
    click_menu(window, "Edit", "Undo")  # the old names are back: no stale note either way
    assert len(panel.problems) == count and "problem(s)" not in bar.currentMessage()


def test_emptied_problems_dock_hides_and_comes_back(qtbot, window, person, tmp_path) -> None:
    count = open_old_names(window, person, tmp_path)
    panel, dock = window.problems_panel, window.problems_dock
    qtbot.mouseClick(panel.upgrade, Qt.MouseButton.LeftButton)  # Save 1.0 Names Instead…
    qtbot.waitUntil(lambda: not dock.isVisible(), timeout=2000)
    assert not menu_action(window, "View", "Problems").isChecked()

    click_menu(window, "Edit", "Undo")  # the old names are back, and so is the list
    qtbot.waitUntil(dock.isVisible, timeout=2000)
    assert len(panel.problems) == count

    click_menu(window, "Edit", "Redo")
    qtbot.waitUntil(lambda: not dock.isVisible(), timeout=2000)
    click_menu(window, "View", "Problems")  # asked for: it shows, empty, and stays
    assert dock.isVisible() and panel.summary.text().startswith("Nothing to report")
    QTest.qWait(50)
    assert dock.isVisible() and menu_action(window, "View", "Problems").isChecked()


def test_problem_note_counts_down_as_problems_are_settled(qtbot, window, person, tmp_path) -> None:
    path = tmp_path / "odd.json"
    shutil.copy(CORPUS / "03-nulls-and-odd-shapes.json", path)
    open_by_menu(window, person, path)
    bar = window.statusBar()
    count = len(window.problems_panel.problems)
    assert bar.currentMessage().startswith(f"{count} problem(s) in this file")
    window.problems_dock.hide()  # closed by hand: the note still follows the list
    type_text(qtbot, field(window, ("basics", "label")), "Data Engineer")
    assert bar.currentMessage().startswith(f"{count - 1} problem(s) in this file")
    assert not window.problems_dock.isVisible(), "closed by hand, it stays closed"


# --- 3: a read-only window says so in its title --------------------------------------------


def test_read_only_file_says_so_in_the_title(qtbot, window, person, tmp_path, sleeper) -> None:
    path = tmp_path / "dup.json"
    shutil.copy(OUR_SAMPLE, path)
    lock = locks.lock_path(path)
    autosave.private_dir(lock.parent)
    lock.write_text(
        json.dumps({"pid": sleeper.pid, "host": socket.gethostname(), "started": "earlier"}),
        encoding="utf-8",
    )
    person.in_use = "read-only"  # another cveditor has it: Open Read-Only
    open_by_menu(window, person, path)
    assert person.asked == ["in-use:dup.json"]
    assert shown_title(window) == "dup.json [read-only] — cveditor"
    type_text(qtbot, field(window, ("basics", "label")), "!")
    assert shown_title(window) == "dup.json* [read-only] — cveditor"
    person.save_path = tmp_path / "mine.json"
    click_menu(window, "File", "Save As")
    assert person.save_path.exists()
    assert shown_title(window) == "mine.json — cveditor"


# --- 4: the changed-on-disk question says what each answer does ----------------------------


@pytest.mark.real_dialogs
@pytest.mark.parametrize("answer", ["Cancel", "Esc", "Overwrite"])
def test_changed_on_disk_question_names_its_answers(
    qtbot, window, person, tmp_path, monkeypatch, answer
) -> None:
    monkeypatch.setattr(dialogs, "ask_overwrite_changed_file", REAL_ASK_OVERWRITE_CHANGED)
    path = tmp_path / "cv.json"
    shutil.copy(OUR_SAMPLE, path)
    open_by_menu(window, person, path)
    label = field(window, ("basics", "label"))
    type_text(qtbot, label, " (mine)")
    theirs = path.read_text(encoding="utf-8").replace('"basics"', '"x-theirs": 1, "basics"', 1)
    path.write_text(theirs, encoding="utf-8")  # another program saved it meanwhile

    asked: dict[str, object] = {}

    def act(box, _n) -> None:
        asked["buttons"] = {b.text() for b in box.buttons()}
        asked["text"] = box_text(box)
        button = next((b for b in box.buttons() if b.text() == answer), None)
        if button is None:  # Esc, or a button the box lacks (the assertions below say so)
            QTest.keyClick(box, Qt.Key.Key_Escape)
        else:
            button.click()

    seen = answer_box(act)
    focus(qtbot, label)
    press("Ctrl+S")
    assert len(seen) == 1, "no question"
    assert asked["buttons"] == {"Overwrite", "Cancel"}
    text = asked["text"]
    assert "“cv.json” was changed by another program" in text
    assert "Cancel: write nothing; your edits stay in the window" in text
    assert "Save As" in text and "keep both" in text
    if answer == "Overwrite":
        assert "x-theirs" not in path.read_text(encoding="utf-8")
        assert not window.document.is_dirty
    else:
        assert path.read_text(encoding="utf-8") == theirs, "Cancel wrote the file"
        assert window.document.is_dirty and label.text().endswith(" (mine)")


# --- 5: a cancelled export says so ---------------------------------------------------------


def test_cancelled_export_says_nothing_was_written(qtbot, window, person, tmp_path) -> None:
    open_by_menu(window, person, long_resume(tmp_path / "long.json", 600))
    preview_settled(qtbot, window, timeout=60000)
    person.save_path = tmp_path / "out.pdf"
    seen: list[QProgressDialog] = []

    def press_esc_on_the_progress() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                seen.append(widget)
                QTest.keyClick(widget, Qt.Key.Key_Escape)
                return
        QTimer.singleShot(20, press_esc_on_the_progress)

    QTimer.singleShot(20, press_esc_on_the_progress)
    focus(qtbot, field(window, ("basics", "label")))
    press("Ctrl+E")
    assert seen, "no progress dialog for an export of 600 jobs"
    assert not person.save_path.exists() and not person.exported
    message = window.statusBar().currentMessage()
    assert message.startswith("Export cancelled; nothing was written"), message
    assert str(person.save_path) in message


# --- 6: the recovery question says what an untitled copy holds -----------------------------


def test_recovery_of_an_untitled_resume_names_what_it_holds(qtbot, person) -> None:
    crashed = start_window(qtbot)
    click_menu(crashed, "File", "New")
    type_text(qtbot, field(crashed, ("basics", "name")), "김서연")
    select_section(qtbot, crashed, "work")
    for _ in range(3):
        add_item(qtbot, crashed, ("work",))
    assert crashed.files.autosave_now()  # what the 30 s timer does
    (slot,) = autosave.autosave_dir().glob("*.json")
    orphan(slot)  # its process "crashed"
    crashed.document.undo_stack.setClean()
    crashed.files.closing = lambda: None  # a crashed window never closes normally

    window = start_window(qtbot)
    person.recover = "keep"
    assert not window.files.offer_recovery()
    ((question),) = [q for q in person.asked if q.startswith("recover:")]
    assert question.startswith("recover:an untitled résumé (김서연, 3 jobs), autosaved ")


# --- 7: exports with unprinted personal fields are private ---------------------------------


def test_exports_with_unprinted_fields_are_private(
    qtbot, window, person, tmp_path, umask_022
) -> None:
    window.files.open_copy(OUR_SAMPLE)
    person.save_path = tmp_path / "plain.json"
    click_menu(window, "File", "Export As")
    assert mode(person.save_path) == 0o644, "an ordinary export keeps the umask"
    click_menu(window, "File", "Include Unprinted Personal Fields in JSON Resume Exports")
    person.save_path = tmp_path / "all.json"
    click_menu(window, "File", "Export As")
    assert "테헤란로" in person.save_path.read_text(encoding="utf-8")
    assert mode(person.save_path) == 0o600, "personal fields went out readable by others"
    (path, warnings), = person.exported[-1:]
    assert path == person.save_path
    assert any(w.startswith("It includes personal fields no theme prints") for w in warnings)
    assert "It includes personal fields" in window.statusBar().currentMessage()
    person.save_path = tmp_path / "cv.md"  # carries no unprinted fields: the umask's mode
    click_menu(window, "File", "Export As")
    assert mode(person.save_path) == 0o644
