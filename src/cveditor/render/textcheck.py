"""Read a PDF's text back and say which words did not survive (what an ATS would miss)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from ..task import Cancelled, checkpoint


def extract_text(pdf: bytes) -> str:
    """The text a reader gets: poppler's pdftotext when installed, else pypdf."""
    tool = shutil.which("pdftotext")
    if tool:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "check.pdf"
            path.write_bytes(pdf)
            out = _run_stoppable([tool, "-enc", "UTF-8", str(path), "-"], timeout=60)
            if out is not None:
                return out.decode("utf-8", errors="replace")
    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages)


def _run_stoppable(command: list[str], timeout: float) -> bytes | None:
    """The command's output (None if it failed), stopped with the current task."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as proc:
        deadline = time.monotonic() + timeout
        while True:
            try:
                out, _ = proc.communicate(timeout=0.1)
                return out if proc.returncode == 0 else None
            except subprocess.TimeoutExpired:
                if time.monotonic() > deadline:
                    proc.kill()
                    return None
                try:
                    checkpoint()
                except Cancelled:
                    proc.kill()
                    raise


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
