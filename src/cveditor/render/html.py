"""Résumé → HTML in Qt's rich-text subset, through a theme's Jinja template.

A pure function of (résumé, theme, today): strict undefined names, autoescape on, and
user themes run as untrusted code: an immutable sandbox with bounded allocations,
templates read only from inside the theme folder (or the built-in ``_common``), every
failure turned into a ResumeFileError naming the theme, and the output cleaned of
anything that would load or run (design.md §4 trap 7). Theme CSS is built here,
outside autoescape, from values that were validated.
"""

from __future__ import annotations

import base64
import functools
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from html import escape
from html.entities import name2codepoint
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
from jinja2.compiler import CodeGenerator
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from ..errors import ResumeFileError
from ..model.resume import Resume
from ..task import THEME_BUDGET_S, Cancelled, budget, checkpoint
from .context import build_context
from .themes import COLOR, Rhythm, Theme, builtin_themes_dir, get_theme

COMMON_TEMPLATES = "_common"
PHOTO_SRC = "cv-photo"  # the one picture a theme may show besides its own files
MAX_TEMPLATE_BYTES = 1_000_000
MAX_STRING = 10_000_000  # characters (or items) in any one value a user theme builds
MAX_WIDTH = 100_000  # a padding width, a repeat count
MAX_INT_BITS = 100_000
MAX_IMAGE_BYTES = 4_000_000
IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
}


@dataclass(frozen=True)
class Style:
    """The resolved look: the theme's options overridden by the résumé's layout."""

    accent: str
    font_size: float
    line_height: float
    rhythm: Rhythm = field(default_factory=Rhythm)
    muted: str = "#555555"

    def css(self) -> Markup:
        """Shared CSS; only numbers and validated colours go in, so it is safe as is.

        The line pitch is not here: Qt's ``line-height`` multiplies the font's own
        ascent + descent (trap 17), so pages.py sets it per block from the font size.
        """
        accent = self.accent if COLOR.match(self.accent) else "#1f4e79"
        size = float(self.font_size)
        r = self.rhythm
        return Markup(
            f"body {{ font-size: {size:.1f}pt; color: #1a1a1a; }}\n"
            f"p {{ margin-top: 0px; margin-bottom: {r.paragraph:g}px; }}\n"
            f"li {{ margin-top: 0px; margin-bottom: {r.bullet:g}px; }}\n"
            f"p.bullet {{ margin-left: 13px; text-indent: -10px; "
            f"margin-bottom: {r.bullet:g}px; }}\n"
            f"p.org {{ margin-bottom: {r.bullet:g}px; }}\n"
            f"td {{ vertical-align: top; }}\n"
            f"a {{ color: {accent}; text-decoration: none; }}\n"
            f".accent {{ color: {accent}; }}\n"
            f".muted {{ color: {self.muted}; }}\n"
            f".small {{ font-size: {size * 0.9:.1f}pt; }}\n"
            f".tiny {{ font-size: {size * 0.82:.1f}pt; }}\n"
        )


@dataclass(frozen=True)
class Tightening:
    """What "Fit to pages" (render/fit.py) draws with instead of the résumé's style: the
    rhythm's spacing steps scaled by ``spacing``, and a line height and font size (None:
    the résumé's or the theme's). The résumé itself is never changed."""

    spacing: float = 1.0
    line_height: float | None = None
    font_size: float | None = None

    def apply(self, style: Style) -> Style:
        r, k = style.rhythm, self.spacing
        rhythm = replace(
            r,
            paragraph=round(r.paragraph * k, 2),
            bullet=round(r.bullet * k, 2),
            item=round(r.item * k, 2),
            section=round(r.section * k, 2),
        )
        return replace(
            style,
            rhythm=rhythm,
            font_size=style.font_size if self.font_size is None else self.font_size,
            line_height=style.line_height if self.line_height is None else self.line_height,
        )


def resolve_style(resume: Resume, theme: Theme, tightening: Tightening | None = None) -> Style:
    layout = resume.layout
    style = Style(
        accent=layout.accentColor or theme.accent,
        font_size=layout.fontSize if layout.fontSize is not None else theme.font_size,
        line_height=theme.rhythm.line_height if layout.lineHeight is None else layout.lineHeight,
        rhythm=theme.rhythm,
    )
    return style if tightening is None else tightening.apply(style)


