"""Read an exported PDF as an applicant-tracking system of the usual design does.

Text items with positions (pdftext.py) → lines by position → sections, where a line is
a heading when it is made of heading words (English or Korean) and set apart by weight
or size, or when it is bold, larger and short → fields by simple feature rules:

- name: the first line;
- e-mail, phone, web address, place: the items above the first section, each by its
  pattern (an item is what a parser gets between separators or gaps);
- jobs (in a work section): a line at the section's left edge holding a period of
  dates starts one: its other text is the title, the next line the company (up to a
  " · " or ", " before a place); lines starting with a bullet are highlights, and a
  line indented like a bullet's text continues it;
- degrees (in an education section): a line at the left edge, with or without dates,
  starts one: its text is the institution, the next line the degree and field;
- skills: a line starting in bold starts a group: the bold words are its name, the
  words after ":" (or in the line's last item, or on the next lines) its keywords.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .pdftext import Line, Run, body_size, lines_of, read_runs
from .vocabulary import (
    BULLETS,
    EMAIL,
    PHONE,
    PLACE,
    PLACE_LABELS,
    SEPARATOR,
    URL,
    find_period,
    heading_kind,
    iso_date,
    normal,
)

LARGER = 1.05  # a heading's size at least this share of the body's
EDGE = 2.0  # points a line may start right of its section's edge and still be at it
MAX_HEADING_WORDS = 6
HANGING = 6.0  # points a wrapped bullet line may start right of the bullet's text


@dataclass
class Section:
    title: str
    kind: str  # work, education, skills … or "other" for a heading a parser does not know
    heading: Line
    lines: list[Line] = field(default_factory=list)


@dataclass
class Job:
    title: str = ""
    company: str = ""
    start: str | None = None
    end: str | None = None
    dates: str = ""  # as printed
    highlights: list[str] = field(default_factory=list)
    line: int = -1  # index of its heading line in Parsed.lines


@dataclass
class Degree:
    institution: str = ""
    degree: str = ""
    start: str | None = None
    end: str | None = None
    dates: str = ""
    line: int = -1


@dataclass
class SkillGroup:
    name: str
    keywords: list[str] = field(default_factory=list)


@dataclass
class Parsed:
    """What a parser gets from the PDF."""

    lines: list[Line]
    body: float
    name: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""
    location: str = ""
    header: list[Line] = field(default_factory=list)  # between the name and the first section
    contact_items: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    jobs: list[Job] = field(default_factory=list)
    degrees: list[Degree] = field(default_factory=list)
    skills: list[SkillGroup] = field(default_factory=list)

    def dump(self) -> str:
        """The parser's line dump: what it saw, line by line, under a key to it."""
        out = [
            "page  H: read as a heading, b: bold  size in pt | the line's items, ▏ between two",
            "",
        ]
        for line in self.lines:
            mark = "H" if any(s.heading is line for s in self.sections) else " "
            weight = "b" if line.bold else " "
            out.append(
                f"p{line.page + 1} {mark}{weight} {line.size:4.1f} | {' ▏'.join(line.items)}"
            )
        return "\n".join(out)


def parse_pdf(pdf: bytes, max_pages: int = 0, *, edges: bool = True) -> Parsed:
    """The parse of ``pdf``; ``edges=False`` takes text items as pdf.js gives them
    (pdftext.read_runs)."""
    return parse_runs(read_runs(pdf, max_pages, edges=edges))


def parse_runs(runs: list[Run]) -> Parsed:
    lines = lines_of(runs)
    parsed = Parsed(lines=lines, body=body_size(lines))
    if not lines:
        return parsed
    parsed.name = lines[0].text
    first = _sections(parsed)
    parsed.header = lines[1:first]
    _contacts(parsed)
    for section in parsed.sections:
        if section.kind == "work":
            parsed.jobs += _entries(parsed, section, Job)
        elif section.kind == "education":
            parsed.degrees += _entries(parsed, section, Degree)
        elif section.kind == "skills":
            parsed.skills += _skills(section)
    return parsed


# --- sections --------------------------------------------------------------------------


def is_heading(line: Line, body: float) -> str | None:
    """The kind of section this line heads, "other" for an unknown one, or None."""
    text = line.text
    if not text or len(text.split()) > MAX_HEADING_WORDS or find_period(text) or "@" in text:
        return None
    larger = line.size >= body * LARGER
    kind = heading_kind(text)
    if kind is not None and (line.bold or larger):
        return kind
    letters = [c for c in text if c.isalpha()]
    shouting = bool(letters) and all(c.isupper() for c in letters if c.isascii())
    if line.bold and (larger or (shouting and any(c.isascii() for c in letters))):
        return "other"
    return None


def _sections(parsed: Parsed) -> int:
    """Split the lines after the name into sections; the index of the first heading."""
    first = len(parsed.lines)
    current: Section | None = None
    for index, line in enumerate(parsed.lines[1:], start=1):
        kind = is_heading(line, parsed.body)
        if kind is not None:
            current = Section(line.text, kind, line)
            parsed.sections.append(current)
            first = min(first, index)
        elif current is not None:
            current.lines.append(line)
    return first


# --- the head: name and contacts -------------------------------------------------------


def split_items(line: Line) -> list[str]:
    """A header line's items, split again at separators that carry their spaces."""
    out: list[str] = []
    for item in line.items:
        out += [part.strip() for part in SEPARATOR.split(item) if part.strip()]
    return out


