"""The one door to icons: names used by the UI → qtawesome, created lazily and cached.

Importing qtawesome costs ~140 ms (design.md §4 trap 13), so it happens on first use.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

NAMES = {
    "new": "fa5s.file",
    "open": "fa5s.folder-open",
    "save": "fa5s.save",
    "save-as": "fa5s.file-export",
    "pdf": "fa5s.file-pdf",
    "print": "fa5s.print",
    "undo": "fa5s.undo",
    "redo": "fa5s.redo",
    "add": "fa5s.plus",
    "delete": "fa5s.trash-alt",
    "duplicate": "fa5s.clone",
    "up": "fa5s.arrow-up",
    "down": "fa5s.arrow-down",
    "hide": "fa5s.eye-slash",
    "rename": "fa5s.i-cursor",
    "zoom-in": "fa5s.search-plus",
    "zoom-out": "fa5s.search-minus",
    "history": "fa5s.history",
    "theme": "fa5s.palette",
    "quit": "fa5s.sign-out-alt",
    "import": "fa5s.file-import",
    "export": "fa5s.file-export",
    "keyboard": "fa5s.keyboard",
    "refresh": "fa5s.sync-alt",
}


@cache
def icon(name: str) -> QIcon:
    import qtawesome

    return qtawesome.icon(NAMES[name], color="#37474f")