# --- templates come from inside the theme folder only ----------------------------------


class ConfinedLoader(jinja2.BaseLoader):
    """Templates from the given folders, links followed but never out of their folder:
    a theme must not print /etc/passwd by including a symlink to it."""

    def __init__(self, *roots: Path) -> None:
        self.roots = [root.resolve() for root in roots]

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses ".."
        for root in self.roots:
            path = root.joinpath(*pieces)
            if not (path.exists() or path.is_symlink()):
                continue
            try:
                real = path.resolve()
            except (OSError, RuntimeError):
                real = None
            if real is None or not real.is_relative_to(root):
                raise SecurityError(f"{template} is a link that leads outside the theme folder")
            if not real.is_file():
                continue
            if real.stat().st_size > MAX_TEMPLATE_BYTES:
                raise SecurityError(f"{template} is larger than {MAX_TEMPLATE_BYTES:,} bytes")
            return real.read_text(encoding="utf-8"), str(path), lambda: True
        raise jinja2.TemplateNotFound(template)


# --- a sandbox that also bounds what a theme may allocate ------------------------------


def _too_big(what: str) -> SecurityError:
    return SecurityError(f"{what} would exceed {MAX_STRING:,} characters")


def _weight(value: Any, depth: int = 0) -> int:
    """Characters and items in a value: what printing it would cost."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, list | tuple | set | frozenset | dict):
        if depth > 8:
            return MAX_STRING + 1
        items = value.items() if isinstance(value, dict) else value
        total = len(value)
        for item in items:
            total += _weight(item, depth + 1)
            if total > MAX_STRING:
                break
        return total
    return 0


def _bounded(value: Any, what: str = "a value") -> Any:
    if _weight(value) > MAX_STRING:
        raise _too_big(what)
    return value


def _check_numbers(values: Iterable[Any], what: str) -> None:
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_WIDTH:
            raise SecurityError(f"{what}: {value} is above the limit of {MAX_WIDTH:,}")


_FORMAT_NUMBER = re.compile(r"%[#0 +-]*(\d+)?(?:\.(\d+))?|\{[^{}]*?(\d+)[^{}]*\}")


def _check_format(text: Any) -> None:
    """Refuse a format string that pads to a huge width ("%999999999s", "{:>999999999}")."""
    if not isinstance(text, str):
        return
    for match in _FORMAT_NUMBER.finditer(text):
        for number in match.groups():
            if number and (len(number) > 6 or int(number) > MAX_WIDTH):
                raise SecurityError(f"format width {number[:12]} is above {MAX_WIDTH:,}")


_WIDTH_METHODS = {"ljust", "rjust", "center", "zfill", "expandtabs"}
_WIDTH_FILTERS = {"center", "indent", "wordwrap", "batch", "slice"}


def _check_call(obj: Any, args: tuple, kwargs: dict) -> None:
    method = getattr(obj, "__wrapped__", obj)
    name = getattr(method, "__name__", "")
    owner = getattr(method, "__self__", None)
    if not isinstance(owner, str):
        return
    if name in _WIDTH_METHODS:
        _check_numbers([*args, *kwargs.values()], f"str.{name}")
    elif name in {"format", "format_map"}:
        _check_format(owner)
    elif name == "join" and args:
        _bounded(args[0], "join")
        if len(owner) * _weight(args[0]) > MAX_STRING:
            raise _too_big("join")
    elif name == "replace" and len(args) >= 2:
        old, new = args[0], args[1]
        if isinstance(old, str) and isinstance(new, str):
            hits = owner.count(old) if old else len(owner) + 1
            if len(owner) + hits * len(new) > MAX_STRING:
                raise _too_big("replace")


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A built-in filter with its sizes checked before (widths, list contents) and
    after (the result)."""

    @functools.wraps(func)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        values = [a for a in (*args, *kwargs.values()) if not hasattr(a, "environment")]
        for value in values:
            _bounded(value, f"the {name} filter")
        if name in _WIDTH_FILTERS:
            _check_numbers(values, f"the {name} filter")
        if name == "format" and values:
            _check_format(values[0])
            if "*" in str(values[0]):
                _check_numbers(values[1:], "a format width")
        if name == "indent" and values and isinstance(values[0], str):
            width = values[1] if len(values) > 1 else kwargs.get("width", 4)
            size = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
            if (values[0].count("\n") + 1) * size > MAX_STRING:
                raise _too_big("the indent filter")
        if name == "replace" and len(values) >= 3:
            _check_call(values[0].replace, tuple(values[1:3]), {})
        separator = values[1] if name == "join" and len(values) > 1 else ""
        if isinstance(separator, str) and len(separator) * _weight(values[0]) > MAX_STRING:
            raise _too_big("the join filter")
        return _bounded(func(*args, **kwargs), f"the {name} filter")

    return bounded


