"""A text section made only of numbered questions ("## 자기소개서" over "### 1. 성장 과정",
"### 2. 교육관"): each question is a section of its own, so that the reader can move,
hide or rename one answer; the parent heading only names the document part.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .md_vocabulary import title_text

if TYPE_CHECKING:
    from .md_outline import OutlineNode

#: A question's number before its title: "1. ", "2) ", "(3) ", "Q4. ".
QUESTION_NUMBER = re.compile(r"^\s*(?:Q\s*)?\(?\d{1,2}[.)]\s*")


def numbered_questions(node: OutlineNode) -> bool:
    """Two or more numbered sub-headings of text and nothing else under the heading."""
    subs = node.children
    return (
        len(subs) >= 2
        and all(c.is_heading and c.target == "custom-text" and c.inherited for c in subs)
        and all(QUESTION_NUMBER.match(title_text(c.label)) for c in subs)
        and all(c.children and all(_prose(g) for g in c.children) for c in subs)
    )


def _prose(node: OutlineNode) -> bool:
    """An answer's paragraph: no heading, list or table (a project's "- 기간:" lines)."""
    return node.block is not None and node.block.kind == "paragraph"


def split_questions(node: OutlineNode) -> None:
    """Each question its own text section, titled without its number."""
    node.target = node.auto_target = "omit"
    for child in node.children:
        child.inherited = child.auto_inherited = False
        if child.block is not None:
            child.block.text = QUESTION_NUMBER.sub("", title_text(child.block.text))
