"""A job line that opens with the role in bold, as English CVs write it:

    **Senior Data Analyst**, Brightwell Health — Chicago, IL (2022–present)
    - **Assistant Professor**, Department of Linguistics, University of Northbrook — 2020–present

The bold part is the position; after the comma comes the employer (a department
before its university: the university is the name, the department its description),
and after a dash the place. The period is read before, by the caller."""

from __future__ import annotations

import re
from typing import Any

from .md_dates import find_period
from .md_vocabulary import ROLE_WORDS, title_text

#: "**Role**, Employer" or "**Role** — Employer".
BOLD_THEN_COMMA = re.compile(r"^\s*(?:\*\*|__)([^*_]+?)(?:\*\*|__)(?:\s*[,，]|\s+[—–])\s*(.+)$")
PLACE_DASH = re.compile(r"\s+[—–|·]\s+|\s+-\s+")
UNIVERSITY = re.compile(
    r"universit|college|institute|school|academy|대학교|대학원|대학", re.IGNORECASE
)
UNIT = re.compile(
    r"^(?:department|dept\.?|faculty|division|school|lab|laboratory|centre|center)\b", re.IGNORECASE
)


#: A place written "City, ST" or "City, Country" after the employer.
CITY_STATE = re.compile(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}, (?:[A-Z]{2}|[A-Z][a-z]+)")


def _role(text: str) -> bool:
    return bool(ROLE_WORDS.search(text)) and len(text.split()) <= 5


def bold_role(entry: dict[str, Any], text: str) -> bool:
    """Read "**Role**, Employer — Place" (the period already taken out) into ``entry``;
    False, and ``entry`` untouched, when the line has another shape."""
    match = BOLD_THEN_COMMA.match(text)
    if not match:
        return False
    rest = title_text(match.group(2)).strip(" ,—–-·|")
    pieces = PLACE_DASH.split(rest, maxsplit=1)
    org = pieces[0].strip(" ,")
    place = pieces[1].strip(" ,—–-·|()") if len(pieces) > 1 else ""
    if not _role(title_text(match.group(1))) and not CITY_STATE.fullmatch(place):
        return False  # "**Dispatcher**, Freight Co — Denver, CO": role, employer, place
    names = [p.strip() for p in org.split(",") if p.strip()]
    if not names or _role(names[0]):
        return False
    if not place and len(names) >= 3 and re.fullmatch(r"[A-Z]{2}", names[-1]):
        place, names = ", ".join(names[-2:]), names[:-2]  # "Brightwell, Chicago, IL"
        org = ", ".join(names)
    entry["position"] = title_text(match.group(1)).strip()
    school = [p for p in names if UNIVERSITY.search(p) and not UNIT.match(p)]
    if len(names) > 1 and school:
        entry["name"] = school[-1]  # "Department of Linguistics, University of Northbrook"
        others = [p for p in names if p is not school[-1]]
        entry["description"] = ", ".join(others)
    else:
        entry["name"] = org
    if place and not re.search(r"\d", place) and len(place) <= 60:
        entry["location"] = place
    elif place:
        entry["name"] = f"{entry['name']} — {place}"
    return True


def opens_role_item(text: str) -> bool:
    """A bullet "**Data Analyst**, Lakeshore Insurance — Evanston, IL (2018–2022)"
    among a job's bullets: the next job, not a highlight."""
    start, _end, rest = find_period(text.split("\n")[0])
    return bool(start) and bold_role({}, rest)
