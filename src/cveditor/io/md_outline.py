"""Blocks → the document's outline: a tree of headings and the blocks under them.

Heading levels are relative: a node's depth, not its number of ``#``, says where it
sits. A bold-only paragraph ("**채용과정**") or a short line that is only a section
word ("경력") is a heading one step below the current real heading; the document's
title (its first, top heading, when it is one) keeps only the lines up to the next
heading, so the sections after it are top-level nodes however many ``#`` they have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .md_blocks import BOLD_HEADING, Block, bold_label
from .md_byline import split_pair_lines
from .md_closing import mark_closing
from .md_dates import find_period
from .md_heading_words import LETTER_WORDS
from .md_layout import unfold_layout
from .md_names import name_in, only_doc_words, person_name
from .md_private import private_blocks, private_title
from .md_unprinted import mark_unprinted
from .md_vocabulary import (
    DOC_WORDS,
    IMG_SRC,
    ROLE_WORDS,
    has_word,
    plain,
    section_kind,
    title_text,
)

LABEL_CHARS = 60


@dataclass
class OutlineNode:
    """One heading or block of the source, and where its text goes."""

    id: int
    level: int  # depth in the outline (0 = top)
    label: str  # heading text, or the first words of a block
    first_line: int  # 1-based source lines (front matter counted)
    last_line: int
    target: str  # one of import_plan.TARGETS; the user may change it
    auto_target: str  # what the importer chose
    children: list[OutlineNode] = field(default_factory=list)
    block: Block | None = field(default=None, repr=False, compare=False)
    inherited: bool = field(default=False, repr=False, compare=False)  # follows parent
    auto_inherited: bool = field(default=False, repr=False, compare=False)
    role: str = field(default="", repr=False, compare=False)  # title | heading | block

    @property
    def is_heading(self) -> bool:
        return self.block is not None and self.block.kind == "heading"

    def walk(self) -> list[OutlineNode]:
        """This node and its descendants, depth first."""
        out = [self]
        for child in self.children:
            out += child.walk()
        return out


def block_label(block: Block) -> str:
    """The first words of a block, for the outline."""
    if block.kind == "heading":
        text = title_text(block.text) or block.text
    elif block.kind == "table":
        text = " | ".join(c for row in block.rows[:1] for c in row)
    elif block.kind == "bullets" and block.bullets:
        text = "• " + block.bullets[0].text.split("\n")[0]
    elif block.kind == "html" and (image := IMG_SRC.search(block.text)):
        text = f"<img> {image.group(1)}"
    else:
        text = block.text or block.source
    if block.kind != "heading":
        text = title_text(text)
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def _section_line(block: Block, labels: bool = False) -> bool:
    """A short paragraph that is only a section word ("경력", "Experience:")."""
    if block.kind != "paragraph" or "\n" in block.text.strip():
        return False
    return section_line(block.text, labels)


#: Headings of a Korean form that are no standard section ("**병역**  군필"): custom ones.
LEADS = ("병역", "병역사항", "기타", "기타사항", "특기", "보훈", "취미", "대외활동")
#: A label in brackets on a line of its own: "[경력]", "【병역】", "[ 기타 ]".
BRACKET_LABEL = re.compile(r"^\s*(?:\[\s*([^\[\]\n]{1,12}?)\s*\]|【\s*([^【】\n]{1,12}?)\s*】)\s*$")


def bracket_headings(blocks: list[Block]) -> bool:
    """The document writes its sections as bracketed labels ("[경력]", "[학력]"): two of
    them at least are section words, so every such label heads a section ("[병역]")."""
    lines = [line for b in blocks if b.kind == "paragraph" for line in b.text.split("\n")]
    found = [m.group(1) or m.group(2) for line in lines if (m := BRACKET_LABEL.match(line))]
    return sum(1 for label in found if section_kind(label)) >= 2


def section_line(line: str, labels: bool = False) -> bool:
    """A line that is only a section word ("경력", "EXPERIENCE", "Skills:"), or, with
    ``labels``, any bracketed label ("[기타]") of a document that writes its sections so."""
    if labels and BRACKET_LABEL.match(line):
        return True
    text = plain(line)
    return (  # "Licenses & certifications": a line of a few words, not of few letters
        0 < len(text) <= 32
        and len(text.split()) <= 3
        and not re.search(r"[.,;!?|·—–\-/()\d]", text)
        and bool(section_kind(text))
    )


#: A job site's bold section word with words after it on its line ("**학력**  대학교(4년)
#: 졸업", "**병역**  군필 / 육군"): the word heads a section, the rest is its first line.
BOLD_LEAD = re.compile(r"^\s*(\*\*|__)([^*_\n]{1,16}?)\1\s{2,}(\S.*)$")


def _bold_leads(block: Block) -> list[Block]:
    """The paragraph cut after a leading bold section word, as two blocks."""
    source = block.source.split("\n")
    match = BOLD_LEAD.match(source[0]) if block.kind == "paragraph" and source else None
    if match is None or not (section_kind(match.group(2)) or has_word(match.group(2), LEADS)):
        return [block]
    heading = Block(  # a bold paragraph used as a heading, as md_blocks makes them
        "heading",
        match.group(2).strip(),
        level=7,
        source=f"{match.group(1)}{match.group(2)}{match.group(1)}",
        first_line=block.first_line,
        last_line=block.first_line,
    )
    rest = "\n".join([match.group(3), *source[1:]])
    body = Block(
        "paragraph",
        "\n".join([match.group(3), *block.text.split("\n")[1:]]),
        source=rest,
        first_line=block.first_line,
        last_line=block.last_line,
    )
    return [heading, body]


def split_paragraphs(blocks: list[Block], labels: bool = False) -> list[Block]:
    """A paragraph whose lines include a section word on its own ("경력" in a text
    without headings) is cut there, so that the word can become a heading."""
    out: list[Block] = []
    for block in [part for b in blocks for part in _bold_leads(b)]:
        lines = block.text.split("\n") if block.kind == "paragraph" else []
        cuts = [i for i, line in enumerate(lines) if i and section_line(line, labels)]
        if len(lines) > 1 and BOLD_HEADING.match(lines[0]) and not cuts:
            cuts = [1]  # "**Ledger sharding**" over its lines: a heading of its own
        if not cuts or len(block.source.split("\n")) != len(lines):
            out.append(block)
            continue
        for start, end in zip([0, *cuts], [*cuts, len(lines)], strict=True):
            part = "\n".join(lines[start:end])
            bold = BOLD_HEADING.match(part) if end - start == 1 else None
            out.append(
                Block(
                    "heading" if bold else "paragraph",
                    bold_label(bold.group(1)) if bold else part,
                    level=7 if bold else 0,
                    source="\n".join(block.source.split("\n")[start:end]),
                    first_line=block.first_line + start,
                    last_line=block.first_line + end - 1,
                )
            )
    return out


def promote_headings(blocks: list[Block]) -> list[Block]:
    """Section-word lines become headings like bold-only paragraphs (level 7); a bold
    line with nothing under it, or a bold name or headline at the top, stays text."""
    labels = bracket_headings(blocks)
    blocks = split_paragraphs(blocks, labels)
    index = 0
    while index < len(blocks):
        block = blocks[index]
        lines = block.text.split("\n") if block.kind == "paragraph" else []
        if len(lines) > 1 and section_line(lines[0], labels):  # "경력" over the first job's line
            rest = Block(
                "paragraph",
                "\n".join(lines[1:]),
                source=block.source.split("\n", 1)[-1],
                first_line=block.first_line + 1,
                last_line=block.last_line,
            )
            blocks.insert(index + 1, rest)
            block.text, block.source, block.last_line = lines[0], lines[0], block.first_line
        if _section_line(block, labels):
            block.kind, block.level = "heading", 7
            block.text = block.text.strip().rstrip(":：").strip()
            if bracket := BRACKET_LABEL.match(block.text):  # "[병역]": the label is 병역
                block.text = bracket.group(1) or bracket.group(2)
        index += 1
    for index, block in enumerate(blocks):  # a bold line with nothing under it: emphasis
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        bare = after is None or after.kind == "heading"
        if block.kind == "heading" and block.level == 7 and bare and not section_kind(block.text):
            block.kind, block.text = "paragraph", block.source.strip()
    # a bold name or headline before the first section is no heading ("**윤서진**")
    real = [b for b in blocks if b.kind == "heading" and b.level < 7]
    at = blocks.index(real[0]) if real else -1
    after = blocks[at + 1] if real and at + 1 < len(blocks) else None
    if (  # "# Ines Duarte" over "### UX Designer": the headline, not a section
        after is not None
        and after.kind == "heading"
        and real[0].level < after.level < 7
        and name_in(real[0].text)
        and ROLE_WORDS.search(after.text)
        and len(after.text) <= 60
        and not section_kind(after.text)
        and not find_period(after.text)[0]
    ):
        after.kind, after.text = "paragraph", after.text.strip()
        after.source = after.text
        real = real[:1] + real[2:]
    for block in blocks:
        if block.kind == "heading" and block.level < 7 and block is real[0]:
            continue  # the title
        if block.kind == "heading" and block.level < 7 and _resume_after_letter(real, block):
            continue  # "# Résumé" after "# Cover Letter": the title of what follows
        if block.kind == "heading" and (block.level < 7 or section_kind(block.text)):
            break
        if block.kind == "heading" and (person_name(block.text) or ROLE_WORDS.search(block.text)):
            block.kind, block.text = "paragraph", block.source.strip()
    return blocks


def _resume_after_letter(real: list[Block], block: Block) -> bool:
    """A heading that only names the résumé ("# Résumé", "# 이력서") after a first
    heading that is a letter ("# Cover Letter"): the résumé's own title."""
    return (
        len(real) > 1
        and block is not real[0]
        and block.level == real[0].level
        and has_word(real[0].text, LETTER_WORDS)
        and only_doc_words(block.text)
        and all(not only_doc_words(b.text) for b in real[1 : real.index(block)])
    )


