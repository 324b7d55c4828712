"""Resume → a clean Markdown résumé with front matter, written so that it imports back
to the same content (the shapes markdown_import recognises)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from ..model.layout import SECTION_TITLES
from ..model.printed import printed_resume
from ..model.resume import JobProject, Resume
from ..model.sections import section_order
from .markdown_import import SINGLE_DATE_FIELD

ENTRY_FIELDS: dict[str, tuple[str, str]] = {  # section → (first, second) heading parts
    "work": ("name", "position"),
    "education": ("institution", "area"),
    "volunteer": ("organization", "position"),
    "awards": ("title", "awarder"),
    "projects": ("name", "entity"),
    "certificates": ("name", "issuer"),
    "publications": ("name", "publisher"),
    "references": ("name", "reference"),
}
PROJECT_LABELS = {
    "ko": (
        "프로젝트 명",
        "공식 과제 명",
        "수행 기간",
        "사용 기술 스택",
        "팀 구성",
        "역할",
        "세부 사항",
    ),
    "en": ("Project", "Official name", "Period", "Tech stack", "Team", "Role", "Details"),
}
PRESENT = {"ko": "현재", "en": "present"}


def _date(iso: str | None) -> str:
    return iso.replace("-", ".") if iso else ""


def _period(start: str | None, end: str | None, locale: str) -> str:
    if not start:
        return ""
    return f"{_date(start)} ~ {_date(end) or PRESENT[locale]}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _project(project: JobProject, locale: str) -> list[str]:
    name, official, period, stack, team, role, details = PROJECT_LABELS[locale]
    lines = [f"- {name} : {project.name}"]
    for label, value in (
        (official, project.officialName),
        (period, _period(project.date_text("startDate"), project.date_text("endDate"), locale)),
        (stack, ", ".join(project.techStack)),
        (team, project.team),
        (role, project.role),
        (details, _one_line(project.summary)),
    ):
        if value:
            lines.append(f"  - {label} : {value}")
    lines += [f"  - {f.label} : {f.value}" if f.label else f"  - {f.value}" for f in project.fields]
    lines += [f"  - {h}" for h in project.highlights]
    return lines


def _entries(resume: Resume, section_id: str, locale: str) -> list[str]:
    first, second = ENTRY_FIELDS[section_id]
    out: list[str] = []
    for item in getattr(resume, section_id):
        if item.hidden:
            continue
        start = item.date_text("startDate") if hasattr(item, "startDate") else None
        end = item.date_text("endDate") if hasattr(item, "endDate") else None
        parts = [
            getattr(item, first, ""),
            getattr(item, second, "") if section_id != "references" else "",
            _period(start, end, locale),
        ]
        single_field = SINGLE_DATE_FIELD.get(section_id, "")
        single = item.date_text(single_field) if hasattr(item, single_field) else None
        heading = " | ".join(p for p in parts if p)
        out += ["", f"### [{_date(single)}] {heading}" if single else f"### {heading}"]
        text = item.reference if section_id == "references" else getattr(item, "summary", "")
        if text:
            out += ["", text]
        bullets = list(getattr(item, "highlights", [])) + list(getattr(item, "courses", []))
        if bullets:
            out.append("")
            out += [f"- {b}" for b in bullets]
        if section_id == "work" and item.projects:
            out.append("")
            for project in item.projects:
                if not project.hidden:
                    out += _project(project, locale)
    return out


def _pairs(resume: Resume, section_id: str) -> list[str]:
    out = [""]
    for item in getattr(resume, section_id):
        if item.hidden:
            continue
        if section_id == "languages":
            fluency = f" — {item.fluency}" if item.fluency else ""
            out.append(f"- {item.language}{fluency}")
        else:
            keywords = ", ".join(item.keywords)
            out.append(f"- {item.name} : {keywords}" if keywords else f"- {item.name}")
    return out


def _list_section(section: Any) -> list[str]:
    return [f"- {item}" for item in section.items]


def _dated_section(section: Any) -> list[str]:
    out = []
    for entry in section.entries:
        parts = (entry.status, f"({entry.number})" if entry.number else "", entry.title)
        text = " ".join(p for p in parts if p)
        if entry.details:
            text += f" — {entry.details}"
        when = entry.cv.typedDates.get("date") or _date(entry.date)
        out.append(f"- [{when}] {text}" if when else f"- {text}")
    return out


def _table_section(section: Any) -> list[str]:
    width = max([len(section.header)] + [len(r) for r in section.rows])
    header = list(section.header) + [""] * (width - len(section.header))
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * width]
    out += ["| " + " | ".join(list(r) + [""] * (width - len(r))) + " |" for r in section.rows]
    return out


def _text_section(section: Any) -> list[str]:
    return [section.text]


#: How each printable custom kind is written; private kinds never reach this table.
CUSTOM_WRITERS: dict[str, Callable[[Any], list[str]]] = {
    "list": _list_section,
    "dated": _dated_section,
    "table": _table_section,
    "text": _text_section,
}


def resume_to_markdown(resume: Resume) -> str:
    """Only what prints goes out (model.printed): no hidden items, sections or notes."""
    resume = printed_resume(resume)
    layout = resume.layout
    locale = layout.locale
    titles = layout.sectionTitles
    basics = resume.basics
    out: list[str] = []
    front = dict(getattr(resume.cv, "frontMatter", None) or {})
    if front:
        out += [
            "---",
            yaml.safe_dump(front, allow_unicode=True, sort_keys=False).rstrip(),
            "---",
            "",
        ]
    if basics.image:
        out += [f'<p align="center"><img src="{basics.image}"></p>', ""]
    out.append(f"# {basics.name}" if basics.name else "# ")
    contacts = []
    if "contact" in titles:
        out += ["", f"## {titles['contact']}"]
    for label, value in (
        ("email", basics.email),
        ("phone", basics.phone),
        ("website", basics.url),
        ("location", basics.location.address),
    ):
        if value:
            contacts.append(f"- {label} : {value}")
    contacts += [
        f"- {p.network.lower() or 'profile'} : {p.url}"
        for p in basics.profiles
        if p.url and not p.hidden
    ]
    if contacts:
        out += ["", *contacts]
    if basics.label:
        out += ["", f"**{basics.label}**"]
    if basics.summary:
        if "summary" in titles:
            out += ["", f"## {titles['summary']}"]
        out += ["", basics.summary]
    hidden = set(layout.hiddenSections)
    for section_id in section_order(resume):
        if section_id in hidden:
            continue
        custom = resume.custom_section(section_id)
        if custom is not None:
            body = ["", *CUSTOM_WRITERS[custom.kind](custom)]
            title = custom.title or section_id
        elif section_id in ENTRY_FIELDS:
            body = _entries(resume, section_id, locale)
            title = titles.get(section_id) or SECTION_TITLES[locale][section_id]
        else:
            body = _pairs(resume, section_id)
            title = titles.get(section_id) or SECTION_TITLES[locale][section_id]
        if len([line for line in body if line.strip()]) == 0:
            continue
        out += ["", f"## {title}", *body]
    return "\n".join(out).rstrip() + "\n"
