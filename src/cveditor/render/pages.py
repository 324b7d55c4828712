"""HTML → a QTextDocument laid out on real pages, with items kept together.

Layout happens once, at 72 dpi with design metrics, so one layout unit is one point on
every device: the preview and the PDF paint the very same lines (design.md §1). The
keep-together pass is in paginate.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QPointF, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPainter,
    QTextDocument,
    QTextLayout,
    QTextOption,
)

from ..model.layout import PAPER_SIZES_MM, Layout
from ..task import checkpoint
from .paginate import find_markers, lay_out, paginate

MM_TO_PT = 72.0 / 25.4
CLIP_INSET = 0.5  # points; see PagedDocument.paint_page
LARGE_HTML = 250_000  # characters of HTML (about 150 pages): see PagedDocument


@dataclass(frozen=True)
class PageGeometry:
    """A page and its body (inside the margins), in points."""

    width: float
    height: float
    left: float
    top: float
    right: float
    bottom: float

    @classmethod
    def from_layout(cls, layout: Layout) -> PageGeometry:
        width_mm, height_mm = PAPER_SIZES_MM[layout.paper]
        m = layout.margins
        return cls(
            width_mm * MM_TO_PT,
            height_mm * MM_TO_PT,
            m.left * MM_TO_PT,
            m.top * MM_TO_PT,
            m.right * MM_TO_PT,
            m.bottom * MM_TO_PT,
        )

    @property
    def body(self) -> QSizeF:
        """The body's size; its height is a whole number of 1/64 pt.

        Qt lays out in 1/64 pt and cuts the page height down to that grid, so with any
        other height page ``n`` starts ``n`` × (up to 1/64 pt) higher than ``n`` × height:
        35 pt after 2 400 A4 pages, and the pages we paint would drift off Qt's.
        """
        height = math.floor((self.height - self.top - self.bottom) * 64) / 64
        return QSizeF(self.width - self.left - self.right, height)


def _points_device() -> QImage:
    """A paint device of 72 dpi: layout units become points."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    dots_per_metre = round(72 / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


