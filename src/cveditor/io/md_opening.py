"""An item's opening spread over several short lines, as LinkedIn exports write it:

    ### Staff Engineer          (or the company, or a credential's name)
    Orbitwave · Full-time       the employer (or the role, or the issuer)
    Jan 2020 - Present · 4 yrs  the dates
    Berlin, Germany             the place

The lines are read into the item's fields only when one of them holds its dates, so a
paragraph of text is never taken for an opening."""

from __future__ import annotations

import re
from typing import Any

from .md_blocks import Block
from .md_dates import find_period
from .md_employers import EMPLOYMENT_EN, EMPLOYMENT_KO, TOTAL
from .md_entries import DURATION, SEPARATORS, degree, is_role, issued_line
from .md_projects import key_line
from .md_vocabulary import KOREAN_REGIONS, LOCATION, SENTENCE, title_text

MAX_LINES = 4
#: A place on a line of its own: words without digits, with a comma or a word of a
#: workplace ("Berlin, Germany · Hybrid", "Remote", "서울 강남구").
PLACE = re.compile(r"^[^\d@:/]{2,60}$")
PLACE_WORDS = re.compile(
    rf",|\b(?:remote|hybrid|on-site|onsite)\b|원격|재택|대한민국|한국|^(?:{KOREAN_REGIONS})",
    re.IGNORECASE,
)


def is_place(text: str) -> bool:
    """A place as written on a line: "San Francisco, CA", "Remote", "서울 강남구"."""
    where = PLACE_WORDS.search(text) or LOCATION.match(text)
    return bool(where) and bool(PLACE.match(text)) and len(text.split()) <= 6 and not is_role(text)


def _short(line: str) -> bool:
    text = title_text(line)
    return bool(text) and len(text) <= 80 and not SENTENCE.search(text) and not key_line(text)


def _date_line(entry: dict[str, Any], kind: str, line: str) -> bool:
    """The line with the item's dates (or a credential's "Issued …")."""
    text = title_text(line)
    if kind == "certificates":
        return issued_line(entry, text)
    start, end, rest = find_period(text)
    rest = DURATION.sub("", rest).strip()  # "(3년)": said by the dates
    place = bool(PLACE_WORDS.search(rest) or LOCATION.match(rest))
    role = rest.strip(" —–-|·,:") if kind == "work" and not place else ""
    if start and role and role_words(role, line) and len(role) <= 80:
        role_over_place(entry, role)  # ":   Senior Data Scientist — March 2021 to present"
        rest = ""
    if not start or (rest and not (place and kind in ("work", "volunteer"))):
        return False
    entry["startDate"] = start
    if end:
        entry["endDate"] = end
    else:
        entry.pop("endDate", None)
    if rest and kind in ("work", "volunteer") and not entry.get("location"):
        entry["location"] = rest
    return True


def role_words(text: str, line: str = "") -> bool:
    """A role, maybe with its speciality after a dash ("Clinical Social Worker – Child
    and Family Therapy"): the dash joins them, it cuts no employer off. A short phrase
    set in italics before the dates ("*Medical Social Worker* | 06/2017 – …") is the
    role even in words the vocabulary does not know."""
    first = re.split(r"\s+[–—-]\s+", text, maxsplit=1)[0]
    if SENTENCE.search(text) or re.search(r"\d", text):
        return False
    italic = bool(re.match(r"^\s*(?:\*[^*]|_[^_])", line)) and len(text.split()) <= 9
    return is_role(text) or is_role(first) or italic


def role_over_place(entry: dict[str, Any], role: str) -> None:
    """A dated line that names the role under a heading "Company, City": the role is
    the position, and the heading's part after the comma (no role) the place."""
    before = entry.get("position", "")
    if before and not is_role(before) and not entry.get("location"):
        entry["location"] = before
    entry["position"] = role


def _before(entry: dict[str, Any], kind: str, text: str) -> None:
    """A line before the dates: the employer under a role's heading, the role under an
    employer's, a credential's issuer, a degree."""
    if kind == "work":
        name = entry.get("name", "")
        if name and not entry.get("position") and is_role(name) and not is_role(text):
            entry["position"], entry["name"] = name, text  # "### Staff Engineer" / company
        elif not name:
            entry["name"] = text
        elif not entry.get("position"):
            entry["position"] = text
        else:
            entry["position"] += f" · {text}"
    elif kind == "volunteer":
        entry["position" if entry.get("organization") else "organization"] = text
    elif kind == "certificates":
        entry["issuer"] = " · ".join(p for p in (text, entry.get("issuer")) if p)  # expiry last
    elif kind == "education":
        found: dict[str, Any] = {}
        if degree(found, ["-", *SEPARATORS.split(text)]) and "studyType" in found:
            entry["studyType"] = found["studyType"]
            if found.get("area"):
                entry["area"] = found["area"]
        else:
            entry["area"] = " · ".join(p for p in (entry.get("area"), text) if p)
    else:
        entry["summary"] = " · ".join(p for p in (entry.get("summary"), text) if p)


