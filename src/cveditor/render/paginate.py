"""Keep items together: Qt ignores ``page-break-inside: avoid`` (design.md §4 trap 2).

Themes put an anchor on the first line of every heading (``cv-h-<section>``) and item
(``cv-item-<level>-<n>``). After layout, an item that crosses a page boundary but fits
on a page gets a page break before it; a heading, or an item with sub-items, is kept
with its first sub-unit; a section can be made to start on a new page.

Each break re-lays out everything after it (18 ms for 30 pages of one column, a full
layout for a two-column table), so breaks are decided in rounds: within a round, the
shift a break causes is added to the positions after it, in the same flow of text, and
all the round's breaks are applied in one edit. The next round checks the real layout
and adds what the estimate missed; a round without new breaks ends it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextTable

from ..task import checkpoint

_BREAK = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
EPSILON = 0.01  # points; a position this close to a page edge belongs to the next page
MAX_ROUNDS = 6
LAYOUT_STEP = 200  # blocks laid out between two checkpoints (about 20 ms)
#: From this many characters (about 90 pages) a document is laid out in steps and its
#: breaks applied detached (below): each Qt call then holds Python's lock briefly, at
#: the price of ~25 ms more for a 5-page résumé, which is why shorter ones do not.
LARGE_DOCUMENT = 100_000

#: Where a block sits: (table id, row, column) for each enclosing table, outermost first.
FlowPath = tuple[tuple[int, int, int], ...]


@dataclass
class Marker:
    """A heading (level 0) or an item (1, or 2 for an item within an item)."""

    block: QTextBlock
    level: int
    name: str
    path: FlowPath
    moved_table: QTextTable | None  # the table that moves with the item, if it starts one

    @property
    def container(self) -> FlowPath:
        """The flow the moved thing lives in (a moved table sits in its parent's flow)."""
        return self.path[:-1] if self.moved_table is not None else self.path


@dataclass
class PaginationReport:
    breaks: int = 0
    rounds: int = 0
    unfit: list[str] = field(default_factory=list)  # items taller than a page


@dataclass
class _Break:
    position: int
    container: FlowPath
    delta: float


def _flow_path(block: QTextBlock) -> FlowPath:
    entries = []
    frame = QTextCursor(block).currentFrame()
    while frame is not None and frame.parentFrame() is not None:
        if isinstance(frame, QTextTable):
            cell = frame.cellAt(block.position())
            entries.append((frame.firstPosition(), cell.row(), cell.column()))
        frame = frame.parentFrame()
    return tuple(reversed(entries))


def _table_starting_at(block: QTextBlock) -> QTextTable | None:
    table = QTextCursor(block).currentTable()
    if table is not None and table.firstPosition() == block.position():
        return table  # the block opens the table's first cell
    return None


def find_markers(doc: QTextDocument) -> list[Marker]:
    markers: list[Marker] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            for name in it.fragment().charFormat().anchorNames():
                level = 0 if name.startswith("cv-h-") else None
                if name.startswith("cv-item-"):
                    level = int(name.split("-")[2])
                if level is not None:
                    markers.append(
                        Marker(block, level, name, _flow_path(block), _table_starting_at(block))
                    )
            it += 1
        block = block.next()
    return markers


def _affects(brk: _Break, path: FlowPath, position: int) -> bool:
    """Whether a break moves a block found later at ``path``: not one in another column
    of the same table row (the sidebar beside the main text). The rule, one break at a
    time; _Shifts applies it to all of a round's breaks at once."""
    if position <= brk.position:
        return False
    container = brk.container
    depth = 0
    while depth < min(len(container), len(path)) and container[depth] == path[depth]:
        depth += 1
    if depth < len(container) and depth < len(path):
        here, there = container[depth], path[depth]
        if here[0] == there[0] and here[1] == there[1]:
            return False
    return True


class _Shifts:
    """The shift of a block: the sum of this round's earlier breaks that move it.

    What _affects decides for one break, for all of them at once in time linear in the
    depth of tables: a break moves every later block except those in another column of
    the same table row. Breaks come in document order, so the shift of a block is the
    running total of the breaks before it, less, for each table cell around it, what
    was added inside the same row but another column. (Summing every break for every
    marker made the pagination of long résumés quadratic: 12 s for 800 jobs.)
    """

    def __init__(self) -> None:
        self.total = 0.0
        self.pending: list[_Break] = []  # at or after the last position asked about
        self.rows: dict[tuple[FlowPath, int, int], float] = {}
        self.cells: dict[tuple[FlowPath, int, int, int], float] = {}
        self.folded = 0  # breaks counted in; for tests of the cost

    def add(self, brk: _Break) -> None:
        self.pending.append(brk)

    def _fold(self, brk: _Break) -> None:
        self.folded += 1
        self.total += brk.delta
        for depth, (table, row, column) in enumerate(brk.container):
            prefix = brk.container[:depth]
            self.rows[prefix, table, row] = self.rows.get((prefix, table, row), 0.0) + brk.delta
            cell = (prefix, table, row, column)
            self.cells[cell] = self.cells.get(cell, 0.0) + brk.delta

    def at(self, path: FlowPath, position: int) -> float:
        """The shift of a block at ``path`` and ``position`` (never before the last)."""
        if self.pending and self.pending[0].position < position:
            later = [b for b in self.pending if b.position >= position]
            for brk in self.pending:
                if brk.position < position:
                    self._fold(brk)
            self.pending = later
        shift = self.total
        for depth, (table, row, column) in enumerate(path):
            prefix = path[:depth]
            shift -= self.rows.get((prefix, table, row), 0.0)
            shift += self.cells.get((prefix, table, row, column), 0.0)
        return shift


class _Round:
    """One pass over the markers with the layout as it is, plus this round's shifts."""

    def __init__(self, doc: QTextDocument, markers: list[Marker]) -> None:
        self.doc = doc
        self.layout = doc.documentLayout()
        self.page = doc.pageSize().height()
        self.markers = markers
        self.breaks: list[_Break] = []
        self.to_break: list[Marker] = []
        self.shifts = _Shifts()

    def shift(self, marker: Marker) -> float:
        return self.shifts.at(marker.path, marker.block.position())

    def top(self, marker: Marker) -> float:
        return self.layout.blockBoundingRect(marker.block).top()

    def bottom_before(self, start: QTextBlock, stop: QTextBlock | None) -> float:
        bottom = self.layout.blockBoundingRect(start).bottom()
        block = start.next()
        while block.isValid() and (stop is None or block != stop):
            bottom = max(bottom, self.layout.blockBoundingRect(block).bottom())
            block = block.next()
        return bottom

    def unit_end(self, index: int) -> float:
        """Where what must stay with ``markers[index]`` ends (unshifted).

        An item without sub-items stays whole; a heading, or an item with sub-items (a
        job with projects), stays with its first sub-unit, or, if that is taller than a
        page, with the first block after it, so it never ends a page alone.
        """
        marker = self.markers[index]
        following = self.markers[index + 1] if index + 1 < len(self.markers) else None
        if following is None or following.level <= marker.level:
            return self.bottom_before(marker.block, following.block if following else None)
        end = self.unit_end(index + 1)
        if end - self.top(marker) > self.page:
            end = self.layout.blockBoundingRect(following.block).bottom()
        return end

    def decide(self, new_page: set[str], report: PaginationReport) -> None:
        page = self.page
        for index, marker in enumerate(self.markers):
            if index % LAYOUT_STEP == 0:
                checkpoint("Keeping items together", index, len(self.markers))
            shift = self.shift(marker)
            top = self.top(marker) + shift
            first_page = int((top + EPSILON) // page)
            offset = top - first_page * page
            if offset < 0.5:
                continue  # already opens a page
            if marker.name not in new_page:
                end = self.unit_end(index) + shift
                if int(max(0.0, end - EPSILON) // page) == first_page:
                    continue
                if end - top > page:
                    report.unfit.append(marker.name)
                    continue
            brk = _Break(marker.block.position(), marker.container, page - offset)
            self.breaks.append(brk)
            self.shifts.add(brk)
            self.to_break.append(marker)

    def apply(self) -> None:
        cursor = QTextCursor(self.doc)
        cursor.beginEditBlock()  # one change for the whole round
        for marker in self.to_break:
            if marker.moved_table is not None:
                fmt = marker.moved_table.format()
                fmt.setPageBreakPolicy(_BREAK)
                marker.moved_table.setFormat(fmt)
            else:
                fmt = marker.block.blockFormat()
                fmt.setPageBreakPolicy(_BREAK)
                QTextCursor(marker.block).setBlockFormat(fmt)
        cursor.endEditBlock()


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


def paginate(doc: QTextDocument, new_page_sections: tuple[str, ...] = ()) -> PaginationReport:
    """Add page breaks until no item is split or stranded; returns what was done."""
    report = PaginationReport()
    new_page = {f"cv-h-{sid}" for sid in new_page_sections}
    for _ in range(MAX_ROUNDS):
        report.rounds += 1
        report.unfit = []
        this_round = _Round(doc, find_markers(doc))
        this_round.decide(new_page, report)
        if not this_round.breaks:
            break
        report.breaks += len(this_round.breaks)
        if doc.characterCount() < LARGE_DOCUMENT:
            this_round.apply()
            # Qt re-lays out lazily after format changes and once left blocks between
            # two changes without lines (they vanished from the page): all anew.
            doc.markContentsDirty(0, doc.characterCount())
            doc.documentLayout().documentSize()
        else:
            # Without a page size, Qt's layout ignores edits (it only forgets the
            # changed blocks' lines); setting the size back lays everything out anew,
            # lazily, so lay_out() can do it in steps: the forced relayout above held
            # Python's lock for seconds on long résumés. The pages are the same.
            size = doc.pageSize()
            doc.setPageSize(QSizeF())
            this_round.apply()
            doc.setPageSize(size)
        lay_out(doc, "Placing page breaks")
    return report
