"""Fit to N pages (issue #10): spacing gives way before size, within the theme's bounds;
the window, the PDF and the command line agree, and say when it cannot fit."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from cveditor.document import ResumeDocument
from cveditor.io import native
from cveditor.model import resume as r
from cveditor.model.layout import Layout
from cveditor.model.resume import Resume
from cveditor.render.build import render_resume
from cveditor.render.fit import FitResult, Floors, fit_to_pages, floors, ladder
from cveditor.render.html import Style, Tightening, resolve_style
from cveditor.render.themes import Rhythm, get_theme, load_themes
from cveditor.ui.main_window import MainWindow
from cveditor.ui.settings import Settings

from .conftest import OUR_SAMPLE, run_cveditor
from .pdfcheck import pdftotext, reader, tokens
from .person import click_menu, focus, press, preview_settled
from .test_editor_states import STRUCTURE, apply, edits
from .test_theme_safety import user_theme

FIT = ("cv", "layout", "fitPages")


def _kind(rung: Tightening) -> str:
    if rung.font_size is not None:
        return "size"
    return "line" if rung.line_height is not None else "spacing"


# --- the ladder --------------------------------------------------------------------------


def test_the_ladder_tightens_spacing_then_line_height_then_size() -> None:
    theme = get_theme("classic")  # 10 pt, line height 1.3
    start = Style(accent="#000000", font_size=10.0, line_height=1.3, rhythm=theme.rhythm)
    bounds = floors(theme, start)
    assert bounds == Floors(spacing=0.7, line_height=1.15, font_size=8.5)
    rungs = ladder(start, bounds)
    kinds = [_kind(rung) for rung in rungs]
    assert kinds == sorted(kinds, key=["spacing", "line", "size"].index), kinds
    assert {"spacing", "line", "size"} <= set(kinds)
    assert [rung.spacing for rung in rungs[:2]] == [0.85, 0.7]
    assert len(rungs) + 1 <= 8, "at most ~8 renders with the résumé as it is"
    for before, after in itertools.pairwise(rungs):  # each rung at least as tight
        assert after.spacing <= before.spacing
        assert (after.line_height or 9) <= (before.line_height or 9)
        assert (after.font_size or 99) <= (before.font_size or 99)
    last = rungs[-1]
    assert (last.spacing, last.line_height, last.font_size) == (0.7, 1.15, 8.5)
    # size goes down on a 0.5 pt grid
    sizes = [rung.font_size for rung in rungs if rung.font_size is not None]
    assert all((s * 2).is_integer() for s in sizes) and sizes == sorted(sizes, reverse=True)


def test_the_users_own_size_is_the_starting_point_and_floors_never_raise_it() -> None:
    theme = get_theme("classic")
    big = Style(accent="#000000", font_size=12.0, line_height=1.5, rhythm=theme.rhythm)
    rungs = ladder(big, floors(theme, big))
    sizes = [rung.font_size for rung in rungs if rung.font_size is not None]
    assert sizes[0] < 12.0 and sizes[-1] == 8.5 and len(sizes) <= 3
    small = Style(accent="#000000", font_size=8.0, line_height=1.1, rhythm=theme.rhythm)
    rungs = ladder(small, floors(theme, small))
    assert [_kind(rung) for rung in rungs] == ["spacing", "spacing"], "never bigger or looser"


def test_tightening_scales_the_rhythm_and_leaves_the_resume_alone() -> None:
    resume = Resume()
    theme = get_theme("classic")
    style = resolve_style(resume, theme, Tightening(spacing=0.5, line_height=1.2, font_size=9))
    r0 = theme.rhythm
    assert style.rhythm == Rhythm(
        r0.line_height, r0.paragraph / 2, r0.bullet / 2, r0.item / 2, r0.section / 2
    )
    assert (style.font_size, style.line_height) == (9, 1.2)
    assert resume.layout.fontSize is None and resume.layout.lineHeight is None
    assert resolve_style(resume, theme) == resolve_style(resume, theme, None)


@dataclass
class FakePages:
    page_count: int
    closed: bool = False

    def close(self) -> None:
        self.closed = True


@dataclass
class FakeRendered:
    pages: FakePages
    rung: Tightening | None


def _fit_with(counts: list[int], target: int):
    """fit_to_pages over the classic ladder with page counts made up per rung: counts[0]
    as set, counts[i + 1] at rung i."""
    theme = get_theme("classic")
    start = Style(accent="#000000", font_size=10.0, line_height=1.3, rhythm=theme.rhythm)
    rungs = ladder(start, floors(theme, start))
    assert len(counts) == len(rungs) + 1
    made: list[FakeRendered] = []

    def render(rung: Tightening | None) -> FakeRendered:
        index = 0 if rung is None else rungs.index(rung) + 1
        made.append(FakeRendered(FakePages(counts[index]), rung))
        return made[-1]

    kept, result = fit_to_pages(render, start, theme, target)
    return kept, result, made, rungs


def test_the_first_rung_that_fits_is_kept_and_the_others_closed() -> None:
    kept, result, made, rungs = _fit_with([3, 3, 3, 2, 2, 2, 2, 2], target=2)
    assert kept.rung == rungs[2] and result.applied == rungs[2] and result.fits
    assert [m.rung for m in made] == [None, rungs[-1], rungs[0], rungs[1], rungs[2]]
    assert all(m.pages.closed for m in made if m is not kept) and not kept.pages.closed
    assert result.message == "Fitted to 2 pages: spacing 70 %, line height 1.2×"


def test_pages_that_do_not_shrink_steadily_are_walked_not_bisected() -> None:
    """An item kept together can jump back to the next page at a smaller size."""
    _, result, _, rungs = _fit_with([3, 3, 3, 3, 2, 3, 3, 3], target=2)
    assert result.fits and result.applied == rungs[3]
    assert result.changes() == "spacing 70 %, line height 1.15×"


def test_far_too_long_is_known_after_two_renders_and_drawn_as_set() -> None:
    kept, result, made, _ = _fit_with([5, 5, 5, 4, 4, 4, 4, 4], target=2)
    assert not result.fits and kept.rung is None and len(made) == 2
    assert made[1].pages.closed and not kept.pages.closed
    assert result.message == (
        "Cannot fit on 2 pages at the theme's smallest size: 4 pages; drawn as set (5 pages)"
    )


def test_a_stopped_fit_closes_every_page_it_made() -> None:
    theme = get_theme("classic")
    start = resolve_style(Resume(), theme)
    made: list[FakeRendered] = []

    def render(rung: Tightening | None) -> FakeRendered:
        if len(made) == 3:
            raise KeyboardInterrupt  # as Cancelled would, from a checkpoint
        made.append(FakeRendered(FakePages(3 if rung is None or rung.spacing > 0.7 else 2), rung))
        return made[-1]

    with pytest.raises(KeyboardInterrupt):
        fit_to_pages(render, start, theme, 2)
    assert len(made) == 3 and all(m.pages.closed for m in made)


def test_short_enough_is_drawn_once() -> None:
    _, result, made, _ = _fit_with([1, 1, 1, 1, 1, 1, 1, 1], target=2)
    assert len(made) == 1 and result.fits and result.applied is None
    assert result == FitResult(2, 1, True, result.start, natural=1)


# --- the theme's bounds ---------------------------------------------------------------


def test_a_theme_sets_its_own_floors() -> None:
    user_theme(
        "roomy",
        toml='name = "Roomy"\n[options]\nfont_size = 11\n'
        "[options.fit]\nmin_font_size = 10\nmin_line_height = 1.25\nmin_spacing = 0.9\n",
    )
    theme = get_theme("roomy")
    start = resolve_style(Resume(), theme)
    rungs = ladder(start, floors(theme, start))
    assert [(t.spacing, t.line_height, t.font_size) for t in rungs] == [
        (0.9, None, None),
        (0.9, 1.25, None),
        (0.9, 1.25, 10.5),
        (0.9, 1.25, 10.0),
    ]


@pytest.mark.parametrize(
    ("table", "problem", "field"),
    [
        ("min_spacing = 2", "min_spacing must be a number from 0 to 1, not 2", "min_spacing"),
        ("min_font_size = 4", "min_font_size must be a number from 6 to 20", "min_font_size"),
        ("min_line_height = true", "min_line_height must be a number", "min_line_height"),
        ("min_font_size = 12", "must not be above the theme's font_size (10 pt)", "min_font_size"),
        ("shrink = 1", "unknown bound 'shrink'", "shrink"),
    ],
)
def test_a_themes_bounds_are_range_checked(table: str, problem: str, field: str) -> None:
    user_theme("tight", toml=f'name = "Tight"\n[options.fit]\n{table}\n')
    error = load_themes().broken["tight"]
    assert problem in error.message
    assert error.field == f"options.fit.{field}"


# --- the model and the file -----------------------------------------------------------


def test_the_field_is_checked_and_none_is_not_written(tmp_path: Path) -> None:
    for wrong in (-1, 11, "two"):
        with pytest.raises(ValidationError):
            Layout(fitPages=wrong)
    resume = native.load(OUR_SAMPLE)
    assert resume.layout.fitPages is None and '"fitPages"' not in native.dumps(resume)
    resume.layout.fitPages = 2
    native.save(resume, tmp_path / "cv.json")
    data = json.loads((tmp_path / "cv.json").read_text(encoding="utf-8"))
    assert data["x-cveditor"]["layout"]["fitPages"] == 2
    assert native.load(tmp_path / "cv.json").layout.fitPages == 2


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    steps=edits(),
    fits=st.lists(st.one_of(st.none(), st.integers(0, 10)), min_size=1, max_size=4),
    start_from_sample=st.booleans(),
)
def test_states_with_fit_pages_save_reopen_validate_and_undo(
    qapp, tmp_path_factory, steps, fits, start_from_sample
) -> None:
    """test_editor_states' property with the fit setting changed as the panel does."""
    folder = tmp_path_factory.mktemp("fit-states")
    doc = ResumeDocument(native.load(OUR_SAMPLE) if start_from_sample else Resume())
    before = native.dumps(doc.resume)
    for index, step in enumerate(steps):
        apply(doc, step)
        if index < len(fits):
            doc.set_value(FIT, fits[index] or None, "Change fit to pages", merge=True)
    path = folder / "state.json"
    native.save(doc.resume, path)
    again = native.load(path)
    assert again == doc.resume and again.layout.fitPages == doc.resume.layout.fitPages
    data = json.loads(path.read_text(encoding="utf-8"))
    assert not [e.message for e in STRUCTURE.iter_errors(data)]
    assert native.dumps(again) == path.read_text(encoding="utf-8")
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert native.dumps(doc.resume) == before


