"""The one export filter: the résumé as it prints, with nothing private or hidden.

Every output that leaves the editor — the JSON attached to a PDF, Markdown, plain JSON
Resume, HTML, text — starts from ``printed_resume``, so a hidden job, a hidden section
or an interview note can never leave through one door that was forgotten.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .base import HideableItem
from .kinds import CUSTOM_KINDS
from .layout import STANDARD_SECTIONS
from .resume import Resume


def printed_resume(resume: Resume) -> Resume:
    """A copy holding only what is printed: no hidden items at any depth, no hidden
    sections, no private kinds. The layout stays, so the copy prints the same pages."""
    copy = resume.model_copy(deep=True)
    hidden = set(copy.layout.hiddenSections)
    copy.cv.sections = [
        section
        for section in copy.cv.sections
        if not section.hidden
        and not CUSTOM_KINDS[section.kind].private
        and section.id not in hidden
    ]
    for section_id in hidden:
        items = getattr(copy, section_id, None)
        if isinstance(items, list):
            items.clear()
    _drop_hidden(copy)
    layout = copy.layout
    layout.hiddenSections = []
    gone = (hidden | {s.id for s in resume.cv.sections}) - {s.id for s in copy.cv.sections}
    gone -= set(STANDARD_SECTIONS)  # an emptied standard list simply prints nothing
    # not even the name of a section that did not pass may leave
    layout.sectionOrder = [s for s in layout.sectionOrder if s not in gone]
    layout.newPageSections = [s for s in layout.newPageSections if s not in gone]
    layout.sectionTitles = {k: v for k, v in layout.sectionTitles.items() if k not in hidden | gone}
    return copy


def _drop_hidden(node: Any) -> None:
    """Remove hidden items from every list below ``node``, in place."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            _drop_hidden(getattr(node, name))
    elif isinstance(node, list):
        node[:] = [item for item in node if not (isinstance(item, HideableItem) and item.hidden)]
        for item in node:
            _drop_hidden(item)
