"""A person at the window: menus found by their text, keys sent to the focused widget,
dialogs answered through the one dialogs module, files read back from disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QDropEvent,
    QGuiApplication,
    QInputMethodEvent,
    QKeySequence,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from cveditor.ui import dialogs


class Person:
    """Answers every question the application asks, and records what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.save_changes = "cancel"
        self.overwrite = False
        self.recover = "recover"
        self.in_use = "anyway"
        self.unreadable = "keep"
        self.text: str | None = None
        self.save_path: Path | None = None
        self.open_path: Path | None = None
        self.open_titles: list[str] = []  # the file dialogs' titles, as asked
        self.image_path: Path | None = None
        self.print_to: Path | None = None  # a PDF file standing in for the printer
        self.asked: list[str] = []
        self.errors: list[str] = []
        self.exported: list[tuple[Path, list[str]]] = []
        self.documents: list[tuple[str, str]] = []
        self.opened: list[Path] = []
        self.exceptions: list[str] = []
        self.save_filters: list[str] = []
        self.printer_pages: list[Any] = []
        for name in dir(self):
            if name.startswith("_ask_") or name.startswith("_show_") or name.startswith("_get_"):
                monkeypatch.setattr(dialogs, name[1:], getattr(self, name))
        monkeypatch.setattr(dialogs, "open_path", self._open_path)

    def _ask_save_changes(self, _parent, name, *args) -> str:
        self.asked.append(f"save-changes:{name}" + "".join(f":{a}" for a in args))
        return self.save_changes

    def _ask_overwrite_changed_file(self, _parent, path) -> bool:
        self.asked.append(f"overwrite:{path.name}")
        return self.overwrite

    def _ask_recover(self, _parent, description) -> str:
        self.asked.append(f"recover:{description}")
        return self.recover

    def _ask_unreadable(self, _parent, path, reason) -> str:
        self.asked.append(f"unreadable:{path.name}:{reason}")
        return self.unreadable

    def _ask_file_in_use(self, _parent, path, who) -> str:
        self.asked.append(f"in-use:{path.name}")
        return self.in_use

    def _ask_text(self, _parent, title, _label, text="") -> str | None:
        self.asked.append(f"text:{title}")
        return self.text

    def _ask_print(self, _parent, printer) -> bool:
        self.asked.append("print")
        if self.print_to is None:
            return False
        from PySide6.QtPrintSupport import QPrinter

        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.print_to))
        return True

    def _show_error(self, _parent, title, message) -> None:
        self.errors.append(f"{title}: {message}")

    def _show_exported(self, _parent, path, warnings) -> None:
        self.exported.append((path, list(warnings)))

    def _show_exception(self, _parent, summary, details, log_path) -> None:
        self.exceptions.append(summary)

    def _show_document(self, _parent, title, text, **_kwargs) -> None:
        self.documents.append((title, text))

    def _show_shortcuts(self, _parent, rows) -> None:
        self.documents.append(("Keyboard shortcuts", "\n".join(" | ".join(r) for r in rows)))

    def _get_save_path(self, _parent, suggested, filters="", refuse=None) -> Path | None:
        self.save_filters.append(filters)
        return self.save_path

    def _get_open_path(self, _parent, folder="", filters="", title="") -> Path | None:
        self.open_titles.append(title)
        return self.open_path

    def _get_image_path(self, _parent, folder="") -> Path | None:
        return self.image_path

    def _open_path(self, path: Path) -> bool:
        self.opened.append(path)
        return True


def menu_action(window: QMainWindow, menu: str, text: str) -> QAction:
    """The action a person finds under ``menu`` by its text (no & and no …)."""

    def plain(value: str) -> str:
        return value.replace("&", "").removesuffix("…").strip()

    for top in window.menuBar().actions():
        if plain(top.text()) == menu and top.menu() is not None:
            for action in top.menu().actions():
                shown = plain(action.text())  # "Undo Edit Name" is found as "Undo"
                if shown == plain(text) or shown.startswith(plain(text) + " "):
                    return action
    raise AssertionError(f"no {menu} ▸ {text} in the menus")


def click_menu(window: QMainWindow, menu: str, text: str) -> None:
    action = menu_action(window, menu, text)
    assert action.isEnabled(), f"{menu} ▸ {text} is greyed out"
    action.trigger()
    settle()


def settle() -> None:
    """Let the event loop run what it queued (widgets shown after a layout change…),
    as it does between two things a person does."""
    QApplication.processEvents()


def preview_settled(qtbot, window, timeout: int = 20000) -> None:
    """Wait, as a person glancing at the preview does, until it shows the last edit
    (renders run in the background: ui/live_preview.py)."""
    qtbot.waitUntil(lambda: not window.live.busy, timeout=timeout)


def focus(qtbot, widget: QWidget) -> None:
    settle()
    assert widget.isVisible(), f"{widget} is not on screen"
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def press(keys: str) -> None:
    """Keys as a person presses them, sent to whatever has the focus."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the focus"
    sequence = QKeySequence(keys)
    combination = sequence[0]
    QTest.keyClick(target, combination.key(), combination.keyboardModifiers())
    settle()


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type into a widget; Hangul through an input-method commit, as a Korean IME does
    (qtbot.keyClicks aborts on Hangul)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QGuiApplication.sendEvent(widget, event)
    settle()


def drop_file(window: QMainWindow, path: Path) -> None:
    """A file dropped on the window, as a file manager drops it."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(
        QDropEvent(
            QPointF(5, 5),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
