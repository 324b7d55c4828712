"""An imported résumé added to the open one ("Import into the open résumé", issue #11).

Pure model code: the window applies the result as one undo step, ``cveditor convert
--into`` writes it. The rules, in the order a person would check them:

- **Profile** (``basics``): a field the open résumé already has is never overwritten; an
  empty one is filled from the import. Profiles (GitHub, LinkedIn…) not there yet are
  added. An imported value that differs from one already set is not lost: it goes into
  a private notes section "Imported, not applied" (never printed), beside the rest.
- **Experience**: an imported job joins an existing job when both name the same
  employer (compared without case, spaces or punctuation) and their periods overlap —
  or the imported job has no dates at all (a 경력기술서 that names only its company).
  Joining adds the imported projects and highlights the job does not have yet, and
  fills the job's empty fields; its own values stay (differing ones go to the notes
  above). Any other imported job is added: in date order when the existing list is in
  date order (newest first, or oldest first), else at the end.
- **Other standard sections** (education, skills, projects…): the imported items are
  appended, except exact copies of items already there (importing twice adds nothing).
- **Custom sections**, notes included: appended after the open résumé's own, with ids
  made unique ("kpi" → "kpi-2"); a section identical to an existing one is not added.
- **Layout** (theme, paper, order, titles) is the open résumé's; new custom sections
  come after its sections. ``meta`` and unknown keys of the open résumé stay as they are.

``existing`` and ``imported`` are never changed.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from ..model.access import snapshot
from ..model.layout import STANDARD_SECTIONS
from ..model.resume import (
    Basics,
    LabeledValue,
    NoteItem,
    NotesSection,
    Resume,
    Work,
)

__all__ = ["UNAPPLIED_SECTION_ID", "UNAPPLIED_TITLE", "merge_into", "same_job"]

#: The private notes section holding imported values that differ from ones already set.
UNAPPLIED_SECTION_ID = "imported-not-applied"
UNAPPLIED_TITLE = "Imported, not applied"

_BASICS_TEXT = ("name", "label", "image", "email", "phone", "url", "summary")
_LOCATION_TEXT = ("address", "postalCode", "city", "countryCode", "region")
_JOB_TEXT = ("location", "description", "position", "url", "summary")
_JOB_DATES = ("startDate", "endDate")


def merge_into(existing: Resume, imported: Resume) -> Resume:
    """``existing`` with ``imported`` added (module notes); both stay unchanged."""
    merged = snapshot(existing)
    incoming = snapshot(imported)
    unapplied: list[NoteItem] = []
    _merge_basics(merged.basics, incoming.basics, unapplied)
    for job in incoming.work:
        _add_job(merged.work, job, unapplied)
    for section in STANDARD_SECTIONS:
        if section == "work":
            continue
        items = getattr(merged, section)
        for item in getattr(incoming, section):
            if item not in items:
                items.append(item)
    for custom in incoming.custom_sections:
        _add_custom(merged, custom)
    if unapplied:
        _add_unapplied(merged, unapplied)
    return merged


# --- profile ---------------------------------------------------------------------------


def _merge_basics(mine: Basics, theirs: Basics, unapplied: list[NoteItem]) -> None:
    fields = _fill(mine, theirs, _BASICS_TEXT)
    fields += [
        LabeledValue(label=f"Location: {f.label}", value=f.value)
        for f in _fill(mine.location, theirs.location, _LOCATION_TEXT)
    ]
    known = {_profile_key(p) for p in mine.profiles}
    for profile in theirs.profiles:
        if _profile_key(profile) not in known:
            mine.profiles.append(profile)
            known.add(_profile_key(profile))
    if fields:
        unapplied.append(NoteItem(title="Profile", fields=fields))


def _fill(mine: Any, theirs: Any, names: tuple[str, ...]) -> list[LabeledValue]:
    """Empty text fields of ``mine`` take ``theirs``; values that differ from ones set
    are returned (the field's title: value) to be kept as notes."""
    differing = []
    for name in names:
        value = getattr(theirs, name)
        if not value.strip():
            continue
        current = getattr(mine, name)
        if not current.strip():
            setattr(mine, name, value)
        elif current.strip() != value.strip():
            title = type(mine).model_fields[name].title or name
            differing.append(LabeledValue(label=title, value=value))
    return differing


def _profile_key(profile: Any) -> tuple[str, str]:
    return (profile.network.strip().casefold(), (profile.url or profile.username).strip())


# --- experience ------------------------------------------------------------------------


#: What a company's name carries besides the name: its legal form, in Korean and
#: English ("(주)네오클라우드", "주식회사 네오클라우드", "NeoCloud Inc.").
_LEGAL_FORM = re.compile(
    r"\(\s*(?:주|유|사|재)\s*\)|㈜|주식회사|유한회사|\b(?:inc|corp|co|ltd|llc|gmbh)\b\.?",
    re.IGNORECASE,
)


def _name_keys(name: str) -> set[str]:
    """An employer's name for comparison: no case, spaces, punctuation or legal form,
    and each of its spellings when it gives two ("네오클라우드 (NeoCloud Inc.)" is
    "네오클라우드" and "neocloud"), so "(주)네오클라우드" and "Neo Cloud" match it."""
    bare = _LEGAL_FORM.sub(" ", name.casefold())
    parts = [bare, *re.findall(r"\(([^)]*)\)", bare), re.sub(r"\([^)]*\)", " ", bare)]
    keys = {re.sub(r"[\W_]+", "", part) for part in parts}
    return {key for key in keys if key}


def _period(item: Any) -> tuple[str, str] | None:
    """(start, end) as comparable ISO text; None when the item has no dates at all. An
    empty end is "still there"; an empty start is the end (a one-day period)."""
    start, end = item.startDate, item.endDate
    if not start and not end:
        return None
    start = start or end
    return (start, end or "9999")


def _overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Partial ISO dates compared by their common precision (2018 overlaps 2018-06)."""

    def cut(x: str, y: str) -> tuple[str, str]:
        n = min(len(x), len(y))
        return x[:n], y[:n]

    a_start, b_end = cut(a[0], b[1])
    b_start, a_end = cut(b[0], a[1])
    return a_start <= b_end and b_start <= a_end


def same_job(mine: Work, theirs: Work) -> bool:
    """Whether an imported job is one already in the list (module notes)."""
    if not _name_keys(mine.name) & _name_keys(theirs.name):
        return False
    theirs_period = _period(theirs)
    if theirs_period is None:
        return True
    mine_period = _period(mine)
    return mine_period is None or _overlap(mine_period, theirs_period)


def _add_job(jobs: list[Work], job: Work, unapplied: list[NoteItem]) -> None:
    match = next((mine for mine in jobs if same_job(mine, job)), None)
    if match is None:
        jobs.insert(_dated_position(jobs, job), job)
        return
    differing = _fill(match, job, _JOB_TEXT)
    for name in _JOB_DATES:
        value = getattr(job, name)
        if value and not getattr(match, name) and not match.typed_dates().get(name):
            setattr(match, name, value)
    for highlight in job.highlights:
        if highlight not in match.highlights:
            match.highlights.append(highlight)
    projects = match.cv.projects
    for project in job.cv.projects:
        if project not in projects and not any(_same_project(p, project) for p in projects):
            projects.append(project)
    if differing:
        unapplied.append(NoteItem(title=match.name or "Experience", fields=differing))


def _same_project(mine: Any, theirs: Any) -> bool:
    """Two projects are one when they have the same (non-empty) name and start."""
    return bool(_name_keys(mine.name) & _name_keys(theirs.name)) and (
        mine.startDate == theirs.startDate
    )


def _dated_position(jobs: list[Work], job: Work) -> int:
    """Where a new job goes: among the others by start date when the list is in date
    order (newest or oldest first) and the job has a start date; else at the end."""
    starts = [j.startDate for j in jobs]
    if not job.startDate or not starts or not all(starts):
        return len(jobs)
    if all(a >= b for a, b in itertools.pairwise(starts)):  # newest first
        return next((i for i, s in enumerate(starts) if s < job.startDate), len(jobs))
    if all(a <= b for a, b in itertools.pairwise(starts)):  # oldest first
        return next((i for i, s in enumerate(starts) if s > job.startDate), len(jobs))
    return len(jobs)


# --- custom sections -------------------------------------------------------------------


def unique_section_id(resume: Resume, wanted: str) -> str:
    """``wanted`` if no section of ``resume`` has it (nor is it reserved), else
    ``wanted-2``, ``wanted-3``…"""
    reserved = set(STANDARD_SECTIONS) | {f.alias or n for n, f in Resume.model_fields.items()}
    taken = reserved | {s.id for s in resume.custom_sections}
    base = wanted or "section"
    if base not in taken and not base.startswith("x-cveditor"):
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _add_custom(merged: Resume, section: Any) -> None:
    for mine in merged.custom_sections:
        if _same_content(mine, section):
            return
    section.id = unique_section_id(merged, section.id)
    merged.cv.sections.append(section)


def _same_content(mine: Any, theirs: Any) -> bool:
    """Equal but for the id (a section imported twice)."""
    if mine.kind != theirs.kind:
        return False
    copy = snapshot(theirs)
    copy.id = mine.id
    return copy == mine


def _add_unapplied(merged: Resume, notes: list[NoteItem]) -> None:
    """The imported values not applied, as a private notes section (once: importing
    the same file again adds no second copy)."""
    _add_custom(merged, NotesSection(id=UNAPPLIED_SECTION_ID, title=UNAPPLIED_TITLE, notes=notes))
