"""A PDF's text as an applicant-tracking system gets it: text runs with their place,
font size and weight, then lines by position.

pypdf opens the file and its fonts; the pages' text operators are walked here (no
Qt). A *run* is one text object (BT … ET) — Qt draws each of its glyph runs (one font,
one format, one script) as its own — and is what pdf.js and pypdf hand a parser as a
text item. Lines are built as a parser of the usual design builds them: runs in the
order the page draws them, a run joining a recent line of the page whose baseline it
shares (to the right of that line's end), else starting a new line; a new page always
starts a new line. Within a line, runs that touch are glued into one item and runs
apart (a tab, a table cell) stay separate items; a run of spaces alone is dropped
first, as parsers drop whitespace-only items (which is how " · " drawn as three runs
glues its neighbours: design.md §4 trap 20). pdf.js goes further: the spaces at the
edges of every run become items of their own (``read_runs(edges=False)``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from io import BytesIO
from typing import Any

from pypdf import PdfReader

from ..render.tounicode import parse_cmap

BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demibold", "extrabold")
FILL_AND_STROKE = 2  # text render mode of a bold Qt fakes (render/tounicode.py)
#: A gap between two runs narrower than this share of the font size glues them into
#: one item (a space is about a quarter of an em; parsers glue below a character's width).
GLUE = 0.4
#: How far apart two baselines may be (share of the font size) and still be one line.
SAME_LINE = 0.3
LOOKBACK = 4  # recent lines of the page a run may join (a table row's other cell)


@dataclass
class Run:
    """One text object: its text, where it starts and ends on the baseline (PDF points,
    y up), its font size in points and whether its font is bold."""

    page: int
    x: float
    end: float
    y: float
    size: float
    bold: bool
    text: str
    font: str = ""
    start: float = 0.0  # where its first glyph that is not a space starts
    stop: float = 0.0  # where its last glyph that is not a space ends

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass
class Line:
    """Runs on one baseline of one page, left to right, and the items a parser gets."""

    page: int
    y: float
    runs: list[Run] = field(default_factory=list)

    @property
    def x(self) -> float:
        """Where the line's ink starts (a leading space does not count)."""
        return min((r.start for r in self.visible), default=min(r.x for r in self.runs))

    @property
    def end(self) -> float:
        return max(r.end for r in self.runs)

    @property
    def visible(self) -> list[Run]:
        return [r for r in self.runs if not r.blank]

    @property
    def spans(self) -> list[tuple[float, str]]:
        """The line as separate text items, each with where it starts: touching runs
        glued, spaces-only runs dropped, runs apart (tab, cell) kept apart."""
        spans: list[tuple[float, str]] = []
        previous: Run | None = None
        for run in sorted(self.visible, key=lambda r: r.x):
            if previous is not None and run.x - previous.end < GLUE * min(run.size, previous.size):
                spans[-1] = (spans[-1][0], spans[-1][1] + run.text)
            else:
                spans.append((run.start, run.text))
            previous = run
        return [(x, " ".join(text.split())) for x, text in spans if text.strip()]

    @property
    def items(self) -> list[str]:
        return [text for _x, text in self.spans]

    @property
    def text(self) -> str:
        return " ".join(self.items)

    @property
    def size(self) -> float:
        return max((r.size for r in self.visible), default=0.0)

    @property
    def bold(self) -> bool:
        runs = self.visible
        return bool(runs) and all(r.bold for r in runs)

    @property
    def starts_bold(self) -> bool:
        runs = sorted(self.visible, key=lambda r: r.x)
        return bool(runs) and runs[0].bold


@dataclass
class _Glyph:
    x: float
    end: float
    y: float
    size: float
    text: str
    bold: bool
    font: str


# --- reading the runs --------------------------------------------------------------------


@dataclass
class _Font:
    width: int  # bytes per character code
    cmap: dict[int, str]
    widths: dict[int, float]
    default_width: float
    bold: bool
    name: str


def read_runs(pdf: bytes, max_pages: int = 0, *, edges: bool = True) -> list[Run]:
    """Every text run of the first ``max_pages`` pages (0: all), in drawing order.

    ``edges=False`` reads as pdf.js does: the spaces at a run's edges become items of
    their own (which parsers drop), so a run keeps only the text between its first and
    last glyph that is not a space."""
    reader = PdfReader(BytesIO(pdf))
    pages = reader.pages
    count = min(len(pages), max_pages) if max_pages else len(pages)
    runs: list[Run] = []
    for number in range(count):
        page = pages[number]
        contents = page.get_contents()
        walker = _TextWalker(number, _fonts(page))
        if contents is not None:
            for operator, operands in operations(contents.get_data()):
                walker.step(operator, operands)
        walker.close()
        runs += walker.runs
    if not edges:
        runs = [_trimmed(run) for run in runs]
    return runs


def _trimmed(run: Run) -> Run:
    if run.blank:
        return run
    return replace(run, text=run.text.strip(), x=run.start, end=run.stop)


# --- the content stream ------------------------------------------------------------------

