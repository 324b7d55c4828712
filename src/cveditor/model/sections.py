"""The order of a résumé's sections, standard and custom, as the user arranged them."""

from __future__ import annotations

from .kinds import CUSTOM_KINDS
from .layout import STANDARD_SECTIONS
from .resume import Resume


def section_order(resume: Resume) -> list[str]:
    """Every section id once: the user's order first, then the rest in default order.

    Ids in the saved order that no longer exist (a deleted custom section) are skipped,
    and sections the order does not mention yet (a new custom section) are appended, so
    the order never has to be repaired by hand.
    """
    known = list(STANDARD_SECTIONS) + [s.id for s in resume.custom_sections]
    known_set = set(known)  # sets: thousands of sections, compared pairwise, took seconds
    ordered = [sid for sid in dict.fromkeys(resume.layout.sectionOrder) if sid in known_set]
    placed = set(ordered)
    return ordered + [sid for sid in known if sid not in placed]


def section_title(resume: Resume, section_id: str) -> str:
    """The title a section prints under. A custom section has one title, its own; a
    standard one prints the user's rename, else its title in the résumé's language."""
    custom = resume.custom_section(section_id)
    if custom is not None:
        return custom.title or section_id
    return resume.layout.section_title(section_id)


def section_has_content(resume: Resume, section_id: str) -> bool:
    """Whether a section has anything to print (hidden items do not count)."""
    custom = resume.custom_section(section_id)
    if custom is not None:
        if custom.hidden or CUSTOM_KINDS[custom.kind].private:
            return False
        match custom.kind:
            case "list":
                return any(item.strip() for item in custom.items)
            case "dated":
                return any(not e.hidden for e in custom.entries)
            case "table":
                return bool(custom.rows or custom.header)
            case _:
                return bool(custom.text.strip())
    items = getattr(resume, section_id, None)
    return isinstance(items, list) and any(not item.hidden for item in items)


def printed_sections(resume: Resume) -> list[str]:
    """Sections to print, in order: not hidden by the user and not empty."""
    hidden = set(resume.layout.hiddenSections)
    return [
        sid
        for sid in section_order(resume)
        if sid not in hidden and section_has_content(resume, sid)
    ]
