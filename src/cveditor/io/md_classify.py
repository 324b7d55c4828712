"""The importer's guess of where each outline node goes (its ``auto_target``).

The guess reads the heading's words first (a section word, a private word such as
면접 or 목표, patents, KPIs), then the content's shape (STAR lines, tables, dated
bullets), then the document's kind, told by its title: a 경력기술서 of one job, a
performance review, interview preparation, or an ordinary résumé.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .md_asides import TEXT_TARGETS, item_table, pictures, pictures_only, properties_only
from .md_blocks import Block, flatten
from .md_cite import citation_lines
from .md_custom import trailing_date
from .md_dates import find_period
from .md_entries import SCHOOLS
from .md_heading_words import COMPETENCE_WORDS, LETTER_WORDS, SHIPPED_WORDS
from .md_names import doc_line, name_in, only_doc_words, person_name
from .md_outline import OutlineNode
from .md_pairs import rated
from .md_preamble import badges_only, preamble_job, preamble_target
from .md_private import GOAL_WORDS, PRIVATE_WORDS, SELF_WORDS
from .md_private_doc import is_private_document, names_resume
from .md_projects import PROJECT_LABEL
from .md_questions import QUESTION_NUMBER, numbered_questions, split_questions
from .md_shape import (
    all_private,
    competence,
    dated_line,
    heading_items,
    keyed_period,
    kpi_lines,
    only_table,
    project_items,
    table_target,
)
from .md_vocabulary import (
    BADGE,
    DATED_WORDS,
    DOC_KINDS,
    DOC_WORDS,
    KEY_LINE,
    KPI_WORDS,
    NOTES_WORDS,
    has_word,
    key_kind,
    plain,
    section_kind,
    title_text,
)

#: A title that says the document is a self-introduction or a letter of application.
ESSAY_WORDS = ("자기소개서", "자소서", "cover letter", "personal statement", "statement of purpose")
#: Section words → targets ("contact" is the profile).
SECTION_TARGETS = {
    "work": "work",
    "projects": "projects",
    "education": "education",
    "skills": "skills",
    "awards": "awards",
    "certificates": "certificates",
    "publications": "publications",
    "volunteer": "volunteer",
    "languages": "languages",
    "interests": "interests",
    "references": "references",
    "summary": "summary",
    "contact": "basics",
}
ITEM_TARGETS = frozenset(
    {"work", "projects", "education", "awards", "certificates", "publications", "volunteer"}
)
#: Targets a goal never follows: an item's text, or a title left out.
NO_GOALS = ITEM_TARGETS | {"work-project", "omit"}
STAR_LINE = re.compile(r"^\s*(?:[-*]|\d+[.)])?\s*\**\s*[STAR]\s*\**\s*[:：.)]", re.M)


@cache
def heading_target(label: str) -> str | None:
    """What a heading's words say its section is, or None."""
    dated = bool(find_period(label)[0])  # "## 1. 회사 사업부 (2019.03 ~ 현재)": an item
    if not dated and (has_word(label, NOTES_WORDS) or has_word(label, PRIVATE_WORDS)):
        return "notes"
    if has_word(label, SELF_WORDS) and len(plain(label)) <= 30:
        return "notes"  # "Strengths", "Areas to grow" (printable in a 자기소개: _assign)
    if has_word(label, KPI_WORDS):
        return "custom-table"
    if has_word(label, LETTER_WORDS):
        return "custom-text"  # a covering letter in the same file: printed as it is
    if has_word(label, DATED_WORDS):
        return "custom-dated"
    return SECTION_TARGETS.get(section_kind(label) or "")


@cache
def section_heading(label: str) -> str | None:
    """heading_target for a heading that reads like a section's: short, no dates."""
    text = title_text(label)
    if len(text) > 40 or find_period(text)[0] or re.search(r"\d{4}", text):
        return None
    return heading_target(text)


def _blocks(node: OutlineNode) -> list[Block]:
    own = 0 if node.role == "block" else 1  # a block split off (goals) is its own content
    return [n.block for n in node.walk()[own:] if n.block is not None]


def _lines(node: OutlineNode) -> list[str]:
    return [line for b in _blocks(node) for line in b.source.split("\n") if line.strip()]


