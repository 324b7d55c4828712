"""The plan of a Markdown import: the source's outline, and where each part goes.

The review step (File ▸ Import…) shows the outline beside the targets; the user may
change a target, and ``build`` makes the résumé from the targets as they are then.
``markdown_to_resume`` is ``plan_markdown(text).build()``, so the command line and the
dialog import the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model.layout import SECTION_TITLES, STANDARD_SECTIONS
from ..model.resume import Resume
from .md_blocks import parse_blocks
from .md_build import ResumeBuilder
from .md_classify import assign_targets
from .md_dialects import read_dialects
from .md_front import split_front_matter
from .md_hygiene import clean_markdown, local_links_to_text
from .md_outline import OutlineNode, build_outline
from .md_profile import contact_piece
from .md_vocabulary import CONTACT_KEYS, key_kind
from .native import resume_from_data

#: Each target as the review step names it; a standard section by its English title.
TARGET_LABELS: dict[str, str] = {
    "basics": "Profile (name, contact details)",
    "summary": SECTION_TITLES["en"]["summary"],
    "work": "Experience: a job",
    "work-project": "Experience: a project of the job above",
    **{sid: SECTION_TITLES["en"][sid] for sid in STANDARD_SECTIONS if sid != "work"},
    "custom-list": "A custom section: list",
    "custom-dated": "A custom section: dated list",
    "custom-table": "A custom section: table",
    "custom-text": "A custom section: text",
    "notes": "Private notes (never printed)",
    "omit": "Leave out",
}
TARGETS: tuple[str, ...] = tuple(TARGET_LABELS)

__all__ = ["TARGETS", "TARGET_LABELS", "ImportPlan", "OutlineNode", "plan_markdown"]


@dataclass
class ImportPlan:
    """An outline whose targets the user may change, and the résumé they make."""

    source: str  # file name for messages
    outline: list[OutlineNode]
    front: dict[str, Any] = field(default_factory=dict, repr=False)
    korean: bool = field(default=False, repr=False)

    def nodes(self) -> list[OutlineNode]:
        """Every node, depth first (source order)."""
        return [n for root in self.outline for n in root.walk()]

    def node(self, node_id: int) -> OutlineNode:
        for node in self.nodes():
            if node.id == node_id:
                return node
        raise KeyError(f"no outline node {node_id}")

    def retarget(self, node_id: int, target: str) -> None:
        """Send a node elsewhere; its children follow unless they have their own
        (non-inherited) target."""
        if target not in TARGETS:
            raise ValueError(f"{target!r} is not an import target")
        node = self.node(node_id)
        parent = self.parent(node_id)
        # set back to what it followed: it follows again (a job stays among its jobs)
        follows = (
            node.auto_inherited
            and parent is not None
            and target == parent.target == node.auto_target
        )
        node.target, node.inherited = target, follows
        _follow(node)

    def parent(self, node_id: int) -> OutlineNode | None:
        """The node a node sits under (None at the top)."""
        for node in self.nodes():
            if any(child.id == node_id for child in node.children):
                return node
        return None

    def build(self) -> Resume:
        """A new résumé from the current targets."""
        builder = ResumeBuilder()
        for root in self.outline:
            builder.place(root)
        data = builder.finish()
        basics = data["basics"]
        for key in ("name", "author"):
            if not basics.get("name") and isinstance(self.front.get(key), str):
                basics["name"] = self.front[key].strip()
        if not basics.get("name") and builder.profile.greeting:
            basics["name"] = builder.profile.greeting  # "안녕하세요, … 한지민입니다"
        for key, value in self.front.items():  # email:, phone:, github: of the page
            kind = key_kind(str(key))
            if kind in CONTACT_KEYS and isinstance(value, str) and value.strip():
                contact_piece(basics, value.strip(), kind)
        extras = data.setdefault("x-cveditor", {})
        if self.korean:
            extras.setdefault("layout", {})["locale"] = "ko"
        return resume_from_data(data, self.source)


def _follow(node: OutlineNode) -> None:
    """The children that follow their parent take its target — but for lines the
    importer found private ("퇴사 사유: …", a memo to oneself): sending their section to
    print never prints them; only choosing them by themselves does."""
    for child in node.children:
        private = child.block is not None and child.block.private
        if private and child.auto_inherited and child.target == "notes":
            child.inherited = node.target == "notes"  # with its notes, or notes of its own
            continue
        if child.inherited:
            child.target = node.target
            _follow(child)


def plan_markdown(text: str, source: str = "<markdown>") -> ImportPlan:
    """Read a Markdown document into an outline with the importer's targets; raises
    ResumeFileError (with a line) for front matter it refuses."""
    front, body, offset = split_front_matter(text.replace("\r\n", "\n"), source)
    body, left_out = read_dialects(body)
    body = local_links_to_text(clean_markdown(body))
    roots, title = build_outline(parse_blocks(body), offset, left_out)
    roots = assign_targets(roots, title, front)
    return ImportPlan(source, roots, front, bool(re.search("[\uac00-\ud7a3]", body)))
