"""Page breaks like a typesetter's: Qt only pushes a line that does not fit to the next
page (design.md §4 trap 2); the rules of good pages are ours.

Themes mark structure with anchors on a block's first line: ``cv-h-<section>`` (a
section heading), ``cv-item-<level>-<n>`` (an item; level 2 is a project within a job),
``cv-keep`` (a line that belongs with the next one, such as the company under a job
title). From them, the rules (LaTeX and Typst as the reference):

- a heading or an item's head stays with what follows, and with at least two lines of it;
- a paragraph splits only between lines, leaving at least two lines on each page (no
  orphan, no widow), so paragraphs of three lines or less never split;
- an item shorter than a third of a page moves whole; a longer one splits between its
  paragraphs, bullets or projects, and the next page repeats its head marked
  "(continued)" / "(계속)";
- a table moves whole when it fits on a page (row tables make a table split between rows);
- a section named in ``new_page_sections`` starts a page.

The pages are decided on the top-level flow of the galley (the document laid out on one
endless page, where Qt has moved nothing) in one pass: a break moves everything after
it by one amount, so page k's content is the flow from its first point on. Then the
breaks are applied, and the document is laid out on real pages; where Qt broke
something the galley could not foresee (a table row taller than a page), a line left
across a page's end is moved and a break after an almost blank page is taken back.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from PySide6.QtCore import QSizeF
from PySide6.QtGui import (
    QColor,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)

from ..task import checkpoint
from .anchors import anchors_of, name_of
from .typeset import PX_PER_PT

_BREAK = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
_FIXED = QTextBlockFormat.LineHeightTypes.FixedHeight.value
EPSILON = 0.01  # points; a position this close to a page edge belongs to the next page
FIT_SLACK = 0.5  # points a page is taken to be shorter: Qt rounds to 1/64 pt here and there
LAYOUT_STEP = 200  # blocks laid out between two checkpoints (about 20 ms)
#: The page size under which Qt lays nothing out: edits only forget the changed blocks'
#: lines. ``QSizeF()`` is (-1, -1), which Qt reads as "lay out without wrapping", and
#: then lays out again from each edit on, under Python's lock (trap 27).
NO_LAYOUT = QSizeF(0, 0)
SHORT_ITEM = 1 / 3  # of a page: an item shorter than this moves whole
MIN_LINES = 2  # lines a split paragraph leaves on each page; lines kept with a heading
CONTINUED = "cv-cont"  # anchor of a repeated item head at the top of a page
TABLE_HEADER = "cv-thead"  # anchor in a table that is the header row of the row tables after it
KEEP = "cv-keep"
#: A format property on the blocks and tables this module breaks before: only those
#: breaks may be taken back (a theme's own page-break-before stays).
OURS = QTextFormat.Property.UserProperty.value + 1
HEAD_GAP = 2.0  # points under a repeated item head (_insert_head)
#: From this many characters (about 90 pages) a document is laid out in steps and its
#: breaks applied detached (below): each Qt call then holds Python's lock briefly, at
#: the price of ~25 ms more for a 5-page résumé, which is why shorter ones do not.
LARGE_DOCUMENT = 100_000
MAX_REPAIRS = 3  # rounds of taking back breaks after blank pages (see paginate)
ALMOST_BLANK = 1  # lines: a page holding no more, before a break, is taken back
GALLEY = 1e9  # points: a page no résumé fills, so Qt breaks nothing (see paginate)


@dataclass
class Marker:
    """A heading (level 0) or an item (1, or 2 for an item within an item)."""

    block: QTextBlock
    level: int
    name: str


@dataclass
class PaginationReport:
    breaks: int = 0
    rounds: int = 0
    continued: int = 0  # item heads repeated at the top of a page
    unfit: list[str] = field(default_factory=list)  # items taller than a page


def _marker_of(block: QTextBlock, marks: list[str], names: list[str]) -> Marker | None:
    """The heading or item a block opens, by its marks (anchors.py for the names)."""
    for mark in marks:
        if mark == "cv-h" or mark.startswith("cv-h-"):
            return Marker(block, 0, name_of(block, names, "cv-h"))
        if mark.startswith("cv-item-"):
            try:
                level = int(mark.split("-")[2])
            except (IndexError, ValueError):
                continue
            return Marker(block, level, name_of(block, names, f"cv-item-{level}"))
    return None


def find_markers(doc: QTextDocument, names: list[str]) -> list[Marker]:
    markers: list[Marker] = []
    block = doc.begin()
    while block.isValid():
        marker = _marker_of(block, anchors_of(block), names)
        if marker is not None:
            markers.append(marker)
        block = block.next()
    return markers


# --- the flow: top-level blocks and tables, with their lines ---------------------------


@dataclass
class Box:
    """One thing of the top-level flow: a block (with its lines) or a table/frame."""

    top: float  # where its top margin begins: a page that starts with it starts here
    line_tops: list[float]  # for a block, the top of each line; a table has one "line"
    bottom: float  # where its content ends
    line_starts: list[int] = field(default_factory=list)  # each line's first character
    block: QTextBlock | None = None
    frame: QTextFrame | None = None
    keep_with_next: bool = False
    marker: Marker | None = None
    continued: bool = False  # a repeated item head (inserted by an earlier round)
    item: int = -1  # index in Flow.items of the level-1 item it belongs to, if any
    breaks_before: bool = False  # already carries a page break
    is_header: bool = False  # a table's header row (anchor cv-thead-*), own table
    glue: bool = False  # an empty block (Qt keeps one after every table): no content
    header: int = -1  # for a row table: the box of its header row, repeated on new pages


@dataclass
class Item:
    """A level-1 item's extent in the flow, and what its repeated head says."""

    first: int  # box index of its head
    end: int  # box index after its last box
    title: str
    marker: Marker