def content_target(node: OutlineNode, hint: str | None = None) -> str:
    """A custom section's kind from its content (the heading's hint first, if it fits)."""
    blocks = [b for b in _blocks(node) if b.kind != "heading" and not b.private]
    kinds = {b.kind for b in blocks}
    items = [t for b in blocks if b.kind == "bullets" for t in flatten(b.bullets)]
    if len(STAR_LINE.findall("\n".join(_lines(node)))) >= 2:
        return "notes"
    if hint == "notes":
        return "notes"
    if kinds == {"table"}:
        return "custom-table"
    if hint == "custom-table" and sum(1 for b in blocks if b.kind == "table") == 1:
        return "custom-table"  # "## KPI" over a table and a line about it
    if hint == "custom-table" and kinds == {"bullets"} and all(KEY_LINE.match(t) for t in items):
        return "custom-table"
    if kinds == {"bullets"} and kpi_lines(items):
        return "custom-table"
    if kinds == {"bullets"} and rated(items):
        return "skills"  # "- 채용 운영 ★★★★☆": skills rated by their owner
    has_sub = any(b.kind == "heading" for b in _blocks(node))
    if kinds == {"bullets"} and not has_sub:
        dated = sum(1 for t in items if dated_line(t))
        if hint == "custom-dated" and not dated:  # "특허" lines with the date last
            dated = sum(1 for t in items if trailing_date(t))
        if dated == len(items) or (hint == "custom-dated" and dated):
            return "custom-dated"
        if not any(b.bullets and b.bullets[0].number is not None for b in blocks):
            return "custom-list"
    return "custom-text"


def document_kind(
    title: OutlineNode | None, front: dict[str, Any], roots: list[OutlineNode]
) -> str:
    """private | review | career | resume, told by the title and the first lines."""
    text = " ".join(
        str(front.get(k, "")) for k in ("title", "category") if isinstance(front.get(k), str)
    )
    if title is not None:
        text = f"{title.label} {text}"
    top_kinds = {section_heading(n.label) for n in roots if n.is_heading and n.role != "title"}
    if is_private_document(title, roots, top_kinds):
        return "private"  # recruiter notes, the loop, stories; an offer and its counter
    for kind, words in DOC_KINDS.items():
        one_job = (
            "work" not in top_kinds
            and title is not None
            and not person_name(title.label)
            and not only_doc_words(title.label)  # "# 경력기술서" alone names no job
        )
        if has_word(text, words) and (kind != "career" or one_job):
            return kind
    if title is not None and not person_name(title.label) and "work" not in top_kinds:
        for child in title.children:
            block = child.block
            lines = block.text.split("\n") if block and block.kind == "paragraph" else []
            if block and block.kind == "bullets":
                lines = [b.text for b in block.bullets]
            for line in lines:
                match = KEY_LINE.match(line)
                if match and key_kind(match.group(1)) == "period" and find_period(line)[0]:
                    return "career"
    private = [  # interview words or STAR stories (not pay or self-assessment alone)
        n
        for n in roots
        if n.is_heading
        and content_target(n, "notes" if has_word(n.label, NOTES_WORDS) else None) == "notes"
    ]
    resume = top_kinds & {"work", "education", "skills", "projects"}
    if private and not resume and not names_resume(title):  # not "# 자기소개서" of STARs
        return "private"  # STAR stories and questions, and nothing of a résumé
    return "resume"


def _set(node: OutlineNode, target: str, inherited: bool = False) -> None:
    node.target = node.auto_target = target
    node.inherited = node.auto_inherited = inherited


def _is_container(node: OutlineNode) -> bool:
    """A heading whose sub-headings are sections of their own ("# 자기 소개" over
    "## 경력", "## 학력")."""
    subs = [c for c in node.children if c.is_heading]
    if find_period(node.label)[0]:
        return False  # "## 1. 회사 (2021.03 – 현재)" over "### 프로젝트": an item, not a parent
    own = section_heading(node.label)
    kinds = [section_heading(c.label) for c in subs]
    return any(k and k not in ("summary", "notes", own) for k in kinds)


@dataclass(frozen=True)
class Doc:
    """What the whole document is: its kind, and whether it names an employer first."""

    kind: str  # private (interview prep, job-search notes) | review | career | resume
    has_job: bool
    last: int = -1  # the id of the document's last node
    work_sections: int = 0  # "## Work" and "## Experience": one of them may be projects
    essay: bool = False  # a 자기소개서: its numbered questions' answers print, STAR or not
    containers: dict[int, bool] = field(default_factory=dict, compare=False)

    def container(self, node: OutlineNode) -> bool:
        """_is_container, once per node (a section of many jobs asks for each job)."""
        if node.id not in self.containers:
            self.containers[node.id] = _is_container(node)
        return self.containers[node.id]


