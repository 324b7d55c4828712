"""Custom sections: a list, a dated list ("[2017.12] 특허 출원 (10-…) 제목"), a table,
free text, or private notes (STAR stories as fields), as the target or the content says."""

from __future__ import annotations

import re
from typing import Any

from ..model.dates import DateParseError, parse_date
from .md_blocks import Block, Bullet, Section, flatten, sources
from .md_dates import SINGLE_DATE, find_period
from .md_projects import NUMBERING, key_line
from .md_sections import segments
from .md_vocabulary import title_text


def _lines_of(blocks: list[Block]) -> list[str]:
    """Each bullet, table row or paragraph line of the blocks as one text line."""
    out: list[str] = []
    for block in blocks:
        if block.kind == "bullets":
            out += flatten(block.bullets)
        elif block.kind == "table":
            out += [" | ".join(row) for row in block.rows]
        elif block.kind == "heading":
            out.append(title_text(block.text) or block.text)
        elif block.kind in ("paragraph", "html"):
            out += [line for line in block.text.split("\n") if line.strip()]
        elif block.source.strip():
            out.append(block.source)
    return out


#: A link written in Markdown (not a picture): "[발표 자료](https://…)".
MD_LINK = re.compile(r"(?<!!)\[([^\[\]]+)\]\(([^()\s]+)\)")


def unlinked(line: str) -> str:
    """A list item's links as their text, the web addresses kept after the line
    ("… (발표 자료) — https://…"): the item reads as written, and nothing is lost."""
    urls = [m.group(2) for m in MD_LINK.finditer(line) if m.group(2).startswith("http")]
    text = MD_LINK.sub(lambda m: m.group(1), line)
    kept = [u for u in urls if u not in text]
    return " — ".join([text, *kept])


#: A date closing a line, in brackets: "… (2022.09)".
TRAILING_DATE = re.compile(
    r"[(\[]\s*(?:([^()\[\]]*?)\s*[,;]\s*)?"
    r"((?:19|20)\d{2}\s*[.\-/]\s*\d{1,2}(?:\s*[.\-/]\s*\d{1,2})?)\.?\s*[)\]]\s*$"
)
#: A patent's status as a tag first: "[등록] 촉각 센서 모듈".
STATUS_TAG = re.compile(r"^\s*\[(출원|등록|공개|filed|granted|pending)\]\s*", re.IGNORECASE)
#: A patent's status before its number: "출원 10-2022-0123456", "filed KR 10-…".
LABELLED_NUMBER = re.compile(
    r"(출원|등록|공개|filed|granted|pending)\s*(?:번호|no\.?)?\s*[:：]?\s*((?:[A-Z]{2}\s?)?\d[\d-]{5,}\d)",
    re.IGNORECASE,
)


def trailing_date(line: str) -> bool:
    """A line that ends with one date in brackets (and holds no period)."""
    return bool(TRAILING_DATE.search(line)) and not find_period(line)[0]


def dated_entry(line: str) -> dict[str, Any]:
    """A dated line, "[2017. 12] 특허 출원 (10-2017-0167191) 제목", as its fields."""
    match = SINGLE_DATE.match(line)
    entry: dict[str, Any] = {}
    rest = line
    if match and not find_period(line)[0]:
        try:
            date = parse_date(match.group(1))
        except DateParseError:
            date = None
        if date is not None:
            entry["date"] = date.iso()
            rest = match.group(2)
    last = TRAILING_DATE.search(rest) if "date" not in entry else None
    if last:  # "개인정보 비식별화 장치, 등록 10-2456789 (2023.11)": the date last
        try:
            entry["date"] = parse_date(last.group(2).replace(" ", "")).iso()
            inner = f" ({last.group(1)})" if last.group(1) else ""  # "(10-2345678, 2022.05)"
            rest = rest[: last.start()].rstrip(" ,") + inner
        except (DateParseError, AttributeError):
            pass
    tag = STATUS_TAG.match(rest)
    if tag:
        entry["status"], rest = tag.group(1), rest[tag.end() :]
    labelled = LABELLED_NUMBER.search(rest)
    number = re.search(r"\(\s*((?:[A-Z]{2}\s?)?\d[\d-]{5,}\d)\s*\)", rest)
    if labelled and not number:  # "…, 출원 10-2022-0123456"
        entry["status"], entry["number"] = labelled.group(1), labelled.group(2)
        parts = (rest[: labelled.start()].strip(" ,"), rest[labelled.end() :].strip(" ,"))
        entry["title"] = " ".join(p for p in parts if p)
    elif number:
        before, after = rest[: number.start()].strip(), rest[number.end() :].strip(" ,")
        entry["number"] = number.group(1)
        trailing = re.fullmatch(r"(.*?)[,\s]+(출원|등록|공개|filed|granted|pending)", after)
        if before and after and not trailing:
            entry["status"], entry["title"] = before, after
        elif trailing or (before and not after):
            entry["title"] = " ".join(
                p for p in (before, trailing.group(1) if trailing else "") if p
            )
            if trailing:
                entry["status"] = trailing.group(2)
        else:
            entry["title"] = after
    else:
        entry["title"] = rest.strip()
    return entry


def _bullet_lines(bullet: Bullet) -> list[str]:
    """A bullet's children (numbered as written) as lines of a field's value."""
    return flatten(bullet.children) + bullet.tail


