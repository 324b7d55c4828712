"""Blocks that are no part of the text around them, told by their shape: Notion's page
properties ("Created: …", "Tags: …": left out), a picture closing the document (a stats
card: left out; another: a link of its own), a table whose header names the fields of
items (certificates, projects …: those items, wherever the table stands)."""

from __future__ import annotations

import re

from .md_blocks import Block
from .md_tables import table_kind
from .md_vocabulary import BADGE, IMG_SRC, MD_IMG

#: Properties a Notion page exports under its title: no content of the résumé.
PROPERTY_LINE = re.compile(
    r"^\s*(?:created(?: time| by| at)?|last edited(?: time| by)?|last updated|updated(?: at)?"
    r"|date created|tags|status|생성(?: 일시|일)?|최종 편집(?: 일시)?|태그)\s*[:：]",
    re.IGNORECASE,
)
PICTURE = re.compile(r"!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>", re.IGNORECASE)


TEXT_TARGETS = frozenset({"summary", "custom-text", "basics"})
TABLE_ITEMS = frozenset({"certificates", "projects", "education", "languages", "skills"})


def item_table(block: Block | None) -> str | None:
    """The kind of items a table lists when its header says so (else None)."""
    if block is None or block.kind != "table" or not block.rows:
        return None
    kind = table_kind(block.rows[0])
    return kind if kind in TABLE_ITEMS else None


def properties_only(block: Block) -> bool:
    """A paragraph of Notion page properties only ("Created: …", "Tags: …")."""
    lines = [line for line in block.text.split("\n") if line.strip()]
    return (
        block.kind == "paragraph"
        and bool(lines)
        and all(PROPERTY_LINE.match(line) for line in lines)
        and any(re.match(r"\s*(created|last|생성|최종|tags|태그)", line, re.I) for line in lines)
    )


def pictures(block: Block) -> list[str]:
    return [m.group(1) for m in MD_IMG.finditer(block.text)] + IMG_SRC.findall(block.text)


def pictures_only(block: Block) -> bool:
    """A paragraph of pictures and nothing else (a stats card, a badge row)."""
    if block.kind not in ("paragraph", "html"):
        return False
    rest = PICTURE.sub(" ", re.sub(r"\[(\s*!\[[^\]]*\]\([^)]*\)\s*)\]\([^)]*\)", r"\1", block.text))
    return bool(pictures(block)) and not re.sub(r"<[^>]+>", "", rest).strip()


ALT = re.compile(r"!\[([^\]]*)\]\(|<img\b[^>]*\balt\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)


def badge_words(block: Block) -> list[str]:
    """The names on a row of badges (their alt texts), [] for any other block."""
    if not pictures_only(block) or not all(BADGE.search(src) for src in pictures(block)):
        return []
    return [(a or b).strip() for a, b in ALT.findall(block.text) if (a or b).strip()]
