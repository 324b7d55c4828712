"""The fonts cveditor ships (resources/fonts, issue #10): each family registers under its
own unique name, draws Hangul and Latin, has a real bold face, is embedded in a PDF whose
theme names it, and carries its licence.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QRawFont

from cveditor.io import native
from cveditor.paths import user_themes_dir
from cveditor.render import fonts
from cveditor.render.fonts import (
    BUNDLED_FAMILIES,
    BUNDLED_MODERN_SANS_KR,
    BUNDLED_SANS_KR,
    BUNDLED_SERIF_KR,
    BUNDLED_SERIF_LATIN,
    KOREAN_FAMILIES,
)
from cveditor.render.pdf import pdf_bytes
from cveditor.render.themes import builtin_themes_dir
from cveditor.resources import resource_path

from .conftest import OUR_SAMPLE
from .pdfcheck import pdftotext

FONTS = resource_path("fonts")
TODAY = date(2026, 11, 1)

#: family → (its folder under resources/fonts, PostScript prefix, has Hangul, has Hanja)
BUNDLED = {
    BUNDLED_SANS_KR: ("noto-sans-kr", "cveditorNotoSansKR", True, True),
    BUNDLED_SERIF_KR: ("noto-serif-kr", "cveditorNotoSerifKR", True, True),
    BUNDLED_MODERN_SANS_KR: ("modern-sans-kr", "cveditorModernSansKR", True, False),
    BUNDLED_SERIF_LATIN: ("latin-serif", "cveditorLatinSerif", False, False),
}
LATIN = "AZaz09éüßñçø&@%,.;:!?()-–—“”‘’·•→"
#: KS X 1001 syllables and rarer ones outside it (똠 뷁 햏 쌰 are not in its 2 350).
HANGUL = "가나다김서연허형록이력서경력똠뷁햏쌰힣"
HANJA = "漢字一二三人金"
MAX_FONT_BYTES = 40_000_000


def test_the_constants_name_every_bundled_family() -> None:
    assert set(BUNDLED) == set(BUNDLED_FAMILIES)
    assert KOREAN_FAMILIES[0] == BUNDLED_SANS_KR, "output must not depend on system fonts"


def test_every_family_registers_with_regular_and_bold(qapp) -> None:
    added = fonts.register_bundled_fonts()
    assert sorted(added) == sorted(BUNDLED_FAMILIES)
    assert fonts.register_bundled_fonts() == added  # once: a second call adds nothing
    for family in BUNDLED_FAMILIES:
        assert sorted(QFontDatabase.styles(family)) == ["Bold", "Regular"], family
        assert family in fonts.installed_families()


def raw_font(family: str, bold: bool = False) -> QRawFont:
    fonts.register_bundled_fonts()
    font = QFont(family, 12)
    font.setBold(bold)
    raw = QRawFont.fromFont(font)
    # the face itself, not a substitute (trap 4) nor a fallback font
    assert raw.isValid() and raw.familyName() == family
    return raw


@pytest.mark.parametrize("family", BUNDLED_FAMILIES)
def test_glyphs(qapp, family) -> None:
    _, _, hangul, hanja = BUNDLED[family]
    for bold in (False, True):
        raw = raw_font(family, bold)
        # supportsCharacter wants a code point: with a str it is wrong for non-ASCII (trap 12)
        missing = [c for c in LATIN if not raw.supportsCharacter(ord(c))]
        assert not missing, f"{family}: no Latin {missing}"
        if hangul:
            assert all(raw.supportsCharacter(ord(c)) for c in HANGUL), family
            # all 11 172 syllables, sampled every 97th
            syllables = range(0xAC00, 0xD7A4, 97)
            assert all(raw.supportsCharacter(cp) for cp in syllables), family
        else:
            assert not raw.supportsCharacter(ord("한"))
        assert all(raw.supportsCharacter(ord(c)) for c in HANJA) == hanja, family


def file_weight(raw: QRawFont) -> int:
    """usWeightClass as written in the face's own OS/2 table."""
    os2 = bytes(raw.fontTable("OS/2"))
    return int.from_bytes(os2[4:6], "big")


def postscript_name(raw: QRawFont) -> str:
    """Name ID 6 of the face's own name table (Windows, UTF-16)."""
    table = bytes(raw.fontTable("name"))
    count, strings = int.from_bytes(table[2:4], "big"), int.from_bytes(table[4:6], "big")
    for i in range(count):
        record = table[6 + 12 * i : 18 + 12 * i]
        platform, name_id = int.from_bytes(record[0:2], "big"), int.from_bytes(record[6:8], "big")
        length, offset = int.from_bytes(record[8:10], "big"), int.from_bytes(record[10:12], "big")
        if platform == 3 and name_id == 6:
            return table[strings + offset : strings + offset + length].decode("utf-16-be")
    raise AssertionError("no PostScript name")


@pytest.mark.parametrize("family", BUNDLED_FAMILIES)
def test_bold_is_a_real_bold_face(qapp, family) -> None:
    """Qt picks the Bold file for bold text, not the Regular one made thicker."""
    prefix = BUNDLED[family][1]
    regular, bold = raw_font(family), raw_font(family, bold=True)
    assert (file_weight(regular), file_weight(bold)) == (400, 700)
    assert postscript_name(regular) == f"{prefix}-Regular"
    assert postscript_name(bold) == f"{prefix}-Bold"
    font = QFont(family, 12)
    font.setBold(True)
    info = QFontInfo(font)
    assert info.family() == family and info.styleName() == "Bold" and info.bold()


