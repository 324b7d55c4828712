"""Long work off the window's thread: the window keeps drawing, and the user can stop it.

:class:`Worker` runs one function in a thread of its own with a
:class:`~cveditor.task.Task` made current, so the function's checkpoints report
progress and obey Cancel. :func:`run_busy` is for work the user waits for (opening,
exporting, printing): the window takes no input for the first second (as before), then
a progress dialog with Cancel appears.

Qt keeps fonts per thread and frees them when the thread ends: text laid out in a
thread that has ended crashes when painted (measured: a segfault in the first paint).
So a worker whose result holds laid-out text (the preview's pages) stays alive, asleep,
until that result is closed (``keep`` / :meth:`Worker.release`), and the Qt
objects it made are handed to the window's thread (:func:`hand_over`). The threads are
daemons: one still asleep when the program ends does not hold it up.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from ..errors import ResumeFileError
from ..task import Cancelled, Task, running
from .gc_pauses import full_collections_deferred

T = TypeVar("T")

#: Work shorter than this shows no progress; longer, it shows progress and Cancel.
SHOW_PROGRESS_AFTER_MS = 1000
PROGRESS_REFRESH_MS = 100


def hand_over(obj: QObject) -> None:
    """Give a Qt object made in a worker to the window's thread (call it in the worker)."""
    app = QCoreApplication.instance()
    if app is not None and obj.thread() is not app.thread():
        obj.moveToThread(app.thread())


class Worker(QObject, Generic[T]):
    """One call of ``work`` in its own thread; ``result`` or ``error`` once finished.

    ``finished`` is emitted in the window's thread when the work has ended. With ``keep``
    (called here, in the worker, to hand the result over) the thread then sleeps until
    :meth:`release` (see the module's note); a result finished after Cancel is given to
    ``drop`` instead, here, where its Qt objects may still be freed.
    """

    finished = Signal()

    def __init__(
        self,
        work: Callable[[], T],
        task: Task | None = None,
        *,
        keep: Callable[[T], None] | None = None,
        drop: Callable[[T], None] | None = None,
    ) -> None:
        super().__init__()
        self.work = work
        self.task = task or Task()
        self.keep, self.drop = keep, drop
        self.result: T | None = None
        self.error: BaseException | None = None
        self._done = threading.Event()
        self._released = threading.Event()
        self._thread = threading.Thread(target=self._run, name="cveditor-worker", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        # An event dispatcher for this thread (a QEventLoop makes one): the text layout
        # starts timers, which Qt refuses, with a warning, in a thread without one.
        dispatcher_keeper = QEventLoop()
        with running(self.task), full_collections_deferred():
            try:
                self.result = self.work()
            except BaseException as error:  # handed to the window's thread, re-raised there
                # without its frames: they may hold text laid out here, which must go
                # with this thread (a bug's trace is kept as text for the crash report)
                if not isinstance(error, (Cancelled, ResumeFileError)):
                    error.add_note("In a worker thread:\n" + traceback.format_exc())
                error.__context__ = error.__cause__ = None
                self.error = error.with_traceback(None)
            else:
                self._hand_over_or_drop()
        self._done.set()
        try:
            self.finished.emit()
        except RuntimeError:  # the window let go of this worker (it closed): nobody waits
            return
        if self.keep is not None and self.error is None:
            self._released.wait()
        del dispatcher_keeper

    def _hand_over_or_drop(self) -> None:
        if self.task.cancel_requested and self.drop is not None:  # nobody wants it now
            self.drop(self.result)  # type: ignore[arg-type]
            self.result, self.error = None, Cancelled("cancelled")
        elif self.keep is not None:
            self.keep(self.result)  # type: ignore[arg-type]

    def is_running(self) -> bool:
        return not self._done.is_set()

    def wait(self, timeout_ms: int | None = None) -> bool:
        """Whether the work has ended (within ``timeout_ms``, or ever)."""
        return self._done.wait(None if timeout_ms is None else timeout_ms / 1000)

    def release(self) -> None:
        """The result's Qt objects are gone: let the thread (and its fonts) end."""
        self._released.set()

    def outcome(self) -> T:
        """The result, or the work's exception raised again (in the caller's thread)."""
        if self.error is not None:
            raise self.error
        return self.result  # type: ignore[return-value]


def stage_text(task: Task) -> str:
    """What the work is doing, as the progress displays say it."""
    return "Stopping…" if task.cancel_requested else task.stage or "Working…"


class _ProgressDialog(QProgressDialog):
    """The dialog of :func:`run_busy`: the task's stage and progress, and Cancel."""

    def __init__(self, parent: QWidget | None, title: str, task: Task) -> None:
        super().__init__(title, "Cancel", 0, 0, parent)
        self.task = task
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(360)
        self.canceled.disconnect()  # Cancel asks the work to stop; the dialog stays
        self.canceled.connect(self._stop)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(PROGRESS_REFRESH_MS)
        self.refresh()

    def _stop(self) -> None:
        self.task.cancel()
        self.setCancelButtonText("Stopping…")
        self.refresh()

    def reject(self) -> None:  # Esc: stop the work; the dialog goes when the work has
        self._stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self._stop()

    def refresh(self) -> None:
        task = self.task
        stage = stage_text(task)
        total = max(0, task.total)
        self.setMaximum(total)
        if total:
            self.setValue(min(task.done, total))  # the bar shows the percentage
        self.setLabelText(f"{stage}\n{task.elapsed:.0f} s")


def run_busy(
    parent: QWidget | None,
    title: str,
    work: Callable[[], T],
    *,
    drop_if_cancelled: bool = False,
) -> T:
    """``work()`` in a worker thread while the window waits; its result or exception.

    Raises :class:`Cancelled` when the user pressed Cancel and the work stopped. Work
    that finished although Cancel was pressed (its last step cannot be interrupted, or
    the click came as it ended) is returned, so that the caller reports what really
    happened (a file was written) — unless ``drop_if_cancelled`` (work with no effect
    outside, such as reading a file): then a Cancel always means "I don't want it".
    """
    worker: Worker[T] = Worker(work)
    worker.start()
    deadline = time.monotonic() + SHOW_PROGRESS_AFTER_MS / 1000
    while not worker.wait(20) and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    if worker.is_running():
        focused = QApplication.focusWidget()
        dialog = _ProgressDialog(parent, title, worker.task)
        loop = QEventLoop()
        worker.finished.connect(loop.quit)
        if worker.is_running():  # it may have ended in between
            dialog.show()
            loop.exec()
        dialog.timer.stop()
        dialog.hide()
        dialog.deleteLater()
        if focused is not None and shiboken6.isValid(focused) and focused.isVisible():
            focused.activateWindow()  # back where the person was typing
            focused.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
    worker.wait()
    if drop_if_cancelled and worker.task.cancel_requested and worker.error is None:
        raise Cancelled("cancelled")
    return worker.outcome()


def describe_stop(error: Cancelled, what: str) -> str:
    """A sentence for the status bar: what was stopped, and why."""
    if error.reason == "cancelled":
        return f"{what} cancelled."
    return f"{what} stopped: {error.reason}."


__all__ = ["Cancelled", "Worker", "describe_stop", "hand_over", "run_busy", "stage_text"]
