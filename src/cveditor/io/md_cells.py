"""Small readings of one item line that need no context: a date written as one cell of
a pipe-separated line, the issuer in brackets after a licence, a Korean employer's name
with its Latin form in brackets (kept as the name, not read as what the employer is).
"""

from __future__ import annotations

import re
from typing import Any

from ..model.dates import DateParseError, parse_date
from .md_dates import SINGLE_DATE_FIELD

#: Who issues a licence, in brackets after its name ("약사 면허 (보건복지부)").
ISSUER_ASIDE = re.compile(
    r"^(.*\S)\s*\(([^()\d]*(?:부|청|처|공단|협회|학회|재단|약사회|의사회|공사|진흥원|위원회)"
    r"|[^()\d]*\b(?:ministry|board|council|association|institute|society)\b[^()\d]*)\)$",
    re.IGNORECASE,
)


def iso(text: str) -> str | None:
    """The JSON Resume form of a date as written, or None."""
    try:
        when = parse_date(text)
    except DateParseError:
        return None
    return when.iso() if when is not None else None


def date_cell(entry: dict[str, Any], kind: str, text: str) -> str:
    """A date that is one cell of a pipe-separated line ("2019.03 | 학교 | 교사",
    "자격 | 2017.02 | 교육부"): the item's date (its start, for a job), the rest as written."""
    cells = [c.strip() for c in re.split(r"\s*\|\s*", text)]
    if len(cells) < 2:
        return text
    for index, cell in enumerate(cells):
        when = iso(cell) if re.fullmatch(r"[\d.\-/년월 ]{4,}", cell) else None
        if when:
            entry[SINGLE_DATE_FIELD.get(kind, "startDate")] = when
            return " | ".join(c for i, c in enumerate(cells) if i != index and c)
    return text


def other_script(name: str, bracket: str) -> bool:
    """A Korean name with its Latin form in brackets, every word capitalised."""
    words = bracket.split()
    return bool(re.search("[가-힣]", name)) and all(re.match(r"[A-Z&]", w) for w in words)
