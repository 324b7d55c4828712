"""ATS check benchmark: how long reading a PDF back as a parser takes (target: well under
a second for five pages, issue #19), and the fields recovered in every theme.

Run: .venv/bin/python bench/ats.py
The table's last two columns read text items as pdf.js gives them (spaces at the edge
of a text run become items of their own, which parsers drop: pdftext.read_runs).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import median_ms, resume_of_pages
from PySide6.QtGui import QGuiApplication

from cveditor.ats.report import check_pdf
from cveditor.io import native
from cveditor.render.pdf import pdf_bytes
from cveditor.render.themes import available_themes

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "ats"
TODAY = date(2026, 11, 1)


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    resume = resume_of_pages(5)
    data, _report = pdf_bytes(resume, today=TODAY)
    report = check_pdf(data, resume)
    check = median_ms(lambda: check_pdf(data, resume))
    print(f"{report.pages} pages: ATS check (read + parse + compare) median {check:.0f} ms")
    print()
    print("| theme | English | Korean | English, pdf.js items | Korean, pdf.js items |")
    print("|---|---|---|---|---|")
    for theme in available_themes().values():
        if not theme.builtin:
            continue
        cells = []
        for edges in (True, False):
            for name in ("english", "korean"):
                resume = native.load(DATA / f"{name}.resume.json")
                resume.layout.theme = theme.id
                pdf = pdf_bytes(resume, today=TODAY)[0]
                result = check_pdf(pdf, resume, edges=edges)
                cells.append(f"{result.recovered}/{result.expected}")
        label = theme.id + ("" if theme.ats_friendly else " (not for ATS)")
        print(f"| {label} | " + " | ".join(cells) + " |")
    del app


if __name__ == "__main__":
    main()