def theme_naming(font: str, base: str = "classic") -> str:
    """A user theme: a built-in one whose ``font`` option names ``font``."""
    folder = user_themes_dir() / f"fonttest-{base}"
    shutil.copytree(builtin_themes_dir() / base, folder)
    spec = folder / "theme.toml"
    text = spec.read_text(encoding="utf-8")
    assert "\n[options]\n" in text
    spec.write_text(text.replace("\n[options]\n", f'\n[options]\nfont = "{font}"\n', 1))
    return folder.name


def pdffonts(path: Path) -> dict[str, bool]:
    """Font name → embedded, as poppler's pdffonts lists them."""
    assert shutil.which("pdffonts"), "poppler-utils must be installed (.ci/run installs it)"
    out = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    header, rule, *rows = out.splitlines()
    assert header.split()[:4] == ["name", "type", "encoding", "emb"], header
    columns = [m.span() for m in re.finditer(r"-+", rule)]  # fixed-width columns
    name_at, emb_at = columns[0], columns[3]
    found = {}
    for row in rows:
        name = row[slice(*name_at)].strip()
        found[re.sub(r"^[A-Z]{6}\+", "", name)] = row[slice(*emb_at)].strip() == "yes"
    return found


THEME_FONTS = {
    BUNDLED_SANS_KR: BUNDLED_SANS_KR,
    BUNDLED_SERIF_KR: BUNDLED_SERIF_KR,
    BUNDLED_MODERN_SANS_KR: BUNDLED_MODERN_SANS_KR,
    # a Latin face with the Korean serif for Hangul, as an English-first theme names them
    BUNDLED_SERIF_LATIN: f"{BUNDLED_SERIF_LATIN}, {BUNDLED_SERIF_KR}",
}


@pytest.mark.parametrize("family", BUNDLED_FAMILIES)
def test_pdf_of_a_theme_naming_the_family_embeds_it(qapp, tmp_path, family) -> None:
    resume = native.load(OUR_SAMPLE)
    resume.layout.theme = theme_naming(THEME_FONTS[family])
    data, report = pdf_bytes(resume, today=TODAY)
    path = tmp_path / "cv.pdf"
    path.write_bytes(data)
    embedded = pdffonts(path)
    prefix = BUNDLED[family][1]
    for style in ("Regular", "Bold"):  # the sample has bold headings and names
        assert embedded.get(f"{prefix}-{style}") is True, embedded
    if family == BUNDLED_SERIF_LATIN:
        assert embedded.get("cveditorNotoSerifKR-Regular") is True, embedded
    # every Korean glyph came from a bundled font: no system Korean font in the file
    assert not [n for n in embedded if re.search("CJK|Nanum|Malgun|Gothic", n)], embedded
    assert all(embedded.values()), embedded
    text = pdftotext(path)
    for word in ("김서연", "Seoyeon", "클라우드", "Kubernetes"):
        assert word in text, f"{word} not read back from {family}"
    assert report.lost_words == []


def test_licences_and_sources() -> None:
    sources = (FONTS / "SOURCES.md").read_text(encoding="utf-8")
    total = 0
    for family, (folder, prefix, _, _) in BUNDLED.items():
        files = sorted((FONTS / folder).glob(f"{prefix}-*"))
        assert [f.stem for f in files] == [f"{prefix}-Bold", f"{prefix}-Regular"], folder
        licence = (FONTS / folder / "OFL.txt").read_text(encoding="utf-8")
        assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Copyright" in licence
        assert f"## {family}" in sources
        for file in files:
            assert f"`{folder}/{file.name}`" in sources
            total += file.stat().st_size
    every_file = [p for p in FONTS.rglob("*") if p.suffix.lower() in fonts.FONT_SUFFIXES]
    assert sorted(every_file) == fonts.bundled_font_files()
    assert len(every_file) == 2 * len(BUNDLED)  # no font without its family, licence, source
    assert total <= MAX_FONT_BYTES


def test_fonttools_is_not_a_runtime_dependency() -> None:
    """tools/vendor_fonts.py needs fontTools; nothing the app runs imports it."""
    src = Path(fonts.__file__).resolve().parents[1]
    users = [p for p in src.rglob("*.py") if "fontTools" in p.read_text(encoding="utf-8")]
    assert users == []


#: Text whose read-back Qt's PDF writer gets wrong in some fonts (design.md §4 trap 3).
TRICKY = [
    "Jun 2018 – Present — now",
    "‘single’ and “double” quotes · dots • bullets",
    "office finance fluffy affine",
    "허형록 Hyeongrok Heo 똠뷁",
    "2018년 6월 ~ 2019년 1월 C++ & Go 10%",
]


@pytest.mark.parametrize("family", BUNDLED_FAMILIES)
def test_text_layer_is_exact_in_each_family(qapp, tmp_path, family) -> None:
    """Chosen as the résumé's font, each family prints text that reads back as typed."""
    resume = native.loads('{"basics": {"name": "허형록 Hyeongrok Heo"}}')
    resume.layout.fontFamily = family
    resume.basics.summary = "\n\n".join([*TRICKY, "漢字 一二三 人"])
    data, report = pdf_bytes(resume, today=TODAY)
    path = tmp_path / "tricky.pdf"
    path.write_bytes(data)
    text = " ".join(pdftotext(path).split())
    for line in [*TRICKY, "漢字 一二三 人"]:
        assert line in text, f"{line!r} not read back in {family}; got: {text[:300]}"
    assert report.lost_words == [] and report.missing_characters == []
    assert all(name.startswith("cveditor") for name in pdffonts(path)), pdffonts(path)
