"""The ATS check: read an exported PDF as an applicant-tracking system's parser does and
compare what it gets with what the résumé says (docs/ats.md).

    pdftext.py    text runs with their place, size and weight (pypdf) → lines by position
    vocabulary.py heading words (English, Korean), contact and date patterns
    parse.py      lines → sections → fields (name, contacts, jobs, degrees, skills)
    expected.py   the résumé's fields as the pages print them
    rules.py      the structure rules a theme follows, checked on a PDF
    report.py     side by side, each mismatch with the rule that causes it
    command.py    ``cveditor ats FILE``

Nothing here needs Qt except exporting a résumé before checking it (report.check_resume).
"""

from __future__ import annotations

from .report import AtsReport, FieldResult, check_pdf, check_resume
from .rules import RULES, Violation, check_rules

__all__ = [
    "RULES",
    "AtsReport",
    "FieldResult",
    "Violation",
    "check_pdf",
    "check_resume",
    "check_rules",
]