@dataclass
class Point:
    """A place the page may break: before line ``line`` of box ``box`` (0: before it)."""

    box: int
    line: int
    start: float  # where the next page's content begins in the flow
    end: float  # where the content before it ends


class Flow:
    """The top-level flow of a laid-out document."""

    def __init__(self, doc: QTextDocument, page: float, names: list[str]) -> None:
        self.doc = doc
        self.names = names
        self.layout = doc.documentLayout()
        self.page = page
        self.galley = doc.pageSize().height() >= GALLEY
        self.boxes: list[Box] = []
        self.items: list[Item] = []
        self._read()

    def page_top(self, y: float, fallback: float) -> float:
        """The top edge of the page ``y`` lies on (on the galley there are none)."""
        return fallback if self.galley else ((y + EPSILON) // self.page) * self.page

    def _block_box(self, block: QTextBlock) -> Box:
        fmt = block.blockFormat()
        layout = block.layout()
        origin = layout.position().y()
        tops = [origin + layout.lineAt(n).y() for n in range(layout.lineCount())] or [origin]
        count = layout.lineCount()
        starts = [block.position() + layout.lineAt(n).textStart() for n in range(count)]
        if fmt.lineHeightType() == _FIXED:
            # Qt breaks pages by the pitch from the block's top, not by the glyph boxes
            # (which start a little above it: trap 17)
            pitch = fmt.lineHeight() / PX_PER_PT
            tops = [origin + n * pitch for n in range(len(tops))]
            bottom = origin + len(tops) * pitch
        else:
            last = layout.lineAt(layout.lineCount() - 1) if layout.lineCount() else None
            bottom = origin + (last.y() + last.height() if last is not None else 0.0)
        marks = anchors_of(block)
        marker = _marker_of(block, marks, self.names)
        breaks_before = bool(fmt.pageBreakPolicy() & _BREAK)
        top = min(tops[0], origin) - fmt.topMargin()
        if breaks_before:  # it opens a page: the page starts at the page's edge
            top = self.page_top(origin, top)
        return Box(
            top=top,
            line_tops=tops,
            bottom=bottom,
            line_starts=starts,
            block=block,
            keep_with_next=marker is not None or KEEP in marks or CONTINUED in marks,
            marker=marker,
            continued=CONTINUED in marks,
            breaks_before=breaks_before,
            glue=block.length() == 1 and marker is None,
        )

    def _frame_box(self, frame: QTextFrame) -> Box:
        rect = self.layout.frameBoundingRect(frame)
        fmt = frame.frameFormat()
        first = self.doc.findBlock(frame.firstPosition())
        marks = anchors_of(first)
        marker = _marker_of(first, marks, self.names)
        is_header = any(mark.startswith(TABLE_HEADER) for mark in marks)
        breaks_before = bool(fmt.pageBreakPolicy() & _BREAK)
        top = rect.top() - fmt.topMargin()
        if breaks_before:
            top = self.page_top(rect.top(), top)
        return Box(
            top=top,
            line_tops=[rect.top()],
            bottom=rect.bottom(),
            frame=frame,
            marker=marker,
            keep_with_next=is_header or (marker is not None and marker.level == 0),
            breaks_before=breaks_before,
            is_header=is_header,
        )

    def _read(self) -> None:
        root = self.doc.rootFrame()
        it = root.begin()
        count = 0
        while not it.atEnd():
            if count % LAYOUT_STEP == 0:
                checkpoint("Placing page breaks", count, 0)
            frame = it.currentFrame()
            if frame is not None:
                self.boxes.append(self._frame_box(frame))
            else:
                self.boxes.append(self._block_box(it.currentBlock()))
            count += 1
            it += 1
        self._find_items()
        self._find_headers()

    def _find_headers(self) -> None:
        """A row table belongs to the header row before it, up to the next heading."""
        current, first_row = -1, False
        for index, box in enumerate(self.boxes):
            if box.marker is not None and box.marker.level == 0:
                current = -1
            if box.is_header:
                current, first_row = index, True
            elif box.frame is not None:
                box.header = -1 if first_row else current  # the first row has it above
                first_row = False

    def _find_items(self) -> None:
        """Each level-1 item runs until the next heading or level-1 item."""
        current: Item | None = None
        for index, box in enumerate(self.boxes):
            marker = box.marker
            if marker is not None and marker.level <= 1:
                if current is not None:
                    current.end = index
                current = None
                if marker.level == 1:
                    current = Item(index, index + 1, _item_title(box), marker)
                    self.items.append(current)
            if current is not None:
                box.item = len(self.items) - 1
                current.end = index + 1

    def continues_row_item(self, box: Box) -> bool:
        """Whether ``box`` is a later row of an item written as rows (the 이력서 form:
        a long job, a row for its head and one for each group of bullets or projects)."""
        if box.frame is None or box.item < 0:
            return False
        return self.boxes[self.items[box.item].first] is not box

    def extent(self, first: int, end: int) -> float:
        return self.boxes[end - 1].bottom - self.boxes[first].top


def _item_title(box: Box) -> str:
    """What a repeated head says: the first line of the item's head (for a row, of its
    last cell, the period or label being in the first)."""
    if box.block is not None:
        text = box.block.text()
    elif isinstance(box.frame, QTextTable):
        cell = box.frame.cellAt(0, box.frame.columns() - 1)
        text = cell.firstCursorPosition().block().text()
    else:
        return ""
    return text.split("\u2028")[0].split("\t")[0].strip()


def _legal(flow: Flow, page: float) -> tuple[list[Point], list[Point]]:
    """(the points the rules allow, every point): the second is the way out when a page
    has no allowed point (a long unbreakable run)."""
    boxes = flow.boxes
    locked = [False] * len(boxes)  # a break before this box would split what must stay
    for item in flow.items:
        if flow.extent(item.first, item.end) < page * SHORT_ITEM:
            for index in range(item.first + 1, item.end):
                locked[index] = True
    # a short project (level 2) moves whole too
    for index, box in enumerate(boxes):
        if box.marker is not None and box.marker.level == 2:
            end = index + 1
            while end < len(boxes) and boxes[end].marker is None and _indented(boxes[end], box):
                end += 1
            if flow.extent(index, end) < page * SHORT_ITEM:
                for inner in range(index + 1, end):
                    locked[inner] = True
    allowed: list[Point] = []
    every: list[Point] = []
    lines_since_keep = MIN_LINES  # content lines seen since the last keep-with-next box
    previous_end = 0.0
    for index, box in enumerate(boxes):
        if box.glue:  # never a page's first thing, and transparent to keeping together
            if index > 0 and boxes[index - 1].keep_with_next:
                box.keep_with_next = True
            continue
        point = Point(index, 0, box.top, previous_end)
        every.append(point)
        after_keep = index > 0 and boxes[index - 1].keep_with_next
        # a new heading or item closes the one before, however short it was
        closes = box.marker is not None and box.marker.level <= 1
        enough = lines_since_keep >= MIN_LINES or closes
        if index > 0 and not after_keep and not locked[index] and enough:
            allowed.append(point)
        if box.keep_with_next:
            lines_since_keep = 0
        count = len(box.line_tops)
        for line in range(1, count):
            inner = Point(index, line, box.line_tops[line], box.line_tops[line])
            every.append(inner)
            seen = lines_since_keep + line
            if (
                not locked[index]
                and line >= MIN_LINES
                and count - line >= MIN_LINES
                and seen >= MIN_LINES
                and not box.keep_with_next
            ):
                allowed.append(inner)
        if not box.keep_with_next:  # a table counts as enough to go with a heading
            lines_since_keep += count if box.frame is None else MIN_LINES
        # max: Qt puts the empty block after a table inside the table's box
        previous_end = max(previous_end, box.bottom)
    return allowed, every


def _indented(box: Box, head: Box) -> bool:
    """Whether ``box`` lies under a project head: indented at least as deep."""
    if box.block is None or head.block is None:
        return False
    return box.block.blockFormat().leftMargin() >= head.block.blockFormat().leftMargin() - 0.01


@dataclass
class _Page:
    point: Point | None  # where it starts (None: the first page)
    header: float  # height of the repeated item head at its top


def _choose(points: list[Point], ends: list[float], start: float, limit: float) -> Point | None:
    """The last point after ``start`` whose content before it ends by ``limit``."""
    at = bisect.bisect_right(ends, limit + EPSILON) - 1
    if at >= 0 and points[at].start > start + EPSILON:
        return points[at]
    return None


def _forced(box: Box, new_page: set[str]) -> bool:
    return box.breaks_before or (box.marker is not None and box.marker.name in new_page)


def decide(
    flow: Flow, page: float, new_page: set[str], header_height: float, report: PaginationReport
) -> list[_Page]:
    """The pages: where each starts, walking the flow once."""
    allowed, every = _legal(flow, page)
    # A break already there (put by an earlier round or by the theme) is a page start.
    forced = [p for p in every if p.line == 0 and p.box and _forced(flow.boxes[p.box], new_page)]
    allowed_ends = [p.end for p in allowed]
    every_ends = [p.end for p in every]
    end_of_flow = max((b.bottom for b in flow.boxes), default=0.0)
    pages = [_Page(None, 0.0)]
    start, header = 0.0, 0.0
    forced_at = 0
    while True:
        checkpoint("Placing page breaks", len(pages), 0)
        limit = start + page - header - FIT_SLACK
        while forced_at < len(forced) and forced[forced_at].start <= start + EPSILON:
            forced_at += 1
        if forced_at < len(forced) and forced[forced_at].end <= limit + EPSILON:
            chosen: Point | None = forced[forced_at]
        elif end_of_flow <= limit + EPSILON:
            break
        else:
            chosen = _choose(allowed, allowed_ends, start, limit)
            if chosen is None:
                chosen = _choose(every, every_ends, start, limit)
                box = flow.boxes[chosen.box] if chosen else None
                if box is not None and box.marker is not None:
                    report.unfit.append(box.marker.name)
            if chosen is None:  # something taller than a page: Qt breaks it as it can
                start, header = start + page - header, 0.0
                continue
        header = _repeated_height(flow, chosen, header_height)
        pages.append(_Page(chosen, header))
        start = chosen.start
    return pages


def _repeated_height(flow: Flow, point: Point, header_height: float) -> float:
    """The height of what a page opening at ``point`` repeats: an item's head when the
    point is inside a level-1 item, a table's header row before a row table."""
    box = flow.boxes[point.box]
    if box.header >= 0 and point.line == 0:
        head = flow.boxes[box.header]
        height = head.bottom - head.top
        # a row continuing an item gets a row naming it: one line, as the header row
        return 2 * height if flow.continues_row_item(box) else height
    if box.item < 0 or box.continued:
        return 0.0
    item = flow.items[box.item]
    if (point.box, point.line) == (item.first, 0):
        return 0.0
    head = flow.boxes[item.first]  # the repeated head is one line of the item's head
    return _first_line(head) + HEAD_GAP if head.block is not None else header_height


# --- applying the decisions ----------------------------------------------------------


def _break_frame(frame: QTextFrame) -> None:
    """A page break before a table (or frame), the space around it dropped (_set_break);
    on the empty block Qt keeps before a table after another, if there is one."""
    before = frame.document().findBlock(frame.firstPosition() - 1)
    if before.isValid() and before.length() == 1 and QTextCursor(before).currentTable() is None:
        _set_break(before)
        return
    if isinstance(frame, QTextTable):
        table_format = frame.format()
        table_format.setPageBreakPolicy(_BREAK)
        table_format.setTopMargin(0)
        table_format.setProperty(OURS, True)
        frame.setFormat(table_format)
    else:
        frame_format = frame.frameFormat()
        frame_format.setPageBreakPolicy(_BREAK)
        frame_format.setTopMargin(0)
        frame_format.setProperty(OURS, True)
        frame.setFrameFormat(frame_format)
    _drop_space_after(before)


def _copy_table_before(source: QTextFrame, target: QTextFrame) -> QTextFrame:
    """A copy of the table ``source`` put right before the table ``target``."""
    doc = target.document()
    selection = QTextCursor(doc)
    selection.setPosition(source.firstPosition() - 1)
    selection.setPosition(source.lastPosition() + 1, QTextCursor.MoveMode.KeepAnchor)
    fragment = selection.selection()
    cursor = QTextCursor(doc)
    cursor.setPosition(target.firstPosition() - 1)
    cursor.insertBlock()
    cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
    cursor.insertFragment(fragment)
    probe = QTextCursor(doc)
    for back in range(2, 8):  # past the empty blocks Qt keeps between two tables
        probe.setPosition(target.firstPosition() - back)
        table = probe.currentTable()
        if table is not None and table.firstPosition() < target.firstPosition():
            return table
    return target


def _empty_before(block: QTextBlock) -> QTextBlock | None:
    """The first of the empty top-level blocks right before ``block`` (Qt puts one after
    every table), or None."""
    found = None
    previous = block.previous()
    while (
        previous.isValid()
        and previous.length() == 1
        and QTextCursor(previous).currentTable() is None
    ):
        found, previous = previous, previous.previous()
    return found


def _set_break(block: QTextBlock) -> None:
    """A page break before ``block``, and the space around the break dropped, as a
    typesetter drops it: else Qt adds the margins first, finds itself on the next page
    already, and the break opens one more (a blank page). An empty block Qt keeps after
    a table takes the break instead: Qt would push its line (which it measures by the
    font, not the pitch) to the next page, and the break would open a third."""
    empty = _empty_before(block)
    if empty is not None:
        _set_break(empty)
        fmt = block.blockFormat()
        fmt.setTopMargin(0)
        QTextCursor(block).setBlockFormat(fmt)
        return
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(_BREAK)
    fmt.setTopMargin(0)
    fmt.setProperty(OURS, True)
    QTextCursor(block).setBlockFormat(fmt)
    _drop_space_after(block.previous())


def _drop_space_after(block: QTextBlock) -> None:
    if block.isValid() and QTextCursor(block).currentTable() is None:
        fmt = block.blockFormat()
        if fmt.bottomMargin():
            fmt.setBottomMargin(0)
            QTextCursor(block).setBlockFormat(fmt)


def _split_block(block: QTextBlock, position: int) -> QTextBlock:
    """Cut a paragraph at ``position`` (where one of its lines began on the galley: the
    lines themselves are gone once the document is detached from its page size); the
    second part continues it (no top margin, no first-line indent), the first ends
    flush."""
    fmt = block.blockFormat()
    cursor = QTextCursor(block.document())
    cursor.setPosition(position)
    cursor.insertBlock()
    second = cursor.block()
    first = second.previous()
    head = first.blockFormat()
    head.setBottomMargin(0)
    QTextCursor(first).setBlockFormat(head)
    tail = QTextBlockFormat(fmt)
    tail.setTopMargin(0)
    tail.setTextIndent(0)
    tail.setLeftMargin(fmt.leftMargin() + max(0.0, fmt.textIndent()))
    QTextCursor(second).setBlockFormat(tail)
    return second


def _insert_head(block: QTextBlock, item: Item, label: str) -> None:
    """Put the item's head, marked as continued, before ``block``, which opens a page:
    the head takes the page break and ``block`` follows it."""
    original = block.blockFormat()
    cursor = QTextCursor(block)
    cursor.insertBlock()  # an empty block before the text, with the same format
    rest = cursor.block()
    head = rest.previous()
    head_format = QTextBlockFormat(item.marker.block.blockFormat())
    head_format.setTopMargin(0)
    head_format.setBottomMargin(HEAD_GAP)
    head_format.setTabPositions([])
    head_format.setPageBreakPolicy(_BREAK)
    head_format.setProperty(OURS, True)
    QTextCursor(head).setBlockFormat(head_format)
    _drop_space_after(head.previous())
    rest_format = QTextBlockFormat(original)
    rest_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
    QTextCursor(rest).setBlockFormat(rest_format)
    rest.setUserState(head.userState())  # the block's mark stays with its text
    head.setUserState(-1)
    _write_continued(QTextCursor(head), item.title, label)


def _write_continued(writer: QTextCursor, title: str, label: str) -> None:
    """A repeated head's text: the title in bold, marked as continued, and the label."""
    bold = QTextCharFormat()
    bold.setFontWeight(700)
    bold.setAnchor(True)
    bold.setAnchorNames([CONTINUED])
    writer.insertText(title, bold)
    muted = QTextCharFormat()
    muted.setForeground(QColor("#777777"))
    writer.insertText(f" {label}", muted)


def _continued_row(head: Box, row: QTextFrame, item: Item, label: str) -> QTextFrame:
    """A row naming the item, marked as continued, put right before ``row`` (which opens
    a page): the cells formatted as the item's first row's (its borders, the period
    column's width), the period cell empty."""
    assert isinstance(head.frame, QTextTable) and isinstance(row, QTextTable)
    first = head.frame
    doc = row.document()
    cursor = QTextCursor(doc)
    cursor.setPosition(row.firstPosition() - 1)
    cursor.insertBlock()
    cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
    table_format = first.format()
    table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
    table_format.setTopMargin(0)
    table = cursor.insertTable(1, first.columns(), table_format)
    for column in range(first.columns()):
        table.cellAt(0, column).setFormat(first.cellAt(0, column).format())
    _write_continued(table.cellAt(0, first.columns() - 1).firstCursorPosition(), item.title, label)
    return table


def _first_line(box: Box) -> float:
    """The height of a block's first line (its pitch)."""
    return (box.line_tops[1] if len(box.line_tops) > 1 else box.bottom) - box.line_tops[0]


def _pushed_anyway(flow: Flow, pages: list[_Page], index: int) -> bool:
    """Whether the block opening page ``index`` comes right after a table (and the empty
    block Qt keeps after one) and its first line does not fit on the page before even
    without its top margin: Qt moves it over by itself there, and a break would open
    one more page (Qt, already past the end after that empty block, breaks again)."""
    point = pages[index].point
    previous = pages[index - 1]
    assert point is not None
    box = flow.boxes[point.box]
    if box.block is None or not _after_empty_after_table(box.block):
        return False
    start = previous.point.start if previous.point is not None else 0.0
    end_of_page = start + flow.page - previous.header
    return point.end + _first_line(box) > end_of_page + EPSILON


def _after_empty_after_table(block: QTextBlock) -> bool:
    empty = block.previous()
    return (
        empty.isValid()
        and empty.length() == 1
        and QTextCursor(empty).currentTable() is None
        and QTextCursor(empty.previous()).currentTable() is not None
    )


def _apply(flow: Flow, pages: list[_Page], label: str) -> tuple[int, int]:
    """Put the breaks (and repeated heads) in; returns (breaks added, heads added)."""
    breaks = heads = 0
    # One edit block makes Qt tell its layout of the change once, not after every
    # insertion (each told costs the whole document: 12 ms a head at 400 jobs). But
    # within one Qt does not update its table structure, so a table just copied would
    # not be found: a document that repeats table headers goes without.
    copies = any(
        page.point is not None and flow.boxes[page.point.box].header >= 0 and page.header > 0
        for page in pages
    )
    cursor = QTextCursor(flow.doc)
    if not copies:
        cursor.beginEditBlock()
    # Back to front: a split or an insertion moves only what follows it.
    for index in range(len(pages) - 1, 0, -1):
        point = pages[index].point
        assert point is not None
        box = flow.boxes[point.box]
        item = flow.items[box.item] if box.item >= 0 else None
        wants_head = pages[index].header > 0 and item is not None
        if point.line > 0:  # split even where Qt would: the pages must not hang on 0.1 pt
            assert box.block is not None
            target = _split_block(box.block, box.line_starts[point.line])
        elif box.frame is not None:
            if box.breaks_before:
                continue
            if box.header >= 0 and pages[index].header > 0:
                header = flow.boxes[box.header].frame
                assert header is not None
                before = box.frame
                if item is not None and flow.continues_row_item(box):
                    before = _continued_row(flow.boxes[item.first], box.frame, item, label)
                _break_frame(_copy_table_before(header, before))
                heads += 1
            else:
                _break_frame(box.frame)
            breaks += 1
            continue
        else:
            assert box.block is not None
            target = box.block
            if box.breaks_before and not wants_head:
                continue
            if not wants_head and _pushed_anyway(flow, pages, index):
                continue
        if wants_head and item is not None:
            _insert_head(target, item, label)
            heads += 1
        else:
            _set_break(target)
        breaks += 1
    if not copies:
        cursor.endEditBlock()
    return breaks, heads


def lay_out(doc: QTextDocument, stage: str = "Laying out the pages") -> None:
    """Lay out the whole document a few hundred blocks at a time.

    Asking for one block's place lays out only up to it; asking for the whole size at
    once would hold the thread (and Python's lock, so the window too) for seconds on a
    long résumé, with no chance to report progress or to stop.
    """
    layout = doc.documentLayout()
    total = doc.characterCount()
    if total < LARGE_DOCUMENT:
        checkpoint(stage, 0, 0)
        layout.documentSize()
        return
    block, count = doc.begin(), 0
    while block.isValid():
        if count % LAYOUT_STEP == 0:
            checkpoint(stage, block.position(), total)
            layout.blockBoundingRect(block)
        block, count = block.next(), count + 1
    layout.documentSize()


def _header_height(doc: QTextDocument) -> float:
    """The height a repeated item head takes: one line of the body text and a gap."""
    fmt = doc.begin().blockFormat()
    size = doc.defaultFont().pointSizeF()
    pitch = fmt.lineHeight() * 0.75 if fmt.lineHeightType() == 2 else size * 1.45
    return max(pitch, size * 1.2) + 2


def paginate(
    doc: QTextDocument,
    page_size: QSizeF,
    new_page_sections: tuple[str, ...] = (),
    continued_label: str = "(continued)",
    names: list[str] | None = None,
) -> PaginationReport:
    """Decide the pages on the galley, put the breaks in, lay out on real pages.

    ``doc`` comes laid out on the galley (``galley()``): one endless page, where Qt has
    pushed no line and repeated no table header, so a break moves everything after it
    by one amount and every page can be decided in one pass. It leaves laid out on
    pages of ``page_size``.
    """
    report = PaginationReport(rounds=1)
    new_page = {f"cv-h-{sid}" for sid in new_page_sections}
    flow = Flow(doc, page_size.height(), names or [])
    pages = decide(flow, page_size.height(), new_page, _header_height(doc), report)
    # With a null page size Qt's layout ignores edits (it only forgets the changed
    # blocks' lines); setting the size back lays everything out anew, lazily, so
    # lay_out() can do it in steps, each holding Python's lock only briefly.
    doc.setPageSize(NO_LAYOUT)
    report.breaks, report.continued = _apply(flow, pages, continued_label)
    doc.setPageSize(page_size)
    lay_out(doc)
    for _ in range(MAX_REPAIRS):  # each pass reads a laid-out document: lay out after it
        broken = _break_straddling_lines(doc, page_size, names or [])
        if broken:
            lay_out_anew(doc)
        unbroken = _unbreak_after_blank_pages(doc, page_size.height(), names or [])
        if unbroken:
            lay_out_anew(doc)
        if not broken and not unbroken:
            break
        report.rounds += 1
    return report


def lay_out_anew(doc: QTextDocument) -> None:
    """After edits: Qt lays out again lazily and once left blocks between two changes
    without lines (they vanished from the page), so everything is marked changed.
    Marking a long document changed would lay all of it out in one call (seconds
    under Python's lock), so there the page size is taken away and set again."""
    if doc.characterCount() < LARGE_DOCUMENT:
        doc.markContentsDirty(0, doc.characterCount())
    else:  # the page size set again lays out anew, in steps (see paginate)
        size = doc.pageSize()
        doc.setPageSize(NO_LAYOUT)
        doc.setPageSize(size)
    lay_out(doc, "Placing page breaks")


def _break_straddling_lines(doc: QTextDocument, size: QSizeF, names: list[str]) -> int:
    """Put a page break before each line that runs over a page's end, and say how many.

    Qt moves such a line to the next page, but not always a fixed-pitch one that runs
    over by a few points after a table row Qt split itself (seen after a job taller
    than a page in the 이력서 form): drawn half on each page, it is on neither."""
    page = size.height()
    flow = Flow(doc, page, names)
    late: list[tuple[Box, int]] = []
    for box in flow.boxes:
        if box.block is None or box.glue:
            continue
        ends = [*box.line_tops[1:], box.bottom]
        for line, (top, end) in enumerate(zip(box.line_tops, ends, strict=True)):
            page_end = (int((top + EPSILON) // page) + 1) * page
            if end > page_end + FIT_SLACK and top < page_end - FIT_SLACK:
                late.append((box, line))
                break
    if not late:  # the page size taken away and set again would undo the layout
        return 0
    doc.setPageSize(NO_LAYOUT)
    for box, line in reversed(late):
        assert box.block is not None
        target = _split_block(box.block, box.line_starts[line]) if line else box.block
        _set_break(target)
    doc.setPageSize(size)
    return len(late)


def _unbreak_after_blank_pages(doc: QTextDocument, page: float, names: list[str]) -> int:
    """Take back each break that follows a page left blank, or holding one line,
    and say how many.

    Where Qt broke something by itself that the galley could not foresee (a table
    row taller than a page), its pages run a little longer than decided; a break
    decided for later may then open a page after one Qt had already begun: a blank
    page. Without the break Qt flows on into the page it began. A safety net: the
    rules above avoid it where they can."""
    flow = Flow(doc, page, names)
    lines: dict[int, int] = {}  # lines (a table: two) on each page
    for box in flow.boxes:
        if box.glue:
            continue
        for top in box.line_tops:
            index = int((top + EPSILON) // page)
            lines[index] = lines.get(index, 0) + (1 if box.block is not None else 2)
        last = int(max(box.line_tops[0], box.bottom - EPSILON) // page)
        lines.setdefault(last, 1)
    taken = 0
    for box in flow.boxes:
        if not box.breaks_before or not _ours(box):
            continue
        first = int((box.line_tops[0] + EPSILON) // page)
        if first > 0 and lines.get(first - 1, 0) <= ALMOST_BLANK:
            _unbreak(box)
            taken += 1
    return taken


def _ours(box: Box) -> bool:
    if box.block is not None:
        return bool(box.block.blockFormat().property(OURS))
    assert box.frame is not None
    return bool(box.frame.frameFormat().property(OURS))


def _unbreak(box: Box) -> None:
    auto = QTextFormat.PageBreakFlag.PageBreak_Auto
    if box.block is not None:
        fmt = box.block.blockFormat()
        fmt.setPageBreakPolicy(auto)
        QTextCursor(box.block).setBlockFormat(fmt)
    elif isinstance(box.frame, QTextTable):
        table_format = box.frame.format()
        table_format.setPageBreakPolicy(auto)
        box.frame.setFormat(table_format)
    elif box.frame is not None:
        frame_format = box.frame.frameFormat()
        frame_format.setPageBreakPolicy(auto)
        box.frame.setFrameFormat(frame_format)


def galley(width: float) -> QSizeF:
    """The page size of the galley: the body's width, and a height no résumé fills."""
    return QSizeF(width, GALLEY)
