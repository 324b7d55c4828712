"""One item of a section (a job, a degree, an award …) filled from the blocks under its
heading or first line: its dates, position, summary, highlights and, for a job, its
projects. Split from md_sections, which finds where each item starts."""

from __future__ import annotations

import re
from typing import Any

from .md_blocks import Block, Bullet, flatten, segments
from .md_dates import find_period
from .md_entries import is_role
from .md_header import PERIOD_KINDS, HeaderLines
from .md_mixed import lazy_fields
from .md_opening import opening_lines, opening_together
from .md_projects import (
    LONE_LINK,
    add_line,
    dated_project,
    job_project,
    key_line,
    project_from_bullet,
    set_period,
    trailing_link,
)
from .md_split import split_outside
from .md_tables import table_items, table_kind
from .md_vocabulary import key_kind, section_kind, title_text

EDUCATION_KEYS = {
    "school": "institution",
    "company": "institution",
    "major": "area",
    "degree": "studyType",
    "graduation": "endDate",
    "period": "endDate",
    "score": "score",
}
PROJECT_WORDS = re.compile(r"프로젝트|과제|project", re.IGNORECASE)
#: Labels of a job's own text: a bold-only "**성과**" over bullets is no project.
JOB_LABELS = frozenset({"summary", "highlights", "role"})


# --- one job, degree, award … -------------------------------------------------------------


def _is_project(heading: Block, body: list[Block]) -> bool:
    """A sub-heading of a job that names a project: dates, the word, or project keys."""
    if find_period(heading.text)[0] or PROJECT_WORDS.search(heading.text):
        return True
    for block in body:
        lines = [b.text for b in block.bullets] if block.kind == "bullets" else []
        lines += block.text.split("\n") if block.kind == "paragraph" else []
        for line in lines:
            key = key_line(line)
            if key and key[2] in ("period", "techStack", "team", "officialName"):
                return True
    return False


