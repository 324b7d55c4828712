"""The main window: sections | editor | preview, menus and toolbar, wired in one place.

Menus, toolbar and shortcuts are built from the action registry (actions.py); each
action's handler is a method here or on a collaborator (files, preview, the undo stack).
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import (
    QApplication,
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
from ..io.formats import READABLE
from ..render.build import RenderedResume, render_resume
from ..task import Cancelled
from . import actions, dialogs
from .actions import MENUS, ActionSpec, in_menu, resolve
from .background import describe_stop, run_busy
from .editors.fields import dispose
from .editors.item_list import ItemListEditor
from .editors.sections import broken_section_editor, section_editor
from .files import FileController
from .focus import clamp_to, tab_between_parts
from .gc_pauses import IdleCollector
from .live_preview import LivePreview
from .preview import PreviewWidget
from .printing import ask_printer
from .problems_panel import ProblemsPanel
from .section_list import SectionList
from .settings import Settings
from .shortcut_guard import ShortcutGuard
from .theme_panel import ThemePanel


class FocusedEdit:
    """Edit ▸ Cut/Copy/Paste/Select All act on whatever text widget has the focus."""

    def _call(self, name: str) -> None:
        widget = QApplication.focusWidget()
        method = getattr(widget, name, None)
        if callable(method):
            method()

    def cut(self) -> None:
        self._call("cut")

    def copy(self) -> None:
        self._call("copy")

    def paste(self) -> None:
        self._call("paste")

    def selectAll(self) -> None:
        self._call("selectAll")


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings.load()
        self.document = ResumeDocument()
        self.document.setParent(self)  # goes with the window, and its undo stack too
        self.files = FileController(self, self.document, self.settings)
        self.edit_focused = FocusedEdit()
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
        self.theme_panel = ThemePanel(self.document)
        self.theme_dock.setWidget(self.theme_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.theme_dock)
        self.history_dock = QDockWidget("History", self)
        self.history_dock.setObjectName("history-dock")
        self.history_dock.setWidget(QUndoView(self.document.undo_stack))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        self.problems_panel = ProblemsPanel(self.document)
        self.problems_dock = QDockWidget("Problems", self)
        self.problems_dock.setObjectName("problems-dock")
        self.problems_dock.setWidget(self.problems_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problems_dock.hide()
        self.problems_hid_itself = False  # its list became empty: it comes back with rows
        self.pages_label = QLabel()
        self.zoom_label = QLabel()
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.statusBar().addPermanentWidget(self.pages_label)
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, object] = {}
        self.live = LivePreview(self)
        self.idle_collector = IdleCollector(self)  # full collections in quiet moments
        self.theme_panel.theme.maker.wait_while = lambda: self.live.busy
        self._build_actions()
        self.shortcut_guard = ShortcutGuard(self)
        self._connect_signals()
        self.setAcceptDrops(True)
        self._restore_window()
        self.show_section("basics")
        self.update_title()
        self.render_now()

    # --- building ------------------------------------------------------------------------

    def _make_action(self, spec: ActionSpec) -> QAction:
        action = actions.make_action(spec, self, resolve(self, spec.handler))
        self.actions[spec.id] = action
        return action

    def _build_actions(self) -> None:
        for menu_id, title in MENUS:
            menu = self.menuBar().addMenu(title)
            self.menus[menu_id] = menu
            group = None
            for spec in in_menu(menu_id):
                if group is not None and spec.group != group:
                    menu.addSeparator()
                group = spec.group
                menu.addAction(self._make_action(spec))
                if spec.id == "open":
                    self.recent_menu = menu.addMenu("Open &Recent")
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.addActions([self.actions[s.id] for s in actions.ACTIONS if s.toolbar])
        self._bind_undo_actions()
        self._show_checked("attach-source", self.settings.attach_source)
        self._fill_recent()

    def _bind_undo_actions(self) -> None:
        """Undo/Redo say what they would undo, and are greyed out when there is nothing."""
        stack = self.document.undo_stack
        undo, redo = self.actions["undo"], self.actions["redo"]
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)
        # bound methods: Qt disconnects them when the window goes (a partial it would not)
        self.history_dock.visibilityChanged.connect(self._history_shown)
        self.problems_dock.visibilityChanged.connect(self._problems_shown)

    def _undo_text(self, text: str) -> None:
        self.actions["undo"].setText(f"&Undo {text}".strip())

    def _redo_text(self, text: str) -> None:
        self.actions["redo"].setText(f"&Redo {text}".strip())

    def _fill_recent(self, *_args) -> None:
        if not shiboken6.isValid(self.recent_menu):  # the window is being torn down
            return
        self.recent_menu.clear()
        for name in self.settings.recent_files:
            self.recent_menu.addAction(name, lambda name=name: self.files.open(Path(name)))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    def _connect_signals(self) -> None:
        doc = self.document
        doc.changed.connect(self.live.schedule)
        doc.changed.connect(self._structure_changed)
        doc.reset.connect(self._document_replaced)
        doc.dirtyChanged.connect(self.update_title)
        doc.pathChanged.connect(self.update_title)
        self.files.recentChanged.connect(self._fill_recent)
        self.sections.selected.connect(self.show_section)
        self.problems_panel.goTo.connect(self.go_to)
        self.problems_panel.countChanged.connect(self._problems_counted)
        self.preview.zoomChanged.connect(self.zoom_label.setText)
        doc.changed.connect(self._show_layout_options)
        doc.reset.connect(self._show_layout_options)
        doc.changed.connect(self.idle_collector.poke)
        doc.reset.connect(self.idle_collector.poke)
        self.live.renderer.rendered.connect(self.idle_collector.poke)

    def _parts(self) -> list[QWidget]:
        """The window's parts in Tab order: sections → editor → preview → theme panel."""
        parts = [self.sections, self.editors, self.preview]
        if self.theme_dock.isVisible():
            parts.append(self.theme_dock.widget())
        return parts

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab moves within a part, and from its last widget to the next part's first
        (the editors are rebuilt as sections change, so a fixed chain cannot do it)."""
        return tab_between_parts(self._parts(), next) or super().focusNextPrevChild(next)

    def _restore_window(self) -> None:
        """Size, place, docks and toolbar as the user left them, kept on a screen."""
        self.resize(1400, 860)
        if self.settings.geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.geometry.encode()))
        if self.settings.window_state:
            self.restoreState(QByteArray.fromBase64(self.settings.window_state.encode()))
        self.actions["history"].setChecked(not self.history_dock.isHidden())
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(clamp_to(self.geometry(), screen.availableGeometry()))

    # --- reactions -------------------------------------------------------------------

    def _structure_changed(self, changed: tuple) -> None:
        if changed == ("cv", "sections"):  # a custom section came or went
            self._rebuild_editors()

    def _document_replaced(self) -> None:
        self.statusBar().clearMessage()  # "Exported to …" was about the other résumé
        self._rebuild_editors()
        self.update_title()
        self.live.resume_after_replace()
        problems = self.problems_panel.problems
        if problems:  # a file with values we keep unread: say so, once, where it shows
            self.problems_dock.show()
            self.statusBar().showMessage(_problems_note(len(problems)))

    def _problems_counted(self, count: int) -> None:
        """The Problems list has ``count`` rows now: the status bar's note about them
        follows it, and an emptied list's dock goes (it comes back with new rows)."""
        bar = self.statusBar()
        if bar.currentMessage().endswith(_PROBLEMS_NOTE):
            if count:
                bar.showMessage(_problems_note(count))
            else:
                bar.clearMessage()
        if not count and not self.problems_dock.isHidden():
            self.problems_dock.hide()
            self.problems_hid_itself = True
        elif count and self.problems_hid_itself:
            self.problems_dock.show()

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
        """Show the section's editor. An editor that fails to build is replaced by a
        message (never left half-built, never the previous section's editor), and the
        error reaches the user through the crash report."""
        editors = self._editor_ids
        if section_id not in editors:
            try:
                editor = section_editor(self.document, section_id)
            except Exception:
                editor = broken_section_editor(section_id)
                self.editors.addWidget(editor)
                self.editors.setCurrentWidget(editor)
                sys.excepthook(*sys.exc_info())
                return
            editors[section_id] = editor
            self.editors.addWidget(editor)
            for lists in editor.findChildren(ItemListEditor):
                lists.rowChosen.connect(self._reveal_item)
        self.editors.setCurrentWidget(editors[section_id])
        self.live.reveal("" if section_id == "basics" else f"cv-h-{section_id}")  # where it prints

    def _reveal_item(self, list_path: tuple, row: int) -> None:
        """The item chosen in a section's list, where it prints (if it does)."""
        if len(list_path) == 1:
            key = (str(list_path[0]), row)
        elif list_path[:2] == ("cv", "sections") and len(list_path) == 4:
            sections = self.document.resume.custom_sections
            if not isinstance(list_path[2], int) or list_path[2] >= len(sections):
                return
            key = (sections[list_path[2]].id, row)
        else:
            return  # a project within a job: its job's place is close enough
        anchor = self.rendered.item_anchors.get(key) if self.rendered else None
        if anchor:
            self.preview.show_anchor(anchor)

    def render_now(self) -> None:
        """Draw the preview again now (in the background)."""
        self.live.render_now()

    def update_title(self, *_args) -> None:
        self.setWindowModified(self.document.is_dirty)
        read_only = " [read-only]" if self.files.read_only else ""
        self.setWindowTitle(f"{self.files.display_name()}[*]{read_only} — cveditor")

    # --- action handlers ---------------------------------------------------------------

    def show_theme_panel(self) -> None:
        self.theme_dock.show()
        self.theme_dock.raise_()
        self.theme_dock.widget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def toggle_history(self, shown: bool) -> None:
        self.history_dock.setVisible(shown)

    def toggle_problems(self, shown: bool) -> None:
        self.problems_dock.setVisible(shown)

    def _show_checked(self, action_id: str, on: bool) -> None:
        """A checkable action shows a state that changed elsewhere (a dock closed by its
        own button, a setting), without acting on it again."""
        action = self.actions[action_id]
        if action.isChecked() != on:
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)

    def _dock_shown(self, action_id: str, shown: bool) -> None:
        if not self.isHidden():  # a closing window hides its docks: not the user's choice
            self._show_checked(action_id, shown)

    def _history_shown(self, shown: bool) -> None:
        self._dock_shown("history", shown)

    def _problems_shown(self, shown: bool) -> None:
        self._dock_shown("problems", shown)
        if shown:
            self.problems_hid_itself = False

    def go_to(self, model_path: tuple) -> None:
        """Show the editor of the field at ``model_path`` with the cursor in it."""
        if not model_path:
            return
        head = model_path[0]
        if head == "cv" and len(model_path) > 2 and model_path[1] == "sections":
            sections = self.document.resume.custom_sections
            section_id = sections[model_path[2]].id if model_path[2] < len(sections) else None
        else:
            section_id = str(head) if head in self.sections.ids() else None
        if section_id is None:
            return
        self.sections.select(section_id)
        editor = self._editor_ids.get(section_id)
        if editor is None:
            return
        for lists in editor.findChildren(ItemListEditor):
            depth = len(lists.path)
            if model_path[:depth] == lists.path and len(model_path) > depth:
                row = model_path[depth]
                if isinstance(row, int) and 0 <= row < lists.list.count():
                    lists.list.setCurrentRow(row)
        QApplication.processEvents()
        for widget in editor.findChildren(QWidget):
            if getattr(widget, "path", None) == model_path:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def set_attach_source(self, on: bool) -> None:
        self.settings.attach_source = on

    def set_include_unprinted(self, on: bool) -> None:
        """For this session only: personal data goes out only while the user means it."""
        self.files.include_unprinted = on

    def focus_sections(self) -> None:
        self.sections.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_editor(self) -> None:
        """The cursor goes to the editor's first text field (not a button)."""
        editor = self.editors.currentWidget()
        if editor is None:
            return
        from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QPlainTextEdit

        for widget in editor.findChildren(QWidget):
            if isinstance(widget, QAbstractItemView | QLineEdit | QPlainTextEdit) and (
                widget.isVisible() and widget.isEnabled()
            ):
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
        editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_preview(self) -> None:
        self.preview.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def export_pdf(self) -> None:
        self._exported(self.files.export_pdf())

    def export_as(self) -> None:
        self._exported(self.files.export_as())

    def _exported(self, warnings: list[str] | None) -> None:
        """Say where the file went, with ways to open it or its folder."""
        path = self.files.last_export_path
        if warnings is None or path is None:
            return
        checked = "" if path.suffix.lower() != ".pdf" else "The text layer reads back exactly."
        note = "; ".join(warnings) if warnings else checked
        self.statusBar().showMessage(f"Exported to {path}. {note}".strip())
        dialogs.show_exported(self, path, warnings)

    def print_pages(self) -> None:
        """Print the pages the preview shows, on the résumé's own paper size."""
        resume, base_dir = self.document.resume, self.document.base_dir
        printer = ask_printer(self, resume.layout, self.files.display_name())
        if printer is None:
            return
        try:
            count = run_busy(
                self,
                "Printing",
                lambda: render_resume(resume, base_dir=base_dir).pages.paint_all(
                    printer, printer.resolution(), "Printing"
                ),
            )
        except ResumeFileError as error:
            self.statusBar().showMessage(f"Nothing printed: {error.located()}")
        except Cancelled as error:
            self.statusBar().showMessage(describe_stop(error, "Printing"))
        else:
            self.statusBar().showMessage(f"Sent {count} page(s) to the printer.", 5000)

    def show_ats_check(self) -> None:
        from .ats_dialog import show_ats_check

        show_ats_check(self)

    def set_bilingual_headings(self, on: bool) -> None:
        self.document.set_value(
            ("cv", "layout", "bilingualHeadings"), on, "Headings in both languages"
        )

    def _show_layout_options(self, *_args) -> None:
        self._show_checked("bilingual-headings", self.document.resume.layout.bilingualHeadings)

    def show_shortcuts(self) -> None:
        from .actions import shortcut_rows

        dialogs.show_shortcuts(self, shortcut_rows())

    def show_file_format(self) -> None:
        from ..resources import resource_path

        page = resource_path("docs", "file-format.md")
        dialogs.show_document(self, "The cveditor file format", page.read_text(encoding="utf-8"))

    def show_about(self) -> None:
        from .about import about_text

        dialogs.show_document(self, "About cveditor", about_text())

    # --- files dropped, window closed --------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls and Path(urls[0].toLocalFile()).suffix.lower() in READABLE:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            path = Path(urls[0].toLocalFile())
            if path.suffix.lower() in (".md", ".markdown"):  # the review step, as File ▸ Import
                self.files.import_with_review(path)
            else:
                self.files.open(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.may_discard():
            event.ignore()
            return
        self.files.closing()
        self.live.close()
        self.idle_collector.close()
        self.settings.geometry = bytes(self.saveGeometry().toBase64()).decode()
        self.settings.window_state = bytes(self.saveState().toBase64()).decode()
        self.settings.splitter = self.splitter.sizes()
        self.settings.last_theme = self.document.resume.layout.theme
        with contextlib.suppress(ResumeFileError):
            self.settings.save()
        event.accept()


_PROBLEMS_NOTE = (
    " problem(s) in this file: see View ▸ Problems. "
    "What cveditor cannot read is kept and saved as it was."
)


def _problems_note(count: int) -> str:
    """The status bar's note about the Problems list (kept in step with it)."""
    return f"{count}{_PROBLEMS_NOTE}"
