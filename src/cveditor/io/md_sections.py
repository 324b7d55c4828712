"""One Markdown section → résumé data: dated items with their projects, skill pairs,
or a custom section (table, dated list, bullet list, STAR notes, free text)."""

from __future__ import annotations

import re
from typing import Any

from ..model.dates import DateParseError, parse_date
from .md_blocks import Block, Bullet, Section, flatten, sources
from .md_vocabulary import (
    KEY_LINE,
    SINGLE_DATE,
    SINGLE_DATE_FIELD,
    URL,
    find_period,
    key_kind,
    plain,
    title_text,
)


def only_value(text: str, value: str) -> bool:
    """True when ``text`` holds nothing but ``value`` (and link/emphasis marks)."""
    rest = plain(text.replace(value, " "))
    rest = re.sub(r"[\[\]()<>]", " ", rest).strip()
    return not rest or rest.lower() in {value.lower(), "mailto:", "tel:"}


def _key_values(
    bullets: list[Bullet],
) -> tuple[dict[str, tuple[str, str]], list[tuple[str, str]], list[Bullet]]:
    """Split bullets into known keys (kind → (label as written, value)), other
    "key: value" lines and plain bullets."""
    known: dict[str, str] = {}
    labels: dict[str, str] = {}  # how the author wrote each known key
    other: list[tuple[str, str]] = []
    rest: list[Bullet] = []
    for bullet in bullets:
        match = KEY_LINE.match(bullet.text) if "\n" not in bullet.text else None
        if match and not URL.match(bullet.text.strip()):
            key, value = match.group(1).strip(), match.group(2).strip()
            kind = key_kind(key)
            if bullet.children:
                value = "\n".join([value, *(f"- {t}" for t in flatten(bullet.children))]).strip()
            if kind and kind not in known:
                known[kind] = value
                labels[kind] = plain(key)
                continue
            if len(plain(key)) <= 20:
                other.append((plain(key), value))
                continue
        rest.append(bullet)
    known_labeled = {kind: (labels[kind], value) for kind, value in known.items()}
    return known_labeled, other, rest


def _apply_known(
    entry: dict[str, Any], known: dict[str, tuple[str, str]], *, project: bool
) -> list[str]:
    """Put recognised keys into the entry; returns "key: value" lines it could not place."""
    spare: list[str] = []
    for kind, (label, value) in known.items():
        if kind == "period":
            start, end, rest = find_period(value)
            if start:
                entry["startDate"], entry["endDate"] = start, end
                if rest:
                    spare.append(f"{label}: {rest}")
            else:
                try:
                    single = parse_date(value)
                except DateParseError:
                    single = None
                if single:
                    entry["startDate"] = single.iso()
                else:
                    spare.append(f"{label}: {value}")
        elif kind == "techStack" and project:
            entry["techStack"] = [t.strip() for t in re.split(r",|/|·|\n-", value) if t.strip(" -")]
        elif kind in ("name", "officialName", "team", "role") and project:
            entry[kind] = value
        elif kind == "summary":
            entry["summary"] = value
        else:  # kept as the author wrote it: "사용 기술 스택: Go, Flask"
            spare.append(f"{label}: {value}")
    return spare


def _entry_from_heading(text: str, kind: str) -> dict[str, Any]:
    text = " ".join(text.split())  # a heading is one line, even if a <br> broke it
    start, end, rest = find_period(text)
    entry: dict[str, Any] = {}
    if start:
        entry["startDate"] = start
        if end:
            entry["endDate"] = end
    elif kind in SINGLE_DATE_FIELD and (match := SINGLE_DATE.match(rest)) and "[" in rest[:1]:
        try:
            when = parse_date(match.group(1))
        except DateParseError:
            when = None
        if when is not None:  # "[2017.12] 특허 출원 …"
            entry[SINGLE_DATE_FIELD[kind]] = when.iso()
            rest = match.group(2)
    parts = [p.strip() for p in re.split(r"\s+[|·@—–-]\s+|\s+at\s+|,\s+", rest) if p.strip()]
    first = {
        "work": "name",
        "education": "institution",
        "volunteer": "organization",
        "awards": "title",
        "projects": "name",
        "certificates": "name",
        "publications": "name",
        "references": "name",
    }[kind]
    second = {
        "work": "position",
        "education": "area",
        "volunteer": "position",
        "awards": "awarder",
        "projects": "entity",
        "certificates": "issuer",
        "publications": "publisher",
        "references": "reference",
    }[kind]
    if parts:
        entry[first] = parts[0]
        if len(parts) > 1:
            entry[second] = " · ".join(parts[1:])
    else:
        entry[first] = rest
    return entry


