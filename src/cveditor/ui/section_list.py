"""The résumé's sections: select, reorder (drag, Alt+↑/↓), rename (F2), hide (checkbox),
add and remove custom sections. Order, titles and hidden sections live in the layout,
so each of these is one undo step like any other edit."""

from __future__ import annotations

import re

from PySide6.QtCore import QSignalBlocker, Qt, Signal
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
from ..model.kinds import CUSTOM_KINDS, kind_of, new_custom_section
from ..model.layout import STANDARD_SECTIONS
from ..model.sections import section_order, section_title
from . import dialogs
from .actions import scoped_actions
from .icons import icon

LAYOUT = ("cv", "layout")
ID_ROLE = Qt.ItemDataRole.UserRole
PRIVATE_NOTE = "Private: kept in the file, never printed or exported"


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
        add.setAccessibleName("Add section")
        add.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(add)
        for kind in CUSTOM_KINDS.values():
            menu.addAction(kind.name, lambda kind=kind.id: self.add_custom(kind))
        add.setMenu(menu)
        buttons.addWidget(add)
        self.actions = scoped_actions(self, "sections", self.list)
        for key in ("section-remove", "section-up", "section-down", "section-rename"):
            button = QToolButton()
            button.setDefaultAction(self.actions[key])
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(self.list)
        self.add_button = add
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
        with QSignalBlocker(self.list):
            self.list.clear()
            for section_id in self.ids():
                self.list.addItem(self._entry(section_id))
        self.select(current or "basics")

    def _entry(self, section_id: str) -> QListWidgetItem:
        """A row: the title, a tick for "printed", and what the tick cannot say."""
        item = QListWidgetItem(self.title_of(section_id))
        item.setData(ID_ROLE, section_id)
        flags = item.flags() | Qt.ItemFlag.ItemIsEditable
        if section_id == "basics":
            item.setFlags(flags)
            return item
        resume = self.document.resume
        if kind_of(resume, section_id).private:
            item.setFlags(flags & ~Qt.ItemFlag.ItemIsUserCheckable)
            item.setText(f"{item.text()}  (private)")
            item.setToolTip(PRIVATE_NOTE)
            item.setForeground(Qt.GlobalColor.darkGray)
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
            return item
        item.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable)
        printed = not self._is_hidden(section_id)
        item.setCheckState(Qt.CheckState.Checked if printed else Qt.CheckState.Unchecked)
        item.setToolTip("Untick to leave this section out of the printed résumé")
        if not printed:
            item.setForeground(Qt.GlobalColor.darkGray)
        return item

    def _is_hidden(self, section_id: str) -> bool:
        resume = self.document.resume
        custom = resume.custom_section(section_id)
        return section_id in resume.layout.hiddenSections or bool(custom and custom.hidden)

    def _custom_index(self, section_id: str) -> int | None:
        sections = self.document.resume.cv.sections
        return next((i for i, s in enumerate(sections) if s.id == section_id), None)

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
            section_id = current.data(ID_ROLE)
            self._enable_actions(section_id)
            self.selected.emit(section_id)

    def _enable_actions(self, section_id: str) -> None:
        """Grey out what cannot apply: removing a standard section, moving the profile."""
        custom = self.document.resume.custom_section(section_id) is not None
        self.actions["section-remove"].setEnabled(custom)
        for key in ("section-up", "section-down", "section-print"):
            self.actions[key].setEnabled(section_id != "basics")

    # --- user actions ---------------------------------------------------------------

    def _set_order(self, order: list[str], text: str) -> None:
        self.document.set_value((*LAYOUT, "sectionOrder"), order, text)

    def move_up(self) -> None:
        self.move(-1)

    def move_down(self) -> None:
        self.move(1)

    def rename_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def toggle_printed(self) -> None:
        """Space on a section: print it or leave it out (private sections never print)."""
        section_id = self.current_id()
        if section_id and section_id != "basics" and not kind_of(
            self.document.resume, section_id
        ).private:
            self.set_hidden(section_id, not self._is_hidden(section_id))
            self.select(section_id)

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
        checkable = bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable)
        hidden = checkable and item.checkState() == Qt.CheckState.Unchecked
        if checkable and hidden != self._is_hidden(section_id):
            self.set_hidden(section_id, hidden)
            return
        title = item.text().strip().removesuffix("(private)").strip()
        if title and title != self.title_of(section_id):
            self.rename(section_id, title)
        else:
            self.reload()  # an empty title is not a title: show the old one again

    def set_hidden(self, section_id: str, hidden: bool) -> None:
        """Print a section or leave it out: one flag for the user, one undo step."""
        layout = self.document.resume.layout
        order = [s for s in layout.hiddenSections if s != section_id]
        changes: dict[tuple, object] = {(*LAYOUT, "hiddenSections"): order + [section_id] * hidden}
        index = self._custom_index(section_id)
        if index is not None and not hidden:
            changes[("cv", "sections", index, "hidden")] = False  # the older, second flag
        verb = "Hide" if hidden else "Show"
        self.document.set_values(changes, f"{verb} section {self.title_of(section_id)}")

    def rename(self, section_id: str, title: str) -> None:
        """A custom section's title is its own (the one its editor shows); a standard
        section's rename lives in the layout."""
        old = self.title_of(section_id)
        titles = dict(self.document.resume.layout.sectionTitles)
        index = self._custom_index(section_id)
        if index is None:
            titles[section_id] = title
            changes: dict[tuple, object] = {(*LAYOUT, "sectionTitles"): titles}
        else:
            titles.pop(section_id, None)  # a rename kept from older versions
            changes = {
                ("cv", "sections", index, "title"): title,
                (*LAYOUT, "sectionTitles"): titles,
            }
        self.document.set_values(changes, f"Rename section {old} to {title}")

    def add_custom(self, kind: str, title: str | None = None) -> str:
        if title is None:
            title = dialogs.ask_text(self, "New section", "Title:")
            if title is None or not title.strip():
                return ""
        from ..model.base import EXTRAS_KEY
        from ..model.resume import Resume

        # every top-level key of a résumé is taken too: the id becomes one in JSON Resume
        reserved = {f.alias or name for name, f in Resume.model_fields.items()}
        taken = set(STANDARD_SECTIONS) | reserved
        taken |= {s.id for s in self.document.resume.custom_sections}
        base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or kind
        if base.startswith(EXTRAS_KEY):
            base = f"section-{base}"
        section_id, n = base, 2
        while section_id in taken:
            section_id, n = f"{base}-{n}", n + 1
        section = new_custom_section(kind, section_id, title.strip())
        sections = self.document.resume.cv.sections
        self.document.insert_item(
            ("cv", "sections"), len(sections), section, f"Add section {title.strip()}"
        )
        self.select(section_id)
        return section_id

    def remove_custom(self) -> None:
        section_id = self.current_id()
        index = self._custom_index(section_id) if section_id else None
        if index is not None:
            title = self.title_of(section_id)
            self.document.remove_item(("cv", "sections"), index, f"Remove section {title}")
