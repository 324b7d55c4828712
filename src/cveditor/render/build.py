"""One résumé → HTML → laid-out pages: the single renderer behind preview, PDF, print."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColorSpace, QImage, QImageReader

from ..model.resume import Resume
from .fit import FitResult, fit_to_pages
from .fonts import document_font
from .html import Tightening, render_html, resolve_style
from .pages import PagedDocument, PageGeometry
from .themes import Theme, get_theme


@dataclass
class RenderedResume:
    resume: Resume
    theme: Theme
    html: str
    pages: PagedDocument
    photo_problem: str = ""  # why basics.image was not used, for the user; "" when fine
    aside_html: str = ""  # the sidebar column of a theme that has one
    fit: FitResult | None = None  # what "Fit to pages" did; None when it is off
    #: (section id, index) → the anchor of that item's entry in the pages
    item_anchors: dict[tuple[str, int], str] = field(default_factory=dict)


PHOTO_RESOURCE = "cv-photo"
#: What marks an item's head repeated at the top of the next page.
CONTINUED_LABEL = {"ko": "(계속)", "en": "(continued)"}
#: What the document is called in its PDF title ("홍길동 — 이력서").
DOCUMENT_WORD = {"ko": "이력서", "en": "Résumé"}
#: A photo bigger than this is not a portrait: refused before it is decoded.
MAX_PHOTO_BYTES = 20 * 1024 * 1024


class PhotoProblem(Exception):
    """basics.image names a picture that cannot be used; the message says why."""


def _sniff(raw: bytes) -> str:
    """The raster format the bytes really are (by their magic number), or ""."""
    if raw.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if raw.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if raw[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if raw[:2] == b"BM":
        return "bmp"
    if raw[:4] == b"RIFF" and raw[8:12] == b"WEBP":
        return "webp"
    return ""


def _photo_bytes(image: str, base_dir: Path | None) -> bytes:
    if image.startswith("data:"):
        _, _, payload = image.partition(",")
        try:
            return base64.b64decode(payload, validate=False)
        except (binascii.Error, ValueError):
            raise PhotoProblem("photo not used: its data: URI is not valid base64") from None
    if "://" in image and not image.startswith("file://"):
        raise PhotoProblem(
            "photo not used: it is a web address, and cveditor never fetches pictures — "
            "save it and choose the file"
        )
    path = Path(image.removeprefix("file://")).expanduser()
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    try:
        if path.stat().st_size > MAX_PHOTO_BYTES:
            raise PhotoProblem(f"photo not used: {path} is over {MAX_PHOTO_BYTES // 2**20} MB")
        return path.read_bytes()
    except (OSError, ValueError):
        raise PhotoProblem(f"photo not used: {path} cannot be read (no such file?)") from None


def load_photo(image: str, base_dir: Path | None = None) -> QImage | None:
    """basics.image as pixels only: None when there is none, PhotoProblem when unusable.

    A data: URI or a local file (relative to the résumé). Web addresses are never
    fetched, and only PNG, JPEG, WebP, BMP and GIF are decoded, chosen by the bytes'
    magic number: an SVG could pull in other local files. The picture is copied pixel
    by pixel, so no comment, text chunk, EXIF or colour profile of the file goes along.
    """
    if not image:
        return None
    raw = _photo_bytes(image, base_dir)
    kind = _sniff(raw)
    if not kind:
        raise PhotoProblem(
            "photo not used: it is not a PNG, JPEG, WebP, BMP or GIF picture (SVG and "
            "other formats are refused)"
        )
    buffer = QBuffer()
    buffer.setData(QByteArray(raw))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, kind.encode())
    reader.setDecideFormatFromContent(False)
    reader.setAutoTransform(True)  # EXIF orientation applied: the EXIF itself stays behind
    picture = reader.read()
    if picture.isNull():
        raise PhotoProblem(
            f"photo not used: it cannot be decoded as {kind.upper()}: {reader.errorString()}"
        )
    return _portrait(_pixels_only(picture))


#: A photo taller than this (height ÷ width) is cut to it, keeping its top: a 300×1500
#: picture filled a third of page 1 in every theme (a theme sets only the width).
MAX_PHOTO_RATIO = 1.5


def _portrait(picture: QImage) -> QImage:
    """``picture`` no taller than :data:`MAX_PHOTO_RATIO` times its width."""
    limit = round(picture.width() * MAX_PHOTO_RATIO)
    if picture.height() <= limit:
        return picture
    return picture.copy(0, 0, picture.width(), limit)


def _pixels_only(picture: QImage) -> QImage:
    """A new image holding only ``picture``'s pixels (in sRGB): no text, no profile."""
    space = picture.colorSpace()
    if space.isValid() and space != QColorSpace(QColorSpace.NamedColorSpace.SRgb):
        picture = picture.convertedToColorSpace(QColorSpace(QColorSpace.NamedColorSpace.SRgb))
    fmt = QImage.Format.Format_ARGB32 if picture.hasAlphaChannel() else QImage.Format.Format_RGB32
    picture = picture.convertToFormat(fmt)
    bits = bytes(picture.constBits())
    # copy(): the new image owns its pixels and has never had a text key
    return QImage(bits, picture.width(), picture.height(), picture.bytesPerLine(), fmt).copy()


