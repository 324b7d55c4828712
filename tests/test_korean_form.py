"""The 이력서 form (korean theme) with what new users gave it: a job taller than a page,
and projects whose dates sat at a default tab stop and wrapped.

A job taller than a page was one table row: Qt split the row itself, its lines were read
twice (export exit status 3), the borders were open and nothing said the job went on.
It is now written as several rows, which the paginator breaks between (repeating the
section's header row), each row a closed box."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QTextFrame, QTextTable

from cveditor.io import native
from cveditor.model import JobProject, Resume
from cveditor.model.resume import Work
from cveditor.render.build import render_resume

from .conftest import run_cveditor
from .pagecheck import MM, fill, read_pages
from .pdfcheck import pdftotext, reader

DATA = Path(__file__).parent / "data"
LONG = DATA / "long_korean.resume.json"
TODAY = date(2026, 11, 1)


@pytest.fixture(scope="module")
def long_export(tmp_path_factory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("korean") / "long.pdf"
    proc = run_cveditor("export", str(LONG), "-o", str(path), "--theme", "korean", timeout=300)
    return path, proc.stdout + proc.stderr + f"\nexit status {proc.returncode}"


def test_a_job_taller_than_a_page_exports_and_reads_back(long_export) -> None:
    path, output = long_export
    assert "exit status 0" in output, output
    assert path.is_file()


def test_every_line_is_read_once(long_export) -> None:
    """What the résumé says once, the PDF says once: every highlight and every project
    of the long jobs is read exactly once by poppler and by pypdf (a row Qt split was
    read twice: the line at the break painted on both pages)."""
    path, _ = long_export
    resume = native.load(LONG)
    texts = {
        "pdftotext": pdftotext(path),
        "pypdf": "\n".join(page.extract_text() for page in reader(path).pages),
    }
    for name, text in texts.items():
        squeezed = "".join(text.split())
        for job in resume.work:
            heads = [h.split(":")[0] for h in job.highlights if h.startswith("Highlight")]
            for head in heads:  # "Highlight 3" is unique within a job, not across jobs
                assert squeezed.count("".join(head.split()) + ":") >= 1, (name, head)
        total = sum(1 for job in resume.work for h in job.highlights if h.startswith("Highlight"))
        assert squeezed.count("Highlight") == total, f"{name}: a highlight read twice or lost"
    # the projects, each named once (their head is never repeated)
    for job in resume.work:
        for project in job.cv.projects:
            for name, text in texts.items():
                name_squeezed = "".join(project.name.split())
                assert "".join(text.split()).count(name_squeezed) == 1, (name, project.name)


def test_pages_are_full_but_the_last(long_export) -> None:
    path, _ = long_export
    pages = read_pages(path)
    fills = [fill(page, 18 * MM, 18 * MM) for page in pages]
    assert all(f >= 0.7 for f in fills[:-1]), [round(f, 2) for f in fills]
    assert all(f <= 1.005 for f in fills), "text below the bottom margin"


def test_a_page_that_continues_a_job_names_it_marked_continued(long_export) -> None:
    """Issue #10: a split job repeats its head marked "(계속)". In the form, a page that
    opens inside a job starts with the section's header row, then a row naming the
    job; the job's own head is on an earlier page."""
    path, _ = long_export
    resume = native.load(LONG)
    positions = {job.position.split(" / ")[0] for job in resume.work}
    pages = [pdftotext(path, page=n + 1) for n in range(len(reader(path).pages))]
    continued = 0
    for number, text in enumerate(pages):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        heads = [line for line in lines if line.endswith("(계속)")]
        if not heads:
            continue
        continued += 1
        assert len(heads) == 1, heads
        assert lines[:2] == ["기간", "내용"], lines[:3]  # the header row comes first
        title = heads[0].removesuffix("(계속)").strip()
        assert title.split(" / ")[0] in positions, title
        assert lines.index(heads[0]) == 2, "the job is named right under the header row"
        assert any(title in earlier for earlier in pages[:number]), title
    assert continued >= 3, "the long jobs run over several pages"


