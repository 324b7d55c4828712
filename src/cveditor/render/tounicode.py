"""Repair the PDF text layer so that what a reader extracts is what the user typed.

Qt writes each font's ToUnicode map by asking the font which character a glyph stands
for; where several characters share a glyph it picks the lowest (NanumGothic's space
becomes U+0001, Noto's en dash U+2012, Hanja 一 the Kangxi radical), and glyphs reached
only through OpenType substitutions (Noto CJK KR's Korean digits) get no entry at all
(design.md §4 trap 3). We know better: the layout says, for every glyph drawn, which
characters it came from. Qt numbers a font's glyphs in the PDF by first use, so walking
the glyph runs in paint order gives each PDF glyph id its text. A font is rewritten only
when every entry Qt did write agrees with that reconstruction; otherwise it is left as
Qt wrote it, and the text check reports what did not survive. Glyph 0 (.notdef, a box
for a character no font has) gets that character when it is the only one, else U+FFFD:
a reader never gets a control character (design.md §4 trap 19).

Qt also starts every glyph run as its own text object at the origin (``1 0 0 -1 0 0 Tm``)
and only then moves to the run's place (``x y Td``). pypdf reads that jump to the page's
top as a new line, so a word whose letters are two runs (an anchor on its first letter,
bold inside a word, a fallback font for one script) came out split: "E xperience". The
move is folded into the text matrix, which draws exactly the same. And where Qt fakes a
bold (it takes NanumMyeongjo's Bold file for weight 400), it draws each run twice, the
second inside an empty ActualText span that only poppler honours: pypdf, pdfminer and
pdf.js read every bold word twice. Such a run is drawn once, filled and stroked.
"""

from __future__ import annotations

import re
import struct
import unicodedata
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from pypdf import PdfReader, PdfWriter

from ..task import checkpoint
from .glyphmap import FontUse


@dataclass
class RepairReport:
    fonts_rewritten: int = 0
    fonts_skipped: list[str] = field(default_factory=list)


def _cmap(mapping: dict[int, str]) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    items = sorted(mapping.items())
    for start in range(0, len(items), 100):
        chunk = items[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{cid:04X}> <{text.encode('utf-16-be').hex().upper()}>" for cid, text in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


def parse_cmap(data: bytes) -> dict[int, str]:
    """The entries Qt wrote (bfchar and bfrange with arrays or a start value)."""
    text = data.decode("latin-1")
    result: dict[int, str] = {}

    def decode(hex_text: str) -> str:
        return bytes.fromhex(hex_text).decode("utf-16-be", errors="replace")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for cid, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            result[int(cid, 16)] = decode(target)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for first, last, rest in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block
        ):
            lo, hi = int(first, 16), int(last, 16)
            if rest.startswith("["):
                for offset, target in enumerate(re.findall(r"<([0-9A-Fa-f]+)>", rest)):
                    result[lo + offset] = decode(target)
            else:
                base = int(rest[1:-1], 16)
                for cid in range(lo, hi + 1):
                    result[cid] = chr(base + cid - lo)
    return result


def _glyphs_in_font_program(descendant: Any) -> int:
    """numGlyphs of the embedded TrueType subset (its 'maxp' table), less .notdef."""
    descriptor = descendant.get("/FontDescriptor")
    program = descriptor.get_object().get("/FontFile2") if descriptor is not None else None
    if program is None:
        return 0
    data = program.get_object().get_data()
    tables = struct.unpack(">H", data[4:6])[0]
    for index in range(tables):
        record = 12 + 16 * index
        tag, _checksum, offset, _length = struct.unpack(">4sIII", data[record : record + 16])
        if tag == b"maxp":
            return struct.unpack(">H", data[offset + 4 : offset + 6])[0] - 1
    return 0


def _cid_count(descendant: Any) -> int:
    """How many glyphs Qt embedded: the highest CID in /W, or the font program's count.

    Qt leaves /W out when every glyph has the default width (all-CJK fallback fonts).
    """
    widths = descendant.get("/W")
    if widths is None:
        return _glyphs_in_font_program(descendant)
    widths = widths.get_object()
    highest, i = 0, 0
    while i < len(widths):
        first = int(widths[i])
        nxt = widths[i + 1].get_object() if hasattr(widths[i + 1], "get_object") else widths[i + 1]
        if isinstance(nxt, list):
            highest = max(highest, first + len(nxt) - 1)
            i += 2
        else:
            highest = max(highest, int(nxt))
            i += 3
    return highest


#: Qt's start of a glyph run: text matrix at the origin, then a move to the run.
_RUN_START = re.compile(rb"1 0 0 -1 0 0 Tm\s+(-?[0-9.]+) (-?[0-9.]+) Td ")

