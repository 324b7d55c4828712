"""Projects within a job (경력기술서): from a bullet with 프로젝트 명 / 수행 기간 / …
sub-bullets, from a flat list that starts with 프로젝트 명, or from a sub-heading
("### SVMS Project (2020.02 ~ 2020.07)") and the lines under it."""

from __future__ import annotations

import re
from typing import Any

from ..model.dates import DateParseError, parse_date
from .md_blocks import Block, Bullet, flatten
from .md_dates import find_period
from .md_split import split_outside
from .md_vocabulary import KEY_LINE, URL, key_kind, plain, title_text

PROJECT_KEYS = frozenset(
    {"name", "officialName", "period", "techStack", "team", "role", "summary", "highlights"}
)
#: "Project: Workflow Builder", "프로젝트: 주문 알림 개편", "프로젝트 ① 비대면 진료",
#: "Project #2 — Billing": a project named after a colon or a number (a label, not a section).
PROJECT_LABEL = re.compile(
    r"^(?:프로젝트|project|과제|case\s+study|사례)\s*"
    r"(?:(?:명|name)?\s*[:：]|[\u2460-\u2473\u2776-\u277f]|#?\d{1,2}(?:[.):]|(?=\s)))"
    r"\s*[-–—:]?\s*(?=\S)",
    re.IGNORECASE,
)
ONLY_DURATION = re.compile(
    r"\(?\s*(?:약\s*)?\d+\s*(?:년|개월|months?|years?|yrs?|mos?)"
    r"(?:\s*\d+\s*(?:개월|months?|mos?))?\s*\)?",
    re.IGNORECASE,
)
LINKED = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
NUMBERING = re.compile(r"^\s*(?:(?:\d{1,2}|[A-Za-z]|[ivx]{1,4})[.)]|\(\d{1,2}\))\s+(?=\S)")


def _items(value: str) -> list[str]:
    """A key's value with its sub-bullets, "a\n- b\n- c", as ["a", "b", "c"]."""
    return [
        line.strip().removeprefix("- ").strip() for line in value.split("\n") if line.strip(" -")
    ]


def key_line(text: str) -> tuple[str, str, str | None] | None:
    """(label as written, value, kind of the label) of a "key : value" line."""
    if "\n" in text.strip() or URL.match(text.strip()):
        return None
    match = KEY_LINE.match(text)
    if not match:
        return _other_key(text)
    if len(plain(match.group(1))) > 30 or not plain(match.group(1)):
        return None
    label = title_text(match.group(1)).strip(" -–—|·")
    value = match.group(2).strip()
    lead = re.match(r"\s*([*_]{1,2})(?![*_])", text)
    if lead and value.endswith(lead.group(1)):  # "*Note to self: …*": the line's emphasis
        value = value[: -len(lead.group(1))].rstrip()
    return label, value, key_kind(match.group(1))


#: A known key with another separator: "직급/직책 - 대리", "기간) 2021.03 ~ 2021.09",
#: "[성과]" alone over its bullets, "◦ 역할 - 백엔드 개발".
OTHER_KEY = re.compile(
    r"^\s*(?:[◦•▪·]\s*)?(?:\[(?P<bracket>[^\]\n]{1,20})\]\s*(?P<after>.*)"
    r"|(?P<paren>[^\s()\[\]:：][^()\[\]:：\n]{0,19}?)\)\s*(?P<pvalue>\S.*)"
    r"|(?P<dash>[^\s\-–:：][^:：\n]{0,19}?)\s+[-–]\s+(?P<dvalue>\S.*))$"
)


def _other_key(text: str) -> tuple[str, str, str | None] | None:
    """A key line written without a colon, read only when the label is a known key
    (so "Payments - led the rewrite" stays text)."""
    match = OTHER_KEY.match(text)
    if not match:
        return None
    label = match.group("bracket") or match.group("paren") or match.group("dash")
    value = match.group("after") if match.group("bracket") else None
    value = value if value is not None else (match.group("pvalue") or match.group("dvalue"))
    kind = key_kind(title_text(label))
    if kind is None or kind in ("person", "email", "phone", "url", "location"):
        return None
    return title_text(label).strip(), value.strip(), kind


