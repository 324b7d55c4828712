"""A résumé written in Markdown (often a Jekyll page) → Resume, losing no text.

The work is done by an import plan (import_plan): the source's outline, each part with
a target (profile, a job, a project of a job, a custom section, private notes…), which
the review step shows and the user may change. Without the review step, the
importer's own targets are used.
"""

from __future__ import annotations

from ..model.resume import Resume
from .import_plan import plan_markdown
from .md_dates import SINGLE_DATE_FIELD
from .md_front import split_front_matter
from .md_vocabulary import KEY_ALIASES

__all__ = ["KEY_ALIASES", "SINGLE_DATE_FIELD", "markdown_to_resume", "split_front_matter"]


def markdown_to_resume(text: str, source: str = "<markdown>") -> Resume:
    """Import a Markdown résumé; raises ResumeFileError (with a line) or returns it whole."""
    return plan_markdown(text, source).build()