class JobFiller(HeaderLines):
    """What goes into one item: summary paragraphs, highlights, projects."""

    def __init__(self, entry: dict[str, Any], kind: str) -> None:
        self.entry, self.kind = entry, kind
        self.summary: list[str] = [entry.pop("summary")] if entry.get("summary") else []
        self.highlights: list[str] = []
        self.project: dict[str, Any] | None = None  # a flat project being filled
        self.body = False  # past the short lines that open an item (dates, position)
        self.opened = False  # an opening over several lines was read
        self.listing = False  # under a "주요 프로젝트" label: dated bullets are projects

    def projects(self) -> list[dict[str, Any]]:
        return self.entry.setdefault("x-cveditor", {}).setdefault("projects", [])

    def key(self, label: str, value: str, kind: str | None) -> None:
        """A "key: value" line: 프로젝트 명 starts a project; project keys go to the
        open project; the job's own dates and summary are set only once."""
        if self.kind == "projects" and kind == "officialName" and not self.entry.get("entity"):
            self.entry["entity"] = value  # 고객사: whose project it was
            return
        if self.kind == "projects" and kind == "name" and value:
            heading = self.entry.get("name", "")
            if heading and heading != value and not self.entry.get("entity"):
                self.entry["entity"] = heading  # "### 2024.05 – … | 핀테크 스타트업": the client
            self.entry["name"] = value
            return
        if self.kind == "projects" and kind in ("role", "techStack"):
            if kind == "role":
                self.entry.setdefault("roles", []).append(value)
            else:
                self.entry.setdefault("keywords", []).extend(_listed(value))
            return
        if self.kind == "work" and kind == "name":
            self.project = {"name": value}
            self.projects().append(self.project)
        elif self.project is not None and self.kind == "work":
            add_line(self.project, label, value, kind)
        elif (
            kind in ("period", "graduation")
            and self.kind == "education"
            and not (find_period(value)[0])
        ):
            self.highlights += set_period(self.entry, label, value)  # one date: the end
            if "startDate" in self.entry and "endDate" not in self.entry:
                self.entry["endDate"] = self.entry.pop("startDate")
        elif kind == "period" and not self.entry.get("startDate"):
            self.highlights += set_period(self.entry, label, value)
        elif kind == "summary" and not self.summary:
            self.summary.append(value)
        elif kind == "role" and self.kind == "work" and "업무" in label and not self.summary:
            self.summary.append(value)  # 담당업무: the job's duties, its text (no title)
        elif (
            kind in ("role", "position") and self.kind == "work" and not self.entry.get("position")
        ):
            self.entry["position"] = value
        elif kind == "position" and self.kind == "work" and not is_role(self.entry["position"]):
            if not self.entry.get("description"):  # "회사 | 팀 | 기간" over "직책: …": the team
                self.entry["description"] = self.entry["position"]
            self.entry["position"] = value
        elif kind == "position" and self.kind == "work" and value not in self.entry["position"]:
            self.entry["position"] += f" · {value}"  # "| 백엔드 개발자 |" over "직위 : 대리"
        elif kind == "period" and self.kind == "work" and _same_period(self.entry, value):
            return  # "기간 : 2019.03 ~ 2022.02" under a heading that gave those dates
        elif kind == "team" and self.kind == "work" and not self.entry.get("description"):
            self.entry["description"] = value  # "부서: 품질보증팀": the job's team
        elif kind == "role" and self.kind == "work" and not self.summary:
            self.summary.append(value)  # 담당 after 직무: what the job was about
        elif self.kind == "education" and kind in EDUCATION_KEYS:
            field = EDUCATION_KEYS[kind]
            if field == "endDate":
                self.highlights += set_period(self.entry, label, value)
                if "startDate" in self.entry and "endDate" not in self.entry:
                    self.entry["endDate"] = self.entry.pop("startDate")
            elif not self.entry.get(field):
                self.entry[field] = value
            else:
                self.highlights.append(f"{label}: {value}")
        elif kind == "company" and self.kind == "work":
            if self.entry.get("name"):  # the title named the service: it stays, as text
                self.summary.insert(0, self.entry["name"])
            self.entry["name"] = value
        elif kind == "highlights":
            self.highlights += [line.strip(" -") for line in value.split("\n") if line.strip(" -")]
        else:
            self.highlights.append(f"{label}: {value}")

    def keyed_pieces(self, line: str) -> bool:
        """ "*Role: Lead designer · Timeline: 12 weeks · 2024*": each piece on its own
        (keys into their fields, a lone year the date), when every piece is one."""
        pieces = [p.strip() for p in re.split(r"\s+[·|]\s+", title_text(line)) if p.strip()]
        slashed = [p.strip() for p in re.split(r"\s+/\s+", title_text(line)) if p.strip()]
        if len(slashed) > 1 and all(key_line(p) for p in slashed):
            pieces = slashed  # "기간) 2021.03 ~ 2021.09 / 역할) 설계": a key per piece
        keyed = [key_line(p) for p in pieces]
        years = [bool(re.fullmatch(r"(?:19|20)\d{2}", p) or find_period(p)[0]) for p in pieces]
        if (
            len(pieces) < 2
            or not any(keyed)
            or not all(k or y for k, y in zip(keyed, years, strict=True))
        ):
            return False
        for piece, key in zip(pieces, keyed, strict=True):
            if key is not None:
                self.key(*key)
            elif self.kind in PERIOD_KINDS and not self.entry.get("startDate"):
                start, end, _rest = find_period(piece)
                self.entry["startDate"] = start or piece
                if end:
                    self.entry["endDate"] = end
            else:
                self.highlights.append(piece)
        return True

    def lone_link(self, line: str) -> bool:
        """ "[View the Figma prototype →](https://…)" alone on a line: the project's
        address (the line stays in its text: nothing is lost); never says it was read."""
        found = LONE_LINK.match(line)
        if self.kind == "projects" and found and not self.entry.get("url"):
            self.entry["url"] = found.group(1)
        return False

    def block(self, block: Block) -> None:
        if block.kind == "bullets":
            for bullet in block.bullets:
                trimmed, link = trailing_link(bullet)
                if self.kind == "projects" and link and not self.entry.get("url"):
                    self.entry["url"] = link  # "[Source](https://…)" under the bullets
                    bullet = trimmed
                self.bullet(bullet)
            self.body = True
        elif block.kind == "paragraph":
            lines = [line for line in block.text.split("\n") if line.strip()]
            if not self.body and not self.opened:  # "Orbitwave · Full-time" / dates / place
                taken = opening_lines(self.entry, self.kind, lines)
                self.opened = bool(taken)
                lines = lines[taken:]
            rest: list[str] = []
            for line in lines:  # opening lines (dates, position), "**기간**: …" keys, text
                if not rest and self.header_line(line, bullet=len(lines) > 1):
                    continue
                if self.keyed_pieces(line) or self.lone_link(line):
                    continue
                key = key_line(line)
                if key is not None:
                    self.key(*key)
                else:
                    rest.append(line)
            if rest:
                text = "\n".join(rest)
                self.block(Block("text", text, source=text))
        elif block.kind == "table" and self.kind == "work" and self.table(block):
            self.body = True
        elif block.kind in ("text", "html", "code", "table", "heading"):
            self.body = True
            text = block.text if block.kind == "text" else block.source
            if self.project is not None:
                self.project["summary"] = "\n\n".join(
                    p for p in (self.project.get("summary"), text) if p
                )
            else:
                self.summary.append(text)

    def table(self, block: Block) -> bool:
        """A table of the job's projects (프로젝트명 | 기간 | 역할 | 기술 스택 | 성과)."""
        if table_kind(block.rows[0] if block.rows else [], inside_job=True) != "work-project":
            return False
        found = table_items(block, "work-project")
        if not found:
            return False
        self.projects().extend(found)
        self.project = None
        return True

    def bullet(self, bullet: Bullet) -> None:
        project = project_from_bullet(bullet) if self.kind == "work" else None
        if project is None and self.kind == "work" and self.entry.get("startDate"):
            project = dated_project(bullet, listed=self.listing)  # "'18.07 ~ '18.12 : …"
        if project is not None:
            self.projects().append(project)
            self.project = None
            return
        group = [project_from_bullet(c) for c in bullet.children] if self.kind == "work" else []
        if group and any(group):  # "- 주요 프로젝트" over a bullet per project
            if section_kind(bullet.text) != "projects":
                self.highlights.append(bullet.text)
            for child, found in zip(bullet.children, group, strict=True):
                if found is not None:
                    self.projects().append(found)
                else:
                    self.highlights += flatten([child])
            self.project = None
            return
        key = key_line(bullet.text)
        if key is not None and bullet.children:
            value = "\n".join([key[1], *(f"- {t}" for t in flatten(bullet.children))])
            self.key(key[0], value.strip(), key[2])
        elif key is not None:
            self.key(*key)
        elif self.project is not None:
            self.project.setdefault("highlights", []).extend(flatten([bullet]))
        elif not bullet.children and self.header_line(bullet.text, bullet=True):
            return
        else:
            self.highlights += flatten([bullet])

    def segment(self, heading: Block, body: list[Block]) -> None:
        """A sub-heading: a project of the job, or a part of its text."""
        self.project = None
        if self.kind == "work" and key_kind(heading.text) in JOB_LABELS:
            self.body = True  # "**주요 업무**", "**성과**" over the job's own lines
            for block in body:
                self.block(block)
            return
        if self.kind == "work" and section_kind(heading.text) == "projects":
            self.listing = True
            for sub, blocks in segments(body):  # "## 주요 프로젝트" within the job
                if sub is None:
                    for block in blocks:
                        self.block(block)  # a flat 프로젝트 명 list starts projects
                else:
                    self.projects().append(job_project(sub, blocks))
            self.project = None
            self.listing = False
            return
        if self.kind == "work" and _is_project(heading, body):
            self.projects().append(job_project(heading, body))
            return
        self.summary.append(f"**{title_text(heading.text)}**")  # a part of the job's text
        self.body = True  # its lines are text, never the job's position or dates
        for block in body:
            self.block(block)
        self.project = None


