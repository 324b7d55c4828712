"""Every action of the editor, declared once: id, text, keys, icon, handler, where it shows.

The menus, the toolbar, the item and section context menus, the shortcut table in
Help ▸ Keyboard Shortcuts and the README's table all come from ``ACTIONS``; a test
triggers each one. Handlers are named by attribute path from their owner (the main
window, an item list, the section list), so this table needs no widget to exist.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

Std = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One action. ``scope`` is who owns the handler: "window", "items" (a list of jobs,
    degrees…) or "sections" (the section list). ``menu`` is the window menu it is in
    ("" for none); ``group`` separates runs of actions within a menu. ``field_keys``:
    the keys go to a focused text field instead (cut, copy, paste, select all)."""

    id: str
    text: str
    handler: str
    scope: str = "window"
    menu: str = ""
    keys: tuple[str | Std, ...] = ()
    icon: str = ""
    toolbar: bool = False
    group: int = 0
    tip: str = ""
    field_keys: bool = False
    checkable: bool = False

    def sequences(self) -> list[QKeySequence]:
        out: list[QKeySequence] = []
        for key in self.keys:
            out.extend(
                QKeySequence.keyBindings(key) if isinstance(key, Std) else [QKeySequence(key)]
            )
        return out

    def plain_text(self) -> str:
        return self.text.replace("&", "").removesuffix("…")


MENUS: tuple[tuple[str, str], ...] = (
    ("file", "&File"),
    ("edit", "&Edit"),
    ("view", "&View"),
    ("tools", "&Tools"),
    ("help", "&Help"),
)

