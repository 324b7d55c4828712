"""Writing a résumé in any format we offer, chosen by extension (GUI and CLI share it)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from ..errors import ResumeFileError
from ..io.atomic import atomic_write_bytes
from ..io.formats import text_without_rendering
from ..io.jsonresume import to_jsonresume
from ..io.markdown_export import resume_to_markdown
from ..model.printed import shareable_resume
from ..model.resume import Resume
from ..task import checkpoint
from .build import PHOTO_RESOURCE, photo_data_uri, render_resume, shareable_photo
from .html import render_html
from .themes import get_theme


def standalone_html(resume: Resume, base_dir: Path | None = None) -> str:
    """The rendered theme as one .html file; the photo, if any, embedded as a data URI
    re-encoded from its pixels (render.build.load_photo: no metadata)."""
    rendered = render_resume(resume, base_dir=base_dir)
    html = rendered.html
    if f'src="{PHOTO_RESOURCE}"' in html:
        photo = rendered.pages.doc.resource(
            QTextDocument.ResourceType.ImageResource, QUrl(PHOTO_RESOURCE)
        )  # the very picture the pages show, already loaded
        uri = photo_data_uri(photo) if isinstance(photo, QImage) else ""
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


#: The exports drawn from the rendered pages; .md, JSON Resume and .pdf are written apart.
RENDERED = {".html": standalone_html, ".htm": standalone_html, ".txt": plain_text}


def write_resume(
    resume: Resume,
    path: Path,
    *,
    to: str = "",
    base_dir: Path | None = None,
    attach_source: bool = True,
    include_unprinted: bool = False,
) -> list[str]:
    """Write ``path`` in the format its extension names; returns warnings for the user
    (a photo that cannot be used is one of them).

    Every format but a native ``.json`` (which is a save, not an export) carries only
    what prints: the exporters start from ``model.printed.shareable_resume``, and the
    photo leaves re-encoded from its pixels, only when the theme prints it. Fields no
    theme prints go out only with ``include_unprinted`` on a JSON Resume export.
    """
    suffix = path.suffix.lower()
    native = text_without_rendering(resume, suffix, to) if suffix == ".json" else None
    if native is not None and to != "jsonresume":
        atomic_write_bytes(path, native.encode("utf-8"), backup=False, private=True)
        return []
    if suffix not in {*RENDERED, ".md", ".json", ".pdf"}:
        raise ResumeFileError(
            "choose an output ending in .json, .md, .html, .txt or .pdf", file=path
        )
    unprinted = include_unprinted and to == "jsonresume"
    photo, problem = shareable_photo(resume, base_dir, include_unprinted=unprinted)
    warnings = [problem] if problem else []
    theme_problem = get_theme(resume.layout.theme).problem
    if theme_problem and suffix in {*RENDERED, ".pdf"}:  # drawn with the default theme
        warnings.append(theme_problem)
    shared = shareable_resume(resume, include_unprinted=unprinted, photo=photo)
    if suffix == ".pdf":
        from .pdf import export_pdf

        return warnings + export_pdf(shared, path, attach_source=attach_source).warnings
    if suffix == ".json":
        document = to_jsonresume(shared, include_unprinted=unprinted, photo=photo)
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    elif suffix == ".md":
        text = resume_to_markdown(shared, photo=photo)
    else:
        text = RENDERED[suffix](shared, None)  # the photo, if any, is inside ``shared``
    checkpoint("Writing the file", 0, 0)  # the last moment a Cancel leaves nothing behind
    # personal fields no theme prints: a new file is private (0600), as a saved résumé is
    atomic_write_bytes(path, text.encode("utf-8"), backup=False, private=unprinted)
    return warnings


__all__ = ["plain_text", "render_html", "standalone_html", "write_resume"]
