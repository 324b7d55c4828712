"""What the lines under a heading say it is, whatever its words: a dated list, KPI
lines, an item whose first lines give its period, or nothing but private notes.
Split from md_classify, which reads the heading's words first."""

from __future__ import annotations

import re

from .md_dates import SINGLE_DATE, find_period
from .md_outline import OutlineNode
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
