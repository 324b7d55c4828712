"""A list of items (jobs, degrees, projects …) with the form of the selected one.

Add, duplicate, delete, move (buttons, Alt+↑/↓, drag), hide from print. Every action is
one undo step on the document; the list follows the document, so undo shows too.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from pydantic import BaseModel
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...document import ResumeDocument
from ...model.access import Path, is_under
from ...model.base import HideableItem
from ...model.describe import item_title
from ...model.sections import section_title
from ..actions import scoped_actions
from .fields import dispose
from .form import build_form


def _is_hidden(item: BaseModel) -> bool:
    return isinstance(item, HideableItem) and item.hidden


def _list_text(item: BaseModel) -> str:
    return item_title(item) + ("  (hidden)" if _is_hidden(item) else "")


class ItemListEditor(QWidget):
    #: the user chose an item: (this list's path, its row) — the preview shows it
    rowChosen = Signal(object, int)

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
        self.hideable = issubclass(model, HideableItem)
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setMaximumHeight(110 if compact else 170)
        self.list.setAccessibleName(f"{model.__name__} list")
        self.form_holder = QVBoxLayout()
        # one action per registry entry: tool button, context menu and keys alike
        self.actions = scoped_actions(
            self, "items", self.list, skip=() if self.hideable else ("item-hide",)
        )
        buttons = QHBoxLayout()
        for action in self.actions.values():
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAccessibleName(action.objectName())
            buttons.addWidget(button)
        buttons.addStretch(1)
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
                entry = QListWidgetItem(_list_text(item))
                if _is_hidden(item):
                    entry.setForeground(Qt.GlobalColor.gray)
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
                self.list.item(index).setText(_list_text(self.items()[index]))
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
            self._form.show()  # now, not when the event loop gets round to it: focus_form
            self.rowChosen.emit(self.path, row)

    # --- actions (each one undo step) -----------------------------------------------

    def _where(self) -> str:
        """The list's name for the history: "Experience", "Projects in 네오클라우드"."""
        if len(self.path) == 1:
            return section_title(self.document.resume, str(self.path[0]))
        return self.document.describe(self.path, "").strip()

    def _title(self, row: int) -> str:
        return item_title(self.items()[row])

    def add(self) -> None:
        index = self.list.currentRow() + 1 if self.list.count() else 0
        self.document.insert_item(self.path, index, self.model(), f"Add to {self._where()}")
        self._select(index)
        self.focus_form()

    def focus_form(self) -> None:
        """Put the cursor in the first field of the selected item's form."""
        if self._form is None:
            return
        for widget in self._form.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QPlainTextEdit) and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def duplicate(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            text = f"Duplicate {self._title(row)}"
            self.document.insert_item(self.path, row + 1, self.items()[row], text)
            self._select(row + 1)

    def delete(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.document.remove_item(self.path, row, f"Delete {self._title(row)}")
            self._select(min(row, len(self.items()) - 1))

    def move_up(self) -> None:
        self.move(-1)

    def move_down(self) -> None:
        self.move(1)

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if 0 <= row < len(self.items()) and 0 <= target < len(self.items()):
            self.document.move_item(self.path, row, target, f"Move {self._title(row)}")
            self._select(target)

    def toggle_hidden(self) -> None:
        row = self.list.currentRow()
        if row >= 0 and self.hideable:
            hidden = self.items()[row].cv.hidden
            verb = "Show" if hidden else "Hide"
            self.document.set_value(
                (*self.path, row, "cv", "hidden"), not hidden, f"{verb} {self._title(row)}"
            )

    def _select(self, row: int) -> None:
        self.reload()
        if 0 <= row < self.list.count():
            self.list.setCurrentRow(row)

    def _dragged(self, _parent, start: int, _end: int, _dest, row: int) -> None:
        target = row - 1 if row > start else row
        with QSignalBlocker(self.list):
            self.document.move_item(self.path, start, target, f"Move {self._title(start)}")
        self._select(target)
