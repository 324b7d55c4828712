"""One résumé → HTML → laid-out pages: the single renderer behind preview, PDF, print."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtGui import QImage

from ..model.resume import Resume
from .fonts import document_font
from .html import render_html, resolve_style
from .pages import PagedDocument, PageGeometry
from .themes import Theme, get_theme


@dataclass
class RenderedResume:
    resume: Resume
    theme: Theme
    html: str
    pages: PagedDocument


PHOTO_RESOURCE = "cv-photo"


def load_photo(image: str, base_dir: Path | None = None) -> QImage | None:
    """basics.image as a picture: a data: URI or a local file (relative to the résumé).

    Web addresses are never fetched: a résumé renders the same offline.
    """
    if not image:
        return None
    if image.startswith("data:"):
        _, _, payload = image.partition(",")
        try:
            raw = base64.b64decode(payload, validate=False)
        except (binascii.Error, ValueError):
            return None
        picture = QImage.fromData(raw)
    elif "://" in image and not image.startswith("file://"):
        return None
    else:
        path = Path(image.removeprefix("file://")).expanduser()
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        picture = QImage(str(path)) if path.is_file() else QImage()
    return None if picture.isNull() else picture


def render_resume(
    resume: Resume,
    *,
    theme: Theme | None = None,
    today: date | None = None,
    base_dir: Path | None = None,
) -> RenderedResume:
    theme = theme or get_theme(resume.layout.theme)
    photo = load_photo(resume.basics.image, base_dir)
    html = render_html(resume, theme=theme, today=today, photo=photo is not None)
    style = resolve_style(resume, theme)
    font = document_font(resume.layout.fontFamily or theme.font, style.font_size)
    layout = resume.layout
    pages = PagedDocument(
        html,
        PageGeometry.from_layout(layout),
        font,
        new_page_sections=tuple(layout.newPageSections),
        footer=resume.basics.name if layout.footer else "",
        images={PHOTO_RESOURCE: photo} if photo is not None else None,
    )
    return RenderedResume(resume, theme, html, pages)
