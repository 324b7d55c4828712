"""Items told apart in one place and completed in another, as 경력기술서 written as
tables do it:

- a "### 주요 성과" list under a table of projects, "- 프로젝트명: result": each result a
  highlight of the project it names (not an item of its own);
- a project whose 소속 column names one of the résumé's employers: a project of that
  job (``work[].x-cveditor.projects``), its client (고객사) in its summary."""

from __future__ import annotations

import re
from typing import Any

from .md_blocks import Block, flatten
from .md_tables import EMPLOYER
from .md_vocabulary import KEY_LINE, plain


def _key(text: str) -> str:
    return "".join(plain(text).lower().split())


#: How a company's legal form is written beside its name: no part of who it is.
LEGAL_FORM = re.compile(
    r"\(주\)|㈜|주식회사|\(유\)|유한회사|\b(?:inc|corp|co|ltd|llc|gmbh)\b\.?|[,.]", re.IGNORECASE
)


def _company(text: str) -> str:
    return _key(LEGAL_FORM.sub(" ", plain(text)))


def _job_named(jobs: list[dict[str, Any]], employer: str) -> dict[str, Any] | None:
    """The job whose employer ``employer`` names: the same name, its legal form aside
    ("세림정보기술" and "(주)세림정보기술"), or one name holding the other."""
    want = _company(employer)
    if not want:
        return None
    named = [job for job in jobs if _company(job.get("name", "")) == want]
    if not named:
        named = [
            job
            for job in jobs
            if (have := _company(job.get("name", "")))
            and len(min(have, want, key=len)) >= 2
            and (want in have or have in want)
        ]
    return named[0] if len(named) == 1 else None


def results_of_items(items: list[dict[str, Any]], blocks: list[Block]) -> bool:
    """Bullets "- name: result" naming items already read: each result added to its
    item's highlights; False (nothing changed) unless every bullet names one."""
    bullets = [t for b in blocks if b.kind == "bullets" for t in flatten(b.bullets)]
    if not bullets or any(b.kind not in ("bullets", "heading") for b in blocks):
        return False
    names = {_key(item.get("name", "")): item for item in items if item.get("name")}
    found = []
    for text in bullets:
        match = KEY_LINE.match(text)
        item = names.get(_key(match.group(1))) if match else None
        if item is None or match is None:
            return False
        found.append((item, match.group(2).strip()))
    for item, result in found:
        item.setdefault("highlights", []).append(result)
    return True


def _job_project(project: dict[str, Any]) -> dict[str, Any]:
    """A project of the projects section as a project of a job."""
    out: dict[str, Any] = {"name": project.get("name", "")}
    for key in ("startDate", "endDate", "highlights"):
        if project.get(key):
            out[key] = project[key]
    if project.get("roles"):
        out["role"] = " · ".join(project["roles"])
    if project.get("keywords"):
        out["techStack"] = project["keywords"]
    text = [f"고객사: {project['entity']}" if project.get("entity") else ""]
    text.append(project.get("description", ""))
    summary = "\n".join(t for t in text if t)
    if summary:
        out["summary"] = summary
    return out


def attach_projects(data: dict[str, Any], order: list[str]) -> None:
    """Projects naming an employer of the résumé (소속) move to that job; the others
    keep the employer as text."""
    jobs = [job for job in data.get("work", []) if job.get("name")]
    kept = []
    for project in data.get("projects", []):
        employer = project.pop(EMPLOYER, None)
        job = _job_named(jobs, employer) if employer else None
        if job is None:
            if employer:
                extra = f"소속: {employer}"
                project["description"] = "\n".join(
                    p for p in (project.get("description"), extra) if p
                )
            kept.append(project)
            continue
        job.setdefault("x-cveditor", {}).setdefault("projects", []).append(_job_project(project))
    if "projects" in data and not kept:
        del data["projects"]
        if "projects" in order:
            order.remove("projects")
    elif "projects" in data:
        data["projects"] = kept


def _pairs(section: dict[str, Any]) -> list[tuple[str, str]]:
    """A custom section's "name: result" lines (table rows or list items)."""
    if section.get("kind") == "table":
        rows = section.get("rows", [])
        return [(r[0], r[1]) for r in rows if len(r) == 2] if rows else []
    if section.get("kind") == "list":
        found = [KEY_LINE.match(item) for item in section.get("items", [])]
        return [(m.group(1), m.group(2)) for m in found if m]
    return []


def results_sections(
    data: dict[str, Any], sections: list[dict[str, Any]], order: list[str]
) -> list[dict[str, Any]]:
    """A section of its own ("## 주요 성과") whose every line names a project of the
    résumé before a colon: the results are those projects' highlights, and the
    section goes."""
    projects = [
        p for job in data.get("work", []) for p in job.get("x-cveditor", {}).get("projects", [])
    ]
    projects += data.get("projects", [])
    names = {_key(p.get("name", "")): p for p in projects if p.get("name")}
    kept = []
    for section in sections:
        pairs = _pairs(section)
        rows = len(section.get("rows", section.get("items", [])))
        if pairs and len(pairs) == rows and all(_key(n) in names for n, _ in pairs):
            for name, result in pairs:
                names[_key(name)].setdefault("highlights", []).append(result.strip())
            if section["id"] in order:
                order.remove(section["id"])
            continue
        kept.append(section)
    return kept


def jobs_as_projects(items: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """Jobs that are each only one project named by a key line ("### 2024.05 – 2024.12 |
    Client" over "- 프로젝트 / Project: …", a freelancer's history): those projects, the
    heading's name their client (``entity``); None when any job says more of itself."""
    own = ("position", "summary", "highlights", "description", "location", "url")
    out = []
    for job in items:
        projects = job.get("x-cveditor", {}).get("projects", [])
        if len(projects) != 1 or any(job.get(k) for k in own) or not projects[0].get("name"):
            return None
        project = projects[0]
        item: dict[str, Any] = {"name": project["name"]}
        if job.get("name"):
            item["entity"] = job["name"]
        for key in ("startDate", "endDate"):
            if project.get(key) or job.get(key):
                item[key] = project.get(key) or job.get(key)
        if project.get("role"):
            item["roles"] = [project["role"]]
        if project.get("techStack"):
            item["keywords"] = project["techStack"]
        if project.get("highlights"):
            item["highlights"] = project["highlights"]
        text = [project.get("summary", "")]
        text += [f"{f['label']}: {f['value']}" for f in project.get("fields", [])]
        if any(text):
            item["description"] = "\n".join(t for t in text if t)
        out.append(item)
    return out or None


def profile_job_listed(data: dict[str, Any], profile_job: dict[str, Any] | None) -> None:
    """The 소속 line before the first section ("소속: 한빛대학교 기계공학과 조교수") when
    the experience section lists that employer with its dates: no job of its own, the
    line is the headline."""
    jobs = data.get("work", [])
    if profile_job is None or not any(job is profile_job for job in jobs):
        return
    if set(profile_job) - {"name", "position", "description"}:
        return  # dates, projects, text: the job the document is about
    others = [job for job in jobs if job is not profile_job and job.get("name")]
    said = " ".join(str(profile_job.get(k, "")) for k in ("name", "description", "position"))
    if not any(_company(job["name"].split()[0]) in _company(said) for job in others):
        return
    jobs[:] = [job for job in jobs if job is not profile_job]
    basics = data.setdefault("basics", {})
    if not basics.get("label"):
        basics["label"] = " ".join(said.split())
