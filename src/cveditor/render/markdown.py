"""Markdown in résumé text fields → safe HTML for Qt rich text.

Raw HTML is off (tags show as text), links are kept only for http(s), mailto and tel,
and images are never loaded: their alt text is shown instead.

Blocks are printed the way a field's text belongs under a theme's headings: a heading
is a paragraph of class ``md-h1``/``md-h2``/``md-h3`` (never Qt's huge <h1>), which
the themes' CSS (``base_css`` in the shared macros) sets below the section headings,
each level smaller or lighter than the one above; a table's cells are padded apart, so
a reader of the PDF gets a space between two cells, never "ab"; list items are paragraphs
that start with a text marker and a real space ("• ", "3. "; Qt's own list markers
are drawn, not written, so a reader of the PDF never sees them), and code is a
monospace paragraph that wraps (a <pre> never wraps and, in a table cell, widens the
whole cell past the margin).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline.state_inline import Scanned, StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup

SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")


def _safe_link(url: str) -> bool:
    return url.strip().lower().startswith(SAFE_SCHEMES)


def _image_as_alt_text(
    _self: RendererHTML, tokens: list[Token], idx: int, _options: OptionsDict, _env: EnvType
) -> str:
    token = tokens[idx]
    alt = "".join(child.content for child in token.children or [])
    return escape(alt)


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0xAC00 <= code <= 0xD7A3  # Hangul syllables
        or 0x1100 <= code <= 0x11FF
        or 0x3130 <= code <= 0x318F  # Hangul jamo
        or 0x3040 <= code <= 0x30FF  # kana
        or 0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF  # Han
    )


class _CjkFriendlyState(StateInline):
    """Emphasis that closes before Korean particles: ``**가용성 99.99%**를``.

    CommonMark will not close ``**`` after punctuation when a letter follows, which in
    Korean is almost always (a particle sticks to the word). Like the cjk-friendly
    extension of markdown-it, a Hangul or Han neighbour counts as a word boundary here.
    """

    def scanDelims(self, start: int, canSplitWord: bool) -> Scanned:
        scanned = super().scanDelims(start, canSplitWord)
        if self.src[start] != "*":
            return scanned
        end = start + scanned.length
        before = self.src[start - 1] if start > 0 else " "
        after = self.src[end] if end < self.posMax else " "
        can_open = scanned.can_open or (_is_cjk(before) and not after.isspace())
        can_close = scanned.can_close or (_is_cjk(after) and not before.isspace())
        return Scanned(can_open, can_close, scanned.length)


def _parse_inline_cjk_friendly(src: str, md: MarkdownIt, env: EnvType, tokens: list[Token]) -> None:
    """markdown-it's ParserInline.parse, with the CJK-friendly state."""
    state = _CjkFriendlyState(src, md, env, tokens)
    md.inline.tokenize(state)
    for rule in md.inline.ruler2.getRules(""):
        rule(state)


#: Emphasis, strong and strikethrough inside one another beyond this depth are printed as
#: the text around them (italic inside italic looks the same).
MAX_INLINE_NESTING = 8


def _flatten_deep_emphasis(state: StateCore) -> None:
    """Drop emphasis tags nested deeper than MAX_INLINE_NESTING, keeping their text.

    ``*a *a *a … b … a* a* a*`` nests one ``<em>`` per star; Qt's HTML parser resolves
    each element's style through all its ancestors, so a 100 KB field of such stars took
    minutes to lay out (time grows with length × depth). With the depth capped the work
    is linear in the field's length.
    """
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        kept: list[Token] = []
        open_kept: list[bool] = []  # for each open tag: whether it was kept
        depth = 0
        for token in block.children:
            if token.nesting == 1 and token.type in _NESTING_TAGS:
                keep = depth < MAX_INLINE_NESTING
                open_kept.append(keep)
                depth += keep
                if keep:
                    kept.append(token)
            elif token.nesting == -1 and token.type in _CLOSING_TAGS and open_kept:
                if open_kept.pop():
                    depth -= 1
                    kept.append(token)
            else:
                kept.append(token)
        block.children = kept


_NESTING_TAGS = frozenset({"em_open", "strong_open", "s_open"})
_CLOSING_TAGS = frozenset({"em_close", "strong_close", "s_close"})


