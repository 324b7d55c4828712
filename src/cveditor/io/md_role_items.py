"""Items written over several lines or blocks: an employer's heading over a
sub-heading or a bullet per role, and a paragraph pasted from a profile page (role,
company, dates, place). Split from md_sections, which finds where items start."""

from __future__ import annotations

from typing import Any

from .md_blocks import Block, sources
from .md_dates import find_period
from .md_entries import entry_from_line, is_role
from .md_job import PROJECT_WORDS, fill_entry, segments
from .md_opening import employer_line, opening_lines
from .md_vocabulary import title_text

__all__ = ["pasted_item", "role_parts"]

#: The entries a section read from its lines, kept for md_roles.settle_order.
Made = list[tuple[str, dict[str, Any], dict[str, Any]]]


def role_parts(heading: Block, part: list[Block]) -> list[dict[str, Any]]:
    """An employer's heading with a sub-heading per role: one job per role, each with
    the employer's name (and what was written under the employer before the roles)."""
    if find_period(heading.text)[0]:
        return []
    subs = [(sub, blocks) for sub, blocks in segments(part) if sub is not None]
    if not subs:
        return _bullet_roles(heading, part)
    for sub, blocks in subs:
        text = title_text(sub.text)
        first = next((b for b in blocks if b.kind == "paragraph"), None)
        dated = first is not None and find_period(first.text.split("\n")[0])[0]
        if PROJECT_WORDS.search(text) or not (is_role(find_period(text)[2]) or dated):
            return []
    company = entry_from_line(heading.text, "work")
    intro = [b for b in part if b not in [x for _s, bl in subs for x in bl]]
    intro = [b for b in intro if b.kind != "heading"]
    jobs = []
    for sub, blocks in subs:
        job = {k: v for k, v in company.items() if k in ("name", "location", "url")}
        start, end, rest = find_period(title_text(sub.text))
        job["position"] = rest
        if start:
            job["startDate"] = start
            if end:
                job["endDate"] = end
        fill_entry(job, blocks, "work")
        jobs.append(job)
    if intro:
        jobs[0]["description"] = sources(intro)
    return jobs


def _bullet_roles(heading: Block, part: list[Block]) -> list[dict[str, Any]]:
    """An employer's heading over a list of its roles, each a bullet with its period
    ("- **Senior Engineer** (2020 - present)") and what was done under it."""
    lists = [b for b in part if b.kind == "bullets"]
    if len(lists) != 1 or part[-1] is not lists[0] or not lists[0].bullets:
        return []
    roles = []
    for bullet in lists[0].bullets:
        start, end, rest = find_period(bullet.text.split("\n")[0])
        rest = title_text(rest)
        bold = bullet.text.lstrip().startswith(("**", "__"))
        if not start or not rest or len(rest) > 60 or not (bold or is_role(rest)):
            return []
        roles.append((bullet, start, end, rest))
    company = entry_from_line(heading.text, "work")
    jobs = []
    for bullet, start, end, rest in roles:
        job = {k: v for k, v in company.items() if k in ("name", "location", "url")}
        job.update(position=rest, startDate=start)
        if end:
            job["endDate"] = end
        more = [Block("bullets", bullets=bullet.children)] if bullet.children else []
        fill_entry(job, more + [Block("paragraph", t, source=t) for t in bullet.tail], "work")
        jobs.append(job)
    intro = [b for b in part if b is not lists[0]]
    if intro:
        jobs[0]["description"] = sources(intro)
    return jobs


def pasted_item(
    part: tuple[list[str], str, str],
    kind: str,
    made: list[tuple[str, dict[str, Any], dict[str, Any]]],
) -> tuple[dict[str, Any], list[Block]]:
    """One item of a pasted profile paragraph: its opening lines read together (role,
    company, dates, place), the rest its body; a role of a group carries the employer's
    name and employment type."""
    lines, employer, employment = part
    said = ""
    if kind == "work":
        lines = list(lines)
        for i, line in enumerate(lines[:3]):
            name, said_here = employer_line(title_text(line))
            if said_here:
                lines[i], said = name, said_here  # "Corvala · Full-time"
    if employer:
        entry: dict[str, Any] = {"name": employer, "position": title_text(lines[0])}
    else:
        entry = entry_from_line(lines[0], kind)
        made.append((lines[0], entry, dict(entry)))
    taken = opening_lines(entry, kind, [*lines[1:], ""])
    if said or employment:
        entry["description"] = said or employment
    rest = [x for x in lines[1 + taken :] if x.strip()]
    return entry, [Block("paragraph", x, source=x) for x in rest]
