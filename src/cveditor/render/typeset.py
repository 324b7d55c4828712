"""What Qt's HTML import cannot say, set on the imported document before layout.

- **Line pitch from the font size** (trap 17): Qt's ``line-height: 130%`` multiplies the
  font's own ascent + descent (≈ 1.45 em for Noto CJK), so 1.35 printed as 2.0. Each
  block gets a fixed pitch of ``line_height`` × the largest font size in it instead;
  a block holding a picture keeps Qt's own, so the picture is never overlapped.
- **Dates flush right without a table** (trap 23: a table per item made long résumés
  slow): a tab in a block becomes a right-aligned tab stop at the block's right edge.
- **Rules and bars drawn, never typed** (trap 20): a block marked
  ``<a name="cv-rule">`` gets a rule under it (section headings), ``cv-bar`` a bar at
  its left and the left of the blocks indented under it (a project within a job);
  column.py paints them from ``strokes()``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtGui import (
    QColor,
    QFont,
    QRawFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from ..task import checkpoint
from .anchors import BAR, RULE, anchors_of

RULE_GAP = 1.0  # points between a heading's last line and its rule
BAR_GAP = 6.0  # points between a bar and the text it marks
STEP = 200  # blocks between two checkpoints (and per edit group)
TAB_SLACK = 0.5  # points: text ending exactly at the edge would wrap
SPACE_ALLOWANCE = 2.5  # points
MAX_TAB_OVERSHOOT = 6.0  # points: more is a title that needs two lines (settle_tabs)
#: Qt reads a fixed line height and tab stops in CSS pixels (1/96 in) and scales them to
#: the layout's 72 dpi device: 13 becomes a 9.75 pt pitch. Points are given times this.
PX_PER_PT = 96 / 72

_FIXED = QTextBlockFormat.LineHeightTypes.FixedHeight.value


def _largest_size(block: QTextBlock, default: float) -> tuple[float, bool]:
    """(largest font size in points, whether the block holds a picture)."""
    size = block.charFormat().fontPointSize() or default
    it = block.begin()
    while not it.atEnd():
        fmt = it.fragment().charFormat()
        if fmt.isImageFormat():
            return size, True
        size = max(size, fmt.fontPointSize() or default)
        it += 1
    return size, False


def _after_table(block: QTextBlock) -> bool:
    """An empty top-level block right after a table: Qt puts one there (it never lets
    a table touch what follows); rows written as one table each, or a table before a
    heading, must not get a line's gap from it."""
    if block.length() > 1 or not block.previous().isValid():
        return False
    if QTextCursor(block).currentTable() is not None:
        return False
    return QTextCursor(block.previous()).currentTable() is not None


#: Hangul, CJK ideographs, kana, full-width forms: what a Latin-first stack leaves to a
#: fallback font.
_WIDE = "\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef"
#: A word holding such a character with the digits and marks around it ("경력", "8년",
#: "부산,"; a Latin word keeps its own font), then more such words each after one space,
#: and the spaces around them: drawn by one font, they are one run, so the spaces
#: between them stay inside it (a space at a run's edge is an item of its own in pdf.js,
#: and a parser glues its neighbours: "분야에서8년", "부산,해운대구").
_TOKEN = f"[^\\sA-Za-z]*[{_WIDE}][^\\sA-Za-z]*"
_WIDE_WORDS = re.compile(f"[ \u00a0]?{_TOKEN}(?:[ \u00a0]{_TOKEN})*[ \u00a0]?")
_WIDE_CHAR = re.compile(f"[{_WIDE}]")


@lru_cache(maxsize=256)
def _has(family: str, code: int) -> bool:
    """Whether ``family`` itself (not a fallback) has the character (trap 12: a code)."""
    return QRawFont.fromFont(QFont(family)).supportsCharacter(code)