def set_period(entry: dict[str, Any], label: str, value: str) -> list[str]:
    """Dates of "수행 기간 : 2018. 06 ~ 2019. 01 (7개월)" into the entry; what is left
    ("(7개월)") comes back as a line to keep."""
    start, end, rest = find_period(value)
    if start:
        entry["startDate"] = start
        if end:
            entry["endDate"] = end
        else:
            entry.pop("endDate", None)
        return [f"{label}: {_bracket(value, rest)}"] if rest else []
    try:
        single = parse_date(value)
    except DateParseError:
        single = None
    if single:
        entry["startDate"] = single.iso()
        return []
    return [f"{label}: {value}"]


def _bracket(value: str, rest: str) -> str:
    """A duration stays as written: "(15개월)", not "15개월"."""
    match = re.search(r"\(\s*" + re.escape(rest) + r"\s*\)", value)
    return match.group(0) if match else rest


def apply_key(entry: dict[str, Any], label: str, value: str, kind: str | None) -> list[str]:
    """Put one recognised key of a project into it; returns lines it could not place."""
    if kind == "period":
        return set_period(entry, label, value)
    if kind == "techStack":
        entry["techStack"] = [t.strip(" -") for t in split_outside(value, r",|\s/\s|·|\n-")]
        return []
    if kind in ("name", "officialName", "team", "role") and not entry.get(kind):
        entry[kind] = value
        return []
    if kind == "summary" and value.startswith("- "):  # "세부 사항 :" over its sub-bullets
        kind = "highlights"
    if kind == "summary":
        entry["summary"] = "\n\n".join(p for p in (entry.get("summary"), value) if p)
        return []
    if kind == "highlights":
        entry.setdefault("highlights", []).extend(_items(value))
        return []
    return [f"{label}: {value}"]


def add_line(project: dict[str, Any], label: str, value: str, kind: str | None) -> None:
    """One "key: value" line into a project: known keys to their fields, others kept."""
    spare = apply_key(project, label, value, kind) if kind in PROJECT_KEYS else None
    if spare is None:
        project.setdefault("fields", []).append({"label": label, "value": value})
    else:
        for line in spare:
            key, _, rest = line.partition(": ")
            if kind == "period" and ONLY_DURATION.fullmatch(rest):
                continue  # "(7개월)": the dates say it, a field of its own says it twice
            project.setdefault("fields", []).append({"label": key, "value": rest})


def project_from_bullet(bullet: Bullet) -> dict[str, Any] | None:
    """A bullet whose sub-bullets are 프로젝트 명 / 수행 기간 / … lines is a project."""
    if not bullet.children:
        return None  # a flat "- 프로젝트 명 : …" line opens a project of a flat list
    head = key_line(bullet.text)
    head_is_name = head is not None and head[2] == "name"
    keyed = [key_line(c.text) if not c.children else None for c in bullet.children]
    known = {k[2] for k in keyed if k and k[2]}
    if not ({"period", "techStack", "officialName", "team", "name"} & known or head_is_name):
        return None
    project: dict[str, Any] = {}
    if head_is_name and head is not None:
        project["name"] = head[1]
    elif "name" not in known:
        project["name"] = bullet.text
    elif bullet.text.strip():
        project.setdefault("fields", []).append({"label": "", "value": bullet.text})
    for child, key in zip(bullet.children, keyed, strict=True):
        if key is not None:
            add_line(project, *key)
        elif child.children and (nested := key_line(child.text)):
            value = "\n".join([nested[1], *(f"- {t}" for t in flatten(child.children))])
            add_line(project, nested[0], value.strip(), nested[2])
        else:
            project.setdefault("highlights", []).extend(flatten([child]))
    project.setdefault("highlights", []).extend(bullet.tail)
    return _tidy(project)


def _tidy(project: dict[str, Any]) -> dict[str, Any]:
    for key in ("fields", "highlights"):
        if not project.get(key):
            project.pop(key, None)
    return project


