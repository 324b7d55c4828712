"""The main window: sections | editor | preview, menus and toolbar, wired in one place."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPainter,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QUndoView,
    QWidget,
)

from ..document import ResumeDocument
from ..errors import ResumeFileError
from ..render.build import RenderedResume, render_resume
from .editors.fields import dispose
from .editors.sections import section_editor
from .files import FileController
from .icons import icon
from .preview import PreviewWidget
from .section_list import SectionList
from .settings import Settings
from .theme_panel import ThemePanel

PREVIEW_DELAY_MS = 120


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings.load()
        self.document = ResumeDocument()
        self.files = FileController(self, self.document, self.settings)
        self.rendered: RenderedResume | None = None
        self._editor_ids: dict[str, QWidget] = {}  # section id → its editor, built on demand
        self.sections = SectionList(self.document)
        self.editors = QStackedWidget()
        self.preview = PreviewWidget()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.sections, self.editors, self.preview):
            self.splitter.addWidget(widget)
        self.splitter.setSizes(self.settings.splitter or [220, 460, 620])
        self.setCentralWidget(self.splitter)
        self.theme_dock = QDockWidget("Theme and page", self)
        self.theme_dock.setObjectName("theme-dock")
        self.theme_dock.setWidget(ThemePanel(self.document))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.theme_dock)
        self.history_dock = QDockWidget("History", self)
        self.history_dock.setObjectName("history-dock")
        self.history_dock.setWidget(QUndoView(self.document.undo_stack))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        self.pages_label = QLabel()
        self.zoom_label = QLabel()
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.statusBar().addPermanentWidget(self.pages_label)
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.actions: dict[str, QAction] = {}
        self._build_actions()
        self._connect_signals()
        self.setAcceptDrops(True)
        self.resize(1400, 860)
        if self.settings.geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.geometry.encode()))
        self.show_section("basics")
        self.update_title()
        self.render_now()

    # --- building ------------------------------------------------------------------------

    def _action(self, key: str, text: str, handler, shortcut=None, icon_name: str = "") -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(handler)
        self.actions[key] = action
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        stack = self.document.undo_stack
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self._action("new", "&New", self.files.new, std.New, "new"))
        file_menu.addAction(
            self._action("open", "&Open…", lambda: self.files.open(), std.Open, "open")
        )
        self.recent_menu = file_menu.addMenu("Open &Recent")
        file_menu.addAction(self._action("save", "&Save", self.files.save, std.Save, "save"))
        file_menu.addAction(
            self._action("save-as", "Save &As…", self.files.save_as, std.SaveAs, "save-as")
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action("export", "&Export PDF…", self.export_pdf, "Ctrl+E", "pdf")
        )
        file_menu.addAction(self._action("print", "&Print…", self.print_pages, std.Print, "print"))
        file_menu.addSeparator()
        file_menu.addAction(self._action("quit", "&Quit", self.close, std.Quit, "quit"))
        edit_menu = self.menuBar().addMenu("&Edit")
        undo = stack.createUndoAction(self, "&Undo")
        undo.setShortcut(std.Undo)
        undo.setIcon(icon("undo"))
        redo = stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence(std.Redo), QKeySequence("Ctrl+Y")])
        redo.setIcon(icon("redo"))
        self.actions["undo"], self.actions["redo"] = undo, redo
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self.history_dock.toggleViewAction())
        edit_menu.addAction(
            self._action(
                "preferences", "Theme and Page…", self.show_theme_panel, std.Preferences, "theme"
            )
        )
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addAction(
            self._action(
                "zoom-in", "Zoom &In", lambda: self.preview.zoom_by(1.2), std.ZoomIn, "zoom-in"
            )
        )
        view_menu.addAction(
            self._action(
                "zoom-out",
                "Zoom &Out",
                lambda: self.preview.zoom_by(1 / 1.2),
                std.ZoomOut,
                "zoom-out",
            )
        )
        view_menu.addAction(
            self._action(
                "fit-width", "Fit &Width", lambda: self.preview.set_zoom("fit-width"), "Ctrl+1"
            )
        )
        view_menu.addAction(
            self._action(
                "fit-page", "Fit &Page", lambda: self.preview.set_zoom("fit-page"), "Ctrl+2"
            )
        )
        view_menu.addAction(
            self._action("actual", "&100%", lambda: self.preview.set_zoom("percent", 100), "Ctrl+0")
        )
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        for key in ("new", "open", "save", "export", "print", "undo", "redo", "preferences"):
            toolbar.addAction(self.actions[key])
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for name in self.settings.recent_files:
            self.recent_menu.addAction(name, lambda name=name: self.files.open(Path(name)))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    def _connect_signals(self) -> None:
        doc = self.document
        doc.changed.connect(self._schedule_preview)
        doc.changed.connect(self._structure_changed)
        doc.reset.connect(self._document_replaced)
        doc.dirtyChanged.connect(self.update_title)
        doc.pathChanged.connect(self.update_title)
        doc.pathChanged.connect(lambda _p: self._fill_recent())
        self.preview_timer.timeout.connect(self.render_now)
        self.sections.selected.connect(self.show_section)
        self.preview.zoomChanged.connect(self.zoom_label.setText)

    # --- reactions -------------------------------------------------------------------

    def _schedule_preview(self, *_args) -> None:
        self.preview_timer.start()  # restarts: typing never waits for a render

    def _structure_changed(self, changed: tuple) -> None:
        if changed == ("cv", "sections"):  # a custom section came or went
            self._rebuild_editors()

    def _document_replaced(self) -> None:
        self._rebuild_editors()
        self.update_title()
        self.render_now()

    def _rebuild_editors(self) -> None:
        current = self.sections.current_id() or "basics"
        while self.editors.count():
            widget = self.editors.widget(0)
            self.editors.removeWidget(widget)
            dispose(widget)
        self._editor_ids.clear()
        ids = self.sections.ids()
        self.show_section(current if current in ids else "basics")

    def show_section(self, section_id: str) -> None:
        editors = self._editor_ids
        if section_id not in editors:
            editors[section_id] = section_editor(self.document, section_id)
            self.editors.addWidget(editors[section_id])
        self.editors.setCurrentWidget(editors[section_id])
        if section_id == "basics":
            self.preview.verticalScrollBar().setValue(0)
        else:
            self.preview.show_anchor(f"cv-h-{section_id}")  # show where it prints

    def render_now(self) -> None:
        try:
            self.rendered = render_resume(self.document.resume, base_dir=self.document.base_dir)
        except ResumeFileError as error:
            self.statusBar().showMessage(f"Preview failed: {error.located()}")
            return
        self.preview.set_pages(self.rendered.pages)
        count = self.rendered.pages.page_count
        self.pages_label.setText(f"{count} page{'s' * (count != 1)}")

    def update_title(self, *_args) -> None:
        self.setWindowModified(self.document.is_dirty)
        self.setWindowTitle(f"{self.files.display_name()}[*] — cveditor")

    def show_theme_panel(self) -> None:
        self.theme_dock.show()
        self.theme_dock.raise_()

    def export_pdf(self) -> None:
        warnings = self.files.export_pdf()
        if warnings is None:
            return
        message = "Exported. " + (
            " ".join(warnings) if warnings else "The text layer reads back exactly."
        )
        self.statusBar().showMessage(message)

    def export_as(self) -> None:
        warnings = self.files.export_as()
        if warnings is not None:
            self.statusBar().showMessage("Exported. " + " ".join(warnings))

    def print_pages(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.render_now()
        paged = self.rendered.pages
        painter = QPainter(printer)
        scale = printer.resolution() / 72.0
        painter.scale(scale, scale)
        for index in range(paged.page_count):
            if index:
                printer.newPage()
            paged.paint_page(painter, index)
        painter.end()

    # --- files dropped, window closed --------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.files.open(Path(urls[0].toLocalFile()))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.may_discard():
            event.ignore()
            return
        self.files.closing()
        self.settings.geometry = bytes(self.saveGeometry().toBase64()).decode()
        self.settings.splitter = self.splitter.sizes()
        self.settings.last_theme = self.document.resume.layout.theme
        with contextlib.suppress(ResumeFileError):
            self.settings.save()
        event.accept()