_TOKEN = re.compile(
    rb"""(?P<space>[ \t\r\n\f\x00]+)
    |(?P<comment>%[^\r\n]*)
    |(?P<dict><<|>>)
    |(?P<hex><[0-9A-Fa-f \t\r\n]*>)
    |(?P<literal>\()
    |(?P<array>[\[\]])
    |(?P<name>/[^ \t\r\n\f\x00/\[\]()<>{}%]*)
    |(?P<number>[+-]?(?:\d+\.?\d*|\.\d+))
    |(?P<operator>[A-Za-z'"*][A-Za-z0-9'"*]*)
    |(?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def operations(data: bytes) -> Iterator[tuple[bytes, list[Any]]]:
    """(operator, operands) of a page's content stream: numbers as floats, strings as
    bytes, names as str, arrays as lists (dictionaries are skipped). pypdf's own parser
    takes about 0.15 s a page of Qt's one-glyph-per-operator text; this, a fiftieth."""
    stack: list[list[Any]] = [[]]
    position, size = 0, len(data)
    while position < size:
        match = _TOKEN.match(data, position)
        assert match is not None  # "other" takes any byte
        kind, token = match.lastgroup, match.group()
        position = match.end()
        if kind == "number":
            stack[-1].append(float(token))
        elif kind == "hex":
            digits = re.sub(rb"\s", b"", token[1:-1])
            stack[-1].append(bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode()))
        elif kind == "literal":
            text, position = _literal(data, position)
            stack[-1].append(text)
        elif kind == "name":
            stack[-1].append(token.decode("latin-1"))
        elif kind == "array":
            if token == b"[":
                stack.append([])
            elif len(stack) > 1:
                array = stack.pop()
                stack[-1].append(array)
        elif kind == "operator":
            if token == b"BI":  # an inline image: its data is not text
                end = data.find(b"EI", position)
                position = size if end < 0 else end + 2
            else:
                yield token, stack[0]
            stack = [[]]


