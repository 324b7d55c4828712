"""HTML → laid-out pages, the same for preview, PDF and printer.

Layout happens once, at 72 dpi with design metrics, so one layout unit is one point on
every device: the preview and the PDF paint the very same lines (design.md §1). Each
column of text is a column.Column; page breaks are paginate.py's.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPainter,
    QTextDocument,
    QTextLayout,
)

from ..model.layout import PAPER_SIZES_MM, Layout
from ..task import checkpoint
from .column import Column, LineRef
from .paginate import PaginationReport
from .themes import AsideSpec

MM_TO_PT = 72.0 / 25.4


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
    """A laid-out résumé: pages to paint, the same for preview, PDF and printer.

    One column, or two (``aside_html`` and ``aside``): the sidebar is its own flow of
    text, broken into pages beside the main one; its background is painted from the
    paper's top edge to its bottom; the main column is painted first.
    """

    def __init__(
        self,
        html: str,
        geometry: PageGeometry,
        font: QFont,
        *,
        new_page_sections: tuple[str, ...] = (),
        footer: str = "",
        images: dict[str, QImage] | None = None,
        line_height: float = 1.3,
        accent: str = "#1f4e79",
        continued_label: str = "(continued)",
        aside_html: str = "",
        aside: AsideSpec | None = None,
    ) -> None:
        self.geometry = geometry
        self.on_close: Callable[[], None] | None = None
        self._footers: list[QTextLayout] = []
        self._device = _points_device()  # kept alive as long as the document (trap 8)
        body = geometry.body
        self.aside_spec = aside if aside_html else None
        main_width = body.width()
        if self.aside_spec is not None:
            side = body.width() * self.aside_spec.width
            main_width = body.width() - side - self.aside_spec.gap
        common = {"images": images, "line_height": line_height, "accent": accent}
        self.main = Column(
            html,
            QSizeF(main_width, body.height()),
            font,
            self._device,
            new_page_sections=new_page_sections,
            continued_label=continued_label,
            **common,
        )
        self.aside: Column | None = None
        if self.aside_spec is not None:
            inner = body.width() * self.aside_spec.width - 2 * self.aside_spec.padding
            self.aside = Column(
                aside_html,
                QSizeF(max(inner, 20.0), body.height()),
                font,
                self._device,
                continued_label=continued_label,
                **common,
            )
        self.doc = self.main.doc
        self.footer_text = footer
        for index in range(self.page_count if footer else 0):
            checkpoint("Adding footers", index, self.page_count)
            self._footers.append(self._footer_layout(index))

    @property
    def columns(self) -> list[Column]:
        """The main column first (the order pages paint them in)."""
        return [self.main] + ([self.aside] if self.aside is not None else [])

    @property
    def report(self) -> PaginationReport:
        return self.main.report

    def documents(self) -> list[QTextDocument]:
        return [column.doc for column in self.columns]

    def close(self) -> None:
        """Free the laid-out text now, then call ``on_close``: a document laid out in a
        worker thread keeps that thread alive until this (ui/background.py)."""
        if "main" in self.__dict__:
            for column in self.columns:
                column.close()
            del self.__dict__["main"]
            self.__dict__.pop("doc", None)
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
        return max(column.page_count for column in self.columns)

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

    def _origins(self) -> list[QPointF]:
        """Where each column's top-left sits on the page, in the order of ``columns``."""
        g = self.geometry
        if self.aside_spec is None:
            return [QPointF(g.left, g.top)]
        side = g.body.width() * self.aside_spec.width
        return [
            QPointF(g.left + side + self.aside_spec.gap, g.top),
            QPointF(g.left + self.aside_spec.padding, g.top),
        ]

    def paint_page(self, painter: QPainter, index: int) -> None:
        """Paint page ``index`` with the painter's origin at the page's top-left, in points."""
        g = self.geometry
        spec = self.aside_spec
        aside = self.aside
        if spec is not None and aside is not None and (spec.every_page or index == 0):
            band = g.left + g.body.width() * spec.width
            painter.fillRect(QRectF(0, 0, band, g.height), QColor(spec.color))
        for column, origin in zip(self.columns, self._origins(), strict=True):
            column.paint(painter, index, origin)
        if self._footers:
            painter.save()
            painter.setPen(QColor("#777777"))
            baseline = g.height - g.bottom / 2 - self._footers[index].lineAt(0).height() / 2
            self._footers[index].draw(painter, QPointF(g.left, baseline))
            painter.restore()

    def anchor_position(self, name: str) -> tuple[int, float] | None:
        """(page, points from the page's top) of the heading or item anchored ``name``."""
        for column in self.columns:
            found = column.anchor_position(name)
            if found is not None:
                return found[0], self.geometry.top + found[1]
        return None

    def plain_text(self) -> str:
        """The printed text, main column first: what a reader of the PDF gets."""
        return "\n".join(column.doc.toPlainText() for column in self.columns)

    # --- what was drawn, for the PDF text-layer repair --------------------------------

    def lines_in_paint_order(self) -> Iterator[LineRef]:
        """(layout, its text, first char, length) of every line, in the order pages paint.

        A page paints each column's lines that fall in its window, block by block, the
        main column first; the footer follows the body. The PDF text-layer repair
        relies on this order.
        """
        pages = self.page_count
        by_column = [column.lines_by_page(pages) for column in self.columns]
        for page in range(pages):
            for lines in by_column:
                yield from lines[page]
            if self._footers:
                footer = self._footers[page]
                yield footer, footer.text(), 0, len(footer.text())
