"""Fonts: a stack that prints Korean and Latin on every desktop, with real bold Hangul.

Qt falls back character by character through ``QFont.families()``, so the user's or
theme's font comes first and a Korean family follows; naming no Korean family lets Qt
pick "Noto Sans CJK HK" and mix three fonts in one line (design.md §4 trap 11).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase

from ..resources import resources_root

#: Korean-capable families with a real bold, best first: Linux, Windows, macOS, web fonts.
KOREAN_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "NanumBarunGothic",
    "NanumGothic",
    "Malgun Gothic",
    "Apple SD Gothic Neo",
    "Source Han Sans K",
)

#: Last resorts for Latin, symbols and Hanja that a Korean font may lack.
FALLBACK_FAMILIES: tuple[str, ...] = ("DejaVu Sans", "Noto Sans CJK JP", "Noto Sans CJK SC")


@lru_cache(maxsize=1)
def installed_families() -> frozenset[str]:
    register_bundled_fonts()
    return frozenset(QFontDatabase.families())


def register_bundled_fonts() -> list[str]:
    """Fonts shipped in resources/fonts (the desktop bundle carries a Korean font there,
    for machines that have none). Returns the families added."""
    folder = resources_root() / "fonts"
    added: list[str] = []
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in {".ttf", ".otf", ".ttc"}:
                font_id = QFontDatabase.addApplicationFont(str(path))
                added += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return added


def family_stack(preferred: str = "") -> list[str]:
    """The families to use, in order, keeping only installed ones."""
    wanted = [f.strip() for f in preferred.split(",") if f.strip()]
    wanted += list(KOREAN_FAMILIES) + list(FALLBACK_FAMILIES)
    installed = installed_families()
    stack = [f for f in dict.fromkeys(wanted) if f in installed]
    return stack or [QFont().defaultFamily()]


def document_font(preferred: str, point_size: float) -> QFont:
    """The base font of a résumé: the stack, the size, and ligatures off.

    Ligatures are off so a reader never meets "ﬁ" for "fi" (design.md §4 trap 3a);
    the text-layer repair handles them anyway, this keeps the PDF simple.
    """
    font = QFont()
    font.setFamilies(family_stack(preferred))
    font.setPointSizeF(point_size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setFeature(QFont.Tag("liga"), 0)
    font.setFeature(QFont.Tag("clig"), 0)
    return font
