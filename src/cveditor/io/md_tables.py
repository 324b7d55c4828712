"""A table whose header cells name fields → items, one per row, each column into its
field: a job's projects (프로젝트명 | 기간 | 역할 | 기술 스택 | 성과), certificates
(자격증명 | 발급기관 | 취득일), skills (역량 | 수준 | 비고), projects (Name | Description |
Stack | Link), degrees, languages. A date cell becomes the item's dates, a link cell its
address; a column of no known field is kept as "label: value" text."""

from __future__ import annotations

import re
from typing import Any

from ..model.dates import DateParseError, parse_date
from .md_blocks import Block
from .md_dates import find_period, short_years
from .md_split import split_outside
from .md_vocabulary import URL, key_kind, plain

#: A project's employer (소속) for the moment: md_attach moves the project to that job.
EMPLOYER = "x-employer"
#: What a header cell names (its words, lower case, spaces ignored).
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": (
        "프로젝트",
        "프로젝트명",
        "project",
        "projectname",
        "name",
        "이름",
        "명칭",
        "title",
        "제목",
        "자격증명",
        "자격명",
        "자격증",
        "자격",
        "certificate",
        "certification",
        "license",
        *("시험명", "시험", "test", "exam"),
        "역량",
        "skill",
        "수상명",
        "수상",
        "award",
        "과정",
        "과정명",
        "course",
        "언어",
        "language",
        "학교",
        "학교명",
        "school",
        "institution",
        "university",
        "회사",
        "회사명",
        "company",
        "employer",
        "organization",
    ),
    "category": ("분야", "category", "area", "구분"),
    "period": (
        "기간",
        *("수행기간", "근무기간", "재직기간", "참여기간", "프로젝트기간", "재직", "재학기간"),
        "period",
        "dates",
        "date",
        "duration",
        "취득일",
        "취득",
        "날짜",
        "일자",
        "발급일",
        "issued",
        "year",
        "연도",
        "수상일",
        "when",
        "졸업",
        "졸업일",
    ),
    "role": (
        *("역할", "role", "담당", "position", "직책", "직무", "직급", "title/role"),
        *("직위", "최종직위", "최종직급"),
    ),
    "stack": (
        "사용기술",
        "기술스택",
        "스택",
        "stack",
        "tech",
        "techstack",
        "technologies",
        "기술",
        "skills",
        "tools",
        "사용도구",
    ),
    "outcome": ("성과", "주요성과", "results", "achievements", "impact", "outcome"),
    "text": ("내용", "설명", "description", "details", "summary", "주요업무", "업무", "개요"),
    "issuer": (
        "발급기관",
        "기관",
        "issuer",
        "발행처",
        "주관",
        "주최",
        "awarder",
        "발급처",
        "시행처",
    ),
    "level": (
        "수준",
        "숙련도",
        "level",
        "proficiency",
        "fluency",
        "등급",
        "점수",
        "score",
        "grade",
    ),
    "note": ("비고", "note", "notes", "remarks", "기타", "comment"),
    "link": ("link", "links", "url", "링크", "repo", "repository", "github", "demo", "website"),
    "degree": ("학위", "degree"),
    "major": ("전공", "major", "학과", "fieldofstudy", "field"),
    "client": ("고객사", "고객", "발주처", "client", "customer"),
    "employer": ("소속", "소속회사", "수행사"),
    "team": ("부서", "팀", "소속팀", "department", "team"),
}
_LOOKUP = {word.replace(" ", ""): role for role, words in COLUMNS.items() for word in words}
#: Per kind of item: the field of each column role (absent: kept as text).
FIELDS: dict[str, dict[str, str]] = {
    "work-project": {
        "name": "name",
        "role": "role",
        "stack": "techStack",
        "outcome": "highlights",
        "text": "summary",
    },
    "projects": {
        "name": "name",
        "text": "description",
        "stack": "keywords",
        "link": "url",
        "role": "roles",
        "outcome": "highlights",
        "client": "entity",
        "employer": EMPLOYER,
    },
    "certificates": {"name": "name", "issuer": "issuer", "link": "url"},
    "awards": {"name": "title", "issuer": "awarder", "text": "summary"},
    "education": {
        "name": "institution",
        "degree": "studyType",
        "major": "area",
        "level": "score",
        "link": "url",
    },
    "work": {
        "name": "name",
        "role": "position",
        "text": "summary",
        "link": "url",
        "team": "description",
    },
    "publications": {"name": "name", "issuer": "publisher", "link": "url", "text": "summary"},
    "volunteer": {"name": "organization", "role": "position", "text": "summary"},
}
DATE_FIELD = {"certificates": "date", "awards": "date", "publications": "releaseDate"}
TEXT_FIELD = {
    "work-project": "summary",
    "projects": "description",
    "work": "summary",
    "awards": "summary",
    "publications": "summary",
    "volunteer": "summary",
}
LIST_FIELDS = frozenset({"techStack", "keywords", "roles", "highlights"})
MD_LINK = re.compile(r"\[([^\]]*)\]\((\S+?)\)")


