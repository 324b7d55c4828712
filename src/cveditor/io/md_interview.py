"""Is the whole document interview preparation? Told by what it is made of, not by one
heading: a prep note rarely says "interview" in its title ("Onsite prep – Company"),
but its headings, labels and table headers speak of recruiters, loops, stories to reuse
and likely questions. Such a document is private from its first line to its last: no
name, no job and no printed section is ever made of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .md_blocks import flatten
from .md_vocabulary import KEY_LINE, has_word

if TYPE_CHECKING:
    from .md_outline import OutlineNode

#: What interview preparation is made of; each sign counts once, wherever it is seen.
INTERVIEW_SIGNS: tuple[tuple[str, ...], ...] = (
    ("interview", "interviews", "면접"),
    ("prep", "preparation", "준비"),
    ("onsite", "on-site", "phone screen", "screening call", "1차", "2차", "최종 면접"),
    ("recruiter", "recruiter call", "hiring manager", "리크루터", "헤드헌터", "채용 담당"),
    ("the loop", "interview loop", "loop", "면접 일정", "전형"),
    ("likely question", "likely questions", "expected question", "expected questions"),
    ("예상 질문", "예상질문", "예상 답변", "질문 리스트"),
    ("questions to ask", "questions for them", "역질문"),
    ("stories", "story bank", "stories to reuse", "star", "에피소드"),
    ("situation", "what i did", "상황", "행동"),
    ("pay band", "current comp", "total comp", "comp", "처우", "연봉 협상", "희망 연봉"),
    ("angle", "answer", "답변", "talking points"),
)
#: The signs a document must show, at least, to be interview preparation.
ENOUGH = 4


def _markers(roots: list[OutlineNode]) -> list[str]:
    """The texts that say what a document is: headings, labels, bold lines, table heads."""
    out: list[str] = []
    for root in roots:
        for node in root.walk():
            block = node.block
            if block is None:
                continue
            if block.kind == "heading":
                out.append(node.label)
            elif block.kind == "table" and block.rows:
                out.extend(block.rows[0])
            elif block.kind in ("paragraph", "bullets"):
                lines = block.text.split("\n") if block.kind == "paragraph" else []
                lines += flatten(block.bullets)
                for line in lines:
                    match = KEY_LINE.match(line)
                    if match:
                        out.append(match.group(1))
                    elif line.startswith(("**", "__")):
                        out.append(line)
    return out


def interview_signs(roots: list[OutlineNode]) -> int:
    """How many different signs of interview preparation the document shows."""
    text = " | ".join(_markers(roots))
    return sum(1 for sign in INTERVIEW_SIGNS if has_word(text, sign))


def is_interview_prep(roots: list[OutlineNode], resume_kinds: set[str | None]) -> bool:
    """Interview preparation: enough of its signs, and not a résumé's sections."""
    resume = resume_kinds & {"work", "education", "skills", "projects"}
    return interview_signs(roots) >= ENOUGH and len(resume) < 2
