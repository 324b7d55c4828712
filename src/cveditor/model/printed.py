"""The one export filter: the résumé as it prints, with nothing private or hidden.

Every output that leaves the editor — the JSON attached to a PDF, Markdown, plain JSON
Resume, HTML, text — starts from ``printed_resume``, so a hidden job, a hidden section
or an interview note can never leave through one door that was forgotten. Exports that
carry data rather than pages (Markdown, JSON Resume, the PDF's attachment) go through
``shareable_resume`` as well: fields that no theme prints stay home too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .base import HideableItem
from .kinds import CUSTOM_KINDS
from .layout import STANDARD_SECTIONS
from .resume import Basics, Location, Meta, Resume


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


def shareable_resume(resume: Resume, *, include_unprinted: bool = False, photo: str = "") -> Resume:
    """``printed_resume`` without the fields no theme prints (see render.context's
    BasicsView): street address, postal code, country code, ``meta``, and the keys of
    other tools at every level (a birth date in basics, an ``internalNote`` in a job,
    a ``hobbies`` section at the top) — unless ``include_unprinted``, which the user
    asks for on a JSON Resume export meant to carry them.

    ``photo`` replaces basics.image: a data: URI re-encoded from the pixels
    (render.build.shareable_photo) or "" for none. The model decodes no pictures, so a
    caller that passes none sends none, and a local path never leaves.
    """
    copy = printed_resume(resume)
    _drop_unreadable(copy)  # values set aside when read: the model cannot print them
    basics = copy.basics
    basics.image = photo
    if not include_unprinted:
        place = basics.location
        kept = {k: v for k in ("city", "region") if (v := getattr(place, k))}
        basics.location = Location(**kept)
        copy.meta = Meta()
        _drop_other_tools_keys(copy)
    # what is now empty is not written at all (not even "image": "")
    empty = Basics()
    basics._given -= {k for k in ("image", "location") if getattr(basics, k) == getattr(empty, k)}
    if copy.meta == Meta():
        copy._given -= {"meta"}
    return copy


def _models(node: Any) -> Iterator[BaseModel]:
    """Every model at or below ``node``, each before what it holds: a list the caller
    filters while a model is yielded is walked as filtered."""
    if isinstance(node, BaseModel):
        yield node
        for name in type(node).model_fields:
            yield from _models(getattr(node, name))
    elif isinstance(node, list):
        for item in node:
            yield from _models(item)


def _drop_other_tools_keys(node: Any) -> None:
    """Clear, at every level, the keys the model does not know: no theme prints them."""
    for model in _models(node):
        if model.__pydantic_extra__:
            model.__pydantic_extra__.clear()


def _drop_unreadable(node: Any) -> None:
    """Forget, at every level, the values a tolerant read set aside (``_kept``): written
    back verbatim, they would carry whatever they hold (a whole notes section)."""
    for model in _models(node):
        if isinstance(model, HideableItem):  # a date found as text prints as written
            model.cv.typedDates = model.typed_dates()
        if getattr(model, "_kept", None):
            model._kept = {}


def _drop_hidden(node: Any) -> None:
    """Remove hidden items from every list below ``node``, in place."""
    for model in _models(node):
        for name in type(model).model_fields:
            value = getattr(model, name)
            if isinstance(value, list):
                value[:] = [v for v in value if not (isinstance(v, HideableItem) and v.hidden)]
