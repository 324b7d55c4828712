"""The words of Markdown résumés: section headings and "key : value" labels in English
and Korean, and the patterns for contacts and dates (used by markdown_import)."""

from __future__ import annotations

import re
from functools import cache

from .md_heading_words import WHOLE_HEADINGS, WISH_WORDS
from .md_keys import KEY_ALIASES

# --- what headings and keys mean --------------------------------------------------------

SECTION_WORDS: dict[str, tuple[str, ...]] = {
    "work": (
        "experience",
        "work",
        "employment",
        "career",
        "appointments",
        "positions",
        "jobs",
        "roles",
        "work history",
        *("job history", "career history", "employment history", "professional history"),
        "경력",
        "직장",
        "재직",
        "경력사항",
        "경력기술서",
        "직무 경험",
        "근무",
    ),
    "education": ("education", "학력", "학위", "academic background", "교육", "학교", "학업"),
    "skills": (
        "skill",
        "skills",
        "기술",
        "스킬",
        "tech stack",
        "technologies",
        "기술스택",
        "보유 기술",
        "보유기술",
        "toolbox",
        *("tools", "툴", "사용 툴", "도구"),
        *("사용 프로그램", "사용프로그램", "컴퓨터 활용", "컴퓨터활용", "oa 능력", "활용 프로그램"),
    ),
    "projects": (
        "project",
        "projects",
        "프로젝트",
        *("과제", "주요 과제", "수행 과제"),
        "side project",
        "포트폴리오",
        "portfolio",
        "open source",
        "오픈소스",
        "오픈 소스",
    ),
    "awards": ("award", "awards", "honor", "honors", "수상", "상훈", "수상 경력"),
    "publications": (
        "publication",
        "publications",
        "paper",
        "papers",
        "논문",
        "출판",
        "저서",
        "발표 논문",
        "featured",  # LinkedIn's articles and posts
        "articles",
    ),
    "certificates": (
        "certificate",
        "certificates",
        "certification",
        "certifications",
        "license",
        "licenses",
        "licensure",
        *("credential", "credentials", "teaching credential", "teaching license"),
        "자격",
        "자격증",
        "면허",
        "면허증",
    ),
    "languages": (
        *("language", "languages", "language skills", "language proficiency", "어학", "외국어"),
        *("어학 능력", "외국어 능력", "어학 성적", "어학 점수"),
    ),
    "interests": (
        *("interest", "interests", "hobby", "hobbies", "관심", "취미", "관심사", "연구 분야"),
    ),
    "volunteer": ("volunteer", "volunteering", "봉사"),
    "references": ("reference", "references", "추천인"),
    "summary": (
        "about",
        "about me",
        "summary",
        "profile",
        "introduction",
        "소개",
        "자기소개",
        "요약",
        "overview",
    ),
    "contact": (
        "contact",
        "연락처",
        "contacts",
        "인적 사항",
        "인적사항",
        "personal information",
        "personal details",
        "reach me",
        "get in touch",
        "find me",
        "connect with me",
    ),
}
#: What may follow a Korean section word in one token: 경력사항, 수상내역, 기술스택.
KO_SUFFIXES = frozenset(
    {
        "",
        "사항",
        "내역",
        "경험",
        "활동",
        "이력",
        "수행",
        "스택",
        "요약",
        "및",
        "정보",
        "분야",
        "상세",
        "목록",
    }
)
#: Headings longer than this are items, not sections.
SECTION_MAX_CHARS = 40

