"""The PDF's text layer as every reader gets it (issue #10, #19 point 7; design.md §4
traps 3, 18, 19): poppler's pdftotext, pypdf, pdfminer.six and pdf.js read back the very
words the pages print, every drawn glyph has a Unicode mapping, and the export's
read-back check catches text that is lost, read twice or drawn outside the page body.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text as pdfminer_text
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from shiboken6 import getCppPointer

from cveditor.io import native
from cveditor.io.formats import read_resume
from cveditor.model import Resume
from cveditor.model.printed import printed_resume
from cveditor.paths import user_themes_dir
from cveditor.render.build import render_resume
from cveditor.render.exports import write_resume
from cveditor.render.pdf import ExportReport, TextLayerProblem, pdf_bytes
from cveditor.render.textcheck import DEEP_PAGES, check_text, expected_words
from cveditor.render.themes import available_themes
from cveditor.render.tounicode import parse_cmap

from .conftest import OFFICIAL_SAMPLE, OUR_SAMPLE, REPO, run_cveditor
from .pdfcheck import pdftotext

TODAY = date(2026, 11, 1)
THEMES = ["classic", "compact", "korean", "sidebar", "myeongjo", "modern", "english"]
PDFJS = REPO / ".ci" / "node" / "node_modules" / "pdfjs-dist"
PDFJS_SCRIPT = REPO / "tools" / "pdfjs_text.mjs"

#: Korean and English in one paragraph: spaces between Hangul words (Noto CJK KR draws
#: them with a glyph Qt maps to nothing), Korean-locale digits, bold inside a word,
#: Hanja, dashes and quotes.
MIXED = [
    "클라우드 플랫폼 엔지니어 · Cloud Platform Engineer",
    "가용성 **99.99%**를 지켜 왔습니다, 010-2345-6789",
    "2018년 6월 ~ 2019년 1월 (7개월) Jun 2018 – Present",
    "漢字 一二三 人 ‘single’ and “double” quotes, office affine",
]


def mixed_resume(font: str) -> Resume:
    resume = Resume()
    resume.basics.name = "허형록 (Hyeongrok Heo)"
    resume.basics.label = "백엔드 개발자 Backend Developer"
    resume.basics.summary = "\n\n".join(MIXED)
    resume.layout.fontFamily = font
    return resume


#: name → résumé: the two samples, and Korean+English in the theme's font and in
#: NanumMyeongjo, whose bold Qt synthesizes by drawing every glyph twice.
RESUMES = {
    "sample": lambda: read_resume(OUR_SAMPLE),
    "jsonresume": lambda: read_resume(OFFICIAL_SAMPLE),
    "mixed": lambda: mixed_resume(""),
    "mixed-myeongjo": lambda: mixed_resume("NanumMyeongjo"),
}


# --- what the pages print, and what each reader reads ----------------------------------


def printed_lines(resume: Resume) -> list[str]:
    """Every laid-out line once (a line at a page break is painted on both pages)."""
    pages = render_resume(printed_resume(resume), today=TODAY).pages
    try:
        lines = pages.lines_in_paint_order()
        unique = {(getCppPointer(lay)[0], start): (text, start, n) for lay, text, start, n in lines}
        return [text[start : start + n] for text, start, n in unique.values()]
    finally:
        pages.close()


def normal_words(text: str, compounds: dict[str, str]) -> Counter[str]:
    """The words of ``text``: a word broken after its hyphen at a line end made whole
    again, whether the reader kept the hyphen or (poppler) dropped it."""
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\xa0", " ")
    text = re.sub(r"(?<=\w)-[ \t]*\n\s*(?=\w)", "-", text)
    return Counter(compounds.get(word, word) for word in text.split())


def broken_words(lines: list[str]) -> dict[str, str]:
    """Hyphen-broken words without their hyphen → with it ("daytoday" → "day-to-day")."""
    found = {}
    for line, following in itertools.pairwise(lines):
        if line.split() and following.split() and re.search(r"\w-$", line.rstrip()):
            whole = line.split()[-1] + following.split()[0]
            found[whole[: whole.rindex("-")] + whole[whole.rindex("-") + 1 :]] = whole
    return found


def read_pdfjs(path: Path) -> str:
    proc = subprocess.run(
        ["node", str(PDFJS_SCRIPT), str(path)], capture_output=True, check=True, timeout=120
    )
    return proc.stdout.decode("utf-8")


READERS = {
    "pdftotext": pdftotext,
    "pypdf": lambda path: "\n".join(p.extract_text() for p in PdfReader(path).pages),
    "pdfminer": lambda path: pdfminer_text(str(path)),
}


def differences(expected: Counter[str], read: Counter[str]) -> str:
    missing, extra = expected - read, read - expected
    if not missing and not extra:
        return ""
    return f"missing {sorted(missing.elements())[:15]}, extra {sorted(extra.elements())[:15]}"


@pytest.fixture(scope="module")
def exported(qapp, tmp_path_factory) -> dict[tuple[str, str], tuple[Path, list[str], object]]:
    """(theme, résumé) → (PDF exported by our code, its printed lines, the report)."""
    folder = tmp_path_factory.mktemp("text-layer")
    results = {}
    for theme in THEMES:
        for name, make in RESUMES.items():
            resume = make()
            resume.layout.theme = theme
            data, report = pdf_bytes(resume, today=TODAY)
            path = folder / f"{theme}-{name}.pdf"
            path.write_bytes(data)
            results[theme, name] = (path, printed_lines(resume), report)
    return results


CASES = [(theme, name) for theme in THEMES for name in RESUMES]


def test_every_builtin_theme_is_read_back() -> None:
    """A new built-in theme must join THEMES, and so every test here."""
    assert {t.id for t in available_themes().values() if t.builtin} == set(THEMES)


@pytest.mark.parametrize("reader", list(READERS))
@pytest.mark.parametrize(("theme", "name"), CASES)
def test_every_reader_reads_the_printed_words(exported, theme, name, reader) -> None:
    """Word for word, as often as printed: no U+0005 for a space, no (cid:5), no word
    split in two ("E xperience") or read twice (a synthesized bold drawn twice)."""
    path, lines, report = exported[theme, name]
    compounds = broken_words(lines)
    expected = normal_words("\n".join(lines), compounds)
    assert sum(expected.values()) > 20
    problem = differences(expected, normal_words(READERS[reader](path), compounds))
    assert not problem, f"{reader} on {theme}/{name}: {problem}"
    assert report.warnings == []


PDFJS_CASES = [(t, "sample") for t in THEMES] + [("classic", "mixed"), ("korean", "jsonresume")]


@pytest.mark.parametrize(("theme", "name"), PDFJS_CASES)
def test_pdfjs_reads_the_printed_words(exported, theme, name) -> None:
    """pdf.js is what a browser, and a web ATS, reads a PDF with."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed: pdf.js (pdfjs-dist) cannot run")
    if not (PDFJS / "package.json").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"pdfjs-dist is missing from {PDFJS}: .ci/run installs it")
        pytest.skip(f"pdfjs-dist is not in {PDFJS}: run .ci/run (npm install) first")
    path, lines, _report = exported[theme, name]
    compounds = broken_words(lines)
    problem = differences(
        normal_words("\n".join(lines), compounds), normal_words(read_pdfjs(path), compounds)
    )
    assert not problem, f"pdf.js on {theme}/{name}: {problem}"


