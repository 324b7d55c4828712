"""Never lose the user's work: autosave per window, file locks, recovery after a crash,
emergency autosave on SIGTERM/SIGHUP, unexpected errors shown to the user (issues #9, #17).

Real MainWindow objects, real files in the test's private home; the person at the dialogs
is played by ``Person``. A crash is a real child process killed with SIGKILL; inside this
process, ``orphan`` stands in for one (the copy's writer becomes a finished process).
"""

from __future__ import annotations

import errno
import inspect
import json
import os
import queue
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from cveditor.io import native
from cveditor.ui import app as gui_app
from cveditor.ui import autosave, crash, dialogs, locks
from cveditor.ui.editors.fields import TextField
from cveditor.ui.files import FileController
from cveditor.ui.main_window import MainWindow
from cveditor.ui.settings import Settings

from .conftest import OUR_SAMPLE
from .person import menu_action, settle

POSIX = os.name == "posix"


class Person:
    """Stands in for the user at every dialog; records what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.save_changes = "cancel"
        self.overwrite = False
        self.recover = "recover"
        self.unreadable = "keep"
        self.in_use = "cancel"
        self.opens = True
        self.save_path: Path | None = None
        self.asked: list[tuple] = []
        self.opened: list[Path] = []
        self.errors: list[str] = []
        self.exceptions: list[tuple] = []

        def ask(name, answer):
            def question(_parent, *args):
                self.asked.append((name, *args))
                return answer()

            monkeypatch.setattr(dialogs, name, question)

        ask("ask_save_changes", lambda: self.save_changes)
        ask("ask_overwrite_changed_file", lambda: self.overwrite)
        ask("ask_recover", lambda: self.recover)
        ask("ask_unreadable", lambda: self.unreadable)
        ask("ask_file_in_use", lambda: self.in_use)
        monkeypatch.setattr(
            dialogs, "open_path", lambda path: self.opened.append(path) or self.opens
        )
        monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, m: self.errors.append(m))
        monkeypatch.setattr(dialogs, "show_exception", lambda *a: self.exceptions.append(a))
        monkeypatch.setattr(dialogs, "get_save_path", lambda *_a, **_k: self.save_path)
        monkeypatch.setattr(dialogs, "get_open_path", lambda *_a, **_k: None)

    def questions(self, name: str) -> list[tuple]:
        return [q[1:] for q in self.asked if q[0] == name]


@pytest.fixture
def person(monkeypatch) -> Person:
    """This file's Person (it records every question by kind)."""
    return Person(monkeypatch)


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    path = tmp_path / "cv.json"
    shutil.copy(OUR_SAMPLE, path)
    return path


@pytest.fixture
def make_window(qtbot, person):
    made: list[MainWindow] = []

    def make() -> MainWindow:
        win = MainWindow(Settings())
        qtbot.addWidget(win)
        made.append(win)
        return win

    yield make
    for win in made:  # let teardown close without asking
        win.document.undo_stack.setClean()


def dead_pid() -> int:
    """The pid of a process that has finished (and was reaped)."""
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


def owner(pid: int, host: str | None = None) -> dict:
    return {"pid": pid, "host": host or socket.gethostname(), "started": "earlier"}


def orphan(slot: Path) -> None:
    """Make a copy look like the work of a process that crashed (its pid is gone)."""
    envelope = json.loads(slot.read_text(encoding="utf-8"))
    envelope["owner"] = owner(dead_pid())
    slot.write_text(json.dumps(envelope), encoding="utf-8")


def copies() -> list[Path]:
    folder = autosave.autosave_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def envelope_of(slot: Path) -> dict:
    return json.loads(slot.read_text(encoding="utf-8"))


def type_name(qtbot, win: MainWindow, text: str) -> None:
    win.sections.select("basics")
    name = next(w for w in win.findChildren(TextField) if w.path == ("basics", "name"))
    qtbot.keyClicks(name, text)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def answer_box(act, times: int = 1) -> list[QMessageBox]:
    """Act on the next ``times`` showings of a modal message box (the real dialog runs)."""
    seen: list[QMessageBox] = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(box)
            act(box, len(seen))
            if len(seen) < times:
                QTimer.singleShot(50, poll)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return seen


def box_text(box: QMessageBox) -> str:
    return box.text() + "\n" + box.informativeText()


# --- A1: an unreadable copy is reported and kept ------------------------------------------


