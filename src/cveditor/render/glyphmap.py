"""Which characters each drawn glyph stands for, per font, in the order Qt first drew it.

Input to the PDF text-layer repair (tounicode.py). Qt's QGlyphRun.stringIndexes() is
wrong when a line mixes fonts (indexes restart per script item), so the text of a glyph
is found through the font's own character map among the characters of the same line;
glyphs reached only through OpenType substitution (Noto CJK KR draws the digits of
"Jun 2018" with Korean-locale forms, and the space between two Hangul words with a glyph
of its own) are looked up character by character.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtGui import QRawFont, QTextLayout

from ..task import checkpoint

_GLYPHS = QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
_GLYPHS_AND_POSITIONS = _GLYPHS | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions


@dataclass
class FontUse:
    """One font's glyphs in order of first use, and the text each glyph stood for."""

    raw: QRawFont
    order: list[int] = field(default_factory=list)
    order_set: set[int] = field(default_factory=set)
    cmap: dict[str, int] = field(default_factory=dict)
    texts: dict[int, Counter[str]] = field(default_factory=dict)
    #: characters this font had no glyph for: they were drawn as glyph 0 (.notdef)
    missing: set[str] = field(default_factory=set)


FontKey = tuple[str, bytes]


def font_key(raw: QRawFont) -> FontKey:
    """Which font *file* drew a glyph run. Qt's PDF engine keeps one embedded font per
    file (its face id), so a slanted Regular standing in for a missing Italic shares the
    Regular's glyph numbering; keying by style split it in two and the repair then gave
    the digits after an italic number wrong text. The 'head' table (dates, checksum)
    tells font files apart."""
    return (raw.familyName(), bytes(raw.fontTable("head")))


def _learn_cmap(use: FontUse, chars: Iterable[str]) -> None:
    """Cache the font's own glyph (no shaping) for each of ``chars``."""
    unknown = "".join(c for c in chars if c not in use.cmap)
    if not unknown:
        return
    glyphs = list(use.raw.glyphIndexesForString(unknown))
    if len(glyphs) != len(unknown):  # surrogate pairs: ask one by one
        glyphs = [(use.raw.glyphIndexesForString(c) or [0])[0] for c in unknown]
    use.cmap.update(zip(unknown, glyphs, strict=True))


def _per_character(
    layout: QTextLayout,
    start: int,
    text: str,
    offsets: list[int],
    wanted: dict[FontKey, set[int]],
    uses: dict[FontKey, FontUse],
) -> None:
    """Ask the shaped line which glyphs the characters at ``offsets`` became.

    Adjacent characters that come back as the same glyph at the same place (a ligature)
    become that glyph's text together; "33" is two glyphs at two places.
    """
    previous: tuple[FontKey, int, float] | None = None
    pending = ""
    last_offset = -2
    for offset in offsets:
        char = text[offset]
        if offset != last_offset + 1 and previous is not None:
            uses[previous[0]].texts[previous[1]][pending] += 1
            previous, pending = None, ""
        last_offset = offset
        glyph: tuple[FontKey, int, float] | None = None
        for run in layout.glyphRuns(start + offset, 1, _GLYPHS_AND_POSITIONS):
            key = font_key(run.rawFont())
            ids = list(run.glyphIndexes())
            if ids and ids[0] in wanted.get(key, ()):
                glyph = (key, ids[0], round(run.positions()[0].x(), 2))
                break
        if glyph is not None and glyph == previous:
            pending += char
            continue
        if previous is not None:
            uses[previous[0]].texts[previous[1]][pending] += 1
        previous, pending = glyph, char
    if previous is not None:
        uses[previous[0]].texts[previous[1]][pending] += 1


def collect_font_use(
    lines: Iterable[tuple[QTextLayout, str, int, int]],
) -> tuple[list[FontUse], set[str]]:
    """Glyphs per font in first-use order with their texts; and characters no font has."""
    uses: dict[FontKey, FontUse] = {}
    missing: set[str] = set()
    for number, (layout, full_text, start, length) in enumerate(lines):
        if number % 500 == 0:
            checkpoint()
        text = full_text[start : start + length]
        occurs = Counter(text)
        unresolved: dict[FontKey, set[int]] = {}
        drawn: list[tuple[float, FontKey, int]] = []  # Qt draws a line left to right
        for run in layout.glyphRuns(start, length, _GLYPHS_AND_POSITIONS):
            raw = run.rawFont()
            key = font_key(raw)
            use = uses.setdefault(key, FontUse(raw))
            glyphs = list(run.glyphIndexes())
            drawn += [(p.x(), key, g) for p, g in zip(run.positions(), glyphs, strict=True)]
            _learn_cmap(use, occurs)
            glyph_set = set(glyphs)
            if 0 in glyph_set:
                use.missing.update(
                    c
                    for c in occurs
                    if use.cmap[c] == 0 and not c.isspace() and c not in "\u2028\u2029"
                )
                missing.update(use.missing)
            glyph_set.discard(0)
            found = set()
            for char, count in occurs.items():
                glyph = use.cmap[char]
                if glyph in glyph_set:
                    use.texts.setdefault(glyph, Counter())[char] += count
                    found.add(glyph)
            if glyph_set - found:
                unresolved.setdefault(key, set()).update(glyph_set - found)
        for _x, key, glyph in sorted(drawn, key=lambda item: item[0]):
            use = uses[key]
            if glyph and glyph not in use.order_set:
                use.order.append(glyph)
                use.order_set.add(glyph)
                use.texts.setdefault(glyph, Counter())
        if unresolved:
            # only a character drawn fewer times with its own glyph than it occurs can
            # have become one of these; a space too (trap 19: a space between two Hangul
            # words is Noto CJK KR's glyph 63108, which Qt maps to nothing)
            drawn_count = Counter((key, glyph) for _x, key, glyph in drawn)
            suspects = [
                i
                for i, c in enumerate(text)
                if c not in "\u2028\u2029"
                and sum(drawn_count[k, uses[k].cmap.get(c)] for k in unresolved) < occurs[c]
            ]
            _per_character(layout, start, text, suspects, unresolved, uses)
    return list(uses.values()), missing