#: The body size the list indents are measured for when the caller does not say.
DEFAULT_FONT_SIZE = 10.0

#: Monospace first (Linux, Windows, macOS), then Korean families for Hangul in code, so
#: Qt never picks a CJK font by itself (design.md §4 trap 11).
CODE_FONTS = (
    "'DejaVu Sans Mono', Consolas, Menlo, 'Noto Sans Mono CJK KR', D2Coding, "
    "NanumGothicCoding, 'cveditor Noto Sans KR', 'Noto Sans CJK KR', 'Malgun Gothic', "
    "'Apple SD Gothic Neo', "
    "'Courier New', monospace"
)

#: Advance widths in em of Noto Sans CJK KR (the first Korean family), for hanging
#: indents: the text after "• " lines up with the item's next lines.
_EM_WIDTH = {"•": 0.34, " ": 0.224, ".": 0.27, ")": 0.33}
_DIGIT_EM = 0.55

#: Where a list's first marker sits (as the themes' bullets), how much further a nested
#: list's marker sits than its parent's text, and a quote's indent, in px (= pt: pages
#: are laid out at 72 dpi).
LIST_LEAD = 3
NESTED_LEAD = 6
QUOTE_INDENT = 12
#: Lists and quotes nested deeper than this stop moving right: Qt lays text out in
#: whatever width is left, a letter per line, and past the margin once there is none.
MAX_TEXT_LEFT = 60
#: How far a code block is indented from the text around it.
CODE_INDENT = 8


@dataclass
class _Column:
    """An open list or quote: where its text starts and, for a list, its markers."""

    text_left: int  # px from the field's left edge
    is_list: bool = True
    hang: int = 0  # px the marker line starts left of the text column
    tight: bool = False  # a list without blank lines between items: no gaps
    ordered: bool = False
    delimiter: str = "."  # after a number: "." or ")"
    next_number: int = 1


def _marker_width(marker: str, font_size: float) -> int:
    """The marker and the space after it, in px at the body size."""
    em = sum(_EM_WIDTH.get(char, _DIGIT_EM) for char in marker) + _EM_WIDTH[" "]
    return round(em * font_size)


def _item_count(tokens: list[Token], idx: int) -> int:
    """How many items the list opened at ``idx`` has (its own, not nested lists')."""
    level = tokens[idx].level + 1
    count = 0
    for token in tokens[idx + 1 :]:
        if token.level < level:
            break
        count += token.type == "list_item_open" and token.level == level
    return count


def _is_tight(tokens: list[Token], idx: int) -> bool:
    """A tight list (no blank lines between items) hides its paragraphs."""
    level = tokens[idx].level + 2  # list → item → paragraph
    for token in tokens[idx + 1 :]:
        if token.level < level - 1:
            break
        if token.type == "paragraph_open" and token.level == level:
            return token.hidden
    return True


def _columns(env: EnvType) -> list[_Column]:
    return env.setdefault("cv_columns", [])  # type: ignore[no-any-return]


def _current_left(env: EnvType) -> int:
    columns = _columns(env)
    return columns[-1].text_left if columns else 0


def _open_list(env: EnvType, tokens: list[Token], idx: int) -> str:
    """Push the list's column: its widest marker decides the hanging indent."""
    token = tokens[idx]
    flushed = _flush_marker(env)
    ordered = token.type == "ordered_list_open"
    start = int(token.attrGet("start") or 1) if ordered else 1
    widest = f"{start + _item_count(tokens, idx) - 1}{token.markup}" if ordered else "•"
    hang = _marker_width(widest, env.get("cv_font_size", DEFAULT_FONT_SIZE))
    lead = NESTED_LEAD if _columns(env) else LIST_LEAD
    left = min(_current_left(env) + lead + hang, MAX_TEXT_LEFT)
    column = _Column(
        text_left=max(left, LIST_LEAD + hang),  # the marker never hangs out of the field
        hang=hang,
        tight=_is_tight(tokens, idx),
        ordered=ordered,
        delimiter=token.markup,
        next_number=start,
    )
    _columns(env).append(column)
    return flushed