@pytest.mark.parametrize("content", ["{not json", '{"resume": ["not", "an", "object"]}'])
@pytest.mark.parametrize("answer", ["open", "folder", "keep"])
def test_unreadable_copy_is_reported_and_kept(make_window, person, content, answer) -> None:
    slot = autosave.private_dir(autosave.autosave_dir()) / "broken-0123.json"
    slot.write_text(content, encoding="utf-8")
    person.unreadable = answer
    win = make_window()
    assert not win.files.offer_recovery()
    ((path, reason),) = person.questions("ask_unreadable")
    assert path == slot and reason, "names the file and why it could not be read"
    assert ("JSON" in reason) if content.startswith("{not") else ("résumé" in reason)
    assert person.opened == {"open": [slot], "folder": [slot.parent], "keep": []}[answer]
    assert slot.read_text(encoding="utf-8") == content, "never deleted or changed"
    assert not win.document.is_dirty
    win.files.offer_recovery()
    assert len(person.questions("ask_unreadable")) == 2, "and told again next start"


def test_unreadable_copy_can_be_set_aside_and_names_its_resume(
    make_window, person, sample_copy
) -> None:
    """Found by a new user: a damaged copy asked at every start and did not say whose
    work it held. It now names the résumé when the copy still does, and Set Aside keeps
    it, renamed, without asking again."""
    slot = autosave.private_dir(autosave.autosave_dir()) / "cut-0123.json"
    whole = json.dumps({"format": 1, "original": str(sample_copy), "resume": {"basics": {}}})
    slot.write_text(whole[: whole.index('"resume"') + 12], "utf-8")  # cut off mid-write
    person.unreadable = "aside"
    win = make_window()
    assert not win.files.offer_recovery()
    ((path, reason),) = person.questions("ask_unreadable")
    assert path == slot and reason.endswith(f"it held unsaved changes to {sample_copy}")
    kept = slot.with_name(slot.name + autosave.SET_ASIDE_SUFFIX)
    assert not slot.exists() and kept.exists(), "renamed, never deleted"
    assert str(kept) in win.statusBar().currentMessage()
    win.files.offer_recovery()
    assert len(person.questions("ask_unreadable")) == 1, "not asked again"


def test_unreadable_copy_that_nothing_can_open_names_its_path(make_window, person) -> None:
    slot = autosave.private_dir(autosave.autosave_dir()) / "broken.json"
    slot.write_bytes(b"\xff\xfe")
    person.unreadable, person.opens = "open", False
    make_window().files.offer_recovery()
    assert person.errors and str(slot) in person.errors[0]
    assert slot.exists()


def test_unreadable_lock_is_reported_not_ignored(make_window, person, sample_copy) -> None:
    lock = locks.lock_path(sample_copy)
    autosave.private_dir(lock.parent)
    lock.write_text("garbage", encoding="utf-8")
    win = make_window()
    assert not win.files.confirm_open(sample_copy)  # the person answers Cancel
    ((path, who),) = person.questions("ask_file_in_use")
    assert path == sample_copy and str(lock) in who and "JSON" in who
    assert lock.read_text(encoding="utf-8") == "garbage"


# --- A2: one copy per window and document -------------------------------------------------


@pytest.mark.parametrize("backed_by_file", [False, True])
def test_two_windows_never_overwrite_each_others_copy(
    qtbot, make_window, person, sample_copy, tmp_path, backed_by_file
) -> None:
    first, second = make_window(), make_window()
    if backed_by_file:
        assert first.files.open(sample_copy) and second.files.open(sample_copy)
    type_name(qtbot, first, "First")
    type_name(qtbot, second, "Second")
    assert first.files.autosave_now() and second.files.autosave_now()
    assert first.files.window_id != second.files.window_id
    slots = copies()
    assert len(slots) == 2
    names = sorted(envelope_of(s)["resume"]["basics"]["name"] for s in slots)
    assert names[0].endswith("First") and names[1].endswith("Second")
    person.save_path = tmp_path / "first.json"
    assert first.files.save_as() if not backed_by_file else first.files.save()
    (left,) = copies()
    assert envelope_of(left)["window"] == second.files.window_id, "only that window's copy"


# --- A3: a lock per open file -------------------------------------------------------------


