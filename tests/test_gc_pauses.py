"""Python's collector keeps out of the window's way (ui/gc_pauses.py; bench/ui.py measures
the window's longest wait while a long résumé's preview is made)."""

from __future__ import annotations

import gc
import shutil
import time

from cveditor.task import Task
from cveditor.ui.background import Worker
from cveditor.ui.editors.fields import TextField
from cveditor.ui.gc_pauses import DEFERRED, IDLE_MS, tasks_running

from .conftest import OUR_SAMPLE
from .person import Person, click_menu, focus, type_text
from .test_journeys import start_window, widget_at


def test_full_collections_wait_while_a_background_task_runs(qtbot) -> None:
    # A window of an earlier test may still be finishing a task (a thumbnail, a
    # render): its end restores the thresholds, so start from none running.
    qtbot.waitUntil(lambda: tasks_running() == 0, timeout=30_000)
    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []
    worker: Worker[int] = Worker(lambda: seen.append(gc.get_threshold()) or 1, Task())
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        worker.start()
    assert seen == [(before[0], before[1], DEFERRED)]  # young generations still collected
    qtbot.waitUntil(lambda: tasks_running() == 0, timeout=10_000)
    assert gc.get_threshold() == before  # back when the last task ended
    assert worker.outcome() == 1


def test_a_resume_opened_from_the_menu_is_left_out_of_collections(
    qtbot, monkeypatch, tmp_path
) -> None:
    person = Person(monkeypatch)
    path = tmp_path / "cv.json"
    shutil.copy(OUR_SAMPLE, path)
    window = start_window(qtbot)
    person.open_path = path
    click_menu(window, "File", "Open")
    resume = window.document.resume
    assert resume.work, "the sample has jobs"
    tracked = {id(obj) for obj in gc.get_objects()}  # the permanent generation is not listed
    assert id(resume.work[0]) not in tracked and id(resume.basics) not in tracked
    window.document.undo_stack.setClean()


def test_full_collections_wait_for_a_quiet_moment_of_the_window(qtbot, person) -> None:
    window = start_window(qtbot)
    assert gc.get_threshold()[2] == DEFERRED, "no automatic full collection in the window"
    qtbot.waitUntil(lambda: not window.live.busy, timeout=20_000)
    full: list[float] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(time.monotonic())

    gc.callbacks.append(seen)
    try:
        collector = window.idle_collector
        fired: list[float] = []
        collector.timer.timeout.connect(lambda: fired.append(time.monotonic()))
        before = collector.collections
        window.sections.select("basics")
        name = widget_at(window, TextField, ("basics", "name"))
        focus(qtbot, name)
        type_text(qtbot, name, "Kim")
        typed = time.monotonic()
        qtbot.waitUntil(lambda: collector.collections > before, timeout=IDLE_MS + 20_000)
        # only once it was quiet (a coarse timer may fire up to 5 % early)
        assert fired and fired[0] - typed >= 0.9 * IDLE_MS / 1000
        assert any(typed <= t <= fired[0] for t in full), "and it collected everything"
    finally:
        gc.callbacks.remove(seen)
        window.document.undo_stack.setClean()