def _keep_spaces_with_words(doc: QTextDocument, block: QTextBlock) -> None:
    """Spaces between words a fallback font draws (Hangul after a Latin-only first
    family) are drawn by that font too, in one run with the words: drawn by the first
    family, each space is a text run of its own, which parsers drop, gluing the words
    (docs/ats.md "word-spaces"). Qt gives a space the script of the word before it
    (of the word after at the start of a line), so the space after such a word goes
    with it; one of another format (a " · " separator's) stays in its own run."""
    text = block.text()
    default = doc.defaultFont().families()
    cursor = QTextCursor(doc)

    def format_at(index: int) -> QTextCharFormat:
        cursor.setPosition(block.position() + index + 1)
        return cursor.charFormat()

    for match in _WIDE_WORDS.finditer(text):
        first, end = match.start(), match.end()
        if text[first] in " \u00a0":  # Qt gives a space the script of the word before
            first += 1
            lead = not any(c.isalnum() for c in text[: first - 1])  # a bullet's
            if lead and format_at(first - 1) == format_at(first):
                first -= 1
        if text[end - 1] in " \u00a0" and format_at(end - 1) != format_at(end - 2):
            end -= 1
        wide = _WIDE_CHAR.search(text, first)
        assert wide is not None  # every match holds one
        word = wide.start()
        families = format_at(word).fontFamilies() or default
        skip = 0
        while skip < len(families) - 1 and not _has(families[skip], ord(text[word])):
            skip += 1
        if skip:
            cursor.setPosition(block.position() + first)
            cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setFontFamilies(families[skip:])
            cursor.mergeCharFormat(fmt)


def apply_rhythm(doc: QTextDocument, line_height: float, column_width: float) -> None:
    """Fixed line pitch and right tab stops on every block (see the module's doc).

    Edits are grouped a few hundred blocks at a time, so Qt takes the change in once per
    group: per block it would redo its work per block, and in one group for all it held
    Python's lock (the window) for 0.45 s at 800 jobs.
    """
    default = doc.defaultFont().pointSizeF()
    total = doc.characterCount()
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    block, count = doc.begin(), 0
    while block.isValid():
        if count % STEP == 0:
            cursor.endEditBlock()
            checkpoint("Setting the type", block.position(), total)
            cursor.beginEditBlock()
        fmt = block.blockFormat()
        size, picture = _largest_size(block, default)
        if _after_table(block):  # Qt's separator after a table: no gap
            fmt.setLineHeight(0.01, _FIXED)
            fmt.setTopMargin(0)
            fmt.setBottomMargin(0)
        elif not picture:
            fmt.setLineHeight(size * line_height * PX_PER_PT, _FIXED)
        if "\t" in block.text() and QTextCursor(block).currentTable() is None:
            width = column_width - fmt.leftMargin() - fmt.rightMargin() - TAB_SLACK
            stop = QTextOption.Tab(width * PX_PER_PT, QTextOption.TabType.RightTab)
            fmt.setTabPositions([stop])
        QTextCursor(block).setBlockFormat(fmt)
        if " " in block.text() or "\u00a0" in block.text():
            _keep_spaces_with_words(doc, block)
        block, count = block.next(), count + 1
    cursor.endEditBlock()


def _tab_blocks(doc: QTextDocument) -> list[QTextBlock]:
    found = []
    block = doc.begin()
    while block.isValid():
        if "\t" in block.text() and block.blockFormat().tabPositions():
            found.append(block)
        block = block.next()
    return found


def settle_tabs(doc: QTextDocument) -> int:
    """Pull back the right tab stops whose text Qt wrapped although it fits.

    At some sizes (6–6.4, 7.5–8.4 pt with Noto CJK, measured) Qt measures the text after
    a right tab up to 2 pt narrower than it draws it, so the last word of a date drops
    to a second line. After a layout, such a block shows it: a second line holding only
    what followed the tab, overshooting by a little. Its stop moves left by the
    overshoot; a title that really needs two lines is left alone. Returns how many
    stops moved (the caller lays out again if any did).
    """
    moved = []
    for block in _tab_blocks(doc):
        layout = block.layout()
        if layout.lineCount() != 2:
            continue
        first, second = layout.lineAt(0), layout.lineAt(1)
        if second.textStart() <= block.text().rfind("\t"):
            continue  # the title itself wraps
        # The break may have eaten a space between the two lines: count one then only,
        # or a date that wrapped right after its tab ends short of the edge.
        overshoot = first.naturalTextWidth() + second.naturalTextWidth() - first.width()
        ate_space = block.text()[second.textStart() - 1] == " "
        if -MAX_TAB_OVERSHOOT < overshoot <= MAX_TAB_OVERSHOOT:
            moved.append((block, max(overshoot, 0.0) + SPACE_ALLOWANCE * ate_space))
    if moved:
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for block, overshoot in moved:
            fmt = block.blockFormat()
            stop = fmt.tabPositions()[0]
            position = stop.position - (overshoot + TAB_SLACK) * PX_PER_PT
            fmt.setTabPositions([QTextOption.Tab(position, QTextOption.TabType.RightTab)])
            QTextCursor(block).setBlockFormat(fmt)
        cursor.endEditBlock()
    return len(moved)


