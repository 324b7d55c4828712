"""How the résumé is laid out: theme, paper, margins, fonts, section order and titles."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator

from .base import Entry

#: Standard JSON Resume sections that print as sections, in the default order.
STANDARD_SECTIONS: tuple[str, ...] = (
    "work",
    "projects",
    "education",
    "skills",
    "awards",
    "certificates",
    "publications",
    "volunteer",
    "languages",
    "interests",
    "references",
)

SECTION_TITLES: dict[str, dict[str, str]] = {
    "en": {
        "work": "Experience",
        "projects": "Projects",
        "education": "Education",
        "skills": "Skills",
        "awards": "Awards",
        "certificates": "Certificates",
        "publications": "Publications",
        "volunteer": "Volunteering",
        "languages": "Languages",
        "interests": "Interests",
        "references": "References",
        "summary": "Summary",
    },
    "ko": {
        "work": "경력",
        "projects": "프로젝트",
        "education": "학력",
        "skills": "기술",
        "awards": "수상",
        "certificates": "자격증",
        "publications": "논문 및 출판",
        "volunteer": "봉사 활동",
        "languages": "어학",
        "interests": "관심 분야",
        "references": "추천인",
        "summary": "자기소개",
    },
}

PAPER_SIZES_MM: dict[str, tuple[float, float]] = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


class Margins(Entry):
    """Page margins in millimetres."""

    top: float = Field(18.0, ge=0, le=80, title="Top (mm)")
    right: float = Field(18.0, ge=0, le=80, title="Right (mm)")
    bottom: float = Field(18.0, ge=0, le=80, title="Bottom (mm)")
    left: float = Field(18.0, ge=0, le=80, title="Left (mm)")


class Layout(Entry):
    theme: str = Field("classic", title="Theme")
    paper: Literal["a4", "letter"] = Field("a4", title="Paper")
    margins: Margins = Field(default_factory=Margins, title="Margins")
    fontFamily: str = Field(
        "", title="Font", description="Empty: the theme's font, then a Korean-capable default."
    )
    fontSize: float | None = Field(
        None, ge=6, le=20, title="Font size (pt)", description="Empty: the theme's size."
    )
    lineHeight: float | None = Field(
        None,
        ge=1.0,
        le=2.5,
        title="Line height",
        description="Line pitch as a multiple of the font size; empty: the theme's.",
    )
    accentColor: str = Field("", title="Accent colour", description="#rrggbb; empty: theme's.")
    locale: Literal["ko", "en"] = Field("en", title="Language of headings and dates")
    sectionOrder: list[str] = Field(default_factory=list, title="Section order")
    sectionTitles: dict[str, str] = Field(default_factory=dict, title="Renamed sections")
    hiddenSections: list[str] = Field(default_factory=list, title="Hidden sections")
    newPageSections: list[str] = Field(
        default_factory=list, title="Sections that start on a new page"
    )
    footer: bool = Field(False, title="Footer with name and page numbers")
    bilingualHeadings: bool = Field(
        False,
        title="Headings in both languages",
        description="Each standard section's heading in Korean and English, e.g. "
        "“경력 Experience”, for applications to international companies.",
    )
    fitPages: int | None = Field(
        None,
        ge=0,
        le=10,
        title="Fit to pages",
        description="Tighten spacing, then line height, then size (within the theme's "
        "bounds) until the résumé fits on this many pages; empty or 0: off.",
    )

    @field_validator("accentColor")
    @classmethod
    def _check_color(cls, value: str) -> str:
        if value and not _COLOR.match(value):
            raise ValueError(f"{value!r} is not a colour like #1f4e79")
        return value

    def section_title(self, section_id: str) -> str:
        """The title to print: the user's rename, else the locale's standard title."""
        if section_id in self.sectionTitles:
            return self.sectionTitles[section_id]
        return SECTION_TITLES[self.locale].get(section_id, section_id)

    def printed_title(self, section_id: str) -> str:
        """The heading a standard section prints: its title, or with
        ``bilingualHeadings`` the Korean and the English one ("경력 Experience"); a
        renamed section keeps its name, joined by the standard title of the other
        language unless the name already holds it."""
        title = self.section_title(section_id)
        korean = SECTION_TITLES["ko"].get(section_id)
        english = SECTION_TITLES["en"].get(section_id)
        if not self.bilingualHeadings or korean is None or english is None:
            return title
        if section_id not in self.sectionTitles:
            return f"{korean} {english}"
        if any("\uac00" <= c <= "\ud7a3" for c in title):  # a Korean name
            return title if english.casefold() in title.casefold() else f"{title} {english}"
        return title if korean in title else f"{korean} {title}"
