"""Re-opening a PDF cveditor exported: the résumé travels inside it as an attachment."""

from __future__ import annotations

import logging
from io import BytesIO

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from ..errors import ResumeFileError
from ..model.resume import Resume
from .native import loads

ATTACHMENT_NAME = "resume.cveditor.json"


def resume_from_pdf(raw: bytes, source: str) -> Resume:
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # our message says it better than pypdf's warnings
    try:
        attachments = dict(PdfReader(BytesIO(raw)).attachments)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise ResumeFileError(f"not a readable PDF ({error})", file=source) from None
    finally:
        quiet.setLevel(level)
    payloads = attachments.get(ATTACHMENT_NAME)
    if not payloads:
        raise ResumeFileError(
            "this PDF carries no résumé: it was exported by another program, or by "
            "cveditor with “Attach the Résumé to Exported PDFs” turned off; open the "
            "résumé's own .json file instead",
            file=source,
        )
    return loads(payloads[0], f"{source} (attached {ATTACHMENT_NAME})")
