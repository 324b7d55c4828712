"""A résumé written in Markdown (often a Jekyll page) → Resume, losing no text.

Front matter is kept; the first heading is the name; what comes before the first
section heading is contact details and summary; known section headings (English and
Korean) become standard sections with their structure recovered where it is clear
(dates, 프로젝트 명 / 수행 기간 / 사용 기술 스택 bullets, "key : value" lines). Anything
else becomes a custom section, and any text a rule did not place is kept as Markdown in
the nearest summary or a free-text section: every non-empty line's words end up
somewhere in the résumé.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..errors import ResumeFileError
from ..model.dates import DateParseError, parse_date, parse_period
from ..model.resume import Resume
from .native import resume_from_data

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

_KEY_LINE = re.compile(
    r"^\s*(?:\*\*)?([^:：*\[\]<>/]{1,30}?)(?:\*\*)?\s*[:：](?!//)\s*(?:\*\*)?\s*(.*)$"
)
_KRAMDOWN_ATTRS = re.compile(r"\{:[^}]*\}")
_EMOJI = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]")
_TAG = re.compile(r"<[^>]+>")
_IMG_SRC = re.compile(r"<img[^>]*\ssrc=[\"']([^\"']+)[\"']", re.IGNORECASE)
_MD_IMG = re.compile(r"!\[[^\]]*\]\(([^)\s]+)[^)]*\)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d\s().-]{7,}\d")
_URL = re.compile(r"https?://[^\s)>\]]+")
_DATE_RANGE = re.compile(
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
_SINGLE_DATE = re.compile(r"^\[?\s*(\d{4}(?:\s*[.\-/]\s*\d{1,2}){0,2}\.?)\s*\]?\s*(.*)$")


def _plain(text: str) -> str:
    """Heading or key text without Markdown marks, emoji and HTML, for matching."""
    text = _KRAMDOWN_ATTRS.sub("", _TAG.sub("", text))
    text = _EMOJI.sub("", text)
    text = re.sub(r"[*_`#>\[\]()]", "", text)
    return " ".join(text.split()).strip(" :：-–—|·")


def _title_text(text: str) -> str:
    """A heading as text to keep: marks, emoji and tags gone, brackets and words kept."""
    text = _KRAMDOWN_ATTRS.sub("", _TAG.sub("", text))
    text = _EMOJI.sub("", text)
    text = re.sub(r"\*\*|__|`|~~|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|\s#+\s*$", "", text)
    return " ".join(text.split()).strip()


def _section_kind(title: str) -> str | None:
    words = _plain(title).lower()
    compact = words.replace(" ", "")
    for kind, names in SECTION_WORDS.items():
        for name in names:
            if name in words or name.replace(" ", "") in compact:
                return kind
    return None


def _key_kind(key: str) -> str | None:
    key = _plain(key).lower()
    for kind, names in KEY_ALIASES.items():
        if key in names or key.replace(" ", "") in {n.replace(" ", "") for n in names}:
            return kind
    return None


def find_period(text: str) -> tuple[str | None, str | None, str]:
    """(start, end, text without the period) if the text holds a date range."""
    for match in _DATE_RANGE.finditer(text):
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


# --- a light tree of the Markdown ---------------------------------------------------------


@dataclass
class Bullet:
    text: str  # the item's own inline Markdown
    children: list[Bullet] = field(default_factory=list)


@dataclass
class Block:
    kind: str  # paragraph | bullets | table | html | rule | code | heading
    text: str = ""
    bullets: list[Bullet] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    level: int = 0
    source: str = ""  # the block's own Markdown lines


@dataclass
class Section:
    title: str
    level: int
    blocks: list[Block] = field(default_factory=list)


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True})
    md.enable("table")
    return md


def _bullets(tokens: list[Token], start: int) -> tuple[list[Bullet], int]:
    """Parse a (nested) list starting at tokens[start] (a *_list_open)."""
    items: list[Bullet] = []
    depth = 0
    i = start
    current: Bullet | None = None
    while i < len(tokens):
        token = tokens[i]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            if depth == 1 and current is not None:
                children, i = _bullets(tokens, i)
                current.children.extend(children)
                continue
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if depth == 0:
                return items, i + 1
        elif token.type == "list_item_open" and depth == 1:
            current = Bullet("")
            items.append(current)
        elif token.type == "inline" and current is not None:
            current.text = (
                (current.text + "\n" + token.content).strip() if current.text else token.content
            )
        elif token.type in ("html_block", "fence", "code_block") and current is not None:
            current.text = (current.text + "\n" + token.content.strip()).strip()
        i += 1
    return items, i


def _table(tokens: list[Token], start: int) -> tuple[list[list[str]], int]:
    rows: list[list[str]] = []
    i = start
    while tokens[i].type != "table_close":
        token = tokens[i]
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(token.content)
        i += 1
    return rows, i + 1


def parse_blocks(text: str) -> list[Block]:
    lines = text.split("\n")
    tokens = _parser().parse(text)
    blocks: list[Block] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        source = "\n".join(lines[token.map[0] : token.map[1]]) if token.map else ""
        if token.type == "heading_open":
            blocks.append(
                Block("heading", tokens[i + 1].content, level=int(token.tag[1]), source=source)
            )
            i += 3
        elif token.type == "paragraph_open":
            blocks.append(Block("paragraph", tokens[i + 1].content, source=source))
            i += 3
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            items, i = _bullets(tokens, i)
            blocks.append(Block("bullets", bullets=items, source=source))
        elif token.type == "table_open":
            rows, i = _table(tokens, i)
            blocks.append(Block("table", rows=rows, source=source))
        elif token.type == "html_block":
            blocks.append(Block("html", token.content.strip(), source=source))
            i += 1
        elif token.type in ("fence", "code_block"):
            blocks.append(Block("code", token.content.rstrip("\n"), source=source))
            i += 1
        elif token.type == "hr":
            blocks.append(Block("rule", source=source))
            i += 1
        elif token.type == "blockquote_open":
            depth, j = 1, i + 1
            while depth:
                depth += {"blockquote_open": 1, "blockquote_close": -1}.get(tokens[j].type, 0)
                j += 1
            end = tokens[j - 1].map[1] if tokens[j - 1].map else (token.map[1] if token.map else 0)
            quote = "\n".join(lines[token.map[0] : end]) if token.map else ""
            blocks.append(
                Block("paragraph", re.sub(r"^\s*>\s?", "", quote, flags=re.M), source=quote)
            )
            i = j
        else:
            i += 1
    return blocks


# --- from blocks to a résumé ------------------------------------------------------------


class _Builder:
    def __init__(self) -> None:
        self.data: dict[str, Any] = {"basics": {"profiles": []}}
        self.custom: list[dict[str, Any]] = []
        self.leftovers: list[str] = []  # basics text that fits no field

    # basics ------------------------------------------------------------------------

    def contact_line(self, text: str) -> bool:
        """Take a contact detail ("- mobile : +82 10-…", an e-mail, a profile link)."""
        basics = self.data["basics"]
        match = _KEY_LINE.match(text)
        key = _key_kind(match.group(1)) if match else None
        value = match.group(2).strip() if match else text.strip()
        plain_value = _KRAMDOWN_ATTRS.sub("", value).strip()
        url = _URL.search(plain_value)
        if key == "email" or (key is None and _EMAIL.fullmatch(_plain(value) or "")):
            email = _EMAIL.search(plain_value)
            if email and "email" not in basics:
                basics["email"] = email.group(0)
                return _only(plain_value, email.group(0))
        if key == "phone" or (key is None and _PHONE.fullmatch(_plain(value) or "")):
            phone = _PHONE.search(plain_value)
            if phone and "phone" not in basics:
                basics["phone"] = phone.group(0).strip()
                return _only(plain_value, phone.group(0))
        if key in ("github", "linkedin") and url:
            network = "GitHub" if key == "github" else "LinkedIn"
            basics["profiles"].append({"network": network, "url": url.group(0)})
            return _only(plain_value, url.group(0))
        if key == "url" and url and "url" not in basics:
            basics["url"] = url.group(0)
            return _only(plain_value, url.group(0))
        if key == "location" and value:
            basics.setdefault("location", {})["address"] = value
            return True
        if key is None and url and "url" not in basics and _only(plain_value, url.group(0)):
            basics["url"] = url.group(0)  # a web address alone on its line
            return True
        return False

    def header(self, blocks: list[Block]) -> None:
        basics = self.data["basics"]
        summary: list[str] = []
        for block in blocks:
            if block.kind == "html" or (block.kind == "paragraph" and "<img" in block.text):
                image = _IMG_SRC.search(block.text)
                if image and "image" not in basics:
                    basics["image"] = image.group(1)
                rest = _TAG.sub(" ", block.text).strip()
                if rest:
                    summary.append(rest)
                continue
            if block.kind == "paragraph" and (image := _MD_IMG.search(block.text)):
                basics.setdefault("image", image.group(1))
            if block.kind == "bullets":
                for bullet in _flatten(block.bullets):
                    if not self.contact_line(bullet):
                        summary.append(f"- {bullet}")
            elif block.kind == "paragraph":
                kept = [
                    line
                    for line in block.text.split("\n")
                    if line.strip() and not self.contact_line(line)
                ]
                if kept:
                    summary.append("\n".join(kept))
            elif block.kind in ("table", "code") or block.kind == "heading":
                summary.append(block.source)
        if summary:
            existing = basics.get("summary", "")
            basics["summary"] = "\n\n".join([p for p in (existing, *summary) if p])

    # sections ----------------------------------------------------------------------

    def keep_title(self, kind: str, title: str) -> None:
        """The heading as the author wrote it ("경력 사항", "Work Experience") stays."""
        plain = _title_text(title)
        if plain:
            layout = self.data.setdefault("x-cveditor", {}).setdefault("layout", {})
            titles = layout.setdefault("sectionTitles", {})
            if kind in titles and plain not in titles[kind]:
                plain = f"{titles[kind]} · {plain}"  # two headings merged into one section
            titles[kind] = plain

    def section(self, section: Section) -> None:
        kind = _section_kind(section.title)
        if kind == "summary" or kind == "contact":
            self.keep_title(kind, section.title)
            self.header(section.blocks)
            return
        if kind in (
            "work",
            "projects",
            "education",
            "awards",
            "certificates",
            "publications",
            "volunteer",
            "references",
        ):
            items = _entries(section, kind)
            if items is not None:
                self.data.setdefault(kind, []).extend(items)
                self.keep_title(kind, section.title)
                return
        if kind in ("skills", "interests", "languages"):
            items = _pairs(section, kind)
            if items is not None:
                self.data.setdefault(kind, []).extend(items)
                self.keep_title(kind, section.title)
                return
        self.custom.append(_custom_section(section, len(self.custom)))


def _only(text: str, value: str) -> bool:
    """True when ``text`` holds nothing but ``value`` (and link/emphasis marks)."""
    rest = _plain(text.replace(value, " "))
    rest = re.sub(r"[\[\]()<>]", " ", rest).strip()
    return not rest or rest.lower() in {value.lower(), "mailto:", "tel:"}


def _flatten(bullets: list[Bullet], prefix: str = "") -> list[str]:
    out = []
    for bullet in bullets:
        out.append(prefix + bullet.text)
        out += _flatten(bullet.children, prefix)
    return out


def _key_values(
    bullets: list[Bullet],
) -> tuple[dict[str, tuple[str, str]], list[tuple[str, str]], list[Bullet]]:
    """Split bullets into known keys (kind → (label as written, value)), other
    "key: value" lines and plain bullets."""
    known: dict[str, str] = {}
    labels: dict[str, str] = {}  # how the author wrote each known key
    other: list[tuple[str, str]] = []
    rest: list[Bullet] = []
    for bullet in bullets:
        match = _KEY_LINE.match(bullet.text) if "\n" not in bullet.text else None
        if match and not _URL.match(bullet.text.strip()):
            key, value = match.group(1).strip(), match.group(2).strip()
            kind = _key_kind(key)
            if bullet.children:
                value = "\n".join([value, *(f"- {t}" for t in _flatten(bullet.children))]).strip()
            if kind and kind not in known:
                known[kind] = value
                labels[kind] = _plain(key)
                continue
            if len(_plain(key)) <= 20:
                other.append((_plain(key), value))
                continue
        rest.append(bullet)
    known_labeled = {kind: (labels[kind], value) for kind, value in known.items()}
    return known_labeled, other, rest


def _apply_known(
    entry: dict[str, Any], known: dict[str, tuple[str, str]], *, project: bool
) -> list[str]:
    """Put recognised keys into the entry; returns "key: value" lines it could not place."""
    spare: list[str] = []
    for kind, (label, value) in known.items():
        if kind == "period":
            start, end, rest = find_period(value)
            if start:
                entry["startDate"], entry["endDate"] = start, end
                if rest:
                    spare.append(f"{label}: {rest}")
            else:
                try:
                    single = parse_date(value)
                except DateParseError:
                    single = None
                if single:
                    entry["startDate"] = single.iso()
                else:
                    spare.append(f"{label}: {value}")
        elif kind == "techStack" and project:
            entry["techStack"] = [t.strip() for t in re.split(r",|/|·|\n-", value) if t.strip(" -")]
        elif kind in ("name", "officialName", "team", "role") and project:
            entry[kind] = value
        elif kind == "summary":
            entry["summary"] = value
        else:  # kept as the author wrote it: "사용 기술 스택: Go, Flask"
            spare.append(f"{label}: {value}")
    return spare


def _entry_from_heading(text: str, kind: str) -> dict[str, Any]:
    text = " ".join(text.split())  # a heading is one line, even if a <br> broke it
    start, end, rest = find_period(text)
    entry: dict[str, Any] = {}
    if start:
        entry["startDate"] = start
        if end:
            entry["endDate"] = end
    elif kind in SINGLE_DATE_FIELD and (match := _SINGLE_DATE.match(rest)) and "[" in rest[:1]:
        try:
            when = parse_date(match.group(1))
        except DateParseError:
            when = None
        if when is not None:  # "[2017.12] 특허 출원 …"
            entry[SINGLE_DATE_FIELD[kind]] = when.iso()
            rest = match.group(2)
    parts = [p.strip() for p in re.split(r"\s+[|·@—–-]\s+|\s+at\s+|,\s+", rest) if p.strip()]
    first = {
        "work": "name",
        "education": "institution",
        "volunteer": "organization",
        "awards": "title",
        "projects": "name",
        "certificates": "name",
        "publications": "name",
        "references": "name",
    }[kind]
    second = {
        "work": "position",
        "education": "area",
        "volunteer": "position",
        "awards": "awarder",
        "projects": "entity",
        "certificates": "issuer",
        "publications": "publisher",
        "references": "reference",
    }[kind]
    if parts:
        entry[first] = parts[0]
        if len(parts) > 1:
            entry[second] = " · ".join(parts[1:])
    else:
        entry[first] = rest
    return entry


def _project_from_bullet(bullet: Bullet) -> dict[str, Any] | None:
    """A bullet whose sub-bullets are 프로젝트 명 / 수행 기간 / … lines is a project."""
    known, other, rest = _key_values(bullet.children)
    head = _KEY_LINE.match(bullet.text)
    head_is_name = bool(head) and _key_kind(head.group(1)) == "name"
    if not (
        {"period", "techStack", "officialName", "team"} & known.keys()
        or "name" in known
        or head_is_name
    ):
        return None
    project: dict[str, Any] = {}
    if head_is_name:
        project["name"] = head.group(2).strip()
    elif "name" not in known:
        project["name"] = bullet.text
    elif bullet.text.strip():
        project["fields"] = [{"label": "", "value": bullet.text}]
    spare = _apply_known(project, known, project=True)
    fields = project.setdefault("fields", [])
    fields += [{"label": k, "value": v} for k, v in other]
    fields += [{"label": "", "value": s} for s in spare]
    project["highlights"] = _flatten(rest)
    if not fields:
        project.pop("fields")
    if not project["highlights"]:
        project.pop("highlights")
    return project


def _fill_entry(entry: dict[str, Any], blocks: list[Block], kind: str) -> None:
    """Paragraphs → summary; bullets → highlights, projects (work) or known fields."""
    summary: list[str] = [entry.pop("summary")] if entry.get("summary") else []
    highlights: list[str] = []
    for block in blocks:
        if block.kind == "bullets":
            for bullet in block.bullets:
                project = _project_from_bullet(bullet) if kind == "work" else None
                if project is not None:
                    entry.setdefault("x-cveditor", {}).setdefault("projects", []).append(project)
                    continue
                known, other, rest = _key_values([bullet])
                spare = _apply_known(entry, known, project=False) if known else []
                highlights += [f"{k}: {v}" for k, v in other] + spare + _flatten(rest)
        elif block.kind == "heading" and kind == "work":
            entry.setdefault("x-cveditor", {}).setdefault("projects", []).append(
                {"name": _plain(block.text) or block.text}
            )
        elif block.kind in ("paragraph", "html", "code", "table", "heading"):
            text = block.text if block.kind in ("paragraph", "code") else block.source
            if (block.kind == "paragraph" and kind != "work") or not entry.get("x-cveditor"):
                summary.append(text)
            else:
                project = entry["x-cveditor"]["projects"][-1]
                project["summary"] = "\n\n".join(p for p in (project.get("summary"), text) if p)
    text_field = {"references": "reference", "education": "score"}.get(kind, "summary")
    if kind == "education":
        highlights = summary + highlights
        summary = []
        if highlights:
            entry["courses"] = highlights
        return
    if kind in ("certificates",):
        highlights = summary + highlights
        if highlights:
            entry["name"] = " — ".join([entry.get("name", ""), *highlights]).strip(" —")
        return
    if summary:
        entry[text_field] = "\n\n".join(summary)
    if highlights:
        if kind in ("awards", "publications"):
            entry["summary"] = "\n".join([entry.get("summary", ""), *highlights]).strip()
        else:
            entry["highlights"] = highlights


def _entries(section: Section, kind: str) -> list[dict[str, Any]] | None:
    """Items of a dated section: one per sub-heading, else one per top-level bullet."""
    blocks = section.blocks
    sub_level = min((b.level for b in blocks if b.kind == "heading"), default=0)
    items: list[dict[str, Any]] = []
    if sub_level:
        intro = [b for b in _until_heading(blocks, sub_level)]
        current: dict[str, Any] | None = None
        body: list[Block] = []
        for block in blocks[len(intro) :]:
            if block.kind == "heading" and block.level == sub_level:
                if current is not None:
                    _fill_entry(current, body, kind)
                    items.append(current)
                current, body = _entry_from_heading(block.text, kind), []
            else:
                body.append(block)
        if current is not None:
            _fill_entry(current, body, kind)
            items.append(current)
        if intro and items:
            first = items[0]
            intro_text = "\n\n".join(b.source for b in intro)
            first["summary" if kind != "references" else "reference"] = "\n\n".join(
                p for p in (intro_text, first.get("summary", "")) if p
            )
        return items
    for block in blocks:
        if block.kind == "bullets":
            for bullet in block.bullets:
                entry = _entry_from_heading(bullet.text, kind)
                if bullet.children:
                    _fill_entry(entry, [Block("bullets", bullets=bullet.children)], kind)
                items.append(entry)
        elif block.kind == "table":
            return None  # a table of items keeps its columns as a custom table section
        elif block.kind in ("paragraph", "html", "code", "heading"):
            if items:
                key = "reference" if kind == "references" else "summary"
                items[-1][key] = "\n\n".join(p for p in (items[-1].get(key), block.source) if p)
            else:
                entry = _entry_from_heading(block.text.split("\n")[0], kind)
                rest = "\n".join(block.text.split("\n")[1:]).strip()
                if rest:
                    entry["reference" if kind == "references" else "summary"] = rest
                items.append(entry)
    return items


def _until_heading(blocks: list[Block], level: int) -> list[Block]:
    out = []
    for block in blocks:
        if block.kind == "heading" and block.level == level:
            break
        out.append(block)
    return out


def _pairs(section: Section, kind: str) -> list[dict[str, Any]] | None:
    """Skills ("Backend: Go, Python"), languages ("English — fluent"), interests."""
    items: list[dict[str, Any]] = []
    name_key = "language" if kind == "languages" else "name"
    value_key = "fluency" if kind == "languages" else "keywords"
    for block in section.blocks:
        if block.kind == "bullets":
            for bullet in block.bullets:
                for line in [bullet.text, *_flatten(bullet.children, "")]:
                    items.append(_pair(line, name_key, value_key))
        elif block.kind == "table":
            rows = block.rows[1:] if len(block.rows) > 1 else block.rows
            for row in rows:
                items.append(
                    _pair(
                        " : ".join([row[0], ", ".join(row[1:])]) if len(row) > 1 else row[0],
                        name_key,
                        value_key,
                    )
                )
        elif block.kind == "heading":
            items.append({name_key: _title_text(block.text) or block.text})
        elif block.kind in ("paragraph", "html", "code"):
            for line in block.text.split("\n"):
                if line.strip():
                    items.append(_pair(line, name_key, value_key))
    return items


def _pair(line: str, name_key: str, value_key: str) -> dict[str, Any]:
    match = _KEY_LINE.match(line)
    if match and match.group(2).strip():
        name, value = match.group(1).strip(), match.group(2).strip()
    else:
        parts = re.split(r"\s+[—–-]\s+|\s*\|\s*", line, maxsplit=1)
        name, value = (parts[0], parts[1]) if len(parts) == 2 else (line, "")
    item: dict[str, Any] = {name_key: name}
    if value:
        if value_key == "keywords":
            item["keywords"] = [v.strip() for v in re.split(r",|/(?!/)|·", value) if v.strip()]
        else:
            item[value_key] = value
    return item


def _custom_section(section: Section, index: int) -> dict[str, Any]:
    title = _title_text(section.title) or section.title
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or f"section-{index + 1}"
    section_id = f"md-{slug}-{index + 1}"
    blocks = section.blocks
    kinds = {b.kind for b in blocks}
    lines = [line for b in blocks for line in b.source.split("\n") if line.strip()]
    star = sum(1 for line in lines if re.match(r"^\s*[-*]?\s*\**[STAR]\**\s*[:：.]", line))
    if star >= 2:
        return {
            "id": section_id,
            "title": title,
            "kind": "notes",
            "notes": [{"title": title, "text": _sources(blocks)}],
        }
    if kinds == {"table"} and len(blocks) == 1 and blocks[0].rows:
        rows = blocks[0].rows
        return {
            "id": section_id,
            "title": title,
            "kind": "table",
            "header": rows[0],
            "rows": rows[1:],
        }
    if kinds == {"bullets"}:
        entries = []
        for line in (t for b in blocks for t in _flatten(b.bullets)):
            match = _SINGLE_DATE.match(line)
            if not match or find_period(line)[0]:  # a period is not one date
                entries = None
                break
            try:
                date = parse_date(match.group(1))
            except DateParseError:
                entries = None
                break
            entries.append({"date": date.iso() if date else None, "title": match.group(2)})
        if entries:
            return {"id": section_id, "title": title, "kind": "dated", "entries": entries}
        return {
            "id": section_id,
            "title": title,
            "kind": "list",
            "items": [t for b in blocks for t in _flatten(b.bullets)],
        }
    return {"id": section_id, "title": title, "kind": "text", "text": _sources(blocks)}


def _sources(blocks: list[Block]) -> str:
    """The blocks' own Markdown, one blank line between them."""
    return "\n\n".join(b.source.strip("\n") for b in blocks if b.source.strip())


