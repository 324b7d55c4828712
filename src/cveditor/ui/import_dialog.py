"""File ▸ Import… of a Markdown file: the review step (issue #11).

Left, the source's outline — headings and blocks with their lines — and, under it, the
text of the part selected; beside each part a drop-down of what it becomes (Profile,
Experience, a custom section, private notes, "leave out"…). Right, what the import
becomes, redrawn at each change of a drop-down. Below, the mode — **As a new résumé** or
**Into the open résumé** (io.merge) — and Accept / Cancel.

The dialog changes nothing: the window reads :meth:`ImportDialog.imported` and
:attr:`ImportDialog.mode` when it is accepted and applies them as one step.

Keys: ↑/↓ in the outline choose a part, Tab goes to its drop-down (↑/↓ or typing there
change it, Tab again goes on to the text, the preview and the mode), Enter accepts and
Esc cancels.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..errors import ResumeFileError
from ..io.merge import UNAPPLIED_TITLE, same_job
from ..model.describe import item_title
from ..model.kinds import kind_of
from ..model.resume import Resume
from ..model.sections import section_order, section_title

if TYPE_CHECKING:
    from ..io.import_plan import ImportPlan, OutlineNode

NEW, INTO = "new", "into"
NODE_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Part of the file", "Lines", "Becomes")
#: How much of a long text the preview shows.
PREVIEW_CHARS = 160


class ImportDialog(QDialog):
    """The review of one Markdown import. ``existing`` is the open résumé (for the
    "Into the open résumé" mode; None: only "As a new résumé")."""

    def __init__(
        self,
        parent: QWidget | None,
        plan: ImportPlan,
        text: str,
        *,
        existing: Resume | None = None,
        mode: str = NEW,
        file_name: str = "",
    ) -> None:
        super().__init__(parent)
        from ..io.import_plan import TARGET_LABELS, TARGETS

        self.plan, self.existing = plan, existing
        self.lines = text.splitlines()
        self.targets: tuple[str, ...] = tuple(TARGETS)
        self.labels: dict[str, str] = dict(TARGET_LABELS)
        self.combos: dict[int, QComboBox] = {}
        self.items: dict[int, QTreeWidgetItem] = {}
        self._imported: Resume | None = None
        self.build_error = ""
        name = file_name or plan.source
        self.setWindowTitle(f"Import {name}")
        self.setObjectName("import-review")

        intro = QLabel(
            f"Check what each part of <b>{html.escape(name)}</b> becomes, then Accept. "
            "Nothing changes until you do."
        )
        intro.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setObjectName("import-outline")
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName("Outline of the file")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.source_view = QPlainTextEdit()
        self.source_view.setObjectName("import-source")
        self.source_view.setReadOnly(True)
        self.source_view.setTabChangesFocus(True)
        self.source_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.source_view.setAccessibleName("Text of the selected part")
        self.source_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.source_label = QLabel("Text of the selected part")
        self.source_label.setBuddy(self.source_view)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(_titled("&Outline of the file", self.tree))
        left.addWidget(_titled("", self.source_view, self.source_label))
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)

        self.preview = QTextBrowser()
        self.preview.setObjectName("import-preview")
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName("What the import becomes")
        self.preview_label = QLabel("&What the import becomes")
        self.preview_label.setBuddy(self.preview)
        right = _titled("", self.preview, self.preview_label)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)

        self.as_new = QRadioButton("As a &new résumé")
        self.as_new.setObjectName("import-as-new")
        self.into = QRadioButton("&Into the open résumé")
        self.into.setObjectName("import-into")
        self.into.setEnabled(existing is not None)
        self.into.setToolTip(
            "Add the jobs, projects, sections and notes to the résumé you have open. "
            "Your profile fields are kept; empty ones are filled."
        )
        self.as_new.setToolTip("Replace the open résumé with the import (untitled, unsaved)")
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.as_new)
        self.modes.addButton(self.into)
        (self.into if mode == INTO and existing is not None else self.as_new).setChecked(True)
        self.modes.buttonToggled.connect(lambda *_a: self.update_preview(rebuild=False))
        mode_box = QGroupBox("Import")
        mode_row = QHBoxLayout(mode_box)
        mode_row.addWidget(self.as_new)
        mode_row.addWidget(self.into)
        mode_row.addStretch(1)

        self.buttons = QDialogButtonBox()
        self.accept_button = self.buttons.addButton(
            "&Accept", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.accept_button.setObjectName("import-accept")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button.setDefault(True)
        self.accept_button.setAutoDefault(True)
        self.cancel_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(mode_box, 1)
        bottom.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignBottom)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

        self._fill_tree()
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.installEventFilter(self)
        for widget in (self.tree, self.source_view, self.preview, self.as_new, self.into):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        QWidget.setTabOrder(self.tree, self.source_view)
        QWidget.setTabOrder(self.source_view, self.preview)
        QWidget.setTabOrder(self.preview, self.as_new)
        QWidget.setTabOrder(self.as_new, self.into)
        QWidget.setTabOrder(self.into, self.accept_button)
        QWidget.setTabOrder(self.accept_button, self.cancel_button)
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.tree.setFocus()
        self.update_preview()
        self.resize(_size_for(parent))
        split.setSizes([600, 420])

    # --- the outline ------------------------------------------------------------------

    def _fill_tree(self) -> None:
        def add(node: OutlineNode, parent: QTreeWidgetItem | None) -> None:
            item = QTreeWidgetItem([node.label or "(untitled)", _lines(node), ""])
            item.setData(0, NODE_ROLE, node.id)
            item.setToolTip(0, node.label)
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            self.items[node.id] = item
            combo = QComboBox()
            combo.setObjectName(f"import-target-{node.id}")
            # reached by Tab from its row (eventFilter), never by the view itself: a view
            # gives the focus to a row's widget as ↑/↓ reach the row, and the next ↓
            # would then change the drop-down instead of moving on
            combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            combo.setAccessibleName(f"What “{node.label}” becomes")
            for target in self.targets:
                combo.addItem(self.labels.get(target, target), target)
            combo.setCurrentIndex(self._index_of(node.target))
            auto = self.labels.get(node.auto_target, node.auto_target)
            combo.setToolTip(f"Found: {auto}")
            combo.currentIndexChanged.connect(
                lambda _i, node_id=node.id: self._target_chosen(node_id)
            )
            combo.installEventFilter(self)
            self.combos[node.id] = combo
            self.tree.setItemWidget(item, 2, combo)
            for child in node.children:
                add(child, item)

        for node in self.plan.outline:
            add(node, None)
        self.tree.expandAll()
        if self.combos:  # the drop-downs' column as wide as the longest choice
            widest = max(combo.sizeHint().width() for combo in self.combos.values())
            self.tree.header().resizeSection(2, widest + 4)

    def _index_of(self, target: str) -> int:
        return self.targets.index(target) if target in self.targets else len(self.targets) - 1

    def node(self, node_id: int) -> OutlineNode:
        return next(n for n in self.plan.nodes() if n.id == node_id)

    def current_node(self) -> OutlineNode | None:
        item = self.tree.currentItem()
        return self.node(item.data(0, NODE_ROLE)) if item is not None else None

    def combo_of(self, node_id: int) -> QComboBox:
        return self.combos[node_id]

    def _current_changed(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        if current is None:
            self.source_view.clear()
            return
        node = self.node(current.data(0, NODE_ROLE))
        label = _short(node.label, 40).replace("&", "&&")  # "R&D" shown, not a mnemonic
        self.source_label.setText(f"Text of “{label}” ({_lines(node)})")
        self.source_view.setPlainText(self.source_of(node))

    def source_of(self, node: OutlineNode) -> str:
        """The lines of the source a node covers (its line numbers count from 1)."""
        first = max(node.first_line, 1)
        return "\n".join(self.lines[first - 1 : max(node.last_line, first)])

    def set_target(self, node_id: int, target: str) -> None:
        """Choose what a part becomes, as its drop-down does."""
        self.combos[node_id].setCurrentIndex(self._index_of(target))

    def _target_chosen(self, node_id: int) -> None:
        target = self.combos[node_id].currentData()
        node = self.node(node_id)
        if node.target == target:
            return
        self.plan.retarget(node_id, target)
        self._sync_combos()  # a part's change may carry its children along
        self.update_preview()

    def _sync_combos(self) -> None:
        for node in self.plan.nodes():
            combo = self.combos.get(node.id)
            if combo is not None and combo.currentData() != node.target:
                blocker = combo.blockSignals(True)
                combo.setCurrentIndex(self._index_of(node.target))
                combo.blockSignals(blocker)

    # --- keys: Tab from a row to its drop-down and on --------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers()
            plain = not mods & ~Qt.KeyboardModifier.KeypadModifier
            if watched is self.tree and key == Qt.Key.Key_Tab and plain:
                node = self.current_node()
                if node is not None:
                    self.combos[node.id].setFocus(Qt.FocusReason.TabFocusReason)
                    return True
            if isinstance(watched, QComboBox):
                if key == Qt.Key.Key_Tab and plain:
                    self.source_view.setFocus(Qt.FocusReason.TabFocusReason)
                    return True
                if key == Qt.Key.Key_Backtab or (
                    key == Qt.Key.Key_Tab and mods & Qt.KeyboardModifier.ShiftModifier
                ):
                    self._row_of(watched)
                    self.tree.setFocus(Qt.FocusReason.BacktabFocusReason)
                    return True
        elif isinstance(watched, QComboBox) and event.type() == QEvent.Type.Wheel:
            # the wheel scrolls the outline; it never changes a drop-down on the way
            QApplication.sendEvent(self.tree.verticalScrollBar(), event)
            return True
        elif isinstance(watched, QComboBox) and event.type() in (
            QEvent.Type.FocusIn,
            QEvent.Type.MouseButtonPress,
        ):
            self._row_of(watched)  # clicked or reached: its row is the current one
        return super().eventFilter(watched, event)

    def _row_of(self, combo: QObject) -> None:
        """Make the row of a drop-down the current one (in the first column, so that
        ↑/↓ in the outline move between rows)."""
        for node_id, mine in self.combos.items():
            if mine is combo:
                item = self.items[node_id]
                if self.tree.currentItem() is not item or self.tree.currentColumn() != 0:
                    self.tree.setCurrentItem(item, 0)
                return

    # --- the result -------------------------------------------------------------------

    @property
    def mode(self) -> str:
        return INTO if self.into.isChecked() else NEW

    def set_mode(self, mode: str) -> None:
        (self.into if mode == INTO else self.as_new).setChecked(True)

    def imported(self) -> Resume:
        """The résumé the targets make now (a new one at each call)."""
        return self.plan.build()

    @property
    def built(self) -> Resume | None:
        """The résumé the targets made at the last change (None: it could not be built)."""
        return self._imported

    def update_preview(self, rebuild: bool = True) -> None:
        """Redraw the preview; ``rebuild=False`` (the mode changed, not a target) draws
        the résumé built last time instead of building it again."""
        if not rebuild and self._imported is not None:
            self._show(self._imported)
            return
        try:
            resume = self.imported()
        except (ResumeFileError, ValueError) as error:
            self._imported = None
            self.build_error = str(error)
            self.preview.setHtml(f"<p><b>Cannot build the résumé:</b> {_esc(str(error))}</p>")
            self.accept_button.setEnabled(False)
            return
        self._imported, self.build_error = resume, ""
        self.accept_button.setEnabled(True)
        self._show(resume)

    def _show(self, resume: Resume) -> None:
        existing = self.existing if self.mode == INTO else None
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setHtml(preview_html(resume, existing))
        QTimer.singleShot(0, lambda: self.preview.verticalScrollBar().setValue(scroll))

    def preview_text(self) -> str:
        return self.preview.toPlainText()


# --- the preview -------------------------------------------------------------------------


def preview_html(resume: Resume, existing: Resume | None = None) -> str:
    """A compact account of a résumé: its profile, then each section with its items, as
    they will be; ``existing``: into that résumé (says which jobs join one of its own)."""
    out: list[str] = []
    if existing is not None:
        out.append(
            "<p><i>Added to the open résumé. Its profile stays; empty fields are filled.</i></p>"
        )
    profile = _profile_lines(resume, existing)
    if profile:
        out.append("<h3>Profile</h3><ul>")
        out += [f"<li>{line}</li>" for line in profile]
        out.append("</ul>")
    for section_id in section_order(resume):
        lines = _section_lines(resume, section_id, existing)
        if not lines:
            continue
        title = section_title(resume, section_id)
        if kind_of(resume, section_id).private:
            title += " — private notes, never printed"
        out.append(f"<h3>{_esc(title)}</h3><ul>")
        out += [f"<li>{line}</li>" for line in lines]
        out.append("</ul>")
    if len(out) <= (existing is not None):
        out.append("<p>Nothing to import: the file is empty, or every part is left out.</p>")
    return "".join(out)


def _profile_lines(resume: Resume, existing: Resume | None) -> list[str]:
    """The profile's values; into a résumé, what each does there (io.merge): fills an
    empty field, or is kept aside in the notes because the field has a value."""
    basics = resume.basics
    lines = []
    for name in ("name", "label", "email", "phone", "url", "summary"):
        value = getattr(basics, name).strip()
        if not value:
            continue
        title = type(basics).model_fields[name].title or name
        text = f"{_esc(title)}: {_esc(_short(value))}"
        if existing is not None:
            mine = getattr(existing.basics, name).strip()
            if mine == value:
                continue
            text += (
                " <i>— fills an empty field</i>"
                if not mine
                else (f" <i>— yours stays; kept in “{UNAPPLIED_TITLE}”</i>")
            )
        lines.append(text)
    lines += [_esc(p.url or p.username) for p in basics.profiles if (p.url or p.username)]
    return lines


def _section_lines(resume: Resume, section_id: str, existing: Resume | None) -> list[str]:
    custom = resume.custom_section(section_id)
    if custom is not None:
        match custom.kind:
            case "list":
                return [_esc(_short(i)) for i in custom.items if i.strip()]
            case "dated":
                return [
                    _esc(" ".join(p for p in (f"[{e.date_text('date') or ''}]", e.title) if p))
                    for e in custom.entries
                ]
            case "table":
                rows = [custom.header, *custom.rows] if custom.header else custom.rows
                return [_esc(" | ".join(r)) for r in rows]
            case "text":
                return [_esc(_short(custom.text))] if custom.text.strip() else []
            case "notes":
                return [
                    _esc(n.title or "(untitled)")
                    + (f" ({len(n.fields)} fields)" if n.fields else "")
                    for n in custom.notes
                ]
        return []
    items = getattr(resume, section_id, [])
    lines = []
    for item in items:
        line = _esc(_item_line(item))
        if section_id == "work":
            if existing is not None and any(same_job(mine, item) for mine in existing.work):
                line += " <i>— joins your job there</i>"
            for project in item.cv.projects:
                line += f"<br>&nbsp;&nbsp;· {_esc(_item_line(project))}"
        lines.append(line)
    return lines


def _item_line(item: Any) -> str:
    title = item_title(item)
    extra = [
        getattr(item, name)
        for name in ("position", "studyType", "area", "level")
        if isinstance(getattr(item, name, None), str)
        and getattr(item, name).strip()
        and getattr(item, name).strip() != title
    ]
    dates = _dates(item)
    text = " · ".join([title, *extra])
    return f"{text} ({dates})" if dates else text


def _dates(item: Any) -> str:
    date_text = getattr(item, "date_text", None)
    if date_text is None:
        return ""
    if "startDate" in type(item).model_fields:
        start, end = date_text("startDate"), date_text("endDate")
        if start or end:
            return f"{start or '?'} – {end or 'present'}"
        return ""
    for name in ("date", "releaseDate"):
        if name in type(item).model_fields and date_text(name):
            return str(date_text(name))
    return ""


def _esc(text: str) -> str:
    return html.escape(text)


def _short(text: str, limit: int = PREVIEW_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _lines(node: OutlineNode) -> str:
    if node.last_line <= node.first_line:
        return f"{node.first_line}"
    return f"{node.first_line}–{node.last_line}"


def _titled(title: str, widget: QWidget, label: QLabel | None = None) -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    if label is None:
        label = QLabel(title)
        label.setBuddy(widget)
    column.addWidget(label)
    column.addWidget(widget, 1)
    return box


def _size_for(parent: QWidget | None):
    from PySide6.QtCore import QSize

    if parent is not None and parent.width() > 400:
        return QSize(min(1200, int(parent.width() * 0.9)), min(760, int(parent.height() * 0.9)))
    return QSize(1100, 700)


__all__ = ["INTO", "NEW", "ImportDialog", "preview_html"]