ACTIONS: tuple[ActionSpec, ...] = (
    # --- File ------------------------------------------------------------------------
    ActionSpec("new", "&New", "files.new", menu="file", keys=(Std.New,), icon="new",
               toolbar=True, tip="Start an empty résumé"),
    ActionSpec("open", "&Open…", "files.open", menu="file", keys=(Std.Open,), icon="open",
               toolbar=True, tip="Open a résumé: JSON Resume, Markdown, or a PDF from cveditor"),
    ActionSpec("import", "&Import…", "files.import_with_review", menu="file", keys=("Ctrl+I",),
               icon="import", tip="Read Markdown (reviewed: as a new résumé or into this one), "
               "plain JSON Resume or our PDF"),
    ActionSpec("save", "&Save", "files.save", menu="file", keys=(Std.Save,), icon="save",
               toolbar=True, group=1),
    ActionSpec("save-as", "Save &As…", "files.save_as", menu="file", keys=("Ctrl+Shift+S",),
               icon="save-as", group=1),
    ActionSpec("export-pdf", "&Export PDF…", "export_pdf", menu="file", keys=("Ctrl+E",),
               icon="pdf", toolbar=True, group=2, tip="Write the pages as a PDF"),
    ActionSpec("export-as", "Export &As…", "export_as", menu="file", keys=("Ctrl+Shift+E",),
               icon="export", group=2, tip="PDF, Markdown, HTML, plain text or JSON Resume"),
    ActionSpec("attach-source", "Attach the Résumé to Exported PDFs", "set_attach_source",
               menu="file", group=2, checkable=True,
               tip="The PDF carries what it prints as JSON, so cveditor can reopen it"),
    ActionSpec("include-unprinted", "Include Unprinted Personal Fields in JSON Resume Exports",
               "set_include_unprinted", menu="file", group=2, checkable=True,
               tip="Street address, postal code, meta… which no theme prints"),
    ActionSpec("print", "&Print…", "print_pages", menu="file", keys=(Std.Print,), icon="print",
               toolbar=True, group=2),
    ActionSpec("quit", "&Quit", "close", menu="file", keys=("Ctrl+Q",), icon="quit", group=3),
    # --- Edit ------------------------------------------------------------------------
    ActionSpec("undo", "&Undo", "document.undo_stack.undo", menu="edit", keys=(Std.Undo,),
               icon="undo", toolbar=True),
    ActionSpec("redo", "&Redo", "document.undo_stack.redo", menu="edit",
               keys=("Ctrl+Shift+Z", "Ctrl+Y"), icon="redo", toolbar=True),
    ActionSpec("cut", "Cu&t", "edit_focused.cut", menu="edit", keys=(Std.Cut,), group=1,
               field_keys=True),
    ActionSpec("copy", "&Copy", "edit_focused.copy", menu="edit", keys=(Std.Copy,), group=1,
               field_keys=True),
    ActionSpec("paste", "&Paste", "edit_focused.paste", menu="edit", keys=(Std.Paste,),
               group=1, field_keys=True),
    ActionSpec("select-all", "Select &All", "edit_focused.selectAll", menu="edit",
               keys=(Std.SelectAll,), group=1, field_keys=True),
    ActionSpec("history", "&History", "toggle_history", menu="edit", keys=("Ctrl+Shift+H",),
               icon="history", group=2, checkable=True, tip="Every step you can undo"),
    ActionSpec("theme", "&Theme and Page…", "show_theme_panel", menu="edit",
               keys=("Ctrl+,",), icon="theme", toolbar=True, group=2),
    # --- View ------------------------------------------------------------------------
    ActionSpec("zoom-in", "Zoom &In", "preview.zoom_in", menu="view",
               keys=("Ctrl++", "Ctrl+="), icon="zoom-in"),
    ActionSpec("zoom-out", "Zoom &Out", "preview.zoom_out", menu="view", keys=("Ctrl+-",),
               icon="zoom-out"),
    ActionSpec("fit-width", "Fit &Width", "preview.fit_width", menu="view", keys=("Ctrl+1",)),
    ActionSpec("fit-page", "Fit &Page", "preview.fit_page", menu="view", keys=("Ctrl+2",)),
    ActionSpec("actual-size", "&100%", "preview.actual_size", menu="view", keys=("Ctrl+0",)),
    ActionSpec("problems", "P&roblems", "toggle_problems", menu="view", keys=("Ctrl+Shift+R",),
               group=1, checkable=True,
               tip="What the file holds that cveditor keeps without reading"),
    ActionSpec("focus-sections", "Go to &Sections", "focus_sections", menu="view",
               keys=("Alt+1",), group=1),
    ActionSpec("focus-editor", "Go to &Editor", "focus_editor", menu="view", keys=("Alt+2",),
               group=1),
    ActionSpec("focus-preview", "Go to P&review", "focus_preview", menu="view",
               keys=("Alt+3",), group=1),
    ActionSpec("update-preview", "&Update Preview", "live.update_preview", menu="view",
               keys=("F5",), icon="refresh", group=2,
               tip="Draw the pages again now; ends a pause"),
    ActionSpec("stop-preview", "S&top Updating the Preview", "live.stop", menu="view",
               group=2, tip="Stop a long render; the pages shown stay until Update Preview"),
    # --- Tools -----------------------------------------------------------------------
    ActionSpec("ats-check", "&ATS Check…", "show_ats_check", menu="tools",
               tip="What an applicant-tracking system reads from this résumé in its theme"),
    ActionSpec("bilingual-headings", "Headings in &Both Languages", "set_bilingual_headings",
               menu="tools", group=1, checkable=True,
               tip="Print each section heading in Korean and English, e.g. “경력 Experience”"),
    # --- Help ------------------------------------------------------------------------
    ActionSpec("shortcuts", "&Keyboard Shortcuts", "show_shortcuts", menu="help",
               keys=("F1",), icon="keyboard"),
    ActionSpec("file-format", "The &File Format", "show_file_format", menu="help"),
    ActionSpec("about", "&About cveditor", "show_about", menu="help", group=1),
    # --- an item list (jobs, degrees, projects …): buttons, context menu, keys --------
    ActionSpec("item-add", "&Add", "add", scope="items", keys=("Ins",), icon="add"),
    ActionSpec("item-duplicate", "&Duplicate", "duplicate", scope="items", keys=("Ctrl+D",),
               icon="duplicate"),
    ActionSpec("item-delete", "De&lete", "delete", scope="items", keys=("Del",), icon="delete"),
    ActionSpec("item-up", "Move &Up", "move_up", scope="items", keys=("Alt+Up",), icon="up",
               group=1),
    ActionSpec("item-down", "Move Dow&n", "move_down", scope="items", keys=("Alt+Down",),
               icon="down", group=1),
    ActionSpec("item-hide", "&Hide from Print", "toggle_hidden", scope="items",
               keys=("Ctrl+H",), icon="hide", group=2,
               tip="Keep the item in the file but leave it off the pages"),
    # --- the section list ----------------------------------------------------------
    ActionSpec("section-rename", "&Rename", "rename_current", scope="sections", keys=("F2",),
               icon="rename"),
    ActionSpec("section-up", "Move &Up", "move_up", scope="sections", keys=("Alt+Up",),
               icon="up", group=1),
    ActionSpec("section-down", "Move Dow&n", "move_down", scope="sections",
               keys=("Alt+Down",), icon="down", group=1),
    ActionSpec("section-print", "&Print This Section", "toggle_printed", scope="sections",
               keys=("Space",), group=2),
    ActionSpec("section-remove", "Re&move Custom Section", "remove_custom", scope="sections",
               icon="delete", group=3),
)

