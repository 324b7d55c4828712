"""The lines before a document's first section: what they are (contact details for
the profile, a summary, a list of jobs) and whether they name an employer (소속 : …),
which makes a "프로젝트" section the projects of that job. Badge rows are no text."""

from __future__ import annotations

import re

from .md_asides import item_table, pictures, pictures_only
from .md_blocks import Block, flatten
from .md_byline import byline_job
from .md_dates import find_period
from .md_names import person_name
from .md_outline import OutlineNode
from .md_vocabulary import BADGE, KEY_LINE, is_contact, key_kind


def preamble_target(block: Block) -> str:
    """Lines before the first section: contact details go to the profile, the rest
    to the summary; a list of dated periods is a list of jobs."""
    if block.kind == "html" or "<img" in block.text or "![" in block.text:
        return "basics"
    if block.kind == "bullets":
        items = [b.text for b in block.bullets]
        keys = [key_kind(m.group(1)) for t in items if (m := KEY_LINE.match(t))]
        if "person" in keys and sum(1 for k in keys if k) * 2 > len(items):
            return "basics"  # "- 성명: …", "- 지원 부서: …", "- 현 근무지: … (2022.03 ~ 현재)"
        if sum(1 for t in items if find_period(t)[0]) >= 2:
            return "work"
        return "basics" if any(is_contact(t) for t in flatten(block.bullets)) else "summary"
    if block.kind == "paragraph":
        lines = block.text.split("\n")
        if person_name(lines[0]) or any(is_contact(line) for line in lines):
            return "basics"
        keys = [key_kind(m.group(1)) for line in lines if (m := KEY_LINE.match(line))]
        return "basics" if "person" in keys else "summary"  # "Name: … / Team: …"
    if kind := item_table(block):
        return kind  # | 자격증명 | 발급기관 | 취득일 | before any section
    if block.kind == "table":
        cells = [row[0] for row in block.rows if row] + [c for r in block.rows for c in r]
        return "basics" if any(key_kind(c) or is_contact(c) for c in cells) else "summary"
    return "summary"


def badges_only(block: Block) -> bool:
    """A row of badge pictures (shields.io …) and nothing else."""
    return pictures_only(block) and all(BADGE.search(src) for src in pictures(block))


def preamble_job(title: OutlineNode | None, roots: list[OutlineNode]) -> bool:
    """Whether the lines before the first section name an employer (소속 : …)."""
    blocks = [c.block for c in (title.children if title else []) if c.block is not None]
    for root in roots:
        if root.is_heading:
            break
        if root.block is not None:
            blocks.append(root.block)
    for block in blocks:
        lines = block.text.split("\n") if block.kind == "paragraph" else []
        lines += [b.text for b in block.bullets] if block.kind == "bullets" else []
        for line in lines:  # "소속 : 회사", "- **소속**: 회사 팀"
            for piece in re.split(r"\s+[·|•]\s+", line):
                match = KEY_LINE.match(piece)
                if match and key_kind(match.group(1)) == "company":
                    return True
                if match and key_kind(match.group(1)) == "team" and ", " in match.group(2):
                    return True  # "Team: Payments Risk, Calloway Bank": a team of an employer
                if match and key_kind(match.group(1)) == "person" and byline_job(match.group(2)):
                    return True  # "작성자: 이름 / 직위 / 팀 / (주)회사"
    return False