def _open_quote(env: EnvType) -> str:
    """A quote is its blocks indented (Qt's <blockquote> takes 40 px off each side)."""
    flushed = _flush_marker(env)
    left = min(_current_left(env) + QUOTE_INDENT, max(MAX_TEXT_LEFT, _current_left(env)))
    _columns(env).append(_Column(text_left=left, is_list=False))
    return flushed


def _close_column(env: EnvType) -> str:
    flushed = _flush_marker(env)
    _columns(env).pop()
    return flushed


def _open_item(env: EnvType) -> str:
    """The item's marker waits for the item's first block, which prints it."""
    column = _columns(env)[-1]
    marker = "•"
    if column.ordered:
        marker = f"{column.next_number}{column.delimiter}"
        column.next_number += 1
    env["cv_marker"] = marker
    return ""


def _open_block(env: EnvType, style: str = "", cls: str = "") -> str:
    """A paragraph in the current column, with the pending item marker if any."""
    columns = _columns(env)
    attributes = f' class="{cls}"' if cls else ""
    if not columns:
        return f'<p{attributes} style="{style}">' if style else f"<p{attributes}>"
    column = columns[-1]
    style += f"margin-left: {column.text_left}px;"
    if column.tight:
        style += " margin-bottom: 1px;"
    marker = env.pop("cv_marker", None)
    if marker is None:
        return f'<p{attributes} style="{style}">'
    return f'<p{attributes} style="{style} text-indent: -{column.hang}px;">{marker} '


def _flush_marker(env: EnvType) -> str:
    """A marker whose item does not start with text (a nested list, code) gets a line."""
    if env.get("cv_marker") is None:
        return ""
    return _open_block(env).rstrip() + "</p>\n"


def _code_text(content: str) -> str:
    """Escaped code, tabs as spaces: pre-wrap keeps a tab, and a tab in a block is the
    themes' flush-right stop for dates."""
    return escape(content.expandtabs(4))


def _code_lines(content: str) -> str:
    """Code as lines joined by <br> (one paragraph, so the block stays one block)."""
    return "<br>".join(_code_text(line) for line in content.rstrip("\n").split("\n"))


def _render_code_block(env: EnvType, content: str) -> str:
    """A monospace paragraph that keeps indentation and still wraps inside the margins."""
    flushed = _flush_marker(env)
    left = _current_left(env) + CODE_INDENT
    style = (
        f"margin-left: {left}px; margin-top: 2px; margin-bottom: 4px; "
        f"white-space: pre-wrap; font-family: {CODE_FONTS};"
    )
    return f'{flushed}<p style="{style}">{_code_lines(content)}</p>\n'


# --- render rules (markdown-it calls them with the renderer as self) --------------------


def _rule_list_open(_self, tokens: list[Token], idx: int, _options, env: EnvType) -> str:
    return _open_list(env, tokens, idx)


def _rule_column_close(_self, _tokens, _idx, _options, env: EnvType) -> str:
    return _close_column(env)


def _rule_quote_open(_self, _tokens, _idx, _options, env: EnvType) -> str:
    return _open_quote(env)


def _rule_item_open(_self, _tokens, _idx, _options, env: EnvType) -> str:
    return _open_item(env)


def _rule_item_close(_self, _tokens, _idx, _options, env: EnvType) -> str:
    return _flush_marker(env)  # an empty item still shows its marker


def _rule_paragraph_open(_self, _tokens, _idx, _options, env: EnvType) -> str:
    return _open_block(env)


def _rule_paragraph_close(_self, _tokens, _idx, _options, _env: EnvType) -> str:
    return "</p>\n"


#: Heading levels a field distinguishes; #### and deeper print as ###.
HEADING_LEVELS = 3


def _heading_level(token: Token) -> int:
    return min(int(token.tag[1:]), HEADING_LEVELS)


def _rule_heading_open(_self, tokens: list[Token], idx: int, _options, env: EnvType) -> str:
    """Below a theme's section headings, by level (class md-h1…md-h3, sized by the
    theme's CSS): # and ## bold, ### lighter; a little air above."""
    level = _heading_level(tokens[idx])
    block = _open_block(env, "margin-top: 6px; margin-bottom: 2px; ", f"md-h{level}")
    return block + ("<b>" if level < HEADING_LEVELS else "")


