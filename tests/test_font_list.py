"""The Font list of the theme panel offers text fonts only (issue #9, point 10).

Driven through the real window, after qtawesome has registered its icon fonts, as it has
in a running editor once the toolbar is built.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QComboBox

from cveditor.io import native
from cveditor.model import Resume
from cveditor.ui.icons import icon
from cveditor.ui.main_window import MainWindow
from cveditor.ui.settings import Settings

KOREAN_FONTS = ("Noto Sans CJK KR", "NanumGothic")
#: Every font qtawesome bundles, by the prefix of its public ``qtawesome.font``.
QTAWESOME_PREFIXES = ("fa5", "fa5s", "fa5b", "fa6", "fa6s", "fa6b", "ei", "mdi", "mdi6", "ph")
QTAWESOME_PREFIXES += ("ri", "msc")


@pytest.fixture
def icon_families() -> set[str]:
    import qtawesome

    icon("save")  # loads qtawesome's fonts into QFontDatabase, as the toolbar does
    families = {qtawesome.font(prefix, 12).family() for prefix in QTAWESOME_PREFIXES}
    installed = set(QFontDatabase.families())
    assert families <= installed and len(families) == len(QTAWESOME_PREFIXES)
    return families


@pytest.fixture
def window(qtbot, icon_families):
    from cveditor.ui import font_list

    font_list.text_fonts.cache_clear()  # list the fonts now that the icon fonts exist
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    yield win
    win.document.undo_stack.setClean()  # let teardown close without asking


def font_combo(win: MainWindow) -> QComboBox:
    return win.theme_dock.widget().font


def entries(combo: QComboBox) -> list[tuple[int, str, str]]:
    """(index, label, family) of each entry, separators left out."""
    return [
        (i, combo.itemText(i), combo.itemData(i))
        for i in range(combo.count())
        if combo.itemData(i) is not None
    ]


def has_hangul_glyph(family: str) -> bool:
    # QRawFont is one face's character map; QFontMetrics.inFont would answer through
    # fallback fonts. And supportsCharacter wants a code point, not a str.
    return QRawFont.fromFont(QFont(family)).supportsCharacter(ord("한"))


def choose(combo: QComboBox, family: str) -> None:
    """As the user does: pick the entry, Qt emits ``activated``."""
    index = combo.findData(family)
    assert index >= 0, f"{family} not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def installed_korean_font(combo: QComboBox) -> str:
    offered = [f for f in KOREAN_FONTS if combo.findData(f) >= 0]
    assert offered, f"none of {KOREAN_FONTS} offered"
    return offered[0]


def test_no_icon_fonts_offered(window, icon_families) -> None:
    combo = font_combo(window)
    families = [family for _, _, family in entries(combo)]
    assert families[0] == ""  # "Theme's font"
    assert not set(families) & icon_families
    for family in families[1:]:
        raw = QRawFont.fromFont(QFont(family))
        assert raw.supportsCharacter(ord("a")) or raw.supportsCharacter(ord("한")), family
        assert raw.supportsCharacter(ord(".")) or raw.supportsCharacter(ord("한")), family
    window.document.undo_stack.setClean()


def test_korean_fonts_labelled_and_drawn_in_their_face(window) -> None:
    combo = font_combo(window)
    korean = installed_korean_font(combo)
    labelled = set()
    for index, label, family in entries(combo)[1:]:
        face = combo.itemData(index, Qt.ItemDataRole.FontRole)
        assert isinstance(face, QFont) and face.family() == family
        tip = combo.itemData(index, Qt.ItemDataRole.ToolTipRole)
        if label.endswith("한글"):
            labelled.add(family)
            assert tip == "Has Korean (Hangul) glyphs"
        else:
            assert label == family
            assert tip.startswith("No Korean glyphs")
        # the label tells the truth about the face itself, not about fallback fonts
        assert (family in labelled) == has_hangul_glyph(family), family
    assert korean in labelled
    assert labelled != {family for _, _, family in entries(combo)[1:]}, "DejaVu has no Hangul"
    window.document.undo_stack.setClean()


def test_choosing_a_font_is_one_undo_step(window) -> None:
    combo = font_combo(window)
    korean = installed_korean_font(combo)
    choose(combo, korean)
    assert window.document.resume.layout.fontFamily == korean
    assert combo.currentData() == korean and combo.currentText() == f"{korean} — 한글"
    window.document.undo_stack.undo()
    assert window.document.resume.layout.fontFamily == ""
    assert combo.currentIndex() == 0 and combo.currentData() == ""
    window.document.undo_stack.setClean()


def open_with_font(win: MainWindow, tmp_path, family: str) -> None:
    resume = Resume()
    resume.layout.fontFamily = family
    path = tmp_path / "old.json"
    native.save(resume, path)
    assert win.files.open(path)


def test_stored_icon_font_shown_as_not_a_text_font(window, tmp_path) -> None:
    combo = font_combo(window)
    open_with_font(window, tmp_path, "Font Awesome 5 Free")
    assert combo.currentData() == "Font Awesome 5 Free"
    assert combo.currentText() == "Font Awesome 5 Free (not a text font)"
    # choosing a text font replaces it; undo brings it back
    korean = installed_korean_font(combo)
    choose(combo, korean)
    assert window.document.resume.layout.fontFamily == korean
    assert combo.findData("Font Awesome 5 Free") < 0
    window.document.undo_stack.undo()
    assert window.document.resume.layout.fontFamily == "Font Awesome 5 Free"
    assert combo.currentText() == "Font Awesome 5 Free (not a text font)"
    assert [label.endswith("(not a text font)") for _, label, _ in entries(combo)].count(True) == 1
    window.document.undo_stack.setClean()


def test_stored_font_not_installed(window, tmp_path) -> None:
    combo = font_combo(window)
    open_with_font(window, tmp_path, "Gowun Batang Nowhere")
    assert combo.currentData() == "Gowun Batang Nowhere"
    assert combo.currentText() == "Gowun Batang Nowhere (not installed)"
    window.document.undo_stack.setClean()