def overhangs(doc: QTextDocument) -> tuple[float, float]:
    """How far a line's glyph box reaches above its block and below its last pitch,
    at most, in points: the box of a fixed-pitch line is the font's, often taller."""
    above = below = 0.0
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        fmt = block.blockFormat()
        if layout.lineCount() and fmt.lineHeightType() == _FIXED:
            first, last = layout.lineAt(0), layout.lineAt(layout.lineCount() - 1)
            pitch = fmt.lineHeight() / PX_PER_PT
            above = max(above, -first.y())
            below = max(below, last.y() + last.height() - layout.lineCount() * pitch)
        block = block.next()
    return above, below


@dataclass(frozen=True)
class Stroke:
    """A line to paint, in document coordinates (points)."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    color: QColor


def _text_bottom(block: QTextBlock) -> float:
    """Where the block's last line ends: with a fixed pitch, not where its glyph box does
    (a CJK font's box is taller than the pitch)."""
    layout = block.layout()
    fmt = block.blockFormat()
    top = layout.position().y()
    if fmt.lineHeightType() == _FIXED:
        return top + layout.lineCount() * fmt.lineHeight() / PX_PER_PT
    return top + layout.boundingRect().height()


def _line_left(block: QTextBlock) -> float:
    layout = block.layout()
    x = layout.lineAt(0).x() if layout.lineCount() else 0.0
    return layout.position().x() + x


def _text_color(block: QTextBlock, fallback: QColor) -> QColor:
    """The colour of the block's first visible text: a heading's rule takes its colour."""
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        brush = fragment.charFormat().foreground()
        if fragment.text().strip() and brush.style().value:
            return brush.color()
        it += 1
    return fallback


def _bar(
    blocks: list[QTextBlock], doc: QTextDocument, page_height: float, color: QColor
) -> list[Stroke]:
    """One bar left of a run of marked blocks, in one piece per page: it stops at the
    last line of a page rather than running down the empty foot of the page."""
    layout_of = doc.documentLayout()
    x = min(_line_left(b) for b in blocks) - BAR_GAP
    pieces: list[Stroke] = []
    top = bottom = None
    for block in blocks:
        rect = layout_of.blockBoundingRect(block)
        if top is not None and int(rect.top() // page_height) != int(top // page_height):
            pieces.append(Stroke(x, top, x, bottom, 1.5, color))
            top = None
        top = rect.top() if top is None else top
        bottom = rect.bottom()
    if top is not None:
        pieces.append(Stroke(x, top, x, bottom, 1.5, color))
    return pieces


def _run_from(block: QTextBlock) -> list[QTextBlock]:
    """A marked block and the blocks after it indented at least as deep: a project's
    heading, summary, bullets (a ``<div>``'s margin is added to its blocks')."""
    margin = block.blockFormat().leftMargin() - 0.01
    run = [block]
    following = block.next()
    while (
        following.isValid()
        and BAR not in anchors_of(following)
        and following.blockFormat().leftMargin() >= margin
        and QTextCursor(following).currentTable() is None
    ):
        run.append(following)
        following = following.next()
    return run


def strokes(doc: QTextDocument, page_height: float, accent: QColor) -> list[Stroke]:
    """The rules under marked headings and the bars left of marked runs of blocks."""
    result: list[Stroke] = []
    width = doc.textWidth()
    block = doc.begin()
    while block.isValid():
        marks = anchors_of(block)
        if BAR in marks and QTextCursor(block).currentTable() is None:
            run = _run_from(block)
            result += _bar(run, doc, page_height, accent)
            block = run[-1]
        elif RULE in marks:
            y = _text_bottom(block) + RULE_GAP
            right = width - block.blockFormat().rightMargin()
            color = _text_color(block, accent)
            result.append(Stroke(_line_left(block), y, right, y, 0.8, color))
        block = block.next()
    return result
