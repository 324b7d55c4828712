"""File ▸ Print: the preview's own pages on the résumé's paper, nothing rescaled."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from ..model.layout import Layout
from ..render.pages import PagedDocument, PageGeometry
from ..task import checkpoint
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


def paint_pages(printer: QPrinter, paged: PagedDocument) -> int:
    """Send every page; returns how many. Runs in the thread that laid the pages out."""
    painter = QPainter(printer)
    scale = printer.resolution() / 72.0
    painter.scale(scale, scale)
    for index in range(paged.page_count):
        checkpoint("Printing", index, paged.page_count)
        if index:
            printer.newPage()
        paged.paint_page(painter, index)
    painter.end()
    return paged.page_count