def job_project(heading: Block | None, body: list[Block]) -> dict[str, Any]:
    """A project from a sub-heading (name and period) and the blocks under it."""
    project: dict[str, Any] = {}
    if heading is not None:
        text = " ".join(heading.text.split())
        start, end, rest = find_period(text)
        if start:
            project["startDate"] = start
            if end:
                project["endDate"] = end
        name = PROJECT_LABEL.sub("", NUMBERING.sub("", title_text(rest) or rest))
        if link := LINKED.fullmatch(name.strip()):  # "### [모아책 — …](https://github.com/…)"
            name = link.group(1)
            project["fields"] = [{"label": "Link", "value": link.group(2)}]
        project["name"] = name.strip()
    fill_project(project, body)
    return project


def fill_project(project: dict[str, Any], body: list[Block]) -> None:
    """Key lines to fields, bullets to highlights, the rest (as written) to details."""
    summary: list[str] = [project.pop("summary")] if project.get("summary") else []
    for block in body:
        if block.kind == "bullets":
            for bullet in block.bullets:
                bullet, link = trailing_link(bullet)
                if link:
                    project.setdefault("fields", []).append({"label": "Link", "value": link})
                key = key_line(bullet.text)
                if key is not None and bullet.children:  # "**성과**:" and its sub-bullets
                    value = "\n".join([key[1], *(f"- {t}" for t in flatten(bullet.children))])
                    add_line(project, key[0], value.strip(), key[2])
                elif key is not None:
                    add_line(project, *key)
                else:
                    project.setdefault("highlights", []).extend(flatten([bullet]))
        elif block.kind == "table" and _field_row(block):
            for label, cell in zip(block.rows[0], block.rows[1], strict=False):
                if cell.strip():  # | 기간 | 역할 | 기술 스택 | over one row: its fields
                    add_line(project, label.strip(), cell.strip(), key_kind(label))
        elif block.kind == "paragraph" and any(key_line(x) for x in _lines(block)):
            text = []
            for line in _lines(block):  # "*Period*: …" lines and the project's text
                keys = keyed_parts(line)
                for key in keys:
                    add_line(project, *key)
                if not keys:
                    text.append(line)
            if text:
                summary.append("\n".join(text))
        elif block.source.strip():
            summary.append(block.text if block.kind == "paragraph" else block.source)
    if summary:
        project["summary"] = "\n\n".join(p for p in (project.get("summary"), *summary) if p)
    _tidy(project)


def _field_row(block: Block) -> bool:
    """A table of one row whose header cells are a project's keys (기간, 역할 …)."""
    if len(block.rows) != 2:
        return False
    kinds = [key_kind(cell) for cell in block.rows[0]]
    return sum(1 for k in kinds if k in PROJECT_KEYS) * 2 >= len(kinds) > 0


def _lines(block: Block) -> list[str]:
    return [line for line in block.text.split("\n") if line.strip()]


DATE_FIRST = re.compile(r"^\s*[\[(]?\s*(?:['’]\d{2}|\d{4}|\d{1,2}/\d{4}|[A-Za-z]{3,9}\.?\s+\d{4})")


def dated_project(bullet: Bullet, *, listed: bool = False) -> dict[str, Any] | None:
    """A bullet of a job that opens with its own period is a part of the job done
    then: a project with those dates, named by the rest of the line."""
    text = bullet.text.split("\n")[0]
    if not DATE_FIRST.match(text):
        return _named_dated_project(bullet, listed=listed)
    start, end, rest = find_period(text)
    if not start or not rest or len(rest) > 120:
        return None
    project: dict[str, Any] = {"name": title_text(rest), "startDate": start}
    if end:
        project["endDate"] = end
    more = bullet.text.split("\n")[1:] + flatten(bullet.children) + bullet.tail
    if more:
        project["highlights"] = [line.strip() for line in more if line.strip()]
    return project


