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
from typing import Any

import yaml

from ..errors import ResumeFileError
from ..model.resume import Resume
from . import limits
from .md_blocks import Block, Section, flatten, parse_blocks
from .md_sections import custom_section, entries, only_value, pairs
from .md_vocabulary import (
    EMAIL,
    IMG_SRC,
    KEY_ALIASES,
    KEY_LINE,
    KRAMDOWN_ATTRS,
    MD_IMG,
    PHONE,
    SINGLE_DATE_FIELD,
    TAG,
    URL,
    key_kind,
    plain,
    section_kind,
    title_text,
)
from .native import resume_from_data

__all__ = ["KEY_ALIASES", "SINGLE_DATE_FIELD", "markdown_to_resume", "split_front_matter"]

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
        match = KEY_LINE.match(text)
        key = key_kind(match.group(1)) if match else None
        value = match.group(2).strip() if match else text.strip()
        plain_value = KRAMDOWN_ATTRS.sub("", value).strip()
        url = URL.search(plain_value)
        if key == "email" or (key is None and EMAIL.fullmatch(plain(value) or "")):
            email = EMAIL.search(plain_value)
            if email and "email" not in basics:
                basics["email"] = email.group(0)
                return only_value(plain_value, email.group(0))
        if key == "phone" or (key is None and PHONE.fullmatch(plain(value) or "")):
            phone = PHONE.search(plain_value)
            if phone and "phone" not in basics:
                basics["phone"] = phone.group(0).strip()
                return only_value(plain_value, phone.group(0))
        if key in ("github", "linkedin") and url:
            network = "GitHub" if key == "github" else "LinkedIn"
            basics["profiles"].append({"network": network, "url": url.group(0)})
            return only_value(plain_value, url.group(0))
        if key == "url" and url and "url" not in basics:
            basics["url"] = url.group(0)
            return only_value(plain_value, url.group(0))
        if key == "location" and value:
            basics.setdefault("location", {})["address"] = value
            return True
        if key is None and url and "url" not in basics and only_value(plain_value, url.group(0)):
            basics["url"] = url.group(0)  # a web address alone on its line
            return True
        return False

    def header(self, blocks: list[Block]) -> None:
        basics = self.data["basics"]
        summary: list[str] = []
        for block in blocks:
            if block.kind == "html" or (block.kind == "paragraph" and "<img" in block.text):
                image = IMG_SRC.search(block.text)
                if image and "image" not in basics:
                    basics["image"] = image.group(1)
                rest = TAG.sub(" ", block.text).strip()
                if rest:
                    summary.append(rest)
                continue
            if block.kind == "paragraph" and (image := MD_IMG.search(block.text)):
                basics.setdefault("image", image.group(1))
            if block.kind == "bullets":
                for bullet in flatten(block.bullets):
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
        plain = title_text(title)
        if plain:
            layout = self.data.setdefault("x-cveditor", {}).setdefault("layout", {})
            titles = layout.setdefault("sectionTitles", {})
            if kind in titles and plain not in titles[kind]:
                plain = f"{titles[kind]} · {plain}"  # two headings merged into one section
            titles[kind] = plain

    def section(self, section: Section) -> None:
        kind = section_kind(section.title)
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
            items = entries(section, kind)
            if items is not None:
                self.data.setdefault(kind, []).extend(items)
                self.keep_title(kind, section.title)
                return
        if kind in ("skills", "interests", "languages"):
            items = pairs(section, kind)
            if items is not None:
                self.data.setdefault(kind, []).extend(items)
                self.keep_title(kind, section.title)
                return
        self.custom.append(custom_section(section, len(self.custom)))


# --- entry point ------------------------------------------------------------------------


class _FrontMatterError(yaml.YAMLError):
    """Front matter that breaks a bound: the message, where, and the key path."""

    def __init__(self, message: str, mark: Any, steps: list[str | int]) -> None:
        super().__init__(message)
        self.message, self.mark, self.steps = message, mark, list(steps)


class _FrontMatterLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` without anchors and aliases, within the limits of io.limits.

    An alias repeats what its anchor names, so a few hundred bytes of them expand to
    gigabytes (the "billion laughs"), and one naming itself loops; front matter needs
    neither. Nesting depth and text length are bounded as in a JSON résumé.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.steps: list[str | int] = []

    def compose_node(self, parent: Any, index: Any) -> Any:
        step: str | int | None = None
        if isinstance(parent, yaml.SequenceNode):
            step = index
        elif isinstance(parent, yaml.MappingNode) and isinstance(index, yaml.ScalarNode):
            step = index.value  # composing a value: its key is known
        if step is not None:
            self.steps.append(step)
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            name = event.anchor
            raise _FrontMatterError(
                f"YAML anchors and aliases (&{name}, *{name}) are not read, as a few of "
                "them can stand for gigabytes: write the values out",
                event.start_mark,
                self.steps,
            )
        if isinstance(event, yaml.ScalarEvent) and len(event.value) > limits.MAX_FIELD_CHARS:
            raise _FrontMatterError(
                f"this value is {len(event.value):,} characters long; "
                f"a field can hold at most {limits.MAX_FIELD_CHARS:,}",
                event.start_mark,
                self.steps,
            )
        if len(self.steps) > limits.MAX_DEPTH:
            raise _FrontMatterError(
                f"nested more than {limits.MAX_DEPTH} levels deep",
                event.start_mark,
                self.steps,
            )
        node = super().compose_node(parent, index)
        if step is not None:
            self.steps.pop()
        return node


def _steps_text(steps: list[str | int]) -> str:
    text = "front matter"
    for step in steps[:8]:
        text += f"[{step}]" if isinstance(step, int) else f".{step}"
    return text + ("…" if len(steps) > 8 else "")


def split_front_matter(text: str, source: str) -> tuple[dict[str, Any], str, int]:
    """(front matter, body, number of lines the front matter took).

    The front matter is read with _FrontMatterLoader: no aliases, bounded depth and
    length; a refusal names the file, line and key.
    """
    if not text.startswith("---"):
        return {}, text, 0
    lines = text.split("\n")
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            try:
                loader = _FrontMatterLoader("\n".join(lines[1:end]))
                try:
                    data = loader.get_single_data() or {}
                finally:
                    loader.dispose()
            except _FrontMatterError as error:
                raise ResumeFileError(
                    error.message,
                    file=source,
                    field=_steps_text(error.steps),
                    line=error.mark.line + 2,
                    column=error.mark.column + 1,
                ) from None
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
    body = KRAMDOWN_ATTRS.sub("", body)
    body = re.sub(r"[ \t]*<br\s*/?>[ \t]*", "\n", body, flags=re.IGNORECASE)
    blocks = parse_blocks(body)
    builder = _Builder()
    basics = builder.data["basics"]
    heading_levels = [b.level for b in blocks if b.kind == "heading"]
    header: list[Block] = []
    first_h1 = next((i for i, b in enumerate(blocks) if b.kind == "heading"), None)
    if first_h1 is not None and blocks[first_h1].level == min(heading_levels):
        title = blocks[first_h1]
        if section_kind(title.text) is None or heading_levels.count(title.level) == 1:
            basics["name"] = title_text(title.text) or title.text
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
