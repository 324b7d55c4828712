r"""Markdown dialects read as plain Markdown before anything else, line for line (the
number of lines never changes, so the review step still points at the source):

- Obsidian: Dataview fields ``이름:: 한소율`` (a "key: value" line), ``[[target|alias]]``
  links (their text), ``#tags`` closing a line (no text), callouts (a summary's marker
  dropped; a tip or warning is the author's note to self, so a comment), ``%% … %%``
  comments (comments);
- box-drawing bars between parts of a line ("2024.05 – 2024.12 │ Client"): "|";
- HTML written into Markdown: entities (``&nbsp;``, ``&middot;``), ``<small>``, and
  tool directives in comments (``<!-- omit in toc -->``: no text at all); GitHub's
  ``<details>`` blocks are md_details';
- Pandoc: the ``% Title`` block and definition lists (md_deflists);
- job sites: a bold section word with its total ("**경력**  총 6년 2개월"): the heading;
- Word and Google Docs exports: list markers escaped (``\- item``, ``\* item``) or
  written as glyphs (``• item``, indented ``· detail``), escaped separators
  (``a \| b``, ``010\-1234``): a list and plain characters, as the author saw them."""

from __future__ import annotations

import re

from .md_deflists import definition_lists
from .md_details import details_blocks
from .md_hygiene import FENCE
from .md_names import only_doc_words, without_doc_words
from .md_vocabulary import BADGE, section_kind

