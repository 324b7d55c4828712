"""An outline with targets → résumé data. Each node that does not simply follow its
parent is placed on its own, with the descendants that follow it; the sections are
ordered as the source had them (``x-cveditor.layout.sectionOrder``)."""

from __future__ import annotations

import re
from typing import Any

from .md_attach import attach_projects, jobs_as_projects, profile_job_listed, results_sections
from .md_blocks import Block, Section, sources
from .md_custom import custom_section
from .md_dates import find_period
from .md_dedupe import merge_same_jobs
from .md_heading_words import SHIPPED_WORDS
from .md_headline import is_label
from .md_mixed import credentials, other_sections
from .md_names import credentials_of, name_in, only_doc_words, without_doc_words
from .md_outline import OutlineNode
from .md_pairs import pairs
from .md_profile import (
    PIECES,
    Profile,
    add_summary,
    read_profile,
    without_contacts,
)
from .md_projects import job_project
from .md_questions import QUESTION_NUMBER
from .md_sections import entries, segments
from .md_skill_lines import foreign_lines
from .md_tables import table_items
from .md_vocabulary import DOC_WORDS, has_word, section_kind, title_text

ENTRY_TARGETS = (
    "work",
    "projects",
    "education",
    "awards",
    "certificates",
    "publications",
    "volunteer",
    "references",
)
PAIR_TARGETS = ("skills", "languages", "interests")
CUSTOM_TARGETS = ("custom-list", "custom-dated", "custom-table", "custom-text", "notes")


#: The role a greeting puts before the name: "안녕하세요, 백엔드 개발자 김도윤입니다".
GREETING_ROLE = re.compile(r"[,，]\s*([^,，]{2,30}?)\s+([가-힣]{2,4})\s*입니다")


