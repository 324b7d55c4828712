"""Render benchmark: medians for HTML, layout + pagination, and PDF, at 5 and 30 pages.

Run: .venv/bin/python bench/render.py
Targets (issue 3): 5 pages edit → laid-out pages ≤ 60 ms, PDF ≤ 120 ms; 30 pages PDF ≤ 600 ms.
"read-back ms" is the part of "pdf ms" spent reading the finished PDF back with every
installed reader (pdftotext, pypdf, pdfminer.six: issue 10's check); the targets of
issue 3 were set before that check and are compared with "pdf ms" less it.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import median_ms, resume_of_pages, rss_mb
from PySide6.QtGui import QGuiApplication

from cveditor.render import pdf as pdf_module
from cveditor.render.build import render_resume
from cveditor.render.html import render_html
from cveditor.render.pdf import pdf_bytes

_read_back: list[float] = []


def _timed_check(*args, **kwargs):  # type: ignore[no-untyped-def]
    """check_text, timed: the read-back share of an export."""
    start = time.perf_counter()
    try:
        return _check_text(*args, **kwargs)
    finally:
        _read_back.append((time.perf_counter() - start) * 1000)


_check_text = pdf_module.check_text
pdf_module.check_text = _timed_check


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    today = date(2026, 11, 1)
    print(
        f"{'pages':>5} {'html ms':>8} {'edit→pages ms':>14} {'pdf ms':>8} "
        f"{'read-back ms':>13} {'pdf KB':>7}"
    )
    for target in (5, 30):
        resume = resume_of_pages(target)
        pages = render_resume(resume, today=today).pages.page_count
        html = median_ms(lambda r=resume: render_html(r, today=today))
        laid_out = median_ms(lambda r=resume: render_resume(r, today=today).pages.page_count)
        _read_back.clear()
        pdf = median_ms(lambda r=resume: pdf_bytes(r, today=today), runs=11)
        read_back = statistics.median(_read_back)
        size = len(pdf_bytes(resume, today=today)[0]) / 1024
        print(
            f"{pages:>5} {html:>8.1f} {laid_out:>14.1f} {pdf:>8.1f} {read_back:>13.1f} "
            f"{size:>7.0f}"
        )
    print(f"RSS after the runs: {rss_mb():.0f} MB")
    del app


if __name__ == "__main__":
    main()
