"""The résumé's sections: select, reorder (drag, Alt+↑/↓), rename (F2), hide (checkbox),
add and remove custom sections. Order, titles and hidden sections live in the layout,
so each of these is one undo step like any other edit."""

from __future__ import annotations

import re

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..document import ResumeDocument
from ..model import resume as r
from ..model.layout import STANDARD_SECTIONS
from ..model.sections import section_order, section_title
from . import dialogs
from .icons import icon

LAYOUT = ("cv", "layout")
ID_ROLE = Qt.ItemDataRole.UserRole
KIND_NAMES = {
    "list": "Bullet list",
    "dated": "Dated entries (patents, talks…)",
    "table": "Table (KPIs…)",
    "text": "Free text",
    "notes": "Private notes",
}
KIND_MODELS = {
    "list": r.ListSection,
    "dated": r.DatedSection,
    "table": r.TableSection,
    "text": r.TextSection,
    "notes": r.NotesSection,
}


class SectionList(QWidget):
    selected = Signal(str)  # section id, or "basics"

    def __init__(self, document: ResumeDocument) -> None:
        super().__init__()
        self.document = document
        self.list = QListWidget()
        self.list.setAccessibleName("Sections")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        buttons = QHBoxLayout()
        add = QToolButton()
        add.setIcon(icon("add"))
        add.setToolTip("Add a custom section")
        add.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(add)
        for kind, name in KIND_NAMES.items():
            menu.addAction(name, lambda kind=kind: self.add_custom(kind))
        add.setMenu(menu)
        buttons.addWidget(add)
        for icon_name, tip, handler in (
            ("delete", "Remove custom section", self.remove_custom),
            ("up", "Move up (Alt+↑)", lambda: self.move(-1)),
            ("down", "Move down (Alt+↓)", lambda: self.move(1)),
            ("rename", "Rename (F2)", lambda: self.list.editItem(self.list.currentItem())),
        ):
            button = QToolButton()
            button.setIcon(icon(icon_name))
            button.setToolTip(tip)
            button.clicked.connect(handler)
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(self.list)
        for keys, handler in (
            ("Alt+Up", lambda: self.move(-1)),
            ("Alt+Down", lambda: self.move(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(handler)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemChanged.connect(self._item_changed)
        self.list.model().rowsMoved.connect(self._dragged)
        document.changed.connect(self._on_changed)
        document.reset.connect(self.reload)
        self.reload()

    # --- the list follows the document ---------------------------------------------

    def ids(self) -> list[str]:
        return ["basics", *section_order(self.document.resume)]

    def title_of(self, section_id: str) -> str:
        if section_id == "basics":
            return "Profile · 기본 정보"
        return section_title(self.document.resume, section_id)

    def reload(self) -> None:
        current = self.current_id()
        hidden = set(self.document.resume.layout.hiddenSections)
        with QSignalBlocker(self.list):
            self.list.clear()
            for section_id in self.ids():
                item = QListWidgetItem(self.title_of(section_id))
                item.setData(ID_ROLE, section_id)
                flags = item.flags() | Qt.ItemFlag.ItemIsEditable
                if section_id != "basics":
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                    item.setCheckState(
                        Qt.CheckState.Unchecked if section_id in hidden else Qt.CheckState.Checked
                    )
                    item.setToolTip("Untick to leave this section out of the printed résumé")
                item.setFlags(flags)
                self.list.addItem(item)
        self.select(current or "basics")

    def _on_changed(self, changed: tuple) -> None:
        if changed[:2] == LAYOUT or changed[:2] == ("cv", "sections") or changed == ("cv",):
            self.reload()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item else None

    def select(self, section_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == section_id:
                self.list.setCurrentRow(row)
                return

    def _current_changed(self, current, _previous) -> None:
        if current is not None:
            self.selected.emit(current.data(ID_ROLE))

    # --- user actions ---------------------------------------------------------------

    def _set_order(self, order: list[str], text: str) -> None:
        self.document.set_value((*LAYOUT, "sectionOrder"), order, text)

    def move(self, step: int) -> None:
        section_id = self.current_id()
        order = section_order(self.document.resume)
        if section_id not in order:
            return
        index = order.index(section_id)
        target = index + step
        if 0 <= target < len(order):
            order.insert(target, order.pop(index))
            self._set_order(order, "Move section")
            self.select(section_id)

    def _dragged(self, *_args) -> None:
        order = [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]
        order = [sid for sid in order if sid != "basics"]
        section_id = self.current_id()
        self._set_order(order, "Move section")
        self.reload()
        if section_id:
            self.select(section_id)

    def _item_changed(self, item: QListWidgetItem) -> None:
        section_id = item.data(ID_ROLE)
        if section_id == "basics":
            self.reload()
            return
        layout = self.document.resume.layout
        hidden = item.checkState() == Qt.CheckState.Unchecked
        if hidden != (section_id in layout.hiddenSections):
            new = [s for s in layout.hiddenSections if s != section_id] + (
                [section_id] if hidden else []
            )
            self.document.set_value(
                (*LAYOUT, "hiddenSections"), new, "Hide section" if hidden else "Show section"
            )
            return
        title = item.text().strip()
        if title and title != self.title_of(section_id):
            self.rename(section_id, title)

    def rename(self, section_id: str, title: str) -> None:
        titles = dict(self.document.resume.layout.sectionTitles)
        titles[section_id] = title
        self.document.set_value((*LAYOUT, "sectionTitles"), titles, "Rename section")

    def add_custom(self, kind: str, title: str | None = None) -> str:
        if title is None:
            title = dialogs.ask_text(self, "New section", "Title:")
            if title is None or not title.strip():
                return ""
        taken = set(STANDARD_SECTIONS) | {s.id for s in self.document.resume.custom_sections}
        base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or kind
        section_id, n = base, 2
        while section_id in taken:
            section_id, n = f"{base}-{n}", n + 1
        section = KIND_MODELS[kind](id=section_id, title=title.strip())
        sections = self.document.resume.cv.sections
        self.document.insert_item(("cv", "sections"), len(sections), section, "Add section")
        self.select(section_id)
        return section_id

    def remove_custom(self) -> None:
        section_id = self.current_id()
        sections = self.document.resume.cv.sections
        index = next((i for i, s in enumerate(sections) if s.id == section_id), None)
        if index is not None:
            self.document.remove_item(("cv", "sections"), index, "Remove section")