def _same_period(entry: dict[str, Any], value: str) -> bool:
    start, end, rest = find_period(value)
    return (start, end) == (entry.get("startDate"), entry.get("endDate")) and not rest


def _listed(value: str) -> list[str]:
    return [v.strip(" -") for v in split_outside(value, r",|·|\n")]


def all_keys(block: Block) -> bool:
    lines = [line for line in block.text.split("\n") if line.strip()]
    return bool(lines) and all(key_line(line) for line in lines)


def fill_entry(entry: dict[str, Any], blocks: list[Block], kind: str) -> None:
    """Paragraphs → summary; bullets → highlights, projects (work) or known fields."""
    blocks = lazy_fields(opening_together(blocks, entry, kind))
    job = JobFiller(entry, kind)
    for heading, body in segments(blocks):
        if heading is None:
            for block in body:
                job.block(block)
        else:
            job.segment(heading, body)
    summary, highlights = job.summary, job.highlights
    if entry.get("x-cveditor", {}).get("projects") == []:
        entry.pop("x-cveditor")
    if kind == "education":
        lines = summary + highlights
        if lines:
            entry["courses"] = lines
        return
    if kind == "certificates":
        lines = summary + highlights
        if lines:
            entry["name"] = " — ".join([entry.get("name", ""), *lines]).strip(" —")
        return
    text_field = {"references": "reference", "projects": "description"}.get(kind, "summary")
    if kind in ("awards", "publications", "references"):
        summary = summary + highlights
        highlights = []
    if summary:
        entry[text_field] = "\n\n".join(p for p in (entry.get(text_field), *summary) if p)
    if highlights:
        entry["highlights"] = [*entry.get("highlights", []), *highlights]  # a second fill adds