# --- real pages -----------------------------------------------------------------------


def _job(number: int) -> r.Work:
    return r.Work(
        name=f"Company{number}",
        position="Engineer",
        startDate=f"{2000 + number}-01",
        summary="Built and ran the payment platform with a small team. " * 2,
        highlights=[
            f"Highlight{number}x{k} cut latency by a third for every service" for k in range(3)
        ],
    )


def over(pages: int, theme: str = "classic") -> Resume:
    """A résumé one job longer than ``pages`` pages in ``theme``."""
    resume = Resume()
    resume.basics.name = "Kim Minji"
    resume.layout.theme = theme
    for number in range(200):
        resume.work.append(_job(number))
        rendered = render_resume(resume)
        count = rendered.pages.page_count
        rendered.pages.close()
        if count > pages:
            return resume
    raise AssertionError("never got longer")


def _words(resume: Resume) -> set[str]:
    return tokens(" ".join(f"{w.name} {' '.join(w.highlights)}" for w in resume.work))


def test_a_page_too_long_is_fitted_within_the_themes_bounds(qapp) -> None:
    resume = over(1)
    natural = render_resume(resume)
    assert natural.fit is None and natural.pages.page_count == 2
    resume.layout.fitPages = 1
    fitted = render_resume(resume)
    fit = fitted.fit
    assert fit is not None and fit.fits and fitted.pages.page_count == 1 == fit.pages
    assert fit.applied is not None and fit.tries <= 8
    style = resolve_style(resume, fitted.theme, fit.applied)
    assert style.font_size >= 8.5 and style.line_height >= 1.15
    assert fit.message.startswith("Fitted to 1 page: spacing ")
    assert _words(resume) <= tokens(fitted.pages.plain_text()), "no text lost"
    assert resume.layout.fontSize is None and resume.layout.lineHeight is None


