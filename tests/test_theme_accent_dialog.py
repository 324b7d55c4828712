"""The accent colour dialog opens at the colour the pages are drawn in: the résumé's own
accent, else the chosen theme's — not classic's whatever theme is chosen (a new user's
finding). A person chooses a theme in Edit ▸ Theme and Page, then clicks Accent colour."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QColorDialog

from cveditor.render.themes import get_theme
from cveditor.ui.main_window import MainWindow
from cveditor.ui.settings import Settings

from .conftest import OUR_SAMPLE
from .person import Person, click_menu, focus, press, settle


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path) -> MainWindow:
    Person(monkeypatch)
    path = tmp_path / "cv.json"
    shutil.copy(OUR_SAMPLE, path)
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    assert win.files.open(path)
    yield win
    win.document.undo_stack.setClean()


def colour_the_dialog_opens_at(qtbot, panel, answer: QColor | None = None) -> QColor:
    """Click Accent colour as a person does; read the dialog's colour, then cancel it
    (or pick ``answer``)."""
    seen: list[QColor] = []

    def answer_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QColorDialog):
            QTimer.singleShot(20, answer_dialog)
            return
        seen.append(QColor(dialog.currentColor()))
        if answer is None:
            dialog.reject()
        else:
            dialog.setCurrentColor(answer)
            dialog.accept()

    QTimer.singleShot(0, answer_dialog)
    qtbot.mouseClick(panel.accent, Qt.MouseButton.LeftButton)
    settle()
    assert seen, "no colour dialog opened"
    return seen[0]


@pytest.mark.real_dialogs  # the colour dialog is answered from a timer
def test_accent_dialog_opens_at_the_chosen_themes_colour(qtbot, window) -> None:
    click_menu(window, "Edit", "Theme and Page")
    panel = window.theme_dock.widget()
    combo = panel.theme
    assert not window.document.resume.layout.accentColor
    for chosen in ("modern", "myeongjo", "english"):
        focus(qtbot, combo)
        while combo.currentData() != chosen:  # the person walks the list with the keys
            before = combo.currentIndex()
            press("Down" if combo.findData(chosen) > before else "Up")
            assert combo.currentIndex() != before, f"{chosen} cannot be reached"
        assert window.document.resume.layout.theme == chosen
        accent = get_theme(chosen).accent
        assert accent.lower() != "#1f4e79", "the test needs a theme whose accent is not classic's"
        shown = colour_the_dialog_opens_at(qtbot, panel)
        assert shown.name() == accent.lower(), (chosen, shown.name(), accent)
        assert not window.document.resume.layout.accentColor, "cancelled: nothing set"
        assert accent.lower() in panel.accent.text().lower()
    # a colour of the résumé's own wins over the theme's
    colour_the_dialog_opens_at(qtbot, panel, QColor("#228833"))
    assert window.document.resume.layout.accentColor == "#228833"
    assert colour_the_dialog_opens_at(qtbot, panel).name() == "#228833"
