"""A custom table section (e.g. KPI: Metric / Value / Growth): header and rows, editable
in place, rows and columns added and removed, each change one undo step."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...document import ResumeDocument
from ...model.access import Path, is_under


class TableEditor(QWidget):
    def __init__(self, document: ResumeDocument, path: Path) -> None:
        super().__init__()
        self.document, self.path = document, path
        self.table = QTableWidget()
        # two short rows of buttons: in one row they were wider than the editor pane
        # beside the theme panel, and the table and its hint were cut off
        buttons = QGridLayout()
        for index, (text, handler) in enumerate(
            (
                ("Add row", self.add_row),
                ("Remove row", self.remove_row),
                ("Add column", self.add_column),
                ("Remove column", self.remove_column),
            )
        ):
            button = QPushButton(text)
            button.clicked.connect(handler)
            buttons.addWidget(button, index // 2, index % 2)
        buttons.setColumnStretch(2, 1)
        column = QVBoxLayout(self)
        column.addLayout(buttons)
        column.addWidget(self.table)
        self.table.itemChanged.connect(self._edited)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setToolTip("Double-click a column title to rename it")
        self.table.horizontalHeader().sectionDoubleClicked.connect(self.rename_column)
        hint = QLabel("Double-click a column title to rename it; Tab moves to the next cell.")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        column.addWidget(hint)
        self._committing = False
        document.changed.connect(self._on_changed)
        self.reload()

    def _section(self):
        return self.document.get(self.path)

    def _grid(self) -> list[list[str]]:
        section = self._section()
        return [list(section.header)] + [list(r) for r in section.rows]

    def reload(self) -> None:
        current = (self.table.currentRow(), self.table.currentColumn())
        grid = self._grid()
        width = max((len(r) for r in grid), default=0)
        with QSignalBlocker(self.table):
            self.table.clear()
            self.table.setColumnCount(width)
            self.table.setRowCount(max(0, len(grid) - 1))
            self.table.setHorizontalHeaderLabels(grid[0] + [""] * (width - len(grid[0])))
            for r, row in enumerate(grid[1:]):
                for c in range(width):
                    self.table.setItem(r, c, QTableWidgetItem(row[c] if c < len(row) else ""))
            if 0 <= current[0] < self.table.rowCount() and current[1] < width:
                self.table.setCurrentCell(*current)  # the user's place survives undo

    def _on_changed(self, changed: tuple) -> None:
        if self._committing:
            return  # our own edit: the grid already shows it, and the cell keeps focus
        if is_under(changed, self.path) or is_under(self.path, changed):
            self.reload()

    def _commit(
        self, header: list[str], rows: list[list[str]], text: str, *, reload: bool = True
    ) -> None:
        """One undo step for header and rows; a cell typed in place is not reloaded (a
        reload would drop the editor Tab moves to, and the next typing with it)."""
        self._committing = not reload
        try:
            self.document.set_values(
                {(*self.path, "header"): header, (*self.path, "rows"): rows}, text
            )
        finally:
            self._committing = False

    def _edited(self, item: QTableWidgetItem) -> None:
        rows = [list(r) for r in self._section().rows]
        width = self.table.columnCount()
        rows = [r + [""] * (width - len(r)) for r in rows]
        rows[item.row()][item.column()] = item.text()
        header = list(self._section().header) + [""] * (width - len(self._section().header))
        title = self._section().title or "table"
        self._commit(header, rows, f"Edit cell in {title}", reload=False)

    def rename_column(self, column: int) -> None:
        from .. import dialogs

        header = list(self._section().header)
        header += [""] * (self.table.columnCount() - len(header))
        title = dialogs.ask_text(self, "Column title", "Title:", header[column])
        if title is not None and title != header[column]:
            header[column] = title
            self._commit(header, [list(r) for r in self._section().rows], "Rename column")

    def add_row(self) -> None:
        header = list(self._section().header)
        if not header and not self.table.columnCount():
            header = ["Column 1"]  # a row needs a column, and a column its title
        width = max(len(header), self.table.columnCount())
        rows = [list(r) for r in self._section().rows] + [[""] * width]
        self._commit(header, rows, "Add table row")

    def remove_row(self) -> None:
        row = self.table.currentRow()
        rows = [list(r) for r in self._section().rows]
        if 0 <= row < len(rows):
            del rows[row]
            self._commit(list(self._section().header), rows, "Remove table row")

    def add_column(self) -> None:
        header = [*list(self._section().header), f"Column {self.table.columnCount() + 1}"]
        rows = [[*list(r), ""] for r in self._section().rows]
        self._commit(header, rows, "Add table column")

    def remove_column(self) -> None:
        col = self.table.currentColumn()
        if col < 0:
            col = self.table.columnCount() - 1
        if col < 0:
            return
        header = [h for i, h in enumerate(self._section().header) if i != col]
        rows = [[v for i, v in enumerate(r) if i != col] for r in self._section().rows]
        self._commit(header, rows, "Remove table column")
