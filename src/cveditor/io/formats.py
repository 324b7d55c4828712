"""Which reader a file needs, chosen by its extension: one door for the GUI and the CLI."""

from __future__ import annotations

from pathlib import Path

from ..errors import ResumeFileError
from ..model.base import EXTRAS_KEY
from ..model.resume import Resume
from .jsonresume import from_jsonresume
from .markdown_import import markdown_to_resume
from .native import parse_json, resume_from_data
from .pdf_source import resume_from_pdf

READABLE = {
    ".json": "JSON Resume / cveditor",
    ".md": "Markdown",
    ".markdown": "Markdown",
    ".pdf": "PDF exported by cveditor",
}
WRITABLE = {
    ".json": "cveditor (JSON Resume)",
    ".md": "Markdown",
    ".html": "HTML",
    ".htm": "HTML",
    ".txt": "plain text",
    ".pdf": "PDF",
}


def _text(raw: bytes, source: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ResumeFileError(f"not UTF-8 text (byte {error.start})", file=source) from None


def read_resume(path: str | Path) -> Resume:
    """Any file we can read → Resume, or ResumeFileError (file, field or line)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in READABLE:
        raise ResumeFileError(
            f"cannot read {suffix or 'files without an extension'}; use {', '.join(READABLE)}",
            file=path,
        )
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ResumeFileError(
            f"cannot read the file: {error.strerror or error}", file=path
        ) from None
    source = str(path)
    if suffix == ".pdf":
        return resume_from_pdf(raw, source)
    text = _text(raw, source)
    if suffix in (".md", ".markdown"):
        return markdown_to_resume(text, source)
    data = parse_json(text, source)
    if isinstance(data, dict) and EXTRAS_KEY not in data:
        return from_jsonresume(data, source)  # plain JSON Resume, maybe our own export
    return resume_from_data(data, source)
