"""Items are never split across pages when they fit on one; headings never end a page."""

from __future__ import annotations

import random
from datetime import date

import pytest

from cveditor.model import JobProject, Resume
from cveditor.model.resume import Education, Work
from cveditor.render.pdf import pdf_bytes

from .pdfcheck import pdftotext, reader

WORDS = [
    "platform", "latency", "migration", "배포", "자동화", "운영", "성능", "개선",
    "kubernetes", "설계", "observability", "팀", "리드", "throughput", "안정성", "reliability",
]  # fmt: skip


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


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


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("theme", ["classic", "sidebar", "compact", "korean"])
def test_no_item_straddles_pages(qapp, tmp_path, theme, seed) -> None:
    resume = provoking_resume(seed, theme)
    data, report = pdf_bytes(resume, today=date(2026, 11, 1))
    path = tmp_path / "split.pdf"
    path.write_bytes(data)
    count = len(reader(path).pages)
    assert count >= 6, f"only {count} pages: the test résumé must be long"
    pages = [pdftotext(path, page=n + 1) for n in range(count)]
    words = [set(text.split()) for text in pages]
    for i in range(16):
        start, end = _page_of(words, f"JOBSTART{i}"), _page_of(words, f"JOBEND{i}")
        if i % 3:  # jobs without projects fit on a page, so must stay on one
            assert start == end, f"job {i} runs from page {start + 1} to {end + 1}"
        else:
            for k in range(2):
                assert _page_of(words, f"PROJSTART{i}x{k}") == _page_of(words, f"PROJEND{i}x{k}")
    for i in range(6):
        assert _page_of(words, f"EDUSTART{i}") == _page_of(words, f"EDUEND{i}")
    headings = {"Experience", "Education", "EXPERIENCE", "EDUCATION", "■"}
    for number, text in enumerate(pages[:-1], start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert not set(lines[-1].split()) & headings, f"page {number} ends with a heading"
    assert report.lost_words == []


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
