"""Structure that must hold: the model and file formats never load Qt; PySide6 is safe."""

from __future__ import annotations

import subprocess
import sys
import textwrap

NO_QT = textwrap.dedent(
    """
    import sys
    import cveditor.model, cveditor.io.native, cveditor.cli, cveditor.resources
    loaded = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "qtpy")))
    print(",".join(loaded))
    """
)


def test_model_and_io_do_not_import_qt() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", NO_QT], capture_output=True, text=True, timeout=60, check=True
    )
    assert proc.stdout.strip() == "", f"Qt modules loaded: {proc.stdout}"


VOID_CALLS = textwrap.dedent(
    """
    import PySide6
    from PySide6.QtCore import QObject, QTimer
    from PySide6.QtGui import QTextDocument
    doc = QTextDocument()
    timer = QTimer()
    obj = QObject()
    for i in range(20_000):
        doc.setPlainText("x")        # void Qt calls: each returns None through shiboken
        timer.setInterval(i % 100)
        obj.setObjectName("n")
    print("survived", PySide6.__version__)
    """
)


def test_pyside_survives_20000_void_calls() -> None:
    """PySide6 6.12.0 on CPython 3.11 aborts with 'none_dealloc' after ~5 000 such calls."""
    proc = subprocess.run(
        [sys.executable, "-c", VOID_CALLS],
        capture_output=True,
        text=True,
        timeout=300,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr[-500:]}"
    assert proc.stdout.startswith("survived")