class ResumeBuilder:
    """Collects the data of one résumé, placement by placement."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {"basics": {}}
        self.profile = Profile(self.data["basics"])
        self.custom: list[dict[str, Any]] = []
        self.order: list[str] = []
        self.started = False  # something was placed (a first line is no name any more)
        self.profile_job: dict[str, Any] | None = None  # 소속 … before the first section
        self.credentials: tuple[str, str] | None = None  # ("RN, BSN", the title as written)

    # --- the walk ---------------------------------------------------------------------

    def place(self, node: OutlineNode) -> None:
        """Place ``node`` with the descendants that follow it, then the others."""
        blocks: list[Block] = []
        detached: list[OutlineNode] = []
        self._gather(node, blocks, detached, top=True)
        if node.target != "omit":
            self._convert(node, blocks)
            self.started = self.started or node.role != "title"
        for other in detached:
            self.place(other)

    def _gather(
        self, node: OutlineNode, blocks: list[Block], detached: list[OutlineNode], top: bool
    ) -> None:
        if node.block is not None:
            blocks.append(node.block)
        for child in node.children:
            if child.inherited:
                self._gather(child, blocks, detached, top=False)
            else:
                detached.append(child)

    def _section(self, section_id: str) -> None:
        if section_id not in self.order:
            self.order.append(section_id)

    def keep_title(self, kind: str, title: str) -> None:
        """The heading as the author wrote it ("경력 사항", "Work Experience") stays."""
        text = title_text(title)
        if text:
            layout = self.data.setdefault("x-cveditor", {}).setdefault("layout", {})
            titles = layout.setdefault("sectionTitles", {})
            if kind in titles and text not in titles[kind]:
                text = f"{titles[kind]} · {text}"  # two headings merged into one section
            titles[kind] = text

    # --- one placement ----------------------------------------------------------------

    def _convert(self, node: OutlineNode, blocks: list[Block]) -> None:
        target = node.target
        heading = blocks[0] if blocks and blocks[0].kind == "heading" else None
        body = blocks[1:] if heading else blocks
        basics = self.data["basics"]
        if target == "basics":
            if heading is not None:
                self._heading_to_profile(node, heading)
            read_profile(self.profile, body, self.keep_title, top=not self.started)
            self._profile_job()
        elif target == "summary":
            if heading is not None and (node.role == "title" or node.inherited):
                add_summary(basics, heading.source.strip() or heading.text)
            elif heading is not None:
                self.keep_title("summary", heading.text)
            if node.role == "block":
                read_profile(self.profile, body, self.keep_title, top=not self.started)
                self._profile_job()
            else:  # an "About" section: its contact lines to their fields, the rest as written
                kept = [without_contacts(self.profile, b) for b in body]
                add_summary(basics, *[b.source.strip("\n") for b in kept if b and b.source.strip()])
        elif target in ENTRY_TARGETS:
            self._entries(node, target, heading, body)
        elif target == "work-project":
            self._project(node, heading, body)
        elif target in PAIR_TARGETS:
            title = heading.text if heading else ""
            certificates: list[dict[str, Any]] = []
            languages: list[str] = []
            labels: dict[str, str] = {}
            if target == "skills":  # "- 자격 : …", "- 어학 : …" in a 보유 역량 list
                body, certificates, languages, labels = foreign_lines(body)
            items = pairs(Section(title, 0, body), target)
            dated = [i for i in items if "date" in i]  # "OPIc IH (2023.05)": a dated test
            items = [i for i in items if "date" not in i]
            if items:
                self.data.setdefault(target, []).extend(items)
                self._section(target)
            if dated:
                self.data.setdefault("certificates", []).extend(dated)
                self._section("certificates")
            self._foreign(certificates, languages, labels)
            if heading is not None and (section_kind(heading.text) or not node.inherited):
                # a section of dated tests only ("## 어학" over a table of them) titles them
                self.keep_title(target if items or not dated else "certificates", heading.text)
            elif heading is not None:
                self.data.setdefault(target, []).insert(0, {"name": title_text(heading.text)})
                self._section(target)
        elif target in CUSTOM_TARGETS:
            self._custom(node, target, heading, body)

    def _foreign(
        self, certificates: list[dict[str, Any]], languages: list[str], labels: dict[str, str]
    ) -> None:
        """The certificates and languages a skills list named, in sections of their own
        titled by their labels ("자격", "어학") unless a heading titles them."""
        titles = self.data.get("x-cveditor", {}).get("layout", {}).get("sectionTitles", {})
        for kind, label in labels.items():
            if kind not in titles and kind not in self.order:
                self.keep_title(kind, label)
        if certificates:
            self.data.setdefault("certificates", []).extend(certificates)
            self._section("certificates")
        if languages:
            text = "\n".join(languages)
            found = pairs(Section("", 0, [Block("paragraph", text, source=text)]), "languages")
            self.data.setdefault("languages", []).extend(found)
            self._section("languages")

    def _heading_to_profile(self, node: OutlineNode, heading: Block) -> None:
        """A title gives the name (and a headline: "한지우 | 임베디드 SW 엔지니어");
        other words go to the summary."""
        basics = self.data["basics"]
        text = title_text(heading.text) or heading.text
        if node.role != "title":
            if section_kind(text) == "contact":
                self.keep_title("contact", heading.text)
            else:
                add_summary(basics, text)
            return
        name = name_in(heading.text)
        rest: list[str] = []
        pieces = [p.strip() for p in PIECES.split(text) if p.strip()]
        if len(pieces) == 1 and not name:  # "Noa Whitfield — Product Designer"
            pieces = [p.strip() for p in re.split(r"\s+[—–]\s+", text, maxsplit=1) if p.strip()]
        split = len(pieces) > 1 and bool(name_in(pieces[0]))
        if split:  # "한지우 | 임베디드 SW 엔지니어"
            name, rest = name_in(pieces[0]), pieces[1:]
        if name and not basics.get("name"):
            basics["name"] = name
            if has_word(heading.text, DOC_WORDS):
                self.profile.guessed_from = text
        creds = credentials_of(heading.text, name) if not split else ""
        if creds:  # "Maria Santos, RN, BSN": the letters are the headline if none is written
            self.credentials = (creds, text)
            return
        if rest and is_label(rest[0]) and "label" not in basics:
            basics["label"] = rest.pop(0)
        if rest:
            add_summary(basics, " · ".join(rest))
        elif not split and (not name or not only_doc_words(text.replace(name, " "))):
            add_summary(basics, text)  # "안녕하세요, 김하늘입니다": the greeting stays
            said = GREETING_ROLE.search(text) if name else None
            if said and said.group(2) == name and is_label(said.group(1)):
                basics.setdefault("label", said.group(1).strip())  # "…, 백엔드 개발자 김도윤입니다"

    def _profile_job(self) -> None:
        """소속 / 직무 lines before the first section: the job the document is about."""
        for kind, entry in self.profile.items:  # "- 면허: 간호사 면허 (2022.02)"
            self.data.setdefault(kind, []).append(entry)
            self._section(kind)
        self.profile.items.clear()
        job = self.profile.job
        basics = self.data["basics"]
        alone = job.get("position") and not (job.get("name") or job.get("team"))
        if alone and not basics.get("label"):  # "역할:: 데이터 엔지니어", no employer: headline
            basics["label"] = job.pop("position")
        if (job.get("name") or job.get("team")) and not job.get("placed"):
            job["placed"] = True
            entry = {k: v for k, v in job.items() if k in ("name", "position", "startDate")}
            if job.get("team") and not job.get("name"):
                entry["name"] = job["team"]  # "**Team:** Growth Platform, Kestrel Labs"
            elif job.get("team"):
                entry["description"] = job["team"]
            self.data.setdefault("work", []).insert(0, entry)
            self.profile_job = entry
            self._section("work")

    def _entries(
        self, node: OutlineNode, target: str, heading: Block | None, body: list[Block]
    ) -> None:
        """A section of items, or one item (a heading that is not a section word)."""
        is_section = heading is not None and (
            section_kind(heading.text) is not None and node.role != "title"
        )
        body, moved = other_sections(body, target)  # "Languages: …" closing Education
        if is_section and heading is not None:
            items = entries(Section(heading.text, heading.level, body), target)
        elif node.role == "title" and heading is not None and (jobs := _dated_headings(body)):
            rest = without_doc_words(heading.text)  # "# 경력기술서 - 한빛소프트" over its job
            intro = [Block("paragraph", rest, source=rest)] if rest not in jobs[0].text else []
            items = entries(Section("", 0, intro + body), target)
        else:
            blocks = ([heading] if heading is not None else []) + body
            if heading is not None:  # a 경력기술서's title: the job, without the document's word
                text = without_doc_words(heading.text) if node.role == "title" else ""
                heading = Block("heading", text or heading.text, level=1, source=heading.source)
                blocks = [heading, *body]
            items = entries(Section("", 0, blocks), target)
        if items is None:  # a table of items keeps its columns
            self._custom(node, "custom-table", heading if is_section else None, body)
            return
        if target == "work" and is_section and (projects := jobs_as_projects(items)):
            target, items = "projects", projects  # a freelancer's clients: projects
        certificates: list[dict[str, Any]] = []
        if target == "education":  # "… Professional Certificate — Coursera, 2024" among degrees
            items, certificates = credentials(items)
        self.data.setdefault(target, []).extend(items)
        self._section(target)
        if is_section and heading is not None:
            self.keep_title(target, heading.text)
        if certificates:
            self.data.setdefault("certificates", []).extend(certificates)
            self._section("certificates")
        for kind, block in moved:
            if block.kind == "heading":
                self.keep_title(kind, block.text)
                continue
            self.data.setdefault(kind, []).extend(pairs(Section("", 0, [block]), kind))
            self._section(kind)

    def _project(self, node: OutlineNode, heading: Block | None, body: list[Block]) -> None:
        """A project of the job above, attached to the last job (a new one if none);
        a section of projects ("주요 프로젝트") gives one per sub-heading."""
        jobs = self.data.setdefault("work", [])
        if not jobs:
            jobs.append({})
            self._section("work")
        projects = jobs[-1].setdefault("x-cveditor", {}).setdefault("projects", [])
        tables = [b for b in body if b.kind == "table"]
        rows = [r for t in tables for r in table_items(t, "work-project") or []]
        if heading is not None and section_kind(heading.text) and rows and len(body) == 1:
            projects.extend(rows)  # "## 프로젝트" over | 프로젝트명 | 기간 | 역할 | 성과 |
            return
        group = heading is not None and (
            section_kind(heading.text) or has_word(heading.text, SHIPPED_WORDS)
        )  # "## 주요 프로젝트", "## What I shipped": one project a sub-heading
        if group and any(b.kind == "heading" for b in body):
            for sub, blocks in segments(body):
                if sub is None:
                    jobs[-1]["summary"] = "\n\n".join(
                        p for p in (jobs[-1].get("summary"), sources(blocks)) if p
                    )
                else:
                    projects.append(job_project(sub, blocks))
            return
        projects.append(job_project(heading, body))

    def _custom(
        self, node: OutlineNode, target: str, heading: Block | None, body: list[Block]
    ) -> None:
        title = heading.text if heading is not None else node.label
        if heading is not None:  # "## 4. 하반기 목표", "### 2) 지원 동기": the place, not the title
            title = QUESTION_NUMBER.sub("", title_text(title)) or title
        kind = target.removeprefix("custom-")
        section = custom_section(Section(title, 0, body), len(self.custom), kind)
        self.custom.append(section)
        self._section(section["id"])

    # --- the result -------------------------------------------------------------------

    def finish(self) -> dict[str, Any]:
        profile_job_listed(self.data, self.profile_job)  # "소속: 한빛대학교 조교수" and its job
        attach_projects(self.data, self.order)  # | 소속 | naming a job: that job's projects
        merge_same_jobs(self.data)  # a table's row and the heading of the same job: one
        if self.credentials and self.data["basics"].get("label"):
            add_summary(self.data["basics"], self.credentials[1])  # "Elena Petrova, Ph.D."
        elif self.credentials:
            self.data["basics"]["label"] = self.credentials[0]
        self.custom = results_sections(self.data, self.custom, self.order)  # "## 주요 성과"
        photo = self.data["basics"].pop("image", None)
        self.data = _images_as_links(self.data)
        if photo:
            self.data["basics"]["image"] = photo
        extras = self.data.setdefault("x-cveditor", {})
        if self.custom:
            extras["sections"] = self.custom
        if self.order:
            extras.setdefault("layout", {})["sectionOrder"] = list(self.order)
        return _clean(self.data)


def _dated_headings(body: list[Block]) -> list[Block]:
    """The sub-headings of a title when each holds a period ("## 회사 | 직책 | 2019.03 ~ …")."""
    subs = [b for b in body if b.kind == "heading"]
    top = [b for b in subs if b.level == min((s.level for s in subs), default=0)]
    return top if top and all(find_period(b.text)[0] for b in top) else []


MD_PICTURE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\)")
HTML_PICTURE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"\b(src|alt)\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)


def picture_as_link(alt: str, src: str) -> str:
    """A picture in the text becomes a link to it (never fetched, never shown); a
    picture of the site (a relative path) leaves its description."""
    alt = alt.strip() or "image"
    return f"[{alt}]({src})" if re.match(r"https?://", src) else ""


def _html_picture(match: re.Match[str]) -> str:
    found = {k.lower(): v for k, v in ATTRIBUTE.findall(match.group(0))}
    return picture_as_link(found.get("alt", ""), found.get("src", "")) if found.get("src") else ""


def _images_as_links(value: Any) -> Any:
    """Every picture in the imported text as a link (the photo is set apart first)."""
    if isinstance(value, str):
        if "<img" not in value.lower() and "![" not in value:
            return value
        value = MD_PICTURE.sub(lambda m: picture_as_link(m.group(1), m.group(2)), value)
        value = HTML_PICTURE.sub(_html_picture, value)
        return re.sub(r"\n{3,}", "\n\n", value).strip()  # a picture left out leaves no gap
    if isinstance(value, dict):
        return {k: _images_as_links(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_images_as_links(v) for v in value]
    return value


#: Fields whose text is Markdown: an escape at a line's start ("\- not a list") stays.
#: Names printed as they are, never as Markdown: emphasis around the whole is markup.
PLAIN_NAMES = frozenset({"publisher", "issuer", "awarder", "institution"})
MARKDOWN_FIELDS = frozenset({"summary", "description", "text", "reference"})


def _clean(value: Any, key: str = "") -> Any:
    r"""Drop the None dates the model leaves out anyway; a field of plain text loses
    the escapes left at its start ("\- 2019" → "- 2019")."""
    if isinstance(value, dict):
        return {k: _clean(v, k) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_clean(v, key) for v in value]
    if isinstance(value, str) and key in PLAIN_NAMES:  # "*IEEE Access*": the venue, no marks
        value = re.sub(r"^([*_]{1,2})([^*_]+)\1$", r"\2", value.strip())
    if isinstance(value, str) and "\\" in value and key not in MARKDOWN_FIELDS:
        return re.sub(r"\\([-+.)#*_])", r"\1", value)
    return value
