"""The timer's autosave, written by a worker thread from a copy of the résumé.

Encoding a 3 200-job résumé takes about half a second; done on the window's thread
every 30 s it stopped typing and scrolling for as long (longer while a preview was being
made beside it). The copy is taken here in time proportional to the edits since the
last one (snapshot.py), and the worker rebuilds it, encodes it and writes the file.

A copy begun before the work was saved or discarded must not outlive that moment:
:meth:`AutosaveWriter.forget` waits for a write under way, and its result is then
deleted instead of being kept. Emergencies (SIGTERM, session end) still write on the
window's thread, at once (files.py ``autosave_now``), after waiting for this one.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..document import ResumeDocument
from ..errors import ResumeFileError
from . import autosave
from .background import Worker
from .snapshot import Snapshots, restore


class AutosaveWriter(QObject):
    """One background write at a time; says ``written(slot)`` or ``failed(error)``."""

    written = Signal(object)  # the copy's path
    failed = Signal(object)  # the exception the write raised

    def __init__(self, document: ResumeDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.copies = Snapshots.shared(document)
        self.worker: Worker[Path] | None = None
        self.epoch = 0  # changes when the copies are forgotten: earlier writes don't count

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def start(self, *, window_id: str, slot: Path | None) -> bool:
        """Begin writing the copy of the document as it is now; False if one is under
        way (the next tick writes the newer state)."""
        if self.worker is not None:
            return False
        document = self.document
        frozen, original, digest = self.copies.take(), document.path, document.disk_digest

        def write() -> Path:
            return autosave.write(
                restore(frozen), original, window_id=window_id, base_digest=digest, slot=slot
            )

        worker: Worker[Path] = Worker(write)
        worker.finished.connect(partial(self._finished, worker, self.epoch))
        self.worker = worker
        worker.start()
        return True

    def wait(self) -> None:
        """Until the write under way (if any) has reached the disk."""
        if self.worker is not None:
            self.worker.wait()

    def forget(self) -> None:
        """The work was saved or discarded: a write under way ends first, and neither it
        nor its file counts (the caller deletes the copies after this)."""
        self.epoch += 1
        self.wait()

    def _finished(self, worker: Worker[Path], epoch: int) -> None:
        if worker is self.worker:
            self.worker = None
        try:
            slot = worker.outcome()
        except (OSError, ValueError, ResumeFileError) as error:  # others are bugs: raised
            if epoch == self.epoch:
                self.failed.emit(error)
            return
        if epoch != self.epoch:  # saved or discarded while it was written
            autosave.discard(slot)
            return
        self.written.emit(slot)
