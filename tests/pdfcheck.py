"""Reading PDFs back as a reader (and an ATS) would: poppler's pdftotext, pypdf."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

PUNCTUATION = ".,;:()[]{}“”\"'‘’!?·—–-"


def pdftotext(path: Path, page: int | None = None, layout: bool = False) -> str:
    assert shutil.which("pdftotext"), "poppler-utils must be installed (.ci/run installs it)"
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    proc = subprocess.run([*args, str(path), "-"], capture_output=True, check=True, timeout=60)
    return proc.stdout.decode("utf-8")


def tokens(text: str) -> set[str]:
    """Whitespace-separated words, with punctuation at their edges removed."""
    return {t.strip(PUNCTUATION) for t in text.split() if t.strip(PUNCTUATION)}


def reader(data: bytes | Path) -> PdfReader:
    return PdfReader(BytesIO(data) if isinstance(data, bytes) else str(data))


def fonts(pdf: PdfReader) -> dict[str, bool]:
    """Every font used on any page → whether its program is embedded."""
    found: dict[str, bool] = {}
    for page in pdf.pages:
        for ref in page.get("/Resources", {}).get("/Font", {}).values():
            font = ref.get_object()
            descriptor_holder = font
            if font.get("/Subtype") == "/Type0":
                descriptor_holder = font["/DescendantFonts"][0].get_object()
            descriptor = descriptor_holder.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return found


def link_targets(pdf: PdfReader) -> list[str]:
    targets = []
    for page in pdf.pages:
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                targets.append(str(action["/URI"]))
    return targets
