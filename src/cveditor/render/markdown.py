"""Markdown in résumé text fields → safe HTML for Qt rich text.

Raw HTML is off (tags show as text), links are kept only for http(s), mailto and tel,
and images are never loaded: their alt text is shown instead.
"""

from __future__ import annotations

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


def _build() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.validateLink = _safe_link  # type: ignore[method-assign]
    md.add_render_rule("image", _image_as_alt_text)
    md.inline.parse = _parse_inline_cjk_friendly  # type: ignore[method-assign]
    md.core.ruler.push("flatten_deep_emphasis", _flatten_deep_emphasis)
    return md


_MD = _build()


def markdown_to_html(text: str) -> Markup:
    """Block Markdown (paragraphs, lists, emphasis, links) as HTML."""
    if not text or not text.strip():
        return Markup("")
    return Markup(_MD.render(text))


def markdown_inline(text: str) -> Markup:
    """One line of Markdown (emphasis, links) without a surrounding paragraph."""
    if not text or not text.strip():
        return Markup("")
    return Markup(_MD.renderInline(text))
