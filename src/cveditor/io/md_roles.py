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
from .md_vocabulary import ROLE_WORDS, SENTENCE, title_text

#: "**Role**, Employer" or "**Role** — Employer".
BOLD_THEN_COMMA = re.compile(r"^\s*(?:\*\*|__)([^*_]+?)(?:\*\*|__)(?:\s*[,，]|\s+[—–])\s*(.+)$")
PLACE_DASH = re.compile(r"\s+[—–|·]\s+|\s+-\s+")
UNIVERSITY = re.compile(
    r"universit|college|institute|school|academy|대학교|대학원|대학", re.IGNORECASE
)
UNIT = re.compile(
    r"^(?:department|dept\.?|faculty|division|(?:graduate\s+)?school|lab|laboratory|centre|center)\b",
    re.IGNORECASE,
)


#: A place written "City, ST" or "City, Country" after the employer.
CITY_STATE = re.compile(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}, (?:[A-Z]{2}|[A-Z][a-z]+)")


#: A firm named by its people or its kind: "Mesa Earth Consultants", "Baker Associates",
#: "Northwind Group", "Acme Inc." — an employer, though a role word is in it.
FIRM = re.compile(
    r"\S\s+(?:consultants|associates|partners|advisors|architects|engineers|designers"
    r"|developers|analysts)\s*$|\b(?:inc|llc|ltd|group|company|corp|gmbh|co)\b\.?\s*$",
    re.IGNORECASE,
)


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
    if not names or (_role(names[0]) and not FIRM.search(names[0])):
        return False
    if not place and len(names) >= 3 and re.fullmatch(r"[A-Z]{2}", names[-1]):
        place, names = ", ".join(names[-2:]), names[:-2]  # "Brightwell, Chicago, IL"
        org = ", ".join(names)
    entry["position"] = title_text(match.group(1)).strip()
    school = [p for p in names if UNIVERSITY.search(p) and not UNIT.match(p)]
    if len(names) > 1 and school:
        entry["name"] = school[0]  # "Department of Linguistics, University of Northbrook"
        others = [p for p in names if p is not school[0]]  # its units after it, too
        entry["description"] = ", ".join(others)
    else:
        entry["name"] = org
    if place and not re.search(r"\d", place) and len(place) <= 60:
        entry["location"] = place
    elif place:
        entry["name"] = f"{entry['name']} — {place}"
    return True


#: A place as written: a few words without digits.
PLACE = re.compile(r"^[^\d@:/]{2,60}$")


#: "**Org**, Place — Role": the employer in bold, its town after the comma, the role
#: after the dash.
BOLD_ORG_PLACE = re.compile(
    r"^\s*(?:\*\*|__)([^*_]+?)(?:\*\*|__)\s*[,，]\s*([^,—–|\d]{2,40}?)\s+[—–|]\s+(.+)$"
)


def bold_org(entry: dict[str, Any], text: str, kind: str = "work") -> bool:
    """Read "**Riverside Academy**, Leeds — Science Teacher (contract)" (or "**Acme**,
    Senior Engineer — Denver, CO") into ``entry``: the bold part is the employer when it
    names no role; False, and ``entry`` untouched,
    when the line has another shape."""
    match = BOLD_ORG_PLACE.match(text)
    if not match:
        return False
    org, place, role = (title_text(g).strip() for g in match.groups())
    if _role(place) and not _role(role) and PLACE.match(role) and len(role.split()) <= 4:
        place, role = role, place  # "**Acme**, Senior Engineer — Denver, CO"
    if _role(org) or _role(place) or len(place.split()) > 4 or not role:
        return False
    entry["organization" if kind == "volunteer" else "name"] = org
    entry["location"] = place
    entry["position"] = role
    return True


def dot_place(line: str, rest: str) -> bool:
    """The piece after "·" on a date line ("’19–’21 · Lisbon"): the place, whatever its
    form (a bare city too), when it is a few words without digits and names no role."""
    return (
        bool(re.search(r"·\s*" + re.escape(rest) + r"\s*$", line))
        and bool(PLACE.match(rest))
        and len(rest.split()) <= 4
        and not _role(rest)
        and not SENTENCE.search(rest)
    )


def opens_role_item(text: str) -> bool:
    """A bullet "**Data Analyst**, Lakeshore Insurance — Evanston, IL (2018–2022)"
    among a job's bullets: the next job, not a highlight."""
    start, _end, rest = find_period(text.split("\n")[0])
    return bool(start) and bold_role({}, rest)


def _written_order(line: str, first: str, second: str) -> str | None:
    """ "role" when the position is written before the employer in ``line``, "org" when
    after, None when either cannot be found in it."""
    text = title_text(line)
    at_org, at_role = text.find(first), text.find(second)
    if not first or not second or at_org < 0 or at_role < 0 or at_org == at_role:
        return None
    return "role" if at_role < at_org else "org"


def settle_order(pairs: list[tuple[str, dict[str, Any]]], kind: str) -> None:
    """Entries of one section read from their lines (``(line, entry)``): an entry whose
    role and employer name no role word takes the order the other entries of the section
    were written in ("**Graduate Trainee** — Bellweather Bank" among "**Senior Engineer**
    — Harborline" lines is a role, then its employer). Changes the entries in place."""
    org_key = "organization" if kind == "volunteer" else "name"
    if kind not in ("work", "volunteer"):
        return
    decided: list[str] = []
    undecided: list[tuple[str, dict[str, Any]]] = []
    for line, entry in pairs:
        org, role = entry.get(org_key, ""), entry.get("position", "")
        order = _written_order(line, org, role)
        if order is None:
            continue
        if _role(role) != _role(org):
            decided.append(order)
        elif not _role(role):
            undecided.append((order, entry))
    if not decided or not undecided:
        return
    usual = max(("role", "org"), key=decided.count)
    if decided.count(usual) * 2 <= len(decided):
        return  # no order the section keeps
    for order, entry in undecided:
        if order != usual:  # read in the other order: swapped back
            entry[org_key], entry["position"] = entry["position"], entry[org_key]