#: "민원 안내 시스템 고도화 (2016.04 ~ 2017.02) — JSP, Oracle": a name, its period in
#: brackets, and what it was built with after a dash.
NAMED_PERIOD = re.compile(
    r"^(?P<name>(?:[^()]|\([^()]*\)){2,80}?)\s*\((?P<period>[^()]+)\)\s*"
    r"(?:[—–-]\s*(?P<stack>.+)|[:：]\s*(?P<about>.+))?$"
)
#: A piece of work that names itself one: the word, a task force, a build or roll-out.
SELF_NAMED = re.compile(
    r"프로젝트|과제|(?<![A-Za-z])TF(?![A-Za-z])|태스크\s*포스|구축|도입|개발|고도화|전환|이관|런칭|출시"
    r"|\b(?:project|pilot|programme|program|initiative|task\s*force|migration|rollout|launch)\b",
    re.IGNORECASE,
)


def _named_dated_project(bullet: Bullet, *, listed: bool = False) -> dict[str, Any] | None:
    """A job's bullet naming a piece of work with its own period: a project of the job
    (the words after the dash its stack when they are a short list, else its text) when
    it says it is one (its words, bold, a description, sub-bullets) or is ``listed``
    under a projects label."""
    line = bullet.text.split("\n")[0].strip()
    found = NAMED_PERIOD.match(line)
    if found is None:
        return None
    more = bullet.text.split("\n")[1:] + flatten(bullet.children) + bullet.tail
    named = SELF_NAMED.search(found.group("name")) or line.startswith(("**", "__"))
    if not (named or listed or found.group("stack") or found.group("about") or more):
        return None  # "Cut costs by 12% (2019–2021)": an achievement, its dates its text
    start, end, left = find_period(found.group("period"))
    if not start or left:
        return None
    project: dict[str, Any] = {"name": title_text(found.group("name")), "startDate": start}
    if end:
        project["endDate"] = end
    stack = found.group("stack")
    items = split_outside(stack, r",|·") if stack else []
    if items and all(len(i.strip()) <= 30 for i in items):
        project["techStack"] = [i.strip() for i in items if i.strip()]
    elif stack:
        project["summary"] = stack.strip()
    if found.group("about"):
        project["summary"] = found.group("about").strip()  # "… (2019.04 ~ 2019.10): 설명"
    if more:
        project["highlights"] = [line.strip() for line in more if line.strip()]
    return project


LONE_LINK = re.compile(r"^\s*\[[^\]]+\]\((https?://[^)\s]+)\)\s*$")


def trailing_link(bullet: Bullet) -> tuple[Bullet, str | None]:
    """ "- 월 사용자 300명" with "[GitHub 저장소](https://…)" right under it, no blank
    line between: a lazy line of the bullet to CommonMark, but the project's address to
    its author. (the bullet without it, the address)."""
    lines = bullet.text.split("\n")
    found = LONE_LINK.match(lines[-1]) if len(lines) > 1 and not bullet.children else None
    if not found:
        return bullet, None
    rest = "\n".join(lines[:-1]).rstrip()
    return Bullet(rest, number=bullet.number, tail=bullet.tail), found.group(1)


def keyed_parts(line: str) -> list[tuple[str, str, str | None]]:
    """The keys of a line: one, or several joined by " / " ("기간) 2021.03 ~ 2021.09 /
    역할) 설계"), each a known key; [] for a line of text."""
    pieces = [p.strip() for p in re.split(r"\s+/\s+", line) if p.strip()]
    if len(pieces) > 1:
        keys = [key_line(p) for p in pieces]
        if all(keys):
            return [k for k in keys if k]
    key = key_line(line)
    return [key] if key else []


def meta_links(entry: dict[str, Any], rest: str) -> str:
    """A project's meta line ("4인 | [GitHub](…)") without its lone links, the first
    of which is the project's address."""
    pieces = [p.strip() for p in re.split(r"\s+[|·]\s+", rest) if p.strip()]
    kept = []
    for piece in pieces:
        found = LONE_LINK.match(piece)
        if found and not entry.get("url"):
            entry["url"] = found.group(1)
        elif not found:
            kept.append(piece)
    return " · ".join(kept) if len(kept) != len(pieces) else rest
