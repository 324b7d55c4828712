"""A section of dated items → its items: one per sub-heading, per line that opens an
item ("2022.01 - 현재  회사, 직책"), or per bullet; md_job fills each item from the lines
under it."""

from __future__ import annotations

import re
from typing import Any

from .md_attach import results_of_items
from .md_blocks import Block, Bullet, Section, sources
from .md_cite import citation_lines
from .md_dates import SINGLE_DATE, find_period
from .md_employers import roles_of_bullets, roles_of_employers
from .md_entries import entry_from_line, issued_line
from .md_job import PROJECT_WORDS, all_keys, fill_entry, segments
from .md_mixed import item_field, listed_item
from .md_opening import pasted_items
from .md_projects import PROJECT_LABEL, job_project, key_line, project_from_bullet
from .md_role_items import pasted_item, role_parts
from .md_roles import opens_role_item, settle_order
from .md_tables import compound_columns, table_items, table_kind
from .md_vocabulary import SENTENCE, key_kind, title_text

__all__ = ["entries", "item_line", "keyed_table", "segments"]


def entries(section: Section, kind: str) -> list[dict[str, Any]] | None:
    """Items of a dated section: one per sub-heading, else one per top-level bullet;
    an employer's dated role bullets are its jobs (md_employers.roles_of_bullets)."""
    items = _entries(section, kind)
    return roles_of_bullets(items) if items and kind == "work" else items


def _entries(section: Section, kind: str) -> list[dict[str, Any]] | None:
    blocks = section.blocks
    sub_level = min((b.level for b in blocks if b.kind == "heading"), default=0)
    items: list[dict[str, Any]] = []
    made: list[tuple[str, dict[str, Any], dict[str, Any]]] = []  # settled in one order
    text_field = {"references": "reference", "projects": "description"}.get(kind, "summary")
    if sub_level:
        intro: list[Block] = []
        for block in blocks:
            if block.kind == "heading" and block.level == sub_level:
                break
            intro.append(block)
        current: dict[str, Any] | None = None
        rest = blocks[len(intro) :]
        if any(b.kind == "table" for b in intro) and (
            lead := _entries(Section("", 0, intro), kind)
        ):
            items, intro = lead, []  # a table of items, then "### 주요 성과" about them
        for heading, part in segments(rest):
            if heading is None:
                continue
            if items and results_of_items(items, part):
                continue  # "- 프로젝트명: 결과" under "### 주요 성과": the items' highlights
            if (
                kind == "work"
                and items
                and PROJECT_WORDS.search(heading.text)
                and (find_period(heading.text)[0] or PROJECT_LABEL.match(title_text(heading.text)))
            ):  # "### 차량 OTA 프로젝트 (2020.02 ~ 2020.07)", "### Project: X" after its job
                projects = items[-1].setdefault("x-cveditor", {}).setdefault("projects", [])
                projects.append(job_project(heading, part))
                continue
            if kind == "work" and (roles := role_parts(heading, part)):
                items += roles  # "### Company" over "#### Senior Designer", "#### Designer"
                continue
            for line, blocks in item_parts(part, kind):  # "Engineer, Foo (2018 - 2020)"
                current = _read(line or heading.text, kind, made)
                fill_entry(current, blocks, kind)
                items.append(current)
        if intro and items:
            first = items[0]
            intro_text = sources(intro)
            first[text_field] = "\n\n".join(p for p in (intro_text, first.get(text_field)) if p)
        _settle(made, kind)
        return roles_of_employers(items) if kind == "work" else items
    if any(item_line(line, kind) for b in blocks if b.kind == "paragraph" for line in _lines(b)):
        return _items_from_lines(blocks, kind)
    for block in blocks:
        if block.kind == "bullets" and items and _all_keyed(block):  # the item's "- 역할: …"
            fill_entry(items[-1], [block], kind)
        elif block.kind == "bullets" and _keyed_item(block):  # "- 학교 : …", "- 전공 : …"
            entry: dict[str, Any] = {}
            fill_entry(entry, [block], kind)
            items.append(entry)
        elif block.kind == "bullets":
            first_job: frozenset[str] | None = None  # the keys under the list's first job
            for bullet in block.bullets:
                keys = _child_keys(bullet)
                if (
                    kind == "work"
                    and items
                    and not _job_bullet(bullet)
                    and not (first_job and keys and keys <= first_job and "name" not in keys)
                    and (project := project_from_bullet(bullet))
                ):
                    items[-1].setdefault("x-cveditor", {}).setdefault("projects", []).append(
                        project
                    )
                    continue
                entry = _read(bullet.text, kind, made)
                if first_job is None and keys:
                    first_job = keys  # its siblings written alike are jobs too, not projects
                if bullet.children or bullet.tail:
                    children = [Block("bullets", bullets=bullet.children)]
                    children += [Block("paragraph", t, source=t) for t in bullet.tail]
                    fill_entry(entry, children, kind)
                items.append(entry)
        elif kind == "projects" and block.kind == "table" and (rows := project_rows(block)):
            items += rows  # | 기간 | 프로젝트 | 고객사 | 소속 | 역할 | 기술 |
        elif block.kind == "table" and keyed_table(block):  # | 기간 | 회사 | 직책 |
            header, body = compound_columns(block.rows[0], block.rows[1:])
            for row in body:
                lines = [f"{h}: {c}" for h, c in zip(header, row, strict=False) if c]
                entry = {}
                fill_entry(entry, [Block("paragraph", "\n".join(lines))], kind)
                items.append(entry)
        elif block.kind == "table" and (rows := table_items(block, kind)):
            items += rows  # | 자격증명 | 발급기관 | 취득일 |
        elif block.kind == "table":
            return None  # a table of items keeps its columns as a custom table section
        elif block.kind in ("paragraph", "html", "code", "heading"):
            if kind == "work" and items and block.kind == "paragraph" and all_keys(block):
                fill_entry(items[-1], [block], kind)
            elif items:
                field = text_field if kind not in ("education", "certificates") else None
                if field is None:
                    fill_entry(items[-1], [block], kind)
                else:
                    items[-1][field] = "\n\n".join(
                        p for p in (items[-1].get(field), block.source) if p
                    )
            else:
                lines = block.text.split("\n")
                entry = _read(lines[0], kind, made)
                rest = "\n".join(lines[1:]).strip()
                if rest:
                    fill_entry(entry, [Block("paragraph", rest, source=rest)], kind)
                items.append(entry)
    _settle(made, kind)
    return items