def column_roles(header: list[str]) -> list[str | None]:
    """What each header cell names (None: no field)."""
    return [_LOOKUP.get(plain(cell).lower().replace(" ", "")) for cell in header]


def table_kind(header: list[str], inside_job: bool = False) -> str | None:
    """The kind of items a table lists, told by its header alone (None: unsure)."""
    roles = set(column_roles(header))
    words = " ".join(plain(c).lower() for c in header)
    if "name" not in roles and "category" not in roles:
        if "stack" in roles and "level" in roles:
            return "skills"  # | 기술 | 숙련도 |
        return None
    if re.search(r"자격|certif|licen", words) or ("issuer" in roles and "period" in roles):
        return "certificates"
    if re.search(r"프로젝트|project", words) and inside_job:
        return "work-project"
    if re.search(r"언어|language", words) and "level" in roles:
        return "languages"
    if roles & {"degree", "major"} or re.search(r"학교|school|university", words):
        return "education"
    if "level" in roles and re.search(r"역량|기술|skill|stack|tech", words):
        return "skills"
    if roles & {"stack", "link"} and roles & {"text", "outcome", "role", "period", "link"}:
        return "work-project" if inside_job else "projects"
    return None


def _date(cell: str) -> tuple[str | None, str | None]:
    start, end, _rest = find_period(cell)
    if start:
        return start, end
    try:
        when = parse_date(short_years(cell).strip().rstrip("."))
    except DateParseError:
        return None, None
    return (when.iso(), None) if when else (None, None)


def _link(cell: str) -> str | None:
    link = MD_LINK.search(cell)
    if link and URL.match(link.group(2)):
        return link.group(2)
    found = URL.search(cell)
    return found.group(0) if found else None


def _split(value: str) -> list[str]:
    return split_outside(value, r",|·|\s/\s|\n|<br>")


def _row(kind: str, header: list[str], roles: list[str | None], row: list[str]) -> dict[str, Any]:
    fields = FIELDS.get(kind, {})
    entry: dict[str, Any] = {}
    text: list[str] = []
    for label, role, cell in zip(header, roles, row, strict=False):
        cell = cell.strip()
        if not cell or cell in ("-", "—"):
            continue
        if role == "period" and "startDate" not in entry and DATE_FIELD.get(kind) not in entry:
            start, end = _date(cell)
            if start and kind in DATE_FIELD:
                entry[DATE_FIELD[kind]] = start
                continue
            if start:
                entry["startDate"] = start
                if end:
                    entry["endDate"] = end
                elif kind == "education":
                    entry["endDate"] = entry.pop("startDate")
                continue
        field = fields.get(role or "")
        if role == "link" and (url := _link(cell)) and field:
            entry[field] = url
            continue
        if field is None or (field in entry and field not in LIST_FIELDS):
            text.append(f"{label.strip()}: {cell}" if label.strip() else cell)
        elif field in LIST_FIELDS:
            items = [cell] if field == "highlights" else _split(cell)
            entry.setdefault(field, []).extend(items)
        else:
            entry[field] = cell
    if text and kind == "work-project":
        entry["fields"] = [
            {"label": t.partition(": ")[0], "value": t.partition(": ")[2]} for t in text
        ]
    elif text and kind in TEXT_FIELD:
        joined = "\n".join(p for p in (entry.get(TEXT_FIELD[kind]), *text) if p)
        entry[TEXT_FIELD[kind]] = joined
    elif text:
        name = {"education": "institution"}.get(kind, "name")
        entry[name] = " — ".join(p for p in (entry.get(name), *text) if p)
    return entry


