"""Read a PDF's text back and say which words did not survive (what an ATS would miss)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader


def extract_text(pdf: bytes) -> str:
    """The text a reader gets: poppler's pdftotext when installed, else pypdf."""
    tool = shutil.which("pdftotext")
    if tool:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "check.pdf"
            path.write_bytes(pdf)
            proc = subprocess.run(
                [tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=60
            )
            if proc.returncode == 0:
                return proc.stdout.decode("utf-8", errors="replace")
    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages)


def lost_words(expected_text: str, pdf: bytes) -> list[str]:
    """Words of ``expected_text`` that the PDF's text layer does not give back intact.

    Only words with a letter or digit count: a lone "&" or "•" is no loss to a reader.
    """
    found = set(extract_text(pdf).split())
    lost: list[str] = []
    for word in expected_text.split():
        if word not in found and word not in lost and any(c.isalnum() for c in word):
            lost.append(word)
    return lost