Made = list[tuple[str, dict[str, Any], dict[str, Any]]]


def _read(line: str, kind: str, made: Made) -> dict[str, Any]:
    """entry_from_line, remembered with its line and what it read for _settle."""
    entry = entry_from_line(line, kind)
    made.append((line, entry, dict(entry)))
    return entry


def _settle(made: Made, kind: str) -> None:
    """The section's entries read in the order its other entries were written
    (md_roles.settle_order), of those whose role and employer are still as their line
    gave them (a role line under a heading has said which is which)."""
    keys = ("name", "organization", "position")
    pairs = [(line, e) for line, e, read in made if all(e.get(k) == read.get(k) for k in keys)]
    settle_order(pairs, kind)


def item_parts(part: list[Block], kind: str) -> list[tuple[str | None, list[Block]]]:
    """An item's blocks, cut where a one-line paragraph after its bullets opens the
    next item ("Engineer, Foo (2018 - 2020)" between two lists): (that line, blocks)."""
    out: list[tuple[str | None, list[Block]]] = [(None, [])]
    seen_list = False
    if kind in ("work", "volunteer", "education"):
        part = _split_lazy_lines(part, kind)  # "- Led payments\nEngineer, Foo (2018 - 2020)"
    for block in part:
        line = block.text.strip() if block.kind == "paragraph" else ""
        opens = (
            kind in ("work", "volunteer", "education")
            and seen_list
            and "\n" not in line
            and len(line) <= 120
            and bool(find_period(line)[0])
            and not SENTENCE.search(find_period(line)[2])
            and key_line(line) is None
        )
        if opens:
            out.append((line, []))
            seen_list = False
            continue
        seen_list = seen_list or block.kind == "bullets"
        out[-1][1].append(block)
    return out


