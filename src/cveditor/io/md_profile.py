"""The profile (``basics``) from the lines before the first section: the name, a
headline, contact details into their fields, everything else into the summary.

A contact line is read piece by piece ("**Daniel Okafor** · Toronto, ON · mail ·
phone", "연락처 : 010-… / mail"), so that each piece lands in its own field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .md_blocks import Block, flatten
from .md_byline import PIECES as PIECES_OF_BYLINE
from .md_byline import (
    SOCIAL_COUNT,
    UNCOLONED_CONTACT,
    UNCOLONED_NAME,
    byline_job,
    profile_headline,
)
from .md_contact import contact_piece
from .md_dates import joined
from .md_entries import entry_from_line
from .md_headline import CAREER_LENGTH, first_headline, is_label, short_headline, translated
from .md_names import GREETING_NAME, person_name, without_doc_words
from .md_places import PLACE_PIECE, place_fields, profile_place
from .md_split import split_outside
from .md_vocabulary import (
    BADGE,
    BOLD_LINE,
    EMAIL,
    IMG_SRC,
    KEY_LINE,
    LOCATION,
    MD_IMG,
    PHONE,
    ROLE_WORDS,
    SENTENCE,
    TAG,
    URL,
    key_kind,
    plain,
    title_text,
)

#: A bold name first, a headline after a dash: "**정민호 (Minho Jung)** — 개발자".
BOLD_LEAD = re.compile(r"^\s*(?:\*\*|__)([^*_]{2,60})(?:\*\*|__)\s*(?:[—–|]|--?)\s*(\S.*)$")
BOLD_KEY = re.compile(r"^(?:\*\*|__)([^*_]{1,30}?)[:：]?(?:\*\*|__)\s*[:：]")
#: A place left among contact details: capitalised words, no digits or addresses.
#: Keys of a profile list that name an item of a section, and that section.
PIECES = re.compile(r"\s+[·|•]\s+|(?<=[.。])\s+(?=\S+@)")
#: More separators of a line holding several contact details: " / ", " -- ", " — ".
MORE_PIECES = re.compile(r"\s+(?:/|--|—|–)\s+")
VALUES = re.compile(r"\s+[/·|,]\s+|\s*,\s*(?=\S+@|\+?\d)")
PROFILE_ITEMS = {
    "current_job": "work",
    "licence": "certificates",
    "last_education": "education",
    "school": "education",  # "- 학교/전공: 한빛대학교 경영학과 4학년 (2027.02 졸업예정)"
}


@dataclass
class Profile:
    """What the lines before the first section hold beyond ``basics``."""

    basics: dict[str, Any]
    job: dict[str, Any] = field(default_factory=dict)  # 소속 / 직무 of a review
    summary: list[str] = field(default_factory=list)
    greeting: str = ""  # a name a greeting gives ("… 한지민입니다"), the last resort
    items: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # 현 근무지, 면허 …
    #: The title a name was guessed from, beside the document's words ("2027 H1 Self
    #: Review — Atlas Platform"): a keyed line ("작성자: 문서연") says better.
    guessed_from: str = ""


class ProfileReader:
    """Reads the lines before the first section into a Profile."""

    def __init__(self, profile: Profile, keep_title: Callable[[str, str], None]) -> None:
        self.profile = profile
        self.basics = profile.basics
        self.keep_title = keep_title

    def line(self, line: str, *, first: bool = False) -> str | None:
        """One line; returns what is left for the summary (None: all taken)."""
        stripped = line.strip()
        if not stripped:
            return None
        self.greet(stripped)
        if SOCIAL_COUNT.match(stripped):
            return None  # "· 500+ connections": a profile site's count, no text of ours
        pieces = [p for p in PIECES.split(stripped) if p and p.strip()]
        if _contacts(stripped) >= 2:  # "📞 010-… / ✉️ mail -- 🔗 github.com/…"
            pieces = [  # a keyed piece ("이메일 / Email: …") splits its values itself
                q
                for p in pieces
                for q in ([p] if _keyed(p) else MORE_PIECES.split(p))
                if q and q.strip()
            ]
        if len(pieces) > 1 and not all(_keyed(p) for p in pieces) and _keyed(stripped):
            pieces = [stripped]  # "연락처 : 010-… · mail": one key, several values
        left: list[str] = []
        contact = False
        for index, piece in enumerate(pieces):
            text = UNCOLONED_NAME.sub(r"\1: \2", piece.strip())  # "성명 구민석 · 010-…"
            text = UNCOLONED_CONTACT.sub(  # "휴대폰 010-… | 이메일 …"
                lambda m: f"{m.group(1) or m.group(2) or m.group(3)}: ", text
            )
            match = KEY_LINE.match(text)
            if match and _keyed(text):
                key, value = key_kind(match.group(1)), match.group(2).strip()
                if key is not None and self.key(key, value):
                    contact = True
                    continue
            if contact_piece(self.basics, text):
                contact = True
                continue
            if index == 0 and len(pieces) > 1 and self.name(text):
                continue
            left.append(text)
        headline = (
            bool(left) and "label" not in self.basics and (contact or first or len(pieces) > 1)
        )
        whole = first and not contact and len(left) == len(pieces) >= 2 and len(stripped) <= 100
        if headline and len(left) == 2 and translated(left):
            self.basics["label"] = " · ".join(title_text(p) for p in left)  # 매니저 · Manager
            return None
        if headline and whole and not is_label(title_text(left[0])) and profile_headline(left):
            self.basics["label"] = title_text(stripped)  # "Talent Partner | Hiring for … | Boston"
            return None
        if headline and (
            is_label(title_text(left[0]))
            or (first and len(left) == 1 and short_headline(left[0]))
            or ((contact or first) and first_headline(pieces, left, "location" in self.basics))
        ):
            self.basics["label"] = title_text(left.pop(0)).rstrip(".")
        lone = len(left) == 1 and (contact or first) and "location" not in self.basics
        if lone and profile_place(left[0]):
            self.basics["location"] = place_fields(left.pop())  # "Title · Lagos · mail · phone"
        if not left:
            return None
        return _rejoin(stripped, left) if len(pieces) > 1 else stripped

    def greet(self, text: str) -> None:
        """ "안녕하세요, … 한지민입니다": the name, if nothing else gives one."""
        greeting = GREETING_NAME.search(plain(text))
        if greeting and not self.profile.greeting:
            self.profile.greeting = person_name(greeting.group(1) or greeting.group(2) or "")

    def name(self, text: str) -> bool:
        """A bold or bare name first on a contact line ("**박지훈** | 010-…")."""
        if self.basics.get("name"):
            return False
        name = person_name(text) if not _keyed(text) else ""
        if name and re.search(r"\S\s*\([\u4e00-\u9fff\s]+\)$", name):
            name = re.sub(r"\s*\([^()]+\)$", "", name)  # "문지호 (文智浩)": no Hanja
        if name and _personal(name):
            self.basics["name"] = name
            rest = without_doc_words(title_text(text).replace(name, " ")).strip(" -–—|·")
            if rest and rest != without_doc_words(title_text(text)) and "label" not in self.basics:
                self.basics["label"] = rest  # "제과 제빵 이력 — 문가온": what the career is
            return True
        return False

    def _headline_and_place(self, text: str) -> str:
        """ "analyst, Rotterdam" after a name: the headline, and the city it ends with."""
        head, _, place = text.rpartition(", ")
        free = head and "location" not in self.basics
        if free and profile_place(place):
            self.basics["location"] = place_fields(place)
            return head
        return text

    def key(self, key: str, value: str) -> bool:
        """A known key: "이름 : 박서윤", "연락처 : 010-… / mail", "소속 : 회사 / 팀"."""
        if key == "person":
            aside = re.search(r"\(([^)]*\d[^)]*)\)\s*$", title_text(value))
            if aside:  # "(총 경력 10년 11개월)" beside the name: said in the summary
                self.profile.summary.append(aside.group(1).strip())
            name = title_text(value)[: aside.start()].strip() if aside else title_text(value)
            job = byline_job(title_text(value))
            if job and not any(k in self.profile.job for k in ("name", "position", "team")):
                self.profile.job.update(job)  # "작성자: 이름 / 직위 / 팀 / (주)회사": the job
                name = PIECES_OF_BYLINE.split(title_text(value))[0].strip()
            first, *rest = re.split(r"\s+[/|·—–]\s+", name)
            first = re.sub(r"\s*\([^)]*\)\s*$", "", first).strip()  # "(文智浩)", "(Kim)"
            rest = [p for p in rest if not contact_piece(self.basics, p)]  # "성명: 이름 · 010-…"
            career = [p for p in rest if CAREER_LENGTH.search(p)]  # "총 경력 9년 4개월"
            self.profile.summary.extend(career)
            rest = [p for p in rest if p not in career]
            name = first if not rest else name  # the track "(신입)" stays in the headline
            if rest and person_name(first) and "label" not in self.basics:
                name = first  # "성명: 정현우 / 백엔드 개발자 (총 경력 …)": the name, then a title
                self.basics["label"] = self._headline_and_place(" / ".join(rest))
            if not self.basics.get("name") or (self.profile.guessed_from and person_name(name)):
                if self.profile.guessed_from:  # the title's words were no name: its text
                    self.profile.summary.append(self.profile.guessed_from)
                self.basics["name"] = name
                self.profile.guessed_from = ""
            return self.basics["name"] == name  # the title named them already: said

        if key in PROFILE_ITEMS and value:  # "현 근무지: 회사, 직위 (2022.03 ~ 현재)": an item
            kind = PROFILE_ITEMS[key]
            parts = split_outside(value, r",\s+") if kind == "certificates" else [value]
            for part in parts:  # "자격: 전산회계 1급 (2025.06 취득), 물류관리사": two
                self.profile.items.append((kind, entry_from_line(part, kind)))
            return True
        if key == "label" and "label" not in self.basics:  # "지원 분야: 생산기술 (품질관리)"
            self.basics["label"] = title_text(value)
            return True
        if key == "company" and "name" not in self.profile.job:
            self.profile.job["name"] = title_text(value)
            return True
        if key in ("position", "role") and "position" not in self.profile.job:
            start, value = joined(value)  # "데이터 엔지니어 (입사 2021.09)": the start
            if start:
                self.profile.job["startDate"] = start
            self.profile.job["position"] = title_text(value)
            return True
        if key == "team" and "team" not in self.profile.job:
            team, _, employer = title_text(value).rpartition(", ")
            if team and "name" not in self.profile.job:  # "Team: Payments Risk, Calloway Bank"
                self.profile.job["name"] = employer
            self.profile.job["team"] = team or employer
            return True
        if key == "location" and value and "location" not in self.basics:
            self.basics["location"] = place_fields(title_text(value))  # "주소: 대구 …, 1203호"
            return True
        if key in ("email", "phone", "url", "github", "linkedin", "location"):
            parts = [p for p in re.split(r"\s+[·|•]\s+", value) if p.strip()]
            parts = [q for p in parts for q in VALUES.split(p) if q.strip()] or [value]
            taken = [contact_piece(self.basics, p, key if len(parts) == 1 else None) for p in parts]
            left = [p.strip() for p, t in zip(parts, taken, strict=True) if not t]
            place = len(left) == 1 and bool(PLACE_PIECE.match(left[0]))
            if any(taken) and place and "location" not in self.basics:
                self.basics["location"] = place_fields(left[0])  # "Contact: mail · phone · Seoul"
                return True
            return all(taken)
        return False

    def block(self, block: Block, *, first: bool) -> None:
        summary = self.profile.summary
        if block.kind == "html" or (block.kind == "paragraph" and "<img" in block.text):
            image = IMG_SRC.search(block.text)
            rest = block.text.strip()
            if image and "image" not in self.basics and not BADGE.search(image.group(1)):
                self.basics["image"] = image.group(1)  # a path or an address: never fetched
                rest = TAG.sub(" ", block.text).strip()
            if rest:
                summary.append(rest)
            return
        if block.kind == "paragraph":
            image = MD_IMG.search(block.text)
            if image and "image" not in self.basics and not BADGE.search(image.group(1)):
                self.basics["image"] = image.group(1)  # a path or an address: never fetched
                rest = MD_IMG.sub("", block.text).strip()
                if not rest:
                    return
                block = Block("paragraph", rest, source=rest)
            bold = BOLD_LINE.fullmatch(block.text.strip())
            if bold and not self.basics.get("name") and self.name(block.text.strip()):
                return
            if bold and "label" not in self.basics and not summary:
                self.basics["label"] = title_text(block.text)
                return
            lines = [line for line in block.text.split("\n") if line.strip()]
            lead = BOLD_LEAD.match(lines[0]) if first and lines else None
            headline = title_text(lead.group(2)) if lead else ""
            if (  # "**정민호 (Minho Jung)** — 프리랜서 모바일 개발자"
                lead
                and "label" not in self.basics
                and not _contacts(headline)
                and is_label(headline)
                and self.name(lead.group(1))
            ):
                self.basics["label"] = headline
                lines = lines[1:]
            if first and lines and not self.basics.get("name") and self.name(lines[0]):
                lines = lines[1:]
                first = True
            kept = []
            for index, line in enumerate(lines):
                left = self.line(line, first=first and index == 0)
                if left is not None:
                    kept.append(left)
            if kept:
                summary.append("\n".join(kept))
        elif block.kind == "bullets":
            items = flatten(block.bullets)
            left = [self.line(t) for t in items]
            if all(x is not None and x == t.strip() for x, t in zip(left, items, strict=True)):
                summary.append(block.source)  # as written: its marks, numbers, nesting
                return
            summary.extend(  # "- **평가 기간**: …" left: "평가 기간: …", no marks around
                "- " + BOLD_KEY.sub(r"\1:", x) for x in left if x is not None
            )
        elif block.kind == "table":
            self.table(block)
        elif block.source:
            summary.append(block.source)

    def table(self, block: Block) -> None:
        rows = block.rows
        kept = [row for row in rows if not (len(row) >= 2 and self.key_row(row))]
        generic = {"항목", "내용", "구분", "item", "value", "field", "details", ""}
        header = {plain(c).lower().replace(" ", "") for c in rows[0]} if rows else set()
        if kept and kept[0] is rows[0] and header <= generic:
            kept = kept[1:]  # "항목 | 내용": the columns' names, nothing to keep
        if len(kept) != len(rows) and len(kept) <= 1 and (not kept or kept[0] is rows[0]):
            if kept:  # the header's words
                self.keep_title("contact", " · ".join(c for c in kept[0] if c.strip()))
        elif len(kept) != len(rows) and all(len(r) == 2 for r in kept):
            lines = [f"{r[0].strip()}: {r[1].strip()}" for r in kept]
            self.profile.summary.append("\n".join(lines))  # the pairs no field holds
        elif block.source:
            self.profile.summary.append(block.source)

    def key_row(self, row: list[str]) -> bool:
        """ "| 성명 | 문지호 |", or two pairs a row ("| 성명 | … | 휴대전화 | … |")."""
        width = len(row) if len(row) % 2 == 0 else 2
        pairs = [(row[i], row[i + 1]) for i in range(0, width, 2) if (row[i] + row[i + 1]).strip()]
        kinds = [key_kind(label) for label, _ in pairs]
        if not pairs or None in kinds:
            return False
        return all([self.key(kind, value) for kind, (_, value) in zip(kinds, pairs, strict=True)])


SEPARATOR = re.compile(r"\s*(?:[·|•/—–]|--)\s*")


def _rejoin(line: str, left: list[str]) -> str:
    """The pieces left of a line, with the separators the line had between them (a
    "/" stays a "/")."""
    out, pos, previous = "", 0, None
    for piece in left:
        at = line.find(piece, pos)
        if at < 0:
            return " · ".join(left)
        if previous is not None:
            separator = SEPARATOR.match(line, previous)
            out += separator.group(0) if separator and separator.group(0).strip() else " · "
        out += piece
        pos = previous = at + len(piece)
    return out


def _contacts(line: str) -> int:
    """How many e-mails, phone numbers and addresses a line holds."""
    text = re.sub(r"\]\([^)]*\)", "]", line)  # a link counts once, by its text
    return len(EMAIL.findall(text)) + len(PHONE.findall(text)) + len(URL.findall(line))


def _keyed(text: str) -> bool:
    """A "key: value" piece (not an address, an e-mail or a time)."""
    match = KEY_LINE.match(text.strip())
    return (
        bool(match)
        and not URL.match(text.strip())
        and not EMAIL.match(text.strip())
        and (key_kind(match.group(1)) is not None)
    )


def _personal(name: str) -> bool:
    """A name of a person rather than of a role or a place."""
    return not ROLE_WORDS.search(name) and not LOCATION.match(name)


def without_contacts(profile: Profile, block: Block) -> Block | None:
    """A block of a text section with its lines that are only contact details taken
    into their fields ("📞 연락처: 010-…", "✉️ mail"); the other lines stay as written.
    A greeting that names the person ("… **한지민**입니다") gives the name."""
    if block.kind != "paragraph":
        return block
    reader = ProfileReader(profile, lambda _kind, _title: None)
    kept: list[str] = []
    for line in block.text.split("\n"):
        reader.greet(line)
        has_contact = EMAIL.search(line) or PHONE.search(line) or URL.search(line)
        if has_contact and not SENTENCE.search(line) and reader.line(line) is None:
            continue
        kept.append(line)
    if not any(line.strip() for line in kept):
        return None
    if len(kept) == len(block.text.split("\n")):
        return block
    text = "\n".join(kept)
    return Block("paragraph", text, source=text)


def add_summary(basics: dict[str, Any], *parts: str) -> None:
    """Append Markdown paragraphs to the summary."""
    text = "\n\n".join(p.strip("\n") for p in (basics.get("summary", ""), *parts) if p.strip())
    if text:
        basics["summary"] = text


def read_profile(
    profile: Profile, blocks: list[Block], keep_title: Callable[[str, str], None], *, top: bool
) -> None:
    """Contact details into their fields, the rest (as written) into the summary;
    ``top``: these blocks open the document (a first line may be the name)."""
    reader = ProfileReader(profile, keep_title)
    for index, block in enumerate(blocks):
        if block.kind == "code":
            profile.summary.append(block.source)
            continue
        reader.block(block, first=top and index == 0)
    if profile.summary:
        add_summary(profile.basics, *_join_bullets(profile.summary))
        profile.summary.clear()


def _join_bullets(parts: list[str]) -> list[str]:
    """Consecutive "- x" lines form one list, not paragraphs of one bullet each."""
    out: list[str] = []
    for part in parts:
        if out and part.startswith("- ") and out[-1].split("\n")[-1].startswith("- "):
            out[-1] += "\n" + part
        else:
            out.append(part)
    return out
