"""Pandoc's definition lists, as CVs written for Pandoc use them:

    Brightline Retail, Manchester
    :   Senior Data Scientist — March 2021 to present

        Leads the forecasting team.          (indented: the definition's own blocks)

A term whose definition has blocks of its own is an item's heading (the definition
its first line, the blocks dedented under it); a term with a one-line definition
("Languages" / ":   Python, R") is a "- term: definition" bullet. Line for line."""

from __future__ import annotations

import re

from .md_vocabulary import section_kind

DEFINITION = re.compile(r"^ {0,3}[:~](?:\s{1,4})(\S.*)$")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s")
NOT_A_TERM = re.compile(r"^\s*(?:[-*+>|#:~]|\d+[.)]\s|<)")


def _term(lines: list[str], at: int) -> int | None:
    """The line of the term a definition at ``at`` defines (one blank line may be
    between them), or None."""
    index = at - 1
    if index >= 0 and not lines[index].strip():
        index -= 1
    if index < 0 or not lines[index].strip() or NOT_A_TERM.match(lines[index]):
        return None
    if lines[index].startswith((" ", "\t")):
        return None
    return index


def _level(lines: list[str], before: int, made: set[int]) -> int:
    """One below the author's last heading (not a term made a heading here)."""
    for index in range(before - 1, -1, -1):
        found = HEADING.match(lines[index]) if index not in made else None
        if found:
            return min(len(found.group(1)) + 1, 6)
    return 3


def _joint(lines: list[str], term: int) -> str:
    """ ": " between a term and its one-line definition ("Languages: Python, R"); in a
    section of items (education, talks) " — ", so the term is the item's first part."""
    for line in reversed(lines[:term]):
        found = HEADING.match(line)
        if found:
            kind = section_kind(line[len(found.group(0)) :])
            return ": " if kind in (None, "skills", "languages", "interests") else " — "
    return ": "


def definition_lists(lines: list[str], text: list[bool]) -> list[str]:
    """``lines`` with every definition list written as headings or bullets."""
    lines = list(lines)
    made: set[int] = set()
    for at, line in enumerate(lines):
        found = DEFINITION.match(line) if text[at] else None
        term = _term(lines, at) if found else None
        if found is None or term is None:
            continue
        end = at + 1
        while (
            end < len(lines)
            and text[end]
            and (not lines[end].strip() or lines[end].startswith(("    ", "\t")))
        ):
            end += 1
        while end > at + 1 and not lines[end - 1].strip():
            end -= 1
        definition = found.group(1).strip()
        if end == at + 1:
            lines[term] = f"- {lines[term].strip()}{_joint(lines, term)}{definition}"
            lines[at] = ""
            continue
        lines[term] = "#" * _level(lines, term, made) + " " + lines[term].strip()
        made.add(term)
        lines[at] = definition
        for inner in range(at + 1, end):
            lines[inner] = re.sub(r"^(?:    |\t)", "", lines[inner])
    return lines
