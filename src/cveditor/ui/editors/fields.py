"""Field widgets bound to a path in the document.

A user edit becomes ``document.set_value(path, …)`` (typing merges into one undo step);
a change announced by the document — undo, redo, another editor — refreshes the widget
under a QSignalBlocker, so nothing echoes back (design.md §6.6).
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path as FilePath
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...commands import field_owner
from ...document import ResumeDocument
from ...model.access import Path, is_under
from ...model.dates import DateParseError, parse_date
from ...render.formatting import format_date


def message_label() -> QLabel:
    """The line under a field that says what is wrong with it; hidden until it does."""
    label = QLabel()
    label.setStyleSheet("color: #b00020;")
    label.setVisible(False)
    label.setWordWrap(True)
    return label


class Binding:
    """Mixin: follow the document's announcements for one path."""

    document: ResumeDocument
    path: Path

    def bind(self, document: ResumeDocument, path: Path) -> None:
        self.document = document
        self.path = path
        document.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changed: tuple) -> None:
        if is_under(self.path, changed) or is_under(changed, self.path):
            # the item may have gone away; its list editor then rebuilds this form
            with contextlib.suppress(IndexError, KeyError, AttributeError):
                self.refresh()

    def value(self) -> Any:
        return self.document.get(self.path)

    def kept_note(self) -> str:
        """What the file holds here that cveditor could not read, said where the empty
        field shows it ("" when nothing is kept): typing replaces it."""
        found = field_owner(self.document.resume, self.path)
        if found is None or not found[0].has_kept(found[1]):
            return ""
        shown = json.dumps(found[0].kept_value(found[1]), ensure_ascii=False)
        shown = shown if len(shown) <= 80 else shown[:79] + "…"
        return f"From the file, saved unchanged until you type here: {shown}"

    def show_kept(self, widget: QLineEdit | QPlainTextEdit) -> None:
        """The kept value as the empty field's placeholder and tooltip; the field's own
        hints come back once the user has typed over it."""
        note = self.kept_note()
        shown = getattr(self, "_kept_shown", "")
        if note == shown:
            return
        if not shown:
            self._hints = (widget.placeholderText(), widget.toolTip())
        placeholder, tip = (note, note) if note else self._hints
        widget.setPlaceholderText(placeholder)
        widget.setToolTip(tip)
        self._kept_shown = note

    def refresh(self) -> None:
        raise NotImplementedError


class TextField(QLineEdit, Binding):
    def __init__(self, document: ResumeDocument, path: Path, label: str) -> None:
        super().__init__()
        self.label = label
        self.textEdited.connect(
            lambda text: self.document.set_value(
                self.path, text, self.document.describe(self.path), merge=True
            )
        )
        self.bind(document, path)

    def refresh(self) -> None:
        value = self.value() or ""
        if self.text() != value:
            with QSignalBlocker(self):
                self.setText(value)
        self.show_kept(self)


MARKDOWN_HINT = "Markdown works here: **bold**, *italic*, [link](https://…)"


class MarkdownField(QPlainTextEdit, Binding):
    """Multi-line text; says that Markdown works."""

    def __init__(self, document: ResumeDocument, path: Path, label: str) -> None:
        super().__init__()
        self.label = label
        self.setPlaceholderText(MARKDOWN_HINT)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)
        self.setMinimumHeight(70)
        self.setMaximumHeight(140)
        self.textChanged.connect(self._edited)
        self.bind(document, path)

    def _edited(self) -> None:
        self.document.set_value(
            self.path, self.toPlainText(), self.document.describe(self.path), merge=True
        )

    def refresh(self) -> None:
        value = self.value() or ""
        if self.toPlainText() != value:
            with QSignalBlocker(self):
                self.setPlainText(value)
        self.show_kept(self)


class LinesField(QPlainTextEdit, Binding):
    """A list of short texts, one per line (highlights, keywords, tech stack)."""

    def __init__(self, document: ResumeDocument, path: Path, label: str) -> None:
        super().__init__()
        self.label = label
        self.setPlaceholderText("One per line")
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)
        self.setMinimumHeight(60)
        self.setMaximumHeight(120)
        self.textChanged.connect(self._edited)
        self.bind(document, path)

    def _lines(self) -> list[str]:
        lines = self.toPlainText().split("\n")
        while lines and not lines[-1].strip():
            lines.pop()
        return lines

    def _edited(self) -> None:
        self.document.set_value(
            self.path, self._lines(), self.document.describe(self.path), merge=True
        )

    def refresh(self) -> None:
        value = list(self.value() or [])
        if self._lines() != value:
            with QSignalBlocker(self):
                self.setPlainText("\n".join(value))


