"""Fonts: a stack that prints Korean and Latin on every desktop, with real bold Hangul.

Qt falls back character by character through ``QFont.families()``, so the user's or
theme's font comes first and a Korean family follows; naming no Korean family lets Qt
pick "Noto Sans CJK HK" and mix three fonts in one line (design.md §4 trap 11). The
Korean family is our bundled one, so the pages do not depend on what the machine has.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from ..resources import resources_root

#: Families bundled in resources/fonts (OFL, subset and renamed by tools/vendor_fonts.py,
#: origins in resources/fonts/SOURCES.md). Unique names, so that no system font of the
#: same name can stand in for them (design.md §4 trap 4); themes name them in the
#: ``font`` option of theme.toml. Each has a real Regular and Bold.
BUNDLED_SANS_KR = "cveditor Noto Sans KR"  # Noto Sans CJK KR: Hangul, Hanja, Latin
BUNDLED_SERIF_KR = "cveditor Noto Serif KR"  # Noto Serif CJK KR (Myeongjo): Hangul, Hanja
BUNDLED_MODERN_SANS_KR = "cveditor Modern Sans KR"  # Pretendard: Hangul, Latin, no Hanja
BUNDLED_SERIF_LATIN = "cveditor Latin Serif"  # IBM Plex Serif: Latin only
BUNDLED_FAMILIES: tuple[str, ...] = (
    BUNDLED_SANS_KR,
    BUNDLED_SERIF_KR,
    BUNDLED_MODERN_SANS_KR,
    BUNDLED_SERIF_LATIN,
)

#: Korean-capable families with a real bold, best first: ours (so a PDF looks the same
#: on every machine), then Linux, Windows, macOS and web fonts for a build without it.
KOREAN_FAMILIES: tuple[str, ...] = (
    BUNDLED_SANS_KR,
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

FONT_SUFFIXES = frozenset({".ttf", ".otf", ".ttc"})

_registered: list[str] | None = None
_registering = threading.Lock()  # the first render may come from a worker thread


@lru_cache(maxsize=1)
def installed_families() -> frozenset[str]:
    register_bundled_fonts()
    return frozenset(QFontDatabase.families())


def bundled_font_files() -> list[Path]:
    """The font files in resources/fonts, one folder per family (with its OFL.txt)."""
    folder = resources_root() / "fonts"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in FONT_SUFFIXES)


def register_bundled_fonts() -> list[str]:
    """Register the fonts in resources/fonts with Qt, once (all eight files take about
    10 ms). Returns the families added; needs a QGuiApplication."""
    global _registered
    with _registering:
        if _registered is None:
            if QGuiApplication.instance() is None:
                return []
            added: list[str] = []
            for path in bundled_font_files():
                font_id = QFontDatabase.addApplicationFont(str(path))
                added += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            _registered = list(dict.fromkeys(added))
        return list(_registered)


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