DATAVIEW = re.compile(r"^(\s*(?:[-*+]\s+)?)([^:`\[\]<>\n]{1,30}?)::(?:\s+|$)")
WIKILINK = re.compile(r"!?\[\[([^\]|#\n]*)(?:#[^\]|\n]*)?(?:\|([^\]\n]*))?\]\]")
LINE_TAGS = re.compile(r"(?:\s+#[^\s#\d!?.,:;()\[\]][^\s#!?,:;()\[\]]*)+\s*$")
CALLOUT = re.compile(r"^\s*>\s*\[!([A-Za-z-]+)\][+-]?\s*(.*)$")
#: Callout kinds that hold the text itself; the others (tip, warning, todo, question…)
#: call for the author's attention: notes to self.
TEXT_CALLOUTS = frozenset(
    {"abstract", "summary", "tldr", "info", "note", "quote", "cite", "example", "success"}
)
OBSIDIAN_COMMENT = re.compile(r"%%(.*?)%%")
ENTITIES = {
    "&nbsp;": " ",
    "&ensp;": " ",
    "&emsp;": " ",
    "&thinsp;": " ",
    "&middot;": "·",
    "&bull;": "•",
    "&ndash;": "–",
    "&mdash;": "—",
    "&hellip;": "…",
    "&amp;": "&",
    "&quot;": '"',
    "&apos;": "'",
    "&#39;": "'",
}
ENTITY = re.compile("|".join(map(re.escape, ENTITIES)) + r"|&#(\d{2,5});", re.IGNORECASE)
EMBED = re.compile(
    r"!\[\[[^\]]*\.(?:png|jpe?g|gif|svg|webp|bmp|pdf)(?:\|[^\]]*)?\]\]", re.IGNORECASE
)
TAGS_ONLY = re.compile(r"^\s*#[^\s#\d!?.,:;()\[\]][^\s#]*(?:\s+#[^\s#]+)*\s*$")
INLINE_TAG = re.compile(r"<(b|strong|i|em)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE)
SMALL_TAGS = re.compile(r"</?(?:small|big|u|mark|abbr|ins|cite)\b[^>]*>", re.IGNORECASE)
#: Comments that tell a tool what to do (tables of contents, linters, formatters).
TOOL_WORDS = (
    r"(?:omit\s+(?:from|in)\s+toc|/?toc(?:stop)?|no[\s_-]?toc|more|prettier-ignore\S*"
    r"|(?:(?:start|end)\s+)?doctoc\b[^>]*|(?:begin|end)\s+(?:toc|generated)\b[^>]*"
    r"|(?:markdownlint|textlint|vale|cspell|eslint)\b[^>]*"
    r"|(?:all-contributors|readme|badges?)[-\w: ]*(?:start|end)\b[^>]*)"
)
DIRECTIVE = re.compile(rf"^\s*<!--\s*{TOOL_WORDS}\s*-->\s*$", re.IGNORECASE)
#: The same after a heading's text: "## Experience <!-- omit in toc -->".
INLINE_DIRECTIVE = re.compile(rf"(?<=\S)\s*<!--\s*{TOOL_WORDS}\s*-->", re.IGNORECASE)
TITLE_BLOCK = re.compile(r"^%\s+(\S.*)$")
DATE_ONLY = re.compile(
    r"^\s*(?:[A-Za-z]{3,9}\.?\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d{2}(?:\s*[./-]\s*\d{1,2}){0,2}\.?\s*$"
)


def _outside_fences(lines: list[str]) -> list[bool]:
    inside, fence, out = False, "", []
    for line in lines:
        mark = FENCE.match(line)
        if mark and (not inside or mark.group(1) == fence):
            inside, fence = not inside, mark.group(1)
            out.append(False)
            continue
        out.append(not inside)
    return out


def _callouts(lines: list[str], text: list[bool]) -> None:
    """Callouts: a summary's marker dropped (its title a section's heading before any
    section: "> [!abstract] 요약" → "## 요약"), another kind a comment."""
    index = 0
    while index < len(lines):
        match = CALLOUT.match(lines[index]) if text[index] else None
        if not match:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and lines[end].lstrip().startswith(">"):
            end += 1
        kind, title = match.group(1).lower(), match.group(2).strip()
        if kind in TEXT_CALLOUTS:
            sections = any(re.match(r"^\s{0,3}#{2,6}\s", line) for line in lines[:index])
            lines[index] = f"## {title}" if section_kind(title) and not sections else title
            for inner in range(index + 1, end):  # a box, not a quotation: its text
                lines[inner] = re.sub(r"^\s*>\s?", "", lines[inner])
        else:  # a note to self: a comment, kept private by md_unprinted
            body = [re.sub(r"^\s*>\s?", "", line) for line in lines[index + 1 : end]]
            parts = [title, *body]
            parts[0] = "<!-- " + parts[0]
            parts[-1] = parts[-1] + " -->"
            lines[index:end] = parts
        index = end


def _comments(lines: list[str], text: list[bool]) -> None:
    """``%% note %%`` on a line, or ``%%`` lines around a block: an HTML comment."""
    open_at: int | None = None
    for index, line in enumerate(lines):
        if not text[index] or "%%" not in line:
            continue
        line = OBSIDIAN_COMMENT.sub(lambda m: f"<!-- {m.group(1).strip()} -->", line)
        if line.count("%%") == 1:
            line = line.replace("%%", "-->" if open_at is not None else "<!--")
            open_at = None if open_at is not None else index
        lines[index] = line


def _title_block(lines: list[str], left_out: set[int]) -> None:
    """Pandoc's ``% Title`` / ``% Author`` / ``% Date`` opening: the first is the
    title (a heading), the others name the document or its date: left out."""
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or not TITLE_BLOCK.match(lines[start]):
        return
    index = start
    omitted: list[int] = []
    while index < len(lines) and (found := TITLE_BLOCK.match(lines[index])):
        lines[index] = f"# {found.group(1)}" if index == start else found.group(1)
        if index > start and (only_doc_words(found.group(1)) or DATE_ONLY.match(found.group(1))):
            omitted.append(index)  # "% Curriculum Vitae", "% June 2025"
        elif index > start:  # "% Software Engineer — Curriculum Vitae": the headline
            lines[index] = without_doc_words(found.group(1)).strip(" —–-|·,") or found.group(1)
        index += 1
    kept = index - start - 1 - len(omitted)
    for at in omitted:  # a block of its own is shown as left out; inside the headline's, gone
        if kept:
            lines[at] = ""
        else:
            left_out.add(at + 1)


BOX_BAR = re.compile(r"(?<=\S)\s+[│┃｜]\s+(?=\S)")
#: A list item as a word processor exports it: "\- item", "\* item", "• item", "  · item".
EXPORTED_BULLET = re.compile(r"^(\s*)(?:\\[-*+]|[•◦▪‣·])\s+(?=\S)")
#: Characters a word processor escapes inside a line, which Markdown shows as they are.
EXPORTED_ESCAPE = re.compile(r"\\([|\-+~=])|(?<=\d)\\(\.)(?=\d)")


#: A bold section word with a total after it, as job sites write it ("**경력**  총 6년 2개월",
#: "**Experience** (8 yrs)", "**수상** 3건", "**학력**  대학교(4년) 졸업"): the total and the
#: highest school are said by the items below; the word is a heading.
BOLD_WITH_TOTAL = re.compile(
    r"^(\s*)(\*\*|__)([^*_\n]{1,20}?)\2\s+(?:\(?(?:총\s*(?:경력\s*)?)?"
    r"(?:(?:\d+\s*(?:년|개월|건|개|yrs?|years?|mos?|months?)\s*)+)\)?"
    r"|(?:최종\s*학력\s*[:：]?\s*)?(?:고등학교|대학교?|대학원|전문대학?)\s*(?:\(\s*\d\s*년\s*\))?\s*"
    r"(?:졸업|재학|중퇴|수료)(?:\s*예정)?|고졸|초대졸|대졸)\s*$",
    re.IGNORECASE,
)


def _section_total(line: str) -> str:
    match = BOLD_WITH_TOTAL.match(line)
    if match and section_kind(match.group(3)):
        return f"{match.group(1)}{match.group(2)}{match.group(3)}{match.group(2)}"
    return line


#: A profile site's buttons and counts copied with the text: no words of the résumé.
SITE_WORDS = re.compile(
    r"^\s*[-*•·]?\s*(?:endorsed by .{1,60}|\d+\s+endorsements?|show all .{1,40}|see more)\s*$",
    re.IGNORECASE,
)
SITE_TAIL = re.compile(r"\s*(?:·\s*)?(?:contact info|\d+\s+endorsements?)\s*$", re.IGNORECASE)


def _line(line: str) -> str:
    """One line outside code: Dataview fields, wikilinks, tags, entities, small tags."""
    if SITE_WORDS.match(line):
        return ""  # "Endorsed by 23 colleagues": the site's, not the author's
    line = SITE_TAIL.sub("", _section_total(line))  # "Seoul · Contact info"
    line = EXPORTED_BULLET.sub(r"\1- ", line)  # "\- Led the …", "• Led the …"
    if not line.lstrip().startswith(("|", "│")):
        line = BOX_BAR.sub(" | ", line)  # "2024.05 – 2024.12 │ 핀테크 스타트업"
        if "\\" in line:  # "Engineer \| Austin, TX", "010\-5521\-0187"
            line = EXPORTED_ESCAPE.sub(lambda m: m.group(1) or m.group(2), line)
    line = DATAVIEW.sub(lambda m: f"{m.group(1)}{m.group(2).rstrip()}: ", line)
    if "[[" in line:  # a picture embedded is left out, as a picture of the site
        line = WIKILINK.sub(lambda m: (m.group(2) or m.group(1)).strip(), EMBED.sub("", line))
    if "#" in line and not line.lstrip().startswith("#"):
        line = LINE_TAGS.sub("", line)
    if "&" in line:
        line = ENTITY.sub(_entity, line)
    if "<" in line:
        line = INLINE_DIRECTIVE.sub("", SMALL_TAGS.sub("", line))
        if re.match(r"^\s{0,3}#{1,6}\s", line):  # "### <b>Corvid</b> — Engineer"
            line = INLINE_TAG.sub(_emphasis, line)
    return line


#: A line that is Markdown of its own: a list item, a heading, a table, a quote, a label.
MARKDOWN_LINE = re.compile(r"^\s*(?:[-*+>#|]|\d+[.)]\s|\[[^\]]*\]\s*$|【)")


def _detail_owners(lines: list[str], text: list[bool]) -> None:
    """A plain line over indented glyph lines ("2020.04 ~ 현재  회사 / 직책" over
    "  · 신메뉴 개발") is an item with its details: it becomes a list item too, so that
    the details nest under it instead of running into the next item's line."""
    for at, line in enumerate(lines):
        match = EXPORTED_BULLET.match(line)
        if not (text[at] and match and match.group(1)):
            continue  # not an indented detail
        owner = at - 1
        while owner >= 0 and EXPORTED_BULLET.match(lines[owner]):
            owner -= 1
        above = lines[owner] if owner >= 0 else ""
        plain_line = above.strip() and not above[0].isspace() and not MARKDOWN_LINE.match(above)
        if plain_line and text[owner]:
            lines[owner] = f"- {above}"


#: A line of badge pictures only, each maybe a link: "[![CI](…shields.io…)](…) ![…](…)".
BADGE_PICTURE = re.compile(r"\[?!\[[^\]]*\]\(([^)\s]+)[^)]*\)(?:\]\([^)]*\))?")


def _badge_lines(lines: list[str], text: list[bool]) -> None:
    """A line of badges inside a paragraph (between an intro sentence and the contact
    line of a profile README) is no text of the résumé: emptied, as a badge row of its
    own is left out."""
    for at, line in enumerate(lines):
        sources = BADGE_PICTURE.findall(line)
        inside = 0 < at < len(lines) - 1 and lines[at - 1].strip() and lines[at + 1].strip()
        if not (text[at] and inside and sources and all(BADGE.search(s) for s in sources)):
            continue
        if not BADGE_PICTURE.sub("", line).strip():
            lines[at] = ""


def _entity(match: re.Match[str]) -> str:
    if match.group(1):  # "&#8211;": a character, unless it would open a tag
        char = chr(int(match.group(1)))
        return match.group(0) if char in "<>" else char
    return ENTITIES[match.group(0).lower()]


def _emphasis(match: re.Match[str]) -> str:
    mark = "**" if match.group(1).lower() in ("b", "strong") else "*"
    return f"{mark}{match.group(2).strip()}{mark}"


def read_dialects(body: str) -> tuple[str, frozenset[int]]:
    """The body with the dialects above written as plain Markdown, and the (1-based)
    lines that are no text of the résumé (a tool's directive, a document's subtitle)."""
    lines = body.split("\n")
    text = _outside_fences(lines)
    left_out: set[int] = set()
    _title_block(lines, left_out)
    _callouts(lines, text)
    _comments(lines, text)
    _detail_owners(lines, text)
    _badge_lines(lines, text)
    lines = [_line(line) if keep else line for line, keep in zip(lines, text, strict=True)]
    left_out |= {  # "<!-- omit in toc -->", a line of tags only ("#career #2024")
        i + 1
        for i, line in enumerate(lines)
        if text[i] and (DIRECTIVE.match(line) or TAGS_ONLY.match(line))
    }
    lines = definition_lists(lines, text)
    lines = details_blocks(lines, text, left_out)
    return "\n".join(lines), frozenset(left_out)
