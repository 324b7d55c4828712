"""Every kind of section, declared once: its model, its name, whether it is private.

Editors, the renderer and the exporters each keep a table keyed by these ids, and a test
checks that every table covers every kind, so a new kind cannot be half-supported (it
used to be decided per kind in about nine places).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import resume as r
from .base import Entry
from .layout import STANDARD_SECTIONS


@dataclass(frozen=True)
class SectionKind:
    """One kind of section.

    ``model`` is the model of one item for a standard section (a job, a degree) and the
    model of the whole section for a custom one. A ``private`` kind is kept in the file
    and never printed, exported or attached to anything that leaves the editor.
    """

    id: str
    name: str
    model: type[Entry]
    custom: bool
    private: bool = False


STANDARD_KINDS: dict[str, SectionKind] = {
    kind.id: kind
    for kind in (
        SectionKind("work", "Experience", r.Work, custom=False),
        SectionKind("projects", "Projects", r.Project, custom=False),
        SectionKind("education", "Education", r.Education, custom=False),
        SectionKind("skills", "Skills", r.Skill, custom=False),
        SectionKind("awards", "Awards", r.Award, custom=False),
        SectionKind("certificates", "Certificates", r.Certificate, custom=False),
        SectionKind("publications", "Publications", r.Publication, custom=False),
        SectionKind("volunteer", "Volunteering", r.Volunteer, custom=False),
        SectionKind("languages", "Languages", r.Language, custom=False),
        SectionKind("interests", "Interests", r.Interest, custom=False),
        SectionKind("references", "References", r.Reference, custom=False),
    )
}

CUSTOM_KINDS: dict[str, SectionKind] = {
    kind.id: kind
    for kind in (
        SectionKind("list", "Bullet list", r.ListSection, custom=True),
        SectionKind("dated", "Dated entries (patents, talks…)", r.DatedSection, custom=True),
        SectionKind("table", "Table (KPIs…)", r.TableSection, custom=True),
        SectionKind("text", "Free text", r.TextSection, custom=True),
        SectionKind("notes", "Private notes", r.NotesSection, custom=True, private=True),
    )
}

KINDS: dict[str, SectionKind] = {**STANDARD_KINDS, **CUSTOM_KINDS}

assert tuple(STANDARD_KINDS) == STANDARD_SECTIONS, "one list of standard sections"
assert tuple(CUSTOM_KINDS) == r.CUSTOM_KINDS, "one list of custom kinds"


def kind_of(resume: r.Resume, section_id: str) -> SectionKind:
    """The kind of a section of this résumé (KeyError for an id it does not have)."""
    custom = resume.custom_section(section_id)
    if custom is not None:
        return CUSTOM_KINDS[custom.kind]
    return STANDARD_KINDS[section_id]


def new_custom_section(kind: str, section_id: str, title: str) -> r.CustomSection:
    """A custom section as the editor makes it (its id and kind are always written)."""
    return CUSTOM_KINDS[kind].model(id=section_id, title=title)  # type: ignore[return-value]