def _literal(data: bytes, position: int) -> tuple[bytes, int]:
    """A (literal string) from after its "(": nested parentheses, escapes."""
    out = bytearray()
    depth = 1
    while position < len(data):
        char = data[position : position + 1]
        position += 1
        if char == b"\\":
            following = data[position : position + 1]
            position += 1
            if following in _ESCAPES:
                out += _ESCAPES[following]
            elif following.isdigit():
                digits = following
                while len(digits) < 3 and data[position : position + 1].isdigit():
                    digits += data[position : position + 1]
                    position += 1
                out.append(int(digits, 8) & 0xFF)
            elif following not in (b"\r", b"\n"):
                out += following
        elif char == b"(":
            depth += 1
            out += char
        elif char == b")":
            depth -= 1
            if depth == 0:
                break
            out += char
        else:
            out += char
    return bytes(out), position


Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class _TextWalker:
    """The text state of one page, step by step: where each glyph is drawn, in which
    font and size; glyphs of one text object on one baseline in one font are a run."""

    def __init__(self, page: int, fonts: dict[str, _Font]) -> None:
        self.page = page
        self.fonts = fonts
        self.font: _Font | None = None
        self.size = 0.0
        self.mode = 0
        self.leading = 0.0
        self.ctm: Matrix = IDENTITY
        self.saved: list[tuple[Matrix, _Font | None, float, int]] = []
        self.tm: Matrix = IDENTITY
        self.line: Matrix = IDENTITY
        self.runs: list[Run] = []
        self.glyphs: list[_Glyph] = []

    def step(self, operator: bytes, operands: list[Any]) -> None:
        if operator == b"q":
            self.saved.append((self.ctm, self.font, self.size, self.mode))
        elif operator == b"Q":
            if self.saved:
                self.ctm, self.font, self.size, self.mode = self.saved.pop()
        elif operator == b"cm" and len(operands) == 6:
            self.ctm = _multiply(tuple(operands), self.ctm)  # type: ignore[arg-type]
        elif operator in (b"BT", b"ET"):
            self.close()
            self.tm = self.line = IDENTITY
        elif operator == b"Tf" and len(operands) >= 2:
            self.font = self.fonts.get(str(operands[0]))
            self.size = float(operands[1])
        elif operator == b"Tr" and operands:
            self.mode = int(operands[0])
        elif operator == b"TL" and operands:
            self.leading = float(operands[0])
        elif operator == b"Tm" and len(operands) == 6:
            self.tm = self.line = tuple(operands)  # type: ignore[assignment]
        elif operator in (b"Td", b"TD") and len(operands) == 2:
            if operator == b"TD":
                self.leading = -float(operands[1])
            self._move(float(operands[0]), float(operands[1]))
        elif operator == b"T*":
            self._move(0.0, -self.leading)
        elif operator == b"Tj" and operands:
            self._show([operands[-1]])
        elif operator in (b"'", b'"') and operands:
            self._move(0.0, -self.leading)
            self._show([operands[-1]])
        elif operator == b"TJ" and operands and isinstance(operands[0], list):
            self._show(operands[0])

    def _move(self, tx: float, ty: float) -> None:
        self.tm = self.line = _multiply((1.0, 0.0, 0.0, 1.0, tx, ty), self.line)

    def _show(self, parts: list[Any]) -> None:
        font = self.font
        if font is None:
            return
        a, b, _c, _d, e, f = _multiply(self.tm, self.ctm)
        scale = (a * a + b * b) ** 0.5
        size = self.size * scale
        bold = font.bold or self.mode == FILL_AND_STROKE
        advance = 0.0  # text space units along the baseline
        for part in parts:
            if isinstance(part, float):
                advance -= part / 1000 * self.size
                continue
            if not isinstance(part, bytes):
                continue
            for i in range(0, len(part), font.width):
                code = int.from_bytes(part[i : i + font.width], "big")
                w = font.widths.get(code, font.default_width) / 1000 * self.size
                x = e + advance * a
                y = f + advance * b
                text = font.cmap.get(code, chr(code))
                self.glyphs.append(_Glyph(x, x + w * scale, y, size, text, bold, font.name))
                advance += w
        self.tm = _multiply((1.0, 0.0, 0.0, 1.0, advance, 0.0), self.tm)

    def close(self) -> None:
        """End the current run; one that moves to another baseline or font is split."""
        glyphs, self.glyphs = self.glyphs, []
        start = 0
        for i in range(1, len(glyphs) + 1):
            first = glyphs[start]
            if (
                i < len(glyphs)
                and abs(glyphs[i].y - first.y) <= 0.5
                and glyphs[i].font == first.font
            ):
                continue
            part = glyphs[start:i]
            inked = [g for g in part if g.text.strip()]
            self.runs.append(
                Run(
                    page=self.page,
                    x=part[0].x,
                    end=part[-1].end,
                    y=first.y,
                    size=round(max(g.size for g in part), 2),
                    bold=first.bold,
                    text="".join(g.text for g in part),
                    font=first.font,
                    start=(inked[0] if inked else part[0]).x,
                    stop=(inked[-1] if inked else part[-1]).end,
                )
            )
            start = i


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """m × n (PDF matrices [a b c d e f])."""
    a1, b1, c1, d1, e1, f1 = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def _fonts(page: Any) -> dict[str, _Font]:
    fonts: dict[str, _Font] = {}
    resources = page.get("/Resources") or {}
    for name, ref in (resources.get("/Font") or {}).items():
        font = ref.get_object()
        base = str(font.get("/BaseFont", ""))
        type0 = font.get("/Subtype") == "/Type0"
        cmap = font.get("/ToUnicode")
        mapping = parse_to_unicode(cmap.get_object().get_data()) if cmap is not None else {}
        if type0:
            descendant = font["/DescendantFonts"][0].get_object()
            widths = _cid_widths(descendant.get("/W"))
            default = float(descendant.get("/DW", 1000))
        else:
            first = int(font.get("/FirstChar", 0))
            widths = {first + i: float(w) for i, w in enumerate(font.get("/Widths") or [])}
            default = 500.0
        bold = any(word in base.lower().replace("-", "") for word in BOLD_NAMES)
        fonts[str(name)] = _Font(2 if type0 else 1, mapping, widths, default, bold, base)
    return fonts


def _cid_widths(array: Any) -> dict[int, float]:
    """A CIDFont's /W: ``c [w1 w2 …]`` and ``c_first c_last w`` entries."""
    if array is None:
        return {}
    items = list(array.get_object())
    widths: dict[int, float] = {}
    i = 0
    while i < len(items):
        first = int(items[i])
        following = (
            items[i + 1].get_object() if hasattr(items[i + 1], "get_object") else items[i + 1]
        )
        if isinstance(following, list):
            for offset, w in enumerate(following):
                widths[first + offset] = float(w)
            i += 2
        else:
            for code in range(first, int(following) + 1):
                widths[code] = float(items[i + 2])
            i += 3
    return widths


parse_to_unicode = parse_cmap  # the one reader of ToUnicode CMaps (render/tounicode)


# --- lines -------------------------------------------------------------------------------


def lines_of(runs: list[Run]) -> list[Line]:
    """Runs into lines, in the order the page draws them (see the module's notes)."""
    lines: list[Line] = []
    for run in runs:
        if run.blank and not lines:
            continue
        target = None
        for line in reversed(lines[-LOOKBACK:]):
            if line.page != run.page:
                break
            if abs(line.y - run.y) <= SAME_LINE * max(run.size, 1.0) and run.x >= line.end - 1:
                target = line
                break
        if target is None:
            target = Line(run.page, run.y)
            lines.append(target)
        target.runs.append(run)
    return [line for line in lines if line.visible]


def body_size(lines: list[Line]) -> float:
    """The size most characters are printed in."""
    sizes: Counter[float] = Counter()
    for line in lines:
        for run in line.visible:
            sizes[run.size] += len(run.text.strip())
    return sizes.most_common(1)[0][0] if sizes else 0.0
