"""What the résumé says, field by field, as the pages print it: the answers an ATS
parser should find (only what prints: hidden items and sections are left out)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..model.printed import printed_resume
from ..model.resume import Resume
from ..model.sections import printed_sections


@dataclass
class ExpectedJob:
    title: str
    company: str
    start: str | None
    end: str | None
    highlights: list[str] = field(default_factory=list)


@dataclass
class ExpectedDegree:
    institution: str
    study_type: str
    area: str
    start: str | None = None
    end: str | None = None

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)


@dataclass
class Expected:
    name: str = ""
    label: str = ""
    summary: str = ""
    contacts: dict[str, str] = field(default_factory=dict)  # email, phone, url, location
    profiles: list[str] = field(default_factory=list)
    jobs: list[ExpectedJob] = field(default_factory=list)
    degrees: list[ExpectedDegree] = field(default_factory=list)
    skills: list[tuple[str, list[str]]] = field(default_factory=list)


def short_url(url: str) -> str:
    """A web address as the themes print it: no scheme, no "www.", no final slash."""
    for prefix in ("https://", "http://"):
        if url.lower().startswith(prefix):
            url = url[len(prefix) :]
    return url.removeprefix("www.").rstrip("/")


def plain_text(markdown: str) -> str:
    """Inline Markdown as the page shows it: marks gone, link texts kept."""
    from ..render.markdown import markdown_inline

    text = re.sub(r"<[^>]+>", "", str(markdown_inline(markdown)))
    return " ".join(html.unescape(text).split())


def expected_resume(resume: Resume) -> Expected:
    printed = printed_resume(resume)
    sections = set(printed_sections(printed))
    basics = printed.basics
    place = ", ".join(p for p in (basics.location.city, basics.location.region) if p)
    out = Expected(
        name=basics.name,
        label=basics.label,
        summary=plain_text(basics.summary) if basics.summary else "",
        contacts={
            "email": basics.email,
            "phone": basics.phone,
            "url": short_url(basics.url),
            "location": place,
        },
        profiles=[
            short_url(p.url) if p.url else f"{p.network}: {p.username}"
            for p in basics.profiles
            if p.url or p.username
        ],
    )
    if "work" in sections:
        for job in printed.work:
            title, company = (job.position, job.name) if job.position else (job.name, "")
            out.jobs.append(
                ExpectedJob(
                    title,
                    company,
                    job.startDate,
                    job.endDate,
                    [plain_text(h) for h in job.highlights if h.strip()],
                )
            )
    if "education" in sections:
        out.degrees = [
            ExpectedDegree(e.institution, e.studyType, e.area, e.startDate, e.endDate)
            for e in printed.education
        ]
    if "skills" in sections:
        out.skills = [(s.name, list(s.keywords)) for s in printed.skills]
    return out
