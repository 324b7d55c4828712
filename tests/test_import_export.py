"""JSON Resume and Markdown round trips, HTML and text exports, our PDFs re-opened."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cveditor.errors import ResumeFileError
from cveditor.io import native
from cveditor.io.formats import read_resume
from cveditor.io.jsonresume import to_jsonresume
from cveditor.io.markdown_export import resume_to_markdown
from cveditor.io.markdown_import import markdown_to_resume
from cveditor.model.base import EXTRAS_KEY
from cveditor.model.layout import STANDARD_SECTIONS
from cveditor.model.printed import printed_resume, shareable_resume
from cveditor.render.exports import plain_text, standalone_html
from cveditor.render.pdf import pdf_bytes

from .conftest import OFFICIAL_SAMPLE, OUR_SAMPLE, run_cveditor
from .pdfcheck import pdftotext

CORPUS = sorted((Path(__file__).parent / "data" / "markdown").glob("*.md"))


def _visible_standard(resume) -> dict:
    """Standard sections as other tools should see them: hidden items left out."""
    data = native.to_data(resume, plain=True)  # content, not which empty keys a file had
    out = {"basics": data.get("basics", {})}
    for key in STANDARD_SECTIONS:
        items = [i for i in data.get(key, []) if not i.get(EXTRAS_KEY, {}).get("hidden")]
        out[key] = [{k: v for k, v in i.items() if k != EXTRAS_KEY} for i in items]
    return out


@pytest.mark.parametrize("source", [OUR_SAMPLE, OFFICIAL_SAMPLE], ids=["ours", "official"])
def test_native_to_jsonresume_and_back(tmp_path, source, schema_validator) -> None:
    original = native.load(source)
    exported = to_jsonresume(original, include_unprinted=True)
    schema_validator.validate(exported)
    assert f'"{EXTRAS_KEY}":' not in json.dumps(exported), "none of our layout or extras"
    path = tmp_path / "plain.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    again = read_resume(path)
    assert _visible_standard(again) == _visible_standard(original)
    visible_jobs = [j for j in original.work if not j.hidden]
    assert [j.projects for j in again.work] == [j.projects for j in visible_jobs]
    printed = [s for s in original.custom_sections if s.kind != "notes" and not s.hidden]
    assert again.custom_sections == printed


def test_jsonresume_export_maps_extras_for_other_tools() -> None:
    exported = to_jsonresume(native.load(OUR_SAMPLE))
    projects = {p["name"]: p for p in exported["projects"]}
    migration = projects["컨테이너 라이브 마이그레이션"]
    assert migration["entity"] == "한빛전자 연구소 (Hanbit Electronics R&D)"
    assert migration["keywords"] == ["CRIU", "Docker", "C", "Python", "Flask"]
    assert (migration["startDate"], migration["endDate"]) == ("2017-04", "2019-12")
    assert exported["patents"]["entries"][0]["number"] == "10-2017-0167191"
    assert "star-notes" not in exported, "private notes stay private"
    assert all("인턴십" not in w["name"] for w in exported["work"]), "hidden items stay out"


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_markdown_round_trip_is_stable(path: Path) -> None:
    first = markdown_to_resume(path.read_text(encoding="utf-8"), str(path))
    markdown = resume_to_markdown(first)
    second = markdown_to_resume(markdown, "exported.md")
    assert _content(second) == _content(shareable_resume(first)), "what prints comes back"
    assert resume_to_markdown(second) == markdown


def _content(resume) -> dict:
    """A résumé's data without the ids the importer numbers by position. A document that
    prints nothing (interview notes only: private, #11) exports no text, so its export
    cannot tell its language either."""
    data = native.to_data(resume)
    for section in data["x-cveditor"].get("sections", []):
        section.pop("id")
    if not data["x-cveditor"].get("sections"):
        data["x-cveditor"].pop("sections", None)
    layout = data["x-cveditor"].get("layout", {})
    layout.pop("sectionOrder", None)
    if set(data) <= {"basics", "x-cveditor"} and not data["basics"] and set(layout) <= {"locale"}:
        data["x-cveditor"].pop("layout", None)
    return data


def test_markdown_export_of_our_sample_reads_back(tmp_path) -> None:
    resume = native.load(OUR_SAMPLE)
    markdown = resume_to_markdown(resume)
    assert markdown.startswith("# 김서연 (Seoyeon Kim)")
    back = markdown_to_resume(markdown, "sample.md")
    assert [j.name for j in back.work] == [j.name for j in resume.work if not j.hidden]
    assert back.work[0].projects[0].techStack == resume.work[0].projects[0].techStack
    assert (back.work[0].startDate, back.work[0].endDate) == ("2021-03", None)
    table = next(s for s in back.custom_sections if s.kind == "table")
    assert table.rows == resume.custom_section("kpi").rows


def test_our_pdf_reopens_as_the_source(qapp, tmp_path) -> None:
    resume = native.load(OUR_SAMPLE)
    path = tmp_path / "cv.pdf"
    path.write_bytes(pdf_bytes(resume)[0])
    assert read_resume(path) == printed_resume(resume), "what the PDF prints, nothing else"
    assert any(s.kind == "notes" for s in resume.custom_sections)
    assert not any(s.kind == "notes" for s in read_resume(path).custom_sections)


def test_pdf_without_resume_says_so(qapp, tmp_path) -> None:
    from PySide6.QtGui import QPainter, QPdfWriter

    path = tmp_path / "other.pdf"
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.drawText(100, 100, "someone else's PDF")
    painter.end()
    with pytest.raises(ResumeFileError, match="carries no résumé") as caught:
        read_resume(path)
    assert caught.value.file == str(path)


def test_plain_text_is_what_an_ats_reads_in_order(qapp) -> None:
    text = plain_text(native.load(OUR_SAMPLE))
    lines = text.splitlines()
    assert lines[0] == "김서연 (Seoyeon Kim)"
    headings = ["경력 (Experience)", "주요 성과 (Key results)", "기술", "학력", "특허 및 표준"]
    order = [lines.index(h) for h in headings]
    assert order == sorted(order)
    assert "스타트업" not in text and "면접" not in text
    assert "\u00a0" not in text


def test_html_export_is_standalone(qapp, tmp_path) -> None:
    from PySide6.QtGui import QColor, QImage

    image = QImage(20, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#884422"))
    image.save(str(tmp_path / "me.png"))
    resume = native.load(OUR_SAMPLE)
    resume.basics.image = "me.png"
    resume.layout.theme = "korean"
    html = standalone_html(resume, tmp_path)
    assert 'src="data:image/png;base64,' in html and "cv-photo" not in html
    assert '<meta charset="utf-8">' in html and "김서연" in html


@pytest.mark.parametrize("suffix", [".json", ".md", ".html", ".txt", ".pdf"])
def test_convert_command_by_extension(tmp_path, suffix) -> None:
    source = CORPUS[0]
    out = tmp_path / f"cv{suffix}"
    proc = run_cveditor("convert", str(source), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 200
    if suffix == ".pdf":
        assert "허형록" in pdftotext(out)
        source_resume = markdown_to_resume(source.read_text(encoding="utf-8"), "x")
        assert read_resume(out) == shareable_resume(printed_resume(source_resume))
    if suffix == ".json":
        assert read_resume(out) == markdown_to_resume(source.read_text(encoding="utf-8"), "x")


def test_convert_to_plain_jsonresume(tmp_path, schema_validator) -> None:
    out = tmp_path / "plain.json"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "cveditor",
            "convert",
            str(OUR_SAMPLE),
            "-o",
            str(out),
            "--to",
            "jsonresume",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    schema_validator.validate(json.loads(out.read_text(encoding="utf-8")))


def test_import_errors_are_located(tmp_path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("---\nname: [oops\n---\n# X\n", encoding="utf-8")
    proc = run_cveditor("convert", str(bad), "-o", str(tmp_path / "x.json"))
    assert proc.returncode == 1
    assert str(bad) in proc.stderr and "line" in proc.stderr
    assert not (tmp_path / "x.json").exists()
