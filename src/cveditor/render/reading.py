"""Reading a long HTML into a QTextDocument in pieces, so the window keeps answering.

``QTextDocument.setHtml`` keeps Python's lock for its whole run (PySide does not mark
it ``allow-thread``, trap 23): a worker reading 3 200 jobs (6 MB) stopped the window
for 1.6 s. Here the body is cut at top-level elements into pieces of about
``PIECE`` characters; each piece is read into a document of its own (each call holds
the lock for a few milliseconds) and appended as a fragment. Between pieces the lock
is free and the task can be stopped.

Appending a fragment is not quite reading the whole: the first block of a piece takes
the format of the block it lands in, and Qt keeps an empty block before a table at
the start of a document and after one at the end. Both are undone below; the test
compares every block, format and table with a whole read, in every theme.
"""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser

from PySide6.QtGui import QTextCursor, QTextDocument, QTextDocumentFragment

from ..task import checkpoint

PIECE = 20_000  # characters of HTML per piece: a few milliseconds of Qt's reading
LARGE = 200_000  # from this size on a document is read in pieces (about 30 pages)
_VOID = {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source"}


class _TopLevel(HTMLParser):
    """Where each top-level element of the body starts, as (line, column)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = 0
        self.in_body = False
        self.starts: list[tuple[int, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.in_body = True
        elif self.in_body and tag not in _VOID:
            if self.depth == 0:
                self.starts.append(self.getpos())
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "body":
            self.in_body = False
        elif self.in_body and tag not in _VOID:
            self.depth = max(0, self.depth - 1)


def _offsets(html: str, positions: list[tuple[int, int]]) -> list[int]:
    lines = [0] + [match.end() for match in re.finditer("\n", html)]
    return [lines[line - 1] + column for line, column in positions]


def pieces(html: str, size: int = PIECE) -> list[str]:
    """The HTML as whole documents (its head each time), cut between top-level
    elements of its body; the HTML itself when it cannot be cut."""
    opening = re.search(r"<body[^>]*>", html)
    closing = html.rfind("</body>")
    if opening is None or closing < opening.end():
        return [html]
    parser = _TopLevel()
    parser.feed(html)
    head = html[: opening.end()]
    cuts, last = [opening.end()], opening.end()
    for start in _offsets(html, parser.starts):
        if start - last >= size and start < closing:
            cuts.append(start)
            last = start
    cuts.append(closing)
    return [head + html[a:b] + "</body></html>" for a, b in itertools.pairwise(cuts)]


def _starts_with_table(doc: QTextDocument) -> bool:
    first = doc.begin()
    return first.length() == 1 and QTextCursor(first.next()).currentTable() is not None


def read_html(doc: QTextDocument, html: str, size: int = PIECE, large: int = LARGE) -> None:
    """``doc.setHtml(html)`` into an empty ``doc``, in pieces when the HTML is ``large``
    (see the module's doc)."""
    if len(html) < large:
        doc.setHtml(html)
        return
    parts = pieces(html, size)
    cursor = QTextCursor(doc)
    for index, part in enumerate(parts):
        checkpoint("Reading the pages", index, len(parts))
        piece = QTextDocument()
        piece.setHtml(part)
        first_format = piece.begin().blockFormat()
        table_first = _starts_with_table(piece)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if index and not (cursor.block().length() == 1 and table_first):
            cursor.insertBlock()  # the piece's first block is a block of its own
        start = cursor.position()
        cursor.insertFragment(QTextDocumentFragment(piece))
        if index == 0 or not table_first:  # else it lands in the block Qt keeps after a table
            landed = QTextCursor(doc)
            landed.setPosition(start)
            landed.setBlockFormat(first_format)