def _project_from_bullet(bullet: Bullet) -> dict[str, Any] | None:
    """A bullet whose sub-bullets are 프로젝트 명 / 수행 기간 / … lines is a project."""
    known, other, rest = _key_values(bullet.children)
    head = KEY_LINE.match(bullet.text)
    head_is_name = bool(head) and key_kind(head.group(1)) == "name"
    if not (
        {"period", "techStack", "officialName", "team"} & known.keys()
        or "name" in known
        or head_is_name
    ):
        return None
    project: dict[str, Any] = {}
    if head_is_name:
        project["name"] = head.group(2).strip()
    elif "name" not in known:
        project["name"] = bullet.text
    elif bullet.text.strip():
        project["fields"] = [{"label": "", "value": bullet.text}]
    spare = _apply_known(project, known, project=True)
    fields = project.setdefault("fields", [])
    fields += [{"label": k, "value": v} for k, v in other]
    fields += [{"label": "", "value": s} for s in spare]
    project["highlights"] = flatten(rest)
    if not fields:
        project.pop("fields")
    if not project["highlights"]:
        project.pop("highlights")
    return project


def _fill_entry(entry: dict[str, Any], blocks: list[Block], kind: str) -> None:
    """Paragraphs → summary; bullets → highlights, projects (work) or known fields."""
    summary: list[str] = [entry.pop("summary")] if entry.get("summary") else []
    highlights: list[str] = []
    for block in blocks:
        if block.kind == "bullets":
            for bullet in block.bullets:
                project = _project_from_bullet(bullet) if kind == "work" else None
                if project is not None:
                    entry.setdefault("x-cveditor", {}).setdefault("projects", []).append(project)
                    continue
                known, other, rest = _key_values([bullet])
                spare = _apply_known(entry, known, project=False) if known else []
                highlights += [f"{k}: {v}" for k, v in other] + spare + flatten(rest)
        elif block.kind == "heading" and kind == "work":
            entry.setdefault("x-cveditor", {}).setdefault("projects", []).append(
                {"name": plain(block.text) or block.text}
            )
        elif block.kind in ("paragraph", "html", "code", "table", "heading"):
            text = block.text if block.kind in ("paragraph", "code") else block.source
            if (block.kind == "paragraph" and kind != "work") or not entry.get("x-cveditor"):
                summary.append(text)
            else:
                project = entry["x-cveditor"]["projects"][-1]
                project["summary"] = "\n\n".join(p for p in (project.get("summary"), text) if p)
    text_field = {"references": "reference", "education": "score"}.get(kind, "summary")
    if kind == "education":
        highlights = summary + highlights
        summary = []
        if highlights:
            entry["courses"] = highlights
        return
    if kind in ("certificates",):
        highlights = summary + highlights
        if highlights:
            entry["name"] = " — ".join([entry.get("name", ""), *highlights]).strip(" —")
        return
    if summary:
        entry[text_field] = "\n\n".join(summary)
    if highlights:
        if kind in ("awards", "publications"):
            entry["summary"] = "\n".join([entry.get("summary", ""), *highlights]).strip()
        else:
            entry["highlights"] = highlights


def entries(section: Section, kind: str) -> list[dict[str, Any]] | None:
    """Items of a dated section: one per sub-heading, else one per top-level bullet."""
    blocks = section.blocks
    sub_level = min((b.level for b in blocks if b.kind == "heading"), default=0)
    items: list[dict[str, Any]] = []
    if sub_level:
        intro = [b for b in _until_heading(blocks, sub_level)]
        current: dict[str, Any] | None = None
        body: list[Block] = []
        for block in blocks[len(intro) :]:
            if block.kind == "heading" and block.level == sub_level:
                if current is not None:
                    _fill_entry(current, body, kind)
                    items.append(current)
                current, body = _entry_from_heading(block.text, kind), []
            else:
                body.append(block)
        if current is not None:
            _fill_entry(current, body, kind)
            items.append(current)
        if intro and items:
            first = items[0]
            intro_text = "\n\n".join(b.source for b in intro)
            first["summary" if kind != "references" else "reference"] = "\n\n".join(
                p for p in (intro_text, first.get("summary", "")) if p
            )
        return items
    for block in blocks:
        if block.kind == "bullets":
            for bullet in block.bullets:
                entry = _entry_from_heading(bullet.text, kind)
                if bullet.children:
                    _fill_entry(entry, [Block("bullets", bullets=bullet.children)], kind)
                items.append(entry)
        elif block.kind == "table":
            return None  # a table of items keeps its columns as a custom table section
        elif block.kind in ("paragraph", "html", "code", "heading"):
            if items:
                key = "reference" if kind == "references" else "summary"
                items[-1][key] = "\n\n".join(p for p in (items[-1].get(key), block.source) if p)
            else:
                entry = _entry_from_heading(block.text.split("\n")[0], kind)
                rest = "\n".join(block.text.split("\n")[1:]).strip()
                if rest:
                    entry["reference" if kind == "references" else "summary"] = rest
                items.append(entry)
    return items


