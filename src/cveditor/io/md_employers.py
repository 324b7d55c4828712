"""Several roles at one employer written as siblings, as a LinkedIn profile pasted into
Markdown writes them:

    **Tidewater Health**                 the employer: no dates of its own
    Full-time · 4 yrs 10 mos             (its employment type and total time)
    **Senior Product Manager**           a role: its title, then its dates
    Jan 2023 - Present · 2 yrs 3 mos
    **Product Manager**
    Mar 2020 - Dec 2022 · 2 yrs 10 mos

Each role is a job with the employer's name; the employer is no job of its own."""

from __future__ import annotations

import re
from typing import Any

from .md_entries import is_role

#: What a LinkedIn employer line says besides the name: its employment type and the
#: total time (derived from the roles' dates).
EMPLOYMENT = re.compile(
    r"\b(?:full[- ]time|part[- ]time|contract|freelance|internship|self[- ]employed|seasonal)\b"
    r"|정규직|계약직|인턴|프리랜서",
    re.IGNORECASE,
)
TOTAL = re.compile(r"(?:\d+\s*(?:yrs?|years?|mos?|months?|년|개월)\s*)+", re.IGNORECASE)
OWN_KEYS = frozenset({"name", "position", "description", "location", "url"})


def _employer_only(item: dict[str, Any]) -> str | None:
    """The employment type ("Full-time", maybe "") when the item is only an employer's
    name with such a line, else None."""
    if item.get("startDate") or not item.get("name") or set(item) - OWN_KEYS:
        return None
    said = item.get("position", "")
    rest = TOTAL.sub(" ", EMPLOYMENT.sub(" ", said)).strip(" ·|,-–—")
    if rest:
        return None
    kind = EMPLOYMENT.search(said)
    return kind.group(0) if kind else ""


def roles_of_employers(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Jobs with an employer item before dated roles merged: one job per role."""
    out: list[dict[str, Any]] = []
    employer: dict[str, Any] | None = None
    kind = ""
    for item in items:
        own = _employer_only(item)
        if own is not None:
            employer, kind = item, own
            out.append(item)
            continue
        role = item.get("name", "")
        dated_role = bool(item.get("startDate")) and not item.get("position") and is_role(role)
        if employer is None or not dated_role:
            employer = None
            out.append(item)
            continue
        if employer in out:
            out.remove(employer)  # said by its roles
        job = {"name": employer["name"], "position": role}
        if kind:
            job["description"] = kind
        for key in ("location", "url"):
            if employer.get(key) and not item.get(key):
                job[key] = employer[key]
        job.update((k, v) for k, v in item.items() if k not in ("name", "position"))
        out.append(job)
    return out
