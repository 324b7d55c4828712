"""Whether a title or a first line is a person's name, and which part of it.

A Korean name has a known shape (a surname and two syllables), so Korean words that
are no name (채용과정, 우리은행, 인적 사항) are told apart; a Latin one is any short,
capitalised phrase without document words, years, roles or sentences.
"""

from __future__ import annotations

import re
from functools import cache

from .md_blocks import Block
from .md_vocabulary import (
    DOC_KINDS,
    DOC_WORDS,
    EMOJI,
    ROLE_WORDS,
    has_word,
    section_kind,
    title_text,
)

#: A Korean name: a surname and a given name of two syllables (rarely one or three;
#: 허 형록 written apart). Words like 채용과정 or 우리은행 are no names.
SURNAMES = (
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진"
    "지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부"
)
HANGUL_NAME = re.compile(
    rf"^(?:[{SURNAMES}][가-힣]{{2}}|(?:남궁|황보|제갈|선우|독고)[가-힣]{{2}}|[{SURNAMES}]|[가-힣]{{2}})$"
)
LATIN_NAME_WORD = re.compile(
    r"^(?:[A-Z][a-zà-ÿ'\-]+(?:-[A-Z][a-zà-ÿ']+)*|[A-Z]{2,}(?:-[A-Z]+)?|[A-Z]\.|Dr\.|Mr\.|Ms\."
    r"|Mrs\.|Prof\.|de|da|do|dos|das|van|von|der|den|del|della|di|du|la|le|bin|ibn|al)$"
)
GREETING_NAME = re.compile(
    r"([가-힣]{2,4})\s*입니다|(?:I'm|I am)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)"
)


#: Credentials after a name, each after a comma: ", RN, BSN", ", CPA", ", M.Sc.".
CREDENTIALS = re.compile(r"(?:,\s*(?=(?:[^A-Z,]*[A-Z]){2})[A-Za-z.]{2,7})+$")


def credentials_of(text: str, name: str) -> str:
    """The credentials a title writes after its name ("RN, BSN"), or ""."""
    rest = title_text(text).strip()
    if not name or not rest.startswith(name):
        return ""
    found = CREDENTIALS.fullmatch(rest[len(name) :].rstrip())
    return found.group(0).strip(" ,") if found else ""


#: Words of a document's period: "2024 하반기 성과 리뷰", "H1 review".
TERMS = r"상반기|하반기|연간|annual|yearly|mid-year|\b[hq][1-4]\b"