class DateField(QWidget, Binding):
    """Accepts what people type (2018.06, Jun 2018, 2018년 6월, 현재).

    Text that is not a date is never replaced without the user's action: it is kept in
    the item's ``typedDates`` (saved, printed as typed) while the date itself is empty,
    and the error shows under the field until the user corrects it.
    """

    def __init__(self, document: ResumeDocument, path: Path, label: str, *, end: bool) -> None:
        super().__init__()
        self.label = label
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(
            "empty = present (현재)" if end else "e.g. 2018.06, Jun 2018, 2018년 6월"
        )
        self.error = message_label()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.edit)
        column.addWidget(self.error)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._edited)
        self.edit.editingFinished.connect(self._tidy)
        self.bind(document, path)

    @property
    def typed_path(self) -> Path:
        return (*self.path[:-1], "cv", "typedDates")

    def _typed(self) -> dict[str, str]:
        return dict(self.document.get(self.typed_path))

    def _on_changed(self, changed: tuple) -> None:
        if is_under(self.typed_path, changed) or is_under(changed, self.typed_path):
            with contextlib.suppress(IndexError, KeyError, AttributeError):
                self.refresh()
            return
        super()._on_changed(changed)

    def _edited(self, text: str) -> None:
        iso, error = _read_typed(text)
        self._show_error(error)
        name = str(self.path[-1])
        typed = self._typed()
        typed.pop(name, None)
        if error:
            typed[name] = text
        self.document.set_values(
            {self.path: iso, self.typed_path: typed}, self.document.describe(self.path), merge=True
        )

    def _tidy(self) -> None:
        """Leaving the field shows the date in the standard form, unless it is wrong."""
        if not self.error.isVisible():
            self.refresh(force=True)

    def _show_error(self, message: str) -> None:
        self.error.setText(message[:1].upper() + message[1:])
        self.error.setVisible(bool(message))
        self.edit.setStyleSheet("border: 1px solid #b00020;" if message else "")

    def refresh(self, force: bool = False) -> None:
        item = self.document.get(self.path[:-1])
        typed = item.typed_dates().get(str(self.path[-1]))
        if self.edit.hasFocus() and not force:
            iso, error = _read_typed(self.edit.text())
            if (iso, self.edit.text() if error else None) == (self.value(), typed):
                return  # the user is typing and the model already follows them
        if typed is not None:
            shown, error = typed, _read_typed(typed)[1] or "not a date cveditor can read"
        else:
            shown, error = format_date(self.value(), "ko"), ""  # 2018.06: easy to read, type
        if self.edit.text() != shown:
            with QSignalBlocker(self.edit):
                self.edit.setText(shown)
        self._show_error(error)


def _read_typed(text: str) -> tuple[str | None, str]:
    """(ISO date, or None for empty / "present"; the reason when it is not a date)."""
    if not text.strip():
        return None, ""
    try:
        parsed = parse_date(text)
    except DateParseError as error:
        return None, str(error)
    return (parsed.iso() if parsed else None), ""


class PhotoField(QWidget, Binding):
    """basics.image: a path typed or chosen with a file dialog (stored relative to the
    résumé when it sits beside it, so the pair can be moved together). A photo that
    cannot be used (missing, SVG, not a picture) says why under the field, the one
    place the window tells it."""

    def __init__(self, document: ResumeDocument, path: Path, label: str) -> None:
        super().__init__()
        self.text = TextField(document, path, label)
        self.text.setPlaceholderText("a picture file, or empty for none")
        choose = QPushButton("Choose…")
        choose.clicked.connect(self.choose)
        self.problem = message_label()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.text)
        line.addWidget(choose)
        column.addLayout(line)
        column.addWidget(self.problem)
        self.bind(document, path)

    def refresh(self) -> None:
        self.check()

    def check(self) -> None:
        """Load the photo as every export will, and show the problem if there is one."""
        from ...render.build import PhotoProblem, load_photo

        try:
            load_photo(self.document.get(self.path) or "", self.document.base_dir)
            message = ""
        except PhotoProblem as problem:
            message = str(problem)
            message = message[:1].upper() + message[1:]
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def choose(self) -> None:
        from .. import dialogs

        base = self.document.base_dir
        picked = dialogs.get_image_path(self, str(base or ""))
        if picked is None:
            return
        if base is not None and picked.parent == base:
            picked = FilePath(picked.name)
        self.document.set_value(self.path, str(picked), "Choose photo")


class CheckField(QCheckBox, Binding):
    def __init__(self, document: ResumeDocument, path: Path, label: str) -> None:
        super().__init__(label)
        self.label = label
        self.toggled.connect(
            lambda on: self.document.set_value(
                self.path, on, self.document.describe(self.path, "Toggle")
            )
        )
        self.bind(document, path)

    def refresh(self) -> None:
        with QSignalBlocker(self):
            self.setChecked(bool(self.value()))


def row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    line = QHBoxLayout(holder)
    line.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        line.addWidget(widget)
    line.setAlignment(Qt.AlignmentFlag.AlignLeft)
    return holder


def dispose(widget: QWidget) -> None:
    """Retire a form at once: its bindings stop following the document before Qt gets
    round to deleting it (otherwise a burst of undo steps refreshes dead forms)."""
    for child in [widget, *widget.findChildren(QWidget)]:
        document = getattr(child, "document", None)
        handler = getattr(child, "_on_changed", None)
        if isinstance(document, ResumeDocument) and handler is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                document.changed.disconnect(handler)
    widget.hide()  # explicitly: a queued "show if not hidden" must not show it as a window
    widget.setParent(None)
    widget.deleteLater()
