"""View ▸ Problems: what the open file holds that cveditor keeps without reading.

A file opens whenever it is JSON; a value the model cannot read is kept and saved back
as it was. This list says which, where (field and line) and why; double-click goes to
the field. Pre-1.0 key names are listed too, with a button to save 1.0 names instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..document import ResumeDocument
from ..io.problems import Problem

PATH_ROLE = Qt.ItemDataRole.UserRole
KIND_WORDS = {"unread": "kept as it was", "legacy": "old name", "duplicate": "twice"}


class ProblemsPanel(QWidget):
    goTo = Signal(tuple)  # a model path

    def __init__(self, document: ResumeDocument) -> None:
        super().__init__()
        self.document = document
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Field", "Line", "Found", "Why"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName("Problems")
        self.upgrade = QPushButton("Save 1.0 Names Instead of the Old Ones")
        self.upgrade.setToolTip(
            "company → name, website → url, picture → image, gpa → score (one undo step)"
        )
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.summary)
        column.addWidget(self.tree)
        column.addWidget(self.upgrade)
        self.tree.itemActivated.connect(self._activated)
        self.upgrade.clicked.connect(document.upgrade_legacy_keys)
        document.changed.connect(self._changed)
        document.reset.connect(self.refresh)
        self.problems: list[Problem] = []
        self.refresh()

    def _changed(self, *_args) -> None:
        """An edit may settle a problem; a hidden list is brought up to date when shown."""
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self, *_args) -> None:
        self.problems = self.document.problems()
        self.tree.clear()
        for problem in self.problems:
            row = QTreeWidgetItem(
                [
                    problem.field,
                    str(problem.line or ""),
                    problem.shown_value() if problem.kind == "unread" else KIND_WORDS[problem.kind],
                    problem.why,
                ]
            )
            row.setToolTip(3, problem.why)
            row.setData(0, PATH_ROLE, problem.model_path)
            self.tree.addTopLevelItem(row)
        for index in range(self.tree.columnCount() - 1):
            self.tree.resizeColumnToContents(index)
        unread = sum(p.kind == "unread" for p in self.problems)
        self.summary.setText(
            "Nothing to report: cveditor reads every value of this file."
            if not self.problems
            else f"{unread} value(s) cveditor cannot read are kept and saved exactly as "
            "they were; set the field to replace one. Double-click to go to it."
        )
        self.upgrade.setVisible(any(p.kind == "legacy" for p in self.problems))

    def _activated(self, row: QTreeWidgetItem, _column: int) -> None:
        self.goTo.emit(tuple(row.data(0, PATH_ROLE)))