def find_title(blocks: list[Block]) -> int | None:
    """Index of the document's title: its first heading, if no other heading is
    shallower, and it is either the only one at its level or not a section word; after
    a letter, the heading that names the résumé."""
    levels = [b.level for b in blocks if b.kind == "heading" and not b.private]
    first = next((i for i, b in enumerate(blocks) if b.kind == "heading" and not b.private), None)
    if first is None or blocks[first].level == 7:
        return None
    title = blocks[first]
    if has_word(title.text, LETTER_WORDS):
        real = [b for b in blocks if b.kind == "heading" and b.level < 7 and not b.private]
        after = next((b for b in real if _resume_after_letter(real, b)), None)
        return blocks.index(after) if after is not None else None
    if title.level != min(levels):
        return None
    if name_in(title.text) or has_word(title.text, DOC_WORDS) or only_doc_words(title.text):
        return first
    if section_kind(title.text) is not None:
        return None  # "# 자기 소개" over the sections is their parent, not a title
    if levels.count(title.level) > 1:
        return None  # "## 1. 성장과정" among "## 2. …": a section like the others
    return first


def build_outline(
    blocks: list[Block], offset: int, left_out: frozenset[int] = frozenset()
) -> tuple[list[OutlineNode], OutlineNode | None]:
    """(top-level nodes, the title node if any). ``offset``: front matter lines;
    ``left_out``: body lines read as no text (md_dialects), their blocks left out."""
    for block in blocks:
        lines = range(block.first_line, block.last_line + 1)
        block.left_out = bool(left_out) and all(line in left_out for line in lines)
    blocks = split_pair_lines(unfold_layout(blocks))
    blocks = mark_closing(mark_unprinted(promote_headings(blocks)))
    blocks = private_blocks([b for b in blocks if b.kind != "rule"])
    title_at = find_title(blocks)
    roots: list[OutlineNode] = []
    stack: list[tuple[int, OutlineNode]] = []  # (heading level, node)
    title: OutlineNode | None = None
    counter = iter(range(1_000_000))
    for index, block in enumerate(blocks):
        node = OutlineNode(
            id=next(counter),
            level=0,
            label=private_title(block)
            if (block.private or block.goal) and block.kind != "heading"
            else block_label(block),
            first_line=block.first_line + offset,
            last_line=block.last_line + offset,
            target="",
            auto_target="",
            block=block,
            role="block",
        )
        if block.kind == "heading":
            node.role = "heading"
            level = _continued_level(block, stack)
            while stack and stack[-1][0] >= level:
                stack.pop()
            if stack and stack[-1][1] is title and block.level < 7:
                stack.pop()  # the title holds only what comes before the next heading
            if index == title_at:
                node.role, title = "title", node
            parent = stack[-1][1] if stack else None
            (parent.children if parent else roots).append(node)
            stack.append((level, node))
        else:
            parent = stack[-1][1] if stack else None
            (parent.children if parent else roots).append(node)
    for root in roots:
        _finish(root, 0)
    return roots, title


HEADING_NUMBER = re.compile(r"^\s*(\d{1,2})([.)])\s")


def _continued_level(block: Block, stack: list[tuple[int, OutlineNode]]) -> int:
    """The level of a numbered heading: the level of the heading it follows in number
    ("#### 2. …" after "### 1. …" is its sibling: a level skipped by mistake)."""
    found = HEADING_NUMBER.match(title_text(block.text))
    if found is None:
        return block.level
    for level, node in reversed(stack):
        before = HEADING_NUMBER.match(title_text(node.block.text)) if node.block else None
        if (
            before is not None
            and level < block.level
            and before.group(2) == found.group(2)
            and int(before.group(1)) + 1 == int(found.group(1))
        ):
            return level
    return block.level


def _finish(node: OutlineNode, level: int) -> None:
    node.level = level
    for child in node.children:
        _finish(child, level + 1)
        node.last_line = max(node.last_line, child.last_line)