#: Words of a role: a short line holding one is the person's headline.
ROLE_WORDS = re.compile(
    r"(?<![a-z])(engineer|developer|designer|programmer|manager|researcher|scientist|analyst"
    r"|architect|consultant|marketer|lead|director|administrator|tester|specialist|sre|worker"
    r"|devops|fellow|professor|lecturer|postdoc|intern|assistant|associate|officer"
    # care, teaching, finance, trades, service and writing work: by class, not one by one
    r"|nurse|midwife|dietitian|nutritionist|pharmacist|physician|surgeon|dentist|hygienist"
    r"|paramedic|caregiver|(?:physio)?therapist|veterinarian|teacher|tutor|instructor|coach"
    r"|trainer|mentor|facilitator|technician|technologist|mechanic|electrician|accountant"
    r"|auditor|bookkeeper|economist|statistician|trainee|apprentice|coordinator|supervisor"
    r"|(?:copy)?writer|journalist|reporter|photographer|illustrator|animator|librarian|curator"
    r"|clerk|cashier|receptionist|secretary|barista|representative|advisor|adviser"
    r"|counsell?or|recruiter|organi[sz]er|strategist|inspector|paralegal|lawyer|attorney"
    r"|solicitor|founder|owner|president|ceo|cto|cfo|vp|head(?= of ))s?(?![a-z])"
    r"|(엔지니어|개발자|디자이너|마케터|연구원|기획자|관리자|리드|컨설턴트"
    r"|퍼블리셔|아키텍트|분석가|과학자|인턴|교수|팀장|실장|(?<![A-Za-z])(?:PM|PO)(?![A-Za-z])"
    # -사 professions, -원/-관/-직 posts, ranks (whole words: "의사결정", "과장된" are none)
    r"|간호(?:조무)?사|영양사|회계사|세무사|노무사|변리사|변호사|법무사|관세사|건축사|(?<!요)약사"
    r"|[가-힣]{0,3}치료사|방사선사|임상병리사|치위생사|조리사|요리사|제빵사|미용사|상담사|통역사"
    r"|번역가|사회복지사|요양보호사|보육교사|교사|강사|작가|기자(?!재)|에디터|바리스타|셰프|사서(?!함)"
    r"|큐레이터|매니저|코디네이터|트레이너|튜터|멘토|코치|담당자|책임자|리더(?!십)|대표이사"
    r"|(?:사|사무|상담|공무|승무|판매|은행|회사)원(?![가-힣])|경찰관|소방관|외교관|교도관"
    r"|감독관|사무관|주무관|조사관|행정관|교관|(?:사무|생산|연구|기술|영업|관리|전문|판매|서비스)직"
    r"|(?<![가-힣])의사(?![가-힣])|(?:본부|센터|파트|그룹|부|차|과)장(?![가-힣])|(?:대리|주임)(?![가-힣]))",
    re.IGNORECASE,
)
#: Korea's cities and provinces by their short names, as addresses begin.
KOREAN_REGIONS = (
    "서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주"
)
#: A place on a contact line: "서울 성동구", "경기 성남시", "Lisbon, Portugal", "Toronto, ON".
LOCATION = re.compile(
    rf"^(?:(?:{KOREAN_REGIONS})"
    r"[가-힣]*(?:\s+[가-힣]+[시군구동읍면])*"
    r"|[A-Z][a-zA-Z.\- ]+,\s*(?:[A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)*)"
    r"|[A-Z][a-z]+\s*/\s*remote|remote)$"
)
_LABEL = r"[^:：*_\[\]<>/]{1,30}?"
KEY_LINE = re.compile(  # one label: bilingual "역할 / Role:", or two words "직급/직책:"
    rf"^\s*(?:[*_]{{1,2}})?({_LABEL}(?: / {_LABEL}|(?<=[^\W\d_])/(?=[^\W\d_]){_LABEL})?)"
    r"(?:[*_]{1,2})?\s*[:：](?!//)\s*(?:[*_]{1,2}(?=\s|$))?\s*(.*)$"
)
KRAMDOWN_ATTRS = re.compile(r"\{:[^}\n]*\}")
#: Pictures among words; ★ and ☆ only as decoration standing apart ("경력 ★"), never
#: in running text ("(1.2k★)", "★ 340"); ratings ("SQL ★★★★☆") are read before.
EMOJI = re.compile(
    r"[\U0001F000-\U0001FAFF\u2600-\u2604\u2607-\u27BF\uFE0F]|(?<![\w(])[★☆]+(?![\w)]|\s*\d)"
)
TAG = re.compile(r"<[^>]+>")
#: Pictures that are no photo of the person: badges, statistics cards, counters.
BADGE = re.compile(r"shields\.io|badge|readme-stats|vercel\.app|visitor|hits|\.svg\b", re.I)
IMG_SRC = re.compile(r"<img[^>]*\ssrc=[\"']([^\"']+)[\"']", re.IGNORECASE)
MD_IMG = re.compile(r"!\[[^\]]*\]\(([^)\s]+)[^)]*\)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"\+?\(?\d[\d\s().-]{7,}\d")
URL = re.compile(r"https?://[^\s)>\]]+")
#: A mark some write before a line instead of a list's bullet: "■ 회사 (2018 ~ 2020)".
GLYPH = re.compile(r"^\s*[■□●○◆◇▶▷►•◦※▪▫◎★☆✔✓➤➢]+\s*")


def plain(text: str) -> str:
    """Heading or key text without Markdown marks, emoji and HTML, for matching."""
    text = GLYPH.sub("", KRAMDOWN_ATTRS.sub("", TAG.sub("", text)))
    text = EMOJI.sub("", text)
    text = re.sub(r"[*_`#>\[\]()]", "", text)
    return unspaced(" ".join(text.split()).strip(" :：-–—|·"))


def title_text(text: str) -> str:
    """A heading as text to keep: marks, emoji and tags gone, brackets and words kept."""
    text = GLYPH.sub("", KRAMDOWN_ATTRS.sub("", TAG.sub("", text)))
    text = EMOJI.sub("", text)
    text = re.sub(r"\*\*|__|`|~~|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|\s#+\s*$", "", text)
    return unspaced(" ".join(text.split()).strip())


def unspaced(text: str) -> str:
    """Hangul spaced out letter by letter, as forms print it ("이 력 서", "성 명"): one word."""
    words = text.split(" ")
    if len(words) > 1 and all(len(w) == 1 and "가" <= w <= "힣" for w in words):
        joined = "".join(words)  # two letters are often two words ("할 일"): a label's only
        if len(words) > 2 or section_kind(joined) or key_kind(joined):
            return joined
    return text


#: A section word followed by an item's number and name ("프로젝트 ② 처방전 개편").
NUMBERED_LABEL = re.compile(
    r"^\S+\s*(?:[\u2460-\u2473\u2776-\u277f]|#\d{1,2}|\d{1,2}[.)])\s*[-–—:]?\s*\S"
)


@cache
def section_kind(title: str) -> str | None:
    """The standard section a heading names ("경력 사항", "Work Experience", "기술
    스택", "Education 학력"), or None; an item's heading ("서울대학교 …", "Network
    Engineer") names none. English words count whole, the last one deciding ("Professional
    Summary" is a summary); a Korean word counts as a whole token or with a suffix such
    as 사항, 내역."""
    text = plain(title).lower()
    if text in WHOLE_HEADINGS:
        return WHOLE_HEADINGS[text]
    if not text or len(text) > SECTION_MAX_CHARS or re.search(r"\d{4}", text):
        return None  # long, or dated: an item's heading
    if WISH_WORDS.match(text):
        return None  # "희망 근무": a wish of the author's, not a section of jobs
    if re.search(r"[:：]\s*\S", text):
        return None  # "Project: Workflow Builder": an item named after a colon
    if NUMBERED_LABEL.match(title_text(title)):
        return None  # "프로젝트 ① 비대면 진료", "project #2 billing": one item, numbered
    tokens = [t for t in re.split(r"[\s/·|&,()\[\]+:-]+", text) if t]
    if len(tokens) > 6:
        return None
    korean_head = _korean_head(text, tokens)
    best: tuple[int, str] | None = None
    for kind, names in SECTION_WORDS.items():
        for name in names:
            if re.search(r"[a-z]", name):
                for match in re.finditer(rf"(?<![a-z]){re.escape(name)}(?![a-z])", text):
                    if best is None or match.start() > best[0]:
                        best = (match.start(), kind)
                continue
            word = name.replace(" ", "")
            candidates = [*tokens, text.replace(" ", "")]
            if korean_head is not None:  # "교육 이수", "기술 블로그": the last word decides
                whole = text.replace(" ", "")
                head = korean_head.startswith(word) and korean_head[len(word) :] in KO_SUFFIXES
                if not head and not (" " in name and whole.endswith(word)):
                    continue
            if any(t.startswith(word) and t[len(word) :] in KO_SUFFIXES for t in candidates):
                at = text.find(name.split()[0])
                if best is None or at > best[0]:
                    best = (max(at, 0), kind)
    if best and best[1] == "languages" and _names_certificates(tokens):
        return "certificates"  # "자격증 / 어학", "Certifications & Languages": tests too
    return best[1] if best else None


def _names_certificates(tokens: list[str]) -> bool:
    words = {w.replace(" ", "") for w in SECTION_WORDS["certificates"]}
    return any(t in words or t.rstrip("증") in words for t in tokens)


def _korean_head(text: str, tokens: list[str]) -> str | None:
    """The head noun of a Korean heading of several words (its last word that is no
    suffix such as 사항), when it is Korean; None for one word or an English head."""
    words = [t for t in tokens if t not in KO_SUFFIXES]
    if len(words) < 2 or not re.fullmatch(r"[가-힣 ]+", text):
        return None
    if "및" in tokens[1:-1]:  # "자격 및 교육": the first of the two names the section
        first = [t for t in tokens[: tokens.index("및")] if t not in KO_SUFFIXES]
        if first and (_section_word(first[-1]) or not _section_word(words[-1])):
            return first[-1]
        return words[-1]  # "면허 및 자격" if 면허 were no section word: the one that is
    return words[-1]


def _section_word(token: str) -> bool:
    """A Korean token that is a section word, alone or with a suffix (자격, 경력사항)."""
    return any(
        token.startswith(word) and token[len(word) :] in KO_SUFFIXES
        for names in SECTION_WORDS.values()
        for word in (n.replace(" ", "") for n in names)
        if not re.search(r"[a-z]", word)
    )


@cache
def key_kind(key: str) -> str | None:
    """The field a "key : value" label names; a bilingual label ("역할 / Role",
    "이메일 / Email") is read by either half."""
    key = plain(key).lower()
    for kind, names in KEY_ALIASES.items():
        if key in names or key.replace(" ", "") in {n.replace(" ", "") for n in names}:
            return kind
    halves = [h.strip() for h in re.split(r"\s*/\s*", key)] if "/" in key else []
    short = " / " not in key and any(len(h) < 2 for h in halves)  # "직급/직책", not "a/b"
    if len(halves) == 2 and all(halves) and not short:  # "역할 / Role", "웹 / Web"
        return key_kind(halves[0]) or key_kind(halves[1])
    return None


# --- what a heading says about its content (checked before SECTION_WORDS) ----------------

#: Headings whose content is private: interview preparation, goals, drafts, memos.
NOTES_WORDS = (
    "면접",
    "interview",
    "예상 질문",
    "예상질문",
    "expected question",
    "회고",
    "retrospective",
    "피드백",
    "feedback",
    "초안",
    "draft",
    "메모",
    "memo",
    "private",
    "개인 노트",
    "비공개",
    "자기 평가",
    "self-assessment",
    "self assessment",
    "역질문",
    "questions to ask",
    "questions they may ask",
    "채용과정",
    "채용 과정",
    "hiring process",
)
#: Headings of dated lists that are not citations: patents, standards.
DATED_WORDS = ("특허", "patent", "patents", "표준", "standard", "standards", "출원", "등록 특허")
#: Headings of key results: printed as a table.
KPI_WORDS = ("kpi", "지표", "metric", "metrics", "성과 지표", "key result", "key results")
#: Words of a document's title that say what kind of document it is.
DOC_KINDS: dict[str, tuple[str, ...]] = {
    "private": ("면접", "interview"),
    "review": ("performance", "성과", "평가", "review", "self-review", "리뷰", "인사고과", "회고"),
    "career": ("경력기술서", "경력 기술서", "career description", "project description"),
}
#: Words of a title that name the document, not the person.
DOC_WORDS = (
    "이력서",
    "입사지원서",
    "입사 지원서",
    "지원서",
    "경력기술서",
    "경력 기술서",
    "자기소개서",
    "resume",
    "résumé",
    "curriculum vitae",
    "cv",
    "portfolio",
    "포트폴리오",
    "unofficial",
    "details",
    "official",
    "preparation",
    "prep",
    *("job hunt", "job search", "구직", "이직 준비", "이직 메모"),
    "onsite",
    "notes",
    "note",
    "준비",
    "노트",
    *("self-review", "self review", "annual review", "self-assessment", "self-evaluation"),
    *("year in review", "year-end review", "mid-year review", "performance review"),
    *("자기평가서", "자기 평가서", "평가서", "자기평가", "성과평가서"),
)


#: Korean words that hold a shorter word of ours and mean something else: 메모리
#: (memory) is no 메모, 초안전 (ultra-safe) no 초안.
FALSE_FRIENDS = re.compile(r"메모리|초안전")


@cache
def has_word(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words``: Latin words whole, Korean ones anywhere
    (compounds join them: 희망연봉), but for a longer word that means something else."""
    low = FALSE_FRIENDS.sub(" ", plain(text).lower())
    for word in words:
        if re.search(r"[a-z]", word):
            if re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", low):
                return True
        elif word in low or word.replace(" ", "") in low.replace(" ", ""):
            return True
    return False


CONTACT_KEYS = frozenset({"email", "phone", "url", "github", "linkedin", "location"})


def is_contact(line: str) -> bool:
    """A contact line: "- mobile : +82 10-…", an e-mail, a phone number, a lone link."""
    line = KRAMDOWN_ATTRS.sub("", line).strip()
    match = KEY_LINE.match(line)
    if match and key_kind(match.group(1)) in CONTACT_KEYS:
        return True
    text = plain(line)
    return bool(EMAIL.search(text) or PHONE.fullmatch(text) or URL.fullmatch(text.strip("<>")))


#: The end of a sentence ("… the team.", "…했습니다."), not of an abbreviation ("M.A.").
SENTENCE = re.compile(r"[a-z가-힣]{2,}[.!?。](\s|$)")

#: A line that is only bold text: a headline in the profile.
BOLD_LINE = re.compile(r"(?:\*\*|__)[^*_\n]+(?:\*\*|__)")
