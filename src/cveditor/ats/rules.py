"""The structure rules a theme follows so that a parser reads it right (docs/ats.md),
checked on an exported PDF against the résumé it prints.

Each rule has an id; ``check_rules`` returns every breach found, naming the rule, what
the parser saw, and the fields the breach costs (so the ATS check can say why a field
came out wrong).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.resume import Resume
from .expected import Expected, expected_resume
from .parse import LARGER, Parsed, is_heading, split_items
from .pdftext import Line, Run
from .vocabulary import (
    CONTACT_LABELS,
    DECORATION,
    SEPARATOR,
    find_period,
    heading_kind,
    normal,
)

RULES: dict[str, str] = {
    "name-first": "The name alone on the first line.",
    "contact-runs": "Each contact item its own text run; a separator sits in the same run "
    "as its spaces, or the items are on separate lines.",
    "job-lines": "A job's title and company on separate lines; the dates on the title's line.",
    "degree-lines": "A degree's institution on its own line; the degree and field on the next.",
    "plain-headings": "Section headings are plain words in the text layer (no ■ or other "
    "glyph), bold and larger than the text.",
    "nothing-above": "Nothing but the name, the headline, the contact items (with their "
    "labels) and the summary above the first section.",
    "main-first": "In two columns, the text layer reads the main column first.",
    "word-spaces": "A space between words is drawn in a text run with a word, never as a "
    "run of its own (parsers drop such runs and glue the words).",
}


@dataclass
class Violation:
    rule: str
    detail: str  # what the parser saw
    fields: list[str] = field(default_factory=list)  # keys of the fields it costs

    def __str__(self) -> str:
        return f"{self.rule}: {self.detail}"


def check_rules(
    parsed: Parsed, resume: Resume, *, main_column_x: float | None = None
) -> list[Violation]:
    """Every breach of the structure rules in the parsed PDF of ``resume``.
    ``main_column_x``: where a two-column page's main column starts (the sidebar is to
    its left), None for one column."""
    expected = expected_resume(resume)
    found: list[Violation] = []
    found += _name_first(parsed, expected)
    found += _contact_runs(parsed, expected)
    found += _entries(parsed, expected)
    found += _headings(parsed)
    found += _nothing_above(parsed, expected)
    found += _word_spaces(parsed)
    if main_column_x is not None:
        found += _main_first(parsed, main_column_x)
    return found


def _name_first(parsed: Parsed, expected: Expected) -> list[Violation]:
    if not expected.name or parsed.name == expected.name:
        return []
    return [Violation("name-first", f"the first line reads {parsed.name!r}", ["name"])]


def _contact_lines(parsed: Parsed) -> list[Line]:
    lines = list(parsed.header)
    for section in parsed.sections:
        if section.kind == "contact":
            lines += section.lines
    return lines


def _contact_runs(parsed: Parsed, expected: Expected) -> list[Violation]:
    found: list[Violation] = []
    values = {key: value for key, value in expected.contacts.items() if value}
    for line in _contact_lines(parsed):
        runs = sorted(line.runs, key=lambda r: r.x)
        for run in runs:
            if _bare_separator(run):
                found.append(
                    Violation(
                        "contact-runs",
                        f"the separator {run.text.strip()!r} is a run without its spaces "
                        f"in {line.text!r}",
                    )
                )
        for run in line.visible:
            held = [key for key, value in values.items() if _holds(run.text, value)]
            if len(held) > 1:
                found.append(
                    Violation(
                        "contact-runs",
                        f"one text run holds {', '.join(held)}: {run.text.strip()!r}",
                        held,
                    )
                )
    items = [item for line in _contact_lines(parsed) for item in split_items(line)]
    for key, value in values.items():
        if not any(_same(item, value) for item in items):
            near = [item for item in items if _holds(item, value)]
            seen = repr(near[0]) if near else "nothing"
            found.append(
                Violation(
                    "contact-runs",
                    f"{key} {value!r} is not an item of its own; the parser gets {seen}",
                    [key],
                )
            )
    return _merge(found)


def _bare_separator(run: Run) -> bool:
    """A run that is only a separator character, its spaces in other runs."""
    text = run.text
    return len(text.strip()) == 1 and text.strip() in "·|•" and text == text.strip()


def _holds(text: str, value: str) -> bool:
    return _squash(value) in _squash(text)


def _same(item: str, value: str) -> bool:
    return _squash(item) == _squash(value)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold().removeprefix("https://").removeprefix("http://")


def _entries(parsed: Parsed, expected: Expected) -> list[Violation]:
    found: list[Violation] = []
    for n, job in enumerate(expected.jobs):
        key = f"work[{n}]"
        found += _entry_lines(
            parsed,
            "job-lines",
            key,
            job.title,
            job.company,
            [job.company],
            dated=bool(job.start or job.end),
        )
    for n, degree in enumerate(expected.degrees):
        key = f"education[{n}]"
        parts = [p for p in (degree.study_type, degree.area) if p]
        found += _entry_lines(
            parsed,
            "degree-lines",
            key,
            degree.institution,
            degree.study_type,
            parts,
            dated=degree.dated,
        )
    return found


def _entry_lines(
    parsed: Parsed,
    rule: str,
    key: str,
    head: str,
    not_on_head: str,
    next_line: list[str],
    *,
    dated: bool,
) -> list[Violation]:
    """The entry's head line holds ``head`` (and its dates), not ``not_on_head``; the
    line after it holds every part of ``next_line``."""
    if not head:
        return []
    fields = [key]
    kind = "work" if rule == "job-lines" else "education"
    section = [line for s in parsed.sections if s.kind == kind for line in s.lines]
    lines = section or parsed.lines[1 + len(parsed.header) :]
    index = None
    for matches in (  # the line that is the head, else one that starts with it, else holds it
        lambda text: _same(_without_period(text), head),
        lambda text: _squash(text).startswith(_squash(head)),
        lambda text: _holds(text, head),
    ):
        index = next((i for i, line in enumerate(lines) if matches(line.text)), None)
        if index is not None:
            break
    if index is None:
        return [Violation(rule, f"no line holds {head!r}", fields)]
    line = lines[index]
    found = []
    if not_on_head and _holds(line.text, not_on_head) and not _holds(head, not_on_head):
        found.append(
            Violation(rule, f"{head!r} and {not_on_head!r} share a line: {line.text!r}", fields)
        )
    if dated and not find_period(line.text):
        found.append(
            Violation(rule, f"the dates are not on the line of {head!r}: {line.text!r}", fields)
        )
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    missing = [part for part in next_line if part and not _holds(following, part)]
    if missing and not found:
        found.append(
            Violation(
                rule,
                f"the line after {head!r} reads {following!r}, not {' · '.join(next_line)!r}",
                fields,
            )
        )
    return found


def _without_period(text: str) -> str:
    match = find_period(text)
    return (text[: match.start()] + text[match.end() :]).strip() if match else text


def _headings(parsed: Parsed) -> list[Violation]:
    """Every line a parser takes for a heading, or that holds a heading's words behind
    a glyph, is plain words, bold and larger."""
    found: list[Violation] = []
    for line in parsed.lines[1:]:
        text = line.text
        if DECORATION.search(text):
            bare = DECORATION.sub("", text).strip()
            if bare and heading_kind(bare) is not None:
                found.append(
                    Violation(
                        "plain-headings",
                        f"the heading {text!r} carries a glyph as text; a "
                        "parser does not take it for a heading",
                        ["sections"],
                    )
                )
            continue
        if is_heading(line, parsed.body) is None:
            if heading_kind(text) is not None:
                found.append(
                    Violation(
                        "plain-headings",
                        f"the heading {text!r} is neither bold nor larger: a "
                        "parser reads it as text",
                        ["sections"],
                    )
                )
            continue
        problems = []
        if not line.bold:
            problems.append("not bold")
        if line.size < parsed.body * LARGER:
            problems.append(f"not larger than the text ({line.size:g} pt, text {parsed.body:g} pt)")
        if problems:
            found.append(
                Violation(
                    "plain-headings",
                    f"the heading {text!r} is {' and '.join(problems)}",
                    ["sections"],
                )
            )
    return found


def _nothing_above(parsed: Parsed, expected: Expected) -> list[Violation]:
    allowed = [v for v in (expected.label, *expected.contacts.values(), *expected.profiles) if v]
    summary = _squash(expected.summary)
    found = []
    first = parsed.lines[0].text if parsed.lines else ""
    if expected.name and first and not _same(first, expected.name):
        found.append(Violation("nothing-above", f"{first!r} comes before the name", ["name"]))
    for line in parsed.header:
        for item in split_items(line):
            bare = SEPARATOR.sub(" ", item).strip(" ·|•")
            if not bare or normal(bare) in LABELS:
                continue
            if any(_holds(value, bare) for value in allowed) or (
                summary and _squash(bare) in summary
            ):
                continue
            found.append(
                Violation(
                    "nothing-above",
                    f"{bare!r} comes before the first section",
                    ["name"] if line is parsed.header[0] else [],
                )
            )
    return found


LABELS = {normal(label) for label in CONTACT_LABELS}


def _word_spaces(parsed: Parsed) -> list[Violation]:
    """Lines where a space between two words is a run of its own, so the words glue."""
    glued = []
    for line in parsed.lines:
        runs = sorted(line.runs, key=lambda r: r.x)
        if any(run.blank and 0 < i < len(runs) - 1 for i, run in enumerate(runs)):
            glued.append(line.text)
    if not glued:
        return []
    shown = ", ".join(repr(text[:40]) for text in glued[:3])
    return [Violation("word-spaces", f"{len(glued)} line(s) read with words glued: {shown}")]


def _main_first(parsed: Parsed, main_x: float) -> list[Violation]:
    """On every page the main column's runs all come before the sidebar's."""
    found = []
    pages: dict[int, list[Line]] = {}
    for line in parsed.lines:
        pages.setdefault(line.page, []).append(line)
    for page, lines in pages.items():
        sides = ["main" if line.x >= main_x - 1 else "side" for line in lines]
        if (
            "side" in sides
            and "main" in sides
            and sides.index("side") < len(sides) - sides[::-1].index("main") - 1
        ):
            first_side = lines[sides.index("side")].text
            found.append(
                Violation(
                    "main-first",
                    f"on page {page + 1} the sidebar's "
                    f"{first_side!r} is read before the end of the main column",
                    ["sections"],
                )
            )
    return found


def _merge(found: list[Violation]) -> list[Violation]:
    """One violation per detail (a line's problem is seen once per run)."""
    seen: dict[str, Violation] = {}
    for violation in found:
        known = seen.get(violation.detail)
        if known is None:
            seen[violation.detail] = violation
        else:
            known.fields += [f for f in violation.fields if f not in known.fields]
    return list(seen.values())
