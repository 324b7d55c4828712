"""Starting the editor: the application object, the window, the file to open; and the
safety nets around them. An unexpected error reaches the user (crash.py); logout,
shutdown or a kill (SIGTERM, SIGHUP, session end) autosave every dirty window before the
process ends, so the next start offers that work back."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
import threading
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..resources import resource_path, sample_path
from . import crash

if TYPE_CHECKING:
    from .main_window import MainWindow

WAKE_MS = 200  # how late a SIGTERM may be noticed while Qt's event loop runs C++ code
#: After a SIGTERM/SIGHUP, the work saved, how long the process may take to end on its
#: own before it is ended: a question open before the main loop began (its loop leaves,
#: then the main one starts and would run on) must not keep a killed editor alive.
EXIT_GRACE_S = 3.0


def emergency_autosave() -> int:
    """Autosave every dirty window now; returns how many copies were written."""
    from .files import FileController

    written = 0
    for widget in QApplication.topLevelWidgets():
        files = getattr(widget, "files", None)
        if isinstance(files, FileController) and files.autosave_now():
            written += 1
    return written


class ShutdownHandlers(QObject):
    """SIGTERM/SIGHUP (logout, shutdown, ``kill``) and the session manager's "save your
    data" request: autosave first, then exit. Python runs signal handlers only between
    bytecodes, so a timer wakes the interpreter every WAKE_MS while Qt waits for events."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.terminating = False
        self.number = 0  # the signal that ends the process
        self.previous: dict[int, object] = {}
        for name in ("SIGTERM", "SIGHUP"):
            number = getattr(signal, name, None)
            if number is not None:
                self.previous[number] = signal.signal(number, self._on_signal)
        self.wake = QTimer(self)
        self.wake.setInterval(WAKE_MS)
        self.wake.timeout.connect(lambda: None)  # running Python code runs the handlers
        self.wake.start()
        self._wake_at_once()
        app.commitDataRequest.connect(self._commit_data)

    def _wake_at_once(self) -> None:
        """Run the handler as the signal arrives, not at the next timer tick: at logout
        the display may close within that tick, and Qt then ends the process before any
        Python runs (a new user lost edits that way with a 200 ms tick). The signal
        writes to a socket that Qt's event loop watches; its slot is Python code, so the
        handler runs at once."""
        try:
            self._reader, writer = socket.socketpair()
        except OSError:
            return  # the timer alone
        for end in (self._reader, writer):
            end.setblocking(False)
        self._writer = writer
        try:
            self.previous_wakeup_fd = signal.set_wakeup_fd(writer.fileno())
        except ValueError:  # not the main thread
            return
        self.notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            self._reader.recv(512)

    def _on_signal(self, number: int, _frame: object) -> None:
        # the handler may interrupt any Python code: act from the event loop instead,
        # where the model is between changes
        if not self.terminating:
            self.terminating, self.number = True, number
            QTimer.singleShot(0, partial(self.terminate, number))

    def terminate(self, number: int) -> None:
        """Autosave every dirty window, let go of the file locks, leave the event loops."""
        from .files import FileController

        emergency_autosave()
        for widget in QApplication.topLevelWidgets():
            files = getattr(widget, "files", None)
            if isinstance(files, FileController):
                files.release_lock()
        code = 128 + number
        threading.Thread(target=_end_later, args=(code,), name="cveditor-exit", daemon=True).start()
        self.app.exit(code)

    def _commit_data(self, _manager: object) -> None:
        """The session is ending (logout): whatever happens next, the work is on disk."""
        emergency_autosave()

    def remove(self) -> None:
        """Undo the installation (tests, or an application object that lives on)."""
        global _handlers
        for number, previous in self.previous.items():
            signal.signal(number, previous)
        self.wake.stop()
        if hasattr(self, "previous_wakeup_fd"):
            signal.set_wakeup_fd(self.previous_wakeup_fd)
            self.notifier.setEnabled(False)
            self._reader.close()
            self._writer.close()
        self.app.commitDataRequest.disconnect(self._commit_data)
        if _handlers is self:
            _handlers = None


def _end_later(code: int) -> None:
    """End the process if it is still there after EXIT_GRACE_S (see there): the copies
    are written and the locks let go by then."""
    time.sleep(EXIT_GRACE_S)
    os._exit(code)


_handlers: ShutdownHandlers | None = None


def install_shutdown_handlers(app: QApplication) -> ShutdownHandlers:
    global _handlers
    if _handlers is None:
        _handlers = ShutdownHandlers(app)
    return _handlers


#: How often a running Python thread offers the lock to another (Python's default: 5 ms).
SWITCH_INTERVAL_S = 0.001


def start(file: Path | None, *, sample: bool = False) -> MainWindow:
    """Everything ``run_gui`` does before the event loop: the window, the safety nets,
    recovery of work from a session that did not end well, the file to open."""
    app = QApplication.instance() or QApplication(sys.argv)
    # Renders run in a worker thread; each time Qt calls into Python for the window (an
    # event filter, a paint) it waits for the worker to hand over Python's lock, by
    # default after up to 5 ms. A runaway theme left the window answering in 56 ms at
    # the 95th percentile with 5 ms, in 12 ms with 1 ms (bench/ui.py measures it).
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app.setApplicationName("cveditor")
    app.setApplicationDisplayName("cveditor")
    app.setDesktopFileName("io.github.cveditor.CVEditor")
    app.setWindowIcon(QIcon(str(resource_path("icons", "cveditor.svg"))))
    from .main_window import MainWindow

    window = MainWindow()
    crash.install_excepthook(window)
    install_shutdown_handlers(app)
    window.show()
    if not window.files.offer_recovery():
        if sample:  # an untitled copy: the installed sample is never written
            window.files.open_copy(sample_path())
        elif file is not None:
            window.files.open(Path(file))
    return window


def run_gui(file: Path | None, *, sample: bool = False) -> int:
    window = start(file, sample=sample)  # kept referenced until the loop ends
    try:
        if _handlers is not None and _handlers.terminating:  # killed during start-up
            return 128 + _handlers.number
        return QApplication.instance().exec()
    finally:
        crash.uninstall_excepthook()  # what fails while tearing down goes to stderr only
        if _handlers is not None:
            _handlers.remove()
        del window
