"""The open résumé: its model, file, undo stack and dirty state. The only writer of the model.

Widgets never change the model themselves: they ask the document, which pushes an undo
command; every change is announced with its path (``changed``) so that editors refresh
only what changed and the preview re-renders.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from .commands import (
    InsertItem,
    MoveItem,
    RemoveItem,
    SetValue,
    UpgradeLegacyKeys,
    field_owner,
)
from .io import native
from .io.problems import Problem, find_problems
from .model.access import Path as ModelPath
from .model.access import get_at
from .model.describe import describe_edit
from .model.resume import Resume


def file_digest(path: Path) -> str | None:
    """SHA-256 of an ordinary file's bytes; None when it is missing, unreadable or not an
    ordinary file (a FIFO would block the read forever)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class ResumeDocument(QObject):
    changed = Signal(tuple)  # the path that changed
    reset = Signal()  # a different résumé (new, open, recovered)
    dirtyChanged = Signal(bool)
    pathChanged = Signal(object)
    sourceChanged = Signal()  # the file's text was read or written anew (problems' lines)

    def __init__(self, resume: Resume | None = None, path: Path | None = None) -> None:
        super().__init__()
        self.resume = resume or Resume()
        self.source_text = ""
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
        """Several values as one undo step; nothing happens when none differs (and no
        field set holds a value of the file that cveditor could not read: setting it,
        even to empty, gives that value up)."""
        if all(self.get(path) == value for path, value in changes.items()) and not any(
            self._holds_kept(path) for path in changes
        ):
            return
        self.undo_stack.push(SetValue(self, changes, text, merge=merge))

    def _holds_kept(self, path: ModelPath) -> bool:
        found = field_owner(self.resume, path)
        return found is not None and found[0].has_kept(found[1])

    def insert_item(self, path: ModelPath, index: int, item: Any, text: str = "Add") -> None:
        self.undo_stack.push(InsertItem(self, path, index, item, text))

    def remove_item(self, path: ModelPath, index: int, text: str = "Delete") -> None:
        self.undo_stack.push(RemoveItem(self, path, index, text))

    def move_item(self, path: ModelPath, source: int, target: int, text: str = "Move") -> None:
        if source != target:
            self.undo_stack.push(MoveItem(self, path, source, target, text))

    def upgrade_legacy_keys(self) -> None:
        """From now on save pre-1.0 keys under their 1.0 names (one undo step)."""
        self.undo_stack.push(UpgradeLegacyKeys(self))

    def problems(self) -> list[Problem]:
        """What the open file holds that cveditor keeps without reading, as of now
        (a value the user has since set is no longer a problem)."""
        return find_problems(self.resume, self.source_text)

    def set_source_text(self, text: str) -> None:
        """The text of the file as now on disk: problems name its lines."""
        self.source_text = text
        self.sourceChanged.emit()

    def announce(self, path: ModelPath) -> None:
        """Called by commands after they changed the model."""
        self.changed.emit(tuple(path))

    # --- files -----------------------------------------------------------------------

    def replace(
        self, resume: Resume, path: Path | None, *, saved: bool = True, source_text: str = ""
    ) -> None:
        """Show another résumé: history starts afresh. ``saved=False`` for work that is
        not on disk yet (imported, recovered): it counts as unsaved changes.
        ``source_text``: the JSON it was read from, so problems can name their lines."""
        self.resume = resume
        self.source_text = source_text
        self.undo_stack.clear()
        if saved:
            self.undo_stack.setClean()  # clear() keeps an earlier resetClean() (Qt)
        else:
            self.undo_stack.resetClean()
        self.set_path(path)
        self.reset.emit()

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.disk_digest = file_digest(path) if path else None
        self.pathChanged.emit(path)

    def changed_on_disk(self) -> str:
        """What another program did to our file since we opened or saved it: "" (nothing),
        "changed", or "deleted" (deleted, moved away, or a link that now leads nowhere)."""
        if self.path is None:
            return ""
        try:
            os.stat(self.path)
        except (FileNotFoundError, NotADirectoryError):
            return "deleted" if self.disk_digest is not None else ""
        except OSError:
            pass  # unreadable now: compared below like any other change
        return "changed" if file_digest(self.path) != self.disk_digest else ""

    def save(self, path: Path | None = None, *, overwrite_read_only: bool = False) -> None:
        """Write the résumé (docs/saving.md); a read-only file raises ReadOnlyFileError
        unless ``overwrite_read_only`` (the user said so)."""
        target = path or self.path
        if target is None:
            raise ValueError("save needs a path")
        native.save(self.resume, target, overwrite_read_only=overwrite_read_only)
        self.set_path(target)
        self.undo_stack.setClean()
