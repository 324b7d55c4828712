"""Long work never freezes the window (issues #17.6 and #18.9): the preview is made in
the background with progress and Stop; opening, exporting and printing show a progress
dialog with Cancel after a second; a render over its budget is stopped and named."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from cveditor.errors import ResumeFileError
from cveditor.io import native
from cveditor.model import Resume
from cveditor.render import html as html_module
from cveditor.render.html import render_html
from cveditor.task import Cancelled, Task, budget, running
from cveditor.ui import background
from cveditor.ui.editors.fields import TextField
from cveditor.ui.main_window import MainWindow
from cveditor.ui.settings import Settings

from .conftest import OUR_SAMPLE
from .person import Person, menu_action, press, preview_settled, type_text
from .test_theme_safety import choose, resume_file, user_theme

#: Three nested loops that allocate nothing and would run for days.
SPINNING = (
    "<p>{{ basics.name }}</p>"
    "{% for a in range(100000) %}{% for b in range(100000) %}{% for c in range(100000) %}"
    "{% endfor %}{% endfor %}{% endfor %}"
)


@pytest.fixture
def spin_theme() -> Path:
    return user_theme("spin", SPINNING, 'name = "Spinning"\n')


@pytest.fixture
def window(qtbot, person, spin_theme):
    win = MainWindow(Settings())  # its theme picker lists the user theme "spin"
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.document.undo_stack.setClean()  # teardown closes without a question


def long_resume(path: Path, jobs: int) -> Path:
    """The sample with its jobs repeated ``jobs`` times, saved at ``path``."""
    resume = native.load(OUR_SAMPLE)
    visible = [job for job in resume.work if not job.hidden]
    resume.work = []
    for n in range(jobs):
        job = visible[n % len(visible)].model_copy(deep=True)
        job.name = f"{job.name} {n}"
        resume.work.append(job)
    native.save(resume, path, backup=False)
    return path


def open_by_menu(qtbot, window: MainWindow, person: Person, path: Path) -> None:
    person.open_path = path
    menu_action(window, "File", "Open").trigger()


def open_sample(qtbot, window: MainWindow, person: Person, folder: Path) -> None:
    """A copy of the sample opened through File > Open, its pages made."""
    copy = folder / "cv.json"
    copy.write_bytes(OUR_SAMPLE.read_bytes())
    open_by_menu(qtbot, window, person, copy)
    preview_settled(qtbot, window)


class CancelWhenShown:
    """Watches for the progress dialog as a person would, reads it, and presses Cancel
    (the call that showed it does not return until the work has stopped)."""

    def __init__(self, cancel: bool = True) -> None:
        self.cancel = cancel
        self.seen: list[str] = []  # the dialog's text each time it was looked at
        self.titles: list[str] = []
        self.timer = QTimer()
        self.timer.timeout.connect(self._look)
        self.timer.start(20)

    def _look(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                self.seen.append(widget.labelText())
                self.titles.append(widget.windowTitle())
                if self.cancel:
                    self.timer.stop()
                    button = widget.findChild(QPushButton)
                    button.click()


def field(window: MainWindow, path: tuple) -> TextField:
    return next(w for w in window.findChildren(TextField) if w.path == path)


# --- the preview ---------------------------------------------------------------------


def test_a_runaway_theme_shows_progress_and_stop_keeps_the_window_usable(
    qtbot, window, person, tmp_path
) -> None:
    open_sample(qtbot, window, person, tmp_path)
    before = window.rendered
    pages_before = window.pages_label.text()

    choose(window, "spin")
    progress = window.live.progress
    qtbot.waitUntil(progress.isVisible, timeout=5000)  # after a second, not at once
    assert "Running the theme" in progress.label.text()

    name = field(window, ("basics", "name"))  # the window answers while the theme runs
    type_text(qtbot, name, " Jr")
    assert window.document.resume.basics.name.endswith(" Jr")
    assert window.live.renderer.worker is not None, "the render should still be running"

    qtbot.mouseClick(progress.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.live.busy, timeout=5000)
    assert not progress.isVisible()
    assert window.statusBar().currentMessage().startswith("Preview cancelled.")
    assert "F5 updates them" in window.statusBar().currentMessage()
    assert window.pages_label.text() == "Preview paused"
    assert window.rendered is before and pages_before.endswith("pages")  # last good pages

    type_text(qtbot, name, "!")  # paused: an edit starts no new render
    assert not window.live.busy

    choose(window, "classic")
    assert not window.live.busy, "still paused"
    press("F5")  # View ▸ Update Preview (classic, quick: drawn at once)
    assert window.statusBar().currentMessage() == "", "the stop note no longer holds"
    preview_settled(qtbot, window)
    assert window.rendered is not before
    assert "Jr!" in window.rendered.pages.doc.toPlainText()
    assert window.pages_label.text().endswith("pages")


def test_a_theme_over_its_budget_is_stopped_and_named_in_preview_and_export(
    qtbot, window, person, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(html_module, "THEME_BUDGET_S", 1.0)
    open_by_menu(qtbot, window, person, resume_file(tmp_path, "spin"))
    preview_settled(qtbot, window)
    message = window.statusBar().currentMessage()
    assert message.startswith("Preview stopped: theme 'spin' took longer than 1 s"), message

    person.save_path = tmp_path / "out.pdf"
    watcher = CancelWhenShown(cancel=False)
    press("Ctrl+E")
    watcher.timer.stop()
    message = window.statusBar().currentMessage()
    assert message.startswith("Export stopped: theme 'spin' took longer than 1 s"), message
    assert f"; nothing was written to {person.save_path}." in message
    assert not person.save_path.exists() and not person.exported


def test_a_preview_over_its_budget_is_stopped_and_the_pages_stay(
    qtbot, window, person, tmp_path
) -> None:
    open_by_menu(qtbot, window, person, long_resume(tmp_path / "long.json", 200))
    preview_settled(qtbot, window)
    shown = window.rendered
    window.live.renderer.budget_s = 0.05  # far less than 200 jobs take to lay out
    type_text(qtbot, field(window, ("basics", "name")), " Jr")
    preview_settled(qtbot, window)
    message = window.statusBar().currentMessage()
    assert message.startswith("Preview stopped: the preview took longer than 0.05 s"), message
    assert window.rendered is shown and window.preview.page_count == shown.pages.page_count


# --- open, export, print -----------------------------------------------------------------


def test_export_shows_progress_after_a_second_and_cancel_writes_nothing(
    qtbot, window, person, tmp_path
) -> None:
    open_by_menu(qtbot, window, person, long_resume(tmp_path / "long.json", 600))
    preview_settled(qtbot, window, timeout=60000)
    person.save_path = tmp_path / "out.pdf"

    watcher = CancelWhenShown()
    started = time.monotonic()
    press("Ctrl+E")
    assert watcher.seen, "no progress dialog for an export of 600 jobs"
    assert time.monotonic() - started >= background.SHOW_PROGRESS_AFTER_MS / 1000
    assert not person.save_path.exists() and not person.exported
    message = window.statusBar().currentMessage()
    assert message == f"Export cancelled; nothing was written to {person.save_path}.", message

    watcher = CancelWhenShown(cancel=False)  # the same export, left to finish
    press("Ctrl+E")
    watcher.timer.stop()
    assert watcher.seen and any("Writing the PDF" in text for text in watcher.seen), watcher.seen
    assert person.save_path.read_bytes().startswith(b"%PDF")
    assert person.exported and person.exported[0][0] == person.save_path


def test_opening_a_long_file_can_be_cancelled_and_changes_nothing(
    qtbot, window, person, tmp_path, monkeypatch
) -> None:
    first = tmp_path / "cv.json"
    first.write_bytes(OUR_SAMPLE.read_bytes())
    open_by_menu(qtbot, window, person, first)
    big = long_resume(tmp_path / "big.json", 3000)
    monkeypatch.setattr(background, "SHOW_PROGRESS_AFTER_MS", 0)  # the dialog at once

    watcher = CancelWhenShown()
    open_by_menu(qtbot, window, person, big)
    assert watcher.titles and watcher.titles[0] == "Opening big.json"
    assert window.document.path == first, "a cancelled open replaced the résumé"
    assert window.statusBar().currentMessage() == "Opening big.json cancelled. Nothing changed."


def test_print_runs_with_progress_and_can_be_cancelled(
    qtbot, window, person, tmp_path, monkeypatch
) -> None:
    open_by_menu(qtbot, window, person, long_resume(tmp_path / "long.json", 200))
    person.print_to = tmp_path / "printed.pdf"
    monkeypatch.setattr(background, "SHOW_PROGRESS_AFTER_MS", 0)
    watcher = CancelWhenShown()
    press("Ctrl+P")
    assert watcher.seen
    assert window.statusBar().currentMessage() == "Printing cancelled."


# --- the checkpoints themselves -------------------------------------------------------------


def test_a_theme_loop_without_any_call_is_stopped_by_its_budget(spin_theme) -> None:
    resume = Resume()
    resume.layout.theme = "spin"
    started = time.monotonic()
    with running(Task()), budget(0.5, "this test"), pytest.raises(Cancelled) as stop:
        render_html(resume)
    assert time.monotonic() - started < 5
    assert stop.value.reason.startswith("this test took longer than 0.5 s")


def test_checked_loops_keep_what_a_theme_can_ask_of_a_loop() -> None:
    template = (
        "{% for w in ['A', 'B'] %}[{{ loop.index }}/{{ loop.length }}{{ '!' if loop.last }}"
        " {{ w }}]{% else %}none{% endfor %}"
        "{% for x in [] %}x{% else %}(empty){% endfor %}"
        "{% for n in range(3) if n != 1 %}{{ n }}{% endfor %}"
    )
    user_theme("loops", template, 'name = "Loops"\n')
    resume = Resume()
    resume.layout.theme = "loops"
    html = render_html(resume)
    assert "[1/2 A][2/2! B]" in html and "(empty)" in html and "02" in html


def test_without_a_task_checkpoints_do_nothing_and_user_errors_stay_located() -> None:
    user_theme("bad", "{{ 1 / 0 }}", 'name = "Bad"\n')
    resume = Resume()
    resume.layout.theme = "bad"
    with pytest.raises(ResumeFileError) as error:
        render_html(resume)
    assert "theme 'bad' failed: ZeroDivisionError" in error.value.located()


def test_the_cli_stops_a_theme_over_its_budget_and_writes_nothing(
    spin_theme, tmp_path, monkeypatch, capsys
) -> None:
    from cveditor.cli import run

    monkeypatch.setattr(html_module, "THEME_BUDGET_S", 0.5)
    source = resume_file(tmp_path, "spin")
    out = tmp_path / "out.pdf"
    assert run(["convert", str(source), "-o", str(out)]) == 1
    error = capsys.readouterr().err.strip()
    assert error == f"error: {source}: theme 'spin' took longer than 0.5 s and was stopped"
    assert not out.exists()


def test_stop_updating_the_preview_pauses_it_until_update_preview(
    qtbot, window, person, tmp_path
) -> None:
    open_sample(qtbot, window, person, tmp_path)
    shown = window.rendered
    menu_action(window, "View", "Stop Updating the Preview").trigger()
    assert window.pages_label.text() == "Preview paused"
    assert window.statusBar().currentMessage().startswith("Preview paused.")
    type_text(qtbot, field(window, ("basics", "name")), " Jr")
    assert not window.live.busy and window.rendered is shown, "edits wait while paused"
    menu_action(window, "View", "Update Preview").trigger()
    preview_settled(qtbot, window)
    assert window.rendered is not shown and "Jr" in window.rendered.pages.doc.toPlainText()
    assert window.pages_label.text().endswith("pages")


def test_a_short_resume_is_drawn_at_once_and_a_long_one_in_the_background(
    qtbot, window, person, tmp_path
) -> None:
    """Fonts are warm on the window's thread: a short résumé with a built-in theme is
    drawn there, at once; a long one (or a user theme) goes to a worker."""
    copy = tmp_path / "cv.json"
    copy.write_bytes(OUR_SAMPLE.read_bytes())
    open_by_menu(qtbot, window, person, copy)
    assert not window.live.busy and window.rendered is not None
    assert window.rendered.resume.basics.name == window.document.resume.basics.name
    type_text(qtbot, field(window, ("basics", "label")), "!")
    window.live.timer.timeout.emit()  # the pause after typing has passed
    assert not window.live.busy and "!" in window.rendered.html
    person.save_changes = "discard"
    open_by_menu(qtbot, window, person, long_resume(tmp_path / "long.json", 200))
    assert window.document.path == tmp_path / "long.json"
    assert window.live.busy, "a long résumé is not drawn on the window's thread"
    # meanwhile the last résumé's pages are not shown as if they were this one's
    assert window.preview.view.paged is None
    assert window.preview.view.waiting == "Making the pages…"
    preview_settled(qtbot, window)
    assert window.preview.page_count > 60
    assert window.preview.view.paged is window.rendered.pages and not window.preview.view.waiting
