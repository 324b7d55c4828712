"""``cveditor ats FILE``: what an applicant-tracking system reads from a résumé.

FILE is a résumé (exported to PDF with its theme first, in memory) or a PDF that
cveditor exported (compared with the résumé attached to it; a PDF without one is only
parsed). Exit status: 0 every field reads back, 2 a field does not (named in the
table), 1 an error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ResumeFileError

#: ``cveditor ats`` found a field that does not read back as the résumé says it.
MISMATCH = 2
HELP = "show what an applicant-tracking system reads from a résumé or an exported PDF"
DESCRIPTION = (
    "Reads the PDF as a résumé parser does (text items, lines, sections by heading "
    "words, fields by pattern) and shows, side by side, what the résumé says and what "
    "the parser gets. FILE: a résumé (exported with its theme first) or a PDF cveditor "
    f"exported. Exit status: 0 all fields read back; {MISMATCH} some do not; 1 an error."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--theme", help="with a résumé: check this theme (see: cveditor themes)")
    parser.add_argument(
        "--lines", action="store_true", help="also print the parser's lines as it read them"
    )


def run(args: argparse.Namespace) -> int:
    from .report import check_pdf

    path: Path = args.file
    if path.suffix.lower() == ".pdf":
        if args.theme:
            raise ResumeFileError("--theme goes with a résumé, not an exported PDF", file=path)
        data = _read(path)
        resume = _attached(data, path)
        report = check_pdf(data, resume)
        source = "the attached résumé" if resume is not None else "no attached résumé"
    else:
        resume = _load(path, args.theme)
        from ..cli import _qt_app

        app = _qt_app()  # noqa: F841 — exporting needs a Qt application alive
        from .report import check_resume

        report, _pdf = check_resume(resume, base_dir=path.parent)
        source = f"theme {resume.layout.theme}"
    print(
        f"{path} ({source}, {report.pages} page{'s' * (report.pages != 1)}, "
        f"read in {report.seconds * 1000:.0f} ms)"
    )
    if args.lines or resume is None:
        print(report.parsed.dump())
        print()
    if resume is None:
        _print_fields(report)
        return 0
    print(report.text())
    return MISMATCH if report.mismatches else 0


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ResumeFileError(f"cannot read the file: {error.strerror}", file=path) from None


def _attached(data: bytes, path: Path):
    from ..io.pdf_source import resume_from_pdf

    try:
        return resume_from_pdf(data, str(path))
    except ResumeFileError as error:
        if "carries no résumé" in error.message:
            return None
        raise


def _load(path: Path, theme: str | None):
    from ..io.formats import read_resume
    from ..render.themes import get_theme

    resume = read_resume(path)
    if theme:
        get_theme(theme, fallback=False)
        resume.layout.theme = theme
    return resume


def _print_fields(report) -> None:
    parsed = report.parsed
    print("What a parser gets (no résumé attached to compare with):")
    for label, value in (
        ("Name", parsed.name),
        ("E-mail", parsed.email),
        ("Phone", parsed.phone),
        ("Web site", parsed.url),
        ("Location", parsed.location),
    ):
        print(f"  {label:<9} {value}")
    for n, job in enumerate(parsed.jobs, 1):
        print(f"  Job {n}     {job.title} | {job.company} | {job.dates}")
    for n, degree in enumerate(parsed.degrees, 1):
        print(f"  Degree {n}  {degree.institution} | {degree.degree}")
    for group in parsed.skills:
        print(f"  Skills    {group.name}: {', '.join(group.keywords)}")
    sys.stdout.flush()
