"""When and where the theme picker's thumbnails are made.

Each theme's thumbnail (page 1 of the résumé in it: thumbnail_image.py) is made in a
worker thread, one theme at a time, the next one started on a later turn of the event
loop, so the window keeps drawing and taking keys. They are made only while the picker
is on screen, :data:`THUMBNAIL_DELAY_MS` after the last edit (never on every keystroke),
the résumé's own theme first. Each theme has :data:`THUMBNAIL_BUDGET_S`: a user theme
that loops forever is stopped at its next checkpoint and reported as failed; one stuck
where it cannot be stopped is given up on :data:`GRACE_S` later. Either is not tried
again for this résumé (each try would cost the budget again), only for the next opened.
While the preview is being made in the background, no thumbnail starts: both would
compete for Python's lock and the window, which needs it for every event it hands to
Python, would wait on both (``wait_while``, set by the window).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QSize, QTimer, Signal
from PySide6.QtGui import QImage

from ..document import ResumeDocument
from ..errors import ResumeFileError
from ..model.resume import Resume
from ..render.themes import Theme
from ..task import Cancelled, Task
from .background import Worker, describe_stop
from .thumbnail_image import first_page_image, thumbnail_copy

#: Pause after the last edit before the thumbnails are made again.
THUMBNAIL_DELAY_MS = 1500
#: Pause before the first thumbnails of a résumé (just opened, or the picker just shown):
#: the preview, which the user is waiting for, goes first.
SHOW_DELAY_MS = 300
#: A theme whose thumbnail takes longer is stopped: ours take ~20–80 ms.
THUMBNAIL_BUDGET_S = 3.0
#: How long past the budget to wait for a step that cannot be interrupted (Qt reading
#: the HTML) before giving up on that theme.
GRACE_S = 2.0
WATCH_MS = 250
#: Which theme is chosen does not change how the résumé looks in the others.
THEME_PATH = ("cv", "layout", "theme")


class ThumbnailMaker(QObject):
    """Makes every theme's thumbnail of the open résumé, again after edits."""

    made = Signal(str, QImage)  # theme id, page 1 in that theme
    failed = Signal(str, str)  # theme id, why it cannot be drawn

    def __init__(
        self,
        document: ResumeDocument,
        themes: Mapping[str, Theme],
        size: QSize,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.themes = themes
        self.size = size
        self.ratio = 1.0  # device pixels per pixel of the screen the picker is on
        self.visible = False
        self.stale = True  # the thumbnails shown are not of the résumé as it is now
        self.queue: list[str] = []  # themes still to draw in this round, in order
        self.snapshot: Resume | None = None
        self.base_dir: Path | None = None
        self.worker: Worker[QImage] | None = None
        self.worker_theme = ""
        self.costs_ms: dict[str, float] = {}  # the last thumbnail of each theme took
        self.too_slow: set[str] = set()  # ran over the budget with this résumé
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.start_round)
        #: True while something the user waits for more runs (the preview being made):
        #: no round and no theme starts then; they are tried again a little later.
        self.wait_while: Callable[[], bool] = lambda: False
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(SHOW_DELAY_MS)
        self._retry.timeout.connect(self._next)
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._check)
        document.changed.connect(self._changed)
        document.reset.connect(self._replaced)

    @property
    def busy(self) -> bool:
        """Thumbnails are being made or are due: those shown may be about to change."""
        return self.timer.isActive() or self.worker is not None or bool(self.queue)

    def set_visible(self, visible: bool) -> None:
        """The picker came on screen (draw what is missing) or left it (stop)."""
        self.visible = visible
        if not visible:
            self.timer.stop()
            if self.worker is not None:
                self.worker.task.cancel()  # its theme goes back in the queue
        elif self.stale:
            self.timer.start(SHOW_DELAY_MS)
        else:
            self._next()

    def _changed(self, path: tuple) -> None:
        if tuple(path) == THEME_PATH:
            return
        self.stale = True
        if self.visible:
            self.timer.start(THUMBNAIL_DELAY_MS)  # restarted by every edit

    def _replaced(self) -> None:
        self.stale = True
        self.too_slow.clear()
        if self.visible:
            self.timer.start(SHOW_DELAY_MS)

    def start_round(self) -> None:
        """Draw every theme again from the résumé as it is now, its own theme first."""
        self.timer.stop()
        if not self.visible:
            return
        if self.wait_while():  # even the copy below costs the window under contention
            self.timer.start(SHOW_DELAY_MS)
            return
        self.stale = False
        resume = self.document.resume
        self.snapshot = thumbnail_copy(resume)  # the worker never reads the live résumé
        self.base_dir = self.document.base_dir
        current = resume.layout.theme
        themes = [theme_id for theme_id in self.themes if theme_id not in self.too_slow]
        self.queue = sorted(themes, key=lambda theme_id: theme_id != current)
        self._next()

    def _next(self) -> None:
        if self.worker is not None or not self.visible or not self.queue:
            return
        if self.wait_while():
            self._retry.start()
            return
        theme_id = self.queue.pop(0)
        theme, resume, base_dir = self.themes[theme_id], self.snapshot, self.base_dir
        width, ratio = self.size.width(), self.ratio
        assert resume is not None

        def make() -> QImage:
            started = time.perf_counter()
            image = first_page_image(resume, theme, base_dir, width, ratio)
            self.costs_ms[theme_id] = (time.perf_counter() - started) * 1000
            return image

        task = Task()
        task.limit(THUMBNAIL_BUDGET_S, f"the thumbnail of {theme.name!r}")
        worker: Worker[QImage] = Worker(make, task)
        worker.finished.connect(self._worker_finished)
        self.worker, self.worker_theme = worker, theme_id
        worker.start()
        self._watch.start()

    def _check(self) -> None:
        worker = self.worker
        if worker is None:
            self._watch.stop()
        elif worker.task.elapsed > THUMBNAIL_BUDGET_S + GRACE_S:
            worker.task.cancel()  # it ends at its next step, unseen
            self.worker = None
            self._watch.stop()
            self.too_slow.add(self.worker_theme)
            seconds = f"{THUMBNAIL_BUDGET_S:g} s"
            self.failed.emit(self.worker_theme, f"its thumbnail took longer than {seconds}")
            QTimer.singleShot(0, self._next)

    def _worker_finished(self) -> None:
        worker = self.sender()
        if not isinstance(worker, Worker) or worker is not self.worker:
            return  # given up on already
        self.worker = None
        self._watch.stop()
        theme_id = self.worker_theme
        QTimer.singleShot(0, self._next)  # one theme per turn of the event loop
        try:
            image = worker.outcome()
        except Cancelled as error:
            if worker.task.cancel_requested:  # the picker was hidden: drawn when shown
                if theme_id not in self.queue:
                    self.queue.insert(0, theme_id)
            else:  # over its budget
                self.too_slow.add(theme_id)
                self.failed.emit(theme_id, describe_stop(error, "Thumbnail"))
        except ResumeFileError as error:
            self.failed.emit(theme_id, error.located())
        except Exception:  # a bug: the picker says so, and the crash report tells us
            self.failed.emit(theme_id, "an internal error happened")
            raise
        else:
            self.made.emit(theme_id, image)
