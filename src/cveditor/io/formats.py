"""Which reader a file needs, chosen by its extension: one door for the GUI and the CLI."""

from __future__ import annotations

from pathlib import Path

from ..errors import ResumeFileError
from ..model.base import EXTRAS_KEY
from ..model.resume import Resume
from ..task import checkpoint
from .jsonresume import dumps_jsonresume, from_jsonresume
from .limits import limit_for
from .native import decode, dumps, parse_json, read_bytes, resume_from_data

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


def text_without_rendering(resume: Resume, suffix: str, to: str = "") -> str | None:
    """The text of a .json or .md output (no Qt needed); None for formats that render."""
    if suffix == ".json":
        return dumps_jsonresume(resume) if to == "jsonresume" else dumps(resume)
    if suffix == ".md":
        from .markdown_export import resume_to_markdown  # on demand: a slow start else

        return resume_to_markdown(resume)
    return None


def read_resume(path: str | Path) -> Resume:
    """Any file we can read → Resume, or ResumeFileError (file, field or line)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in READABLE:
        raise ResumeFileError(
            f"cannot read {suffix or 'files without an extension'}; use {', '.join(READABLE)}",
            file=path,
        )
    checkpoint("Reading the file", 0, 0)
    raw = read_bytes(path, limit_for(path))  # only regular files, bounded (io.limits)
    checkpoint("Reading the résumé")
    source = str(path)
    # the readers of PDF and Markdown are loaded when first needed: together they took
    # a third of a second of every start
    if suffix == ".pdf":
        from .pdf_source import resume_from_pdf

        return resume_from_pdf(raw, source)
    text = decode(raw, source)
    if suffix in (".md", ".markdown"):
        from .markdown_import import markdown_to_resume

        return markdown_to_resume(text, source)
    data = parse_json(text, source)
    checkpoint("Reading the résumé")
    if isinstance(data, dict) and EXTRAS_KEY not in data:
        return from_jsonresume(data, source, text)  # plain JSON Resume, maybe our own export
    return resume_from_data(data, source, text)