def _tables(doc) -> list[QTextTable]:
    found = []
    it = doc.rootFrame().begin()
    while not it.atEnd():
        frame: QTextFrame | None = it.currentFrame()
        if isinstance(frame, QTextTable):
            found.append(frame)
        it += 1
    return found


def test_no_row_runs_over_a_page_so_every_border_is_closed(qapp) -> None:
    """Every row of the form (a table of its own) lies on one page: Qt never has to
    split one, which is what opened its borders and repainted its lines."""
    resume = native.load(LONG)
    resume.layout.theme = "korean"
    rendered = render_resume(resume, today=TODAY, base_dir=LONG.parent)
    doc = rendered.pages.doc
    page = doc.pageSize().height()
    layout = doc.documentLayout()
    rows = _tables(doc)
    assert len(rows) > 40, "the long jobs are written as several rows"
    for table in rows:
        box = layout.frameBoundingRect(table)
        first, last = int((box.top() + 0.01) // page), int((box.bottom() - 0.01) // page)
        assert first == last, f"a row from page {first + 1} to {last + 1}: {box}"
    assert rendered.pages.page_count >= 8


def _project_resume() -> Resume:
    resume = Resume()
    resume.basics.name = "Form Tester"
    resume.layout.theme = "korean"
    resume.layout.locale = "ko"
    job = Work(name="회사", position="엔지니어", startDate="2019-01", endDate="2021-12")
    job.cv.projects = [
        JobProject(name="짧은 과제", startDate="2020-02", endDate="2020-07"),
        JobProject(
            name="아주 긴 이름의 과제: 사내 개발자 플랫폼과 배포 파이프라인을 통합하는 "
            "멀티 클러스터 운영 체계 구축",
            startDate="2019-03",
            endDate="2021-11",
        ),
        JobProject(name="Observability", startDate="2021-01"),
    ]
    resume.work = [job]
    return resume


def test_project_dates_are_flush_right_on_the_first_line_and_never_wrap(qapp, tmp_path) -> None:
    from cveditor.render.pdf import pdf_bytes

    data, report = pdf_bytes(_project_resume(), today=TODAY)
    assert report.warnings == []
    path = tmp_path / "projects.pdf"
    path.write_bytes(data)
    lines = read_pages(path)[0].lines
    rights = []
    for title, period in (
        ("짧은 과제", "2020.02 ~ 2020.07"),
        ("아주 긴 이름의", "2019.03 ~ 2021.11"),
        ("Observability", "2021.01 ~ 현재"),
    ):
        holder = [line for line in lines if period.split()[0] in line.text]
        assert len(holder) == 1, f"{period}: {[line.text for line in lines]}"
        line = holder[0]
        assert period in line.text, f"the period wrapped: {line.text!r}"
        head = next(line for line in lines if title in line.text)
        assert abs(head.y_min - line.y_min) < 2, f"{period} is not on {title!r}'s first line"
        rights.append(line.x_max)
    body_right = (210 - 18) * MM - 4  # the content cell's padding
    for right in rights:
        assert body_right - 12 < right <= body_right + 1, (rights, body_right)
    assert max(rights) - min(rights) < 1.5, f"not flush right: {rights}"


def test_a_field_cut_into_blocks_loses_nothing() -> None:
    """The form puts a long summary's blocks in rows of their own: cut and joined
    again, the field's HTML is the same, whatever Markdown it holds."""
    from cveditor.render.context import html_blocks
    from cveditor.render.markdown import markdown_to_html

    from .test_field_markdown import DEEP, FIELD

    for text in (FIELD, DEEP, "one\n\n---\n\n| a | b |\n|--|--|\n| c | d |\n\n> quote", ""):
        html = markdown_to_html(text)
        blocks = html_blocks(html)
        assert "".join(blocks) == str(html)
        assert bool(blocks) == bool(text)
    assert len(html_blocks(markdown_to_html("a\n\nb\n\n- c\n- d"))) == 4
