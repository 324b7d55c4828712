"""A whole résumé laid out as one two-column table, as Word exports write it:

    |   |   |                                      (an empty header: layout, not data)
    | **Folake Adeyemi** | Title · City · mail · phone |
    | **Experience** | |
    | 2019 – present | **Role**, Company<br>• bullet |
    | | • a bullet more |                          (continues the row above)
    | Data systems | Rave, Vault |                (a group under Skills)

Read as the Markdown it stands for: a bold left cell is a heading (the name first,
then section words), a dated left cell opens an item ("- Role, Company (2019 – present)"
with its bullets), another left cell is a "- label: value" line; the right cell's
lines ("<br>") and "•" bullets are kept. The blocks keep the table's row lines."""

from __future__ import annotations

import re

from .md_blocks import Block, parse_blocks
from .md_dates import find_period
from .md_vocabulary import plain, section_kind

BOLD_CELL = re.compile(r"^\s*(?:\*\*|__)([^*_]+)(?:\*\*|__)\s*$")
BULLET = re.compile(r"^\s*[•·▪◦\-*]\s+")
INLINE_BULLET = re.compile(r"\s+[•▪◦]\s+")
YEAR = re.compile(r"^\s*(?:19|20)\d{2}\s*$")
LIST_SECTIONS = frozenset(
    {"work", "education", "certificates", "awards", "publications", "volunteer", "projects"}
)


def layout_table(block: Block) -> bool:
    """Two columns under an empty header: a page's layout, not a table of data."""
    rows = block.rows
    return (
        block.kind == "table"
        and len(rows) > 3
        and all(len(r) == 2 for r in rows)
        and not any(c.strip() for c in rows[0])
    )


def _lines(cell: str) -> list[str]:
    """A cell's lines; "•" run into one line ("Role, Company • Led 14 studies") starts
    bullets of its own."""
    out: list[str] = []
    for line in cell.split("\n"):
        pieces = [p.strip() for p in INLINE_BULLET.split(line) if p.strip()]
        out += pieces[:1] + [f"• {p}" for p in pieces[1:]]
    return out


def _row_markdown(left: str, right: str, context: str) -> tuple[list[str], str]:
    """The Markdown lines one row stands for, and the context the rows after it
    continue: the name's, a section's, an item's."""
    bold = BOLD_CELL.match(left)
    lines = _lines(right)
    text = [BULLET.sub("", line) for line in lines]
    bullets = [line for line in lines if BULLET.match(line)]
    plain_lines = [line for line in lines if not BULLET.match(line)]
    when = plain(left)
    if bold and context == "start":
        return [f"# {bold.group(1).strip()}", "", *text], "name"
    if bold and section_kind(bold.group(1)):
        out = [f"## {bold.group(1).strip()}", ""]
        if section_kind(bold.group(1)) in LIST_SECTIONS:
            return out + [f"- {line}" for line in text], "section"
        return out + text, "section"
    if not left.strip() and context == "item":
        return [f"  - {BULLET.sub('', line)}" for line in lines], context
    if not left.strip():
        return ["", *plain_lines, *[f"- {BULLET.sub('', b)}" for b in bullets]], context
    if find_period(when)[0] or YEAR.match(when):
        head = plain_lines[0] if plain_lines else ""
        rest = [f"  - {line}" for line in plain_lines[1:]]
        more = [f"  - {BULLET.sub('', b)}" for b in bullets]
        return [f"- {head} ({when.strip()})".replace("-  (", "- ("), *rest, *more], "item"
    if text:
        return [f"- {when}: {' · '.join(text)}"], "section"
    return [f"- {when}"], "section"


def unfold_layout(blocks: list[Block]) -> list[Block]:
    """Every layout table replaced by the blocks it stands for."""
    out: list[Block] = []
    for block in blocks:
        if not layout_table(block):
            out.append(block)
            continue
        markdown: list[str] = []
        origin: list[int] = []
        context = "start"
        for index, (left, right) in enumerate(block.rows[1:]):
            line = block.first_line + index + 2  # the header and its separator before
            new, context = _row_markdown(left, right, context)
            if new and new[0].startswith(("#", "- ")) and markdown:
                markdown.append("")  # a new heading or item: a new block where needed
                origin.append(line)
            markdown += new
            origin += [line] * len(new)
        for inner in parse_blocks("\n".join(markdown)):
            inner.first_line = origin[min(inner.first_line - 1, len(origin) - 1)]
            inner.last_line = origin[min(inner.last_line - 1, len(origin) - 1)]
            out.append(inner)
    return out
