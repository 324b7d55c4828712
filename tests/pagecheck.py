"""Measuring exported pages as a reader sees them: how full each page is, the line pitch,
text outside the margins, a line printed twice. Read from poppler's word boxes
(``pdftotext -bbox-layout``), never from our own layout."""

from __future__ import annotations

import itertools
import random
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cveditor.model import JobProject, Resume
from cveditor.model.resume import Work

MM = 72 / 25.4


@dataclass
class Line:
    page: int
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    text: str


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line]


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">')
_WORD = re.compile(r"<word [^>]*>([^<]*)</word>")


def read_pages(pdf: Path) -> list[Page]:
    """Every page's text lines with their boxes, in points from the top-left."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages: list[Page] = []
    for chunk in out.split("<page ")[1:]:
        head = _PAGE.match("<page " + chunk)
        assert head is not None
        page = Page(float(head.group(1)), float(head.group(2)), [])
        for part in chunk.split("<line ")[1:]:
            box = _LINE.match("<line " + part)
            assert box is not None
            words = _WORD.findall(part.split("</line>")[0])
            x0, y0, x1, y1 = (float(v) for v in box.groups())
            page.lines.append(Line(len(pages), x0, y0, x1, y1, " ".join(words)))
        pages.append(page)
    return pages


def fill(page: Page, top_margin: float, bottom_margin: float) -> float:
    """How much of the body's height the text reaches down to, 0–1."""
    if not page.lines:
        return 0.0
    body = page.height - top_margin - bottom_margin
    return (max(line.y_max for line in page.lines) - top_margin) / body


def baselines_pitch(page: Page, height: tuple[float, float]) -> list[float]:
    """Distances between consecutive lines whose glyph height lies in ``height`` (one
    size of text), on one page: the line pitch of that text."""
    lines = sorted(
        (line for line in page.lines if height[0] <= line.y_max - line.y_min <= height[1]),
        key=lambda line: line.y_min,
    )
    return [b.y_min - a.y_min for a, b in itertools.pairwise(lines)]


WORDS = [
    "platform", "latency", "migration", "배포", "자동화", "운영", "성능", "개선",
    "kubernetes", "설계", "observability", "팀", "리드", "throughput", "안정성", "reliability",
]  # fmt: skip


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)) + "."


def long_career(seed: int = 1, jobs: int = 10) -> Resume:
    """Ten jobs, each longer than half a page, with projects (issue #10's long résumé)."""
    rng = random.Random(seed)
    resume = Resume()
    resume.basics.name = "Long Career"
    resume.basics.label = "Principal Engineer"
    resume.basics.email = "long@example.com"
    for i in range(jobs):
        job = Work(
            name=f"Company {i}",
            position=f"Engineer {i}",
            startDate=f"{2000 + i}-01",
            endDate=f"{2000 + i}-12",
            summary="\n\n".join(sentence(rng, rng.randint(30, 50)) for _ in range(2)),
            highlights=[sentence(rng, rng.randint(10, 25)) for _ in range(5)],
        )
        job.cv.projects = [
            JobProject(
                name=f"Project {i}.{k}",
                startDate=f"{2000 + i}-0{k + 1}",
                summary=sentence(rng, rng.randint(30, 45)),
                highlights=[sentence(rng, rng.randint(10, 20)) for _ in range(3)],
                techStack=["Go", "Kubernetes", "PostgreSQL"],
            )
            for k in range(2)
        ]
        resume.work.append(job)
    return resume
