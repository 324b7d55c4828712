"""Which characters each drawn glyph stands for, per font, in the order Qt first drew it.

Input to the PDF text-layer repair (tounicode.py). Qt's QGlyphRun.stringIndexes() is
wrong when a line mixes fonts (indexes restart per script item), so the text of a glyph
is found through the font's own character map among the characters of the same line;
glyphs reached only through OpenType substitution (Noto CJK KR draws the digits of
"Jun 2018" with Korean-locale forms) are looked up character by character.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtGui import QRawFont, QTextLayout

_GLYPHS = QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
_GLYPHS_AND_POSITIONS = _GLYPHS | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions


@dataclass
class FontUse:
    """One font's glyphs in order of first use, and the text each glyph stood for."""

    raw: QRawFont
    order: list[int] = field(default_factory=list)
    order_set: set[int] = field(default_factory=set)
    texts: dict[int, Counter[str]] = field(default_factory=dict)


FontKey = tuple[str, str, int, int]


def font_key(raw: QRawFont) -> FontKey:
    return (raw.familyName(), raw.styleName(), int(raw.weight()), int(raw.style().value))


def _cmap_glyphs(raw: QRawFont, text: str) -> list[int]:
    glyphs = list(raw.glyphIndexesForString(text))
    if len(glyphs) == len(text):
        return glyphs
    return [(raw.glyphIndexesForString(c) or [0])[0] for c in text]  # surrogate pairs


def _per_character(
    layout: QTextLayout, start: int, text: str, wanted: dict[FontKey, set[int]], uses
) -> None:
    """Ask the shaped line which glyphs each character became; a run of characters
    drawn by one glyph (a ligature) becomes that glyph's text together."""
    previous: tuple[FontKey, int] | None = None
    pending = ""
    for offset, char in enumerate(text):
        runs = layout.glyphRuns(start + offset, 1, _GLYPHS)
        glyph: tuple[FontKey, int] | None = None
        for run in runs:
            key = font_key(run.rawFont())
            ids = list(run.glyphIndexes())
            if ids and ids[0] in wanted.get(key, ()):
                glyph = (key, ids[0])
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
    for layout, full_text, start, length in lines:
        text = full_text[start : start + length]
        unresolved: dict[FontKey, set[int]] = {}
        drawn: list[tuple[float, FontKey, int]] = []  # Qt draws a line left to right
        for run in layout.glyphRuns(start, length, _GLYPHS_AND_POSITIONS):
            raw = run.rawFont()
            key = font_key(raw)
            use = uses.setdefault(key, FontUse(raw))
            glyphs = list(run.glyphIndexes())
            drawn += [(p.x(), key, g) for p, g in zip(run.positions(), glyphs, strict=True)]
            cmap = _cmap_glyphs(raw, text)
            by_cmap: dict[int, Counter[str]] = {}
            for char, glyph in zip(text, cmap, strict=True):
                by_cmap.setdefault(glyph, Counter())[char] += 1
            for glyph in set(glyphs) - {0}:
                if glyph in by_cmap:
                    use.texts.setdefault(glyph, Counter()).update(by_cmap[glyph])
                else:
                    unresolved.setdefault(key, set()).add(glyph)
            if 0 in glyphs:
                missing.update(
                    c
                    for c, g in zip(text, cmap, strict=True)
                    if g == 0 and not c.isspace() and c not in "\u2028\u2029"
                )
        for _x, key, glyph in sorted(drawn, key=lambda item: item[0]):
            use = uses[key]
            if glyph and glyph not in use.order_set:
                use.order.append(glyph)
                use.order_set.add(glyph)
                use.texts.setdefault(glyph, Counter())
        if unresolved:
            _per_character(layout, start, text, unresolved, uses)
    return list(uses.values()), missing
