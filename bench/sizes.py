"""Size benchmark: open and export time as a résumé grows; export time as one field grows.

Run: .venv/bin/python bench/sizes.py [--runs N] [--max-jobs N] [--max-kb N]
Target (issues 17 and 18): linear growth — four times the jobs or ten times the field
text costs about four or ten times as long, never sixteen or a hundred.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import median_ms
from PySide6.QtGui import QGuiApplication

from cveditor.io import native
from cveditor.io.formats import read_resume
from cveditor.model import Resume
from cveditor.render.build import render_resume
from cveditor.render.html import render_html
from cveditor.render.pdf import pdf_bytes
from cveditor.resources import sample_path

TODAY = date(2026, 11, 1)
JOB_COUNTS = (50, 200, 800, 3200)
FIELD_KB = (10, 100, 1000)
#: Issue 18 row 9: 20 000 sections took minutes (a lookup per section scanned them all).
SECTION_COUNTS = (500, 2000, 8000)


def resume_with_jobs(count: int) -> Resume:
    """The bundled sample with its visible jobs repeated to ``count`` (names numbered)."""
    resume = native.load(sample_path())
    jobs = [job for job in resume.work if not job.hidden]
    resume.work = []
    for n in range(count):
        job = jobs[n % len(jobs)].model_copy(deep=True)
        job.name = f"{job.name} {n}"
        resume.work.append(job)
    return resume


#: Ordinary Markdown prose: emphasis, strong, nested emphasis, code, a link, a list.
_PARAGRAPH = (
    "Led the *payments* team through a **zero-downtime** migration, *cutting **p99** "
    "latency* by 40 %; wrote `retry` budgets and [the runbook](https://example.com).\n\n"
    "- **가용성 99.99%**를 달성 with *nested **strong** emphasis* inside\n"
    "- on-call for 12 services, mentoring three engineers\n\n"
)


def resume_with_field(kilobytes: int) -> Resume:
    """The sample whose summary is ``kilobytes`` KB of ordinary Markdown."""
    resume = native.load(sample_path())
    size = kilobytes * 1000
    resume.basics.summary = (_PARAGRAPH * (size // len(_PARAGRAPH) + 1))[:size]
    return resume


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per figure (median)")
    parser.add_argument("--max-jobs", type=int, default=max(JOB_COUNTS))
    parser.add_argument("--max-kb", type=int, default=max(FIELD_KB))
    parser.add_argument("--max-sections", type=int, default=max(SECTION_COUNTS))
    args = parser.parse_args()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)

    print(f"{'jobs':>5} {'file KB':>8} {'open ms':>9} {'export ms':>10} {'pages':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for count in (c for c in JOB_COUNTS if c <= args.max_jobs):
            resume = resume_with_jobs(count)
            path = Path(folder) / f"jobs{count}.json"
            native.save(resume, path, backup=False)
            opened = median_ms(lambda p=path: read_resume(p), runs=args.runs)
            exported = median_ms(lambda r=resume: pdf_bytes(r, today=TODAY), runs=args.runs)
            pages = pdf_bytes(resume, today=TODAY)[1].pages
            size = path.stat().st_size / 1000
            print(f"{count:>5} {size:>8.0f} {opened:>9.1f} {exported:>10.1f} {pages:>6}")

    print(f"\n{'field KB':>8} {'export ms':>10} {'pages':>6}")
    for kilobytes in (k for k in FIELD_KB if k <= args.max_kb):
        resume = resume_with_field(kilobytes)
        exported = median_ms(lambda r=resume: pdf_bytes(r, today=TODAY), runs=args.runs)
        pages = pdf_bytes(resume, today=TODAY)[1].pages
        print(f"{kilobytes:>8} {exported:>10.1f} {pages:>6}")

    print(f"\n{'sections':>8} {'theme ms':>9} {'pages ms':>9}")
    for count in (c for c in SECTION_COUNTS if c <= args.max_sections):
        resume = resume_with_sections(count)
        themed = median_ms(lambda r=resume: render_html(r, today=TODAY), runs=args.runs)
        laid = median_ms(lambda r=resume: render_resume(r, today=TODAY), runs=1)
        print(f"{count:>8} {themed:>9.1f} {laid:>9.1f}")
    del app


def resume_with_sections(count: int) -> Resume:
    """An empty résumé with ``count`` one-item custom list sections."""
    return native.loads(
        json.dumps(
            {
                "basics": {"name": "Kim"},
                "x-cveditor": {
                    "sections": [
                        {"id": f"s{n}", "kind": "list", "title": f"S{n}", "items": [f"item {n}"]}
                        for n in range(count)
                    ]
                },
            }
        )
    )


if __name__ == "__main__":
    main()