def test_lock_follows_the_open_file(qtbot, make_window, person, sample_copy, tmp_path) -> None:
    win = make_window()
    assert win.files.open(sample_copy)
    lock = locks.lock_path(sample_copy)
    record = json.loads(lock.read_text(encoding="utf-8"))
    assert record["pid"] == os.getpid() and record["host"] == socket.gethostname()
    assert record["started"] and mode(lock) == 0o600
    other = tmp_path / "other.json"
    shutil.copy(sample_copy, other)
    assert win.files.open(other)
    assert not lock.exists() and locks.lock_path(other).exists()
    win.files.new()
    assert not locks.lock_path(other).exists()
    assert win.files.open(other)
    win.close()
    assert not locks.lock_path(other).exists(), "a normal close removes the lock"
    assert not person.asked


def test_stale_lock_is_removed_silently(make_window, person, sample_copy) -> None:
    lock = locks.lock_path(sample_copy)
    autosave.private_dir(lock.parent)
    lock.write_text(json.dumps(owner(dead_pid())), encoding="utf-8")
    win = make_window()
    assert win.files.confirm_open(sample_copy) and win.files.open(sample_copy)
    assert not person.asked and not win.files.read_only
    assert json.loads(lock.read_text(encoding="utf-8"))["pid"] == os.getpid()


@pytest.mark.parametrize("answer", ["cancel", "read-only", "anyway"])
@pytest.mark.parametrize("where", ["this host", "another host"])
def test_file_in_use_elsewhere_asks(
    make_window, person, sample_copy, sleeper, answer, where
) -> None:
    lock = locks.lock_path(sample_copy)
    autosave.private_dir(lock.parent)
    theirs = owner(sleeper.pid, None if where == "this host" else "elsewhere.example")
    lock.write_text(json.dumps(theirs), encoding="utf-8")
    person.in_use = answer
    win = make_window()
    assert win.files.confirm_open(sample_copy) == (answer != "cancel")
    ((path, who),) = person.questions("ask_file_in_use")
    assert path == sample_copy and str(sleeper.pid) in who
    if answer == "cancel":
        return
    assert win.files.open(sample_copy)
    assert win.files.read_only == (answer == "read-only")
    holder = json.loads(lock.read_text(encoding="utf-8"))["pid"]
    assert holder == (sleeper.pid if answer == "read-only" else os.getpid())


def test_file_in_use_opened_without_asking_is_read_only(
    make_window, person, sample_copy, sleeper
) -> None:
    """Until open() asks (confirm_open), a lock of a live instance is never stolen."""
    lock = locks.lock_path(sample_copy)
    autosave.private_dir(lock.parent)
    lock.write_text(json.dumps(owner(sleeper.pid)), encoding="utf-8")
    win = make_window()
    win.document.set_path(sample_copy)
    assert win.files.read_only and str(sleeper.pid) in win.statusBar().currentMessage()
    assert json.loads(lock.read_text(encoding="utf-8"))["pid"] == sleeper.pid


OPEN_ASKS = "confirm_open" in inspect.getsource(FileController.open)
SAVE_HONOURS_READ_ONLY = "read_only" in inspect.getsource(FileController.save)


@pytest.mark.skipif(not OPEN_ASKS, reason="FileController.open must call confirm_open (lead)")
def test_open_asks_when_the_file_is_in_use(make_window, person, sample_copy, sleeper) -> None:
    lock = locks.lock_path(sample_copy)
    autosave.private_dir(lock.parent)
    lock.write_text(json.dumps(owner(sleeper.pid)), encoding="utf-8")
    win = make_window()
    person.in_use = "cancel"
    assert not win.files.open(sample_copy) and win.document.path is None
    person.in_use = "read-only"
    assert win.files.open(sample_copy) and win.files.read_only


def edited_read_only(qtbot, win: MainWindow, person, path: Path, sleeper) -> MainWindow:
    """``win`` with ``path`` opened read-only (another live cveditor holds it), edited."""
    lock = locks.lock_path(path)
    autosave.private_dir(lock.parent)
    lock.write_text(json.dumps(owner(sleeper.pid)), encoding="utf-8")
    person.in_use = "read-only"
    assert win.files.confirm_open(path) and win.files.open(path)
    assert win.files.read_only
    type_name(qtbot, win, "!")
    return win