def _assign(node: OutlineNode, parent: OutlineNode | None, doc: Doc) -> None:
    if node.role == "block":
        private = node.block is not None and node.block.private
        goal = node.block is not None and node.block.goal
        if node.block is not None and node.block.left_out:
            _set(node, "omit")  # "위 기재 사항은 사실과 틀림이 없습니다", the date, the signature
        elif private and (parent is None or parent.target != "notes"):
            _set(node, "notes")  # "- 퇴사 사유: …" inside a job: never printed
        elif goal and (parent is None or parent.target in NO_GOALS):
            _set(node, content_target(node))  # "- 목표: …" of a job: a section of its own
        elif node.block and badges_only(node.block) and not (parent and parent.target == "skills"):
            _set(node, "omit")  # shields.io badges outside skills: no text of the résumé
        elif node.block is not None and properties_only(node.block):
            _set(node, "omit")  # Notion's "Created: …", "Tags: …"
        elif parent and parent.target in TEXT_TARGETS and (kind := item_table(node.block)):
            _set(node, kind)  # a table of certificates in "About": items, not text
        elif node.block and parent and node.id == doc.last and pictures_only(node.block):
            badges = all(BADGE.search(src) for src in pictures(node.block))
            _set(node, "omit" if badges else "custom-list")  # not the last item's text
        elif (
            parent is not None
            and parent.role == "title"
            and parent.target == "work"
            and node.block is not None
            and preamble_target(node.block) == "basics"
        ):
            _set(node, "basics")  # "이름 : 홍길동", "연락처 : …" under a 경력기술서's title
        elif parent is None and node.block is not None and doc_line(node.block):
            _set(node, "omit")  # a plain "이력서" line over the document: its title, no text
        elif parent is None or (parent.role == "title" and parent.target in ("basics", "omit")):
            _set(node, preamble_target(node.block) if node.block else "summary")
        else:
            _set(node, parent.target, inherited=True)
        return
    if (node.block is not None and node.block.private) or all_private(node):
        # "## Cover letter (not for the PDF)", a heading over a to-do list: notes, with the
        # notes they are under if they are
        _set(node, "notes", inherited=parent is not None and parent.target == "notes")
        for child in node.children:
            _assign(child, node, doc)
        return
    if node.role == "title":
        _set(node, {"career": "work", "private": "notes"}.get(doc.kind, _title_target(node)))
        for child in node.children:
            _assign(child, node if child.role == "block" or doc.kind != "resume" else None, doc)
        return
    inside = parent is not None and parent.target not in ("basics",)
    inside = inside and (doc.kind == "career" or not doc.container(parent))
    if parent is not None and not inside and doc.container(parent) and parent.target != "basics":
        inside = section_heading(node.label) is None  # "## 성장 과정" under "# 자기 소개"
    if inside and parent is not None:
        own = heading_target(node.label)
        essay = parent.target in ("summary", "custom-text") and not has_word(
            node.label, NOTES_WORDS + PRIVATE_WORDS
        )  # "## 강점" of a self-introduction is its text
        if own == "notes" and parent.target != "notes" and not essay:
            _set(node, "notes")
        elif parent.target == "publications" and citation_lines(_lines(node)):
            _set(node, "omit")  # "### Journal articles": a group's name, its citations items
            for child in node.children:
                _set(child, "publications")
            return
        elif parent.target in NO_GOALS and has_word(node.label, GOAL_WORDS):
            _set(node, content_target(node))  # "#### 2025 목표" under a job: not its text
        elif parent.target == "work" and own == "custom-table":
            _set(node, content_target(node, own))
        else:
            _set(node, parent.target, inherited=True)
    elif doc.container(node):
        _set(node, heading_target(node.label) or "summary")
    elif doc.kind == "private":
        _set(node, "notes")
    else:
        hint = heading_target(node.label)
        if hint == "summary" and _dated_lines(node) >= 2:
            hint = "work"  # "경력 요약" listing jobs with their periods
        if hint == "work" and doc.work_sections > 1 and project_items(node):
            hint = "projects"  # "## Work" of a portfolio beside "## Experience": its projects
        if hint == "projects" and doc.has_job:
            hint = "work-project"
        if hint is None and has_word(node.label, SHIPPED_WORDS) and heading_items(node):
            hint = "projects"  # "## What I shipped" over "### Fraud model (Feb–Aug 2026)"
        if hint is None and has_word(node.label, COMPETENCE_WORDS):
            hint = competence(node)  # "## 보유 역량" over "- **분석**: SQL, Python": skills
        if hint is None and PROJECT_LABEL.match(title_text(node.label)):
            hint = "projects"  # "## Case study: Tally app", "## Project: X": one project
        if hint == "projects" and doc.has_job and not section_heading(node.label):
            hint = "work-project"
        if hint is None and (find_period(node.label)[0] or keyed_period(node)):
            hint = "education" if SCHOOLS.search(node.label) else "work"  # "## 1. 회사 (…)"
        if hint in (None, "work"):  # "Side Work" over | Name | Description | Stack | Link |
            hint = table_target(node, doc.has_job) or hint
        if hint is None and doc.essay and QUESTION_NUMBER.match(title_text(node.label)):
            hint = "custom-text"  # "2. 어려웠던 경험" answered as S/T/A/R: the answer prints
        if hint in (None, "notes", "custom-table", "custom-dated"):
            _set(node, content_target(node, hint))
        elif hint not in ("summary", "basics", "skills", "languages", "interests") and only_table(
            node, hint
        ):
            _set(node, "custom-table")
        else:
            _set(node, hint or "custom-text")
    for child in node.children:
        _assign(child, node, doc)
    shipped = has_word(node.label, SHIPPED_WORDS) and heading_items(node)
    if node.target == "work-project" and shipped:
        _set(node, "omit")  # "## What I shipped" names its projects and is none of them
        for child in node.children:
            _set(child, "work-project")
    if node.target == "custom-text" and numbered_questions(node):
        split_questions(node)  # "## 자기소개서" over "### 1. 성장 과정": one section each