def drawn_codes(pdf: PdfReader) -> dict[str, tuple[set[int], dict[int, str]]]:
    """Each font: the glyph codes its Tj operators draw, and its ToUnicode map."""
    found: dict[str, tuple[set[int], dict[int, str]]] = {}
    for page in pdf.pages:
        fonts = {str(k): v.get_object() for k, v in page["/Resources"]["/Font"].items()}
        current = ""
        content = page.get_contents().get_data().decode("latin-1")
        for font, codes in re.findall(r"(/\w+) [\d.]+ Tf|<([0-9A-Fa-f]+)> Tj", content):
            if font:
                current = font
                continue
            font_dict = fonts[current]
            unicode_map = parse_cmap(font_dict["/ToUnicode"].get_object().get_data())
            used, _ = found.setdefault(str(font_dict["/BaseFont"]), (set(), unicode_map))
            used.update(int(codes[i : i + 4], 16) for i in range(0, len(codes), 4))
    return found


@pytest.mark.parametrize(("theme", "name"), [(t, "sample") for t in THEMES] + [("korean", "mixed")])
def test_every_drawn_glyph_has_a_unicode_mapping(exported, theme, name) -> None:
    path, _lines, _report = exported[theme, name]
    for font, (used, unicode_map) in drawn_codes(PdfReader(path)).items():
        assert used, font
        unmapped = sorted(code for code in used if code not in unicode_map)
        assert not unmapped, f"{font}: glyphs {unmapped} have no ToUnicode entry"
        wrong = {c: t for c, t in unicode_map.items() if c in used and not _readable(t)}
        assert not wrong, f"{font}: glyphs read as nothing or control characters: {wrong}"


