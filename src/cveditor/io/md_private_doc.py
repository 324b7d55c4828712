"""Is the whole document private? Interview preparation and job-search notes (an offer
and its negotiation, whether to leave, what to ask for) are told by what they are made
of, not by one heading: a prep note rarely says "interview" in its title ("Onsite prep
– Company"), a negotiation memo speaks of offers, counters, calls with HR and a
conclusion. Such a document is private from its first line to its last: no name, no
job and no printed section is ever made of it.
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
    ("final round", "first round", "second round", "technical round", "panel interview"),
    ("recruiter", "recruiter call", "hiring manager", "리크루터", "헤드헌터", "채용 담당"),
    ("the loop", "interview loop", "loop", "면접 일정", "전형"),
    ("likely question", "likely questions", "expected question", "expected questions"),
    ("예상 질문", "예상질문", "예상 답변", "질문 리스트"),
    ("questions to ask", "questions for them", "역질문"),
    ("stories", "story bank", "stories to reuse", "star", "에피소드"),
    ("situation", "what i did", "상황", "행동"),
    ("angle", "answer", "답변", "talking points"),
    # after the interview: how it went, what they asked, what comes next
    ("debrief", "debriefing", "how it went", "went well", "what went wrong", "복기", "후기"),
    ("they asked", "asked me", "panel", "면접관", "받은 질문", "질문 받은"),
    ("follow-up", "follow up", "thank-you", "thank you note", "next round", "다음 단계"),
)
#: What job-search notes are made of: pay and its parts, an offer and its answer, the
#: calls, the weighing up and the decision, the reasons to leave, what to ask for.
JOB_SEARCH_SIGNS: tuple[tuple[str, ...], ...] = (
    ("pay band", "current comp", "total comp", "comp", "tc", "처우", "연봉", "희망 연봉"),
    ("salary", "compensation", "base", "base pay", "base salary", "기본급", "기본 연봉"),
    ("bonus", "signing", "sign-on", "성과급", "인센티브", "사이닝", "상여"),
    ("equity", "stock", "rsu", "rsus", "vesting", "options", "스톡옵션", "베스팅", "행사가"),
    ("offer", "offers", "first offer", "오퍼", "제시", "1차 제시", "처우 제안", "제안 금액"),
    ("counter", "counteroffer", "counter-offer", "my counter", "카운터", "역제안"),
    ("negotiation", "negotiate", "협상"),
    ("benefits", "perks", "복지", "식대", "수당", "퇴직금", "재택", "remote", "출퇴근", "commute"),
    ("call with", "hr call", "인사팀", "통화", "면담", "recruiter", "리크루터", "헤드헌터"),
    ("pros", "cons", "장단점", "장점", "단점", "비교", "comparison", "vs"),
    ("decision", "conclusion", "verdict", "결론", "결정", "느낌", "impression", "gut feeling"),
    ("leaving", "left because", "why leave", "퇴사", "이직 사유", "이직 이유", "떠나는 이유"),
    ("start date", "notice period", "입사일", "입사 예정일", "퇴사 통보", "인수인계"),
    ("todo", "to-do", "할 일", "next steps", "다음 할 일", "체크리스트", "checklist"),
)
#: Words of a title that make a document job-search notes when its content agrees.
JOB_SEARCH_TITLES = (
    *("처우", "연봉", "협상", "오퍼", "이직 메모", "이직 노트", "이직 고민", "이직 준비"),
    *("구직", "퇴사 메모", "레퍼런스 체크", "negotiation", "offer", "offers", "job hunt"),
    *("job search", "job-hunt", "job-search", "reference check", "comp notes", "salary notes"),
)
#: A title that names the document itself: its notes may speak of pay and still print.
RESUME_TITLES = (
    *("이력서", "지원서", "경력기술서", "경력 기술서", "자기소개서", "포트폴리오"),
    *("resume", "résumé", "curriculum vitae", "cv", "portfolio"),
)
#: The signs a document must show, at least, to be private as a whole.
ENOUGH = 4
#: With a title that says so, fewer of them.
ENOUGH_WITH_TITLE = 2
RESUME_KINDS = frozenset({"work", "education", "skills", "projects"})


def _markers(roots: list[OutlineNode]) -> list[str]:
    """The texts that say what a document is: headings, labels, bold lines, a table's
    head and its first column."""
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
                out.extend(row[0] for row in block.rows[1:] if row)
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


def _signs(text: str, families: tuple[tuple[str, ...], ...]) -> int:
    return sum(1 for sign in families if has_word(text, sign))


def names_resume(title: OutlineNode | None) -> bool:
    """A title that names a résumé, a 경력기술서 or a 자기소개서 ("이직용 이력서", "자기소개서 —
    쿠팡 지원") and no preparation for an interview: the document itself, whatever pay
    or STAR lines it holds."""
    if title is None or not has_word(title.label, RESUME_TITLES):
        return False
    return not has_word(title.label, INTERVIEW_SIGNS[0] + INTERVIEW_SIGNS[1])


def is_private_document(
    title: OutlineNode | None, roots: list[OutlineNode], resume_kinds: set[str | None]
) -> bool:
    """Interview preparation or job-search notes: enough of their signs (fewer under a
    title that names such notes, and not a résumé's own: "이직용 이력서"), and not a
    résumé's sections (job-search notes none at all: a career note's jobs with their
    pay are a résumé with private lines)."""
    resume = resume_kinds & RESUME_KINDS
    if len(resume) >= 2 or names_resume(title):
        return False
    text = " | ".join(_markers(roots))
    if _signs(text, INTERVIEW_SIGNS) >= ENOUGH:
        return True
    if resume:
        return False  # jobs with their pay and reasons to leave: those lines only
    if _signs(text, JOB_SEARCH_SIGNS) >= ENOUGH:
        return True
    if title is None:
        return False
    body = " | ".join(_markers(title.children) + _markers([r for r in roots if r is not title]))
    return has_word(title.label, JOB_SEARCH_TITLES) and _signs(body, JOB_SEARCH_SIGNS) >= (
        ENOUGH_WITH_TITLE  # the title says what it is; the lines under it must agree
    )