def _dated_lines(node: OutlineNode) -> int:
    """How many lines under a heading hold a period (2018.03 ~ 2020.02)."""
    return sum(1 for line in _lines(node) if find_period(line)[0])


def _title_target(title: OutlineNode) -> str:
    """The profile when the title is a name (or more than the document's kind), else
    nothing to keep: "Unofficial Resume", "Performance - 2021"."""
    if name_in(title.label):
        return "basics"
    if has_word(title.label, DOC_WORDS) and re.search(r"(?:19|20)\d{2}", title.label):
        return "omit"  # "2026년 상반기 … 자기소개서": a dated document's title, no name
    if not only_doc_words(title.label):
        return "basics"
    return "omit"


def assign_targets(
    roots: list[OutlineNode], title: OutlineNode | None, front: dict[str, Any]
) -> list[OutlineNode]:
    """Set every node's target; returns the roots (a 경력기술서's sections are nested
    under its title, the job they describe)."""
    last = max((n.id for root in roots for n in root.walk()), default=-1)
    works = sum(1 for n in roots if n.is_heading and section_heading(n.label) == "work")
    essay = title is not None and has_word(title.label, ESSAY_WORDS)
    doc = Doc(document_kind(title, front, roots), preamble_job(title, roots), last, works, essay)
    if doc.kind in ("career", "private") and title is not None and title in roots:
        # a 경력기술서's sections are its job's; private notes are one section of notes
        at = roots.index(title)
        title.children += roots[at + 1 :]
        roots = roots[: at + 1]
        _relevel(title, title.level)
    roots = adopt_items(roots)
    for node in roots:
        _assign(node, None, doc)
    return roots


def adopt_items(nodes: list[OutlineNode]) -> list[OutlineNode]:
    """A heading "## 경력" with nothing under it, then "## 회사 — 직책" headings at its level:
    the headings are its items, up to the next section heading."""
    out: list[OutlineNode] = []
    owner: OutlineNode | None = None
    for node in nodes:
        node.children = adopt_items(node.children)
        kind = section_heading(node.label) if node.is_heading else None
        if node.is_heading and kind is not None:
            owner = node if not node.children and kind in ITEM_TARGETS else None
            out.append(node)
        elif owner is not None and node.is_heading:
            owner.children.append(node)
            _relevel(node, owner.level + 1)
            owner.last_line = max(owner.last_line, node.last_line)
        elif owner is not None and owner.children:
            owner.children[-1].children.append(node)
            _relevel(owner.children[-1], owner.level + 1)
            owner.last_line = max(owner.last_line, node.last_line)
        else:
            owner = None if node.is_heading else owner
            out.append(node)
    return out


def _relevel(node: OutlineNode, level: int) -> None:
    node.level = level
    for child in node.children:
        _relevel(child, level + 1)
        node.last_line = max(node.last_line, child.last_line)