@pytest.mark.skipif(
    not SAVE_HONOURS_READ_ONLY, reason="FileController.save must call save_as when read_only"
)
def test_read_only_save_goes_to_save_as(
    qtbot, make_window, person, sample_copy, sleeper, tmp_path
) -> None:
    before = sample_copy.read_bytes()
    win = edited_read_only(qtbot, make_window(), person, sample_copy, sleeper)
    person.save_path = tmp_path / "mine.json"
    assert win.files.save()
    assert sample_copy.read_bytes() == before and person.save_path.exists()
    assert win.document.path == person.save_path and not win.files.read_only


def test_read_only_window_cannot_save_over_the_file_the_other_one_edits(
    qtbot, make_window, person, sample_copy, sleeper, monkeypatch
) -> None:
    """Found by a new user: Save As in a read-only window offered the same name, and
    Enter + Yes replaced the file the other cveditor was editing."""
    before = sample_copy.read_bytes()
    win = edited_read_only(qtbot, make_window(), person, sample_copy, sleeper)
    offered: list[str] = []
    monkeypatch.setattr(  # the person accepts the folder and types the file's own name
        dialogs, "get_save_path", lambda _p, name, *_a, **_k: offered.append(name) or sample_copy
    )
    menu_action(win, "File", "Save").trigger()
    assert offered == [str(sample_copy.with_name("cv (copy).json"))]
    assert sample_copy.read_bytes() == before
    assert person.errors and "open in another cveditor" in person.errors[-1]
    assert str(sleeper.pid) in person.errors[-1]
    assert win.document.is_dirty and win.files.read_only


def test_running_instances_copy_is_not_offered(
    qtbot, make_window, person, sample_copy, sleeper
) -> None:
    win = make_window()
    assert win.files.open(sample_copy)
    type_name(qtbot, win, "!")
    assert win.files.autosave_now()
    (slot,) = copies()
    assert envelope_of(slot)["owner"]["pid"] == os.getpid()
    assert autosave.pending() == [], "our own live window's copy"
    envelope = envelope_of(slot)
    envelope["owner"] = owner(sleeper.pid)
    slot.write_text(json.dumps(envelope), encoding="utf-8")
    assert autosave.pending() == [], "another live instance's copy"
    sleeper.kill()
    sleeper.wait()
    (found,) = autosave.pending()
    assert found.slot == slot, "offered once its process is gone"


# --- A4: recovery keeps the copy until the work is saved ----------------------------------


def crashed_edit(qtbot, make_window, sample_copy, text: str = " (draft)") -> Path:
    """An edited, autosaved window whose process then 'crashes'."""
    win = make_window()
    assert win.files.open(sample_copy)
    type_name(qtbot, win, text)
    assert win.files.autosave_now()
    (slot,) = copies()
    orphan(slot)
    win.document.undo_stack.setClean()
    win.files.closing = lambda: None  # a crashed window never closes normally
    win.files.release_lock()
    return slot


def test_recover_keeps_copy_until_saved(qtbot, make_window, person, sample_copy) -> None:
    slot = crashed_edit(qtbot, make_window, sample_copy)
    win = make_window()
    assert win.files.offer_recovery()
    ((description,),) = person.questions("ask_recover")
    assert description.startswith("“cv.json”") and str(sample_copy) in description
    assert win.document.resume.basics.name.endswith(" (draft)") and win.document.is_dirty
    assert slot.exists(), "recovery deletes nothing"
    assert envelope_of(slot)["owner"]["pid"] == os.getpid(), "now ours: not offered elsewhere"
    assert autosave.pending() == []
    assert win.files.save()
    assert copies() == [] and not person.questions("ask_overwrite_changed_file")


def test_discard_deletes_the_copy(qtbot, make_window, person, sample_copy) -> None:
    slot = crashed_edit(qtbot, make_window, sample_copy)
    person.recover = "discard"
    win = make_window()
    assert not win.files.offer_recovery()
    assert not slot.exists() and not win.document.is_dirty


def test_keep_for_later_asks_again(qtbot, make_window, person, sample_copy) -> None:
    slot = crashed_edit(qtbot, make_window, sample_copy)
    before = slot.read_bytes()
    person.recover = "keep"
    win = make_window()
    assert not win.files.offer_recovery()
    assert slot.read_bytes() == before and win.document.path is None
    assert not win.files.offer_recovery()
    assert len(person.questions("ask_recover")) == 2