def _until_heading(blocks: list[Block], level: int) -> list[Block]:
    out = []
    for block in blocks:
        if block.kind == "heading" and block.level == level:
            break
        out.append(block)
    return out


def pairs(section: Section, kind: str) -> list[dict[str, Any]] | None:
    """Skills ("Backend: Go, Python"), languages ("English — fluent"), interests."""
    items: list[dict[str, Any]] = []
    name_key = "language" if kind == "languages" else "name"
    value_key = "fluency" if kind == "languages" else "keywords"
    for block in section.blocks:
        if block.kind == "bullets":
            for bullet in block.bullets:
                for line in [bullet.text, *flatten(bullet.children, "")]:
                    items.append(_pair(line, name_key, value_key))
        elif block.kind == "table":
            rows = block.rows[1:] if len(block.rows) > 1 else block.rows
            for row in rows:
                items.append(
                    _pair(
                        " : ".join([row[0], ", ".join(row[1:])]) if len(row) > 1 else row[0],
                        name_key,
                        value_key,
                    )
                )
        elif block.kind == "heading":
            items.append({name_key: title_text(block.text) or block.text})
        elif block.kind in ("paragraph", "html", "code"):
            for line in block.text.split("\n"):
                if line.strip():
                    items.append(_pair(line, name_key, value_key))
    return items


def _pair(line: str, name_key: str, value_key: str) -> dict[str, Any]:
    match = KEY_LINE.match(line)
    if match and match.group(2).strip():
        name, value = match.group(1).strip(), match.group(2).strip()
    else:
        parts = re.split(r"\s+[—–-]\s+|\s*\|\s*", line, maxsplit=1)
        name, value = (parts[0], parts[1]) if len(parts) == 2 else (line, "")
    item: dict[str, Any] = {name_key: name}
    if value:
        if value_key == "keywords":
            item["keywords"] = [v.strip() for v in re.split(r",|/(?!/)|·", value) if v.strip()]
        else:
            item[value_key] = value
    return item


def custom_section(section: Section, index: int) -> dict[str, Any]:
    title = title_text(section.title) or section.title
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or f"section-{index + 1}"
    section_id = f"md-{slug}-{index + 1}"
    blocks = section.blocks
    kinds = {b.kind for b in blocks}
    lines = [line for b in blocks for line in b.source.split("\n") if line.strip()]
    star = sum(1 for line in lines if re.match(r"^\s*[-*]?\s*\**[STAR]\**\s*[:：.]", line))
    if star >= 2:
        return {
            "id": section_id,
            "title": title,
            "kind": "notes",
            "notes": [{"title": title, "text": sources(blocks)}],
        }
    if kinds == {"table"} and len(blocks) == 1 and blocks[0].rows:
        rows = blocks[0].rows
        return {
            "id": section_id,
            "title": title,
            "kind": "table",
            "header": rows[0],
            "rows": rows[1:],
        }
    if kinds == {"bullets"}:
        entries = []
        for line in (t for b in blocks for t in flatten(b.bullets)):
            match = SINGLE_DATE.match(line)
            if not match or find_period(line)[0]:  # a period is not one date
                entries = None
                break
            try:
                date = parse_date(match.group(1))
            except DateParseError:
                entries = None
                break
            entries.append({"date": date.iso() if date else None, "title": match.group(2)})
        if entries:
            return {"id": section_id, "title": title, "kind": "dated", "entries": entries}
        return {
            "id": section_id,
            "title": title,
            "kind": "list",
            "items": [t for b in blocks for t in flatten(b.bullets)],
        }
    return {"id": section_id, "title": title, "kind": "text", "text": sources(blocks)}
