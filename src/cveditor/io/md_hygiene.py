"""Text as exported by editors, cleaned before it is read: Markdown backslash escapes
that only protect punctuation (``R\\&D``, ``\\+82``), and the HTML wrappers Notion and
GitHub pages put around text (``<p align=…>``, ``<aside>``, ``<details>``), whose text
is kept. Code blocks are left as they are."""

from __future__ import annotations

import re
from collections.abc import Callable

from .md_vocabulary import KRAMDOWN_ATTRS

FENCE = re.compile(r"^\s{0,3}(```|~~~)")
#: An escape that protects a character with no meaning inside a line; "\-", "\+",
#: "\." and "\)" at the start of a line would open a list, so they stay there.
ESCAPE = re.compile(r"\\([!\"$%&'()+,\-./:;=?@^{}~])")
LIST_START = re.compile(r"^(\s*(?:>\s*)?(?:\d{1,9})?)\\([-+.)])(?=\s|$)")
#: Block wrappers whose text is the content: the tags go, the text stays.
WRAPPER = re.compile(
    r"</?(?:p|div|aside|details|summary|center|span|section|article|font)\b[^>]*>",
    re.IGNORECASE,
)
#: A line that is only bold HTML ("<b>임채원</b>" inside a centred <p>): bold Markdown.
BOLD_TAG = re.compile(r"^\s*<(b|strong)\b[^>]*>([^<]*)</\1\s*>\s*$", re.IGNORECASE)


def unescape(text: str) -> str:
    """``R\\&D`` → ``R&D``: escapes of punctuation that means nothing in the line."""
    if "\\" not in text:
        return text
    guarded = LIST_START.sub(lambda m: m.group(1) + "\0" + m.group(2), text)
    return ESCAPE.sub(r"\1", guarded).replace("\0", "\\")


def clean_line(line: str) -> str:
    """One line outside code: wrappers dropped (text kept), <b> as bold, escapes gone."""
    if "<" in line:
        stripped = WRAPPER.sub("", line)
        if stripped != line:
            line = stripped if stripped.strip() else ""
        line = BOLD_TAG.sub(lambda m: f"**{m.group(2).strip()}**", line)
    return unescape(HARD_BREAK.sub("", line))


#: A backslash closing a line: CommonMark's hard line break, no text.
HARD_BREAK = re.compile(r"(?<!\\)\\$")


def _outside_code(body: str, change: Callable[[str, str], str]) -> str:
    """``change(line, next line)`` applied to every line outside fenced code; the number
    of lines never changes, so the review step still points at the source's lines."""
    out: list[str] = []
    fence: str | None = None
    lines = body.split("\n")
    for index, line in enumerate(lines):
        mark = FENCE.match(line)
        if fence is None and mark:
            fence = mark.group(1)
        elif fence is not None and mark and mark.group(1) == fence:
            fence = None
        elif fence is None:
            line = change(line, lines[index + 1] if index + 1 < len(lines) else "")
        out.append(line)
    return "\n".join(out)


def clean_markdown(body: str) -> str:
    """Every line outside fenced code cleaned (clean_line)."""
    return _outside_code(body, lambda line, _next: clean_line(line))


#: A link whose target is no web address (a page of the site, an anchor, a file): in a
#: résumé only its text means something.
LOCAL_LINK = re.compile(
    r"(?<!!)\[([^\[\]]*)\]\((?!\s*<?(?:https?:|mailto:|tel:))[^()\s]*(?:\s+\"[^\"]*\")?\)"
)


def local_links_to_text(body: str) -> str:
    """``[Download CV](/downloads/cv.pdf)`` → ``Download CV``, outside code blocks;
    kramdown attributes (``{:target="_blank"}``) dropped."""

    def change(line: str, after: str) -> str:
        if re.match(r"^\s*[*+-]\s+TOC\s*$", line) and "{:toc}" in after:
            return ""  # kramdown's table of contents: "* TOC" over "{:toc}"
        return LOCAL_LINK.sub(lambda m: m.group(1), KRAMDOWN_ATTRS.sub("", line))

    return _outside_code(body, change)