BY_ID: dict[str, ActionSpec] = {spec.id: spec for spec in ACTIONS}
assert len(BY_ID) == len(ACTIONS), "action ids are unique"


def in_scope(scope: str) -> Iterable[ActionSpec]:
    return (spec for spec in ACTIONS if spec.scope == scope)


def in_menu(menu: str) -> Iterable[ActionSpec]:
    return (spec for spec in ACTIONS if spec.scope == "window" and spec.menu == menu)


def resolve(owner: object, dotted: str):
    """``"files.new"`` on the window → ``window.files.new``."""
    target = owner
    for part in dotted.split("."):
        target = getattr(target, part)
    return target


def typeable(sequence: QKeySequence) -> bool:
    """Whether an ordinary keyboard can type it (not Qt.Key_New, Key_Undo, F14 … that
    some platforms bind for dedicated keys)."""
    key = sequence[0].key()
    return key < Qt.Key.Key_Escape or Qt.Key.Key_Escape <= key <= Qt.Key.Key_F12


def key_text(spec: ActionSpec) -> str:
    """The keys as people read them: "Ctrl+E", "Ctrl+Shift+Z, Ctrl+Y"."""
    return ", ".join(
        s.toString(QKeySequence.SequenceFormat.NativeText)
        for s in spec.sequences()
        if typeable(s)
    )


def shortcut_table() -> str:
    """The README's table of keys (a test keeps the README equal to it)."""
    lines = ["| where | action | keys |", "|---|---|---|"]
    lines += [f"| {where} | {what} | {keys} |" for where, what, keys in shortcut_rows()]
    return "\n".join(lines) + "\n"


def shortcut_rows() -> list[tuple[str, str, str]]:
    """(where, action, keys) for every action that has keys: Help and the README."""
    where = {"window": "", "items": "Item lists", "sections": "Section list"}
    menus = dict(MENUS)
    rows = []
    for spec in ACTIONS:
        if not spec.keys:
            continue
        place = where[spec.scope] or menus.get(spec.menu, "").replace("&", "")
        rows.append((place, spec.plain_text(), key_text(spec)))
    return rows


def make_action(spec: ActionSpec, parent, handler, *, widget_keys: bool = False):
    """The QAction of one registry entry (the one place actions are made, so menus,
    buttons and context menus behave alike)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction

    from .icons import icon

    action = QAction(spec.text, parent)
    action.setObjectName(spec.id)
    action.setShortcuts(spec.sequences())
    action.setShortcutContext(
        Qt.ShortcutContext.WidgetShortcut if widget_keys else Qt.ShortcutContext.WindowShortcut
    )
    if spec.icon:
        action.setIcon(icon(spec.icon))
    keys = key_text(spec)
    tip = spec.tip or spec.plain_text()
    action.setToolTip(tip + (f" ({keys})" if keys else ""))
    if spec.tip:
        action.setStatusTip(spec.tip)
    action.setCheckable(spec.checkable)
    if spec.checkable:
        action.toggled.connect(handler)
    else:
        action.triggered.connect(lambda _checked=False: handler())
    return action


def scoped_actions(owner: object, scope: str, widget, skip: Iterable[str] = ()) -> dict:
    """QActions for one widget's scope ("items", "sections"): their keys work while
    ``widget`` has the focus, and they form its context menu. Returns id → QAction."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction

    made = {}
    skipped = set(skip)
    previous_group = None
    for spec in in_scope(scope):
        if spec.id in skipped:
            continue
        if previous_group is not None and spec.group != previous_group:
            separator = QAction(widget)
            separator.setSeparator(True)
            widget.addAction(separator)
        previous_group = spec.group
        action = make_action(spec, widget, resolve(owner, spec.handler), widget_keys=True)
        widget.addAction(action)
        made[spec.id] = action
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return made
