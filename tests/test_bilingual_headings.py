"""Tools ▸ Headings in Both Languages: every heading a theme prints gets both languages,
the summary's too (a new user found "자기소개" alone over the summary in the 이력서
form and "SUMMARY" alone in the english theme, under "경력 Experience" headings)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cveditor.io import native
from cveditor.render.pdf import pdf_bytes

from .conftest import REPO
from .pdfcheck import pdftotext

TODAY = date(2026, 11, 1)
SAMPLE = REPO / "resources" / "samples" / "sample.resume.json"
THEMES = sorted(
    p.name for p in (REPO / "resources" / "themes").iterdir() if (p / "theme.toml").is_file()
)
#: Themes that print a heading over the summary (the others print the summary as the
#: head's last paragraph, with no heading).
SUMMARY_HEADING = {"korean", "english"}


def lines_of(theme: str, tmp_path: Path, *, bilingual: bool) -> list[str]:
    resume = native.load(SAMPLE)
    resume.layout.theme = theme
    resume.layout.bilingualHeadings = bilingual
    resume.layout.sectionTitles = {}
    data, _ = pdf_bytes(resume, today=TODAY)
    path = tmp_path / f"{theme}-{bilingual}.pdf"
    path.write_bytes(data)
    return [" ".join(line.split()).casefold() for line in pdftotext(path).splitlines()]


@pytest.mark.parametrize("theme", THEMES)
def test_every_heading_in_both_languages_summary_included(qapp, tmp_path, theme) -> None:
    lines = lines_of(theme, tmp_path, bilingual=True)
    for alone in ("자기소개", "summary", "경력", "experience", "학력", "education"):
        assert alone not in lines, f"{theme}: a heading {alone!r} in one language only"
    if theme == "sidebar":  # its sidebar's first heading (a form's "연락처" is a label)
        assert "연락처 contact" in lines and "연락처" not in lines, lines[:40]
    assert "경력 experience" in lines, f"{theme}: {lines[:40]}"
    if theme in SUMMARY_HEADING:
        assert "자기소개 summary" in lines, f"{theme}: {lines[:20]}"


@pytest.mark.parametrize("theme", sorted(SUMMARY_HEADING))
def test_without_the_option_the_summary_heading_is_in_one_language(qapp, tmp_path, theme) -> None:
    lines = lines_of(theme, tmp_path, bilingual=False)
    expected = "summary" if theme == "english" else "자기소개"  # the sample is Korean
    assert expected in lines and "자기소개 summary" not in lines
