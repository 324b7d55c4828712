"""Pages no longer shown are freed in steps between the window's events, not in one
call that holds the window (ui/disposal.py; bench/ui.py measures the window's waits)."""

from __future__ import annotations

import pytest
import shiboken6

from cveditor.model import Resume
from cveditor.model.resume import Work
from cveditor.render import freeing
from cveditor.render.build import render_resume
from cveditor.task import Cancelled, Task, running
from cveditor.ui.disposal import SMALL, Disposer


def _pages(jobs: int):
    resume = Resume(
        work=[
            Work(name=f"Company {n}", position="Engineer", highlights=["Built it", "Ran it"])
            for n in range(jobs)
        ]
    )
    return render_resume(resume).pages


def test_long_pages_are_freed_in_steps_and_short_ones_at_once(qtbot) -> None:
    disposer = Disposer()
    long = _pages(800)
    docs = long.documents()
    assert sum(doc.blockCount() for doc in docs) >= SMALL
    disposer.dispose(long)
    assert disposer.busy and all(shiboken6.isValid(doc) for doc in docs), "not all at once"
    qtbot.waitUntil(lambda: not disposer.busy, timeout=30_000)
    assert not any(shiboken6.isValid(doc) for doc in docs), "freed in the end"
    short = _pages(3)
    short_docs = short.documents()
    disposer.dispose(short)
    assert not disposer.busy and not any(shiboken6.isValid(doc) for doc in short_docs)


def test_closing_frees_what_is_left_at_once(qtbot) -> None:
    disposer = Disposer()
    long = _pages(800)
    docs = long.documents()
    disposer.dispose(long)
    disposer.finish()
    assert not disposer.busy and not any(shiboken6.isValid(doc) for doc in docs)


class _StopAtBreaks(Task):
    """Stopped once the pages are being broken, as an edit during a long render does."""

    def check(self) -> None:
        if self.stage == "Placing page breaks":
            raise Cancelled("cancelled")


def test_a_render_stopped_part_way_frees_its_text_in_steps(monkeypatch) -> None:
    removed: list[int] = []
    real_step = freeing.remove_a_step

    def counted_step(doc) -> bool:
        before = doc.blockCount()
        more = real_step(doc)
        removed.append(before - doc.blockCount())
        return more

    monkeypatch.setattr(freeing, "remove_a_step", counted_step)
    resume = Resume(
        work=[Work(name=f"Company {n}", highlights=["Built it", "Ran it"]) for n in range(800)]
    )
    with running(_StopAtBreaks()), pytest.raises(Cancelled):
        render_resume(resume)
    assert len(removed) > SMALL // freeing.BLOCKS_PER_STEP, "one call per step"
    assert 0 < max(removed) <= freeing.BLOCKS_PER_STEP
