"""Vertical rhythm, the 이력서 form's rows and the two-column theme, measured on exported
PDFs (issue #10): the line pitch is the font size times the line height, compact is
denser, table rows never split and repeat their header, the sidebar reads second."""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage, QPainter

from cveditor.io import native
from cveditor.model import Resume
from cveditor.render.build import render_resume
from cveditor.render.pdf import pdf_bytes

from .pagecheck import MM, fill, long_career, read_pages
from .pdfcheck import pdftotext

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "sample.resume.json"


def _export(resume: Resume, path: Path) -> Path:
    data, report = pdf_bytes(resume, today=date(2026, 11, 1))
    assert report.warnings == []
    path.write_bytes(data)
    return path


def _body_pitch(path: Path, size: float) -> float:
    """The most common distance between two lines of body text that follow each other
    (lines whose glyph box is that of ``size`` pt text), read from poppler's boxes."""
    distances: list[float] = []
    for page in read_pages(path):
        lines = sorted(page.lines, key=lambda line: line.y_min)
        for a, b in itertools.pairwise(lines):
            heights = (a.y_max - a.y_min, b.y_max - b.y_min)
            if all(abs(h - size * 1.448) < 0.3 for h in heights) and abs(a.x_min - b.x_min) < 1:
                distances.append(round(b.y_min - a.y_min, 1))
    assert len(distances) > 10, "too few consecutive body lines to measure"
    return Counter(distances).most_common(1)[0][0]


@pytest.mark.parametrize(("theme", "size", "factor"), [("classic", 10, 1.3), ("compact", 9, 1.18)])
def test_line_pitch_is_the_font_size_times_the_themes_line_height(
    qapp, tmp_path, theme, size, factor
) -> None:
    """It was 20.3 pt for 10 pt text at 1.35 (the CJK font's box times the setting)."""
    resume = long_career()
    resume.layout.theme = theme
    pitch = _body_pitch(_export(resume, tmp_path / "cv.pdf"), size)
    assert pitch == pytest.approx(size * factor, abs=0.15)


@pytest.mark.parametrize("setting", [1.0, 1.5, 2.0])
def test_the_line_height_setting_means_what_it_says(qapp, tmp_path, setting) -> None:
    resume = long_career(jobs=3)
    resume.layout.lineHeight = setting
    pitch = _body_pitch(_export(resume, tmp_path / "cv.pdf"), 10)
    assert pitch == pytest.approx(10 * setting, abs=0.15)


def test_sample_is_two_pages_in_classic_and_compact_is_denser(qapp, tmp_path) -> None:
    resume = native.load(SAMPLE)
    classic = read_pages(_export(resume, tmp_path / "classic.pdf"))
    resume.layout.theme = "compact"
    compact = read_pages(_export(resume, tmp_path / "compact.pdf"))
    assert len(classic) == 2
    used = [fill(page, 18 * MM, 18 * MM) for page in (classic, compact) for page in page]
    classic_used = sum(used[: len(classic)])
    compact_used = sum(used[len(classic) :])
    assert compact_used < 0.85 * classic_used, (classic_used, compact_used)


def test_sample_is_two_pages_in_myeongjo_at_readable_size(qapp, tmp_path) -> None:
    """myeongjo printed the sample on 3 pages (the last one line) where classic and
    compact print 2: its rhythm, not its type, was too loose."""
    from cveditor.render.themes import get_theme

    resume = native.load(SAMPLE)
    resume.layout.theme = "myeongjo"
    pages = read_pages(_export(resume, tmp_path / "myeongjo.pdf"))
    assert len(pages) == 2, [fill(page, 18 * MM, 18 * MM) for page in pages]
    assert get_theme("myeongjo").font_size >= 9.5
    reader = PdfReader(str(tmp_path / "myeongjo.pdf"))
    sizes: Counter[float] = Counter()

    def visit(text, _cm, _tm, _font, size) -> None:
        if text.strip():
            sizes[round(float(size), 1)] += len(text.strip())

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    body = sizes.most_common(1)[0][0]
    assert body >= 9.5, sizes.most_common(5)


def test_korean_rows_never_split_and_the_header_repeats(qapp, tmp_path) -> None:
    resume = long_career()
    resume.layout.theme = "korean"
    path = _export(resume, tmp_path / "korean.pdf")
    pages = [pdftotext(path, page=n + 1) for n in range(len(read_pages(path)))]
    for n in range(10):  # every job is one row: its title and its company on one page
        holding = [i for i, text in enumerate(pages) if f"Engineer {n}\n" in text + "\n"]
        assert len(holding) == 1, f"Engineer {n} on pages {holding}"
        assert f"Company {n}" in pages[holding[0]]
    continued = [text for text in pages[1:] if "Engineer" in text]
    assert continued and all(text.split()[:2] == ["Period", "Details"] for text in continued)


def test_sidebar_is_read_after_the_main_column_and_shaded_full_height(qapp, tmp_path) -> None:
    resume = native.load(SAMPLE)
    resume.layout.theme = "sidebar"
    path = _export(resume, tmp_path / "sidebar.pdf")
    text = PdfReader(path).pages[0].extract_text()  # content-stream order, as parsers read
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[0].startswith(resume.basics.name)
    contact = "연락처" if resume.layout.locale == "ko" else "Contact"
    first_job = resume.work[0].position
    assert text.index(contact) > text.index(first_job), "the sidebar came first"
    rendered = render_resume(resume)
    pages = rendered.pages
    for index in range(pages.page_count):
        image = QImage(595, 842, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        pages.paint_page(painter, index)
        painter.end()
        for y in (2, 421, 839):  # top edge, middle, bottom edge of the paper
            assert image.pixelColor(20, y).name() == "#eef3f4", (index, y)
    pages.close()


def test_paragraphs_of_one_page_keep_one_pitch(qapp, tmp_path) -> None:
    """Within a paragraph the pitch is constant: no line is pushed apart by a glyph."""
    resume = long_career(jobs=2)
    path = _export(resume, tmp_path / "cv.pdf")
    page = read_pages(path)[0]
    lines = sorted(page.lines, key=lambda line: line.y_min)
    gaps = [b.y_min - a.y_min for a, b in itertools.pairwise(lines)]
    body = [g for g in gaps if 12.5 < g < 13.5]
    assert len(body) > 10 and statistics.pstdev(body) < 0.1


def test_a_tall_photo_is_cut_to_a_portrait(qapp, tmp_path) -> None:
    """A 300×1500 picture filled a third of page 1 (a theme sets only the width): it is
    cut to 1.5 times its width from the top; an ordinary portrait is left as it is."""
    from cveditor.render.build import MAX_PHOTO_RATIO, load_photo

    for size, expected in (((300, 1500), (300, 450)), ((300, 400), (300, 400))):
        image = QImage(*size, QImage.Format.Format_RGB32)
        image.fill(QColor("#336699"))
        image.save(str(tmp_path / "p.png"))
        picture = load_photo("p.png", tmp_path)
        assert picture is not None
        assert (picture.width(), picture.height()) == expected
        assert picture.height() <= picture.width() * MAX_PHOTO_RATIO
    resume = native.load(SAMPLE)
    resume.basics.image = "p.png"
    image = QImage(300, 1500, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    image.save(str(tmp_path / "p.png"))
    for theme in ("korean", "modern"):
        resume.layout.theme = theme
        pages = render_resume(resume, base_dir=tmp_path).pages
        assert pages.page_count <= 3
        pages.close()
