"""The open résumé: its model, file, undo stack and dirty state. The only writer of the model.

Widgets never change the model themselves: they ask the document, which pushes an undo
command; every change is announced with its path (``changed``) so that editors refresh
only what changed and the preview re-renders.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from .commands import InsertItem, MoveItem, RemoveItem, SetValue
from .io import native
from .model.access import Path as ModelPath
from .model.access import get_at
from .model.describe import describe_edit
from .model.resume import Resume


def file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class ResumeDocument(QObject):
    changed = Signal(tuple)  # the path that changed
    reset = Signal()  # a different résumé (new, open, recovered)
    dirtyChanged = Signal(bool)
    pathChanged = Signal(object)

    def __init__(self, resume: Resume | None = None, path: Path | None = None) -> None:
        super().__init__()
        self.resume = resume or Resume()
        self.path = path
        self.disk_digest = file_digest(path) if path else None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, clean: bool) -> None:
        self.dirtyChanged.emit(not clean)

    # --- reading ---------------------------------------------------------------------

    @property
    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def get(self, path: ModelPath) -> Any:
        return get_at(self.resume, path)

    def describe(self, path: ModelPath, verb: str = "Edit") -> str:
        """Undo-history words for a change at ``path``: "Edit Position in 네오클라우드"."""
        return describe_edit(self.resume, path, verb)

    @property
    def base_dir(self) -> Path | None:
        return self.path.parent if self.path else None

    # --- changing (each an undo step) --------------------------------------------------

    def set_value(self, path: ModelPath, value: Any, text: str = "Edit", *, merge: bool = False):
        self.set_values({path: value}, text, merge=merge)

    def set_values(
        self, changes: dict[ModelPath, Any], text: str = "Edit", *, merge: bool = False
    ) -> None:
        """Several values as one undo step; nothing happens when none differs."""
        if all(self.get(path) == value for path, value in changes.items()):
            return
        self.undo_stack.push(SetValue(self, changes, text, merge=merge))

    def insert_item(self, path: ModelPath, index: int, item: Any, text: str = "Add") -> None:
        self.undo_stack.push(InsertItem(self, path, index, item, text))

    def remove_item(self, path: ModelPath, index: int, text: str = "Delete") -> None:
        self.undo_stack.push(RemoveItem(self, path, index, text))

    def move_item(self, path: ModelPath, source: int, target: int, text: str = "Move") -> None:
        if source != target:
            self.undo_stack.push(MoveItem(self, path, source, target, text))

    def announce(self, path: ModelPath) -> None:
        """Called by commands after they changed the model."""
        self.changed.emit(tuple(path))

    # --- files -----------------------------------------------------------------------

    def replace(self, resume: Resume, path: Path | None, *, saved: bool = True) -> None:
        """Show another résumé: history starts afresh. ``saved=False`` for work that is
        not on disk yet (imported, recovered): it counts as unsaved changes."""
        self.resume = resume
        self.undo_stack.clear()
        if not saved:
            self.undo_stack.resetClean()
        self.set_path(path)
        self.reset.emit()

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.disk_digest = file_digest(path) if path else None
        self.pathChanged.emit(path)

    def changed_on_disk(self) -> bool:
        """Whether another program changed our file since we opened or saved it."""
        return self.path is not None and file_digest(self.path) != self.disk_digest

    def save(self, path: Path | None = None) -> None:
        target = path or self.path
        if target is None:
            raise ValueError("save needs a path")
        native.save(self.resume, target)
        self.set_path(target)
        self.undo_stack.setClean()
