"""Résumé → HTML in Qt's rich-text subset, through a theme's Jinja template.

A pure function of (résumé, theme, today): strict undefined names, autoescape on, and
user themes run in a sandbox. Theme CSS is built here, outside autoescape, from values
that were validated (design.md §4 trap 7).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from ..errors import ResumeFileError
from ..model.resume import Resume
from .context import build_context
from .themes import Theme, builtin_themes_dir, get_theme

COMMON_TEMPLATES = "_common"
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Style:
    """The resolved look: the theme's options overridden by the résumé's layout."""

    accent: str
    font_size: float
    line_height: float
    muted: str = "#555555"

    def css(self) -> Markup:
        """Shared CSS; only numbers and validated colours go in, so it is safe as is."""
        accent = self.accent if _COLOR.match(self.accent) else "#1f4e79"
        size = float(self.font_size)
        return Markup(
            f"body {{ font-size: {size:.1f}pt; color: #1a1a1a; }}\n"
            f"a {{ color: {accent}; text-decoration: none; }}\n"
            f".accent {{ color: {accent}; }}\n"
            f".muted {{ color: {self.muted}; }}\n"
            f".small {{ font-size: {size * 0.9:.1f}pt; }}\n"
            f".tiny {{ font-size: {size * 0.82:.1f}pt; }}\n"
        )


def resolve_style(resume: Resume, theme: Theme) -> Style:
    layout = resume.layout
    return Style(
        accent=layout.accentColor or theme.accent,
        font_size=layout.fontSize if layout.fontSize is not None else theme.font_size,
        line_height=layout.lineHeight,
    )


@lru_cache(maxsize=16)
def _environment(folder: Path, builtin: bool, _stamp: float) -> jinja2.Environment:
    """Templates of the theme first, then the built-in shared macros (``_common``).

    Cached (compiling a theme costs tens of milliseconds, every preview would pay it);
    ``_stamp``, the newest modification time in the folder, renews it when a user edits
    their theme.
    """
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(folder),
            jinja2.FileSystemLoader(builtin_themes_dir() / COMMON_TEMPLATES),
        ]
    )
    cls = jinja2.Environment if builtin else SandboxedEnvironment
    return cls(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )


def _stamp(folder: Path) -> float:
    return max((p.stat().st_mtime for p in folder.iterdir()), default=0.0)


def render_html(
    resume: Resume, *, theme: Theme | None = None, today: date | None = None, photo: bool = False
) -> str:
    """The résumé as one HTML document, ready for QTextDocument.setHtml.

    ``photo``: whether a picture was loaded for basics.image; the template then shows
    the ``cv-photo`` resource, never the path itself.
    """
    theme = theme or get_theme(resume.layout.theme)
    context = build_context(resume, today or date.today())
    context["basics"].image = "cv-photo" if photo else ""
    style = resolve_style(resume, theme)
    env = _environment(theme.folder, theme.builtin, 0.0 if theme.builtin else _stamp(theme.folder))
    try:
        template = env.get_template(theme.template)
        return template.render(**context, style=style, css=style.css(), theme=theme.options)
    except jinja2.TemplateSyntaxError as error:
        raise ResumeFileError(
            f"theme template error: {error.message}", file=error.filename, line=error.lineno
        ) from None
    except jinja2.TemplateError as error:
        raise ResumeFileError(f"theme {theme.id!r} failed: {error}", file=theme.folder) from None