def _readable(text: str) -> bool:
    return bool(text) and not any(unicodedata.category(c) == "Cc" for c in text)


# --- the check catches what is wrong --------------------------------------------------

PAGE = (300.0, 400.0)
MARGIN = 50.0
BODY = (MARGIN, MARGIN, PAGE[0] - MARGIN, PAGE[1] - MARGIN)  # PDF points, y up


def painted_pdf(pages: list[list[tuple[float, float, str]]]) -> bytes:
    """A PDF painted directly with QPainter: (x, y from the top, text) per page."""
    device = QBuffer()
    device.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(device)
    writer.setPageSize(QPageSize(QSizeF(*PAGE), QPageSize.Unit.Point, "test"))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    writer.setResolution(72)
    painter = QPainter(writer)
    font = QFont()
    font.setFamilies(["DejaVu Sans"])
    font.setPointSizeF(10)
    painter.setFont(font)
    for number, texts in enumerate(pages):
        if number:
            writer.newPage()
        for x, y, text in texts:
            painter.drawText(QPointF(x, y), text)
    painter.end()
    device.close()
    return bytes(device.data())


def test_check_catches_lost_duplicated_and_outside_text(qapp) -> None:
    """A line repeated in the next page's top margin (trap 18), a note in the left
    margin, and a printed line that never reached the PDF."""
    pdf = painted_pdf(
        [
            [(60, 80, "Alpha Beta Gamma"), (60, 340, "Delta Epsilon")],
            [(60, 30, "Delta Epsilon"), (5, 200, "Margin Note"), (60, 80, "Omega")],
        ]
    )
    lines = ["Alpha Beta Gamma", "Delta Epsilon", "Margin Note", "Omega", "Zeta Lost"]
    findings = check_text(lines, pdf, [BODY])
    assert "pypdf" in findings.readers and "pdftotext" in findings.readers
    assert set(findings.lost) == {"Zeta", "Lost"}
    assert set(findings.duplicated) == {"Delta", "Epsilon"}
    assert findings.outside == [(1, "Delta"), (1, "Epsilon"), (1, "Margin"), (1, "Note")]
    assert "pdfminer" in findings.readers and findings.duplicated["Delta"] == [
        "pdftotext",
        "pypdf",
        "pdfminer",
    ]


def test_a_long_pdf_is_read_whole_by_pdftotext_and_in_part_by_pypdf(qapp) -> None:
    """Past DEEP_PAGES pages pypdf reads the first pages only (it takes ~0.15 s a page)
    and reports only what it reads in excess; pdfminer is left out."""
    pages = [[(60, 80, f"Page{n} Item{n}")] for n in range(DEEP_PAGES + 2)]
    pages[0].append((60, 120, "Page1 Item1"))  # printed on page 2, drawn on page 1 too
    lines = [f"Page{n} Item{n}" for n in range(DEEP_PAGES + 2)] + ["Gone"]
    findings = check_text(lines, painted_pdf(pages), [BODY])
    assert findings.readers == ["pdftotext", "pypdf"]
    assert findings.lost == {"Gone": ["pdftotext"]}
    both = ["pdftotext", "pypdf"]
    assert findings.duplicated == {"Page1": both, "Item1": both}
    assert not findings.outside


