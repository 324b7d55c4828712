"""Visual regression: every built-in theme's pages of the sample résumé, painted at low
resolution, against golden images in tests/golden (issue #10).

A change of layout that moves text by a line or more shows; anti-aliasing and rounding
do not. When a change of look is meant, regenerate the images and look at them:

    CVEDITOR_UPDATE_GOLDEN=1 QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest \
        tests/test_golden_pages.py

The fonts are bundled (resources/fonts), so the pages are the same on every machine.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from cveditor.io import native
from cveditor.render.build import render_resume
from cveditor.render.themes import builtin_themes_dir

GOLDEN = Path(__file__).parent / "golden"
SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "sample.resume.json"
DPI = 40
#: Mean difference of a pixel (0–255, grey) allowed, and how many pixels may differ a lot.
MEAN_TOLERANCE = 2.0
CHANGED_SHARE = 0.01
THEMES = sorted(p.name for p in builtin_themes_dir().iterdir() if (p / "theme.toml").exists())


def _page_images(theme: str) -> list[QImage]:
    resume = native.load(SAMPLE)
    resume.layout.theme = theme
    rendered = render_resume(resume, today=date(2026, 11, 1))
    pages = rendered.pages
    g = pages.geometry
    scale = DPI / 72
    images = []
    for index in range(pages.page_count):
        image = QImage(round(g.width * scale), round(g.height * scale), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        pages.paint_page(painter, index)
        painter.end()
        images.append(image.convertToFormat(QImage.Format.Format_Grayscale8))
    pages.close()
    return images


def _difference(a: QImage, b: QImage) -> tuple[float, float]:
    """(mean absolute difference, share of pixels differing by more than 64)."""
    assert (a.width(), a.height()) == (b.width(), b.height())
    total = changed = 0
    for y in range(a.height()):
        row_a = bytes(a.constScanLine(y))[: a.width()]
        row_b = bytes(b.constScanLine(y))[: b.width()]
        for pa, pb in zip(row_a, row_b, strict=True):
            delta = abs(pa - pb)
            total += delta
            changed += delta > 64
    pixels = a.width() * a.height()
    return total / pixels, changed / pixels


@pytest.mark.parametrize("theme", THEMES)
def test_pages_look_as_approved(qapp, theme) -> None:
    images = _page_images(theme)
    if os.environ.get("CVEDITOR_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        for old in GOLDEN.glob(f"{theme}-*.png"):
            old.unlink()
        for index, image in enumerate(images, start=1):
            image.save(str(GOLDEN / f"{theme}-{index}.png"))
    golden = sorted(GOLDEN.glob(f"{theme}-*.png"))
    assert golden, f"no golden images for {theme}: regenerate them (see the module's doc)"
    assert len(images) == len(golden), f"{theme}: {len(images)} pages, approved {len(golden)}"
    for index, (image, path) in enumerate(zip(images, golden, strict=True), start=1):
        approved = QImage(str(path)).convertToFormat(QImage.Format.Format_Grayscale8)
        mean, changed = _difference(image, approved)
        assert mean <= MEAN_TOLERANCE and changed <= CHANGED_SHARE, (
            f"{theme} page {index} differs from {path.name}: mean {mean:.2f}, "
            f"{changed:.1%} of pixels changed"
        )


def test_the_comparison_sees_a_line_moved(qapp) -> None:
    """The tolerance is not so loose that a moved line of text passes."""
    image = _page_images("classic")[0]
    moved = image.copy(0, 10, image.width(), image.height() - 10)  # shifted up 10 px
    padded = QImage(image.width(), image.height(), QImage.Format.Format_Grayscale8)
    padded.fill(255)
    painter = QPainter(padded)
    painter.drawImage(0, 0, moved)
    painter.end()
    mean, changed = _difference(image, padded)
    assert mean > MEAN_TOLERANCE or changed > CHANGED_SHARE
    assert _difference(image, image) == (0.0, 0.0)