def without_doc_words(text: str) -> str:
    """A title without the words naming the document: "경력기술서 - 한빛소프트" → "한빛소프트"."""
    clean = EMOJI.sub("", title_text(text))
    for word in sorted(DOC_WORDS + DOC_KINDS["career"], key=len, reverse=True):
        clean = re.sub(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", " ", clean, flags=re.I)
    return " ".join(clean.split()).strip(" -–—|·:：")


def only_doc_words(text: str) -> bool:
    """A title that only names the document ("Unofficial Resume", "Performance - 2021")."""
    doc_words = DOC_WORDS + tuple(w for words in DOC_KINDS.values() for w in words)
    clean = EMOJI.sub("", title_text(text)).lower()
    for word in sorted(doc_words, key=len, reverse=True):
        clean = re.sub(rf"(?<![a-z]){re.escape(word)}(?![a-z])", " ", clean)
    return not re.sub(
        rf"\d{{4}}\s*년|[\W\d_]+|{TERMS}|self|\b(?:및|and)\b",
        "",
        clean,
    )


def doc_line(block: Block) -> bool:
    """A one-line paragraph that only names the document ("이력서", "Curriculum Vitae")."""
    text = block.text.strip()
    return block.kind == "paragraph" and "\n" not in text and bool(text) and only_doc_words(text)


@cache
def name_in(text: str) -> str:
    """The person's name in a title, or "" when the title is something else.

    A title is the name unless it is a section word, names the document ("Unofficial
    Resume", "Performance - 2021", "면접 준비"), holds a year, or is a sentence;
    document words beside a name are dropped ("이력서 - 허형록"), and a greeting gives
    its name ("안녕하세요, 김하늘입니다")."""
    clean = EMOJI.sub("", title_text(text)).strip()
    greeting = GREETING_NAME.search(clean)
    if greeting:
        return greeting.group(1) or greeting.group(2)
    doc_words = DOC_WORDS + tuple(w for words in DOC_KINDS.values() for w in words)
    titles = (*doc_words, "이력")  # "제과 제빵 이력 — 이름"
    had_doc_word = has_word(clean, titles)
    parts = [p.strip() for p in re.split(r"\s+[—–|-]\s+", clean) if p.strip()]
    if had_doc_word and len(parts) == 2:  # "제과 제빵 이력 — 문가온": the document, the name
        named = [p for p in parts if not has_word(p, titles) and _name_like(p)]
        if len(named) == 1:
            return named[0]
    for word in sorted(doc_words, key=len, reverse=True):
        clean = re.sub(rf"(?i)(?<![a-z]){re.escape(word)}(?![a-z])", " ", clean)
    if had_doc_word:  # "John Smith — Resume 2024", "홍길동 이력서 (2024)": the document's date
        clean = re.sub(rf"\(?(?<!\d)(?:19|20)\d{{2}}(?!\d)\s*년?\)?|{TERMS}", " ", clean)
    clean = " ".join(clean.split()).strip(" -–—|:·,")
    wrapped = re.fullmatch(r"[(\[]([^()\[\]]+)[)\]]", clean)
    if wrapped:  # "경력기술서 (김태윤)": the name in brackets beside the document's word
        clean = wrapped.group(1).strip()
    clean = re.sub(r",?\s+(?:Ph\.?\s?D\.?|MBA|M\.?D\.?|박사)$", "", clean)
    clean = CREDENTIALS.sub("", clean)  # "Maria Santos, RN, BSN": letters after the name
    if not clean or re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", clean) or section_kind(clean):
        return ""
    if any(re.fullmatch(r"[A-Za-z]{0,2}\d{1,2}", word) for word in clean.split()):
        return ""  # "Q3 check-in", "H1 goals": a quarter or a half is no name
    if len(clean) > 60 or re.search(r"(?:[다요]|[.!?])$", clean) or ROLE_WORDS.search(clean):
        return ""
    if (had_doc_word or re.search("[가-힣]", clean)) and not _name_like(clean):
        return ""  # "인적 사항", "Performance Review Notes": no name's shape
    words = re.findall(r"[A-Za-z][\w'’.-]*", clean)
    if len(words) >= 3 and sum(1 for w in words if w[0].islower()) * 2 > len(words):
        return ""  # "I'm currently working on": a phrase, not a name
    return clean


def person_name(text: str) -> str:
    """name_in, when what it found has the shape of a person's name (a Korean name is
    one word of two to four syllables; "모아페이 정산 시스템" is a service)."""
    name = name_in(text)
    return name if name and _name_like(name) else ""


def _name_like(text: str) -> bool:
    """A name's shape: "허형록", "허 형록", "Jane Doe", "Dr. Yuna Lee 이유나"."""
    words = re.sub(r"[()]", " ", text).split()
    korean = [w for w in words if re.search("[가-힣]", w)]
    latin = [w for w in words if not re.search("[가-힣]", w)]
    if len(korean) == 2 and len(korean[0]) == 1:  # "허 형록"
        korean = [korean[0] + korean[1]]
    if len(korean) > 1 or any(not HANGUL_NAME.match(w) or len(w) < 3 for w in korean):
        return False
    capitalised = [w for w in latin if w[:1].isupper()]  # "Ana de la Cruz": two of them
    first_upper = not latin or latin[0][:1].isupper()
    return (
        all(LATIN_NAME_WORD.match(w) for w in latin)
        and first_upper
        and (bool(korean) or len(capitalised) >= 2)
    )