def test_the_sample_cannot_fit_on_one_page_and_says_so(qapp) -> None:
    resume = native.load(OUR_SAMPLE)
    natural = render_resume(resume).pages.page_count
    resume.layout.fitPages = 1
    rendered = render_resume(resume)
    assert rendered.fit is not None and not rendered.fit.fits
    assert rendered.pages.page_count == natural, "drawn as set"
    assert rendered.fit.message.startswith("Cannot fit on 1 page at the theme's smallest size: ")


# --- the command line -----------------------------------------------------------------


def test_export_fit_pages_writes_a_fitted_pdf(qapp, tmp_path: Path) -> None:
    resume = over(1)
    source, out = tmp_path / "cv.json", tmp_path / "cv.pdf"
    native.save(resume, source)
    done = run_cveditor("export", str(source), "-o", str(out), "--fit-pages", "1")
    assert done.returncode == 0, done.stderr
    assert "fit: Fitted to 1 page: spacing " in done.stdout
    assert f"wrote {out} (1 page)" in done.stdout
    assert len(reader(out).pages) == 1
    assert _words(resume) <= tokens(pdftotext(out)), "every word in the PDF"
    assert native.load(source).layout.fitPages is None, "the flag changes the export only"
    # convert to a PDF takes the flag too; to anything else it is refused, located
    converted = tmp_path / "converted.pdf"
    done = run_cveditor("convert", str(source), "-o", str(converted), "--fit-pages", "1")
    assert done.returncode == 0, done.stderr
    assert len(reader(converted).pages) == 1
    done = run_cveditor("convert", str(source), "-o", str(tmp_path / "x.md"), "--fit-pages", "1")
    assert done.returncode == 1
    assert f"error: {tmp_path / 'x.md'}: --fit-pages goes with a .pdf output" in done.stderr
    done = run_cveditor("export", str(source), "-o", str(out), "--fit-pages", "11")
    assert done.returncode == 2 and "from 1 to 10 (0: off), not '11'" in done.stderr