@pytest.mark.real_dialogs
def test_recover_question_says_what_each_answer_does(qtbot) -> None:
    seen = answer_box(lambda box, _n: QTest.keyClick(box, Qt.Key.Key_Escape))
    answer = dialogs.ask_recover(None, "“cv.json”, autosaved 2024-05-12 14:02")
    assert answer == "keep", "Esc keeps the copy for later"
    text = box_text(seen[0])
    assert "“cv.json”" in text
    assert "Recover" in text and "kept until you save" in text
    assert "Discard" in text and "delete" in text
    assert "Keep for later" in text and "ask again" in text
    labels = {b.text() for b in seen[0].buttons()}
    assert labels == {"Recover", "Discard", "Keep for Later"}


@pytest.mark.real_dialogs
@pytest.mark.parametrize(("label", "expected"), [("Recover", "recover"), ("Discard", "discard")])
def test_recover_question_buttons(qtbot, label, expected) -> None:
    def click(box, _n):
        next(b for b in box.buttons() if b.text() == label).click()

    answer_box(click)
    assert dialogs.ask_recover(None, "an untitled résumé") == expected


# --- A5: a newer file on disk is never overwritten unasked after recovery -----------------


@pytest.mark.parametrize("changed", [True, False])
def test_save_after_recovery_asks_if_file_changed_since_autosave(
    qtbot, make_window, person, sample_copy, changed
) -> None:
    slot = crashed_edit(qtbot, make_window, sample_copy)
    if changed:  # another program saved a newer version after the copy was written
        data = json.loads(sample_copy.read_text(encoding="utf-8"))
        data["basics"]["label"] = "Newer, from another program"
        sample_copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    newer = sample_copy.read_bytes()
    win = make_window()
    assert win.files.offer_recovery()
    person.overwrite = False
    saved = win.files.save()
    assert bool(person.questions("ask_overwrite_changed_file")) == changed
    if changed:
        assert not saved and sample_copy.read_bytes() == newer
        assert slot.exists() and win.document.is_dirty, "the recovered work is still kept"
    else:
        assert saved and not slot.exists()


# --- A6: Discard means discard: the copy goes too ----------------------------------------


@pytest.mark.parametrize("how", ["close", "new", "open"])
def test_discard_deletes_this_windows_copy(
    qtbot, make_window, person, sample_copy, tmp_path, monkeypatch, how
) -> None:
    win, other = make_window(), make_window()
    assert win.files.open(sample_copy)
    type_name(qtbot, win, " discarded")
    type_name(qtbot, other, "kept")
    assert win.files.autosave_now() and other.files.autosave_now()
    person.save_changes = "discard"
    if how == "close":
        assert win.close()
        win.files.timer.timeout.emit()  # a late timer tick must not write it again
    elif how == "new":
        win.files.new()
    else:
        second = tmp_path / "second.json"
        shutil.copy(sample_copy, second)
        assert win.files.open(second)
    (left,) = copies()
    assert envelope_of(left)["window"] == other.files.window_id


def test_cancelled_close_keeps_the_copy(qtbot, make_window, person, sample_copy) -> None:
    win = make_window()
    assert win.files.open(sample_copy)
    type_name(qtbot, win, "!")
    assert win.files.autosave_now()
    person.save_changes = "cancel"
    assert not win.close()
    assert len(copies()) == 1


# --- the timer's autosave is written by a worker thread (ui/autosave_writer.py) -----------


def test_the_timers_copy_is_written_in_the_background_and_holds_every_edit(
    qtbot, make_window, person, sample_copy
) -> None:
    win = make_window()
    assert win.files.open(sample_copy)
    type_name(qtbot, win, " Jr.")
    win.files.timer.timeout.emit()  # the 30 s tick
    assert win.files.writer.busy, "the copy is written by a worker, not by the window"
    type_name(qtbot, win, " II")  # typed while it is written: the next tick has it
    qtbot.waitUntil(lambda: not win.files.writer.busy and len(copies()) == 1)
    (slot,) = copies()
    name = native.resume_from_data(envelope_of(slot)["resume"], str(slot)).basics.name
    assert name.endswith(" Jr.") and " II" not in name
    win.files.timer.timeout.emit()
    qtbot.waitUntil(lambda: not win.files.writer.busy)
    assert copies() == [slot], "the same window's copy, rewritten"
    saved = native.resume_from_data(envelope_of(slot)["resume"], str(slot))
    assert native.dumps(saved) == native.dumps(win.document.resume)


