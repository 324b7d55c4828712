"""Unexpected errors reach the user, not only stderr.

An exception escaping a Qt slot ends in ``sys.excepthook``; ``install_excepthook`` puts
``ExceptionHook`` there: it writes ``<state>/crash/<timestamp>.log`` (0600: a traceback may
quote the résumé) with the versions needed to fix the bug, and shows an error dialog with
a "Copy details" button. The same error repeating (a failing paint or timer slot) shows
one dialog and counts the rest; an error inside the hook never recurses.
"""

from __future__ import annotations

import platform
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QWidget

from .. import __version__
from ..paths import state_dir
from . import dialogs
from .autosave import private_dir, write_private

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def crash_dir() -> Path:
    return state_dir() / "crash"


def environment() -> str:
    """Versions and platform, for a bug report."""
    import PySide6
    from PySide6.QtCore import qVersion

    return (
        f"cveditor {__version__}\n"
        f"Python {sys.version.split()[0]} ({platform.python_implementation()})\n"
        f"PySide6 {PySide6.__version__}, Qt {qVersion()}\n"
        f"Platform {platform.platform()}\n"
    )


def write_log(details: str) -> Path:
    """``<state>/crash/<timestamp>.log``, 0600 in a 0700 folder. Raises OSError."""
    folder = private_dir(crash_dir())
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"{stamp}.log"
    number = 1
    while path.exists():
        number += 1
        path = folder / f"{stamp}-{number}.log"
    write_private(path, details.encode("utf-8", "replace"))
    return path


class ExceptionHook:
    """The ``sys.excepthook`` of the GUI; ``previous`` still runs (stderr, debuggers)."""

    def __init__(self, window: QWidget | None, previous: Hook | None = None) -> None:
        self.window = window
        self.previous = previous
        self.counts: dict[tuple[str, str, str], int] = {}  # error → times seen
        self.logs: dict[tuple[str, str, str], Path | None] = {}
        self.during_dialog = 0  # errors raised while our dialog was open
        self.stopped = False  # the event loop ended: shutting down, nobody to show to
        self._busy = False

    @staticmethod
    def key(error: BaseException, tb: TracebackType | None) -> tuple[str, str, str]:
        """Same type, message and place: the same error again."""
        frames = traceback.extract_tb(tb)
        where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
        return type(error).__qualname__, str(error)[:300], where

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if self.previous is not None:
            try:
                self.previous(kind, error, tb)
            except Exception:  # a broken previous hook must not hide the error from the user
                traceback.print_exc()
        if issubclass(kind, KeyboardInterrupt | SystemExit) or not self._can_report():
            return
        if self._busy:  # raised while our dialog is open: counted, never a second dialog
            self.during_dialog += 1
            return
        self._busy = True
        try:
            self._report(kind, error, tb)
        except Exception:
            print("cveditor: the error handler failed:", file=sys.stderr)
            traceback.print_exc()
        finally:
            self._busy = False

    def _report(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        key = self.key(error, tb)
        self.counts[key] = self.counts.get(key, 0) + 1
        if self.counts[key] > 1:  # a flood: no second dialog, a note in the log and status
            self._note_repeat(key)
            return
        trace = "".join(traceback.format_exception(kind, error, tb))
        details = f"{trace}\n{environment()}"
        log: Path | None
        try:
            log = write_log(f"{datetime.now().astimezone().isoformat()}\n{details}")
        except OSError as failure:
            log = None
            details += f"\n(No crash log: {failure.strerror or failure})\n"
        self.logs[key] = log
        if log is not None:
            details += f"\nCrash log: {log}\n"
        summary = f"An unexpected error happened: {kind.__name__}: {error}"
        dialogs.show_exception(self._parent(), summary, details, log)

    def _note_repeat(self, key: tuple[str, str, str]) -> None:
        count = self.counts[key]
        log = self.logs.get(key)
        if log is not None and count <= 1000:
            try:
                with log.open("a", encoding="utf-8") as handle:
                    handle.write(f"again at {datetime.now().isoformat()} ({count} times)\n")
            except OSError:
                pass
        parent = self._parent()
        status = getattr(parent, "statusBar", None)
        if status is not None:
            status().showMessage(f"The same unexpected error happened again ({count} times).")

    def stop(self) -> None:
        """Called when the event loop ends (QCoreApplication.aboutToQuit)."""
        self.stopped = True

    def _can_report(self) -> bool:
        """Not while the program is shutting down: errors of objects torn down after the
        event loop ended are no use to the user, and a dialog then would hang the exit."""
        from PySide6.QtCore import QCoreApplication

        return not (
            self.stopped
            or sys.is_finalizing()
            or QCoreApplication.instance() is None
            or QCoreApplication.closingDown()
        )

    def _parent(self) -> QWidget | None:
        """The window, unless Qt already deleted it."""
        from shiboken6 import Shiboken

        window = self.window
        return window if window is not None and Shiboken.isValid(window) else None


def install_excepthook(window: QWidget | None) -> ExceptionHook:
    """Make ``sys.excepthook`` report to the user; the previous hook is kept and called."""
    previous = sys.excepthook
    if isinstance(previous, ExceptionHook):  # installed again: one dialog, not two
        previous = previous.previous
    hook = ExceptionHook(window, previous)
    sys.excepthook = hook
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(hook.stop)
    return hook


def uninstall_excepthook() -> None:
    """Back to the previous hook: after the event loop there is nobody to show a dialog to."""
    if isinstance(sys.excepthook, ExceptionHook):
        sys.excepthook = sys.excepthook.previous or sys.__excepthook__
