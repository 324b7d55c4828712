"""Lines of a skills list that name another section, as a 보유 역량 list mixes them
("- 자격 : 품질경영기사 (2019.05), 6시그마 GB (2021.03)", "- 어학 ： 영어 (회의 진행 가능)"):
certificates and languages of their own, not skills named 자격 and 어학."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .md_blocks import Block, Bullet
from .md_entries import entry_from_line
from .md_split import split_outside
from .md_vocabulary import KEY_LINE, key_kind, section_kind

#: Labels of spoken languages (a skills list's "Languages:" is programming languages).
SPOKEN = re.compile(r"[가-힣]|spoken|foreign|human|natural", re.IGNORECASE)
#: The sections a skills line may name instead of a skill.
MOVED = ("certificates", "languages")


def _kind(text: str) -> str | None:
    match = KEY_LINE.match(text)
    if match is None or not match.group(2).strip():
        return None
    label = match.group(1)
    kind = "certificates" if key_kind(label) == "licence" else section_kind(label)
    if kind == "languages" and not SPOKEN.search(label):
        return None  # "Languages: Python, R, SQL": a group of skills
    return kind if kind in MOVED else None


Foreign = tuple[list[Block], list[dict[str, Any]], list[str], dict[str, str]]


def foreign_lines(body: list[Block]) -> Foreign:
    """(the skills' blocks without those lines, the certificates they name, the
    languages' values as written, each moved section's label as written)."""
    kept: list[Block] = []
    certificates: list[dict[str, Any]] = []
    languages: list[str] = []
    labels: dict[str, str] = {}

    def take(text: str) -> bool:
        kind = _kind(text)
        match = KEY_LINE.match(text)
        if kind is None or match is None:
            return False
        value = match.group(2).strip()
        labels.setdefault(kind, match.group(1).strip("*_ "))
        if kind == "certificates":
            certificates.extend(entry_from_line(p, kind) for p in split_outside(value, r",\s+"))
        else:
            languages.extend(split_outside(value, r",\s+"))
        return True

    for block in body:
        if block.kind == "bullets":
            rest: list[Bullet] = [b for b in block.bullets if not take(b.text)]
            if rest:
                kept.append(replace(block, bullets=rest))
        elif block.kind == "paragraph":
            lines = [line for line in block.text.split("\n") if not take(line)]
            if lines:
                text = "\n".join(lines)
                kept.append(replace(block, text=text, source=text))
        else:
            kept.append(block)
    return kept, certificates, languages, labels