def test_a_copy_being_written_when_the_work_is_saved_is_not_left_behind(
    qtbot, make_window, person, sample_copy, monkeypatch
) -> None:
    real_write = autosave.write_private

    def slow_disk(path, data) -> None:  # the copy reaches the disk after Save has run
        time.sleep(0.5)
        real_write(path, data)

    monkeypatch.setattr(autosave, "write_private", slow_disk)
    win = make_window()
    assert win.files.open(sample_copy)
    type_name(qtbot, win, " Jr.")
    win.files.timer.timeout.emit()
    assert win.files.writer.busy
    menu_action(win, "File", "Save").trigger()  # before the worker is done
    qtbot.waitUntil(lambda: not win.files.writer.busy)
    settle()  # the worker's end is handled in the window's thread
    assert copies() == [], "saved work has no copy to recover"
    assert native.load(sample_copy).basics.name.endswith(" Jr.")


# --- A7: a failed autosave is shown, and saving still works -------------------------------


def test_failed_autosave_is_shown_and_save_still_works(
    qtbot, make_window, person, sample_copy
) -> None:
    state = autosave.private_dir(autosave.autosave_dir().parent)
    (state / "autosave").write_text("a file where the folder should be", encoding="utf-8")
    win = make_window()
    assert win.files.open(sample_copy)
    type_name(qtbot, win, "!")
    assert not win.files.autosave_now()
    message = win.statusBar().currentMessage()
    assert message.startswith("Autosave failed") and "not backed up" in message
    (state / "autosave").unlink()
    assert win.files.autosave_now()
    assert "works again" in win.statusBar().currentMessage()
    assert win.files.save() and copies() == []


