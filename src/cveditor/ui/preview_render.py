"""The preview is made in the background: typing never waits for the pages.

One render at a time; a request made while one runs waits, and only the newest
waiting request is kept. A render that runs past a second shows its progress and a
Stop button in the status bar; one that runs past its budget is stopped and reported.
Either way the last good pages stay on screen, and the preview pauses until the user
asks for it again (View ▸ Update Preview), so the next keystroke does not start the
same long render over.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from ..errors import ResumeFileError
from ..render.build import RenderedResume
from ..task import Cancelled, Task
from .background import (
    PROGRESS_REFRESH_MS,
    SHOW_PROGRESS_AFTER_MS,
    Worker,
    describe_stop,
    hand_over,
    stage_text,
)

#: A preview that takes longer than this is stopped (a runaway theme, or a résumé far
#: too long to preview as one types); exports have no budget, only Cancel.
PREVIEW_BUDGET_S = 60.0
#: How long past the budget the window waits for a render to reach a checkpoint before
#: it gives up on it (Qt's reading of the HTML cannot be interrupted).
GRACE_S = 2.0


class PreviewRenderer(QObject):
    """Runs the renders the window asks for, one at a time, and says how each ended."""

    rendered = Signal(object)  # RenderedResume
    failed = Signal(str)  # the theme or the photo failed: a located message
    stopped = Signal(str)  # cancelled by the user, or over budget
    progress = Signal(object)  # the running Task, for the progress display; None: done

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker: Worker[RenderedResume] | None = None
        self.pending: Callable[[], RenderedResume] | None = None
        self.budget_s = PREVIEW_BUDGET_S
        self._watch = QTimer(self)
        self._watch.setInterval(PROGRESS_REFRESH_MS)
        self._watch.timeout.connect(self._check)

    @property
    def busy(self) -> bool:
        return self.worker is not None or self.pending is not None

    def request(self, make: Callable[[], RenderedResume]) -> None:
        """Render with ``make`` (called in the worker) now, or after the running one."""
        if self.worker is not None:
            self.pending = make
            return
        task = Task()
        task.limit(self.budget_s, "the preview")

        def keep(result: RenderedResume) -> None:
            for doc in result.pages.documents():  # the sidebar's too
                hand_over(doc)
            result.pages.on_close = worker.release  # this thread lives as long as the pages

        def drop(result: RenderedResume) -> None:
            result.pages.close()

        worker: Worker[RenderedResume] = Worker(make, task, keep=keep, drop=drop)
        worker.finished.connect(self._worker_finished)  # gone with this object
        self.worker = worker
        worker.start()
        self._watch.start()

    def stop(self) -> None:
        """The user's Stop: the running render ends at its next step, waiting ones go."""
        self.pending = None
        worker = self.worker
        if worker is not None:
            worker.task.cancel()
            if not worker.is_running() and worker.result is not None:  # ended, unannounced
                worker.result.pages.close()
                worker.result, worker.error = None, Cancelled("cancelled")

    def _check(self) -> None:
        worker = self.worker
        if worker is None:
            self._watch.stop()
            return
        elapsed = worker.task.elapsed
        if elapsed * 1000 >= SHOW_PROGRESS_AFTER_MS:
            self.progress.emit(worker.task)
        if elapsed > self.budget_s + GRACE_S:  # stuck where it cannot be stopped
            worker.task.cancel()  # it ends at its next step; its pages are dropped
            self.worker = None
            self._ended(Cancelled(f"the preview took longer than {self.budget_s:g} s"))

    def _worker_finished(self) -> None:
        worker = self.sender()
        if isinstance(worker, Worker):
            self._finished(worker)

    def _finished(self, worker: Worker[RenderedResume]) -> None:
        taken, worker.result = worker.result, None  # the worker keeps no pages alive
        if worker is not self.worker:
            return  # given up on already: its pages go now
        self.worker = None
        try:
            worker.outcome()
        except (Cancelled, ResumeFileError) as error:
            self._ended(error)
        else:
            self._ended(None)
            self.rendered.emit(taken)

    def _ended(self, error: Exception | None) -> None:
        self._watch.stop()
        self.progress.emit(None)
        if isinstance(error, Cancelled):
            self.pending = None
            self.stopped.emit(describe_stop(error, "Preview"))
        elif isinstance(error, ResumeFileError):
            self.failed.emit(error.located())
        if self.pending is not None:
            make, self.pending = self.pending, None
            self.request(make)


class RenderProgress(QWidget):
    """In the status bar while a long render runs: its stage, a bar, and Stop."""

    def __init__(self, stop: Callable[[], None]) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(140)
        self.bar.setTextVisible(False)
        self.button = QToolButton()
        self.button.setText("Stop")
        self.button.setToolTip("Stop making the preview; the pages shown stay")
        self.button.setAccessibleName("Stop the preview")
        self.button.clicked.connect(stop)
        for widget in (self.label, self.bar, self.button):
            layout.addWidget(widget)
        self.hide()

    def show_task(self, task: Task | None) -> None:
        if task is None:
            self.hide()
            return
        self.label.setText(f"Preview: {stage_text(task)}")
        self.bar.setMaximum(max(0, task.total))
        if task.total:
            self.bar.setValue(min(task.done, task.total))
        self.show()
