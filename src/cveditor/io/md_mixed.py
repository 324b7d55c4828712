"""Lines of one section that belong to another, as one-page CVs mix them:

- "Languages: English (native), Spanish (fluent)" closing an Education section (a
  line whose label is another section's word: that section's items);
- "Google Data Analytics Professional Certificate — Coursera, 2024" among degrees
  under "Education & Training" (a certificate, not a school).

Moved where they belong instead of being read as one more item of the section. Also
lines that are not where a first reading puts them: a "Tools:" line lazily continuing
a bullet (the item's field), a credential line after a dated one (an item of its own)."""

from __future__ import annotations

import re
from typing import Any

from .md_blocks import Block, Bullet
from .md_projects import key_line
from .md_vocabulary import KEY_LINE, SENTENCE, key_kind, section_kind

#: Sections whose items are a name and its words: a "Label: …" line can hold them all.
PAIR_KINDS = ("skills", "languages", "interests")
CREDENTIAL = re.compile(
    r"\b(?:certificate|certification|certified|licen[cs]e|nanodegree|bootcamp)\b"
    r"|자격증|수료증|면허",
    re.IGNORECASE,
)


def other_sections(body: list[Block], target: str) -> tuple[list[Block], list[tuple[str, Block]]]:
    """(the body without them, [(section kind, block)]) for the paragraph lines whose
    label names another section whose items are pairs ("Languages: English, …")."""
    kept: list[Block] = []
    moved: list[tuple[str, Block]] = []
    for block in body:
        lines = block.text.split("\n") if block.kind == "paragraph" else []
        kinds = [_pair_kind(line, target) for line in lines]
        if not lines or not any(kinds):
            kept.append(block)
            continue
        rest = [line for line, kind in zip(lines, kinds, strict=True) if not kind]
        for line, kind in zip(lines, kinds, strict=True):
            if kind == "languages" and (match := KEY_LINE.match(line)):  # one per language
                value = match.group(2).strip()
                moved.append((kind, Block("heading", match.group(1).strip(), level=7)))
                moved.append((kind, Block("paragraph", value, source=value)))
            elif kind:  # "Interests: cycling, chess": a group named by the label
                moved.append((kind, Block("paragraph", line, source=line)))
        if rest:
            text = "\n".join(rest)
            kept.append(Block("paragraph", text, source=text))
    return kept, moved


def _pair_kind(line: str, target: str) -> str | None:
    match = KEY_LINE.match(line)
    if match is None or not match.group(2).strip() or key_kind(match.group(1)):
        return None  # "기술 스택: …", "Skills: …" name a field of the item above: its own
    kind = section_kind(match.group(1))
    return kind if kind in PAIR_KINDS and kind != target else None


def credentials(items: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(degrees, certificates) of an education section: an item with no degree whose
    name says it is a certificate is read again as one."""
    degrees: list[dict[str, Any]] = []
    found: list[dict[str, Any]] = []
    for item in items:
        said = " — ".join(str(item.get(k, "")) for k in ("institution", "area") if item.get(k))
        if item.get("studyType") or not CREDENTIAL.search(said):
            degrees.append(item)
            continue
        entry = {"name": item.get("institution") or item.get("area", "")}
        if item.get("institution") and item.get("area"):
            entry["issuer"] = item["area"]  # "Certificate — Coursera, 2024"
        if year := item.get("endDate") or item.get("startDate"):
            entry["date"] = year
        found.append(entry)
    return degrees, found


def listed_item(line: str, kind: str, items: list[tuple[dict[str, Any], list[Block]]]) -> bool:
    """A short line in a list of dated credentials ("OPIc IH (2023.05)" / "TOEIC 905"):
    the next of a list written without markers, not more about the one before."""
    text = line.strip()
    return (
        kind in ("certificates", "awards")
        and any(entry.get("date") for entry, _body in items)
        and len(text) <= 60
        and not SENTENCE.search(text)
        and not re.match(r"(?i)issued|expires|credential|발급|취득|자격\s*번호|[(\[]", text)
    )


def item_field(line: str) -> bool:
    """A lazy line that names a field of the item ("Tools: SQL, Python" right under the
    last bullet): the item's, not the bullet's text."""
    key = key_line(line)
    return key is not None and key[2] in ("techStack", "period", "role", "url")


def lazy_fields(blocks: list[Block]) -> list[Block]:
    """Bullets whose last lines are lazily continued field lines ("- Led the team" /
    "Skills: Go · Kubernetes"): those lines cut off as a paragraph after the list."""
    out: list[Block] = []
    for block in blocks:
        last = block.bullets[-1] if block.kind == "bullets" and block.bullets else None
        lines = last.text.split("\n") if last is not None and not last.children else []
        cut = next((i for i, line in enumerate(lines) if i and item_field(line)), None)
        if last is None or cut is None:
            out.append(block)
            continue
        kept = Bullet("\n".join(lines[:cut]), number=last.number, tail=last.tail)
        text = "\n".join(lines[cut:])
        bullets = [*block.bullets[:-1], kept]
        out.append(Block("bullets", bullets=bullets, source=block.source))
        out.append(Block("paragraph", text, source=text))
    return out
