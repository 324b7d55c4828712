"""The fonts a résumé can be set in: installed text fonts, never icon or symbol fonts.

``QFontDatabase.families()`` also lists pictogram fonts: qtawesome registers Font Awesome,
Elusive, Material Design, Phosphor, Remix and codicons as application fonts, and a desktop
may have Wingdings or Noto Sans Symbols. Setting a résumé in one of them turns it into
glyph soup (issue #9), so the font list offers only families that pass every test:

* Qt knows them to write Latin or Korean (``writingSystems``; "Symbol" alone fails), and
  they are not private (system UI) families;
* they are not one of qtawesome's icon fonts (names read from its bundled font files,
  without importing it: that costs ~140 ms; only once it is imported, as it registers
  its fonts then);
* their own character map has the letters, digits and punctuation of a sentence, or
  Hangul — Font Awesome 6 maps a–z to icons but has no "." or ",";
* their letters are not em-square pictograms (an icon font mapped onto ASCII).

Traps: ``QFontMetrics.inFont``/``inFontUcs4`` answer through font fallback — every family
"has" 한 because fontconfig borrows it from a Korean font — so glyphs are looked up in
``QRawFont``, which is one face's character map. And ``QRawFont.supportsCharacter(str)``
goes through ``QChar`` and answers False for '한' in a Korean font: pass ``ord(c)``.

``fill_font_combo`` and ``show_font_family`` put the list in a combo box: "Theme's font",
the Hangul-capable families marked "— 한글", then the others, each name drawn in its own
face; a stored family that is not offered shows as an extra entry that says why.

Opening every face to read its character map costs about 0.7 ms a family (21 ms for 30),
so the list is built once per process: fonts installed while the editor runs appear after
a restart.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QComboBox

from ..render.fonts import installed_families

#: A text font can set an ordinary English sentence: letters, digits, punctuation.
LATIN_SAMPLE = "aAzZ09.,:()-"
#: ... or a Korean one.
HANGUL_SAMPLE = "한글"
#: Name fragments of icon and symbol fonts, to describe a stored font that is not installed.
ICON_NAME_HINTS = (
    "awesome",
    "icons",
    "codicon",
    "symbols",
    "wingdings",
    "webdings",
    "dingbats",
    "glyphicons",
    "mdl2",
    "marlett",
    "emoji",
)

#: Style names that fontconfig appends to a family name to name a face.
STYLE_WORDS = ("regular", "solid", "light", "thin", "bold", "duotone")

WS = QFontDatabase.WritingSystem


@dataclass(frozen=True)
class FontChoice:
    """A family to offer, and whether it has Hangul glyphs of its own."""

    family: str
    has_hangul: bool


@cache
def text_fonts() -> tuple[FontChoice, ...]:
    """The installed text fonts, Hangul-capable ones first, each group alphabetical."""
    installed_families()  # registers the fonts bundled with the editor, once
    # qtawesome registers its fonts only once imported; at start-up it is not, yet.
    loaded = "qtawesome" in sys.modules
    icons = {name.casefold() for name in icon_font_families()} if loaded else set()
    choices = []
    for family in QFontDatabase.families():
        if family.casefold() in icons:
            continue
        choice = _as_text_font(family)
        if choice is not None:
            choices.append(choice)
    choices.sort(key=lambda c: (not c.has_hangul, c.family.casefold()))
    return tuple(choices)


def _as_text_font(family: str) -> FontChoice | None:
    if QFontDatabase.isPrivateFamily(family):
        return None
    systems = set(QFontDatabase.writingSystems(family))
    if WS.Latin not in systems and WS.Korean not in systems:
        return None  # Symbol-only fonts end here
    raw = QRawFont.fromFont(QFont(family))
    if not raw.isValid():
        return None
    latin = all(raw.supportsCharacter(ord(c)) for c in LATIN_SAMPLE)
    hangul = WS.Korean in systems and all(raw.supportsCharacter(ord(c)) for c in HANGUL_SAMPLE)
    if not (latin or hangul):
        return None
    if latin and _pictograms(raw):
        return None
    return FontChoice(family, hangul)


def _pictograms(raw: QRawFont) -> bool:
    """Whether 'i', 'l' and '.' are all as wide as the em: icons drawn on ASCII codes."""
    advances = raw.advancesForGlyphIndexes(raw.glyphIndexesForString("il."))
    return bool(advances) and all(a.x() >= 0.9 * raw.pixelSize() for a in advances)


@cache
def icon_font_families() -> frozenset[str]:
    """The families of the icon fonts that qtawesome registers (whether or not it has yet)."""
    try:
        spec = importlib.util.find_spec("qtawesome")
    except (ImportError, ValueError):
        return frozenset()
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    names = set()
    for folder in spec.submodule_search_locations:
        for path in sorted((Path(folder) / "fonts").glob("*.[ot]tf")):
            raw = QRawFont(str(path), 12)
            if raw.isValid():
                names.add(raw.familyName())
    return frozenset(names)


def unlisted_reason(family: str) -> str:
    """Why a stored font is not offered: "not a text font" or "not installed"."""
    folded = family.casefold()
    offered = {c.family.casefold() for c in text_fonts()}
    others = {f.casefold() for f in QFontDatabase.families()} - offered
    others |= {f.casefold() for f in icon_font_families()}
    # "Font Awesome 5 Free" is the family of the faces Qt calls "Font Awesome 5 Free Solid"…
    faces = {folded} | {f"{folded} {style}" for style in STYLE_WORDS}
    if faces & others or any(hint in folded for hint in ICON_NAME_HINTS):
        return "not a text font"
    return "not installed"


THEME_FONT = "Theme's font"
HANGUL_MARK = " — 한글"
HAS_HANGUL_TIP = "Has Korean (Hangul) glyphs"
NO_HANGUL_TIP = "No Korean glyphs: Korean text falls back to another font"
TIP = Qt.ItemDataRole.ToolTipRole
#: Marks the extra entry of a stored family that is not offered.
UNLISTED_ROLE = Qt.ItemDataRole.UserRole + 1


def fill_font_combo(combo: QComboBox) -> None:
    """First "Theme's font" (data ""), then the text fonts; data is the plain family name."""
    combo.addItem(THEME_FONT, "")
    combo.setItemData(0, "The theme's font, with a Korean font for Hangul", TIP)
    size = combo.font().pointSizeF()
    group = None
    for choice in text_fonts():
        if choice.has_hangul != group:
            combo.insertSeparator(combo.count())
            group = choice.has_hangul
        label = choice.family + (HANGUL_MARK if choice.has_hangul else "")
        combo.addItem(label, choice.family)
        index = combo.count() - 1
        face = QFont(choice.family)
        if size > 0:
            face.setPointSizeF(size)
        combo.setItemData(index, face, Qt.ItemDataRole.FontRole)
        tip = HAS_HANGUL_TIP if choice.has_hangul else NO_HANGUL_TIP
        combo.setItemData(index, tip, TIP)


def show_font_family(combo: QComboBox, family: str) -> None:
    """Make ``family`` the combo's current entry. A family that is not offered (an icon
    font chosen in an older version, a font not installed here) gets an extra entry
    saying so, instead of the combo pretending the theme's font is in use."""
    if combo.count() > 1 and combo.itemData(1, UNLISTED_ROLE) and combo.itemData(1) != family:
        combo.removeItem(1)
    index = combo.findData(family)
    if index < 0:
        reason = unlisted_reason(family)
        combo.insertItem(1, f"{family} ({reason})", family)
        combo.setItemData(1, True, UNLISTED_ROLE)
        tip = (
            "An icon or symbol font, not made for text: choose a text font"
            if reason == "not a text font"
            else "Not installed on this computer: the résumé prints in a fallback font"
        )
        combo.setItemData(1, tip, TIP)
        index = 1
    combo.setCurrentIndex(index)
