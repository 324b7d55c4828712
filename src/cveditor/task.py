"""Long work that can be watched and stopped: a render, an export, an open.

The work runs in a worker thread with a :class:`Task` made current; the code that
does it calls :func:`checkpoint` at its steps (a page laid out, a page painted, a
theme's loop turned). A checkpoint records the progress for the window to show and
raises :class:`Cancelled` once the user has asked to stop or a budget has run out, so
a stop takes effect within one step. Without a current task (the CLI, tests that
render directly) a checkpoint costs one lookup and does nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")

#: A theme (the Jinja part of a render) that runs longer than this is stopped: the
#: built-in themes make 3 200 jobs in under a second, so only a runaway loop gets here.
THEME_BUDGET_S = 10.0


class Cancelled(Exception):
    """The work was stopped: by the user, or because it ran over its budget."""

    def __init__(self, reason: str = "cancelled") -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class _Budget:
    deadline: float
    what: str
    seconds: float


@dataclass
class Task:
    """What one piece of long work is doing, and whether it should stop.

    Written by the worker thread, read by the window's timer: single attribute
    assignments, which need no lock.
    """

    stage: str = ""
    done: int = 0
    total: int = 0  # 0: no measure of how far along (a busy indicator)
    cancel_requested: bool = False
    started: float = field(default_factory=time.monotonic)
    budgets: list[_Budget] = field(default_factory=list)

    def cancel(self) -> None:
        self.cancel_requested = True

    def limit(self, seconds: float, what: str) -> None:
        """Stop the whole task once ``seconds`` have passed from now."""
        self.budgets.append(_Budget(time.monotonic() + seconds, what, seconds))

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def check(self) -> None:
        if self.cancel_requested:
            raise Cancelled("cancelled")
        if self.budgets:
            now = time.monotonic()
            for budget in self.budgets:
                if now > budget.deadline:
                    raise Cancelled(
                        f"{budget.what} took longer than {budget.seconds:g} s and was stopped"
                    )


_current: ContextVar[Task | None] = ContextVar("cveditor_task", default=None)


@contextmanager
def running(task: Task) -> Iterator[Task]:
    """Make ``task`` the one :func:`checkpoint` reports to, in this thread."""
    token = _current.set(task)
    try:
        yield task
    finally:
        _current.reset(token)


def checkpoint(stage: str | None = None, done: int | None = None, total: int | None = None):
    """Record progress and stop here if the work was cancelled or is over budget."""
    task = _current.get()
    if task is None:
        return
    if stage is not None:
        task.stage = stage
    if total is not None:
        task.total = total
    if done is not None:
        task.done = done
    task.check()


@contextmanager
def budget(seconds: float, what: str) -> Iterator[None]:
    """Within this block, the current task stops once ``seconds`` have passed."""
    task = _current.get()
    if task is None:
        yield
        return
    entry = _Budget(time.monotonic() + seconds, what, seconds)
    task.budgets.append(entry)
    try:
        yield
    finally:
        task.budgets.remove(entry)