def _rule_heading_close(_self, tokens: list[Token], idx: int, _options, _env: EnvType) -> str:
    return ("</b>" if _heading_level(tokens[idx]) < HEADING_LEVELS else "") + "</p>\n"


#: Space (px) between two cells of a Markdown table: a reader of the PDF sees a gap
#: there and reads a space ("a b"), where touching cells read as one word ("ab").
CELL_GAP = 8


def _rule_table_open(_self, _tokens, _idx, _options, env: EnvType) -> str:
    """Qt's own table, in the current column, its cells padded apart."""
    style = f"margin-left: {_current_left(env)}px; margin-top: 2px; margin-bottom: 4px;"
    return f'{_flush_marker(env)}<table cellspacing="0" cellpadding="1" style="{style}">\n'


def _rule_cell_open(_self, tokens: list[Token], idx: int, _options, _env: EnvType) -> str:
    """A cell (a header cell bold) with room after it; its alignment kept."""
    token = tokens[idx]
    align = (token.attrGet("style") or "").replace(":", ": ")
    style = f"padding-right: {CELL_GAP}px; {align}".strip()
    return f'<td style="{style}">' + ("<b>" if token.type == "th_open" else "")


def _rule_cell_close(_self, tokens: list[Token], idx: int, _options, _env: EnvType) -> str:
    return ("</b>" if tokens[idx].type == "th_close" else "") + "</td>\n"


def _rule_code_block(_self, tokens: list[Token], idx: int, _options, env: EnvType) -> str:
    return _render_code_block(env, tokens[idx].content)


def _rule_code_inline(_self, tokens: list[Token], idx: int, _options, _env: EnvType) -> str:
    content = _code_text(tokens[idx].content)
    return f'<span style="font-family: {CODE_FONTS}; white-space: pre-wrap;">{content}</span>'


def _rule_block_in_item(self: RendererHTML, tokens: list[Token], idx: int, options, env) -> str:
    """Tables and rules: Qt's own, after the marker of an item they start."""
    return _flush_marker(env) + self.renderToken(tokens, idx, options, env)


_RULES = {
    "bullet_list_open": _rule_list_open,
    "ordered_list_open": _rule_list_open,
    "bullet_list_close": _rule_column_close,
    "ordered_list_close": _rule_column_close,
    "blockquote_open": _rule_quote_open,
    "blockquote_close": _rule_column_close,
    "list_item_open": _rule_item_open,
    "list_item_close": _rule_item_close,
    "paragraph_open": _rule_paragraph_open,
    "paragraph_close": _rule_paragraph_close,
    "heading_open": _rule_heading_open,
    "heading_close": _rule_heading_close,
    "fence": _rule_code_block,
    "code_block": _rule_code_block,
    "code_inline": _rule_code_inline,
    "table_open": _rule_table_open,
    "th_open": _rule_cell_open,
    "td_open": _rule_cell_open,
    "th_close": _rule_cell_close,
    "td_close": _rule_cell_close,
    "hr": _rule_block_in_item,
}


def _build() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.validateLink = _safe_link  # type: ignore[method-assign]
    md.add_render_rule("image", _image_as_alt_text)
    for name, rule in _RULES.items():
        md.add_render_rule(name, rule)
    md.inline.parse = _parse_inline_cjk_friendly  # type: ignore[method-assign]
    md.core.ruler.push("flatten_deep_emphasis", _flatten_deep_emphasis)
    return md


_MD = _build()


def markdown_to_html(text: str, *, font_size: float = DEFAULT_FONT_SIZE) -> Markup:
    """Block Markdown (paragraphs, headings, lists, code, emphasis, links) as HTML.

    ``font_size`` (the body size in pt) sizes the lists' hanging indents.
    """
    if not text or not text.strip():
        return Markup("")
    return Markup(_MD.render(text, {"cv_font_size": font_size}))


def markdown_inline(text: str) -> Markup:
    """One line of Markdown (emphasis, links, code) without a surrounding paragraph."""
    if not text or not text.strip():
        return Markup("")
    return Markup(_MD.renderInline(text, {}))
