"""Read a PDF's text back as readers do and say what did not survive (what an ATS misses).

One reader is not enough (design.md §4 trap 19): poppler rebuilds spaces from positions
and honours ActualText, where pypdf, pdfminer.six and pdf.js take the text layer as it
is. So the PDF is read by poppler's pdftotext (when installed), pypdf (always) and
pdfminer.six (when installed), and the words each gives back are compared with the
words the pages print: a word missing is *lost*, a word read more often than printed is
*duplicated* (a line repainted at a page break, trap 18), a word never printed is
*unexpected* (a control character for a space, a word split in two). pypdf also gives
every glyph's position, and a word drawn outside the page body is *outside*: clipped
away, or in a margin where nobody sees it but a parser reads it.

pypdf and pdfminer take about 0.15 and 0.25 s a page (Qt positions every glyph on its
own), so past ``DEEP_PAGES`` pages pypdf reads only the first ones and reports only what
it reads in excess, and pdfminer is left out; lost words then come from pdftotext, which
reads everything in a few milliseconds.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from ..task import Cancelled, checkpoint
from .tounicode import parse_cmap

#: An area of a page where text belongs: (left, bottom, right, top) in PDF points, y up.
Area = tuple[float, float, float, float]
SLACK = 0.75  # points a glyph's origin may stray past an area's edge (rounding, italics)
DEEP_PAGES = 5  # pages pypdf and pdfminer read (a résumé rarely has more)


@dataclass
class Glyph:
    """One drawn glyph: its text and its origin on the page (PDF points, y up)."""

    page: int
    text: str
    x: float
    y: float


@dataclass
class TextFindings:
    """What the read-back found; empty lists when the text layer is what was printed."""

    lost: dict[str, list[str]] = field(default_factory=dict)  # word → readers missing it
    duplicated: dict[str, list[str]] = field(default_factory=dict)  # word → readers
    unexpected: dict[str, list[str]] = field(default_factory=dict)  # read, never printed
    outside: list[tuple[int, str]] = field(default_factory=list)  # (page, text)
    readers: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.lost or self.duplicated or self.unexpected or self.outside)


# --- readers ---------------------------------------------------------------------------


def read_pdftotext(pdf: bytes) -> str | None:
    """poppler's text (what most ATS read), or None when pdftotext is not installed."""
    tool = shutil.which("pdftotext")
    if not tool:
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "check.pdf"
        path.write_bytes(pdf)
        out = _run_stoppable([tool, "-enc", "UTF-8", str(path), "-"], timeout=60)
    return None if out is None else out.decode("utf-8", errors="replace")


