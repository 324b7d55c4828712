"""Editor benchmark: edit → preview repainted, cold start to window shown, memory.

Run: .venv/bin/python bench/ui.py
Targets (issue 4): edit → repainted ≤ 60 ms (5-page résumé), cold start ≤ 1.0 s,
RSS after opening the sample ≤ 150 MB.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import median_ms, resume_of_pages

CHILD = """
import os, sys, time
from PySide6.QtWidgets import QApplication
app = QApplication([])
from cveditor.resources import sample_path
from cveditor.ui.main_window import MainWindow
from cveditor.ui.settings import Settings
window = MainWindow(Settings())
window.files.open(sample_path())
window.show()
app.processEvents()
rss = next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1]
print("shown", int(rss) / 1024, flush=True)
"""


def cold_start() -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CVEDITOR_HOME": "/tmp/cveditor-bench"}
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, check=True
    ).stdout
    elapsed = (time.perf_counter() - start) * 1000
    rss = float(out.split()[1])
    return elapsed, rss


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from cveditor.ui.main_window import MainWindow
    from cveditor.ui.settings import Settings

    os.environ.setdefault("CVEDITOR_HOME", "/tmp/cveditor-bench")
    app = QApplication.instance() or QApplication(sys.argv)
    window = MainWindow(Settings())
    window.document.replace(resume_of_pages(5), None)
    window.show()
    app.processEvents()
    counter = iter(range(10**6))

    def edit_and_repaint() -> None:
        window.document.set_value(("basics", "label"), f"Engineer {next(counter)}", merge=True)
        window.render_now()  # what the debounce timer calls
        window.preview.view.repaint()  # paint synchronously, visible pages only

    repaint = median_ms(edit_and_repaint, runs=15)
    starts = [cold_start() for _ in range(5)]
    print(
        f"edit → preview repainted ({window.preview.page_count} pages): {repaint:.1f} ms (median)"
    )
    start_ms = statistics.median(s[0] for s in starts)
    print(f"cold start to window shown: {start_ms:.0f} ms (median of 5)")
    print(f"RSS after opening the sample: {statistics.median(s[1] for s in starts):.0f} MB")
    window.document.undo_stack.setClean()


if __name__ == "__main__":
    main()