def _check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``"x" * 10**9``, ``[s] * n``, ``9 ** 10**8``, ``"%999999999s" % x`` and
    sums beyond the bound before Python allocates them."""
    ints = isinstance(left, int) and isinstance(right, int)
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            sequence = isinstance(seq, str | bytes | list | tuple)
            if sequence and isinstance(count, int) and _weight(seq) * count > MAX_STRING:
                raise _too_big("a repetition")
        if ints and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise SecurityError("a product too large to compute")
    elif operator == "**":
        if ints and abs(left) > 1 and right * left.bit_length() > MAX_INT_BITS:
            raise SecurityError("a power too large to compute")
    elif operator == "%" and isinstance(left, str):
        _check_format(left)
        if "*" in left:
            _check_numbers(right if isinstance(right, tuple) else (right,), "a format width")
    elif operator == "+" and _weight(left) + _weight(right) > MAX_STRING:
        raise _too_big("a sum")


LOOP_FILTER = "_cveditor_checked_loop"


def _checked_loop(items: Any) -> Any:
    """A theme's ``{% for %}`` with a checkpoint at each turn: three nested loops of
    ``range(100000)`` allocate nothing, yet would run for days."""
    for item in items:
        checkpoint()
        yield item


class _BoundedCodeGenerator(CodeGenerator):
    """``a ~ b`` checked after joining: each part is bounded, so the join is too; every
    loop passes through :func:`_checked_loop`, so a running theme can be stopped."""

    def visit_Template(self, node: jinja2.nodes.Template, frame: Any = None) -> None:
        for loop in node.find_all(jinja2.nodes.For):
            loop.iter = jinja2.nodes.Filter(
                loop.iter, LOOP_FILTER, [], [], None, None, lineno=loop.iter.lineno
            )
        super().visit_Template(node, frame)

    def visit_Concat(self, node: jinja2.nodes.Concat, frame: Any) -> None:
        self.write("environment.bounded_value(")
        super().visit_Concat(node, frame)
        self.write(")")


class ThemeSandbox(ImmutableSandboxedEnvironment):
    """The environment of user themes: immutable sandbox, and no value (string, list,
    number, output) beyond a bound, so that a theme cannot take the memory."""

    intercepted_binops = frozenset(["*", "**", "%", "+"])
    code_generator_class = _BoundedCodeGenerator

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals.pop("lipsum", None)
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}
        self.filters[LOOP_FILTER] = _checked_loop

    @staticmethod
    def bounded_value(value: Any) -> Any:
        return _bounded(value, "a ~ join")

    def concat(self, parts: Iterable[str]) -> str:  # type: ignore[override]
        """Every buffer (blocks, macros, the whole output) counted while it fills."""
        pieces, total = [], 0
        for part in parts:
            checkpoint()
            total += len(part)
            if total > MAX_STRING:
                raise _too_big("the output")
            pieces.append(part)
        return "".join(pieces)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        return _bounded(super().call_binop(context, operator, left, right))

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        checkpoint()  # a macro calling itself turns here
        _check_call(obj, args, kwargs)
        return _bounded(super().call(context, obj, *args, **kwargs), "a call")


@lru_cache(maxsize=16)
def _environment(folder: Path, builtin: bool, _stamp: float) -> jinja2.Environment:
    """Templates of the theme first, then the built-in shared macros (``_common``).

    Cached (compiling a theme costs tens of milliseconds, every preview would pay it);
    ``_stamp``, the newest modification time in the folder, renews it when a user edits
    their theme.
    """
    cls = jinja2.Environment if builtin else ThemeSandbox
    return cls(
        loader=ConfinedLoader(folder, builtin_themes_dir() / COMMON_TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )


def _stamp(folder: Path) -> float:
    """The newest modification time in the theme folder (links not followed)."""
    newest = 0.0
    for count, (root, dirs, files) in enumerate(os.walk(folder)):
        if count > 1000:
            break
        for name in (*dirs, *files):
            try:
                newest = max(newest, os.lstat(os.path.join(root, name)).st_mtime)
            except OSError:
                continue
    return newest


# --- the output: nothing that loads or runs, images from the theme folder only ---------

_DROP_WITH_CONTENT = {
    "script", "iframe", "object", "embed", "applet", "frame", "frameset", "svg", "math",
    "audio", "video", "picture", "template", "noscript", "canvas", "portal",
}  # fmt: skip
_DROP_TAGS = {"link", "base", "meta", "input", "source", "track", "param", "keygen"}
_FETCHING_ATTRIBUTES = {
    "srcset", "poster", "data", "lowsrc", "dynsrc", "longdesc", "action", "formaction",
    "xlink:href", "ping", "codebase", "archive", "manifest", "profile", "icon", "classid",
}  # fmt: skip
_NAME = re.compile(r"^[a-z][a-z0-9:_-]*$")  # tags and attributes written back
_LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:", "#")
_CSS_FETCH = re.compile(r"(?:url|image-set|image|expression)\s*\([^)]*\)?", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"@import[^;]*;?", re.IGNORECASE)


def _clean_css(css: str) -> str:
    """CSS without anything that would load (url(), @import) or hide it (escapes)."""
    css = css.replace("<", "").replace("\\", "")
    return _CSS_FETCH.sub("none", _CSS_IMPORT.sub("", css))


def theme_image(src: str, folder: Path) -> str | None:
    """A picture of the theme's own folder as a data: URI (the same in preview, PDF and
    HTML export, no path revealed), or None for anything else."""
    if not src or ":" in src or src.startswith(("/", "\\")) or "\\" in src:
        return None
    pure = PurePosixPath(src)
    mime = IMAGE_TYPES.get(pure.suffix.lower())
    real = folder.resolve()
    path = real.joinpath(*pure.parts)
    try:
        if mime is None or not path.resolve().is_relative_to(real) or not path.is_file():
            return None
        if path.stat().st_size > MAX_IMAGE_BYTES:
            return None
        data = path.read_bytes()
    except (OSError, RuntimeError):
        return None
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


class _Cleaner(HTMLParser):
    """Re-writes the HTML from its parsed pieces: what is written is what was checked."""

    def __init__(self, folder: Path) -> None:
        super().__init__(convert_charrefs=False)
        self.folder = folder
        self.out: list[str] = []
        self.skipping: list[str] = []
        self.in_style = False

    def _attributes(self, tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
        kept = []
        for name, value in attrs:
            value = value or ""
            if not _NAME.match(name) or name.startswith("on") or name in _FETCHING_ATTRIBUTES:
                continue
            if name in {"src", "background"}:
                if tag == "img" and name == "src" and value == PHOTO_SRC:
                    kept.append((name, value))
                    continue
                image = theme_image(value, self.folder) if tag in {"img", "td", "table"} else None
                if image is None:
                    if tag == "img":
                        return None  # an image that may not load is left out whole
                    continue
                value = image
            elif name == "href":
                if tag != "a" or not value.strip().lower().startswith(_LINK_SCHEMES):
                    continue
            elif name == "style":
                value = _clean_css(value)
            kept.append((name, value))
        if tag == "img" and not any(name == "src" for name, _ in kept):
            return None
        return "".join(f' {n}="{escape(v, quote=True)}"' for n, v in kept)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], close: str) -> None:
        if self.skipping:
            if tag == self.skipping[0] and not close:
                self.skipping.append(tag)
            return
        if tag in _DROP_WITH_CONTENT:
            if not close:
                self.skipping.append(tag)
            return
        if tag in _DROP_TAGS or not _NAME.match(tag):
            return
        text = self._attributes(tag, attrs)
        if text is not None:
            self.out.append(f"<{tag}{text}{close}>")
            self.in_style = tag == "style" and not close

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, " /")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping.pop()
            return
        if tag not in _DROP_WITH_CONTENT and tag not in _DROP_TAGS and _NAME.match(tag):
            self.out.append(f"</{tag}>")
            self.in_style = False

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(_clean_css(data) if self.in_style else data.replace("<", "&lt;"))

    def handle_entityref(self, name: str) -> None:
        if not self.skipping:  # "AT&T" in a template stays text, not an entity
            self.out.append(f"&{name};" if name in name2codepoint else f"&amp;{name}")

    def handle_charref(self, name: str) -> None:
        if not self.skipping:
            self.out.append(f"&#{name};")

    def handle_decl(self, decl: str) -> None:
        if decl.lower().startswith("doctype") and not self.out:
            self.out.append(f"<!{escape(decl)}>")


def clean_html(html: str, folder: Path) -> str:
    """A theme's output with nothing that loads or runs: no scripts, frames, links to
    stylesheets, CSS url(), event handlers or non-web hrefs, and no picture but the
    photo (``cv-photo``) and files of the theme's own folder (embedded)."""
    cleaner = _Cleaner(folder)
    cleaner.feed(html)
    cleaner.close()
    return "".join(cleaner.out)