def opening_lines(entry: dict[str, Any], kind: str, lines: list[str]) -> int:
    """Read the short lines that open an item into ``entry``; returns how many were
    taken (0: these lines are no such opening, nothing was changed)."""
    if kind not in ("work", "volunteer", "certificates", "education") or len(lines) < 2:
        return 0
    head = lines[:MAX_LINES]
    trial = dict(entry)
    at = next(
        (i for i, line in enumerate(head) if _short(line) and _date_line(trial, kind, line)), None
    )
    if at is None or not all(_short(line) for line in head[:at]):
        return 0
    entry.clear()
    entry.update(trial)
    for line in head[:at]:
        _before(entry, kind, title_text(line))
    taken = at + 1
    place = title_text(lines[taken]) if taken < len(lines) else ""
    if kind in ("work", "volunteer") and not entry.get("location") and is_place(place):
        entry["location"] = place  # "Berlin, Germany" under the dates
        taken += 1
    return taken


def opening_together(blocks: list[Block], entry: dict[str, Any], kind: str) -> list[Block]:
    """Short one-line paragraphs that open an item (company / dates / place, written
    with blank lines between) as one paragraph, so they are read together."""
    lead = 0
    while (
        lead < min(len(blocks), MAX_LINES)
        and blocks[lead].kind == "paragraph"
        and "\n" not in blocks[lead].text.strip()
    ):
        lead += 1
    if lead < 2:
        return blocks
    text = "\n".join(b.text.strip() for b in blocks[:lead])
    if not opening_lines(dict(entry), kind, text.split("\n")):
        return blocks
    merged = Block("paragraph", text, source="\n".join(b.source for b in blocks[:lead]))
    return [merged, *blocks[lead:]]


#: What a pasted employer line says besides the name ("Full-time", "3 yrs 4 mos").
EMPLOYMENT_TAIL = re.compile(rf"\s*·\s*(?:{EMPLOYMENT_EN}|{EMPLOYMENT_KO})\s*$", re.IGNORECASE)
TOTAL_ONLY = re.compile(
    rf"^(?:(?:{EMPLOYMENT_EN}|{EMPLOYMENT_KO})\s*(?:·\s*)?)?(?:{TOTAL.pattern})?$", re.IGNORECASE
)
SPAN = re.compile(rf"\s*·\s*{TOTAL.pattern}$", re.IGNORECASE)


def _dated(line: str) -> bool:
    """A line that is an item's dates, maybe with its length or place after a dot
    ("Mar 2021 - Present · 3 yrs 9 mos")."""
    start, _end, rest = find_period(SPAN.sub("", title_text(line)))
    rest = DURATION.sub("", rest).strip(" ·|,")
    return bool(start) and (
        not rest or is_place(rest) or (len(rest) <= 80 and role_words(rest, line))
    )


def pasted_items(lines: list[str], kind: str) -> list[tuple[list[str], str, str]] | None:
    """A paragraph pasted from a profile page, whose dates stand on the 2nd–4th line
    (title, company, dates, place — in either order), as parts: (opening lines, the
    employer of a group of roles, its employment type). None: no such paragraph, so
    the usual line-by-line reading applies (a dated first line opens its own item).

    An employer with several roles ("Company" / "Full-time · 5 yrs" / role / dates /
    … / role / dates / …) gives one part per role, each to carry the employer's name."""
    if kind not in ("work", "volunteer", "education", "certificates") or len(lines) < 2:
        return None
    dates = [i for i, line in enumerate(lines) if _short(line) and _dated(line)]
    if not dates or not 1 <= dates[0] <= 3:
        return None
    if any(
        find_period(title_text(x))[0] or x.lstrip().startswith(("**", "__"))
        for x in lines[: dates[0]]
    ) or not all(_short(x) for x in lines[: dates[0]]):
        return None
    head = title_text(lines[1])
    if kind == "work" and dates[0] >= 3 and TOTAL_ONLY.match(head) and head:
        employer = title_text(lines[0])
        kind_word = TOTAL.sub("", head).strip(" ·")
        cuts = [d - 1 for d in dates if d >= 3 and _short(lines[d - 1])]
        parts = []
        for at, cut in enumerate(cuts):
            end = cuts[at + 1] if at + 1 < len(cuts) else len(lines)
            parts.append((lines[cut:end], employer, kind_word))
        return parts
    lead = dates[0]
    cuts = [0]
    for d in dates[1:]:  # a second item written alike in the same paragraph
        cut = d - lead
        if cut > cuts[-1] + lead and not any(_dated(x) for x in lines[cut:d]):
            cuts.append(cut)
    return [
        (lines[c : cuts[i + 1] if i + 1 < len(cuts) else len(lines)], "", "")
        for i, c in enumerate(cuts)
    ]


def employer_line(text: str) -> tuple[str, str]:
    """ "Corvala · Full-time": the employer and its employment type."""
    match = EMPLOYMENT_TAIL.search(text)
    if not match:
        return text, ""
    return text[: match.start()].strip(), match.group(0).strip(" ·")