def test_disk_full_autosave_is_shown(qtbot, make_window, person, monkeypatch) -> None:
    def full(_path, _data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(autosave, "write_private", full)
    win = make_window()
    type_name(qtbot, win, "Kim")
    win.files.timer.timeout.emit()  # the 30 s tick: written in the background
    qtbot.waitUntil(lambda: "No space left on device" in win.statusBar().currentMessage())


# --- A8: SIGTERM, SIGHUP and session end autosave every dirty window ----------------------


def test_emergency_autosave_covers_every_dirty_window(
    qtbot, make_window, person, sample_copy
) -> None:
    dirty, clean, other = make_window(), make_window(), make_window()
    assert clean.files.open(sample_copy)
    type_name(qtbot, dirty, "A")
    type_name(qtbot, other, "B")
    assert gui_app.emergency_autosave() == 2
    assert len(copies()) == 2


def test_start_installs_the_safety_nets(qtbot, person, monkeypatch) -> None:
    previous_hook = sys.excepthook
    previous_term = signal.getsignal(signal.SIGTERM)
    win = gui_app.start(None)
    qtbot.addWidget(win)
    handlers = gui_app._handlers
    try:
        assert isinstance(sys.excepthook, crash.ExceptionHook)
        assert sys.excepthook.previous is previous_hook and sys.excepthook.window is win
        assert signal.getsignal(signal.SIGTERM) == handlers._on_signal
        if hasattr(signal, "SIGHUP"):
            assert signal.getsignal(signal.SIGHUP) == handlers._on_signal
        assert handlers.wake.isActive() and handlers.wake.interval() <= 250
        type_name(qtbot, win, "X")
        handlers._commit_data(None)  # what QGuiApplication.commitDataRequest calls
        assert len(copies()) == 1
    finally:
        sys.excepthook = previous_hook
        handlers.remove()
        win.document.undo_stack.setClean()
    assert signal.getsignal(signal.SIGTERM) == previous_term


CHILD = r"""
import json, os, sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cveditor.io import native
from cveditor.ui import app as gui, dialogs
from cveditor.ui.editors.fields import TextField

mode, path = sys.argv[1], Path(sys.argv[2])
window = gui.start(path)  # what run_gui does before its event loop
qapp = QApplication.instance()
assert window.document.path == path, window.document.path
window.sections.select("basics")
name = next(w for w in window.findChildren(TextField) if w.path == ("basics", "name"))
name.setFocus()
QTest.keyClicks(name, " (draft)")
if mode == "autosave":
    assert window.files.autosave_now()
if mode == "question":  # a question open before the main loop, as at start-up
    from PySide6.QtWidgets import QMessageBox
    QTimer.singleShot(0, lambda: print("READY", flush=True))
    QMessageBox.question(None, "cveditor", "Recover?")  # left by the signal's exit

if mode == "slot-error":
    def show_exception(_parent, summary, details, log_path):
        print("SHOWN " + json.dumps({"summary": summary, "log": str(log_path)}), flush=True)
        qapp.exit(3)
    dialogs.show_exception = show_exception
    QTimer.singleShot(0, lambda: 1 / 0)
model = json.loads(native.dumps(window.document.resume))
print(json.dumps({"pid": os.getpid(), "resume": model}, ensure_ascii=False), flush=True)
print("READY", flush=True)
sys.exit(qapp.exec())
"""


class Child:
    """A cveditor in another process, as the user's earlier session."""

    def __init__(self, tmp_path: Path, mode: str, file: Path) -> None:
        script = tmp_path / "child.py"
        script.write_text(CHILD, encoding="utf-8")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}  # CVEDITOR_HOME: the test's
        self.proc = subprocess.Popen(
            [sys.executable, str(script), mode, str(file)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def until(self, marker: str, timeout: float = 60) -> list[str]:
        seen = []
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                self.proc.kill()
                pytest.fail(f"child never said {marker}: {seen} {self.proc.stderr.read()}")
            seen.append(line)
            if line.startswith(marker):
                return seen

    def model(self, lines: list[str]) -> dict:
        return next(json.loads(x) for x in lines if x.startswith("{"))["resume"]

    def wait(self, timeout: float = 30) -> int:
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            pytest.fail(f"child did not exit: {self.proc.stderr.read()[-2000:]}")


@pytest.mark.skipif(not POSIX, reason="SIGKILL")
def test_journey_killed_session_is_recovered(
    qtbot, make_window, person, sample_copy, tmp_path
) -> None:
    child = Child(tmp_path, "autosave", sample_copy)
    model = child.model(child.until("READY"))
    assert model["basics"]["name"].endswith(" (draft)")
    child.proc.send_signal(signal.SIGKILL)
    child.wait()  # reaped: its pid is gone
    assert len(copies()) == 1 and locks.lock_path(sample_copy).exists()

    win = make_window()
    assert win.files.offer_recovery()  # the start-up path of run_gui
    assert json.loads(native.dumps(win.document.resume)) == model
    assert win.document.is_dirty and win.isWindowModified()
    assert win.document.path == sample_copy
    record = json.loads(locks.lock_path(sample_copy).read_text(encoding="utf-8"))
    assert record["pid"] == os.getpid(), "the dead session's lock was replaced silently"
    assert win.files.save()
    assert copies() == []
    assert native.load(sample_copy).basics.name.endswith(" (draft)")


@pytest.mark.skipif(not POSIX, reason="POSIX signals")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_journey_terminated_session_leaves_a_copy(
    qtbot, make_window, person, sample_copy, tmp_path, signame
) -> None:
    child = Child(tmp_path, "edit", sample_copy)  # edits, never autosaves by itself
    model = child.model(child.until("READY"))
    assert copies() == []
    child.proc.send_signal(getattr(signal, signame))
    assert child.wait() == 128 + getattr(signal, signame)
    (slot,) = copies()
    assert mode(slot) == 0o600
    assert not locks.lock_path(sample_copy).exists(), "it let go of its lock"

    win = make_window()
    assert win.files.offer_recovery()
    assert person.questions("ask_recover")[0][0].startswith("“cv.json”")
    assert json.loads(native.dumps(win.document.resume)) == model


@pytest.mark.skipif(not POSIX, reason="POSIX signals")
def test_a_session_killed_at_a_question_before_its_main_loop_ends(
    qtbot, person, sample_copy, tmp_path
) -> None:
    """A new user's `kill` was ignored: the signal left the question's loop, and then
    the main loop began and ran on. The work is saved and the process ends anyway."""
    child = Child(tmp_path, "question", sample_copy)
    child.until("READY")
    child.proc.send_signal(signal.SIGTERM)
    assert child.wait(timeout=20) == 128 + signal.SIGTERM
    assert len(copies()) == 1, "the edit was saved first"
    assert not locks.lock_path(sample_copy).exists()


# --- A9: private files in private folders -------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="POSIX modes")
def test_copies_locks_and_logs_are_private(qtbot, make_window, person, sample_copy) -> None:
    state = autosave.autosave_dir().parent
    state.mkdir(parents=True)
    (state / "autosave").mkdir(mode=0o755)
    os.chmod(state / "autosave", 0o755)  # left by an older version: tightened
    win = make_window()
    assert win.files.open(sample_copy)
    type_name(qtbot, win, "!")
    assert win.files.autosave_now()
    hook = crash.ExceptionHook(win)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        hook(*sys.exc_info())
    (slot,) = copies()
    (log,) = crash.crash_dir().glob("*.log")
    lock = locks.lock_path(sample_copy)
    for file in (slot, lock, log):
        assert mode(file) == 0o600, file
    for folder in (state, slot.parent, lock.parent, log.parent):
        assert mode(folder) == 0o700, folder


# --- B: unexpected errors reach the user ---------------------------------------------------


def raise_in_slot() -> tuple:
    try:
        {}["missing key"]
    except KeyError:
        return sys.exc_info()


def test_exception_hook_writes_a_log_and_shows_it(qtbot, make_window, person) -> None:
    win = make_window()
    passed_on = []
    hook = crash.ExceptionHook(win, lambda *info: passed_on.append(info))
    info = raise_in_slot()
    hook(*info)
    assert passed_on == [info], "the previous hook (stderr) still runs"
    ((parent, summary, details, log),) = person.exceptions
    assert parent is win and "KeyError" in summary and "missing key" in summary
    assert "raise_in_slot" in details and "Traceback" in details
    assert log.parent == crash.crash_dir() and log.name.endswith(".log")
    text = log.read_text(encoding="utf-8")
    assert "raise_in_slot" in text and "cveditor " in text and "Python " in text
    assert "Qt " in text and "Platform " in text
    assert str(log) in details


def test_exception_flood_shows_one_dialog(qtbot, make_window, person) -> None:
    win = make_window()
    hook = crash.ExceptionHook(win)
    for _ in range(5):
        hook(*raise_in_slot())
    assert len(person.exceptions) == 1
    assert "5 times" in win.statusBar().currentMessage()
    assert len(list(crash.crash_dir().glob("*.log"))) == 1
    try:
        raise ValueError("another error")
    except ValueError:
        hook(*sys.exc_info())
    assert len(person.exceptions) == 2, "a different error is shown"


def test_exception_hook_never_recurses(qtbot, make_window, person, monkeypatch) -> None:
    hook = crash.ExceptionHook(make_window())
    calls = []

    def dialog_that_fails(*args):
        calls.append(args)
        hook(*raise_in_slot())  # an error while the dialog is open (a slot in its loop)
        raise RuntimeError("the dialog itself broke")

    monkeypatch.setattr(dialogs, "show_exception", dialog_that_fails)
    hook(*raise_in_slot())  # must return, not raise or loop
    assert len(calls) == 1 and hook.during_dialog == 1


def test_install_excepthook_keeps_the_previous_one(qtbot, make_window) -> None:
    win = make_window()
    previous = sys.excepthook
    try:
        hook = crash.install_excepthook(win)
        assert sys.excepthook is hook and hook.previous is previous
        again = crash.install_excepthook(win)
        assert again.previous is previous, "installed twice: still one dialog"
    finally:
        sys.excepthook = previous


@pytest.mark.real_dialogs
def test_copy_details_puts_the_traceback_on_the_clipboard(qtbot, tmp_path) -> None:
    def act(box, count):
        if count == 1:
            assert "Traceback text" in box.detailedText()
            assert str(tmp_path / "x.log") in box.informativeText()
            next(b for b in box.buttons() if b.text() == "Copy Details").click()
        else:
            box.button(QMessageBox.StandardButton.Close).click()

    QGuiApplication.clipboard().clear()
    seen = answer_box(act, times=2)
    dialogs.show_exception(None, "Boom", "Traceback text", tmp_path / "x.log")
    assert len(seen) == 2, "the box stays after copying"
    assert QGuiApplication.clipboard().text() == "Traceback text"


@pytest.mark.skipif(not POSIX, reason="child process journey")
def test_journey_error_in_a_slot_reaches_the_user(sample_copy, tmp_path) -> None:
    child = Child(tmp_path, "slot-error", sample_copy)
    shown = child.until("SHOWN")[-1]
    report = json.loads(shown.removeprefix("SHOWN "))
    assert "ZeroDivisionError" in report["summary"]
    assert child.wait() == 3
    log = Path(report["log"])
    assert log.parent == crash.crash_dir() and "ZeroDivisionError" in log.read_text()
    assert "ZeroDivisionError" in child.proc.stderr.read(), "stderr still gets it"