# --- rendering ---------------------------------------------------------------------------


def _located(error: BaseException, theme: Theme) -> tuple[str, int | None]:
    """The template file and line where a theme failed (the innermost template frame)."""
    roots = (str(theme.folder), str(theme.folder.resolve()), str(builtin_themes_dir()))
    file, line = str(theme.folder / theme.template), None
    tb = error.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.startswith(roots):
            file, line = name, tb.tb_lineno
        tb = tb.tb_next
    return file, line


def render_html(
    resume: Resume,
    *,
    theme: Theme | None = None,
    today: date | None = None,
    photo: bool = False,
    part: str = "main",
    tightening: Tightening | None = None,
    item_anchors: dict[tuple[str, int], str] | None = None,
) -> str:
    """The résumé as one HTML document, ready for QTextDocument.setHtml.

    ``photo``: whether a picture was loaded for basics.image; the template then shows
    the ``cv-photo`` resource, never the path itself. ``part``: "main", or "aside" for
    the sidebar column of a theme that has one (the template sees it as ``part``).
    ``tightening``: the style "Fit to pages" chose (render/fit.py), None for the résumé's.
    ``item_anchors``: filled with each printed item's anchor (context.py).
    Any failure of a user theme — syntax, sandbox, an exception of its own, a limit —
    is a ResumeFileError naming the theme and, where known, the template line.
    """
    theme = theme or get_theme(resume.layout.theme)
    context = build_context(resume, today or date.today())
    context["basics"].image = PHOTO_SRC if photo else ""
    if item_anchors is not None:
        item_anchors.update(context["item_anchors"])  # type: ignore[arg-type]
    style = resolve_style(resume, theme, tightening)
    try:
        env = _environment(
            theme.folder, theme.builtin, 0.0 if theme.builtin else _stamp(theme.folder)
        )
        template = env.get_template(theme.template)
        with budget(THEME_BUDGET_S, f"theme {theme.id!r}"):
            checkpoint("Running the theme")
            html = template.render(
                **context, style=style, css=style.css(), theme=theme.options, part=part
            )
    except Cancelled:
        raise
    except jinja2.TemplateSyntaxError as error:
        raise ResumeFileError(
            f"theme {theme.id!r} failed: {error.message}", file=error.filename, line=error.lineno
        ) from None
    except ResumeFileError:
        raise
    except Exception as error:
        if theme.builtin and not isinstance(error, jinja2.TemplateError):
            raise  # a defect of cveditor, for the crash report
        file, line = _located(error, theme)
        reason = f"{type(error).__name__}: {error}"
        if len(reason) > 300:
            reason = reason[:300] + " …"
        message = f"theme {theme.id!r} failed: {reason}"
        raise ResumeFileError(message, file=file, line=line) from None
    return html if theme.builtin else clean_html(html, theme.folder)