def _lines(block: Block) -> list[str]:
    return [line for line in block.text.split("\n") if line.strip()]


#: Keys that name an item's fields: a table whose header holds two of them lists items.
ITEM_KEYS = frozenset(
    {"period", "company", "position", "role", "school", "major", "degree", "graduation"}
)


def project_rows(block: Block) -> list[dict[str, Any]] | None:
    """A table whose header says it lists projects, read column by column."""
    header = block.rows[0] if block.rows else []
    return table_items(block, "projects") if table_kind(header) == "projects" else None


def keyed_table(block: Block) -> bool:
    """A table whose header names the items' fields (기간 | 회사 | 직책 | 담당 업무)."""
    header = block.rows[0] if block.rows else []
    return len(block.rows) > 1 and sum(1 for h in header if key_kind(h) in ITEM_KEYS) >= 2


def _job_bullet(bullet: Bullet) -> bool:
    """A bullet whose sub-bullets name a job's own fields (직급, 소속): a job of the list,
    not a project of the job before it."""
    keys = [key_line(child.text) for child in bullet.children]
    return any(k and k[2] in ("position", "company") for k in keys)


def _child_keys(bullet: Bullet) -> frozenset[str]:
    """The kinds of the "key: value" sub-bullets of a bullet (기간, 담당 …)."""
    keys = [key_line(child.text) for child in bullet.children]
    return frozenset(k[2] for k in keys if k and k[2])


def _all_keyed(block: Block) -> bool:
    return all(key_line(b.text) for b in block.bullets)


def _keyed_item(block: Block) -> bool:
    """A list of "key: value" bullets naming one item's fields (학교, 전공, 기간 …)."""
    keys = [key_line(b.text) for b in block.bullets if not b.children]
    kinds = {k[2] for k in keys if k}
    return (
        len(keys) == len(block.bullets) >= 2
        and all(keys)
        and bool(kinds & {"school", "company", "major", "degree"})
    )


def item_line(line: str, kind: str) -> bool:
    """A line that opens an item in a section without sub-headings: it holds a period
    ("2022.01 - 현재  회사, 직책"), or starts bold ("**Paystream** — …, 2019 – Present"),
    or, for a degree or a certificate, ends with a year."""
    text = line.strip()
    if find_period(text)[0]:
        return True
    if re.match(r"^(\*\*|__)[^*_]+(\*\*|__)\s*(?:\([^()]{1,20}\)\s*)?(?:[,|—–·@-]|$)", text):
        return True
    cells = re.split(r"\s*\|\s*", text)
    if len(cells) >= 3 and any(re.fullmatch(r"(?:19|20)\d{2}[.\-/]\d{1,2}\.?", c) for c in cells):
        return True  # "자격 | 2017.02 | 교육부": one item a line, the date a cell of it
    if kind == "publications" and citation_lines([text]):
        return True  # "Whitfield, E. M. (2021). Title. *Venue*, 8(2). https://doi.org/…"
    dated = SINGLE_DATE.match(text) if kind in ("certificates", "awards") else None
    if dated and dated.group(2).strip():
        return True  # "2017.06 제과기능사": the date first, one item a line
    return kind in ("education", "certificates", "awards", "publications") and bool(
        re.search(
            r"(?<!\d)(?:19|20)\d{2}\)?\.?$|\((?:19|20)\d{2}(?:\s*[.\-/]\s*\d{1,2}){0,2}\.?\)$", text
        )
    )


