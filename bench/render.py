"""Render benchmark: medians for HTML, layout + pagination, and PDF, at 5 and 30 pages.

Run: .venv/bin/python bench/render.py
Targets (issue 3): 5 pages edit → laid-out pages ≤ 60 ms, PDF ≤ 120 ms; 30 pages PDF ≤ 600 ms.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import median_ms, resume_of_pages, rss_mb
from PySide6.QtGui import QGuiApplication

from cveditor.render.build import render_resume
from cveditor.render.html import render_html
from cveditor.render.pdf import pdf_bytes


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    today = date(2026, 11, 1)
    print(f"{'pages':>5} {'html ms':>8} {'edit→pages ms':>14} {'pdf ms':>8} {'pdf KB':>7}")
    for target in (5, 30):
        resume = resume_of_pages(target)
        pages = render_resume(resume, today=today).pages.page_count
        html = median_ms(lambda r=resume: render_html(r, today=today))
        laid_out = median_ms(lambda r=resume: render_resume(r, today=today).pages.page_count)
        pdf = median_ms(lambda r=resume: pdf_bytes(r, today=today), runs=11)
        size = len(pdf_bytes(resume, today=today)[0]) / 1024
        print(f"{pages:>5} {html:>8.1f} {laid_out:>14.1f} {pdf:>8.1f} {size:>7.0f}")
    print(f"RSS after the runs: {rss_mb():.0f} MB")
    del app


if __name__ == "__main__":
    main()
