"""Every menu shortcut works wherever the focus is (issue #9, point 5): a one-line field,
a multi-line field, the section list and the preview. On X11 a QLineEdit claims Ctrl+E,
Ctrl+K… for itself; the window's keys must win."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from cveditor.ui.actions import ACTIONS, typeable
from cveditor.ui.editors.fields import MarkdownField, TextField
from cveditor.ui.main_window import MainWindow
from cveditor.ui.settings import Settings

from .conftest import OUR_SAMPLE
from .person import Person, focus, press

WINDOW_KEYS = [
    spec for spec in ACTIONS if spec.scope == "window" and spec.keys and not spec.field_keys
]
LAST = {"quit"}  # closes the window: pressed last


def _target(window: MainWindow, where: str):
    if where == "line":
        return next(w for w in window.findChildren(TextField) if w.path == ("basics", "email"))
    if where == "text":
        fields = window.findChildren(MarkdownField)
        return next(w for w in fields if w.path == ("basics", "summary"))
    if where == "sections":
        return window.sections.list
    return window.preview


class KeyWatch(QObject):
    """Notes which key presses reached a widget as ordinary typing."""

    def __init__(self) -> None:
        super().__init__()
        self.typed = 0

    def eventFilter(self, _watched, event) -> bool:
        modifiers = (Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_Meta)
        if event.type() == QEvent.Type.KeyPress and event.key() not in modifiers:
            self.typed += 1
        return False


@pytest.mark.parametrize("where", ["line", "text", "sections", "preview"])
def test_every_window_shortcut_wins_in(qtbot, monkeypatch, where) -> None:
    person = Person(monkeypatch)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.files.open_copy(OUR_SAMPLE)
    fired: list[str] = []
    for spec_id, action in window.actions.items():
        action.triggered.connect(lambda *_a, spec_id=spec_id: fired.append(spec_id))
    ordered = [s for s in WINDOW_KEYS if s.id not in LAST] + [
        s for s in WINDOW_KEYS if s.id in LAST
    ]
    for spec in ordered:
        widget = _target(window, where)
        focus(qtbot, widget)
        watch = KeyWatch()
        widget.installEventFilter(watch)
        for sequence in spec.sequences():
            if not typeable(sequence):
                continue
            if spec.id in ("undo", "redo"):  # something to undo, or to redo
                window.document.set_value(("basics", "label"), f"edited {len(fired)}")
                if spec.id == "redo":
                    window.document.undo_stack.undo()
            before = len(fired)
            press(sequence.toString())
            assert fired[before:] == [spec.id], (
                f"{sequence.toString()} did not reach {spec.id} with the focus in {where}"
            )
            if window.isVisible():
                window.document.undo_stack.setClean()
                QApplication.processEvents()
                widget = _target(window, where)
                focus(qtbot, widget)
        widget.removeEventFilter(watch)
        assert watch.typed == 0, f"{spec.id}: the key also reached the {where} as typing"
    assert not window.isVisible(), "Ctrl+Q quit"
    assert person.errors == [] and person.exceptions == []


def test_clipboard_keys_stay_with_the_field(qtbot, monkeypatch) -> None:
    """Ctrl+C/V/X/A mean the same in a field: the field does them, and Edit ▸ Copy…
    act on whatever field has the focus."""
    Person(monkeypatch)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    window.files.open_copy(OUR_SAMPLE)
    email = _target(window, "line")
    focus(qtbot, email)
    press("Ctrl+A")
    assert email.selectedText() == email.text()
    press("Ctrl+C")
    assert QApplication.clipboard().text() == "seoyeon.kim@example.com"
    window.actions["select-all"].trigger()
    window.actions["cut"].trigger()
    assert window.document.resume.basics.email == ""
    window.actions["paste"].trigger()
    window.actions["copy"].trigger()
    assert window.document.resume.basics.email == "seoyeon.kim@example.com"
    window.document.undo_stack.setClean()
