"""The marks themes put in the HTML for the paginator and the painter, read cheaply.

Themes mark a heading ``<a name="cv-h-<section>">`` and an item
``<a name="cv-item-<level>-<n>">``; the shared names ``cv-keep`` (keep with the next
line), ``cv-thead-…`` (a table's header row), ``cv-rule`` (a rule under the block) and
``cv-bar`` (a bar left of a project) say how to lay a block out.

Qt's HTML import is quadratic in the number of distinct anchor names (each is a char
format of its own: 4 000 / 16 000 named paragraphs took 1.3 / 11.6 s, the same with one
shared name 0.07 / 0.25 s). So before reading, every unique name is cut to its kind
(``cv-item-1-17`` → ``cv-item-1``) and the full names are kept in a list, in document
order; after reading, each marked block's user state is its index in that list. A
block's user state is its own data, not a format, so it costs nothing and moves with
the block when the paginator splits or inserts around it.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextBlock, QTextDocument

from ..task import checkpoint

#: A unique mark: its kind (kept in the HTML) and the rest (kept in the list).
_UNIQUE = re.compile(r'<a name="(cv-(?:h|item-\d+|thead))-([^"]*)"')
IDENTITY_KINDS = ("cv-h", "cv-item-", "cv-thead")
RULE = "cv-rule"
BAR = "cv-bar"
STEP = 1000  # blocks between two checkpoints


def share_names(html: str) -> tuple[str, list[str]]:
    """(the HTML with unique marks cut to their kind, the full names in order)."""
    names: list[str] = []

    def cut(match: re.Match[str]) -> str:
        names.append(f"{match.group(1)}-{match.group(2)}")
        return f'<a name="{match.group(1)}"'

    return _UNIQUE.sub(cut, html), names


def anchors_of(block: QTextBlock) -> list[str]:
    """The anchor names in a block (kinds and shared names, as read)."""
    names: list[str] = []
    it = block.begin()
    while not it.atEnd():
        names += it.fragment().charFormat().anchorNames()
        it += 1
    return names


def is_identity(name: str) -> bool:
    return name.startswith(IDENTITY_KINDS)


def attach_names(doc: QTextDocument, names: list[str]) -> None:
    """Give each block holding a unique mark its index in ``names`` as user state; the
    marks come back in the order the HTML had them (one per block in our themes: a
    second one in the same block keeps only the first's name)."""
    index = 0
    block, count = doc.begin(), 0
    while block.isValid() and index < len(names):
        if count % STEP == 0:
            checkpoint("Reading the pages", block.position(), doc.characterCount())
        marks = [name for name in anchors_of(block) if is_identity(name)]
        if marks:
            block.setUserState(index)
            index += len(marks)
        block, count = block.next(), count + 1


def name_of(block: QTextBlock, names: list[str], kind: str) -> str:
    """The full name of the block's mark of ``kind`` (the kind itself if unknown)."""
    state = block.userState()
    if 0 <= state < len(names) and names[state].startswith(kind):
        return names[state]
    return kind
