"""The ATS check (issue #19): an exported PDF read as a résumé parser reads it, beside
what the résumé says. Every field of an English and a Korean résumé (three jobs, two
degrees, projects) reads back in every theme not marked ``ats_friendly = false``; the
window's Tools ▸ ATS Check… and ``cveditor ats`` show the same; a broken theme's
mismatch is reported with its rule; headings print in both languages on request."""

from __future__ import annotations

import json

import pytest

from cveditor.ats.parse import parse_pdf
from cveditor.ats.report import check_pdf
from cveditor.ats.vocabulary import find_period, heading_kind, iso_date
from cveditor.io import native
from cveditor.render.context import build_context
from cveditor.render.pdf import pdf_bytes
from cveditor.ui.main_window import MainWindow
from cveditor.ui.settings import Settings

from .conftest import run_cveditor
from .person import click_menu, menu_action, settle
from .test_ats_rules import (
    CASES,
    RESUMES,
    TODAY,
    ats_friendly,
    broken_theme,
    exports,  # noqa: F401 — the module-scoped exports, shared
    load,
)

FIELDS = 30  # name, e-mail, phone, place, web; 3 jobs × 3 + 9 highlights; 2 × 2; 3 skills


@pytest.mark.parametrize(("theme", "name"), CASES)
def test_every_field_reads_back(exports, theme, name) -> None:  # noqa: F811
    report = check_pdf(exports[theme, name], load(name, theme))
    assert report.expected == FIELDS
    if not ats_friendly(theme):
        pytest.skip(f"{theme} is not for ATS: {report.recovered}/{FIELDS}")
    missed = "\n".join(
        f"  {f.label}: {f.expected!r} → {f.parsed!r} [{f.rule}] {f.why}" for f in report.mismatches
    )
    assert report.recovered == FIELDS, f"{theme}, {name} résumé:\n{missed}"


@pytest.mark.parametrize(("theme", "name"), CASES)
def test_every_field_reads_back_as_pdfjs_reads(exports, theme, name) -> None:  # noqa: F811
    """pdf.js (browsers, web-based systems) makes each space at the edge of a text run
    an item of its own, which parsers drop, gluing what was around it
    ("emily@example.com·(415)", "Acme· Chicago", "부산,해운대구"): read that way too,
    every field comes back (issue #19, point 3)."""
    report = check_pdf(exports[theme, name], load(name, theme), edges=False)
    if not ats_friendly(theme):
        pytest.skip(f"{theme} is not for ATS: {report.recovered}/{FIELDS}")
    missed = "\n".join(
        f"  {f.label}: {f.expected!r} → {f.parsed!r} [{f.rule}] {f.why}" for f in report.mismatches
    )
    assert report.recovered == FIELDS, f"{theme}, {name} résumé, read as pdf.js:\n{missed}"


def test_five_pages_are_read_well_under_a_second(exports) -> None:  # noqa: F811
    """Timing is in bench/ats.py; here only that reading is not absurdly slow."""
    report = check_pdf(exports["classic", "english"], load("english", "classic"))
    assert report.seconds < 2


def test_heading_words_in_english_and_korean() -> None:
    for text, kind in [
        ("경력", "work"),
        ("경력 사항", "work"),
        ("학력", "education"),
        ("보유 기술", "skills"),
        ("기술", "skills"),
        ("프로젝트", "projects"),
        ("수상", "awards"),
        ("자격증", "certificates"),
        ("Work Experience", "work"),
        ("EXPERIENCE", "work"),
        ("경력 (Experience)", "work"),
        ("경력 Experience", "work"),
        ("Skills", "skills"),
        ("Awards and Honors", "awards"),
        ("Certificates", "certificates"),
    ]:
        assert heading_kind(text) == kind, text
    for text in ("Senior Backend Engineer", "정산 배치 시간을 단축", "Kubernetes"):
        assert heading_kind(text) is None, text


def test_periods_of_both_locales() -> None:
    match = find_period("2021.03 ~ 현재 (5년 10개월)")
    assert (iso_date(match["start"]), iso_date(match["end"])) == ("2021-03", None)
    match = find_period("Jun 2018 – Feb 2021 (2 yrs 9 mos)")
    assert (iso_date(match["start"]), iso_date(match["end"])) == ("2018-06", "2021-02")
    assert find_period("Backend Engineer") is None


def test_a_pdf_without_its_resume_is_only_parsed(exports) -> None:  # noqa: F811
    report = check_pdf(exports["classic", "korean"])
    assert report.fields == [] and report.parsed.name == "박지훈"
    assert report.parsed.email == "jihoon.park@example.kr"
    assert [j.company for j in report.parsed.jobs] == ["한빛페이", "누리데이터", "가온소프트"]


# --- a broken theme: the mismatch and the rule that causes it ------------------------------


def test_a_broken_theme_costs_fields_and_names_the_rule(qapp) -> None:
    resume = load("english", broken_theme("one-line-entries"))
    report = check_pdf(pdf_bytes(resume, today=TODAY)[0], resume)
    wrong = {f.key: f for f in report.mismatches}
    assert "work[0].company" in wrong and wrong["work[0].company"].rule == "job-lines"
    assert "education[0].degree" in wrong
    assert wrong["education[0].degree"].rule == "degree-lines"
    assert "Acme Payments" in report.text() and "job-lines" in report.text()


# --- headings in both languages ------------------------------------------------------------


