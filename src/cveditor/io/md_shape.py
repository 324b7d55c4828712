"""What the lines under a heading say it is, whatever its words: a dated list, KPI
lines, an item whose first lines give its period, or nothing but private notes.
Split from md_classify, which reads the heading's words first."""

from __future__ import annotations

import re

from .md_blocks import Block, flatten
from .md_dates import SINGLE_DATE, find_period
from .md_outline import OutlineNode
from .md_sections import keyed_table
from .md_tables import table_items, table_kind
from .md_vocabulary import KEY_LINE, key_kind

ARROW = re.compile(r"→|->|⇒|=>")
LIST_PARTS = re.compile(r"\s*(?:,|，|、|·|/|\|)\s*")


def dated_line(text: str) -> bool:
    """A line that starts with one date ("[2017. 12] 특허 출원 …", "2021 대상")."""
    match = SINGLE_DATE.match(text)
    return bool(match) and match.group(1) is not None and not find_period(text)[0]


def kpi_lines(items: list[str]) -> bool:
    """Most lines are "label: before → after" (KPI bullets)."""
    hits = sum(1 for t in items if KEY_LINE.match(t) and ARROW.search(t))
    return bool(items) and hits * 2 >= len(items)


def skill_lists(items: list[str]) -> bool:
    """Every line is "area: a, b, c" (a short label over a list of things): what one
    can do, as a skills section lists it."""
    if not items:
        return False
    for text in items:
        match = KEY_LINE.match(text)
        value = match.group(2) if match else ""
        if not match or len(match.group(1).strip("*_ ")) > 20:
            return False
        if len([p for p in LIST_PARTS.split(value) if p.strip()]) < 2:
            return False
    return True


def keyed_period(node: OutlineNode) -> bool:
    """The first lines under a heading give its period ("**재직 기간**: 2021.03 ~ 현재"):
    the heading names an item (a job, a school), whatever its words."""
    first = next((c.block for c in node.children if c.block is not None), None)
    if first is None or first.kind not in ("paragraph", "bullets"):
        return False
    lines = first.text.split("\n") if first.kind == "paragraph" else []
    lines += [b.text for b in first.bullets] if first.kind == "bullets" else []
    for line in lines[:3]:
        match = KEY_LINE.match(line)
        if match and key_kind(match.group(1)) == "period" and find_period(line)[0]:
            return True
    return False


def all_private(node: OutlineNode) -> bool:
    """Everything under a heading is private (a task list, notes to self)."""
    blocks = [n.block for n in node.walk()[1:] if n.block is not None and n.role == "block"]
    return bool(blocks) and all(b.private for b in blocks)


PROJECT_WORD = re.compile(r"프로젝트|project", re.IGNORECASE)


def project_items(node: OutlineNode) -> bool:
    """Every item under a heading says it is a project ("2023.01 – 2023.06 · 앱 (개인
    프로젝트)"): a section of projects, whatever its heading says."""
    items = [c for c in node.children if c.is_heading]
    return bool(items) and all(
        any(c.block is not None and PROJECT_WORD.search(c.block.text) for c in item.walk())
        for item in items
    )


def node_blocks(node: OutlineNode) -> list[Block]:
    """The blocks under a heading (a block split off, such as goals, is its own)."""
    own = 0 if node.role == "block" else 1
    return [n.block for n in node.walk()[own:] if n.block is not None]


def competence(node: OutlineNode) -> str | None:
    """A heading of what one can do ("핵심역량"): skills when its lines list them, the
    summary when it is a paragraph or two of prose, else a section of its own."""
    if skill_lists(list_lines(node)):
        return "skills"
    blocks = node_blocks(node)
    if blocks and all(b.kind == "paragraph" and not b.private for b in blocks):
        return "summary"
    return None


def list_lines(node: OutlineNode) -> list[str]:
    """The bullets' lines under a heading (nested ones too)."""
    return [t for b in node_blocks(node) if b.kind == "bullets" for t in flatten(b.bullets)]


def only_table(node: OutlineNode, hint: str) -> bool:
    """One table, whose columns are not the items' fields: a custom table."""
    blocks = node_blocks(node)
    return (
        len(blocks) == 1
        and blocks[0].kind == "table"
        and not keyed_table(blocks[0])
        and not table_items(blocks[0], "work-project" if hint == "work-project" else hint)
    )


def table_target(node: OutlineNode, has_job: bool) -> str | None:
    """A section of one table whose header names the fields of items (Name | Stack |
    Link: projects; 자격증명 | 발급기관: certificates), whatever its heading says."""
    blocks = node_blocks(node)  # the table alone: under a job's sub-heading it is the job's
    if len(blocks) != 1 or blocks[0].kind != "table" or not blocks[0].rows:
        return None
    kind = table_kind(blocks[0].rows[0])
    if kind == "projects" and has_job and node.level > 0:
        return "work-project"
    return kind


def heading_items(node: OutlineNode) -> bool:
    """Everything under a heading is in sub-headings (items), more than one."""
    blocks = [c for c in node.children if not c.is_heading and c.block is not None]
    return sum(1 for c in node.children if c.is_heading) >= 2 and not blocks
