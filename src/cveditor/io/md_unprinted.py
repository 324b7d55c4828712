"""Parts the author marks as not for print: a heading "## Cover letter — Acme (not for
the PDF)" or an HTML comment saying so ("<!-- keep out of the PDF -->"), above a ``---``
rule. Everything from the mark to the rule is private (it goes to the notes, and is
never printed); without a rule, a marked heading's section is. Any other HTML comment is
the author's note to self: private too, never the summary."""

from __future__ import annotations

import re

from .md_blocks import Block
from .md_private import ARROW_NOTE

#: Words saying a part must not be printed.
NOT_PRINTED = re.compile(
    r"not\s+(?:for|in)\s+(?:the\s+)?(?:pdf|print|printing|résumé|resume|cv)"
    r"|do(?:n't|\s+not)\s+(?:print|send|submit)|never\s+print(?:ed)?"
    r"|keep\s+(?:this\s+|it\s+)?out\s+of\s+the\s+(?:pdf|print|résumé|resume|cv)"
    r"|(?:인쇄|출력|제출)\s*(?:제외|금지|하지\s*않|안\s*함)|pdf\s*(?:제외|에서\s*제외|에\s*넣지)",
    re.IGNORECASE,
)
COMMENT = re.compile(r"^\s*<!--(.*?)-->\s*$", re.DOTALL)
_UNIT = r"(?:자|bytes?|바이트|characters?|chars?|words?)"
_COUNT_LABEL = r"(?:공백\s*(?:포함|제외)|글자\s*수|글자수|최대|총|max|word count|character count)"
#: A line that only counts an answer's characters: "(공백 포함 812자 / 1,000자)", "(500자)",
#: "글자 수: 512", "(312 words)": the author's tally, which the editor counts itself.
COUNT_LINE = re.compile(
    rf"^[(\[]?\s*(?:{_COUNT_LABEL}\s*[:：]?\s*)?[\d,]+\s*{_UNIT}?"
    rf"(?:\s*[/,·|]\s*(?:{_COUNT_LABEL}\s*[:：]?\s*)?[\d,]+\s*{_UNIT}?)*\s*[)\]]?$",
    re.IGNORECASE,
)


def count_line(text: str) -> bool:
    """Only a count of characters or words (a unit or a count's label is said)."""
    text = ARROW_NOTE.sub("", text.strip())  # "(812자) ← 줄일 것": the remark is the notes'
    said = re.search(rf"{_UNIT}|{_COUNT_LABEL}", text, re.IGNORECASE)
    return bool(text) and "\n" not in text and bool(said) and bool(COUNT_LINE.match(text))


def is_comment(block: Block) -> bool:
    """A block that is only an HTML comment (never shown by a Markdown viewer)."""
    return block.kind in ("html", "paragraph") and bool(COMMENT.match(block.text))


def not_printed(text: str) -> bool:
    return bool(NOT_PRINTED.search(text))


def mark_unprinted(blocks: list[Block]) -> list[Block]:
    """Blocks from a not-for-print mark to the next ``---`` rule marked private, and
    HTML comments always (as their words); the rule itself stays, to end the part. A
    line that only counts characters is left out."""
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == "paragraph" and count_line(block.text):
            block.left_out = True  # "(공백 포함 812자 / 1,000자)": a tally, no text
        if block.left_out:  # "<!-- omit in toc -->": a tool's, no text at all (md_dialects)
            index += 1
            continue
        comment = COMMENT.match(block.text) if is_comment(block) else None
        marked = (comment is not None or block.kind == "heading") and not_printed(block.text)
        if comment is not None:  # the author's note to self, never printed
            text = comment.group(1).strip()
            block.kind, block.text, block.source, block.private = "paragraph", text, text, True
        if not marked:
            index += 1
            continue
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        if comment is not None and after and after.kind == "heading" and not_printed(after.text):
            # "<!-- keep out of the PDF -->" over "## Cover letter (not for the PDF)": one
            # part, the comment under its heading (one notes section, not two)
            blocks[index], blocks[index + 1] = after, block
            continue
        if comment is not None and index and blocks[index - 1].kind == "heading":
            index -= 1  # "## Cover letter" over "<!-- not for the PDF -->": the heading's part
            block = blocks[index]
        end = next((i for i in range(index + 1, len(blocks)) if blocks[i].kind == "rule"), None)
        top = block.level if block.kind == "heading" else 1
        stop = next(
            (
                i
                for i in range(index + 1, len(blocks))
                if blocks[i].kind == "heading" and blocks[i].level <= top
            ),
            len(blocks),
        )
        if end is None or stop < end:
            end = stop if block.kind == "heading" else index + 1
        for inside in blocks[index:end]:
            inside.private = True
        index = max(end, index + 1)
    return blocks
