"""Heading words that say more than a section's name: informal whole headings ("## stack"),
wishes ("희망 근무"), what one can do ("핵심 역량"), what a review says was done ("What I
shipped"), a letter sent with the résumé. Data only: md_vocabulary and md_classify read
them."""

from __future__ import annotations

import re

#: Informal one-word headings of personal notes, matched only as the whole heading
#: ("## history" is the jobs, "## Education History" is not).
WHOLE_HEADINGS = {
    **dict.fromkeys(("history", "이력", "where i've worked", "where i have worked"), "work"),
    **dict.fromkeys(("stack", "my stack", "tech", "tooling", "my tools", "스택"), "skills"),
    **dict.fromkeys(("software", "programs", "applications", "software & tools"), "skills"),
    **dict.fromkeys(("pitch", "elevator pitch", "blurb", "tl;dr", "tldr", "in short"), "summary"),
    **dict.fromkeys(("한 줄 소개", "한줄 소개", "한줄소개"), "summary"),
}
#: Words that turn a section word into a wish ("희망 근무", "Desired position"): what
#: the author asks for, never their jobs.
WISH_WORDS = re.compile(r"^(?:희망|지원\s*(?:분야|직무|부서)|desired|preferred|target)\b", re.I)
#: Headings of what one can do: skills when their lines are "area: a, b, c" lists, a
#: section of text when they are sentences ("핵심 역량" of a self-introduction).
COMPETENCE_WORDS = (
    *("역량", "보유 역량", "핵심 역량", "핵심역량", "직무 역량", "전문 분야", "competencies"),
    *("core competencies", "capabilities", "expertise", "areas of expertise"),
)
#: Headings of what a review says was done: projects when their items are headings.
SHIPPED_WORDS = (
    *("what i shipped", "shipped", "what i delivered", "delivered", "accomplishments"),
    *("key contributions", "contributions", "highlights of the year", "this year"),
    *("주요 성과", "올해 한 일", "주요 업무", "수행 업무", "한 일"),
)
#: A letter sent with the résumé: a section of text of its own, never the name.
LETTER_WORDS = (
    *("cover letter", "covering letter", "motivation letter", "letter of motivation"),
    *("커버레터", "커버 레터", "lettre de motivation", "anschreiben"),
)