def _run_stoppable(command: list[str], timeout: float) -> bytes | None:
    """The command's output (None if it failed), stopped with the current task."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as proc:
        deadline = time.monotonic() + timeout
        while True:
            try:
                out, _ = proc.communicate(timeout=0.1)
                return out if proc.returncode == 0 else None
            except subprocess.TimeoutExpired:
                if time.monotonic() > deadline:
                    proc.kill()
                    return None
                try:
                    checkpoint()
                except Cancelled:
                    proc.kill()
                    raise


def read_pdfminer(pdf: bytes, max_pages: int = 0) -> str | None:
    """pdfminer.six's text of the first ``max_pages`` pages (0: all), or None when it is
    not installed (a test dependency: the app's check then reads with the other two)."""
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LTTextContainer
    except ImportError:
        return None
    pages = []
    for page in extract_pages(BytesIO(pdf), maxpages=max_pages):
        checkpoint()
        pages.append("".join(e.get_text() for e in page if isinstance(e, LTTextContainer)))
    return "\n".join(pages)


def read_pypdf(pdf: bytes, max_pages: int = 0) -> tuple[str, list[Glyph]]:
    """pypdf's text of the first ``max_pages`` pages (0: all), and every glyph drawn
    there with its position (from one pass)."""
    texts: list[str] = []
    glyphs: list[Glyph] = []
    pages = PdfReader(BytesIO(pdf)).pages
    for number in range(min(len(pages), max_pages) if max_pages else len(pages)):
        page = pages[number]
        checkpoint()
        visitor = _GlyphVisitor(page, number)
        texts.append(page.extract_text(visitor_operand_before=visitor) or "")
        glyphs += visitor.glyphs
    return "\n".join(texts), glyphs


class _GlyphVisitor:
    """Collects the glyphs of Tj operators as pypdf walks a page's content."""

    def __init__(self, page: Any, number: int) -> None:
        self.number = number
        self.glyphs: list[Glyph] = []
        self.fonts = _page_fonts(page)
        self.font: tuple[int, dict[int, str]] = (1, {})

    def __call__(self, operator: bytes, operands: list[Any], cm: list[float], tm: list[float]):
        if operator == b"Tf" and operands:
            self.font = self.fonts.get(str(operands[0]), (1, {}))
        elif operator == b"Tj" and operands:
            x, y = _on_page(tm, cm)
            for text in _decode(_raw_bytes(operands[0]), *self.font):
                self.glyphs.append(Glyph(self.number, text, x, y))


def _page_fonts(page: Any) -> dict[str, tuple[int, dict[int, str]]]:
    """Each font resource's code width in bytes and its ToUnicode map."""
    fonts = {}
    for name, ref in (page.get("/Resources", {}).get("/Font", {}) or {}).items():
        font = ref.get_object()
        width = 2 if font.get("/Subtype") == "/Type0" else 1
        cmap = font.get("/ToUnicode")
        fonts[str(name)] = (width, parse_cmap(cmap.get_object().get_data()) if cmap else {})
    return fonts


def _raw_bytes(operand: Any) -> bytes:
    original = getattr(operand, "get_original_bytes", None)
    return bytes(original()) if original else bytes(operand)


def _decode(data: bytes, width: int, cmap: dict[int, str]) -> list[str]:
    codes = [int.from_bytes(data[i : i + width], "big") for i in range(0, len(data), width)]
    return [cmap.get(code, chr(code)) for code in codes]


def _on_page(tm: list[float], cm: list[float]) -> tuple[float, float]:
    """The text origin in page space: the text matrix's translation through the CTM."""
    x, y = tm[4], tm[5]
    return x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5]


# --- comparing -------------------------------------------------------------------------


def _counts(text: str) -> Counter[str]:
    return Counter(text.split())


@dataclass
class _Expected:
    """The printed words; a word broken after a hyphen at a line's end (a long address
    may break at several) is one compound, which a reader may give back whole, as its
    parts, or (poppler) without the hyphens where it was broken."""

    words: Counter[str]
    compounds: list[list[str]]  # ["length-", "limited"], ["a-", "b-", "c"]

    def allowance(self) -> Counter[str]:
        """How often each word may be read at most, in whichever form."""
        allowed = self.words.copy()
        for parts in self.compounds:
            whole, joined, _ = _forms(parts)
            allowed.update([*parts, *whole, *joined])
        return allowed


def _forms(parts: list[str]) -> list[list[str]]:
    """The ways a reader gives back a word broken over lines: whole, without the
    hyphens at the breaks, in its parts."""
    return [["".join(parts)], ["".join(p[:-1] for p in parts[:-1]) + parts[-1]], parts]


def expected_words(lines: Iterable[str]) -> _Expected:
    """The words of the printed lines, each line once."""
    words: Counter[str] = Counter()
    compounds: list[list[str]] = []
    pending: list[str] = []
    for line in lines:
        tokens = line.split()
        if pending and tokens:
            pending.append(tokens.pop(0))
            if tokens or not pending[-1].endswith("-") or len(pending[-1]) < 2:
                compounds.append(pending)
                pending = []
            else:
                continue  # the whole line is one more part of the broken word
        elif pending:
            words.update(pending)
            pending = []
        if tokens and len(tokens[-1]) > 1 and tokens[-1].endswith("-"):
            pending = [tokens.pop()]
        words.update(tokens)
    words.update(pending)
    return _Expected(words, compounds)


