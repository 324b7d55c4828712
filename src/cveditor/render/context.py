"""The résumé as themes see it: printable sections of uniform entries, text ready to show.

Every theme gets the same view, so a theme decides how things look, never what is
printed: hidden items, hidden sections, private notes and empty sections are already
gone, dates are formatted for the locale, Markdown is already safe HTML.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup

from ..model.base import HideableItem
from ..model.layout import PAPER_SIZES_MM, Layout
from ..model.resume import (
    Basics,
    CustomSection,
    JobProject,
    Resume,
)
from ..model.sections import printed_sections, section_title
from .formatting import PERIOD_JOIN, PRESENT, format_date, format_period
from .markdown import markdown_inline, markdown_to_html

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "role": "Role",
        "team": "Team",
        "tech": "Tech stack",
        "score": "GPA",
        "courses": "Courses",
        "roles": "Roles",
        "official": "Official name",
    },
    "ko": {
        "role": "역할",
        "team": "팀 구성",
        "tech": "사용 기술",
        "score": "학점",
        "courses": "주요 과목",
        "roles": "역할",
        "official": "공식 과제 명",
    },
}

#: How each section prints: "entries" (dated items), or a compact kind.
SECTION_KIND = {
    "work": "entries",
    "projects": "entries",
    "education": "entries",
    "volunteer": "entries",
    "awards": "entries",
    "certificates": "entries",
    "publications": "entries",
    "references": "entries",
    "skills": "skills",
    "interests": "skills",
    "languages": "pairs",
}


MM_TO_PT = 72.0 / 25.4

#: One top-level block of the HTML markdown.py writes: a paragraph or a table (lists
#: and quotes are paragraphs there, never nested tags).
_BLOCK = re.compile(r"<p[ >].*?</p>\n?|<table[ >].*?</table>\n?|<hr[^>]*>\n?", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def html_blocks(html: Markup) -> list[Markup]:
    """A field's HTML cut into its top-level blocks, so a theme can put them in rows of
    their own (the 이력서 form's rows are where its pages may break); the whole as one
    block if the cut would lose anything."""
    blocks = _BLOCK.findall(str(html))
    if "".join(blocks).split() != str(html).split():
        return [html] if str(html).strip() else []
    return [Markup(block) for block in blocks]


def _ems(text: str) -> float:
    """The width of ``text`` in em, roughly: Hangul and Han a full em, the rest about
    half (a theme's estimate of an item's height, not a measurement)."""
    wide = sum(1 for c in text if "\u1100" <= c <= "\u11ff" or "\u2e80" <= c <= "\ud7a3")
    return wide + 0.55 * (len(text) - wide)


def _lines(html: str, width_em: float) -> float:
    """How many lines a piece of HTML takes in a column ``width_em`` wide, roughly."""
    blocks = _BLOCK.findall(html) or ([html] if html.strip() else [])
    total = 0.0
    for block in blocks:
        text = " ".join(_TAG.sub(" ", block).split())
        total += max(1, math.ceil(_ems(text) / max(width_em, 1.0))) + 0.2  # + its space
    return total


@dataclass
class PageView:
    """The page body a theme lays out on, in points (the paper less the margins)."""

    width: float
    height: float


def _page(layout: Layout) -> PageView:
    width, height = PAPER_SIZES_MM[layout.paper]
    m = layout.margins
    return PageView((width - m.left - m.right) * MM_TO_PT, (height - m.top - m.bottom) * MM_TO_PT)


@dataclass
class EntryView:
    """One item: a job, a degree, an award, a project within a job."""

    anchor: str
    title: str = ""
    org: str = ""
    period: str = ""
    location: str = ""
    url: str = ""
    note: str = ""
    summary: Markup = field(default_factory=Markup)
    highlights: list[Markup] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    details: list[tuple[str, str]] = field(default_factory=list)
    projects: list[EntryView] = field(default_factory=list)

    @property
    def summary_blocks(self) -> list[Markup]:
        """The summary's top-level blocks (paragraphs, list items, tables)."""
        return html_blocks(self.summary)

    def lines(self, width_em: float) -> float:
        """About how many lines the item prints in a column ``width_em`` wide (its
        projects a little narrower): a theme's estimate of its height, to choose a
        layout by (the 이력서 form writes a long item as several rows)."""
        head = " ".join(p for p in (self.org, self.location) if p)
        total = _lines(f"<p>{self.title} {self.period}</p>", width_em) + bool(head)
        total += bool(self.note) + _lines(str(self.summary), width_em)
        total += sum(_lines(f"<p>• {h}</p>", width_em - 1.5) for h in self.highlights)
        total += len(self.details) + bool(self.tags)
        total += sum(p.lines(width_em - 1.5) + 0.5 for p in self.projects)
        return total


@dataclass
class SectionView:
    id: str
    title: str
    kind: str  # entries | skills | pairs | list | dated | table | text
    anchor: str
    entries: list[EntryView] = field(default_factory=list)
    rows: list[tuple[str, str, list[str]]] = field(default_factory=list)  # skills/pairs
    items: list[Markup] = field(default_factory=list)  # list
    header: list[str] = field(default_factory=list)  # table
    table: list[list[str]] = field(default_factory=list)  # table
    text: Markup = field(default_factory=Markup)  # text
    new_page: bool = False


@dataclass
class ContactView:
    kind: str  # email | phone | url | location | profile
    text: str
    href: str = ""


@dataclass
class BasicsView:
    name: str
    label: str
    summary: Markup
    image: str
    contacts: list[ContactView]  # e-mail, phone, web site, place
    profiles: list[ContactView]  # GitHub, LinkedIn …


def _place(city: str, region: str) -> str:
    """ "Seoul, Seoul" said once: a city that is its own region (서울, Seoul, Singapore)
    or a region that already names the city ("서울특별시" for "서울")."""
    city, region = city.strip(), region.strip()
    folded = city.casefold(), region.casefold()
    if city and region and (folded[1].startswith(folded[0]) or folded[0].startswith(folded[1])):
        return city
    return ", ".join(p for p in (city, region) if p)


def _basics(basics: Basics) -> BasicsView:
    contacts: list[ContactView] = []
    profiles: list[ContactView] = []
    if basics.email:
        contacts.append(ContactView("email", basics.email, f"mailto:{basics.email}"))
    if basics.phone:
        digits = "".join(c for c in basics.phone if c.isdigit() or c == "+")
        contacts.append(ContactView("phone", basics.phone, f"tel:{digits}"))
    if basics.url:
        contacts.append(ContactView("url", _short_url(basics.url), _http(basics.url)))
    place = _place(basics.location.city, basics.location.region)
    if place:
        contacts.append(ContactView("location", place))
    for profile in basics.profiles:
        if profile.hidden or not (profile.url or profile.username):
            continue
        text = _short_url(profile.url) if profile.url else f"{profile.network}: {profile.username}"
        profiles.append(ContactView("profile", text, _http(profile.url)))
    return BasicsView(
        name=basics.name,
        label=basics.label,
        summary=markdown_to_html(basics.summary),
        image=basics.image,
        contacts=contacts,
        profiles=profiles,
    )


def _inline_list(texts: list[str]) -> list[Markup]:
    """Bullets as inline Markdown; empty lines (left while typing) are not printed."""
    return [markdown_inline(text) for text in texts if text.strip()]


def _http(url: str) -> str:
    """Links only to the web: anything else (javascript:, file:) prints as plain text."""
    return url if url.lower().startswith(("http://", "https://")) else ""


def _short_url(url: str) -> str:
    for prefix in ("https://", "http://"):
        if url.lower().startswith(prefix):
            url = url[len(prefix) :]
    return url.removeprefix("www.").rstrip("/")


class _Builder:
    def __init__(self, resume: Resume, today: date) -> None:
        self.resume = resume
        self.layout: Layout = resume.layout
        self.locale = self.layout.locale
        self.labels = LABELS[self.locale]
        self.today = today
        self.count = 0
        #: (section id, index in its list) → the anchor its entry printed under: the
        #: window scrolls the preview to the item chosen in the editor
        self.item_anchors: dict[tuple[str, int], str] = {}

    def anchor(self, level: int) -> str:
        self.count += 1
        return f"cv-item-{level}-{self.count}"

    def period(self, item: HideableItem, *, duration: bool = False) -> str:
        """The item's start–end period; a date typed as text the user has not corrected
        yet prints exactly as typed (no duration is guessed from it)."""
        typed = item.typed_dates()
        start, end = item.startDate, item.endDate  # type: ignore[attr-defined]
        if "startDate" not in typed and "endDate" not in typed:
            return format_period(start, end, self.locale, today=self.today, duration=duration)
        first = typed.get("startDate") or format_date(start, self.locale)
        last = typed.get("endDate") or format_date(end, self.locale)
        if first and not last:
            last = PRESENT[self.locale]
        return PERIOD_JOIN[self.locale].join(p for p in (first, last) if p)

    def single(self, item: HideableItem, name: str) -> str:
        typed = item.typed_dates().get(name)
        return typed if typed is not None else format_date(getattr(item, name), self.locale)

    def section(self, section_id: str) -> SectionView:
        custom = self.resume.custom_section(section_id)
        view = SectionView(
            id=section_id,
            title=(
                section_title(self.resume, section_id)
                if custom is not None
                else self.layout.printed_title(section_id)
            ),
            kind=custom.kind if custom is not None else SECTION_KIND[section_id],
            anchor=f"cv-h-{section_id}",
            new_page=section_id in self.layout.newPageSections,
        )
        if custom is not None:
            self.fill_custom(view, custom)
        else:
            self.fill_standard(view, section_id)
        return view

    def fill_standard(self, view: SectionView, section_id: str) -> None:
        printed = [(n, i) for n, i in enumerate(getattr(self.resume, section_id)) if not i.hidden]
        items = [item for _n, item in printed]
        if view.kind == "skills":
            view.rows = [(i.name, getattr(i, "level", ""), list(i.keywords)) for i in items]
            return
        if view.kind == "pairs":
            view.rows = [(i.language, i.fluency, []) for i in items]
            return
        view.entries = [getattr(self, f"entry_{section_id}")(item) for item in items]
        for (index, _item), entry in zip(printed, view.entries, strict=True):
            self.item_anchors[(section_id, index)] = entry.anchor

    def fill_custom(self, view: SectionView, section: CustomSection) -> None:
        match section.kind:
            case "list":
                view.items = _inline_list(section.items)
            case "dated":
                printed = [(n, e) for n, e in enumerate(section.entries) if not e.hidden]
                view.entries = [
                    EntryView(
                        anchor=self.anchor(1),
                        period=self.single(e, "date"),
                        title=e.title,
                        org=e.status,
                        note=e.number,
                        summary=markdown_inline(e.details),
                    )
                    for _n, e in printed
                ]
                for (index, _e), entry in zip(printed, view.entries, strict=True):
                    self.item_anchors[(section.id, index)] = entry.anchor
            case "table":
                view.header = list(section.header)
                view.table = [list(row) for row in section.rows]
            case "text":
                view.text = markdown_to_html(section.text)

    # --- one builder per standard section ------------------------------------------

    def entry_work(self, item) -> EntryView:
        return EntryView(
            anchor=self.anchor(1),
            title=item.position or item.name,
            org=item.name if item.position else "",
            period=self.period(item, duration=True),
            location=item.location,
            url=_http(item.url),
            note=item.description,
            summary=markdown_to_html(item.summary),
            highlights=_inline_list(item.highlights),
            projects=[self.job_project(p) for p in item.projects if not p.hidden],
        )

    def job_project(self, project: JobProject) -> EntryView:
        details = [(self.labels["role"], project.role), (self.labels["team"], project.team)]
        details += [(f.label, f.value) for f in project.fields]
        return EntryView(
            anchor=self.anchor(2),
            title=project.name,
            org=project.officialName,
            period=self.period(project, duration=True),
            summary=markdown_to_html(project.summary),
            highlights=_inline_list(project.highlights),
            tags=list(project.techStack),
            details=[(label, value) for label, value in details if value.strip()],
        )

    def entry_projects(self, item) -> EntryView:
        roles = ", ".join(item.roles)
        return EntryView(
            anchor=self.anchor(1),
            title=item.name,
            org=item.entity,
            period=self.period(item),
            url=_http(item.url),
            note=item.type,
            summary=markdown_to_html(item.description),
            highlights=_inline_list(item.highlights),
            tags=list(item.keywords),
            details=[(self.labels["roles"], roles)] if roles else [],
        )

    def entry_education(self, item) -> EntryView:
        degree = " · ".join(p for p in (item.studyType, item.area) if p)
        details = [(self.labels["score"], item.score)] if item.score else []
        if item.courses:
            details.append((self.labels["courses"], ", ".join(item.courses)))
        return EntryView(
            anchor=self.anchor(1),
            title=item.institution,
            org=degree,
            period=self.period(item),
            url=_http(item.url),
            details=details,
        )

    def entry_volunteer(self, item) -> EntryView:
        return EntryView(
            anchor=self.anchor(1),
            title=item.position or item.organization,
            org=item.organization if item.position else "",
            period=self.period(item),
            url=_http(item.url),
            summary=markdown_to_html(item.summary),
            highlights=_inline_list(item.highlights),
        )

    def entry_awards(self, item) -> EntryView:
        return EntryView(
            anchor=self.anchor(1),
            title=item.title,
            org=item.awarder,
            period=self.single(item, "date"),
            summary=markdown_to_html(item.summary),
        )

    def entry_certificates(self, item) -> EntryView:
        return EntryView(
            anchor=self.anchor(1),
            title=item.name,
            org=item.issuer,
            period=self.single(item, "date"),
            url=_http(item.url),
        )

    def entry_publications(self, item) -> EntryView:
        return EntryView(
            anchor=self.anchor(1),
            title=item.name,
            org=item.publisher,
            period=self.single(item, "releaseDate"),
            url=_http(item.url),
            summary=markdown_to_html(item.summary),
        )

    def entry_references(self, item) -> EntryView:
        return EntryView(
            anchor=self.anchor(1), title=item.name, summary=markdown_to_html(item.reference)
        )


def build_context(resume: Resume, today: date) -> dict[str, object]:
    """Everything a theme template may use."""
    builder = _Builder(resume, today)
    return {
        "basics": _basics(resume.basics),
        "sections": [builder.section(sid) for sid in printed_sections(resume)],
        "locale": builder.locale,
        "labels": builder.labels,
        # the heading a theme prints over the summary, in both languages when the
        # résumé asks for bilingual headings ("자기소개 Summary"), like every section's
        "summary_title": resume.layout.printed_title("summary"),
        "bilingual": resume.layout.bilingualHeadings,
        "page": _page(resume.layout),
        "today": today,
        "item_anchors": builder.item_anchors,
    }
