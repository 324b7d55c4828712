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
    countChanged = Signal(int)  # the list has this many rows now (it had another number)

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
        document.reset.connect(self._replaced)
        document.sourceChanged.connect(self._changed)  # saved: new lines, duplicates gone
        self.problems: list[Problem] = []
        self._emptied = False  # this résumé's list became empty: an undo may fill it again
        self.refresh()

    def _replaced(self) -> None:
        self.refresh()
        self._emptied = False  # a new history: nothing can bring the old problems back

    def _changed(self, *_args) -> None:
        """An edit may settle a problem (or an undo bring one back). A hidden list is kept
        up to date while its count is shown or it may come back, else when shown."""
        if self.isVisible() or self.problems or self._emptied:
            self.refresh()

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self, *_args) -> None:
        before = len(self.problems)
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
        self.summary.setText(_summary(self.problems))
        self.upgrade.setVisible(any(p.kind == "legacy" for p in self.problems))
        if len(self.problems) != before:
            self._emptied = self._emptied or not self.problems
            self.countChanged.emit(len(self.problems))

    def _activated(self, row: QTreeWidgetItem, _column: int) -> None:
        self.goTo.emit(tuple(row.data(0, PATH_ROLE)))


def _summary(problems: list[Problem]) -> str:
    """One sentence per kind of problem, with its count: the rows add up to it."""
    if not problems:
        return "Nothing to report: cveditor reads every value of this file."
    count = {kind: sum(p.kind == kind for p in problems) for kind in KIND_WORDS}
    parts = []
    if count["unread"]:
        parts.append(
            f"{count['unread']} value(s) cveditor cannot read are kept and saved exactly as "
            "they were; set the field to replace one."
        )
    if count["legacy"]:
        parts.append(
            f"{count['legacy']} key(s) have pre-1.0 names: they are read as their 1.0 "
            "meaning and saved as you had them, unless you choose 1.0 names below."
        )
    if count["duplicate"]:
        parts.append(
            f"{count['duplicate']} key(s) appear twice: the later value is used, and only it "
            "is saved."
        )
    return " ".join(parts) + " Double-click a row to go to its field."
