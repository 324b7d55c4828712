"""Icons are drawn by qtawesome once and read back from the cache folder at later
starts, without importing it (ui/icons.py: 0.35 s of every start)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHILD = """
import sys
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
app = QApplication([])
from cveditor.ui.icons import icon, icon_folder
icon("save").pixmap(QSize(24, 24)).toImage().save(sys.argv[1])
print("qtawesome" in sys.modules, icon_folder())
"""


def _start(home: Path, image: Path) -> tuple[bool, Path]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CVEDITOR_HOME": str(home)}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(image)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    ).stdout.split()
    return out[0] == "True", Path(out[1])


def test_icons_are_drawn_once_and_read_back_without_qtawesome(tmp_path) -> None:
    from PySide6.QtGui import QImage

    drew, folder = _start(tmp_path, tmp_path / "first.png")
    assert drew, "the first start draws with qtawesome"
    assert (folder / "save-24.png").is_file()
    drew_again, _ = _start(tmp_path, tmp_path / "second.png")
    assert not drew_again, "a later start reads the kept icons"
    first, second = QImage(str(tmp_path / "first.png")), QImage(str(tmp_path / "second.png"))
    assert not first.isNull() and first == second, "the same picture either way"


def test_a_damaged_icon_file_is_drawn_again(tmp_path) -> None:
    _drew, folder = _start(tmp_path, tmp_path / "first.png")
    damaged = folder / "save-24.png"
    damaged.write_bytes(b"not a png")
    drew, _ = _start(tmp_path, tmp_path / "second.png")
    assert drew, "an unreadable file is not used"
    assert damaged.read_bytes().startswith(b"\x89PNG"), "and it is written again"
