"""GitHub's collapsible blocks used for jobs:

    <details><summary><b>Lattice Freight</b> · Staff Engineer · 2023 – now</summary>
    - Own the routing platform
    </details>

A summary that holds a period is the heading of one job (one level below its
section's heading); a summary without one ("Earlier") over dated headings or bold
lines holds several jobs: the summary is left out and each of them is a job's heading
at that level. Line for line; the tags themselves are dropped by md_hygiene."""

from __future__ import annotations

import re

from .md_dates import find_period
from .md_vocabulary import section_kind

SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)</summary>", re.IGNORECASE)
CLOSE = re.compile(r"</details\s*>", re.IGNORECASE)
BOLD = re.compile(r"<(b|strong)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE)
TAGS = re.compile(r"<[^>]+>")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)[^*_]+(?:\*\*|__).*$")


def _summary_text(html: str) -> str:
    return TAGS.sub("", BOLD.sub(lambda m: f"**{m.group(2).strip()}**", html)).strip()


def _job_level(lines: list[str], before: int) -> int:
    """One below the last section heading ("## Experience"), else that of the last
    heading (a job's like it)."""
    last: int | None = None
    for line in reversed(lines[:before]):
        found = HEADING.match(line)
        if found and section_kind(found.group(2)):
            return min(len(found.group(1)) + 1, 6)
        if found and last is None:
            last = len(found.group(1))
    return last or 3


def details_blocks(lines: list[str], text: list[bool], left_out: set[int]) -> list[str]:
    """``lines`` with each ``<details>`` job block's summary written as a heading; the
    summary of a block of several jobs ("Earlier") is added to ``left_out``."""
    lines = list(lines)
    for at, line in enumerate(lines):
        found = SUMMARY.search(line) if text[at] else None
        before = [b for b in lines[max(0, at - 2) : at] if b.strip()]
        opened = "<details" in line.lower() or (before and "<details" in before[-1].lower())
        if found is None or not opened:  # "<details>" over "<summary>…</summary>" too
            continue
        end = next((i for i in range(at + 1, len(lines)) if CLOSE.search(lines[i])), len(lines))
        summary = _summary_text(found.group(1))
        level = "#" * _job_level(lines, at)
        if find_period(summary)[0]:
            lines[at] = f"{level} {summary}"
            continue
        inner = [
            i
            for i in range(at + 1, end)
            if (HEADING.match(lines[i]) or BOLD_LINE.match(lines[i])) and find_period(lines[i])[0]
        ]
        if not inner:
            continue
        left_out.add(at + 1)  # "Earlier": no job's text
        for i in inner:
            heading = HEADING.match(lines[i])
            body = heading.group(2) if heading else lines[i].strip()
            lines[i] = f"{level} {body}"
    return lines
