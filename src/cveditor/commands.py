"""Undoable changes to the open résumé: one small QUndoCommand per user action.

Each command captures what it needs when it is made (old and new values, copies), so
undo and redo never depend on the state of widgets. Typing into one field merges into
one command, so undo takes back a burst of typing, not a character.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from .model.access import Path, get_at, set_at, snapshot
from .model.base import Entry, Kept

if TYPE_CHECKING:
    from .document import ResumeDocument

SET_VALUE_ID = 1001


def field_owner(root: Any, path: Path) -> tuple[Entry, str] | None:
    """(the model object, the field name) that ``path`` sets, when it names a field of
    one — where a value of the file that cveditor could not read may be kept."""
    if not path or not isinstance(path[-1], str):
        return None
    owner = get_at(root, path[:-1])
    return (owner, path[-1]) if isinstance(owner, Entry) else None


class SetValue(QUndoCommand):
    """New values at one or more paths, as one step (a date field sets the date and
    the text typed for it together). Typing merges while the same paths change."""

    def __init__(
        self, document: ResumeDocument, changes: dict[Path, Any], text: str, *, merge: bool
    ) -> None:
        super().__init__(text)
        self.document = document
        self.paths = tuple(changes)
        self.old = {path: snapshot(get_at(document.resume, path)) for path in self.paths}
        self.new = {path: snapshot(value) for path, value in changes.items()}
        self.merge = merge
        #: values the file had that cveditor could not read, given up by this edit (a
        #: field the user sets, even to empty, no longer writes back the unread value)
        self.forgotten: dict[Path, Kept] = {}

    @property
    def path(self) -> Path:
        return self.paths[0]

    def id(self) -> int:
        return SET_VALUE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValue) or not other.merge or other.paths != self.paths:
            return False
        self.new = other.new
        self.forgotten = {**other.forgotten, **self.forgotten}
        return True

    def _apply(self, values: dict[Path, Any]) -> None:
        for path, value in values.items():
            set_at(self.document.resume, path, snapshot(value))
        for path in self.paths:
            self.document.announce(path)

    def _owner(self, path: Path) -> tuple[Entry, str] | None:
        return field_owner(self.document.resume, path)

    def redo(self) -> None:
        for path in self.paths:
            found = self._owner(path)
            kept = found[0].forget_kept(found[1]) if found else None
            if kept is not None:
                self.forgotten[path] = kept
        self._apply(self.new)

    def undo(self) -> None:
        for path, kept in self.forgotten.items():  # before the fields hear of the undo
            found = self._owner(path)
            if found is not None:
                found[0].keep_again(found[1], kept)
        self.forgotten = {}
        self._apply(self.old)


class InsertItem(QUndoCommand):
    def __init__(self, document: ResumeDocument, path: Path, index: int, item: Any, text: str):
        super().__init__(text)
        self.document, self.path, self.index, self.item = document, path, index, snapshot(item)

    def redo(self) -> None:
        get_at(self.document.resume, self.path).insert(self.index, snapshot(self.item))
        self.document.announce(self.path)

    def undo(self) -> None:
        del get_at(self.document.resume, self.path)[self.index]
        self.document.announce(self.path)


class RemoveItem(QUndoCommand):
    def __init__(self, document: ResumeDocument, path: Path, index: int, text: str) -> None:
        super().__init__(text)
        self.document, self.path, self.index = document, path, index
        self.item = snapshot(get_at(document.resume, path)[index])

    def redo(self) -> None:
        del get_at(self.document.resume, self.path)[self.index]
        self.document.announce(self.path)

    def undo(self) -> None:
        get_at(self.document.resume, self.path).insert(self.index, snapshot(self.item))
        self.document.announce(self.path)


class MoveItem(QUndoCommand):
    def __init__(self, document: ResumeDocument, path: Path, source: int, target: int, text: str):
        super().__init__(text)
        self.document, self.path, self.source, self.target = document, path, source, target

    def _move(self, source: int, target: int) -> None:
        items = get_at(self.document.resume, self.path)
        items.insert(target, items.pop(source))
        self.document.announce(self.path)

    def redo(self) -> None:
        self._move(self.source, self.target)

    def undo(self) -> None:
        self._move(self.target, self.source)


class UpgradeLegacyKeys(QUndoCommand):
    """Save pre-1.0 keys (``company``, ``website``…) under their 1.0 names from now on."""

    def __init__(self, document: ResumeDocument) -> None:
        super().__init__("Upgrade to JSON Resume 1.0 names")
        self.document = document
        self.found: list[tuple[Path, dict[str, str]]] = []
        _collect_legacy(document.resume, (), self.found)

    def redo(self) -> None:
        for path, _legacy in self.found:
            get_at(self.document.resume, path).upgrade_legacy_keys()
        self.document.announce(())

    def undo(self) -> None:
        for path, legacy in self.found:
            get_at(self.document.resume, path)._legacy = dict(legacy)
        self.document.announce(())


def _collect_legacy(node: Any, path: Path, found: list) -> None:
    from pydantic import BaseModel

    if isinstance(node, list):
        for index, item in enumerate(node):
            _collect_legacy(item, (*path, index), found)
    elif isinstance(node, BaseModel):
        legacy = getattr(node, "_legacy", None)
        if legacy:
            found.append((path, dict(legacy)))
        for name in type(node).model_fields:
            _collect_legacy(getattr(node, name), (*path, name), found)
