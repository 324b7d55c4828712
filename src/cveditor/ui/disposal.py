"""Pages no longer shown are freed a little at a time, between the window's events.

Freeing a 1 000-page document at once came right when the new pages were to be shown
(render/freeing.py says why it is slow); its text is removed one step per turn of the
event loop instead, and what is left is then freed at once.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextDocument

from ..render.freeing import SMALL, remove_a_step, stop_layout
from ..render.pages import PagedDocument


class Disposer(QObject):
    """Frees the pages given to it in steps (one timer for all of them)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[tuple[PagedDocument, list[QTextDocument]]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def dispose(self, paged: PagedDocument) -> None:
        docs = [doc for doc in paged.documents() if shiboken6.isValid(doc)]
        if sum(doc.blockCount() for doc in docs) < SMALL:
            paged.close()
            return
        for doc in docs:
            stop_layout(doc)
        self._pending.append((paged, docs))
        self._timer.start()

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def finish(self) -> None:
        """Free everything now (the window is closing)."""
        while self._pending:
            paged, _docs = self._pending.pop()
            paged.close()
        self._timer.stop()

    def _step(self) -> None:
        if not self._pending:
            self._timer.stop()
            return
        paged, docs = self._pending[0]
        doc = docs[0] if docs else None
        if doc is not None and shiboken6.isValid(doc) and remove_a_step(doc):
            return
        if docs:
            docs.pop(0)
            return
        self._pending.pop(0)
        paged.close()  # the rest, and the thread that made the pages may end
