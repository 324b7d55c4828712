"""Resume → a clean Markdown résumé with front matter, written so that it imports back
to the same content (the shapes markdown_import recognises).

A Markdown file is rendered by other programs (GitHub, Jekyll, editors) with raw HTML
on, so nothing the PDF would not show goes out live. Text that is safe as it is goes
out as written (so an import of the export reads the same); text with links other
than http(s), mailto and tel, pictures, or HTML beyond simple formatting tags loses
them — a plain field (name, heading, contact, cell) has every mark escaped, a Markdown
field keeps the rest of its formatting. The photo leaves only as a PNG data: URI.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model.layout import SECTION_TITLES
from ..model.printed import shareable_resume
from ..model.resume import JobProject, Resume
from ..model.sections import section_order
from .md_dates import SINGLE_DATE_FIELD

ENTRY_FIELDS: dict[str, tuple[str, str]] = {  # section → (first, second) heading parts
    "work": ("name", "position"),
    "education": ("institution", "area"),
    "volunteer": ("organization", "position"),
    "awards": ("title", "awarder"),
    "projects": ("name", "entity"),
    "certificates": ("name", "issuer"),
    "publications": ("name", "publisher"),
    "references": ("name", "reference"),
}
PROJECT_LABELS = {
    "ko": (
        "프로젝트 명",
        "공식 과제 명",
        "수행 기간",
        "사용 기술 스택",
        "팀 구성",
        "역할",
        "세부 사항",
    ),
    "en": ("Project", "Official name", "Period", "Tech stack", "Team", "Role", "Details"),
}
PRESENT = {"ko": "현재", "en": "present"}
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")  # the links the PDF keeps
#: HTML that only formats: kept as written, so a résumé imported from Markdown with it
#: exports the same. Any attribute (onclick=, src=, style=) makes a tag unsafe.
HARMLESS_TAG = re.compile(
    r"</?(?:b|i|em|strong|u|s|del|ins|mark|small|sub|sup|code|kbd|pre|br|hr|p|div|span"
    r"|ul|ol|li|blockquote|h[1-6]|table|thead|tbody|tr|th|td)\s*/?>",
    re.IGNORECASE,
)
ANY_TAG = re.compile(r"<[A-Za-z!?/][^<>]*>?")
INLINE_LINK = re.compile(r"(!?)\[([^\[\]]*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+[^)]*)?\)")
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")
PNG_DATA_URI = re.compile(r"data:image/png;base64,[A-Za-z0-9+/]+=*")
_ESCAPED = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation mark


def _checker() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True})  # as a lenient reader would see it
    md.enable(["table", "strikethrough"])
    md.validateLink = lambda _url: True  # type: ignore[method-assign]  # see every link
    return md


_CHECK = _checker()


def _tokens(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        yield from _tokens(token.children or [])


def _safe_url(url: str) -> bool:
    return url.strip().lower().startswith(SAFE_SCHEMES)


def _acts(text: str) -> bool:
    """Whether ``text``, read as Markdown with raw HTML on, would do more than show
    text: HTML beyond formatting tags, images, links other than http(s), mailto, tel."""
    env: dict[str, Any] = {}
    hrefs = []
    for token in _tokens(_CHECK.parse(text, env)):
        if token.type in ("html_block", "html_inline"):
            if not all(HARMLESS_TAG.fullmatch(tag) for tag in ANY_TAG.findall(token.content)):
                return True
        elif token.type == "image":
            return True
        elif token.type == "link_open":
            hrefs.append(str(token.attrs["href"]))
    # a reference definition could serve a link written in another field
    hrefs += [ref.get("href", "") for ref in env.get("references", {}).values()]
    return not all(_safe_url(href) for href in hrefs)


def _web(url: str) -> bool:
    """Contacts link only to the web, like the PDF: no javascript:, data: or file:."""
    return url.strip().lower().startswith(("http://", "https://"))


def _escape_all(text: str) -> str:
    return _ESCAPED.sub(r"\\\1", text)


def _plain(text: str) -> str:
    """A plain field (name, heading, contact, cell): as written when safe, every mark
    escaped when it would make an unsafe link, a picture or HTML."""
    text = " ".join(text.split()) if "\n" in text or "\r" in text else text
    return _escape_all(text) if _acts(text) else text


def _md(text: str) -> str:
    """A Markdown field: as written when safe; otherwise unsafe links lose their
    target, pictures become their alt text and other tags are escaped — or, if that
    is still not safe, every mark is escaped."""
    if not _acts(text):
        return text

    def link(match: re.Match[str]) -> str:
        bang, label, url = match.groups()
        return match.group(0) if not bang and _safe_url(url) else label

    def tag(match: re.Match[str]) -> str:
        found = match.group(0)
        if HARMLESS_TAG.fullmatch(found):
            return found
        if autolink := AUTOLINK.fullmatch(found):
            return found if _safe_url(autolink.group(1)) else autolink.group(1)
        return "&lt;" + found[1:]

    fixed = ANY_TAG.sub(tag, INLINE_LINK.sub(link, text))
    return fixed if not _acts(fixed) else _escape_all(text)


def _date(iso: str | None) -> str:
    return iso.replace("-", ".") if iso else ""


def _period(start: str | None, end: str | None, locale: str) -> str:
    if not start:
        return ""
    return f"{_date(start)} ~ {_date(end) or PRESENT[locale]}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _project(project: JobProject, locale: str) -> list[str]:
    name, official, period, stack, team, role, details = PROJECT_LABELS[locale]
    lines = [f"- {name} : {_plain(project.name)}"]
    when = _period(project.date_text("startDate"), project.date_text("endDate"), locale)
    for label, value in (
        (official, _plain(project.officialName)),
        (period, _plain(when)),
        (stack, _plain(", ".join(project.techStack))),
        (team, _plain(project.team)),
        (role, _plain(project.role)),
        (details, _md(_one_line(project.summary))),
    ):
        if value:
            lines.append(f"  - {label} : {value}")
    lines += [
        f"  - {_plain(f.label)} : {_plain(f.value)}" if f.label else f"  - {_plain(f.value)}"
        for f in project.fields
    ]
    lines += [f"  - {_md(h)}" for h in project.highlights]
    return lines


#: The field an entry's paragraph comes from, where it is not ``summary``.
TEXT_FIELD = {"references": "reference", "projects": "description"}


def _second_part(item: object, section_id: str, second: str) -> str:
    """What follows the entry's name in its heading: a degree is its type and area
    ("B.S. Computer Science"), which the importer reads back as both."""
    if section_id == "references":
        return ""
    if section_id == "education":
        return " ".join(p for p in (item.studyType, item.area) if p)  # type: ignore[attr-defined]
    return getattr(item, second, "")


def _entries(resume: Resume, section_id: str, locale: str) -> list[str]:
    first, second = ENTRY_FIELDS[section_id]
    out: list[str] = []
    for item in getattr(resume, section_id):
        if item.hidden:
            continue
        start = item.date_text("startDate") if hasattr(item, "startDate") else None
        end = item.date_text("endDate") if hasattr(item, "endDate") else None
        parts = [getattr(item, first, ""), _second_part(item, section_id, second)]
        parts.append(_period(start, end, locale))
        single_field = SINGLE_DATE_FIELD.get(section_id, "")
        single = item.date_text(single_field) if hasattr(item, single_field) else None
        heading = " | ".join(_plain(p) for p in parts if p)
        when = _plain(_date(single))
        out += ["", f"### [{when}] {heading}" if single else f"### {heading}"]
        text = getattr(item, TEXT_FIELD.get(section_id, "summary"), "")
        if text:
            out += ["", _md(text)]
        bullets = list(getattr(item, "highlights", [])) + list(getattr(item, "courses", []))
        if bullets:
            out.append("")
            out += [f"- {_md(b)}" for b in bullets]
        if section_id == "work" and item.projects:
            out.append("")
            for project in item.projects:
                if not project.hidden:
                    out += _project(project, locale)
    return out


def _pairs(resume: Resume, section_id: str) -> list[str]:
    out = [""]
    for item in getattr(resume, section_id):
        if item.hidden:
            continue
        if section_id == "languages":
            fluency = f" — {_plain(item.fluency)}" if item.fluency else ""
            out.append(f"- {_plain(item.language)}{fluency}")
        else:
            keywords = _plain(", ".join(item.keywords))
            name = _plain(item.name)
            out.append(f"- {name} : {keywords}" if keywords else f"- {name}")
    return out


def _list_section(section: Any) -> list[str]:
    return [f"- {_md(item)}" for item in section.items]


def _dated_section(section: Any) -> list[str]:
    out = []
    for entry in section.entries:
        parts = (entry.status, f"({entry.number})" if entry.number else "", entry.title)
        text = " ".join(_plain(p) for p in parts if p)
        if entry.details:
            text += f" — {_md(entry.details)}"
        when = _plain(entry.cv.typedDates.get("date") or _date(entry.date))
        out.append(f"- [{when}] {text}" if when else f"- {text}")
    return out


def _table_section(section: Any) -> list[str]:
    width = max([len(section.header)] + [len(r) for r in section.rows])
    header = [_plain(c) for c in section.header] + [""] * (width - len(section.header))
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * width]
    out += [
        "| " + " | ".join([_plain(c) for c in r] + [""] * (width - len(r))) + " |"
        for r in section.rows
    ]
    return out


def _text_section(section: Any) -> list[str]:
    return [_md(section.text)]


#: How each printable custom kind is written; private kinds never reach this table.
CUSTOM_WRITERS: dict[str, Callable[[Any], list[str]]] = {
    "list": _list_section,
    "dated": _dated_section,
    "table": _table_section,
    "text": _text_section,
}


def resume_to_markdown(resume: Resume, *, photo: str = "") -> str:
    """Only what prints goes out (model.printed.shareable_resume): no hidden items,
    sections or notes, no unprinted personal fields; the photo only as ``photo``, a
    PNG data: URI re-encoded from the pixels (render.build.shareable_photo)."""
    resume = shareable_resume(resume, photo=photo)
    layout = resume.layout
    locale = layout.locale
    titles = layout.sectionTitles
    basics = resume.basics
    out: list[str] = []
    front = dict(getattr(resume.cv, "frontMatter", None) or {})
    if front:
        out += [
            "---",
            yaml.safe_dump(front, allow_unicode=True, sort_keys=False).rstrip(),
            "---",
            "",
        ]
    if PNG_DATA_URI.fullmatch(basics.image):
        out += [f'<p align="center"><img src="{basics.image}"></p>', ""]
    out.append(f"# {_plain(basics.name)}" if basics.name else "# ")
    contacts = []
    if "contact" in titles:
        out += ["", f"## {_plain(titles['contact'])}"]
    place = ", ".join(p for p in (basics.location.city, basics.location.region) if p)
    for label, value in (
        ("email", basics.email),
        ("phone", basics.phone),
        ("website", basics.url if _web(basics.url) else ""),
        ("location", place),
    ):
        if value:
            contacts.append(f"- {label} : {_plain(value)}")
    contacts += [
        f"- {_plain(p.network.lower()) or 'profile'} : {_plain(p.url)}"
        for p in basics.profiles
        if _web(p.url) and not p.hidden
    ]
    if contacts:
        out += ["", *contacts]
    if basics.label:
        out += ["", f"**{_plain(basics.label)}**"]
    if basics.summary:
        if "summary" in titles:
            out += ["", f"## {_plain(titles['summary'])}"]
        out += ["", _md(basics.summary)]
    hidden = set(layout.hiddenSections)
    for section_id in section_order(resume):
        if section_id in hidden:
            continue
        custom = resume.custom_section(section_id)
        if custom is not None:
            body = ["", *CUSTOM_WRITERS[custom.kind](custom)]
            title = custom.title or section_id
        elif section_id in ENTRY_FIELDS:
            body = _entries(resume, section_id, locale)
            title = titles.get(section_id) or SECTION_TITLES[locale][section_id]
        else:
            body = _pairs(resume, section_id)
            title = titles.get(section_id) or SECTION_TITLES[locale][section_id]
        if len([line for line in body if line.strip()]) == 0:
            continue
        out += ["", f"## {_plain(title)}", *body]
    return "\n".join(out).rstrip() + "\n"
