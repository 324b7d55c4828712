"""Start the editor on a résumé and save a screenshot of the whole screen.

Run under Xvfb:
    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshot.py OUT.png [FILE]
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from cveditor.resources import sample_path
from cveditor.ui.main_window import MainWindow


def main() -> int:
    out = Path(sys.argv[1])
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else sample_path()
    section = sys.argv[3] if len(sys.argv) > 3 else "work"
    app = QApplication(sys.argv[:1])
    window = MainWindow()
    window.resize(1580, 960)
    window.move(0, 0)
    window.show()
    window.files.open(target)
    window.sections.select(section)

    def shoot() -> None:
        app.primaryScreen().grabWindow(0).save(str(out))
        window.document.undo_stack.setClean()
        window.close()

    QTimer.singleShot(1500, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
