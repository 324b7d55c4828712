"""A list of items (jobs, degrees, projects …) with the form of the selected one.

Add, duplicate, delete, move (buttons, Alt+↑/↓, drag), hide from print. Every action is
one undo step on the document; the list follows the document, so undo shows too.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from pydantic import BaseModel
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...document import ResumeDocument
from ...model.access import Path, is_under
from ..icons import icon
from .fields import dispose
from .form import build_form

TITLE_FIELDS = (
    "name",
    "position",
    "title",
    "institution",
    "organization",
    "language",
    "network",
    "label",
)


def item_title(item: BaseModel) -> str:
    for name in TITLE_FIELDS:
        value = getattr(item, name, "")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return "(untitled)"


class ItemListEditor(QWidget):
    def __init__(
        self,
        document: ResumeDocument,
        path: Path,
        model: type[BaseModel],
        *,
        compact: bool = False,
        extra_rows: Callable[[object, Path], None] | None = None,
    ) -> None:
        super().__init__()
        self.document, self.path, self.model = document, path, model
        self.extra_rows = extra_rows
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setMaximumHeight(110 if compact else 170)
        self.list.setAccessibleName(f"{model.__name__} list")
        self.form_holder = QVBoxLayout()
        buttons = QHBoxLayout()
        self.actions: dict[str, QToolButton] = {}
        for key, icon_name, tip, handler in (
            ("add", "add", "Add (Ins)", self.add),
            ("duplicate", "duplicate", "Duplicate (Ctrl+D)", self.duplicate),
            ("delete", "delete", "Delete (Del)", self.delete),
            ("up", "up", "Move up (Alt+↑)", lambda: self.move(-1)),
            ("down", "down", "Move down (Alt+↓)", lambda: self.move(1)),
            ("hide", "hide", "Hide from the printed résumé (Ctrl+H)", self.toggle_hidden),
        ):
            button = QToolButton()
            button.setIcon(icon(icon_name))
            button.setToolTip(tip)
            button.setAccessibleName(key)
            button.clicked.connect(handler)
            buttons.addWidget(button)
            self.actions[key] = button
        buttons.addStretch(1)
        for keys, handler in (
            ("Ins", self.add),
            ("Ctrl+D", self.duplicate),
            ("Del", self.delete),
            ("Alt+Up", lambda: self.move(-1)),
            ("Alt+Down", lambda: self.move(1)),
            ("Ctrl+H", self.toggle_hidden),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(handler)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(self.list)
        column.addLayout(self.form_holder)
        self.list.currentRowChanged.connect(self._show_form)
        self.list.model().rowsMoved.connect(self._dragged)
        document.changed.connect(self._on_changed)
        self._form: QWidget | None = None
        self._form_row = -1
        self.reload()
        if self.list.count():
            self.list.setCurrentRow(0)

    # --- the list follows the document ---------------------------------------------

    def items(self) -> list[BaseModel]:
        return self.document.get(self.path)

    def reload(self) -> None:
        row = self.list.currentRow()
        with QSignalBlocker(self.list):
            self.list.clear()
            for item in self.items():
                entry = QListWidgetItem(item_title(item))
                if item.hidden:
                    entry.setForeground(Qt.GlobalColor.gray)
                    entry.setText(f"{entry.text()}  (hidden)")
                self.list.addItem(entry)
            if self.list.count():
                self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        self._form_row = -1  # the item at this row may be another one now
        self._show_form(self.list.currentRow())

    def _on_changed(self, changed: tuple) -> None:
        # our list may be gone (its job was deleted); the parent form then replaces us
        with contextlib.suppress(IndexError, KeyError, AttributeError):
            self._follow(changed)

    def _follow(self, changed: tuple) -> None:
        if changed == self.path:
            self.reload()  # inserted, deleted, moved
        elif is_under(changed, self.path) and len(changed) > len(self.path):
            index = changed[len(self.path)]
            if isinstance(index, int) and 0 <= index < self.list.count():
                item = self.items()[index]
                text = item_title(item) + ("  (hidden)" if item.hidden else "")
                self.list.item(index).setText(text)
        elif is_under(self.path, changed):
            self.reload()  # an ancestor was replaced (undo of a bigger change)

    def _show_form(self, row: int) -> None:
        if row == self._form_row and self._form is not None:
            return
        if self._form is not None:
            dispose(self._form)
            self._form = None
        self._form_row = row
        if 0 <= row < len(self.items()):
            item_path = (*self.path, row)
            extra = None
            if self.extra_rows is not None:

                def extra(layout, item_path=item_path):
                    self.extra_rows(layout, item_path)

            self._form = build_form(self.document, self.model, item_path, extra_rows=extra)
            self.form_holder.addWidget(self._form)

    # --- actions (each one undo step) -----------------------------------------------

    def add(self) -> None:
        index = self.list.currentRow() + 1 if self.list.count() else 0
        self.document.insert_item(self.path, index, self.model(), "Add item")
        self._select(index)

    def duplicate(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.document.insert_item(self.path, row + 1, self.items()[row], "Duplicate item")
            self._select(row + 1)

    def delete(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.document.remove_item(self.path, row, "Delete item")
            self._select(min(row, len(self.items()) - 1))

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if 0 <= row < len(self.items()) and 0 <= target < len(self.items()):
            self.document.move_item(self.path, row, target, "Move item")
            self._select(target)

    def toggle_hidden(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            hidden = self.items()[row].cv.hidden
            self.document.set_value(
                (*self.path, row, "cv", "hidden"),
                not hidden,
                "Show item" if hidden else "Hide item",
            )

    def _select(self, row: int) -> None:
        self.reload()
        if 0 <= row < self.list.count():
            self.list.setCurrentRow(row)

    def _dragged(self, _parent, start: int, _end: int, _dest, row: int) -> None:
        target = row - 1 if row > start else row
        with QSignalBlocker(self.list):
            self.document.move_item(self.path, start, target, "Move item")
        self._select(target)
