"""Page breaks like a typesetter's, read back from the exported PDFs (issue #10)."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from cveditor.model import JobProject, Resume
from cveditor.model.resume import Education, Work
from cveditor.render.build import CONTINUED_LABEL
from cveditor.render.pdf import ExportReport, pdf_bytes
from cveditor.render.themes import get_theme

from .pagecheck import MM, fill, long_career, sentence
from .pagecheck import read_pages as pages_of
from .pdfcheck import pdftotext, reader

THEMES = ["classic", "compact", "sidebar", "korean", "myeongjo", "modern", "english"]

_sentence = sentence


def provoking_resume(seed: int, theme: str) -> Resume:
    """Many multi-paragraph items of varied height: some must land on a page boundary."""
    rng = random.Random(seed)
    resume = Resume()
    resume.basics.name = "Split Tester"
    resume.layout.theme = theme
    for i in range(16):
        job = Work(
            name=f"Company{i}",
            position=f"JOBSTART{i}",
            startDate=f"{2000 + i}-01",
            endDate=f"{2000 + i}-12",
            summary="\n\n".join(
                _sentence(rng, rng.randint(15, 45)) for _ in range(rng.randint(1, 3))
            ),
            highlights=[_sentence(rng, rng.randint(6, 25)) for _ in range(rng.randint(1, 4))]
            + [f"JOBEND{i}"],
        )
        if i % 3 == 0:
            job.cv.projects = [
                JobProject(
                    name=f"PROJSTART{i}x{k}",
                    summary=_sentence(rng, rng.randint(20, 50)),
                    highlights=[_sentence(rng, 12), f"PROJEND{i}x{k}"],
                    techStack=["Go", "Kubernetes"],
                )
                for k in range(2)
            ]
        resume.work.append(job)
    resume.education = [
        Education(institution=f"EDUSTART{i}", area=_sentence(rng, 30), courses=[f"EDUEND{i}"])
        for i in range(6)
    ]
    return resume


def _page_of(words_by_page: list[set[str]], word: str) -> int:
    pages = [n for n, words in enumerate(words_by_page) if word in words]
    assert len(pages) == 1, f"{word} appears on pages {pages}"
    return pages[0]


def _export(resume: Resume, path: Path) -> tuple[list[str], ExportReport]:
    data, report = pdf_bytes(resume, today=date(2026, 11, 1))
    path.write_bytes(data)
    count = len(reader(path).pages)
    return [pdftotext(path, page=n + 1) for n in range(count)], report


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("theme", THEMES)
def test_items_split_only_where_a_typesetter_would(qapp, tmp_path, theme, seed) -> None:
    """Short items move whole; long ones split between paragraphs, never leaving a
    heading or an item's head at the foot of a page; nothing is lost or read twice."""
    resume = provoking_resume(seed, theme)
    pages, report = _export(resume, tmp_path / "split.pdf")
    assert len(pages) >= 5, f"only {len(pages)} pages: the test résumé must be long"
    # a repeated head ("JOBSTART3 (continued)") is not the item's start
    words = [
        {w for line in _lines(text) if "(continued)" not in line for w in line.split()}
        for text in pages
    ]
    body = pages_of(tmp_path / "split.pdf")
    third = (body[0].height - 2 * 18 * MM) / 3
    for i in range(16):
        start, end = _page_of(words, f"JOBSTART{i}"), _page_of(words, f"JOBEND{i}")
        if start != end:  # only a long item may split: it must be longer than a third
            last = f"PROJEND{i}x1" if i % 3 == 0 else f"JOBEND{i}"  # projects come last
            assert _item_height(body, f"JOBSTART{i}", last) > third
    heads = {"Experience", "Education", "EXPERIENCE", "EDUCATION"}
    for number, text in enumerate(pages[:-1], start=1):
        last = _lines(text)[-3:]
        assert not any(set(line.split()) & heads for line in last), (
            f"page {number} ends with a heading: {last}"
        )
        assert not any(line.startswith("JOBSTART") for line in last[-2:]), (
            f"page {number} ends with an item's head: {last}"
        )
    assert report.lost_words == [] and report.warnings == []


@pytest.mark.parametrize(
    "theme", ["classic", "compact", "sidebar", "myeongjo", "modern", "english"]
)
def test_a_split_job_repeats_its_head_marked_continued(qapp, tmp_path, theme) -> None:
    resume = long_career()
    resume.layout.theme = theme
    pages, report = _export(resume, tmp_path / "long.pdf")
    continued = [(n, _lines(text)) for n, text in enumerate(pages) if "(continued)" in text]
    assert continued, "long jobs split, so some page must continue one"
    for n, lines in continued:
        head = next(line for line in lines if "(continued)" in line)
        title = head.replace("(continued)", "").strip()
        assert title.startswith("Engineer "), head
        assert title in pages[n - 1], f"{title} did not start on the page before"
    assert report.warnings == []
    resume.layout.locale = "ko"
    pages, _ = _export(resume, tmp_path / "long-ko.pdf")
    # the label is in the résumé's language, unless the theme has one of its own
    expected = CONTINUED_LABEL[get_theme(theme).locale or "ko"]
    assert any(expected in text for text in pages), expected


