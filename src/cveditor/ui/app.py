"""Starting the editor: the application object, the window, the file to open."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..resources import resource_path, sample_path


def run_gui(file: Path | None, *, sample: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("cveditor")
    app.setApplicationDisplayName("cveditor")
    app.setDesktopFileName("io.github.cveditor.CVEditor")
    app.setWindowIcon(QIcon(str(resource_path("icons", "cveditor.svg"))))
    from .main_window import MainWindow

    window = MainWindow()
    window.show()
    if not window.files.offer_recovery():
        target = sample_path() if sample else file
        if target is not None:
            window.files.open(Path(target))
    return app.exec()
