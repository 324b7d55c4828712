"""The copy of the résumé a background render works on, made in time proportional to
the edit, not to the résumé.

The worker must not read the model the user is editing, so each render starts from a
copy taken on the window's thread. Pickling all of a 3 200-job résumé took 0.2 s there
(the window waited as long at every render). Here each item of a top-level list (a job,
a degree…) is kept pickled until an edit touches it: the document says which path
changed (``ResumeDocument.changed``), so a copy after typing in one job pickles that
job and the small rest (basics, layout, custom sections), and reuses the other jobs'
bytes. The worker rebuilds the résumé from the pieces (``restore``).
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from ..document import ResumeDocument
from ..model.resume import Resume

PROTOCOL = 5


@dataclass(frozen=True)
class Frozen:
    """A résumé as bytes: its shell (every field but the top-level lists, which are
    empty in it) and each list's items, pickled one by one."""

    shell: bytes
    lists: dict[str, list[bytes]]


def _list_fields(resume: Resume) -> list[str]:
    return [name for name, value in resume.__dict__.items() if isinstance(value, list)]


class Snapshots(QObject):
    """Pickled items of the open résumé, dropped when an edit touches them."""

    def __init__(self, document: ResumeDocument) -> None:
        super().__init__(document)
        self.document = document
        #: list field → {id(item): (item, its bytes)}; the item is held so that its id
        #: cannot be taken by a new object while the bytes are kept
        self._items: dict[str, dict[int, tuple[Any, bytes]]] = {}
        #: list field → (the list object, its pieces) while no edit touched it: a copy
        #: during a long render (the autosave's) need not even look at 3 200 jobs
        self._whole: dict[str, tuple[list[Any], list[bytes]]] = {}
        document.changed.connect(self._forget)
        document.reset.connect(self._clear)

    @classmethod
    def shared(cls, document: ResumeDocument) -> Snapshots:
        """The document's one cache: the preview's copies and the autosave's share it."""
        found = document.findChild(cls)
        return found if isinstance(found, cls) else cls(document)

    def _clear(self) -> None:
        self._items.clear()
        self._whole.clear()

    def _forget(self, path: tuple) -> None:
        """An edit at ``path``: the item it lies in is pickled again at the next copy.
        An edit of a list itself (an item inserted, removed, moved, or the list set
        anew, which makes new items) needs nothing: each copy reads the list's items
        anew, and only those it has not seen are pickled."""
        if not path:  # everything (the file upgraded to 1.0 names)
            self._clear()
            return
        self._whole.pop(path[0], None)
        cached = self._items.get(path[0])
        if cached is None or len(path) < 2 or not isinstance(path[1], int):
            return
        items = getattr(self.document.resume, path[0], None)
        if isinstance(items, list) and 0 <= path[1] < len(items):
            cached.pop(id(items[path[1]]), None)
        else:
            self._items.pop(path[0], None)

    def take(self) -> Frozen:
        """The résumé as it is now (on the window's thread, before the render starts)."""
        resume = self.document.resume
        names = _list_fields(resume)
        lists: dict[str, list[bytes]] = {}
        for name in names:
            items = getattr(resume, name)
            whole = self._whole.get(name)
            if whole is not None and whole[0] is items:
                lists[name] = whole[1]
                continue
            old = self._items.get(name, {})
            new: dict[int, tuple[Any, bytes]] = {}
            pieces = []
            for item in items:
                kept = old.get(id(item))
                if kept is None or kept[0] is not item:
                    kept = (item, pickle.dumps(item, protocol=PROTOCOL))
                new[id(item)] = kept
                pieces.append(kept[1])
            self._items[name] = new  # items no longer in the list are let go
            self._whole[name] = (items, pieces)
            lists[name] = pieces
        shell = resume.model_copy()  # shallow: the lists are set aside, not copied
        for name in names:
            shell.__dict__[name] = []
        return Frozen(pickle.dumps(shell, protocol=PROTOCOL), lists)


def restore(frozen: Frozen) -> Resume:
    """The résumé from its pieces (in the worker)."""
    resume: Resume = pickle.loads(frozen.shell)
    for name, pieces in frozen.lists.items():
        resume.__dict__[name] = [pickle.loads(piece) for piece in pieces]
    return resume
