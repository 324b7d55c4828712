"""A theme may print in its own language (``[options] locale`` in theme.toml): the
english theme prints English dates and "(continued)" on a Korean-locale résumé, where a
new user found "2018.06 ~ 현재" and "(계속)"; any other theme follows the résumé."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from cveditor.errors import ResumeFileError
from cveditor.render.pdf import pdf_bytes
from cveditor.render.themes import _read_theme, get_theme

from .pagecheck import long_career
from .pdfcheck import pdftotext, reader

TODAY = date(2026, 11, 1)
KOREAN_DATE = re.compile(r"\b20\d\d\.\d\d\b")
ENGLISH_DATE = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d\b")


def exported_text(theme: str, tmp_path: Path) -> list[str]:
    resume = long_career()
    resume.layout.locale = "ko"
    resume.layout.theme = theme
    data, report = pdf_bytes(resume, today=TODAY)
    assert report.warnings == [], report.warnings
    path = tmp_path / f"{theme}.pdf"
    path.write_bytes(data)
    return [pdftotext(path, page=n + 1) for n in range(len(reader(path).pages))]


def test_english_theme_prints_english_dates_and_continued_on_a_korean_resume(
    qapp, tmp_path
) -> None:
    assert get_theme("english").locale == "en"
    pages = exported_text("english", tmp_path)
    text = "\n".join(pages)
    assert "(continued)" in text, "long jobs split: some page must continue one"
    assert "(계속)" not in text
    assert ENGLISH_DATE.search(text), text[:2000]
    assert not KOREAN_DATE.search(text), KOREAN_DATE.findall(text)[:5]
    assert "현재" not in text and "개월" not in text
    assert "EXPERIENCE" in text  # the standard heading in English too


def test_a_theme_without_a_locale_follows_the_resume(qapp, tmp_path) -> None:
    assert get_theme("classic").locale == ""
    text = "\n".join(exported_text("classic", tmp_path))
    assert "(계속)" in text and KOREAN_DATE.search(text) and "경력" in text
    assert not ENGLISH_DATE.search(text)


def test_a_locale_outside_the_known_ones_is_refused(tmp_path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "resume.html.j2").write_text("<html></html>", encoding="utf-8")
    (folder / "theme.toml").write_text('name = "Odd"\n[options]\nlocale = "fr"\n', "utf-8")
    with pytest.raises(ResumeFileError, match="locale"):
        _read_theme(folder, builtin=False)
    (folder / "theme.toml").write_text('name = "Odd"\n[options]\nlocale = "ko"\n', "utf-8")
    assert _read_theme(folder, builtin=False).locale == "ko"
