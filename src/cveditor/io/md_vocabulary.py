"""The words of Markdown résumés: section headings and "key : value" labels in English
and Korean, and the patterns for contacts and dates (used by markdown_import)."""

from __future__ import annotations

import re

from ..model.dates import DateParseError, parse_period

# --- what headings and keys mean --------------------------------------------------------

SECTION_WORDS: dict[str, tuple[str, ...]] = {
    "work": (
        "experience",
        "work",
        "employment",
        "career",
        "professional",
        "경력",
        "직장",
        "업무",
        "재직",
        "경력사항",
        "경력기술서",
    ),
    "education": ("education", "학력", "학위", "academic", "교육", "학교"),
    "skills": ("skill", "skills", "기술", "스킬", "tech stack", "기술스택", "보유 기술", "역량"),
    "projects": ("project", "projects", "프로젝트", "side project", "포트폴리오", "portfolio"),
    "awards": ("award", "awards", "honor", "honors", "수상", "상훈"),
    "publications": (
        "publication",
        "publications",
        "paper",
        "papers",
        "patent",
        "patents",
        "논문",
        "특허",
        "출판",
        "저서",
    ),
    "certificates": (
        "certificate",
        "certificates",
        "certification",
        "certifications",
        "license",
        "licenses",
        "자격",
        "자격증",
    ),
    "languages": ("language", "languages", "어학", "외국어"),
    "interests": ("interest", "interests", "hobby", "hobbies", "관심", "취미"),
    "volunteer": ("volunteer", "volunteering", "봉사"),
    "references": ("reference", "references", "추천인"),
    "summary": ("about", "summary", "profile", "introduction", "소개", "자기소개", "요약"),
    "contact": ("contact", "연락처", "contacts"),
}

KEY_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("프로젝트 명", "프로젝트명", "project", "project name", "과제명"),
    "officialName": (
        "공식 과제 명",
        "공식 과제명",
        "공식과제명",
        "official name",
        "client",
        "고객사",
    ),
    "period": ("수행 기간", "수행기간", "기간", "period", "duration", "date", "dates", "일자"),
    "techStack": (
        "사용 기술 스택",
        "사용 기술",
        "기술 스택",
        "기술스택",
        "tech stack",
        "stack",
        "technologies",
        "skills",
        "사용기술",
    ),
    "summary": (
        "세부 사항",
        "세부사항",
        "상세",
        "details",
        "description",
        "내용",
        "설명",
        "summary",
    ),
    "team": ("팀 구성", "팀구성", "team", "team size", "인원"),
    "role": ("역할", "role", "담당", "담당 업무", "position"),
    "email": ("email", "e-mail", "mail", "이메일", "메일"),
    "phone": ("phone", "mobile", "tel", "cell", "전화", "휴대폰", "연락처", "핸드폰"),
    "url": ("homepage", "website", "web", "blog", "블로그", "홈페이지", "site"),
    "github": ("github", "깃허브"),
    "linkedin": ("linkedin", "링크드인"),
    "location": ("address", "location", "주소", "거주지"),
}

KEY_LINE = re.compile(
    r"^\s*(?:\*\*)?([^:：*\[\]<>/]{1,30}?)(?:\*\*)?\s*[:：](?!//)\s*(?:\*\*)?\s*(.*)$"
)
KRAMDOWN_ATTRS = re.compile(r"\{:[^}]*\}")
EMOJI = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]")
TAG = re.compile(r"<[^>]+>")
IMG_SRC = re.compile(r"<img[^>]*\ssrc=[\"']([^\"']+)[\"']", re.IGNORECASE)
MD_IMG = re.compile(r"!\[[^\]]*\]\(([^)\s]+)[^)]*\)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"\+?\d[\d\s().-]{7,}\d")
URL = re.compile(r"https?://[^\s)>\]]+")
DATE_RANGE = re.compile(
    r"(\d{4}\s*[.\-/년]\s*\d{0,2}\s*[.월]?\s*(?:\d{1,2}\s*[.일]?)?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}"
    r"|(?<!\d)\d{4}(?!\d))"
    r"\s*(?:~|–|—|-|to)\s*"
    r"(\d{4}\s*[.\-/년]\s*\d{0,2}\s*[.월]?\s*(?:\d{1,2}\s*[.일]?)?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}"
    r"|(?<!\d)\d{4}(?!\d)"
    r"|present|current|now|현재|재직\s*중|진행\s*중)?",
    re.IGNORECASE,
)
SINGLE_DATE_FIELD = {"awards": "date", "certificates": "date", "publications": "releaseDate"}
SINGLE_DATE = re.compile(r"^\[?\s*(\d{4}(?:\s*[.\-/]\s*\d{1,2}){0,2}\.?)\s*\]?\s*(.*)$")


def plain(text: str) -> str:
    """Heading or key text without Markdown marks, emoji and HTML, for matching."""
    text = KRAMDOWN_ATTRS.sub("", TAG.sub("", text))
    text = EMOJI.sub("", text)
    text = re.sub(r"[*_`#>\[\]()]", "", text)
    return " ".join(text.split()).strip(" :：-–—|·")


def title_text(text: str) -> str:
    """A heading as text to keep: marks, emoji and tags gone, brackets and words kept."""
    text = KRAMDOWN_ATTRS.sub("", TAG.sub("", text))
    text = EMOJI.sub("", text)
    text = re.sub(r"\*\*|__|`|~~|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|\s#+\s*$", "", text)
    return " ".join(text.split()).strip()


def section_kind(title: str) -> str | None:
    words = plain(title).lower()
    compact = words.replace(" ", "")
    for kind, names in SECTION_WORDS.items():
        for name in names:
            if name in words or name.replace(" ", "") in compact:
                return kind
    return None


def key_kind(key: str) -> str | None:
    key = plain(key).lower()
    for kind, names in KEY_ALIASES.items():
        if key in names or key.replace(" ", "") in {n.replace(" ", "") for n in names}:
            return kind
    return None


def find_period(text: str) -> tuple[str | None, str | None, str]:
    """(start, end, text without the period) if the text holds a date range."""
    for match in DATE_RANGE.finditer(text):
        if not match.group(2) and not re.search(r"~|–|—|\bto\b", match.group(0)):
            continue
        try:
            start, end = parse_period(f"{match.group(1)} ~ {match.group(2) or 'present'}")
        except DateParseError:
            continue
        rest = (text[: match.start()] + text[match.end() :]).strip()
        rest = re.sub(r"\(\s*\)|\[\s*\]", "", rest).strip(" ,|·-–—()[]")
        return start.iso(), end.iso() if end else None, rest
    return None, None, text
