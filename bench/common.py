"""Shared helpers for benchmarks: résumés of a given length, medians."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cveditor.io import native
from cveditor.model import Resume
from cveditor.resources import sample_path


def resume_of_pages(pages: int) -> Resume:
    """The bundled sample, its jobs repeated until it fills ``pages`` A4 pages."""
    from cveditor.render.build import render_resume

    resume = native.load(sample_path())
    jobs = [job for job in resume.work if not job.hidden]
    repeats = 1
    while True:
        resume.work = [job.model_copy(deep=True) for _ in range(repeats) for job in jobs]
        if render_resume(resume).pages.page_count >= pages:
            return resume
        repeats += 1


def median_ms(action: Callable[[], object], runs: int = 9) -> float:
    action()  # warm up: fonts, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")
