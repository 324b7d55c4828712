"""One column of text laid out on pages: the main flow, or a sidebar beside it.

A column is its own QTextDocument, typeset (typeset.py), laid out on the galley and
broken into pages (paginate.py) at the column's width. A two-column theme is two such
columns painted side by side on the same pages (pages.py), the main one first, so the
PDF's text layer reads the main column first (issue #19).
"""

from __future__ import annotations

from collections.abc import Iterator

import shiboken6
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPen,
    QTextDocument,
    QTextLayout,
    QTextOption,
)

from ..task import Cancelled, checkpoint
from .anchors import attach_names, share_names
from .freeing import empty_in_steps
from .paginate import (
    NO_LAYOUT,
    PaginationReport,
    find_markers,
    galley,
    lay_out,
    lay_out_anew,
    paginate,
)
from .reading import read_html
from .typeset import Stroke, apply_rhythm, overhangs, settle_tabs, strokes

CLIP_INSET = 0.5  # points; see Column.window

#: A line: (its block's layout, the block's text, first character, length).
LineRef = tuple[QTextLayout, str, int, int]


class Column:
    """A flow of text of one width, broken into pages of one height."""

    def __init__(
        self,
        html: str,
        size: QSizeF,
        font: QFont,
        device: QImage,
        *,
        images: dict[str, QImage] | None = None,
        line_height: float = 1.3,
        accent: str = "#1f4e79",
        new_page_sections: tuple[str, ...] = (),
        continued_label: str = "(continued)",
    ) -> None:
        self.size = size
        doc = self.doc = QTextDocument()
        doc.setUseDesignMetrics(True)
        doc.setDocumentMargin(0)
        doc.setIndentWidth(14)
        doc.setDefaultFont(font)
        doc.setUndoRedoEnabled(False)
        # A new document's page size is (-1, -1), which Qt takes as "lay out without
        # wrapping": every edit while reading and typesetting was laid out again, from
        # the edit to the end, under Python's lock. A null size means "not yet": nothing
        # is laid out until the galley's size is set below (trap 27).
        doc.setPageSize(NO_LAYOUT)
        for name, image in (images or {}).items():  # only these: nothing else is loaded
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        doc.documentLayout().setPaintDevice(device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        try:
            checkpoint("Reading the pages", 0, 0)
            # Read and typeset before any page size: with one, Qt lays out while reading
            # (all of it under Python's lock) and again after every edit.
            html, self.names = share_names(html)
            read_html(doc, html)
            attach_names(doc, self.names)
            apply_rhythm(doc, line_height, size.width())
            doc.setPageSize(galley(size.width()))
            lay_out(doc)
            if settle_tabs(doc):
                lay_out_anew(doc)
            self.report: PaginationReport = paginate(
                doc, size, new_page_sections, continued_label, self.names
            )
        except Cancelled:  # stopped part-way: its text freed in steps, here
            empty_in_steps(doc)
            raise
        self.overhangs = overhangs(doc)
        self._places = self._place_markers()
        self._strokes: dict[int, list[Stroke]] = {}
        for stroke in strokes(doc, self.height, QColor(accent)):
            first, last = int(stroke.y1 // self.height), int(stroke.y2 // self.height)
            for page in range(first, last + 1):
                self._strokes.setdefault(page, []).append(stroke)

    @property
    def height(self) -> float:
        return self.size.height()

    @property
    def page_count(self) -> int:
        return self.doc.pageCount()

    @property
    def empty(self) -> bool:
        return not self.doc.toPlainText().strip() and self.doc.rootFrame().childFrames() == []

    def close(self) -> None:
        if shiboken6.isValid(self.doc):
            shiboken6.delete(self.doc)

    def window(self, index: int) -> QRectF:
        """The band of the flow whose lines page ``index`` draws.

        A line's glyph box is taller than its fixed pitch, so the first line of a page
        starts a little above the page's edge and the last ends a little below: the
        band is narrowed by those overhangs, or the neighbour would draw them too
        (clipped away, but still in the PDF's text layer, read twice).
        """
        above, below = self.overhangs
        top = index * self.height + below + CLIP_INSET
        bottom = (index + 1) * self.height - above - CLIP_INSET
        return QRectF(0, top, self.size.width(), max(0.0, bottom - top))

    def pages_of_line(self, top: float, bottom: float) -> list[int]:
        """The pages whose paint pass draws a line spanning ``top``..``bottom`` (Qt draws
        a line that touches the band: see window)."""
        pages = []
        first = max(0, int(top // self.height) - 1)
        last = min(self.page_count - 1, int(bottom // self.height) + 1)
        for index in range(first, last + 1):
            band = self.window(index)
            if top <= band.bottom() and bottom >= band.top():
                pages.append(index)
        return pages

    def paint(self, painter: QPainter, index: int, origin: QPointF) -> None:
        """Page ``index`` of this column with its top-left at ``origin`` (points)."""
        if index >= self.page_count:
            return
        top = index * self.height
        painter.save()
        painter.translate(origin.x(), origin.y() - top)
        painter.setClipRect(QRectF(0, top, self.size.width(), self.height))
        for stroke in self._strokes.get(index, ()):
            pen = QPen(stroke.color, stroke.width)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawLine(QPointF(stroke.x1, stroke.y1), QPointF(stroke.x2, stroke.y2))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = self.window(index)
        self.doc.documentLayout().draw(painter, context)
        painter.restore()

    def lines_by_page(self, pages: int) -> list[list[LineRef]]:
        """Every line, grouped by the pages that draw it, in the order they draw them."""
        result: list[list[LineRef]] = [[] for _ in range(pages)]
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
                    if page < pages:
                        result[page].append(entry)
            block = block.next()
        return result

    def _place_markers(self) -> dict[str, tuple[int, float]]:
        """Where each heading and item is, found once here (in the thread that made the
        pages): looking one up walks every block, which on the window's thread stopped
        the window for a second at 3 200 jobs each time new pages arrived."""
        layout = self.doc.documentLayout()
        places: dict[str, tuple[int, float]] = {}
        for marker in find_markers(self.doc, self.names):
            top = layout.blockBoundingRect(marker.block).top()
            page = int(top // self.height)
            places.setdefault(marker.name, (page, top - page * self.height))
        return places

    def anchor_position(self, name: str) -> tuple[int, float] | None:
        """(page, points from the column's top) of the heading or item anchored ``name``."""
        return self._places.get(name)

    def lines(self) -> Iterator[str]:
        yield from self.doc.toPlainText().split("\n")