class _Notes:
    """Notes of a private section: one per sub-heading, and one per bullet whose
    sub-bullets are S:/T:/A:/R: lines ("1. **Ownership**" over its story)."""

    def __init__(self) -> None:
        self.notes: list[dict[str, Any]] = []
        self.pending: dict[str, str] | None = None  # a "label:" line awaiting its list

    def start(self, title: str) -> dict[str, Any]:
        note: dict[str, Any] = {"title": title}
        self.notes.append(note)
        return note

    def add(self, note: dict[str, Any], block: Block) -> None:
        pending, self.pending = self.pending, None
        if block.kind == "bullets" and pending is not None:  # "Questions they may ask:"
            pending["value"] = "\n".join(f"- {t}" for t in flatten(block.bullets))
        elif block.kind == "bullets":
            for bullet in block.bullets:
                self.bullet(note, bullet)
        elif block.kind == "paragraph":
            for line in block.text.split("\n"):
                key = key_line(line)
                if key is not None:
                    field = {"label": key[0], "value": key[1]}
                    note.setdefault("fields", []).append(field)
                    self.pending = field if not key[1] else None
                elif line.strip():
                    _text(note, line)
        elif block.source.strip():
            _text(note, block.source)

    def bullet(self, note: dict[str, Any], bullet: Bullet) -> None:
        keyed = [key_line(c.text) for c in bullet.children]
        if bullet.children and sum(1 for k in keyed if k) * 2 >= len(keyed):
            own = self.start(NUMBERING.sub("", title_text(bullet.text)).strip())
            for child in bullet.children:
                self.bullet(own, child)
            return
        key = key_line(bullet.text)
        number = f"{bullet.number}. " if bullet.number is not None else ""
        if key is not None:
            value = "\n".join([key[1], *_bullet_lines(bullet)]).strip()
            note.setdefault("fields", []).append({"label": key[0], "value": value})
        else:
            _text(
                note,
                "\n".join(
                    [f"- {number}{bullet.text}", *(f"  - {t}" for t in _bullet_lines(bullet))]
                ),
            )


def _text(note: dict[str, Any], text: str) -> None:
    note["text"] = "\n".join(p for p in (note.get("text"), text) if p)


def notes(title: str, blocks: list[Block]) -> list[dict[str, Any]]:
    """Private notes: STAR lines as fields, the rest as text."""
    reader = _Notes()
    for heading, body in segments(blocks):
        note = reader.start(title_text(heading.text) if heading else title)
        for block in body:
            reader.add(note, block)
    found = [n for n in reader.notes if len(n) > 1 or not reader.notes[1:]]
    return found or [{"title": title}]


def _table(blocks: list[Block]) -> tuple[list[str], list[list[str]]]:
    """Header and rows: a table's own, else one row per "key: value" line or line."""
    tables = [b for b in blocks if b.kind == "table" and b.rows]
    if len(tables) == 1 and len(tables) == len([b for b in blocks if b.source.strip()]):
        rows = tables[0].rows
        if len(rows) > 1 and not any(cell.strip() for cell in rows[0]):
            return rows[1], rows[2:]  # "| | |" over the rows: the first row is the header
        return rows[0], rows[1:]
    rows: list[list[str]] = []
    header: list[str] = []
    for block in blocks:
        if len(tables) == 1 and block is tables[0]:  # a KPI table with a line beside it:
            header = block.rows[0]  # its header stays the header, never an empty row
            rows += block.rows[1:]
            continue
        for line in _lines_of([block]):
            key = key_line(line)
            rows.append([key[0], key[1]] if key else [line])
    width = max([len(header), *(len(r) for r in rows)], default=1) or 1
    header = header + [""] * (width - len(header))
    return header, [r + [""] * (width - len(r)) for r in rows]


def custom_section(section: Section, index: int, kind: str | None = None) -> dict[str, Any]:
    """A section that is no standard one, as ``kind`` (list, dated, table, text, notes)
    or, without a kind, as its content suggests."""
    title = title_text(section.title) or section.title
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or f"section-{index + 1}"
    base = {"id": f"md-{slug}-{index + 1}", "title": title}
    blocks = section.blocks
    if kind is None:
        kind = _guess(blocks)
    if kind == "notes":
        return {**base, "kind": "notes", "notes": notes(title, blocks)}
    if kind == "table":
        header, rows = _table(blocks)
        return {**base, "kind": "table", "header": header, "rows": rows}
    if kind == "dated":
        return {**base, "kind": "dated", "entries": [dated_entry(t) for t in _lines_of(blocks)]}
    if kind == "list":
        return {**base, "kind": "list", "items": [unlinked(t) for t in _lines_of(blocks)]}
    return {**base, "kind": "text", "text": sources(blocks)}


def _guess(blocks: list[Block]) -> str:
    lines = [line for b in blocks for line in b.source.split("\n") if line.strip()]
    if sum(1 for line in lines if re.match(r"^\s*[-*]?\s*\**[STAR]\**\s*[:：.]", line)) >= 2:
        return "notes"
    kinds = {b.kind for b in blocks}
    if kinds == {"table"} and len(blocks) == 1 and blocks[0].rows:
        return "table"
    if kinds == {"bullets"}:
        items = [t for b in blocks for t in flatten(b.bullets)]
        if items and all(SINGLE_DATE.match(t) and not find_period(t)[0] for t in items):
            return "dated"
        return "list"
    return "text"
