"""Tools ▸ ATS Check…: the open résumé exported with its theme (in memory, in a worker)
and read back as an applicant-tracking system's parser does; what the résumé says and
what the parser gets side by side, each mismatch with the theme rule that causes it.

A window beside the editor, not a modal question: the user fixes the résumé (or picks
another theme) and presses Check Again.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
)

from ..ats.report import AtsReport, check_resume
from ..ats.rules import RULES
from ..errors import ResumeFileError
from ..render.themes import get_theme
from .background import Cancelled, describe_stop, run_busy

MISMATCH = QColor("#fde2e1")
COLUMNS = ("Field", "The résumé says", "A parser gets", "Rule")


class AtsDialog(QDialog):
    """The result of one check; Check Again runs it on the résumé as it is now."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("ATS check")
        self.setObjectName("ats-check")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.why = QTextBrowser()
        self.why.setOpenLinks(False)
        self.lines = QPlainTextEdit()
        self.lines.setReadOnly(True)
        self.lines.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.lines.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        tabs = QTabWidget()
        tabs.addTab(self.why, "Why")
        tabs.addTab(self.lines, "What the parser read, line by line")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(tabs)
        split.setSizes([420, 200])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.again = buttons.addButton("Check &Again", QDialogButtonBox.ButtonRole.ActionRole)
        self.again.clicked.connect(self.check)
        buttons.rejected.connect(self.close)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(split, 1)
        column.addWidget(buttons)
        self.resize(980, 680)
        self.report: AtsReport | None = None

    def check(self) -> bool:
        """Export the open résumé with its theme and read it back; False when that could
        not be done (the status bar says why)."""
        window = self.window_
        document = window.document
        resume = document.resume.model_copy(deep=True)
        base_dir = document.base_dir
        try:
            report = run_busy(
                window,
                "ATS check",
                lambda: check_resume(resume, base_dir=base_dir)[0],
                drop_if_cancelled=True,
            )
        except ResumeFileError as error:
            window.statusBar().showMessage(f"No ATS check: {error.located()}")
            return False
        except Cancelled as error:
            window.statusBar().showMessage(describe_stop(error, "The ATS check"))
            return False
        self.show_report(report)
        return True

    def show_report(self, report: AtsReport) -> None:
        self.report = report
        theme = get_theme(report.theme)
        note = "" if theme.ats_friendly else " — this theme is marked <b>not for ATS</b>"
        self.summary.setText(
            f"<b>{html.escape(report.summary())}</b><br>Theme {html.escape(theme.name)}{note}; "
            f"{report.pages} page(s) read as a résumé parser reads them in "
            f"{report.seconds * 1000:.0f} ms."
        )
        self.table.setRowCount(len(report.fields))
        for row, result in enumerate(report.fields):
            cells = (result.label, result.expected, result.parsed or "—", result.rule or "✓")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column != 3 else RULES.get(result.rule, "read back"))
                if not result.ok:
                    item.setBackground(QBrush(MISMATCH))
                self.table.setItem(row, column, item)
        self.why.setHtml(_why_html(report))
        self.lines.setPlainText(report.parsed.dump())
        first = next((i for i, f in enumerate(report.fields) if not f.ok), 0)
        if report.fields:
            self.table.scrollToItem(self.table.item(first, 0))

    def mismatch_rows(self) -> list[tuple[str, ...]]:
        """The table's mismatched rows as text (for the tests and the reader)."""
        rows = []
        for row in range(self.table.rowCount()):
            cells = tuple(self.table.item(row, c).text() for c in range(len(COLUMNS)))
            if cells[3] != "✓":
                rows.append(cells)
        return rows


def _why_html(report: AtsReport) -> str:
    parts = []
    if report.mismatches:
        parts.append("<p><b>Fields a parser gets wrong</b></p><ul>")
        for result in report.mismatches:
            parts.append(
                f"<li>{html.escape(result.label)}: {html.escape(result.why)} — "
                f"<i>{html.escape(RULES[result.rule])}</i></li>"
            )
        parts.append("</ul>")
    if report.violations:
        lead = (
            "Structure rules the theme breaks"
            if report.mismatches
            else "Every field read back here, but the theme breaks structure rules that "
            "cost fields on other résumés or with other parsers"
        )
        parts.append(f"<p><b>{lead}</b> (docs/ats.md)</p><ul>")
        for rule in dict.fromkeys(v.rule for v in report.violations):
            details = "".join(
                f"<li>{html.escape(v.detail)}</li>" for v in report.violations if v.rule == rule
            )
            parts.append(f"<li><b>{rule}</b>: {html.escape(RULES[rule])}<ul>{details}</ul></li>")
        parts.append("</ul>")
    if not parts:
        parts.append(
            "<p>Every field reads back as the résumé says it, and the theme "
            "follows every structure rule.</p>"
        )
    return "".join(parts)


def show_ats_check(window: QMainWindow) -> AtsDialog | None:
    """Tools ▸ ATS Check…: run the check and show (or refresh) the window with it."""
    dialog = getattr(window, "ats_dialog", None)
    if not isinstance(dialog, AtsDialog):
        dialog = AtsDialog(window)
        window.ats_dialog = dialog  # type: ignore[attr-defined]
    if not dialog.check():
        return None
    dialog.show()
    dialog.activateWindow()  # brings it forward when it was open behind the window
    return dialog


__all__ = ["AtsDialog", "show_ats_check"]
