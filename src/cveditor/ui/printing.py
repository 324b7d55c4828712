"""File ▸ Print: the printer set to the résumé's paper, nothing rescaled (the pages are
painted by PagedDocument.paint_all, as for the PDF)."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from ..model.layout import Layout
from ..render.pages import PageGeometry
from . import dialogs

NAMED_PAPER = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


def ask_printer(parent: QWidget, layout: Layout, name: str) -> QPrinter | None:
    """The system's print dialog, for a printer set to the résumé's paper; None: cancelled.

    The printer is set to the résumé's paper before the dialog opens (a Letter résumé
    printed on A4 before), with no margins of its own: the pages carry theirs.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    g = PageGeometry.from_layout(layout)
    size = QPageSize(QSizeF(g.width, g.height), QPageSize.Unit.Point, "résumé")
    if layout.paper in NAMED_PAPER:
        size = QPageSize(NAMED_PAPER[layout.paper])
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF()))
    printer.setFullPage(True)
    printer.setDocName(name)
    return printer if dialogs.ask_print(parent, printer) else None
