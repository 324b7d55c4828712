"""Markdown → a light list of blocks (headings, paragraphs, nested bullets, tables, raw
HTML, code), each keeping its own source lines and line numbers, so that nothing can be
dropped on the way and the review step can show where each block came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

HTML_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.IGNORECASE | re.DOTALL)
BR = re.compile(r"[ \t]*<br\s*/?>[ \t]*\n?[ \t]*", re.IGNORECASE)
#: A paragraph that is only bold text, used as a heading ("**채용과정**").
BOLD_HEADING = re.compile(r"^\s*(?:\*\*|__)([^*_\n]{1,80}?)(?:\*\*|__)\s*[:：]?\s*$")
#: A bold label in brackets ("**[경력사항]**", "**【학력】**"): the words are the heading.
BRACKETED = re.compile(r"[\[【〔［]\s*([^\[\]【】〔〕［］\d]+?)\s*[\]】〕］]")


def bold_label(text: str) -> str:
    """A bold paragraph's heading text, without the brackets a form puts around it."""
    text = text.strip()
    inner = BRACKETED.fullmatch(text)
    return inner.group(1) if inner else text


@dataclass
class Bullet:
    text: str  # the item's own inline Markdown
    children: list[Bullet] = field(default_factory=list)
    number: int | None = None  # the item's number in an ordered list
    tail: list[str] = field(default_factory=list)  # paragraphs after its nested list


@dataclass
class Block:
    kind: str  # paragraph | bullets | table | html | rule | code | heading (| text: the
    # lines of a paragraph left for an item's text once its dates and keys are taken)
    text: str = ""
    bullets: list[Bullet] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    level: int = 0  # a heading's level; 7 for a bold paragraph used as a heading
    source: str = ""  # the block's own Markdown lines
    first_line: int = 0  # 1-based lines of the body
    last_line: int = 0
    private: bool = False  # lines split off for the private notes (md_private)
    goal: bool = False  # "목표: …" lines split off a job for a section of their own
    left_out: bool = False  # a form's pledge and signature, a tool's directive: omitted


@dataclass
class Section:
    title: str
    level: int
    blocks: list[Block] = field(default_factory=list)


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True})
    md.enable("table")
    return md


def _inline(text: str) -> str:
    """A line break written as <br> is a line break."""
    return BR.sub("\n", text).strip("\n") if "<" in text else text


def _bullets(tokens: list[Token], start: int) -> tuple[list[Bullet], int]:
    """Parse a (nested) list starting at tokens[start] (a *_list_open)."""
    items: list[Bullet] = []
    depth = 0
    i = start
    current: Bullet | None = None
    number = 1
    ordered = tokens[start].type == "ordered_list_open"
    if ordered:
        number = int(tokens[start].attrGet("start") or 1)
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
            current = Bullet("", number=number if ordered else None)
            number += 1
            items.append(current)
        elif token.type == "inline" and current is not None:
            content = _inline(token.content)
            if current.children:
                current.tail.append(content)  # after the nested list: stays after it
            elif current.text:
                current.text = current.text + "\n" + content
            else:
                current.text = content
        elif token.type in ("html_block", "fence", "code_block") and current is not None:
            content = token.content.strip()
            if token.type == "fence":
                content = f"{token.markup}{token.info}\n{token.content.rstrip()}\n{token.markup}"
            if current.children:
                current.tail.append(content)
            else:
                current.text = (current.text + "\n" + content).strip()
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
            rows[-1].append(_inline(token.content))
        i += 1
    return rows, i + 1


def parse_blocks(text: str) -> list[Block]:
    """The body's top-level blocks in order, each with its source and 1-based lines."""
    lines = text.split("\n")
    tokens = _parser().parse(text)
    blocks: list[Block] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        span = token.map or [0, 0]
        source = "\n".join(lines[span[0] : span[1]]) if token.map else ""
        block: Block | None = None
        if token.type == "heading_open":
            block = Block(
                "heading", _inline(tokens[i + 1].content), level=int(token.tag[1]), source=source
            )
            i += 3
        elif token.type == "paragraph_open":
            content = tokens[i + 1].content
            bold = BOLD_HEADING.match(content)
            if bold and bold.group(1).strip():
                block = Block("heading", bold_label(bold.group(1)), level=7, source=source)
            else:
                block = Block("paragraph", _inline(content), source=source)
            i += 3
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            items, i = _bullets(tokens, i)
            block = Block("bullets", bullets=items, source=source)
        elif token.type == "table_open":
            rows, i = _table(tokens, i)
            block = Block("table", rows=rows, source=source)
        elif token.type == "html_block":
            heading = HTML_HEADING.fullmatch(token.content.strip())
            if heading:  # <h1 align="center">…</h1>, as GitHub profiles write it
                text = re.sub(r"<[^>]+>", "", heading.group(2)).strip()
                block = Block("heading", text, level=int(heading.group(1)), source=source)
            else:
                block = Block("html", token.content.strip(), source=source)
            i += 1
        elif token.type in ("fence", "code_block"):
            block = Block("code", token.content.rstrip("\n"), source=source)
            i += 1
        elif token.type == "hr":
            block = Block("rule", source=source)
            i += 1
        elif token.type == "blockquote_open":
            depth, j = 1, i + 1
            while depth:
                depth += {"blockquote_open": 1, "blockquote_close": -1}.get(tokens[j].type, 0)
                j += 1
            end = tokens[j - 1].map[1] if tokens[j - 1].map else span[1]
            span = [span[0], max(end, span[1])]
            quote = "\n".join(lines[span[0] : span[1]])
            block = Block(
                "paragraph", _inline(re.sub(r"^\s*>\s?", "", quote, flags=re.M)), source=quote
            )
            i = j
        else:
            i += 1
        if block is not None:
            block.first_line, block.last_line = span[0] + 1, max(span[1], span[0] + 1)
            blocks.append(block)
    return blocks


def flatten(bullets: list[Bullet], prefix: str = "") -> list[str]:
    """Every bullet's text, depth first, children and tails after their parent."""
    out = []
    for bullet in bullets:
        number = f"{bullet.number}. " if bullet.number is not None else ""
        out.append(prefix + number + bullet.text)
        out += flatten(bullet.children, prefix)
        out += [prefix + t for t in bullet.tail]
    return out


def sources(blocks: list[Block]) -> str:
    """The blocks' own Markdown, one blank line between them."""
    return "\n\n".join(b.source.strip("\n") for b in blocks if b.source.strip())


def segments(blocks: list[Block]) -> list[tuple[Block | None, list[Block]]]:
    """(sub-heading, the blocks under it), split at the shallowest sub-headings."""
    level = min((b.level for b in blocks if b.kind == "heading"), default=0)
    out: list[tuple[Block | None, list[Block]]] = [(None, [])]
    for block in blocks:
        if block.kind == "heading" and block.level == level:
            out.append((block, []))
        else:
            out[-1][1].append(block)
    return out if out[0][1] else out[1:]
