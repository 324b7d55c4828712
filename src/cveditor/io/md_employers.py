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
EMPLOYMENT_EN = r"(?:full|part)[- ]time|contract|freelance|internship|self[- ]employed|seasonal"
EMPLOYMENT_KO = r"정규직|계약직|인턴|프리랜서"
EMPLOYMENT = re.compile(rf"\b(?:{EMPLOYMENT_EN})\b|{EMPLOYMENT_KO}", re.IGNORECASE)
TOTAL = re.compile(r"(?:\d+\s*(?:yrs?|years?|mos?|months?|년|개월)\s*)+", re.IGNORECASE)
#: A team or unit beside the role: "라이브서비스팀", "Payments squad", "R&D Division".
TEAM = re.compile(
    r"(?:팀|부|실|본부|센터|그룹|파트|랩|셀|스쿼드|사업부|연구소)$"
    r"|\b(?:team|squad|tribe|group|division|department|dept\.?|unit|lab|chapter)$",
    re.IGNORECASE,
)
#: A rank or contract word of a Korean job ("대리", "선임연구원", "계약직").
RANK = re.compile(
    r"(?:사원|주임|대리|과장|차장|부장|팀장|파트장|실장|본부장|센터장|이사|상무|전무|대표"
    r"|매니저|인턴|계약직|정규직|선임|책임|수석|연구원|전임|프로|위원"
    r"|행원|계장|지점장|점장|팀원|주무관|사무관|주사|원장)(?:\s*\([^()]*\))?$"
)
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


def _role_of(name: str) -> tuple[str, str] | None:
    """(position, team) of a dated bullet that names a role: "여신심사부 과장" →
    ("과장", "여신심사부"), "Senior Analyst" → ("Senior Analyst", ""); None for a
    project's name."""
    words = name.split()
    if words and RANK.search(words[-1]) and len(words) <= 4:
        return words[-1], " ".join(words[:-1])
    if is_role(name) and not TEAM.search(name):
        return name, ""
    return None


def roles_of_bullets(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An employer's line with its dates over bullets that each hold a role and its own
    period ("- 여신심사부 과장 (2020.07 ~ 현재): 심사") : one job per role, each with the
    employer's name — not projects of one job. A bullet without a rank or role word,
    or with a project's keys, keeps the projects."""
    out: list[dict[str, Any]] = []
    for item in items:
        projects = item.get("x-cveditor", {}).get("projects", [])
        roles = [_role_of(p.get("name", "")) for p in projects]
        if (
            len(projects) < 2
            or item.get("position")
            or item.get("highlights")
            or not all(p.get("startDate") and not p.get("fields") for p in projects)
            or not all(roles)
        ):
            out.append(item)
            continue
        for project, role in zip(projects, roles, strict=True):
            position, team = role or ("", "")
            job = {k: v for k, v in item.items() if k in ("name", "location", "url")}
            job["position"] = position
            if team:
                job["description"] = team
            job.update(
                (k, v)
                for k, v in project.items()
                if k in ("startDate", "endDate", "summary", "highlights", "location")
            )
            out.append(job)
        said = item.get("description")  # "(…, 재직 중)": kept with the first role
        if said:
            first = out[-len(projects)]
            first["description"] = " · ".join(p for p in (first.get("description"), said) if p)
        if item.get("summary") and out:
            out[-len(projects)]["summary"] = "\n\n".join(
                p for p in (item["summary"], out[-len(projects)].get("summary")) if p
            )
    return out
