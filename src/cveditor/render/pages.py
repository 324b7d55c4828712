"""HTML → a QTextDocument laid out on real pages, with items kept together.

Layout happens once, at 72 dpi with design metrics, so one layout unit is one point on
every device: the preview and the PDF paint the very same lines (design.md §1). Qt
ignores ``page-break-inside: avoid`` (trap 2), so after layout a pass finds each item by
its anchor (``cv-item-L-N``), and where an item crosses a page boundary but fits on a
page, puts a page break before it; headings are kept with what follows them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPainter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLayout,
    QTextOption,
)

from ..model.layout import PAPER_SIZES_MM, Layout

MM_TO_PT = 72.0 / 25.4
_BREAK = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
EPSILON = 0.01  # points; positions closer than this to a page edge belong to the next page
CLIP_INSET = 0.5  # points; see PagedDocument.paint_page
MAX_PAGINATION_ROUNDS = 4


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
        return QSizeF(self.width - self.left - self.right, self.height - self.top - self.bottom)


@dataclass
class Marker:
    """A heading or an item found in the laid-out document."""

    block: QTextBlock
    level: int  # 0 heading, 1 item, 2 item within an item
    name: str


@dataclass
class PaginationReport:
    breaks: int = 0
    passes: int = 0
    unfit: list[str] = field(default_factory=list)  # items taller than a page
    rounds: int = 0

    def merge(self, other: PaginationReport) -> None:
        self.breaks += other.breaks
        self.passes += other.passes
        self.unfit = other.unfit
        self.rounds += 1


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
        self._device = _points_device()  # kept alive as long as the document (trap 8)
        self.doc = QTextDocument()
        self.doc.documentLayout().setPaintDevice(self._device)
        self.doc.setUseDesignMetrics(True)
        self.doc.setDocumentMargin(0)
        self.doc.setIndentWidth(14)
        self.doc.setDefaultFont(font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.doc.setDefaultTextOption(option)
        self.doc.setPageSize(geometry.body)
        for name, image in (images or {}).items():  # only these: nothing else is loaded
            self.doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        self.doc.setHtml(html)
        self.report = PaginationReport()
        for _ in range(MAX_PAGINATION_ROUNDS):
            round_report = paginate(self.doc, new_page_sections)
            self.report.merge(round_report)
            # Qt re-lays out lazily after format changes and can leave blocks between two
            # changes without lines (seen: they vanished from the page). Lay out anew and
            # check again: a round that adds no break is the stable one.
            self.doc.markContentsDirty(0, self.doc.characterCount())
            self.doc.documentLayout().documentSize()
            if round_report.breaks == 0:
                break
        self.footer_text = footer
        self._footers = [self._footer_layout(i) for i in range(self.page_count)] if footer else []

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


# --- pagination ------------------------------------------------------------------------


def find_markers(doc: QTextDocument) -> list[Marker]:
    markers: list[Marker] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            for name in it.fragment().charFormat().anchorNames():
                if name.startswith("cv-h-"):
                    markers.append(Marker(block, 0, name))
                elif name.startswith("cv-item-"):
                    markers.append(Marker(block, int(name.split("-")[2]), name))
            it += 1
        block = block.next()
    return markers


def _top(doc: QTextDocument, block: QTextBlock) -> float:
    return doc.documentLayout().blockBoundingRect(block).top()


def _bottom_before(doc: QTextDocument, start: QTextBlock, stop: QTextBlock | None) -> float:
    """The lowest edge of the blocks from ``start`` up to (not including) ``stop``."""
    layout = doc.documentLayout()
    bottom = layout.blockBoundingRect(start).bottom()
    block = start.next()
    while block.isValid() and (stop is None or block != stop):
        bottom = max(bottom, layout.blockBoundingRect(block).bottom())
        block = block.next()
    return bottom


def _break_before(doc: QTextDocument, block: QTextBlock) -> None:
    """Start a new page at ``block``; a table that begins with it moves as a whole."""
    table = QTextCursor(block).currentTable()
    if table is not None and table.cellAt(0, 0).firstCursorPosition().block() == block:
        fmt = table.format()
        fmt.setPageBreakPolicy(_BREAK)
        table.setFormat(fmt)
        return
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(_BREAK)
    QTextCursor(block).setBlockFormat(fmt)


def _page_of_top(y: float, page: float) -> int:
    return int((y + EPSILON) // page)


def _page_of_bottom(y: float, page: float) -> int:
    return int(max(0.0, y - EPSILON) // page)


def _unit_end(doc: QTextDocument, markers: list[Marker], index: int, page: float) -> float:
    """Where the part of the document that must stay with ``markers[index]`` ends.

    An item without sub-items is kept whole. A heading, or an item with sub-items (a job
    with projects), is kept with its first sub-unit; if that is taller than a page, with
    the first block after it, so it never ends a page alone.
    """
    marker = markers[index]
    following = markers[index + 1] if index + 1 < len(markers) else None
    if following is None or following.level <= marker.level:
        return _bottom_before(doc, marker.block, following.block if following else None)
    end = _unit_end(doc, markers, index + 1, page)
    if end - _top(doc, marker.block) > page:
        end = doc.documentLayout().blockBoundingRect(following.block).bottom()
    return end


def paginate(doc: QTextDocument, new_page_sections: tuple[str, ...] = ()) -> PaginationReport:
    """Move items and headings so none is split or stranded; returns what it did.

    Markers are handled top to bottom; each break moves everything below it, so every
    position is read after the previous change (Qt re-lays out on demand).
    """
    report = PaginationReport()
    page = doc.pageSize().height()
    markers = find_markers(doc)
    new_page = {f"cv-h-{sid}" for sid in new_page_sections}
    for index, marker in enumerate(markers):
        report.passes += 1
        top = _top(doc, marker.block)
        first_page = _page_of_top(top, page)
        at_page_top = top - first_page * page < EPSILON * 50
        if at_page_top:
            continue
        if marker.name in new_page:
            _break_before(doc, marker.block)
            report.breaks += 1
            continue
        end = _unit_end(doc, markers, index, page)
        if _page_of_bottom(end, page) == first_page:
            continue
        if end - top <= page:
            _break_before(doc, marker.block)
            report.breaks += 1
        else:
            report.unfit.append(marker.name)
    return report
