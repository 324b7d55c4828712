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

from .conftest import OUR_SAMPLE
from .pagecheck import long_career
from .pdfcheck import pdftotext, reader
from .person import click_menu, focus, press, preview_settled
from .test_journeys import start_window

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


def test_the_panel_says_when_the_theme_prints_its_own_language(qtbot, person, tmp_path):
    """A new user saw "한국어 headings and dates" in the box while the english theme
    printed English: the panel now says which language the theme prints."""
    path = tmp_path / "cv.json"
    path.write_bytes(OUR_SAMPLE.read_bytes())
    window = start_window(qtbot)
    assert window.files.open(path)
    click_menu(window, "Edit", "Theme and Page")
    panel = window.theme_dock.widget()
    assert window.document.resume.layout.locale == "ko"
    assert not panel.locale_note.isVisible()
    focus(qtbot, panel.theme)
    for _ in range(panel.theme.count()):
        if panel.theme.currentData() == "english":
            break
        press("Down")
    assert window.document.resume.layout.theme == "english"
    assert panel.locale_note.isVisible()
    assert panel.locale_note.text() == "The English theme always prints English headings and dates."
    focus(qtbot, panel.locale)
    press("Down")  # English for the résumé too: nothing left to say
    assert window.document.resume.layout.locale == "en"
    assert not panel.locale_note.isVisible()
    window.document.undo_stack.setClean()


KOREAN_JSON_RESUME = {
    "basics": {"name": "이서준", "label": "백엔드 개발자", "summary": "결제 시스템을 만듭니다."},
    "work": [
        {
            "name": "카카오페이",
            "position": "서버 개발자",
            "startDate": "2020-03",
            "highlights": ["정산 배치를 다시 설계했습니다"],
        }
    ],
}


def test_a_korean_file_from_another_tool_opens_with_korean_headings_and_a_choice_stays(
    qtbot, person, tmp_path
) -> None:
    """A new user's all-Korean JSON Resume printed "Experience" and the 이력서 form's
    "Position": a file that does not say its language is read in the one it is written
    in; English chosen for it is saved and stays after reopening."""
    import json

    path = tmp_path / "resume.json"
    path.write_text(json.dumps(KOREAN_JSON_RESUME, ensure_ascii=False), encoding="utf-8")
    window = start_window(qtbot)
    person.open_path = path
    click_menu(window, "File", "Open")
    click_menu(window, "Edit", "Theme and Page")
    panel = window.theme_dock.widget()
    assert panel.locale.currentData() == "ko"
    preview_settled(qtbot, window)
    text = window.rendered.pages.plain_text()
    assert "경력" in text and "Experience" not in text
    focus(qtbot, panel.locale)
    press("Down")  # English headings, chosen
    press("Ctrl+S")
    window.document.undo_stack.setClean()
    again = start_window(qtbot)
    person.open_path = path
    click_menu(again, "File", "Open")
    assert again.document.resume.layout.locale == "en", "the choice was saved"
    english = tmp_path / "en.json"
    english.write_text(json.dumps({"basics": {"name": "Ada Park", "label": "Engineer"}}))
    person.open_path = english
    click_menu(again, "File", "Open")
    assert again.document.resume.layout.locale == "en"
    again.document.undo_stack.setClean()
