"""One theme's thumbnail: page 1 of the résumé drawn in that theme, as plain pixels.

It is made in a worker thread (ui/theme_thumbnails.py), so the pages are laid out,
painted and freed in that same thread (design.md §4 trap 22): only a QImage, which is
pixels and no font, leaves it.

Qt reads HTML under Python's lock (trap 23), so a very long résumé would stop the
window for each theme's thumbnail. Page 1 never needs more than a page of entries: the
copy rendered keeps at most :data:`MAX_ENTRIES` printed entries per list — more than
the lines a page holds at the smallest font — so an ordinary résumé is drawn whole and
a huge one costs about a page's worth.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from pydantic import BaseModel
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from ..model.base import HideableItem
from ..model.layout import STANDARD_SECTIONS
from ..model.resume import Resume
from ..model.sections import printed_sections
from ..render.build import render_resume
from ..render.themes import Theme

#: Entries kept per list (jobs, highlights, rows, sections…): a page of 6 pt lines holds
#: fewer, so page 1 is the same as with all of them.
MAX_ENTRIES = 130
PAGE_EDGE = QColor("#9a9a9a")
#: Drawn this many times larger than shown, then scaled down smoothly: tiny text painted
#: directly comes out as ragged specks.
OVERSAMPLE = 2


def _trim(value: object) -> object:
    """``value`` with every list cut to its first printed entries (shallow: the result
    shares what it keeps with ``value``; the caller copies it)."""
    if isinstance(value, list):
        kept = [v for v in value if not (isinstance(v, HideableItem) and v.hidden)]
        return [_trim(v) for v in kept[:MAX_ENTRIES]]
    if isinstance(value, BaseModel):
        lists = {n: _trim(v) for n, v in value.__dict__.items() if isinstance(v, list)}
        return value.model_copy(update=lists) if lists else value
    return value


def thumbnail_copy(resume: Resume) -> Resume:
    """A copy of ``resume`` the worker may read while the user edits, holding what
    page 1 can show: every list's first :data:`MAX_ENTRIES` printed entries, and the
    first :data:`MAX_ENTRIES` custom sections that print, in their printed order."""
    update: dict[str, object] = {name: _trim(getattr(resume, name)) for name in STANDARD_SECTIONS}
    update["basics"] = _trim(resume.basics)
    printed = [sid for sid in printed_sections(resume) if resume.custom_section(sid)]
    keep = set(printed[:MAX_ENTRIES])
    sections = [_trim(s) for s in resume.custom_sections if s.id in keep]
    update["cv"] = resume.cv.model_copy(update={"sections": sections})
    # a round trip through pickle is the fast deep copy (about 5× deepcopy's speed)
    return pickle.loads(pickle.dumps(resume.model_copy(update=update), protocol=5))


def first_page_image(
    resume: Resume, theme: Theme, base_dir: Path | None, width: int, ratio: float = 1.0
) -> QImage:
    """Page 1 of ``resume`` in ``theme``, ``width`` logical pixels wide at ``ratio``
    device pixels each, on white with a grey page edge. Raises what rendering raises
    (ResumeFileError for a theme that fails, Cancelled past the budget)."""
    rendered = render_resume(resume, theme=theme, base_dir=base_dir)
    pages = rendered.pages
    try:
        geometry = pages.geometry
        big_width = round(width * ratio * OVERSAMPLE)
        scale = big_width / geometry.width
        big = QImage(big_width, round(geometry.height * scale), QImage.Format.Format_RGB32)
        big.fill(QColor("white"))
        painter = QPainter(big)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(scale, scale)
        if pages.page_count:
            pages.paint_page(painter, 0)
        painter.end()
    finally:
        pages.close()  # here, in the thread that laid it out
    image = big.scaledToWidth(round(width * ratio), Qt.TransformationMode.SmoothTransformation)
    _edge(image)
    image.setDevicePixelRatio(ratio)
    return image


def _edge(image: QImage) -> None:
    painter = QPainter(image)
    painter.setPen(QPen(PAGE_EDGE, 1))
    painter.drawRect(0, 0, image.width() - 1, image.height() - 1)
    painter.end()


def placeholder_image(width: int, height: int, text: str, ratio: float = 1.0) -> QImage:
    """A grey page saying ``text`` ("cannot be used", or "" while the real one is being
    made): shown in place of a thumbnail. Made in the window's thread (it uses a font)."""
    image = QImage(round(width * ratio), round(height * ratio), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("#f0f0f0"))
    painter = QPainter(image)
    painter.setPen(QPen(PAGE_EDGE, 1))
    painter.drawRect(QRectF(0.5, 0.5, width - 1, height - 1))
    if text:
        font = QFont(painter.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        painter.setPen(QColor("#a01010"))
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(QRectF(4, 4, width - 8, height - 8), flags, text)
    painter.end()
    return image
