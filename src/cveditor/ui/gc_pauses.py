"""Keep Python's garbage collector from stopping the window during long renders.

A full collection walks every object Python tracks, under Python's lock: with a
3 200-job résumé open that took 0.5–1 s, and when it ran in the render's worker (or
was triggered there by the window's own allocations) the window waited as long. Two
measures, both measured in bench/ui.py:

- the résumé just read lives until the next one comes, so it is frozen (moved out of
  the collector's sight: still freed as usual when nothing refers to it);
- while a background task runs (a preview, an export), full collections wait (the
  young generations, where a render's short-lived cycles die, are still collected);
  the collector's thresholds come back when the last task ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: The oldest generation's threshold while a render runs: far more young collections
#: than any render makes.
DEFERRED = 1_000_000

_lock = threading.Lock()
_running = 0
_saved: tuple[int, int, int] | None = None


def freeze_long_lived() -> None:
    """Everything alive now (the résumé just read, the window) is left out of every
    later collection."""
    gc.freeze()


def tasks_running() -> int:
    """How many background tasks are deferring full collections now."""
    with _lock:
        return _running


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