def photo_data_uri(picture: QImage) -> str:
    """The picture as it leaves a file: a PNG written by Qt from the pixels alone."""
    png = QBuffer()
    png.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(png, "PNG")
    return f"data:image/png;base64,{base64.b64encode(bytes(png.data())).decode()}"


def theme_prints_photo(resume: Resume, theme: Theme | None = None) -> bool:
    """Whether the résumé's theme shows a photo: its HTML uses the ``cv-photo`` picture."""
    theme = theme or get_theme(resume.layout.theme)
    parts = ("main", "aside") if theme.aside is not None else ("main",)
    try:
        html = "".join(render_html(resume, theme=theme, photo=True, part=p) for p in parts)
    except Exception:  # a theme that fails prints no photo; its own export says why
        return False
    return f'src="{PHOTO_RESOURCE}"' in html


def shareable_photo(
    resume: Resume, base_dir: Path | None = None, *, include_unprinted: bool = False
) -> tuple[str, str]:
    """(the photo as it may leave, the problem to tell the user).

    The photo leaves as a re-encoded data: URI (never a path) only when the theme
    prints it, or the user asked for unprinted fields too; "" otherwise.
    """
    try:
        picture = load_photo(resume.basics.image, base_dir)
    except PhotoProblem as problem:
        return "", str(problem)
    if picture is None or not (include_unprinted or theme_prints_photo(resume)):
        return "", ""
    return photo_data_uri(picture), ""


def printed_view(resume: Resume, theme: Theme) -> Resume:
    """The résumé as ``theme`` prints it: in the theme's own language when its
    theme.toml sets ``[options] locale`` (dates, "(continued)", standard headings and
    labels), else as it is. A shallow copy; the résumé itself is never changed."""
    if not theme.locale or theme.locale == resume.layout.locale:
        return resume
    view = resume.model_copy()
    view.cv = resume.cv.model_copy(
        update={"layout": resume.layout.model_copy(update={"locale": theme.locale})}
    )
    return view


def continued_label(resume: Resume, theme: Theme) -> str:
    """What marks an item's head repeated at the top of the next page, in the language
    the theme prints in."""
    return CONTINUED_LABEL[theme.locale or resume.layout.locale]


def document_title(resume: Resume, theme: Theme) -> str:
    """The PDF's title, in the language the pages are printed in: a Korean résumé's
    reader sees "홍길동 — 이력서", not an English word."""
    word = DOCUMENT_WORD[theme.locale or resume.layout.locale]
    return f"{resume.basics.name} — {word}" if resume.basics.name else word


def render_resume(
    resume: Resume,
    *,
    theme: Theme | None = None,
    today: date | None = None,
    base_dir: Path | None = None,
) -> RenderedResume:
    """The pages of the résumé; with ``layout.fitPages`` set, tightened to fit that many
    (render/fit.py) — here, so the preview, the PDF and the printer agree."""
    theme = theme or get_theme(resume.layout.theme)
    try:
        photo, photo_problem = load_photo(resume.basics.image, base_dir), ""
    except PhotoProblem as problem:
        photo, photo_problem = None, str(problem)

    def render(tightening: Tightening | None) -> RenderedResume:
        return _render(resume, theme, today, photo, photo_problem, tightening)

    target = resume.layout.fitPages
    if not target:
        return render(None)
    rendered, result = fit_to_pages(render, resolve_style(resume, theme), theme, target)
    rendered.fit = result
    return rendered


def _render(
    resume: Resume,
    theme: Theme,
    today: date | None,
    photo: QImage | None,
    photo_problem: str,
    tightening: Tightening | None,
) -> RenderedResume:
    kwargs = {"theme": theme, "today": today, "photo": photo is not None}
    printed = printed_view(resume, theme)
    anchors: dict[tuple[str, int], str] = {}
    html = render_html(printed, **kwargs, tightening=tightening, item_anchors=anchors)
    aside_html = ""
    if theme.aside is not None:
        aside_html = render_html(printed, **kwargs, part="aside", tightening=tightening)
    style = resolve_style(resume, theme, tightening)
    font = document_font(resume.layout.fontFamily or theme.font, style.font_size)
    layout = resume.layout
    pages = PagedDocument(
        html,
        PageGeometry.from_layout(layout),
        font,
        new_page_sections=tuple(layout.newPageSections),
        footer=resume.basics.name if layout.footer else "",
        images={PHOTO_RESOURCE: photo} if photo is not None else None,
        line_height=style.line_height,
        accent=style.accent,
        continued_label=continued_label(resume, theme),
        aside_html=aside_html,
        aside=theme.aside,
    )
    return RenderedResume(
        resume, theme, html, pages, photo_problem, aside_html, item_anchors=anchors
    )