def _match(expected: _Expected, read: Counter[str]) -> tuple[list[str], Counter[str]]:
    """Printed words a reader did not give back, and what it gave back in excess."""
    left = read.copy()
    lost = [word for word, n in expected.words.items() if _take(left, word, n) < n]
    for parts in expected.compounds:
        for form in _forms(parts):
            if all(left[w] > 0 for w in form):
                left.subtract(form)
                break
        else:
            lost.append("".join(parts))
    return lost, +left


def _take(left: Counter[str], word: str, wanted: int) -> int:
    taken = min(left[word], wanted)
    left[word] -= taken
    return taken


def _is_word(token: str) -> bool:
    """Only words with a letter or digit count: a lone "&" or "•" is no loss to a reader."""
    return any(c.isalnum() for c in token)


def _outside(glyphs: Iterable[Glyph], areas: Sequence[Area]) -> list[tuple[int, str]]:
    """(page, word) of every drawn word with a glyph outside every area, in order."""
    return [
        (word[0].page, "".join(g.text for g in word))
        for word in _drawn_words(glyphs)
        if not all(_inside(g, areas) for g in word)
    ]


def _drawn_words(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into words: a space, a new line or a new page ends one."""
    words: list[list[Glyph]] = []
    word: list[Glyph] = []
    for glyph in glyphs:
        if word and (glyph.page != word[-1].page or abs(glyph.y - word[-1].y) > 1):
            words.append(word)
            word = []
        if not glyph.text or glyph.text.isspace():
            if word:
                words.append(word)
            word = []
        else:
            word.append(glyph)
    if word:
        words.append(word)
    return words


def _inside(glyph: Glyph, areas: Sequence[Area]) -> bool:
    return any(
        left - SLACK <= glyph.x <= right + SLACK and bottom - SLACK <= glyph.y <= top + SLACK
        for left, bottom, right, top in areas
    )


def check_text(
    printed_lines: Sequence[str],
    pdf: bytes,
    areas: Sequence[Area],
    *,
    ignore: Callable[[str], bool] = lambda _word: False,
) -> TextFindings:
    """Read ``pdf`` with every reader at hand and compare with ``printed_lines``.

    ``areas`` are where text may be on every page (the body, a footer band);
    ``ignore`` says which words not to report (those with characters no font has).
    """
    expected = expected_words(printed_lines)
    findings = TextFindings()
    complete = len(PdfReader(BytesIO(pdf)).pages) <= DEEP_PAGES
    pypdf_text, glyphs = read_pypdf(pdf, DEEP_PAGES)
    texts = {"pdftotext": (read_pdftotext(pdf), True), "pypdf": (pypdf_text, complete)}
    if complete:
        texts["pdfminer"] = (read_pdfminer(pdf), True)
    for reader, (text, whole) in texts.items():
        if text is not None:
            findings.readers.append(reader)
            _compare(expected, text, whole, reader, findings, ignore)
    findings.outside = [(p, t) for p, t in _outside(glyphs, areas) if not ignore(t)]
    return findings


def _compare(
    expected: _Expected,
    text: str,
    whole: bool,
    reader: str,
    findings: TextFindings,
    ignore: Callable[[str], bool],
) -> None:
    """Add what ``reader`` lost or read in excess (of a part: only the excess)."""
    read = _counts(text)
    lost, excess = _match(expected, read) if whole else ([], read - expected.allowance())
    for word in lost:
        if _is_word(word) and not ignore(word):
            findings.lost.setdefault(word, []).append(reader)
    for word in excess:
        if not _is_word(word) or ignore(word):
            continue
        found = findings.duplicated if word in expected.words else findings.unexpected
        found.setdefault(word, []).append(reader)
