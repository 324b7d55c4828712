"""Plain JSON Resume out (for other JSON Resume tools), and back in.

Our extras are mapped, not dropped: projects within a job become top-level ``projects``
with ``entity`` = the employer (and an ``x-cveditor-job`` index so cveditor can fold
them back), custom sections become top-level keys named by their id, hidden items and
private notes are left out (they are not for other people's tools), and the layout goes.
"""

from __future__ import annotations

import json
from typing import Any

from ..model.base import EXTRAS_KEY
from ..model.printed import shareable_resume
from ..model.resume import JobProject, Resume
from .native import resume_from_data, to_data

JOB_LINK_KEY = "x-cveditor-job"
SECTION_KEY = "x-cveditor-section"


def _project_entry(project: JobProject, employer: str, job_index: int) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": project.name, "entity": employer, "type": "work project"}
    if project.summary:
        entry["description"] = project.summary
    if project.highlights:
        entry["highlights"] = list(project.highlights)
    if project.techStack:
        entry["keywords"] = list(project.techStack)
    if project.role:
        entry["roles"] = [project.role]
    for key in ("startDate", "endDate"):
        if getattr(project, key):
            entry[key] = getattr(project, key)
    extra = {k: v for k, v in (("officialName", project.officialName), ("team", project.team)) if v}
    if project.fields:
        extra["fields"] = [f.model_dump(mode="json") for f in project.fields]
    entry[JOB_LINK_KEY] = {"job": job_index, **extra}
    return entry


def to_jsonresume(
    resume: Resume, *, include_unprinted: bool = False, photo: str = ""
) -> dict[str, Any]:
    """A JSON Resume document other tools understand (validates against the schema);
    only what prints goes out (model.printed.shareable_resume): no hidden items,
    sections or notes, and — unless the user asks with ``include_unprinted`` — no
    field that no theme prints (street address, postal code, ``meta``, a birth date).
    The photo only as ``photo``, a data: URI re-encoded from the pixels."""
    resume = shareable_resume(resume, include_unprinted=include_unprinted, photo=photo)
    data = to_data(resume, plain=True)  # 1.0 names, nothing kept verbatim: valid for all
    if not data.get("meta"):
        data.pop("meta", None)
    data.pop(EXTRAS_KEY, None)
    for key, value in list(data.items()):
        if isinstance(value, list):
            data[key] = [_strip(item) for item in value]
    if isinstance(data.get("basics"), dict):
        data["basics"] = _strip(data["basics"])
    projects = data.get("projects", [])
    for index, job in enumerate(resume.work):
        for project in job.projects:
            projects.append(_project_entry(project, job.name, index))
    if projects:
        data["projects"] = projects
    for section in resume.custom_sections:
        body = _strip(section.model_dump(mode="json", by_alias=True))
        body.pop("id")
        body[SECTION_KEY] = True
        data[section.id] = body
    return data


def _strip(item: Any) -> Any:
    if isinstance(item, dict):
        return {k: _strip(v) for k, v in item.items() if k != EXTRAS_KEY}
    if isinstance(item, list):
        return [_strip(v) for v in item]
    return item


def dumps_jsonresume(resume: Resume) -> str:
    return json.dumps(to_jsonresume(resume), ensure_ascii=False, indent=2) + "\n"


def from_jsonresume(data: Any, source: str, source_text: str = "") -> Resume:
    """Any JSON Resume document → Resume; folds back what ``to_jsonresume`` mapped out."""
    if isinstance(data, dict) and EXTRAS_KEY not in data:
        data = dict(data)
        sections = [
            {"id": key, **{k: v for k, v in value.items() if k != SECTION_KEY}}
            for key, value in list(data.items())
            if isinstance(value, dict) and value.get(SECTION_KEY)
        ]
        for section in sections:
            data.pop(section["id"])
        projects = data.get("projects")
        folded: dict[int, list[dict[str, Any]]] = {}
        if isinstance(projects, list):
            kept = []
            for entry in projects:
                link = entry.get(JOB_LINK_KEY) if isinstance(entry, dict) else None
                if isinstance(link, dict) and isinstance(link.get("job"), int):
                    folded.setdefault(link["job"], []).append(_job_project(entry, link))
                else:
                    kept.append(entry)
            data["projects"] = kept
            if not kept:
                data.pop("projects")
        work = data.get("work")
        if folded and isinstance(work, list):
            data["work"] = [dict(job) for job in work]
            for index, items in folded.items():
                if 0 <= index < len(data["work"]):
                    data["work"][index].setdefault(EXTRAS_KEY, {})["projects"] = items
        if sections:
            data[EXTRAS_KEY] = {"sections": sections}
    return resume_from_data(data, source, source_text)


def _job_project(entry: dict[str, Any], link: dict[str, Any]) -> dict[str, Any]:
    project: dict[str, Any] = {"name": entry.get("name", "")}
    for source_key, key in (
        ("description", "summary"),
        ("highlights", "highlights"),
        ("keywords", "techStack"),
        ("startDate", "startDate"),
        ("endDate", "endDate"),
    ):
        if source_key in entry:
            project[key] = entry[source_key]
    roles = entry.get("roles") or []
    if roles:
        project["role"] = ", ".join(roles)
    for key in ("officialName", "team", "fields"):
        if key in link:
            project[key] = link[key]
    return project