def test_bilingual_headings_print_both_and_still_parse(qapp, tmp_path) -> None:
    resume = load("korean", "compact")
    resume.layout.bilingualHeadings = True
    titles = [s.title for s in build_context(resume, TODAY)["sections"]]
    assert titles[:3] == ["경력 Experience", "프로젝트 Projects", "학력 Education"]
    resume.layout.sectionTitles = {"work": "경력 사항", "education": "Academic Background"}
    titles = [s.title for s in build_context(resume, TODAY)["sections"]]
    assert titles[0] == "경력 사항 Experience" and titles[2] == "학력 Academic Background"
    resume.layout.sectionTitles = {}
    report = check_pdf(pdf_bytes(resume, today=TODAY)[0], resume)
    read = [s.title.casefold() for s in report.parsed.sections][:2]
    assert read == ["경력 experience", "프로젝트 projects"]  # this theme prints capitals
    assert report.recovered == FIELDS, [f.label for f in report.mismatches]
    path = tmp_path / "both.json"
    native.save(resume, path)
    assert native.load(path).layout == resume.layout, "saved and reopened equal"
    assert json.loads(path.read_text("utf-8"))["x-cveditor"]["layout"]["bilingualHeadings"]


# --- the window ------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, person):
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    dialog = getattr(win, "ats_dialog", None)
    if dialog is not None:
        dialog.close()
    win.document.undo_stack.setClean()


def open_copy(window: MainWindow, tmp_path, name: str, theme: str):
    resume = load(name, theme)
    path = tmp_path / f"{name}.json"
    native.save(resume, path)
    window.files.open(path)
    settle()
    return path


def test_tools_ats_check_shows_both_sides(qtbot, window, person, tmp_path) -> None:
    open_copy(window, tmp_path, "english", "classic")
    click_menu(window, "Tools", "ATS Check")
    dialog = window.ats_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert f"{FIELDS} of {FIELDS} fields" in dialog.summary.text()
    assert dialog.table.rowCount() == FIELDS and dialog.mismatch_rows() == []
    row = [dialog.table.item(0, c).text() for c in range(4)]
    assert row == ["Name", "Emily Carter", "Emily Carter", "✓"]
    assert "Acme Payments" in dialog.lines.toPlainText(), "the parser's own lines are shown"
    assert person.errors == [] and person.exceptions == []


def test_tools_ats_check_reports_a_broken_themes_mismatch(qtbot, window, person, tmp_path):
    open_copy(window, tmp_path, "english", broken_theme("one-line-entries"))
    click_menu(window, "Tools", "ATS Check")
    dialog = window.ats_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    rows = {row[0]: row for row in dialog.mismatch_rows()}
    assert rows["Job 1: company"][1] == "Acme Payments"
    assert rows["Job 1: company"][3] == "job-lines"
    assert "title and company on separate lines" in dialog.why.toPlainText()
    # the user picks a theme that follows the rules and checks again
    window.document.set_value(("cv", "layout", "theme"), "classic", "Change theme")
    dialog.again.click()
    assert dialog.mismatch_rows() == [] and f"{FIELDS} of {FIELDS}" in dialog.summary.text()


def test_tools_headings_in_both_languages(qtbot, window, person, tmp_path) -> None:
    path = open_copy(window, tmp_path, "korean", "classic")
    action = menu_action(window, "Tools", "Headings in Both Languages")
    assert action.isCheckable() and not action.isChecked()
    action.trigger()
    settle()
    assert window.document.resume.layout.bilingualHeadings is True
    window.document.undo_stack.undo()
    settle()
    assert not action.isChecked(), "undo shows in the menu"
    window.document.undo_stack.redo()
    settle()
    assert action.isChecked()
    window.files.save()
    window.files.open(path)
    settle()
    assert window.document.resume.layout.bilingualHeadings is True
    assert menu_action(window, "Tools", "Headings in Both Languages").isChecked()


# --- the command line ------------------------------------------------------------------


def test_cli_ats_on_a_resume_and_on_its_pdf(tmp_path) -> None:
    result = run_cveditor("ats", str(RESUMES["korean"]))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{FIELDS} of {FIELDS} fields" in result.stdout and "한빛페이" in result.stdout
    pdf = tmp_path / "korean.pdf"
    assert run_cveditor("export", str(RESUMES["korean"]), "-o", str(pdf)).returncode == 0
    result = run_cveditor("ats", str(pdf))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "the attached résumé" in result.stdout and f"{FIELDS} of {FIELDS}" in result.stdout


def test_cli_ats_on_a_bare_pdf_shows_the_parse(tmp_path) -> None:
    pdf = tmp_path / "bare.pdf"
    out = run_cveditor("export", str(RESUMES["english"]), "-o", str(pdf), "--no-source")
    assert out.returncode == 0, out.stderr
    result = run_cveditor("ats", str(pdf))
    assert result.returncode == 0, result.stderr
    assert "no attached résumé" in result.stdout and "emily.carter@example.com" in result.stdout


def test_cli_ats_names_the_broken_rule() -> None:
    broken_theme("glyph-headings")  # in this test's CVEDITOR_HOME, which the child inherits
    result = run_cveditor("ats", str(RESUMES["english"]), "--theme", "broken")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "MISMATCH" in result.stdout and "plain-headings" in result.stdout


def test_parse_dump_marks_headings(exports) -> None:  # noqa: F811
    dump = parse_pdf(exports["classic", "english"]).dump()
    assert "Hb" in dump and "Experience" in dump
