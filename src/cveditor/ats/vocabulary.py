"""The words and patterns an ATS parser knows: section headings in English and Korean,
contact labels, and the shapes of an e-mail, a phone number, a web address, a place
and a period of dates."""

from __future__ import annotations

import re

from ..model.layout import SECTION_TITLES

#: Heading phrases by section kind; a heading line is made of these words only.
HEADINGS: dict[str, tuple[str, ...]] = {
    "work": (
        "experience",
        "work experience",
        "professional experience",
        "work history",
        "employment",
        "employment history",
        "career",
        "work",
        "경력",
        "경력 사항",
        "경력사항",
        "직장 경력",
        "주요 경력",
        "경력 기술서",
    ),
    "education": ("education", "academic background", "학력", "학력 사항", "학력사항"),
    "skills": (
        "skills",
        "technical skills",
        "skills and tools",
        "tech stack",
        "기술",
        "보유 기술",
        "기술 스택",
        "기술스택",
        "역량",
    ),
    "projects": ("projects", "personal projects", "side projects", "프로젝트", "주요 프로젝트"),
    "awards": ("awards", "honors", "awards and honors", "수상", "수상 경력", "수상 내역"),
    "certificates": (
        "certificates",
        "certifications",
        "licenses",
        "licenses and certifications",
        "자격증",
        "자격",
        "자격 사항",
    ),
    "summary": ("summary", "profile", "about", "about me", "자기소개", "요약", "소개"),
    "publications": ("publications", "논문 및 출판", "논문", "출판"),
    "volunteer": ("volunteering", "volunteer", "봉사 활동", "봉사"),
    "languages": ("languages", "어학", "외국어"),
    "interests": ("interests", "관심 분야"),
    "references": ("references", "추천인"),
    "contact": ("contact", "연락처"),
}

#: Words that may join two heading phrases ("Awards and Honors", "논문 및 출판").
JOINERS = ("and", "&", "및")

#: Labels printed before a contact item (a form's cells, "E-mail:").
CONTACT_LABELS = {
    "email",
    "e-mail",
    "mail",
    "이메일",
    "phone",
    "mobile",
    "tel",
    "연락처",
    "전화",
    "휴대폰",
    "web",
    "website",
    "homepage",
    "홈페이지",
    "address",
    "location",
    "주소",
    "profiles",
    "profile",
    "프로필",
    "position",
    "지원 분야",
    "name",
    "이름",
    "성명",
}
PLACE_LABELS = {"address", "location", "주소", "거주지"}

EMAIL = re.compile(r"\S+@\S+\.\S+")
PHONE = re.compile(r"\+?[\d\s().-]{7,}")
URL = re.compile(r"(?:https?://)?(?:[\w-]+\.)+[A-Za-z]{2,}(?:/\S*)?", re.IGNORECASE)
PLACE = re.compile(r"[^\d@/:|·]+,\s*[^\d@/:|·]+")
#: A separator between contact items, with its spaces.
#: What splits a line's item again: "·", "|", "•" with a space on either side or at the
#: item's edge (a separator whose spaces are wider than a character is read as its own
#: item, or glued to the item before it: "a@b.kr ·"), a dash between spaces.
SEPARATOR = re.compile(r"(?:\s+|^)[·|•](?:\s+|$)|\s+[-–—]\s+")
BULLETS = "•◦▪‣·-–*"
#: Decoration glyphs a heading must not carry as text (design.md §4 trap 20).
DECORATION = re.compile(r"[\u25A0-\u25FF\u2600-\u27BF\u2B00-\u2BFF\u2190-\u21FF※★☆▶►◆◇●○■□]")

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+(?:\d{{1,2}},\s*)?\d{{4}}|\d{{4}}(?:\s*[.\-/]\s*\d{{1,2}}){{0,2}}\.?)"
_END = rf"(?:{_DATE}|present|current|now|현재|재직\s*중|진행\s*중)"
_LENGTH = r"\d+\s*(?:yrs?|mos?|years?|months?|년|개월)?"
#: A period: "Mar 2021 – Present", "2021.03 ~ 현재", a single date; an optional duration.
PERIOD = re.compile(
    rf"(?P<start>{_DATE})(?:\s*(?:~|–|—|-|to)\s*(?P<end>{_END}))?"
    rf"(?:\s*\((?P<length>{_LENGTH}(?:\s*{_LENGTH})?)\)?)?",
    re.IGNORECASE,
)
MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


def normal(text: str) -> str:
    """Casefolded words without punctuation: how headings and names are compared."""
    text = re.sub(r"[()\[\]{}:：/|·,.\-–—_]", " ", text.casefold())
    return " ".join(text.split())


def _phrases() -> dict[str, str]:
    phrases = {normal(p): kind for kind, words in HEADINGS.items() for p in words}
    for titles in SECTION_TITLES.values():  # the titles our own themes print
        for kind, title in titles.items():
            phrases.setdefault(normal(title), kind)
    return phrases


PHRASES = _phrases()
_LONGEST = max(len(p.split()) for p in PHRASES)


def heading_kind(text: str) -> str | None:
    """The section a heading line names when it is made of heading words only ("경력",
    "EXPERIENCE", "경력 (Experience)", "Awards and Honors"), else None."""
    words = normal(text).split()
    if not words or len(words) > 8:
        return None
    kinds: list[str] = []
    i = 0
    while i < len(words):
        if words[i] in JOINERS and kinds:
            i += 1
            continue
        for n in range(min(_LONGEST, len(words) - i), 0, -1):
            kind = PHRASES.get(" ".join(words[i : i + n]))
            if kind is not None:
                kinds.append(kind)
                i += n
                break
        else:
            return None
    return kinds[0] if kinds else None


def find_period(text: str) -> re.Match[str] | None:
    """The first period of dates in ``text`` (a range, or a single date that is not a
    bare number inside other words)."""
    for match in PERIOD.finditer(text):
        if match.group("end") or not re.fullmatch(r"\d{4}", match.group("start")):
            return match
        if text.strip() == match.group(0).strip():
            return match
    return None


def iso_date(text: str | None) -> str | None:
    """ "Mar 2021" / "2021.03" / "2021" → "2021-03" / "2021"; "Present" → None."""
    if not text:
        return None
    text = text.strip().casefold()
    match = re.match(rf"({_MONTH})\s+(?:(\d{{1,2}}),\s*)?(\d{{4}})", text)
    if match:
        month = MONTHS.get(match.group(1)[:3])
        day = f"-{int(match.group(2)):02d}" if match.group(2) else ""
        return f"{match.group(3)}-{month:02d}{day}"
    numbers = re.findall(r"\d+", text)
    if not numbers or len(numbers[0]) != 4:
        return None
    parts = [numbers[0]] + [f"{int(n):02d}" for n in numbers[1:3]]
    return "-".join(parts)
