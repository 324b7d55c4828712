"""The window's side of the preview: when to render, and what to say about it.

Edits restart a short timer; when it fires, the résumé is rendered: on the window's
thread when the last render was quick and the theme is a built-in one (the common
case, and the fastest: fonts are warm there), else a copy of it (the worker must not
read what the user is editing) in the background (preview_render.py). The pages, the
page count and any problem of the theme or the photo are shown when the render ends.
A stopped render pauses the preview until View ▸ Update Preview.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from ..errors import ResumeFileError
from ..model.resume import Resume
from ..render.build import RenderedResume, render_resume
from ..render.themes import Theme, get_theme
from .disposal import Disposer
from .gc_pauses import freeze_long_lived
from .preview_render import PreviewRenderer, RenderProgress
from .snapshot import Snapshots, restore

if TYPE_CHECKING:
    from .main_window import MainWindow

#: Pause after the last keystroke before the preview is made again.
PREVIEW_DELAY_MS = 120
#: A render shorter than this (with a built-in theme) is made on the window's thread.
QUICK_S = 0.1
#: A résumé just opened with at most this many items (jobs, degrees, custom entries…)
#: is taken as quick: the sample has 25 and renders in about 30 ms.
QUICK_ITEMS = 60


def _item_count(resume: Resume) -> int:
    """How many entries the résumé's sections hold, all kinds together."""
    lists = [getattr(resume, name) for name in type(resume).model_fields]
    for section in resume.custom_sections:
        lists += list(section.__dict__.values())
    return sum(len(value) for value in lists if isinstance(value, list))