def _contacts(parsed: Parsed) -> None:
    """Contact items by pattern: above the first section, then in a Contact section."""
    previous = ""
    lines = parsed.header + [
        line for section in parsed.sections if section.kind == "contact" for line in section.lines
    ]
    for line in lines:
        for item in split_items(line):
            parsed.contact_items.append(item)
            kind = contact_kind(item)
            if kind is None and normal(previous) in PLACE_LABELS:
                kind = "location"
            if kind is not None and not getattr(parsed, kind):
                setattr(parsed, kind, item)
            previous = item


def contact_kind(item: str) -> str | None:
    if EMAIL.fullmatch(item):
        return "email"
    if PHONE.fullmatch(item) and sum(c.isdigit() for c in item) >= 7:
        return "phone"
    if URL.fullmatch(item):
        return "url"
    if PLACE.fullmatch(item) and len(item) <= 60:
        return "location"
    return None


# --- jobs and degrees ------------------------------------------------------------------


def _entries(parsed: Parsed, section: Section, kind: type) -> list:
    lines = section.lines
    if not lines:
        return []
    edge = min(line.x for line in lines)
    dated = any(find_period(line.text) for line in lines)
    entries = []
    current = None
    bullet_text_x: float | None = None
    mark_x = 0.0
    for i, line in enumerate(lines):
        at_edge = line.x <= edge + EDGE
        period = find_period(line.text)
        starts = at_edge and (period is not None or (not dated and line.starts_bold))
        if starts and not _is_bullet(line):
            current = kind()
            current.line = parsed.lines.index(line)
            title, dates, title_x = _title_and_dates(line)
            current.dates = dates
            match = find_period(dates) if dates else None
            if match:
                current.start = iso_date(match.group("start"))
                current.end = iso_date(match.group("end"))
            following = _next_text(lines, i, line, title_x)
            if kind is Job:
                current.title, current.company = title, _organisation(following)
            else:
                current.institution, current.degree = title, following
            entries.append(current)
            bullet_text_x = None
            continue
        if current is None or kind is not Job:
            continue
        if _is_bullet(line):
            current.highlights.append(line.text.lstrip(BULLETS + " "))
            runs = sorted(line.visible, key=lambda r: r.x)
            mark_x = line.x
            bullet_text_x = runs[1].start if len(runs) > 1 and _is_mark(runs[0]) else None
        elif bullet_text_x is not None and _continues(line, mark_x, bullet_text_x):
            current.highlights[-1] += " " + line.text
        else:
            bullet_text_x = None
    return entries


def _continues(line: Line, mark_x: float, text_x: float) -> bool:
    """A line indented past a bullet's mark, about where its text starts, in plain
    type: the bullet's text wrapped onto it."""
    return (
        mark_x + 1 < line.x <= text_x + HANGING
        and not line.starts_bold
        and find_period(line.text) is None
    )


def _is_mark(run: Run) -> bool:
    return run.text.strip() != "" and all(c in BULLETS or c.isspace() for c in run.text)


def _is_bullet(line: Line) -> bool:
    """A line that starts with a bullet: "•" glued to the text or not; a dash or a
    middle dot only with a space after it."""
    text = line.text
    if not text or text[0] not in BULLETS:
        return False
    return text[0] in "•◦▪‣" or len(text) == 1 or not text[1].isalnum()


def _title_and_dates(line: Line) -> tuple[str, str, float]:
    """The heading line without its period, the period as printed, and where the
    title starts (right of a date column)."""
    rest: list[str] = []
    dates, title_x = "", line.x
    for x, item in line.spans:
        match = find_period(item)
        if match and not dates:
            dates = match.group(0).strip()
            left = (item[: match.start()] + item[match.end() :]).strip()
            if left:
                rest.append(left)
                title_x = min(title_x, x) if len(rest) > 1 else x
        else:
            if not rest:
                title_x = x
            rest.append(item)
    return " ".join(rest).strip(" |·,"), dates, title_x


def _next_text(lines: list[Line], i: int, heading: Line, title_x: float) -> str:
    """The line after an entry's heading, without what lies left of the heading's title
    (a date column's wrapped end): the company, or the degree."""
    if i + 1 >= len(lines):
        return ""
    following = lines[i + 1]
    if (find_period(following.text) and following.x <= heading.x + EDGE) or _is_bullet(following):
        return ""
    return " ".join(text for x, text in following.spans if x >= title_x - EDGE)


def _organisation(text: str) -> str:
    """ "Acme · San Francisco" → "Acme"; "Acme, San Francisco" → "Acme"."""
    first = SEPARATOR.split(text.strip())[0]  # "Acme ·" too: a wide separator's item
    return first.split(", ")[0].strip()


# --- skills ----------------------------------------------------------------------------


def _skills(section: Section) -> list[SkillGroup]:
    groups: list[SkillGroup] = []
    for line in section.lines:
        runs = sorted(line.visible, key=lambda r: r.x)
        if runs and runs[0].bold:
            bold = ""
            for run in runs:
                if not run.bold:
                    break
                bold += run.text
            name = bold.strip().rstrip(":：").strip()
            rest = line.text[len(" ".join(bold.split())) :].strip()
            rest = re.sub(r"^\([^)]*\)", "", rest).strip()
            if ":" in rest:
                rest = rest.split(":", 1)[1]
            elif len(line.items) > 1:
                rest = line.items[-1]
            else:
                rest = ""
            groups.append(SkillGroup(name, _keywords(rest)))
        elif groups:
            groups[-1].keywords += _keywords(line.text)
    return groups


def _keywords(text: str) -> list[str]:
    return [k.strip() for k in re.split(r"[,，、]", text) if k.strip()]
