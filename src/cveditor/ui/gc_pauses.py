"""Keep Python's garbage collector from stopping the window during long renders.

A full collection walks every object Python tracks, under Python's lock: with a
3 200-job résumé open that took 0.5–1 s, and when it ran in the render's worker (or
was triggered there by the window's own allocations) the window waited as long. Two
measures, both measured in bench/ui.py:

- the résumé just read lives until the next one comes, so it is frozen (moved out of
  the collector's sight: still freed as usual when nothing refers to it);
- while a background task runs (a preview, an export), full collections wait (the
  young generations, where a render's short-lived cycles die, are still collected);
  the collector's thresholds come back when the last task ends;
- in the window, full collections run only when it is idle (:class:`IdleCollector`):
  otherwise the first one after a long render (0.16 s at 3 200 jobs) came right as
  its pages were shown, or in the middle of typing.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer

#: The oldest generation's threshold while a render runs: far more young collections
#: than any render makes.
DEFERRED = 1_000_000

_lock = threading.Lock()
_running = 0
_saved: tuple[int, int, int] | None = None
_windows = 0  # open windows holding automatic full collections back
_automatic: tuple[int, int, int] | None = None  # the thresholds before the first window


def freeze_long_lived() -> None:
    """Everything alive now (the résumé just read, the window) is left out of every
    later collection."""
    gc.freeze()


def tasks_running() -> int:
    """How many background tasks are deferring full collections now."""
    with _lock:
        return _running


def _set_oldest(oldest: int | None) -> None:
    """Set the oldest generation's threshold (None: as it was before the first window),
    also in what a running task will restore."""
    global _saved, _automatic
    with _lock:
        current = _saved if _saved is not None else gc.get_threshold()
        if _automatic is None:
            _automatic = current
        wanted = (current[0], current[1], _automatic[2] if oldest is None else oldest)
        if _saved is not None:  # a task runs: its end sets them
            _saved = wanted
        else:
            gc.set_threshold(*wanted)


def _window_opened() -> None:
    global _windows
    _windows += 1
    _set_oldest(DEFERRED)


def _window_closed() -> None:
    global _windows
    _windows = max(0, _windows - 1)
    if _windows == 0:
        _set_oldest(None)


@contextmanager
def full_collections_deferred() -> Iterator[None]:
    """Within: no full collection (tasks may overlap; the last one out restores)."""
    global _running, _saved
    with _lock:
        if _running == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(_saved[0], _saved[1], DEFERRED)
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None


#: Quiet time (no edit, no render ending) after which the window collects everything.
IDLE_MS = 3000


class IdleCollector(QObject):
    """Makes full collections wait for a quiet moment of the window: automatic ones are
    held back from its start; :meth:`poke` (each edit, each render shown) restarts the
    wait, and when it runs out with no background task running, one full collection."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        _window_opened()
        self.open = True
        self.collections = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(IDLE_MS)
        self.timer.timeout.connect(self._collect)

    def poke(self, *_args: object) -> None:
        if self.open:
            self.timer.start()

    def close(self) -> None:
        """The window closed: with the last one, automatic full collections return."""
        if self.open:
            self.open = False
            self.timer.stop()
            _window_closed()

    def _collect(self) -> None:
        if tasks_running():  # a render or an export: after it
            self.timer.start()
            return
        gc.collect()
        self.collections += 1