def _items_from_lines(blocks: list[Block], kind: str) -> list[dict[str, Any]]:
    """Items opened by item lines; the lines and bullets after one are its body."""
    items: list[tuple[dict[str, Any], list[Block]]] = []
    made: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    for block in _split_lazy_lines(blocks, kind):
        if block.kind == "bullets" and items and kind == "work":
            for bullet in block.bullets:  # "- **Data Analyst**, Lakeshore — … (2018–2022)"
                if opens_role_item(bullet.text):
                    items.append((_read(bullet.text, kind, made), []))
                    if bullet.children:
                        items[-1][1].append(Block("bullets", bullets=bullet.children))
                elif items[-1][1] and items[-1][1][-1].kind == "bullets":
                    items[-1][1][-1].bullets.append(bullet)
                else:
                    items[-1][1].append(Block("bullets", bullets=[bullet]))
            continue
        if block.kind != "paragraph":
            if items:
                items[-1][1].append(block)
            elif block.kind == "bullets":
                for bullet in block.bullets:
                    items.append((_read(bullet.text, kind, made), []))
                    if bullet.children:
                        items[-1][1].append(Block("bullets", bullets=bullet.children))
            else:
                items.append((_read(block.text.split("\n")[0], kind, made), []))
            continue
        if (parts := pasted_items(_lines(block), kind)) is not None:
            items += [pasted_item(part, kind, made) for part in parts]  # LinkedIn, pasted
            continue
        for line in _lines(block):
            if kind == "certificates" and items and issued_line(items[-1][0], line):
                continue  # "Issued Oct 2020" under "**Credential** — Issuer": its date
            if items and _dates_of_previous(line, items[-1]):
                items[-1][1].append(Block("paragraph", line, source=line))
            elif item_line(line, kind) or not items or listed_item(line, kind, items):
                items.append((_read(line, kind, made), []))
            else:
                items[-1][1].append(Block("paragraph", line, source=line))
    out = []
    for entry, body in items:
        fill_entry(entry, _merge_lines(body), kind)
        out.append(entry)
    _settle(made, kind)  # after the lines under each: "*Junior Designer*" said which is which
    return out


def _dates_of_previous(line: str, item: tuple[dict[str, Any], list[Block]]) -> bool:
    """ "*March 2021 – Present* · San Francisco, CA" right under "**Lumen Health** —
    Senior Product Designer": the dates of that item, not an item of their own."""
    entry, body = item
    if body or entry.get("startDate") or entry.get("date"):
        return False
    start, _end, rest = find_period(title_text(line))
    return bool(start) and len(rest) <= 40 and not SENTENCE.search(rest)


def _split_lazy_lines(blocks: list[Block], kind: str) -> list[Block]:
    """A line under a bullet without its own marker continues the bullet's text
    (CommonMark's lazy lines); when it opens an item ("2019.07 - 2021.12  회사") it
    is taken out, and the bullets after it belong to that item."""
    out: list[Block] = []
    for block in blocks:
        if block.kind != "bullets":
            out.append(block)
            continue
        current: list[Bullet] = []
        for bullet in block.bullets:
            lines = bullet.text.split("\n")
            cuts = (
                i
                for i, line in enumerate(lines)
                if i and (item_line(line, kind) or item_field(line))
            )
            cut = next(cuts, None)
            if cut is None:
                current.append(bullet)
                continue
            current.append(Bullet("\n".join(lines[:cut]), number=bullet.number))
            out.append(Block("bullets", bullets=current))
            opening = "\n".join(lines[cut:])
            out.append(Block("paragraph", opening, source=opening))
            current = []
            if bullet.children or bullet.tail:
                current.append(Bullet("", children=bullet.children, tail=bullet.tail))
        if current:
            out.append(Block("bullets", bullets=[b for b in current if b.text or b.children]))
    return out


def _merge_lines(blocks: list[Block]) -> list[Block]:
    """Consecutive one-line paragraphs back into one paragraph."""
    out: list[Block] = []
    for block in blocks:
        if out and block.kind == out[-1].kind == "paragraph" and out[-1].source != "":
            out[-1] = Block(
                "paragraph",
                out[-1].text + "\n" + block.text,
                source=out[-1].source + "\n" + block.source,
            )
        else:
            out.append(block)
    return out
