"""The résumé: JSON Resume v1 sections, plus cveditor's extras under ``x-cveditor``.

Field titles and descriptions are the labels and tooltips of the editors, so they are
written for the user. Standard fields keep their JSON Resume names; every model keeps
unknown keys (see ``base.Entry``).
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, PrivateAttr, field_validator

from .base import EXTRAS_KEY, Entry, HideableItem, IsoDate, ItemExtras, TextList
from .layout import STANDARD_SECTIONS, Layout

SCHEMA_VERSION = 1


class LabeledValue(Entry):
    """A free "label: value" line, e.g. 팀 구성: 백엔드 3, 프론트엔드 2."""

    label: str = Field("", title="Label")
    value: str = Field("", title="Value")


# --- basics --------------------------------------------------------------------------


class Location(Entry):
    address: str = Field("", title="Address")
    postalCode: str = Field("", title="Postal code")
    city: str = Field("", title="City")
    countryCode: str = Field("", title="Country code", examples=["KR", "US"])
    region: str = Field("", title="Region")


class Profile(HideableItem):
    network: str = Field("", title="Network", examples=["GitHub", "LinkedIn"])
    username: str = Field("", title="User name")
    url: str = Field("", title="URL")


class Basics(Entry):
    LEGACY_KEYS: ClassVar[dict[str, str]] = {"website": "url", "picture": "image"}

    name: str = Field("", title="Name", examples=["허형록 (Hyeongrok Heo)"])
    label: str = Field("", title="Headline", examples=["Backend Engineer"])
    image: str = Field("", title="Photo", description="A file path or a data: URI.")
    email: str = Field("", title="E-mail")
    phone: str = Field("", title="Phone", examples=["+82 10-1234-5678"])
    url: str = Field("", title="Web site")
    summary: str = Field("", title="Summary", description="Markdown works here.")
    location: Location = Field(default_factory=Location, title="Location")
    profiles: list[Profile] = Field(default_factory=list, title="Profiles")


# --- dated sections ------------------------------------------------------------------


class JobProject(HideableItem):
    """A project done within a job: the shape of a Korean 경력기술서 entry."""

    name: str = Field("", title="Project name", description="프로젝트 명")
    officialName: str = Field(
        "", title="Official name / client", description="공식 과제 명 or the client"
    )
    startDate: IsoDate = Field(None, title="Start", description="수행 기간 start")
    endDate: IsoDate = Field(None, title="End", description="Leave empty while ongoing.")
    role: str = Field("", title="Role")
    team: str = Field("", title="Team", description="팀 구성, e.g. 백엔드 3 · 프론트엔드 2")
    techStack: TextList = Field(
        default_factory=list, title="Tech stack", description="사용 기술 스택"
    )
    summary: str = Field("", title="Details", description="세부 사항; Markdown works here.")
    highlights: TextList = Field(default_factory=list, title="Highlights")
    fields: list[LabeledValue] = Field(default_factory=list, title="More fields")


class WorkExtras(ItemExtras):
    projects: list[JobProject] = Field(default_factory=list, title="Projects")


class Work(HideableItem):
    LEGACY_KEYS: ClassVar[dict[str, str]] = {"company": "name", "website": "url"}

    name: str = Field("", title="Company")
    location: str = Field("", title="Location")
    description: str = Field("", title="About the company")
    position: str = Field("", title="Position")
    url: str = Field("", title="URL")
    startDate: IsoDate = Field(None, title="Start")
    endDate: IsoDate = Field(None, title="End", description="Leave empty while you work there.")
    summary: str = Field("", title="Summary", description="Markdown works here.")
    highlights: TextList = Field(default_factory=list, title="Highlights")
    cv: WorkExtras = Field(default_factory=WorkExtras, alias=EXTRAS_KEY)  # type: ignore[assignment]

    @property
    def projects(self) -> list[JobProject]:
        return self.cv.projects


class Volunteer(HideableItem):
    LEGACY_KEYS: ClassVar[dict[str, str]] = {"website": "url"}

    organization: str = Field("", title="Organization")
    position: str = Field("", title="Position")
    url: str = Field("", title="URL")
    startDate: IsoDate = Field(None, title="Start")
    endDate: IsoDate = Field(None, title="End")
    summary: str = Field("", title="Summary")
    highlights: TextList = Field(default_factory=list, title="Highlights")


class Education(HideableItem):
    LEGACY_KEYS: ClassVar[dict[str, str]] = {"gpa": "score"}

    institution: str = Field("", title="Institution")
    url: str = Field("", title="URL")
    area: str = Field("", title="Field of study")
    studyType: str = Field("", title="Degree", examples=["Bachelor", "학사"])
    startDate: IsoDate = Field(None, title="Start")
    endDate: IsoDate = Field(None, title="End")
    score: str = Field("", title="Score / GPA")
    courses: TextList = Field(default_factory=list, title="Courses")


class Award(HideableItem):
    title: str = Field("", title="Title")
    date: IsoDate = Field(None, title="Date")
    awarder: str = Field("", title="Awarder")
    summary: str = Field("", title="Summary")


class Certificate(HideableItem):
    name: str = Field("", title="Name")
    date: IsoDate = Field(None, title="Date")
    url: str = Field("", title="URL")
    issuer: str = Field("", title="Issuer")


class Publication(HideableItem):
    LEGACY_KEYS: ClassVar[dict[str, str]] = {"website": "url"}

    name: str = Field("", title="Title")
    publisher: str = Field("", title="Publisher")
    releaseDate: IsoDate = Field(None, title="Date")
    url: str = Field("", title="URL")
    summary: str = Field("", title="Summary")


class Skill(HideableItem):
    name: str = Field("", title="Skill area", examples=["Backend"])
    level: str = Field("", title="Level")
    keywords: TextList = Field(default_factory=list, title="Keywords")


class Language(HideableItem):
    language: str = Field("", title="Language")
    fluency: str = Field("", title="Fluency")


class Interest(HideableItem):
    name: str = Field("", title="Interest")
    keywords: TextList = Field(default_factory=list, title="Keywords")


class Reference(HideableItem):
    name: str = Field("", title="Name")
    reference: str = Field("", title="Reference")


class Project(HideableItem):
    name: str = Field("", title="Name")
    description: str = Field("", title="Description", description="Markdown works here.")
    highlights: TextList = Field(default_factory=list, title="Highlights")
    keywords: TextList = Field(default_factory=list, title="Keywords")
    startDate: IsoDate = Field(None, title="Start")
    endDate: IsoDate = Field(None, title="End")
    url: str = Field("", title="URL")
    roles: TextList = Field(default_factory=list, title="Roles")
    entity: str = Field("", title="Organization")
    type: str = Field("", title="Type")


class Meta(Entry):
    canonical: str = ""
    version: str = ""
    lastModified: str = ""


# --- custom sections -----------------------------------------------------------------


class DatedEntry(HideableItem):
    """One line of a dated list: "[2017.12] 특허 출원 (10-2017-0167191) …"."""

    date: IsoDate = Field(None, title="Date")
    title: str = Field("", title="Title")
    number: str = Field("", title="Number", examples=["10-2017-0167191"])
    status: str = Field("", title="Status", examples=["출원", "등록", "Filed"])
    details: str = Field("", title="Details")


class NoteItem(HideableItem):
    """A private note, e.g. a STAR story; never printed."""

    title: str = Field("", title="Title")
    fields: list[LabeledValue] = Field(default_factory=list, title="Fields")
    text: str = Field("", title="Text")


class CustomSectionBase(Entry):
    ALWAYS_WRITTEN: ClassVar[frozenset[str]] = frozenset({"id", "kind"})

    id: str = Field(..., title="Id", description="Stable key used in the section order.")
    title: str = Field("", title="Title")
    hidden: bool = Field(False, title="Hidden")


class ListSection(CustomSectionBase):
    kind: Literal["list"] = "list"
    items: TextList = Field(default_factory=list, title="Items")


class DatedSection(CustomSectionBase):
    kind: Literal["dated"] = "dated"
    entries: list[DatedEntry] = Field(default_factory=list, title="Entries")


class TableSection(CustomSectionBase):
    kind: Literal["table"] = "table"
    header: TextList = Field(default_factory=list, title="Header")
    rows: list[TextList] = Field(default_factory=list, title="Rows")


class TextSection(CustomSectionBase):
    kind: Literal["text"] = "text"
    text: str = Field("", title="Text", description="Markdown works here.")


class NotesSection(CustomSectionBase):
    """Kept in the file, never printed: interview preparation and the like."""

    kind: Literal["notes"] = "notes"
    notes: list[NoteItem] = Field(default_factory=list, title="Notes")


CustomSection = Annotated[
    ListSection | DatedSection | TableSection | TextSection | NotesSection,
    Field(discriminator="kind"),
]

CUSTOM_KINDS: tuple[str, ...] = ("list", "dated", "table", "text", "notes")


class ResumeExtras(Entry):
    """Everything cveditor adds at the top level of the file."""

    ALWAYS_WRITTEN: ClassVar[frozenset[str]] = frozenset({"schemaVersion"})

    schemaVersion: int = SCHEMA_VERSION
    layout: Layout = Field(default_factory=Layout)
    sections: list[CustomSection] = Field(default_factory=list, title="Custom sections")

    @field_validator("sections")
    @classmethod
    def _unique_section_ids(cls, sections: list[CustomSection]) -> list[CustomSection]:
        """A custom section becomes a top-level key of the JSON Resume export: an id that
        is one already (basics, meta, $schema, a standard section, our x-cveditor…)
        would overwrite that key, so it is refused, like an id used twice."""
        reserved = {f.alias or name for name, f in Resume.model_fields.items()}
        seen: set[str] = set(STANDARD_SECTIONS)
        for index, section in enumerate(sections):
            if section.id in seen:
                raise ValueError(
                    f"section {index} has the id {section.id!r}, which is used twice "
                    "or is a standard name"
                )
            if section.id in reserved or section.id.startswith(EXTRAS_KEY):
                raise ValueError(
                    f"section {index} has the id {section.id!r}, which is reserved: it is "
                    "a top-level key of a JSON Resume file; choose another id"
                )
            seen.add(section.id)
        return sections


class Resume(Entry):
    """A whole résumé: a JSON Resume document with our extras under ``x-cveditor``."""

    schema_: str = Field("", alias="$schema")
    basics: Basics = Field(default_factory=Basics)
    work: list[Work] = Field(default_factory=list)
    volunteer: list[Volunteer] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    certificates: list[Certificate] = Field(default_factory=list)
    publications: list[Publication] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    interests: list[Interest] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    meta: Meta = Field(default_factory=Meta)
    cv: ResumeExtras = Field(default_factory=ResumeExtras, alias=EXTRAS_KEY)

    @property
    def layout(self) -> Layout:
        return self.cv.layout

    @property
    def custom_sections(self) -> list[CustomSection]:
        return self.cv.sections

    #: Where each custom section was last seen in the list: a render asks once per
    #: section, and a scan per question made 20 000 sections cost minutes.
    _section_index: dict[str, int] = PrivateAttr(default_factory=dict)

    def custom_section(self, section_id: str) -> CustomSection | None:
        sections = self.cv.sections
        at = self._section_index.get(section_id)
        if at is not None and at < len(sections) and sections[at].id == section_id:
            return sections[at]
        index: dict[str, int] = {}
        for position, section in enumerate(sections):
            index.setdefault(section.id, position)  # the first of a repeated id, as before
        self._section_index = index
        at = index.get(section_id)
        return sections[at] if at is not None else None
