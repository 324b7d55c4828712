"""File ▸ Print: the preview's own pages on the résumé's paper, nothing rescaled."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from ..render.pages import PagedDocument
from . import dialogs

NAMED_PAPER = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


def print_pages(parent: QWidget, paged: PagedDocument, paper: str, name: str) -> int:
    """Ask the system's print dialog, then print; returns the pages sent (0: cancelled).

    The printer is set to the résumé's paper before the dialog opens (a Letter résumé
    printed on A4 before), with no margins of its own: the pages carry theirs.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    g = paged.geometry
    size = QPageSize(QSizeF(g.width, g.height), QPageSize.Unit.Point, "résumé")
    if paper in NAMED_PAPER:
        size = QPageSize(NAMED_PAPER[paper])
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF()))
    printer.setFullPage(True)
    printer.setDocName(name)
    if not dialogs.ask_print(parent, printer):
        return 0
    painter = QPainter(printer)
    scale = printer.resolution() / 72.0
    painter.scale(scale, scale)
    for index in range(paged.page_count):
        if index:
            printer.newPage()
        paged.paint_page(painter, index)
    painter.end()
    return paged.page_count
