"""Application shortcuts win wherever the focus is.

On X11 a QLineEdit claims Ctrl+E (end of line), Ctrl+A, Ctrl+K, Ctrl+Z … through a
ShortcutOverride event, so a menu shortcut with the same keys does nothing while a
one-line field has focus (Export PDF was dead from every form field). This filter
answers ShortcutOverride for the window's own keys before the field sees it; the keys
that mean the same thing in a field (cut, copy, paste, select all) stay with the field.

The filter sits on the focused widget only (ShortcutOverride goes to the focus), moved
as the focus moves: a filter on the whole application is a call into Python for every
event of every widget, and each such call waits for Python's lock while a preview is
made in the background.
"""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from .actions import ACTIONS


def _combined(event: QKeyEvent) -> QKeySequence:
    return QKeySequence(event.keyCombination())


class ShortcutGuard(QObject):
    """Made by the main window; watches the focused widget while it is in that window."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.keys = {
            seq.toString()
            for spec in ACTIONS
            if spec.scope == "window" and not spec.field_keys
            for seq in spec.sequences()
        }
        self.watched: QWidget | None = None
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)
        self._focus_moved(None, app.focusWidget())

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.watched is not None:
            with suppress(RuntimeError):  # deleted meanwhile: its filters went with it
                self.watched.removeEventFilter(self)
            self.watched = None
        if new is not None and new.window() is self.window:
            new.installEventFilter(self)
            self.watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride:
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        if _combined(event).toString() in self.keys:  # type: ignore[arg-type]
            event.ignore()  # not the field's: let the shortcut map have it
            return True
        return False