class PagedDocument:
    """A laid-out résumé: pages to paint, the same for preview, PDF and printer."""

    def __init__(
        self,
        html: str,
        geometry: PageGeometry,
        font: QFont,
        *,
        new_page_sections: tuple[str, ...] = (),
        footer: str = "",
        images: dict[str, QImage] | None = None,
    ) -> None:
        self.geometry = geometry
        self.on_close: Callable[[], None] | None = None
        self._footers: list[QTextLayout] = []
        self._device = _points_device()  # kept alive as long as the document (trap 8)
        self.doc = QTextDocument()
        self.doc.setUseDesignMetrics(True)
        self.doc.setDocumentMargin(0)
        self.doc.setIndentWidth(14)
        self.doc.setDefaultFont(font)
        for name, image in (images or {}).items():  # only these: nothing else is loaded
            self.doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        checkpoint("Reading the pages", 0, 0)
        # A long HTML is read before the document has a page size: with one, Qt also
        # lays out while reading, all of it under Python's lock. A short one is read
        # once the page is set, which is ~7 ms faster for a 5-page résumé.
        if len(html) >= LARGE_HTML:
            self.doc.setHtml(html)
        self.doc.documentLayout().setPaintDevice(self._device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.doc.setDefaultTextOption(option)
        self.doc.setPageSize(geometry.body)
        if len(html) < LARGE_HTML:
            self.doc.setHtml(html)
        lay_out(self.doc)
        self.report = paginate(self.doc, new_page_sections)
        self.footer_text = footer
        for index in range(self.page_count if footer else 0):
            checkpoint("Adding footers", index, self.page_count)
            self._footers.append(self._footer_layout(index))

    def close(self) -> None:
        """Free the laid-out text now, then call ``on_close``: a document laid out in a
        worker thread keeps that thread alive until this (ui/background.py)."""
        doc = self.__dict__.pop("doc", None)
        if doc is not None and shiboken6.isValid(doc):
            shiboken6.delete(doc)
        self._footers = []
        on_close, self.on_close = self.on_close, None
        if on_close is not None:
            on_close()

    def __del__(self) -> None:
        if self.__dict__.get("on_close") is not None:  # made in a worker: see close()
            self.close()

    # --- pages -----------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return self.doc.pageCount()

    @property
    def body_height(self) -> float:
        return self.geometry.body.height()

    def _footer_layout(self, index: int) -> QTextLayout:
        text = f"{self.footer_text} · {index + 1} / {self.page_count}"
        font = QFont(self.doc.defaultFont())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        layout = QTextLayout(text, font, self._device)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(self.geometry.body.width())
        layout.endLayout()
        line.setPosition(QPointF((self.geometry.body.width() - line.naturalTextWidth()) / 2, 0))
        return layout

    def paint_all(self, device: QPagedPaintDevice, dots_per_inch: float, stage: str) -> int:
        """Every page onto a paged device (the PDF writer, a printer), one device page
        each; returns how many. A checkpoint (``stage``) before each page."""
        painter = QPainter(device)
        painter.scale(dots_per_inch / 72.0, dots_per_inch / 72.0)
        for index in range(self.page_count):
            checkpoint(stage, index, self.page_count)
            if index:
                device.newPage()
            self.paint_page(painter, index)
        painter.end()
        return self.page_count

    def paint_page(self, painter: QPainter, index: int) -> None:
        """Paint page ``index`` with the painter's origin at the page's top-left, in points."""
        g = self.geometry
        top = index * self.body_height
        painter.save()
        painter.translate(g.left, g.top - top)
        painter.setClipRect(QRectF(0, top, g.body.width(), self.body_height))
        context = QAbstractTextDocumentLayout.PaintContext()
        # Lines only touching this page's edge belong to the neighbour: Qt would draw them
        # here too (clipped away, but still in the PDF's text layer, read twice).
        context.clip = self._line_window(index)
        self.doc.documentLayout().draw(painter, context)
        painter.restore()
        if self._footers:
            painter.save()
            painter.setPen(QColor("#777777"))
            baseline = g.height - g.bottom / 2 - self._footers[index].lineAt(0).height() / 2
            self._footers[index].draw(painter, QPointF(g.left, baseline))
            painter.restore()

    def anchor_position(self, name: str) -> tuple[int, float] | None:
        """(page, points from the page's top) of the heading or item anchored ``name``."""
        marker = next((m for m in find_markers(self.doc) if m.name == name), None)
        if marker is None:
            return None
        top = self.doc.documentLayout().blockBoundingRect(marker.block).top()
        page = int(top // self.body_height)
        return page, self.geometry.top + top - page * self.body_height

    def _line_window(self, index: int) -> QRectF:
        top = index * self.body_height
        return QRectF(
            0, top + CLIP_INSET, self.geometry.body.width(), self.body_height - 2 * CLIP_INSET
        )

    def pages_of_line(self, top: float, bottom: float) -> range:
        """The pages whose paint pass draws a line spanning ``top``..``bottom``."""
        first = max(0, int((top + CLIP_INSET) // self.body_height))
        last = min(self.page_count - 1, int(max(top, bottom - CLIP_INSET) // self.body_height))
        return range(first, last + 1)

    # --- what was drawn, for the PDF text-layer repair --------------------------------

    def lines_in_paint_order(self) -> Iterator[tuple[QTextLayout, str, int, int]]:
        """(layout, its text, first char, length) of every line, in the order pages paint.

        A page paints the lines of every block that fall in its window, block by block;
        the footer follows the body. The PDF text-layer repair relies on this order.
        """
        lines_by_page: list[list[tuple[QTextLayout, str, int, int]]] = [
            [] for _ in range(self.page_count)
        ]
        layout_of = self.doc.documentLayout()
        block = self.doc.begin()
        while block.isValid():
            text_layout, text = block.layout(), block.text()  # a block's layout has no text()
            origin = layout_of.blockBoundingRect(block).top()
            for n in range(text_layout.lineCount()):
                line = text_layout.lineAt(n)
                top = origin + line.y()
                entry = (text_layout, text, line.textStart(), line.textLength())
                for page in self.pages_of_line(top, top + line.height()):
                    lines_by_page[page].append(entry)
            block = block.next()
        for page, lines in enumerate(lines_by_page):
            yield from lines
            if self._footers:
                footer = self._footers[page]
                yield footer, footer.text(), 0, len(footer.text())
