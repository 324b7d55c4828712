"""The PDF: the laid-out pages through QPdfWriter, then an exact text layer and the source.

Fonts are embedded (Qt subsets them), links become annotations, the native JSON rides
along as an attachment so the PDF can be re-opened, and the text layer is repaired and
then read back by several readers (textcheck.py): words lost, read twice or never
printed, and text drawn outside the page body are reported to the caller.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextLayout
from shiboken6 import getCppPointer

from .. import __version__
from ..io import native
from ..io.atomic import atomic_write_bytes
from ..io.pdf_source import ATTACHMENT_NAME
from ..model.printed import printed_resume
from ..model.resume import Resume
from ..task import checkpoint
from .build import RenderedResume, document_title, render_resume
from .glyphmap import collect_font_use
from .pages import PagedDocument
from .textcheck import Area, TextFindings, check_text
from .tounicode import repair_pdf

RESOLUTION = 1200
SHOWN = 12  # words named in one warning


class TextLayerProblem(str):
    """A warning that the PDF's text does not read back as printed: ``cveditor export``
    fails on these (an ATS would get the wrong text), and only on these."""


@dataclass
class ExportReport:
    """What the caller should tell the user after an export."""

    pages: int
    lost_words: list[str] = field(default_factory=list)
    duplicated_words: list[str] = field(default_factory=list)
    unexpected_words: list[str] = field(default_factory=list)
    outside_text: list[tuple[int, str]] = field(default_factory=list)  # (page from 1, text)
    missing_characters: list[str] = field(default_factory=list)
    fonts_not_repaired: list[str] = field(default_factory=list)

    @property
    def text_problems(self) -> list[TextLayerProblem]:
        """What the read-back found, one sentence per kind, naming the words."""
        notes = []
        for words, what in (
            (self.lost_words, "do not read back from the PDF"),
            (self.duplicated_words, "are read more often than they are printed"),
            (self.unexpected_words, "are read from the PDF but never printed"),
        ):
            if words:
                notes.append(f"{len(words)} word(s) {what}: {_shown(words)}")
        if self.outside_text:
            texts = [f"{text!r} (page {page})" for page, text in self.outside_text]
            notes.append(
                f"text outside the page body (clipped, or in a margin where a reader still "
                f"finds it): {_shown(texts)}"
            )
        return [TextLayerProblem(note) for note in notes]

    @property
    def warnings(self) -> list[str]:
        notes: list[str] = []
        if self.missing_characters:
            chars = " ".join(f"{c} (U+{ord(c):04X})" for c in self.missing_characters)
            notes.append(f"no installed font has these characters, they print as boxes: {chars}")
        return notes + self.text_problems


def _shown(items: list[str]) -> str:
    return ", ".join(items[:SHOWN]) + (" …" if len(items) > SHOWN else "")


def _paint(rendered: RenderedResume, title: str, author: str, attachment: bytes | None) -> bytes:
    paged = rendered.pages
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    g = paged.geometry
    writer.setPageSize(QPageSize(QSizeF(g.width, g.height), QPageSize.Unit.Point, "résumé"))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setAuthor(author)
    writer.setCreator(f"cveditor {__version__}")
    if attachment is not None:
        writer.addFileAttachment(ATTACHMENT_NAME, QByteArray(attachment), "application/json")
    paged.paint_all(writer, RESOLUTION, "Writing the PDF")
    buffer.close()
    return bytes(buffer.data())


def _attachment(resume: Resume) -> bytes:
    """The printed résumé as JSON; other tools' top-level keys, which no page shows,
    stay behind."""
    attached = resume.model_copy(deep=True)
    if attached.__pydantic_extra__:
        attached.__pydantic_extra__.clear()
    return native.dumps(attached).encode("utf-8")


def pdf_bytes(
    resume: Resume,
    *,
    today: date | None = None,
    base_dir: Path | None = None,
    attach_source: bool = True,
) -> tuple[bytes, ExportReport]:
    """The finished PDF and what the caller should know about it.

    Everything in it — text, metadata, keywords, the attached résumé — comes from the
    printed copy (model.printed): what the pages show, nothing private or hidden.
    ``attach_source=False`` leaves the attached résumé out entirely.
    """
    resume = printed_resume(resume)
    rendered = render_resume(resume, today=today, base_dir=base_dir)
    paged = rendered.pages
    title = document_title(resume, rendered.theme)
    attachment = _attachment(resume) if attach_source else None
    raw = _paint(rendered, title, resume.basics.name, attachment)
    checkpoint("Checking the text layer", 0, 0)
    lines = list(paged.lines_in_paint_order())
    uses, missing = collect_font_use(lines)
    checkpoint("Repairing the text layer", 0, 0)
    writer, repair = repair_pdf(raw, uses)
    writer.add_metadata(
        {
            "/Title": title,
            "/Author": resume.basics.name,
            "/Subject": resume.basics.label or title,
            "/Creator": f"cveditor {__version__}",
            "/Keywords": ", ".join(k for s in resume.skills for k in s.keywords),
        }
    )
    checkpoint("Reading the text back", 0, 0)
    out = BytesIO()
    writer.write(out)
    data = out.getvalue()
    report = ExportReport(
        pages=paged.page_count,
        missing_characters=sorted(missing),
        fonts_not_repaired=repair.fonts_skipped,
    )
    unreadable = {*missing, "\ufffd"}
    findings = check_text(
        _printed_lines(lines),
        data,
        _text_areas(paged),
        ignore=lambda word: any(c in unreadable for c in word),
    )
    _add_findings(report, findings)
    return data, report


def _printed_lines(lines: list[tuple[QTextLayout, str, int, int]]) -> list[str]:
    """Each line's text once: a line on a page break is in two pages' paint lists (keyed
    by the C++ layout: Python may wrap one layout in two objects)."""
    unique = {
        (getCppPointer(layout)[0], start): text[start : start + n].replace(OBJECT, " ")
        for layout, text, start, n in lines
    }
    return list(unique.values())


#: What a picture in a line of text is in the block's text: nothing a reader gets back.
OBJECT = "\ufffc"


def _text_areas(paged: PagedDocument) -> list[Area]:
    """Where text belongs on every page, PDF points with y up: the body, and the band
    under it when there is a footer."""
    g = paged.geometry
    right = g.width - g.right
    areas = [(g.left, g.bottom, right, g.height - g.top)]
    if paged.footer_text:
        areas.append((g.left, 0.0, right, g.bottom))
    return areas


def _add_findings(report: ExportReport, findings: TextFindings) -> None:
    report.lost_words = list(findings.lost)
    report.duplicated_words = list(findings.duplicated)
    report.unexpected_words = list(findings.unexpected)
    report.outside_text = [(page + 1, text) for page, text in findings.outside]


def export_pdf(
    resume: Resume,
    path: str | Path,
    *,
    today: date | None = None,
    base_dir: Path | None = None,
    attach_source: bool = True,
) -> ExportReport:
    """Write the PDF atomically (an old file stays intact if anything fails)."""
    data, report = pdf_bytes(resume, today=today, base_dir=base_dir, attach_source=attach_source)
    checkpoint("Writing the file", 0, 0)  # the last moment a Cancel leaves nothing behind
    atomic_write_bytes(Path(path), data, backup=False)
    return report