class LivePreview(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.paused = False
        self.last_render_s: float | None = None  # None: unknown (a résumé just came in)
        self.stop_message = ""  # what the status bar says of the last stopped render
        self.fit_message = ""  # what "Fit to pages" did, last said in the status bar
        self.closed = False
        self.anchor_to_reveal: str | None = None  # asked for while the pages were coming
        self.renderer = PreviewRenderer(self)
        self.snapshots = Snapshots.shared(window.document)
        self.disposer = Disposer(self)
        self.progress = RenderProgress(self.stop)
        window.statusBar().insertPermanentWidget(0, self.progress)  # left of zoom and pages
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.render_now)
        self.renderer.rendered.connect(self._show)
        self.renderer.failed.connect(self._failed)
        self.renderer.stopped.connect(self._stopped)
        self.renderer.progress.connect(self.progress.show_task)

    @property
    def busy(self) -> bool:
        """A render is running or waiting for its timer: the pages may be about to change."""
        return self.timer.isActive() or self.renderer.busy

    def schedule(self, *_args: object) -> None:
        if not self.paused:
            self.timer.start()  # restarts: typing never waits for a render

    def render_now(self) -> None:
        """Render the résumé as it is now (unless paused): at once when the last render
        was quick and the theme is one of ours, else in the background."""
        self.timer.stop()
        if self.paused:
            return
        document = self.window.document
        theme = get_theme(document.resume.layout.theme)  # read once: it reads files
        if self._quick(theme):
            self._render_here(theme)
            return
        # The worker gets a copy, as bytes made here: the model may change while it
        # works. Only what changed since the last copy is pickled (snapshot.py); the
        # worker unpickles.
        frozen, base_dir = self.snapshots.take(), document.base_dir
        started = time.perf_counter()

        def make() -> RenderedResume:
            rendered = render_resume(restore(frozen), base_dir=base_dir)
            self.last_render_s = time.perf_counter() - started
            return rendered

        self.renderer.request(make)

    def _quick(self, theme: Theme) -> bool:
        """Whether to render on the window's thread. A worker thread starts with cold
        fonts: a 5-page résumé took 78 ms from edit to repainted there, 38 ms here. Only
        a built-in theme (bounded by the résumé) whose last render was short qualifies;
        a user theme may loop, and a long résumé takes long."""
        if self.renderer.busy or not theme.builtin or theme.problem:
            return False
        if self.last_render_s is None:  # just opened: judge by its size
            return _item_count(self.window.document.resume) <= QUICK_ITEMS
        return self.last_render_s < QUICK_S

    def _render_here(self, theme: Theme) -> None:
        document = self.window.document
        started = time.perf_counter()
        try:
            rendered = render_resume(document.resume, theme=theme, base_dir=document.base_dir)
        except ResumeFileError as error:
            self._failed(error.located())
            return
        self.last_render_s = time.perf_counter() - started
        self._show(rendered)

    def reveal(self, anchor: str) -> None:
        """Scroll to the heading ``anchor`` ("" = the top) now, and again when the pages
        being made arrive: a section chosen just after opening still shows."""
        preview = self.window.preview
        if anchor:
            preview.show_anchor(anchor)
        else:
            preview.verticalScrollBar().setValue(0)
        self.anchor_to_reveal = anchor if self.busy else None

    def update_preview(self) -> None:
        """View ▸ Update Preview: end a pause and draw the pages again now."""
        if self.paused:
            self.paused = False
            self._forget_stop_message()
            self.window.pages_label.setText("Making the pages…")
        self.render_now()

    def _forget_stop_message(self) -> None:
        """The "stopped, out of date" note no longer holds once the pages come again."""
        bar = self.window.statusBar()
        if self.stop_message and bar.currentMessage() == self.stop_message:
            bar.clearMessage()
        self.stop_message = ""

    def stop(self) -> None:
        """View ▸ Stop Updating the Preview, or the status bar's Stop button."""
        self.timer.stop()
        if self.renderer.busy:
            self.renderer.stop()
        else:
            self._stopped("Preview paused.")

    def resume_after_replace(self) -> None:
        """Another résumé came in: whatever paused the old one does not apply."""
        self.paused = False
        self.last_render_s = None  # unknown: the first render is judged by the size
        freeze_long_lived()  # the résumé just read: out of the collector's walks
        self.window.pages_label.setText("Making the pages…")  # the old count is not its
        self.render_now()
        if self.renderer.busy:  # made in the background: the old pages are not its pages
            self.window.preview.show_waiting("Making the pages…")

    def _show(self, rendered: RenderedResume) -> None:
        window = self.window
        if self.closed:  # arrived after the window closed
            rendered.pages.close()
            return
        old, window.rendered = window.rendered, rendered
        window.preview.set_pages(rendered.pages)
        if old is not None:  # freed in steps (disposal.py); then its thread ends too
            self.disposer.dispose(old.pages)
        self._forget_stop_message()
        if self.anchor_to_reveal is not None and not self.busy:
            self.reveal(self.anchor_to_reveal)
        count, fit = rendered.pages.page_count, rendered.fit
        window.pages_label.setText(fit.short if fit else f"{count} page{'s' * (count != 1)}")
        window.pages_label.setToolTip(fit.message if fit else "")
        problem = rendered.theme.problem or rendered.photo_problem
        if problem:  # a broken or missing theme (drawn with the default), a bad photo
            window.statusBar().showMessage(f"Preview: {problem}")
        elif fit and fit.message != self.fit_message:  # said once, not at every keystroke
            window.statusBar().showMessage(fit.message)
        elif not fit and self.fit_message == window.statusBar().currentMessage():
            window.statusBar().clearMessage()  # turned off: no longer true
        self.fit_message = fit.message if fit else ""

    def close(self) -> None:
        """The window is closing: stop rendering and free the pages (and their thread)."""
        self.closed = True
        self.timer.stop()
        self.renderer.stop()
        self.disposer.finish()
        window = self.window
        if window.rendered is not None:
            window.preview.set_pages(None)
            window.rendered.pages.close()
            window.rendered = None

    def _failed(self, message: str) -> None:
        self.window.statusBar().showMessage(f"Preview failed: {message}")

    def _stopped(self, message: str) -> None:
        self.paused = True
        self.window.pages_label.setText("Preview paused")
        self.stop_message = f"{message} The pages shown may be out of date: F5 updates them."
        self.window.statusBar().showMessage(self.stop_message)
        if self.window.preview.view.paged is None:  # none of this résumé's yet
            self.window.preview.show_waiting("Preview paused: F5 makes the pages.")