def test_check_finds_nothing_in_a_clean_pdf(qapp) -> None:
    pdf = painted_pdf([[(60, 80, "Alpha Beta Gamma")], [(60, 80, "Delta day-to-")]])
    findings = check_text(["Alpha Beta Gamma", "Delta day-to-"], pdf, [BODY])
    assert not findings, findings


def test_a_word_broken_at_its_hyphen_reads_whole_or_in_parts() -> None:
    expected = expected_words(["a length-", "limited talk"])
    assert expected.compounds == [["length-", "limited"]]
    assert expected.words == Counter({"a": 1, "talk": 1})


def test_a_long_address_broken_over_three_lines_is_one_word() -> None:
    """A long URL wraps at its hyphens over several lines, each line one part of it:
    poppler gives it back without the hyphens at the breaks, others in parts."""
    lines = ["see https://example.com/very-", "long-path-segment-", "end here"]
    expected = expected_words(lines)
    assert expected.compounds == [["https://example.com/very-", "long-path-segment-", "end"]]
    whole = "https://example.com/very-long-path-segment-end"
    poppler = "https://example.com/verylong-path-segmentend"
    from cveditor.render.textcheck import _match

    for read in (f"see {whole} here", f"see {poppler} here", " ".join(lines)):
        lost, excess = _match(expected, Counter(read.split()))
        assert lost == [] and not excess, read
    lost, _ = _match(expected, Counter(["see", "https://example.com/very-", "here"]))
    assert lost == [whole]


def test_findings_become_warnings_that_name_the_words() -> None:
    report = ExportReport(
        pages=2,
        lost_words=["Kubernetes"],
        duplicated_words=["Volunteering"],
        outside_text=[(3, "Volunteering")],
    )
    problems = [w for w in report.warnings if isinstance(w, TextLayerProblem)]
    assert len(problems) == 3
    text = " ".join(problems)
    assert "Kubernetes" in text and "'Volunteering' (page 3)" in text
    assert ExportReport(pages=1, missing_characters=["🚀"]).text_problems == []


WIDE_THEME = (
    "<p>{{ basics.name }} fits</p>"
    '<table width="1400"><tr><td width="700">left cell</td>'
    "<td>Overflowing rightmost words</td></tr></table>"
)


@pytest.fixture
def wide_theme_resume(tmp_path) -> Path:
    """A user theme whose table is wider than the page: its right cell is clipped away."""
    folder = user_themes_dir() / "wide"
    folder.mkdir(parents=True)
    (folder / "theme.toml").write_text('name = "Wide"\n', encoding="utf-8")
    (folder / "resume.html.j2").write_text(WIDE_THEME, encoding="utf-8")
    resume = Resume()
    resume.basics.name = "Kim Minji"
    resume.layout.theme = "wide"
    path = tmp_path / "wide.json"
    native.save(resume, path)
    return path


def test_clipped_text_is_in_the_warnings_the_window_shows(qapp, wide_theme_resume, tmp_path):
    """write_resume's warnings are what File ▸ Export shows (ui/main_window._exported)."""
    warnings = write_resume(read_resume(wide_theme_resume), tmp_path / "wide.pdf")
    problems = [w for w in warnings if isinstance(w, TextLayerProblem)]
    assert problems and "Overflowing" in problems[0] and "rightmost" in problems[0]


# --- the command line ------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
def test_cli_export_of_the_sample_exits_0(tmp_path, theme) -> None:
    out = tmp_path / f"{theme}.pdf"
    proc = run_cveditor("export", str(OUR_SAMPLE), "-o", str(out), "--theme", theme)
    assert proc.returncode == 0, proc.stderr
    assert "warning" not in proc.stderr and out.is_file()


def test_cli_export_fails_when_text_is_lost_and_names_the_words(wide_theme_resume, tmp_path):
    out = tmp_path / "wide.pdf"
    proc = run_cveditor("export", str(wide_theme_resume), "-o", str(out))
    assert proc.returncode == 3, proc.stderr
    assert "Overflowing" in proc.stderr and "rightmost" in proc.stderr
    assert "does not read back" in proc.stderr
    assert out.is_file(), "the PDF is still written, to be looked at"
