"""The live preview: the very pages the PDF will have, painted from the same layout.

Only visible pages are painted. Zoom: fit width, fit page, or a percentage; the
reader's place (scroll fraction) is kept across updates.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QScrollArea, QWidget

from ..render.pages import PagedDocument

PAGE_GAP = 16  # pixels between pages


class PagesView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.paged: PagedDocument | None = None
        self.waiting = ""  # said where the pages will be, while none are shown
        self.scale = 1.0  # pixels per point
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("#8a9099"))
        self.setPalette(palette)

    def page_size_px(self) -> QSize:
        if self.paged is None:
            return QSize(0, 0)
        g = self.paged.geometry
        return QSize(round(g.width * self.scale), round(g.height * self.scale))

    def sizeHint(self) -> QSize:
        page = self.page_size_px()
        count = self.paged.page_count if self.paged else 0
        return QSize(page.width() + 2 * PAGE_GAP, count * (page.height() + PAGE_GAP) + PAGE_GAP)

    def page_rect(self, index: int) -> QRectF:
        page = self.page_size_px()
        left = max(PAGE_GAP, (self.width() - page.width()) / 2)
        top = PAGE_GAP + index * (page.height() + PAGE_GAP)
        return QRectF(left, top, page.width(), page.height())

    def pages_in(self, band: QRectF) -> range:
        """The pages that ``band`` (in this widget's pixels) shows: found by arithmetic,
        not by looking at every page (a thousand of them, and each look a call into Qt
        that may wait for Python's lock while a render runs)."""
        if self.paged is None:
            return range(0)
        pitch = self.page_size_px().height() + PAGE_GAP
        if pitch <= 0:
            return range(0)
        first = max(0, int((band.top() - PAGE_GAP) // pitch))
        last = min(self.paged.page_count - 1, int((band.bottom() - PAGE_GAP) // pitch))
        return range(first, last + 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.paged is None:
            if self.waiting:
                painter = QPainter(self)
                painter.setPen(Qt.GlobalColor.white)
                painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.waiting)
                painter.end()
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        visible = QRectF(event.rect())
        for index in self.pages_in(visible):
            rect = self.page_rect(index)
            painter.fillRect(rect.translated(2, 2), QColor(0, 0, 0, 60))
            painter.fillRect(rect, Qt.GlobalColor.white)
            painter.save()
            painter.translate(rect.topLeft())
            painter.scale(self.scale, self.scale)
            self.paged.paint_page(painter, index)
            painter.restore()
        painter.end()


class PreviewWidget(QScrollArea):
    zoomChanged = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.view = PagesView()
        self.setWidget(self.view)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.mode = "fit-width"
        self.percent = 100
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it; arrows scroll
        self.setAccessibleName("Preview")

    @property
    def page_count(self) -> int:
        return self.view.paged.page_count if self.view.paged else 0

    def set_pages(self, paged: PagedDocument | None) -> None:
        self.view.waiting = ""
        if paged is None:  # the window is closing
            self.view.paged = None
            self.view.update()
            return
        bar = self.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.view.paged = paged
        self._apply_zoom()
        bar.setValue(round(fraction * bar.maximum()))
        self.view.update()

    def show_waiting(self, message: str) -> None:
        """No pages, and ``message`` where they will be: another résumé came in and its
        pages take a while; the last one's pages would be mistaken for them."""
        self.view.paged = None
        self.view.waiting = message
        self.view.resize(self.viewport().size())
        self.view.update()

    def show_anchor(self, name: str) -> bool:
        """Scroll so the heading or item with anchor ``name`` is near the top."""
        paged = self.view.paged
        where = paged.anchor_position(name) if paged else None
        if where is None:
            return False
        page, offset = where
        y = self.view.page_rect(page).top() + offset * self.view.scale - 12
        self.verticalScrollBar().setValue(max(0, round(y)))
        return True

    def set_zoom(self, mode: str, percent: int = 100) -> None:
        self.mode, self.percent = mode, percent
        self._apply_zoom()

    def zoom_in(self) -> None:
        self.zoom_by(1.2)

    def zoom_out(self) -> None:
        self.zoom_by(1 / 1.2)

    def fit_width(self) -> None:
        self.set_zoom("fit-width")

    def fit_page(self) -> None:
        self.set_zoom("fit-page")

    def actual_size(self) -> None:
        self.set_zoom("percent", 100)

    def zoom_by(self, factor: float) -> None:
        current = round(self.view.scale * 72 / max(1, self.logicalDpiX()) * 100)
        self.set_zoom("percent", max(25, min(400, round(current * factor))))

    def _apply_zoom(self) -> None:
        paged = self.view.paged
        if paged is None:
            return
        dpi_scale = self.logicalDpiX() / 72.0
        available = self.viewport().size()
        if self.mode == "fit-width":
            scale = (available.width() - 2 * PAGE_GAP) / paged.geometry.width
            label = "Fit width"
        elif self.mode == "fit-page":
            scale = min(
                (available.width() - 2 * PAGE_GAP) / paged.geometry.width,
                (available.height() - 2 * PAGE_GAP) / paged.geometry.height,
            )
            label = "Fit page"
        else:
            scale = dpi_scale * self.percent / 100
            label = f"{self.percent}%"
        bar = self.verticalScrollBar()
        fraction = bar.value() / max(1, self.view.height())  # keep the reader's place
        self.view.scale = max(0.1, scale)
        hint = self.view.sizeHint()
        self.view.resize(max(hint.width(), available.width()), hint.height())
        bar.setValue(round(fraction * self.view.height()))
        self.zoomChanged.emit(label)

    def keyPressEvent(self, event) -> None:
        """Home/End (and Ctrl+Home/End) go to the first and the last page."""
        bar = self.verticalScrollBar()
        if event.key() == Qt.Key.Key_Home:
            bar.setValue(bar.minimum())
        elif event.key() == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.mode != "percent":
            self._apply_zoom()