def table_items(block: Block, kind: str) -> list[dict[str, Any]] | None:
    """The rows of a table as items of ``kind`` (``work-project``: a job's projects), or
    None when the header names no field the items have."""
    if block.kind != "table" or len(block.rows) < 2 or kind not in FIELDS:
        return None
    header, rows = compound_columns(block.rows[0], block.rows[1:])
    roles = column_roles(header)
    if not any(r is not None and r in FIELDS[kind] for r in roles):
        return None
    if roles.count(None) * 2 > len(roles):
        return None  # most columns unknown: the author's own table
    if "name" not in roles:
        name_at = next((i for i, r in enumerate(roles) if r in FIELDS[kind]), 0)
        roles = [*roles[:name_at], "name", *roles[name_at + 1 :]]
    return [_row(kind, header, roles, row) for row in rows if any(c.strip() for c in row)]


def compound_columns(header: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """A column "부서/직위" whose cells read "품질보증팀 / 대리": two columns, when both
    halves name a field and every cell has both parts (else as written)."""
    out_header: list[str] = []
    splits: list[bool] = []
    for at, cell in enumerate(header):
        halves = [h.strip() for h in cell.split("/")]
        known = len(halves) == 2 and all(column_roles([h])[0] or key_kind(h) for h in halves)
        parts = [row[at].split("/") if at < len(row) else [] for row in rows]
        split = known and all(len(p) == 2 or not "".join(p).strip() for p in parts)
        out_header += halves if split else [cell]
        splits.append(split)
    if not any(splits):
        return header, rows
    out_rows = []
    for row in rows:
        cells: list[str] = []
        for at, split in enumerate(splits):
            cell = row[at] if at < len(row) else ""
            parts = [p.strip() for p in cell.split("/")] if split and cell.strip() else [cell]
            cells += parts if split and len(parts) == 2 else ([cell, ""] if split else [cell])
        out_rows.append(cells)
    return out_header, out_rows


def pair_rows(block: Block, kind: str) -> list[dict[str, Any]] | None:
    """Skills (역량 | 수준 | 비고, 분야 | 기술 | 수준) or languages (Language | Level) from a
    table whose header names their fields; None when it does not."""
    if len(block.rows) < 2:
        return None
    header = block.rows[0]
    roles = column_roles(header)
    if "level" not in roles and "note" not in roles:
        return None  # 분야 | 기술: read as name and words elsewhere
    name_at = next((roles.index(r) for r in ("category", "name", "stack") if r in roles), 0)
    items = []
    for row in block.rows[1:]:
        if not any(c.strip() for c in row):
            continue
        name = row[name_at].strip() if name_at < len(row) else ""
        item: dict[str, Any] = {"language" if kind == "languages" else "name": name}
        for index, (role, cell) in enumerate(zip(roles, row, strict=False)):
            cell = cell.strip()
            if index == name_at or not cell:
                continue
            if kind == "languages":
                item["fluency"] = " · ".join(p for p in (item.get("fluency"), cell) if p)
            elif role == "level" and "level" not in item:
                item["level"] = cell
            else:
                item.setdefault("keywords", []).extend(_split(cell) if role == "stack" else [cell])
        items.append(item)
    return items