@pytest.mark.parametrize("theme", THEMES)
def test_long_career_fills_its_pages(qapp, tmp_path, theme) -> None:
    """Issue #10: ten jobs longer than half a page each were 21 pages, most 37 % full."""
    resume = long_career()
    resume.layout.theme = theme
    path = tmp_path / "long.pdf"
    _export(resume, path)
    pages = pages_of(path)
    fills = [fill(page, 18 * MM, 18 * MM) for page in pages]
    assert len(pages) <= 11, fills
    assert all(f >= 0.7 for f in fills[:-1]), [round(f, 2) for f in fills]
    assert all(f <= 1.005 for f in fills), "text below the bottom margin"


def test_paragraphs_keep_two_lines_on_each_side_of_a_break(qapp, tmp_path) -> None:
    """No orphan, no widow: a paragraph split by a page keeps two lines on each page."""
    resume = Resume()
    resume.basics.name = "Widow Tester"
    rng = random.Random(4)
    for i in range(12):
        tag = f"p{i:02d}"
        words = " ".join(f"{tag}w{k}" for k in range(rng.randint(20, 160)))
        resume.work.append(Work(name=f"Company{i}", position=f"Role{i}", summary=words))
    pages, report = _export(resume, tmp_path / "widow.pdf")
    assert len(pages) >= 3
    for n, text in enumerate(pages):
        lines = _lines(text)
        for tag in {word[:3] for word in text.split() if word.startswith("p") and "w" in word}:
            count = sum(1 for line in lines if f"{tag}w" in line)
            elsewhere = [m for m, other in enumerate(pages) if m != n and f"{tag}w" in other]
            if elsewhere:  # the paragraph is split: two lines at least on each page
                assert count >= 2, f"paragraph {tag}: {count} line(s) on page {n + 1}"
    assert report.warnings == []


def _item_height(pages: list, first: str, last: str) -> float:
    """The height an item takes, summed over the pages it is on."""
    total = 0.0
    inside = False
    for page in pages:
        tops = [line for line in page.lines if inside or first in line.text]
        if not tops and not inside:
            continue
        start = next((line.y_min for line in page.lines if first in line.text), None)
        end = next((line.y_max for line in page.lines if last in line.text), None)
        top = start if start is not None else min(line.y_min for line in page.lines)
        bottom = end if end is not None else max(line.y_max for line in page.lines)
        total += bottom - top
        inside = end is None
        if not inside:
            break
    return total


def test_section_can_start_on_a_new_page(qapp, tmp_path) -> None:
    resume = provoking_resume(5, "classic")
    resume.work = resume.work[:2]
    resume.layout.newPageSections = ["education"]
    data, _ = pdf_bytes(resume)
    path = tmp_path / "newpage.pdf"
    path.write_bytes(data)
    pages = [pdftotext(path, page=n + 1) for n in range(len(reader(path).pages))]
    page = next(n for n, text in enumerate(pages) if "Education" in text.split())
    assert page > 0
    assert pages[page].split()[0] == "Education", "the section must open its page"
    assert pages[page - 1].split()[-1] != "Education"
    assert len(pages[page - 1].split()) > 20


def test_footer_numbers_pages(qapp, tmp_path) -> None:
    resume = provoking_resume(7, "classic")
    resume.layout.footer = True
    data, report = pdf_bytes(resume)
    path = tmp_path / "footer.pdf"
    path.write_bytes(data)
    total = len(reader(path).pages)
    for n in range(1, total + 1):
        assert f"Split Tester · {n} / {total}" in pdftotext(path, page=n)
    assert report.lost_words == []


@pytest.mark.parametrize("theme", THEMES)
def test_no_page_is_left_blank_at_any_size(qapp, tmp_path, theme) -> None:
    """A line that ends 0.2 pt below a page's edge: we placed it on the page, Qt pushed
    it to the next, and the break we had planned after it then opened a third page,
    leaving the second blank (seen at 10 pt with a Korean résumé in classic)."""
    from cveditor.io import native

    sample = Path(__file__).parent / "data" / "ats" / "korean.resume.json"
    for size in (8.0, 8.5, 9.0, 9.5, 10.0, 10.5, 11.0, 12.0):
        resume = native.load(sample)
        resume.layout.theme = theme
        resume.layout.fontSize = size
        path = tmp_path / f"{size}.pdf"
        pages, report = _export(resume, path)
        blank = [n + 1 for n, text in enumerate(pages) if not text.strip()]
        assert not blank, f"{size} pt: page(s) {blank} blank"
        assert report.warnings == [], f"{size} pt: {report.warnings}"


def test_a_row_taller_than_a_page_leaves_no_blank_page(qapp, tmp_path) -> None:
    """A job taller than a page in the 이력서 form: Qt splits its row itself, so the
    pages after it run a little longer than decided. A break decided for later then
    opened a page after one Qt had begun: a blank page, and a line across two pages
    printed on neither (seen by a new user with this file). Those breaks are taken
    back, such lines moved to the next page."""
    from cveditor.io import native

    resume = native.load(Path(__file__).parent / "data" / "long_korean.resume.json")
    resume.layout.theme = "korean"
    pages, report = _export(resume, tmp_path / "tall.pdf")
    blank = [n + 1 for n, text in enumerate(pages) if not text.strip()]
    assert not blank, f"page(s) {blank} blank"
    text = "\n".join(pages)
    for group in resume.skills:
        assert group.name in text, f"the skill line {group.name!r} is not printed"
    # (Lines of the row Qt split are still read twice by some readers: issue #10's
    # note; the export says so, which is what its check is for.)
    assert not report.lost_words
