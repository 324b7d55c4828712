"""Markdown → a light tree of blocks (headings, paragraphs, nested bullets, tables, raw
HTML), each keeping its own source lines so that nothing can be dropped on the way."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

# --- a light tree of the Markdown ---------------------------------------------------------


@dataclass
class Bullet:
    text: str  # the item's own inline Markdown
    children: list[Bullet] = field(default_factory=list)


@dataclass
class Block:
    kind: str  # paragraph | bullets | table | html | rule | code | heading
    text: str = ""
    bullets: list[Bullet] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    level: int = 0
    source: str = ""  # the block's own Markdown lines


@dataclass
class Section:
    title: str
    level: int
    blocks: list[Block] = field(default_factory=list)


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True})
    md.enable("table")
    return md


def _bullets(tokens: list[Token], start: int) -> tuple[list[Bullet], int]:
    """Parse a (nested) list starting at tokens[start] (a *_list_open)."""
    items: list[Bullet] = []
    depth = 0
    i = start
    current: Bullet | None = None
    while i < len(tokens):
        token = tokens[i]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            if depth == 1 and current is not None:
                children, i = _bullets(tokens, i)
                current.children.extend(children)
                continue
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if depth == 0:
                return items, i + 1
        elif token.type == "list_item_open" and depth == 1:
            current = Bullet("")
            items.append(current)
        elif token.type == "inline" and current is not None:
            current.text = (
                (current.text + "\n" + token.content).strip() if current.text else token.content
            )
        elif token.type in ("html_block", "fence", "code_block") and current is not None:
            current.text = (current.text + "\n" + token.content.strip()).strip()
        i += 1
    return items, i


def _table(tokens: list[Token], start: int) -> tuple[list[list[str]], int]:
    rows: list[list[str]] = []
    i = start
    while tokens[i].type != "table_close":
        token = tokens[i]
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(token.content)
        i += 1
    return rows, i + 1


def parse_blocks(text: str) -> list[Block]:
    lines = text.split("\n")
    tokens = _parser().parse(text)
    blocks: list[Block] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        source = "\n".join(lines[token.map[0] : token.map[1]]) if token.map else ""
        if token.type == "heading_open":
            blocks.append(
                Block("heading", tokens[i + 1].content, level=int(token.tag[1]), source=source)
            )
            i += 3
        elif token.type == "paragraph_open":
            blocks.append(Block("paragraph", tokens[i + 1].content, source=source))
            i += 3
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            items, i = _bullets(tokens, i)
            blocks.append(Block("bullets", bullets=items, source=source))
        elif token.type == "table_open":
            rows, i = _table(tokens, i)
            blocks.append(Block("table", rows=rows, source=source))
        elif token.type == "html_block":
            blocks.append(Block("html", token.content.strip(), source=source))
            i += 1
        elif token.type in ("fence", "code_block"):
            blocks.append(Block("code", token.content.rstrip("\n"), source=source))
            i += 1
        elif token.type == "hr":
            blocks.append(Block("rule", source=source))
            i += 1
        elif token.type == "blockquote_open":
            depth, j = 1, i + 1
            while depth:
                depth += {"blockquote_open": 1, "blockquote_close": -1}.get(tokens[j].type, 0)
                j += 1
            end = tokens[j - 1].map[1] if tokens[j - 1].map else (token.map[1] if token.map else 0)
            quote = "\n".join(lines[token.map[0] : end]) if token.map else ""
            blocks.append(
                Block("paragraph", re.sub(r"^\s*>\s?", "", quote, flags=re.M), source=quote)
            )
            i = j
        else:
            i += 1
    return blocks


def flatten(bullets: list[Bullet], prefix: str = "") -> list[str]:
    out = []
    for bullet in bullets:
        out.append(prefix + bullet.text)
        out += flatten(bullet.children, prefix)
    return out


def sources(blocks: list[Block]) -> str:
    """The blocks' own Markdown, one blank line between them."""
    return "\n\n".join(b.source.strip("\n") for b in blocks if b.source.strip())
