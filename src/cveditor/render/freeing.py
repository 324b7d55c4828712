"""Free a long laid-out document in steps, each a short call into Qt.

Deleting a QTextDocument of a thousand pages is one call that holds Python's lock for
tens of milliseconds (66 ms at 3 200 jobs), and the window waits on that lock for
every event it hands to Python. Removing its text a few hundred paragraphs at a time
(each step about 2 ms), with its layout switched off first so nothing is laid out
again, lets the lock change hands between the steps. The window's disposer
(ui/disposal.py) does one step per turn of its event loop; a render that is stopped
part-way does all the steps at once in its own thread (column.py).
"""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextCursor, QTextDocument

BLOCKS_PER_STEP = 200
#: Below this many blocks a document is freed at once.
SMALL = 2_000


def stop_layout(doc: QTextDocument) -> None:
    """No layout from here on: a null page size (architecture trap 27)."""
    doc.setPageSize(QSizeF(0, 0))


def remove_a_step(doc: QTextDocument) -> bool:
    """Remove the first :data:`BLOCKS_PER_STEP` paragraphs; False when one is left."""
    if doc.blockCount() <= 1:
        return False
    cursor = QTextCursor(doc)
    end = doc.findBlockByNumber(min(BLOCKS_PER_STEP, doc.blockCount() - 1))
    cursor.setPosition(end.position(), QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    return True


def empty_in_steps(doc: QTextDocument) -> None:
    """All the steps, one after another (Python's lock may change hands between)."""
    if doc.blockCount() < SMALL:
        return
    stop_layout(doc)
    while remove_a_step(doc):
        pass