#: A run in a synthesized bold, once its start is folded: the glyphs, then the same glyphs
#: again a little to the left inside an empty ActualText span (which only poppler honours).
_DOUBLE_DRAWN = re.compile(
    rb"BT\n([^\n]*?Tf) 1 0 0 -1 (-?[0-9.]+) (-?[0-9.]+) Tm\n"
    rb"((?:(?!ET\n)[^\n]*\n)*?)"
    rb"1 0 0 -1 0 0 Tm\n/Span << /ActualText <> >> BDC\n"
    rb"(-?[0-9.]+) (-?[0-9.]+) Td ((?:(?!ET\n)[^\n]*\n)*?)EMC\nET\n"
)


def _fold_run_start(match: re.Match[bytes]) -> bytes:
    x, y = match.group(1).decode(), float(match.group(2))
    return f"1 0 0 -1 {x} {-y:.6f} Tm\n".encode()


def _stroke_once(match: re.Match[bytes]) -> bytes:
    """One fill-and-stroke draw for Qt's two fills of a synthesized bold run.

    The stroke (as wide as Qt's offset, centred between the two copies) inks about what
    the two fills did, and the text is in the PDF once. Anything unexpected: unchanged.
    """
    font, x, y, glyphs, x2, y2, again = match.groups()
    offset = float(x) - float(x2)
    if glyphs != again or float(y) != -float(y2) or not 0 < offset < 5:
        return match.group(0)
    left = float(x) - offset / 2
    return (
        b"BT\n"
        + font
        + f" {offset:.6f} w 2 Tr 1 0 0 -1 {left:.6f} ".encode()
        + y
        + b" Tm\n"
        + glyphs
        + b"0 Tr\nET\n"
    )


def rewrite_text_objects(data: bytes) -> tuple[bytes, int]:
    """A page's content with each glyph run started in place and drawn once."""
    data, folded = _RUN_START.subn(_fold_run_start, data)
    data, bold = _DOUBLE_DRAWN.subn(_stroke_once, data)
    return data, folded + bold


def place_text_objects(page: Any) -> int:
    """Rewrite a page's text objects (see the module's docstring); returns how many."""
    contents = page.get("/Contents")
    if contents is None:
        return 0
    streams = contents.get_object()
    streams = list(streams) if isinstance(streams, list) else [contents]
    changed = 0
    for ref in streams:
        stream = ref.get_object()
        data, count = rewrite_text_objects(stream.get_data())
        if count:
            stream.set_data(data)
            changed += count
    return changed


def _agrees(use: FontUse, written: dict[int, str]) -> bool:
    """Whether our glyph order is the one Qt used for this PDF font.

    Every entry Qt wrote is checked through the font's character map: a character that
    maps to a different glyph contradicts; one the font cannot answer for (controls such
    as the U+0001 Qt picks for NanumGothic's space) proves nothing either way. Several
    confirmations are needed so that two fonts with equally many glyphs are not confused.
    """
    confirmed = 0
    for cid, text in written.items():
        if cid == 0 or len(text) != 1 or unicodedata.category(text) == "Cc":
            continue
        if cid > len(use.order):
            return False
        glyphs = list(use.raw.glyphIndexesForString(text))
        if not glyphs or glyphs[0] == 0:
            continue
        if glyphs[0] != use.order[cid - 1]:
            return False
        confirmed += 1
    return confirmed >= min(3, len(use.order))


def repair_pdf(pdf: bytes, uses: list[FontUse]) -> tuple[PdfWriter, RepairReport]:
    """Rewrite wrong or missing ToUnicode entries; returns the writer, not yet saved."""
    writer = PdfWriter(clone_from=PdfReader(BytesIO(pdf)))
    report = RepairReport()
    done: set[int] = set()
    for page in writer.pages:
        checkpoint()
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            if id(font) in done or font.get("/Subtype") != "/Type0" or "/ToUnicode" not in font:
                continue
            done.add(id(font))
            descendant = font["/DescendantFonts"][0].get_object()
            count = _cid_count(descendant)
            stream = font["/ToUnicode"].get_object()
            written = parse_cmap(stream.get_data())
            match = [u for u in uses if len(u.order) == count and _agrees(u, written)]
            if len(match) != 1:
                report.fonts_skipped.append(str(font.get("/BaseFont")))
                continue
            stream.set_data(_cmap(_mapping(match[0])))
            report.fonts_rewritten += 1
        place_text_objects(page)
    return writer, report


def _mapping(use: FontUse) -> dict[int, str]:
    """PDF glyph id → text: what each glyph stood for where it was drawn."""
    mapping: dict[int, str] = {}
    if use.missing:  # drawn as .notdef: say which character, when it can only be one
        mapping[0] = next(iter(use.missing)) if len(use.missing) == 1 else "\ufffd"
    for cid, glyph in enumerate(use.order, start=1):
        if use.texts[glyph]:
            mapping[cid] = use.texts[glyph].most_common(1)[0][0]
    return mapping