def test_export_that_cannot_fit_warns_and_writes_the_pages_as_set(tmp_path: Path) -> None:
    source, out = tmp_path / "cv.json", tmp_path / "cv.pdf"
    native.save(native.load(OUR_SAMPLE), source)
    plain = run_cveditor("export", str(source), "-o", str(tmp_path / "plain.pdf"))
    assert plain.returncode == 0, plain.stderr
    done = run_cveditor("export", str(source), "-o", str(out), "--fit-pages", "1")
    assert done.returncode == 0, done.stderr
    assert f"warning: {source}: Cannot fit on 1 page at the theme's smallest size: " in done.stderr
    assert len(reader(out).pages) == len(reader(tmp_path / "plain.pdf").pages) >= 2
    assert tokens(pdftotext(out)) == tokens(pdftotext(tmp_path / "plain.pdf"))


# --- the window -----------------------------------------------------------------------


@pytest.fixture
def window(qtbot, person):
    win = MainWindow(Settings.load())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.document.undo_stack.setClean()


def _shown(window: MainWindow) -> str:
    return window.pages_label.text()


def test_fit_to_pages_in_the_window_undo_save_reopen(qtbot, window, person, tmp_path: Path) -> None:
    path = tmp_path / "cv.json"
    native.save(over(1), path)
    person.open_path = path
    click_menu(window, "File", "Open")
    preview_settled(qtbot, window)
    assert window.rendered.pages.page_count == 2 and _shown(window) == "2 pages"
    panel = window.theme_dock.widget()
    assert panel.fit.text() == "Off" and panel.fit.toolTip()
    focus(qtbot, panel.fit)
    press("Up")
    preview_settled(qtbot, window)
    assert window.document.resume.layout.fitPages == 1
    assert window.rendered.pages.page_count == 1
    assert _shown(window) == "1 page (fitted)"
    message = window.statusBar().currentMessage()
    assert message.startswith("Fitted to 1 page: spacing "), message
    assert window.pages_label.toolTip() == message
    # Ctrl+Z takes it back: the pages as set, the control Off
    press("Ctrl+Z")
    preview_settled(qtbot, window)
    assert window.document.resume.layout.fitPages is None and panel.fit.text() == "Off"
    assert window.rendered.pages.page_count == 2 and _shown(window) == "2 pages"
    assert window.statusBar().currentMessage() == ""
    # typed, as a number: 1, Enter
    focus(qtbot, panel.fit)
    press("Ctrl+A")
    press("1")
    press("Return")
    preview_settled(qtbot, window)
    assert window.document.resume.layout.fitPages == 1 and _shown(window) == "1 page (fitted)"
    click_menu(window, "File", "Save")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["x-cveditor"]["layout"]["fitPages"] == 1
    assert "fontSize" not in data["x-cveditor"]["layout"], "the résumé's size is untouched"
    # reopened: kept, and fitted again
    click_menu(window, "File", "New")
    person.open_path = path
    click_menu(window, "File", "Open")
    preview_settled(qtbot, window)
    assert panel.fit.value() == 1 and window.document.resume.layout.fitPages == 1
    assert window.rendered.pages.page_count == 1 and _shown(window) == "1 page (fitted)"


def test_the_window_says_when_it_cannot_fit(qtbot, window, person, tmp_path: Path) -> None:
    path = tmp_path / "cv.json"
    native.save(native.load(OUR_SAMPLE), path)
    person.open_path = path
    click_menu(window, "File", "Open")
    preview_settled(qtbot, window)
    natural = window.rendered.pages.page_count
    panel = window.theme_dock.widget()
    focus(qtbot, panel.fit)
    press("Up")
    preview_settled(qtbot, window)
    assert window.rendered.pages.page_count == natural
    assert _shown(window) == f"{natural} pages — cannot fit on 1"
    message = window.statusBar().currentMessage()
    assert message.startswith("Cannot fit on 1 page at the theme's smallest size: "), message