# --- entry point ------------------------------------------------------------------------


def split_front_matter(text: str, source: str) -> tuple[dict[str, Any], str, int]:
    """(front matter, body, number of lines the front matter took)."""
    if not text.startswith("---"):
        return {}, text, 0
    lines = text.split("\n")
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            try:
                data = yaml.safe_load("\n".join(lines[1:end])) or {}
            except yaml.YAMLError as error:
                mark = getattr(error, "problem_mark", None)
                raise ResumeFileError(
                    f"front matter is not valid YAML: {getattr(error, 'problem', error)}",
                    file=source,
                    line=mark.line + 2 if mark else None,
                ) from None
            if not isinstance(data, dict):
                raise ResumeFileError("front matter must be key: value lines", file=source, line=2)
            return data, "\n".join(lines[end + 1 :]), end + 1
    return {}, text, 0


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)  # dates and the like


def markdown_to_resume(text: str, source: str = "<markdown>") -> Resume:
    """Import a Markdown résumé; raises ResumeFileError (with a line) or returns it whole."""
    front, body, _offset = split_front_matter(text.replace("\r\n", "\n"), source)
    body = _KRAMDOWN_ATTRS.sub("", body)
    body = re.sub(r"[ \t]*<br\s*/?>[ \t]*", "\n", body, flags=re.IGNORECASE)
    blocks = parse_blocks(body)
    builder = _Builder()
    basics = builder.data["basics"]
    heading_levels = [b.level for b in blocks if b.kind == "heading"]
    header: list[Block] = []
    first_h1 = next((i for i, b in enumerate(blocks) if b.kind == "heading"), None)
    if first_h1 is not None and blocks[first_h1].level == min(heading_levels):
        title = blocks[first_h1]
        if _section_kind(title.text) is None or heading_levels.count(title.level) == 1:
            basics["name"] = _title_text(title.text) or title.text
            header = blocks[:first_h1]
            blocks = blocks[first_h1 + 1 :]
            heading_levels = [b.level for b in blocks if b.kind == "heading"]
    section_level = min(heading_levels, default=0)
    sections: list[Section] = []
    for block in blocks:
        if block.kind == "heading" and block.level == section_level:
            sections.append(Section(block.text, block.level))
        elif sections:
            sections[-1].blocks.append(block)
        else:
            header.append(block)
    builder.header(header)
    for section in sections:
        builder.section(section)
    for key in ("author", "name"):
        if not basics.get("name") and isinstance(front.get(key), str):
            basics["name"] = front[key]
    if not basics["profiles"]:
        basics.pop("profiles")
    extras = builder.data.setdefault("x-cveditor", {})
    if re.search("[\uac00-\ud7a3]", body):
        extras.setdefault("layout", {})["locale"] = "ko"
    if front:
        extras["frontMatter"] = _jsonable(front)
    if builder.custom:
        extras["sections"] = builder.custom
    return resume_from_data(_clean(builder.data), source)


def _clean(value: Any) -> Any:
    """Drop the None dates the model leaves out anyway."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value
