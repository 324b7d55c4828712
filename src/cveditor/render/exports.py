"""Writing a résumé in any format we offer, chosen by extension (GUI and CLI share it)."""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QUrl
from PySide6.QtGui import QTextDocument

from ..errors import ResumeFileError
from ..io.atomic import atomic_write_bytes
from ..io.formats import text_without_rendering
from ..model.printed import printed_resume
from ..model.resume import Resume
from .build import PHOTO_RESOURCE, render_resume
from .html import render_html


def standalone_html(resume: Resume, base_dir: Path | None = None) -> str:
    """The rendered theme as one .html file; the photo, if any, embedded as a data URI."""
    rendered = render_resume(resume, base_dir=base_dir)
    html = rendered.html
    if f'src="{PHOTO_RESOURCE}"' in html:
        photo = rendered.pages.doc.resource(
            QTextDocument.ResourceType.ImageResource, QUrl(PHOTO_RESOURCE)
        )  # the very picture the pages show, already loaded
        png = QBuffer()
        png.open(QIODevice.OpenModeFlag.WriteOnly)
        photo.save(png, "PNG")
        uri = f"data:image/png;base64,{base64.b64encode(bytes(png.data())).decode()}"
        html = html.replace(f'src="{PHOTO_RESOURCE}"', f'src="{uri}"')
    return html.replace("<html><head>", '<html><head><meta charset="utf-8">', 1)


def plain_text(resume: Resume, base_dir: Path | None = None) -> str:
    """What an applicant-tracking system reads: the printed text, in reading order."""
    paged = render_resume(resume, base_dir=base_dir).pages
    lines = []
    for line in paged.doc.toPlainText().replace("\u00a0", " ").split("\n"):
        line = " ".join(line.split())
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip() + "\n"


def write_resume(
    resume: Resume,
    path: Path,
    *,
    to: str = "",
    base_dir: Path | None = None,
    attach_source: bool = True,
) -> list[str]:
    """Write ``path`` in the format its extension names; returns warnings for the user.

    Every format but a native ``.json`` (which is a save, not an export) carries only
    what prints: the exporters start from ``model.printed.printed_resume``.
    """
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from .pdf import export_pdf

        return export_pdf(resume, path, base_dir=base_dir, attach_source=attach_source).warnings
    renderers = {".html": standalone_html, ".htm": standalone_html, ".txt": plain_text}
    text = text_without_rendering(resume, suffix, to)
    if text is None and suffix in renderers:
        text = renderers[suffix](printed_resume(resume), base_dir)
    if text is None:
        raise ResumeFileError(
            "choose an output ending in .json, .md, .html, .txt or .pdf", file=path
        )
    atomic_write_bytes(path, text.encode("utf-8"), backup=False)
    return []


__all__ = ["plain_text", "render_html", "standalone_html", "write_resume"]
