"""Parts the author marks as not for print: a heading "## Cover letter — Acme (not for
the PDF)" or an HTML comment saying so ("<!-- keep out of the PDF -->"), above a ``---``
rule. Everything from the mark to the rule is private (it goes to the notes, and is
never printed); without a rule, a marked heading's section is. Any other HTML comment is
the author's note to self: private too, never the summary."""

from __future__ import annotations

import re

from .md_blocks import Block

#: Words saying a part must not be printed.
NOT_PRINTED = re.compile(
    r"not\s+(?:for|in)\s+(?:the\s+)?(?:pdf|print|printing|résumé|resume|cv)"
    r"|do(?:n't|\s+not)\s+(?:print|send|submit)|never\s+print(?:ed)?"
    r"|keep\s+(?:this\s+|it\s+)?out\s+of\s+the\s+(?:pdf|print|résumé|resume|cv)"
    r"|(?:인쇄|출력|제출)\s*(?:제외|금지|하지\s*않|안\s*함)|pdf\s*(?:제외|에서\s*제외|에\s*넣지)",
    re.IGNORECASE,
)
COMMENT = re.compile(r"^\s*<!--(.*?)-->\s*$", re.DOTALL)


def is_comment(block: Block) -> bool:
    """A block that is only an HTML comment (never shown by a Markdown viewer)."""
    return block.kind in ("html", "paragraph") and bool(COMMENT.match(block.text))


def not_printed(text: str) -> bool:
    return bool(NOT_PRINTED.search(text))


def mark_unprinted(blocks: list[Block]) -> list[Block]:
    """Blocks from a not-for-print mark to the next ``---`` rule marked private, and
    HTML comments always (as their words); the rule itself stays, to end the part."""
    index = 0
    while index < len(blocks):
        block = blocks[index]
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
