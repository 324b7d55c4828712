"""Themes: a folder with ``theme.toml`` (name, description, options) and a Jinja template.

Built-in themes live in resources/themes; user themes, same format, in the user data
folder (``cveditor themes`` prints where). A user theme of the same id replaces a
built-in one.

A user theme is untrusted input: one that cannot be read is set aside and reported by
name (``load_themes().broken``) while every other theme keeps working, its options are
range-checked here, and a résumé naming a broken or missing theme is drawn with the
default theme plus a message (``Theme.problem``) instead of failing.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath

import jinja2

from ..errors import ResumeFileError
from ..paths import user_themes_dir
from ..resources import resource_path

DEFAULT_THEME = "classic"
FONT_SIZE_RANGE = (6.0, 20.0)  # the same range as Layout.fontSize and the Size spin box
COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_TEXT = 200  # name, font: shown in one line of the theme picker


@dataclass(frozen=True)
class Rhythm:
    """A theme's vertical rhythm: the line pitch as a multiple of the font size, and the
    space (CSS px, 1/96 in) after a paragraph, between bullets, before an item, before
    a section.
    Each step is distinct so the eye reads the structure from the spacing alone."""

    line_height: float = 1.3
    paragraph: float = 3.0
    bullet: float = 1.0
    item: float = 8.0
    section: float = 14.0


#: option name → (low, high) in theme.toml; the defaults are Rhythm's.
RHYTHM_RANGES: dict[str, tuple[float, float]] = {
    "line_height": (1.0, 2.5),
    "paragraph": (0.0, 30.0),
    "bullet": (0.0, 20.0),
    "item": (0.0, 40.0),
    "section": (0.0, 60.0),
}


@dataclass(frozen=True)
class FitBounds:
    """How far "Fit to pages" may tighten a theme (``[options.fit]`` in theme.toml);
    None: the defaults of render/fit.py (size − 1.5 pt, line height − 0.15, 70 %)."""

    min_font_size: float | None = None  # points
    min_line_height: float | None = None  # multiple of the font size
    min_spacing: float | None = None  # share of the rhythm's steps, 0 to 1


FIT_RANGES: dict[str, tuple[float, float]] = {
    "min_font_size": FONT_SIZE_RANGE,
    "min_line_height": (1.0, 2.5),
    "min_spacing": (0.0, 1.0),
}


@dataclass(frozen=True)
class AsideSpec:
    """A sidebar column (``[aside]`` in theme.toml): its share of the body's width, its
    background, the gap to the main column, the padding inside its background, and
    whether that background runs down every page or the first only. The template is
    rendered a second time with ``part = "aside"`` for the sidebar's text."""

    width: float = 0.3
    color: str = "#eef3f4"
    gap: float = 14.0
    padding: float = 8.0
    every_page: bool = True


ASIDE_RANGES: dict[str, tuple[float, float]] = {
    "width": (0.15, 0.5),
    "gap": (0.0, 60.0),
    "padding": (0.0, 30.0),
}


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    description: str
    folder: Path
    builtin: bool
    template: str = "resume.html.j2"
    ats_friendly: bool = True
    accent: str = "#1f4e79"
    font: str = ""
    font_size: float = 10.0
    rhythm: Rhythm = field(default_factory=Rhythm)
    aside: AsideSpec | None = None
    fit: FitBounds = field(default_factory=FitBounds)
    options: dict[str, object] = field(default_factory=dict)
    problem: str = ""  # set when this theme stands in for one that cannot be used
    #: ``[options] locale``: the language of the theme's dates and "(continued)" label
    #: (and standard headings) whatever the résumé's; "" follows the résumé.
    locale: str = ""


@dataclass(frozen=True)
class ThemeCatalog:
    """The usable themes by id, and the user themes that failed to load, by id."""

    themes: dict[str, Theme]
    broken: dict[str, ResumeFileError]


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, links followed, stays inside ``folder`` (already resolved)."""
    try:
        return path.resolve().is_relative_to(folder)
    except (OSError, RuntimeError):  # a link loop
        return False


def _text(data: dict, key: str, default: str, spec: Path, prefix: str = "") -> str:
    value = data.get(key, default)
    if not isinstance(value, str) or len(value) > MAX_TEXT * 10:
        raise ResumeFileError(
            f"{key} must be a string of at most {MAX_TEXT * 10} characters",
            file=spec,
            field=prefix + key,
        )
    return value


def _font_size(options: dict, spec: Path) -> float:
    value = options.get("font_size", 10.0)
    low, high = FONT_SIZE_RANGE
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ResumeFileError(
            f"font_size must be a number of points, not {value!r}",
            file=spec,
            field="options.font_size",
        )
    if not low <= value <= high:
        raise ResumeFileError(
            f"font_size must be between {low:g} and {high:g} pt, not {value:g}",
            file=spec,
            field="options.font_size",
        )
    return float(value)


def _numbers(
    options: dict, name: str, ranges: dict[str, tuple[float, float]], spec: Path, what: str
) -> dict[str, float]:
    """``[options.<name>]`` of theme.toml: known keys only, each a number in its range."""
    table = options.get(name, {})
    if not isinstance(table, dict):
        raise ResumeFileError(f"{name} must be a table", file=spec, field=f"options.{name}")
    values: dict[str, float] = {}
    for key, value in table.items():
        where = f"options.{name}.{key}"
        if key not in ranges:
            known = ", ".join(ranges)
            raise ResumeFileError(f"unknown {what} {key!r}; known: {known}", file=spec, field=where)
        values[key] = _number(key, value, ranges[key], spec, where)
    return values


def _number(key: str, value: object, bounds: tuple[float, float], spec: Path, where: str) -> float:
    """``value`` as a finite number within ``bounds``, or a located error."""
    low, high = bounds
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if not number or not math.isfinite(value) or not low <= value <= high:  # type: ignore[operator, arg-type]
        raise ResumeFileError(
            f"{key} must be a number from {low:g} to {high:g}, not {value!r}",
            file=spec,
            field=where,
        )
    return float(value)  # type: ignore[arg-type]


def _rhythm(options: dict, spec: Path) -> Rhythm:
    """``[options.rhythm]`` of theme.toml, each step range-checked."""
    return Rhythm(**_numbers(options, "rhythm", RHYTHM_RANGES, spec, "step"))


def _fit(options: dict, spec: Path, font_size: float) -> FitBounds:
    """``[options.fit]`` of theme.toml: the floors of "Fit to pages", range-checked."""
    values = _numbers(options, "fit", FIT_RANGES, spec, "bound")
    if values.get("min_font_size", 0.0) > font_size:
        raise ResumeFileError(
            f"min_font_size must not be above the theme's font_size ({font_size:g} pt)",
            file=spec,
            field="options.fit.min_font_size",
        )
    return FitBounds(**values)


def _aside(data: dict, spec: Path) -> AsideSpec | None:
    """``[aside]`` of theme.toml: a sidebar column, range-checked."""
    table = data.get("aside")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ResumeFileError("aside must be a table ([aside])", file=spec, field="aside")
    values: dict[str, object] = {}
    for key, value in table.items():
        where = f"aside.{key}"
        if key in ASIDE_RANGES:
            values[key] = _number(key, value, ASIDE_RANGES[key], spec, where)
        elif key == "color":
            if not isinstance(value, str) or not COLOR.match(value):
                raise ResumeFileError(
                    f"color must be written #rrggbb, not {value!r}", file=spec, field=where
                )
            values[key] = value
        elif key == "pages":
            if value not in ("all", "first"):
                raise ResumeFileError(
                    f'pages must be "all" or "first", not {value!r}', file=spec, field=where
                )
            values["every_page"] = value == "all"
        else:
            raise ResumeFileError(f"unknown key {key!r}", file=spec, field=where)
    return AsideSpec(**values)  # type: ignore[arg-type]


def _accent(options: dict, spec: Path) -> str:
    value = options.get("accent", "#1f4e79")
    if not isinstance(value, str) or not COLOR.match(value):
        raise ResumeFileError(
            f"accent must be a colour written #rrggbb, not {value!r}",
            file=spec,
            field="options.accent",
        )
    return value


#: Languages a theme may set with ``[options] locale`` (those of render/formatting.py).
LOCALES = ("ko", "en")


def _locale(options: dict, spec: Path) -> str:
    value = options.get("locale", "")
    if value == "" or value in LOCALES:
        return str(value)
    raise ResumeFileError(
        f"locale must be one of {', '.join(LOCALES)} (or left out), not {value!r}",
        file=spec,
        field="options.locale",
    )


def _template(data: dict, folder: Path, real: Path, spec: Path, builtin: bool) -> str:
    """The template's name: a relative path to a file inside the theme folder."""
    name = _text(data, "template", "resume.html.j2", spec)
    pure = PurePosixPath(name)
    if not name or pure.is_absolute() or ".." in pure.parts or "\\" in name:
        raise ResumeFileError(
            f"template must name a file inside the theme folder, not {name!r}",
            file=spec,
            field="template",
        )
    path = folder.joinpath(*pure.parts)
    if not _inside(path, real):
        raise ResumeFileError(
            f"{name} is a link that leads outside the theme folder", file=spec, field="template"
        )
    if not path.is_file():
        raise ResumeFileError(f"there is no template {name}", file=spec, field="template")
    if not builtin:  # ours are checked by the tests, and parsing each costs milliseconds
        _check_syntax(path)
    return name


#: A template bigger than this is not read to check it (rendering refuses it too).
MAX_CHECKED_TEMPLATE_BYTES = 1_000_000


def _check_syntax(path: Path) -> None:
    """A template that cannot even be parsed makes the theme unusable: say so when the
    themes are listed (the picker greys it out) rather than when it is chosen. Parsing
    runs nothing of the template."""
    try:
        info = path.stat()
    except OSError:
        return  # rendering says why, with the theme's name
    if info.st_size <= MAX_CHECKED_TEMPLATE_BYTES:
        problem = _syntax_problem(path, info.st_mtime_ns, info.st_size)
        if problem is not None:
            message, line = problem
            raise ResumeFileError(message, file=path, line=line)


@lru_cache(maxsize=64)
def _syntax_problem(path: Path, _mtime_ns: int, _size: int) -> tuple[str, int] | None:
    """(message, line) of the template's syntax error, or None. Remembered per version
    of the file: themes are listed before every render."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None  # rendering says why, with the theme's name
    try:
        jinja2.Environment().parse(source)
    except jinja2.TemplateSyntaxError as error:
        return f"the template has a syntax error: {error.message}", error.lineno
    return None


def _read_theme(folder: Path, builtin: bool) -> Theme:
    spec = folder / "theme.toml"
    real = folder.resolve()
    if not _inside(spec, real):
        raise ResumeFileError("theme.toml is a link that leads outside the theme folder", file=spec)
    try:
        data = tomllib.loads(spec.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ResumeFileError(f"cannot read the theme: {error}", file=spec) from None
    except tomllib.TOMLDecodeError as error:
        raise ResumeFileError(f"not valid TOML: {error}", file=spec) from None
    options = data.get("options", {})
    if not isinstance(options, dict):
        raise ResumeFileError("options must be a table ([options])", file=spec, field="options")
    ats = data.get("ats_friendly", True)
    if not isinstance(ats, bool):
        raise ResumeFileError("ats_friendly must be true or false", file=spec, field="ats_friendly")
    return Theme(
        id=folder.name,
        name=_text(data, "name", folder.name, spec)[:MAX_TEXT] or folder.name,
        description=_text(data, "description", "", spec),
        folder=folder,
        builtin=builtin,
        template=_template(data, folder, real, spec, builtin),
        ats_friendly=ats,
        accent=_accent(options, spec),
        font=_text(options, "font", "", spec, "options.")[:MAX_TEXT],
        font_size=_font_size(options, spec),
        rhythm=_rhythm(options, spec),
        aside=_aside(data, spec),
        fit=_fit(options, spec, _font_size(options, spec)),
        options=dict(options),
        locale=_locale(options, spec),
    )


def builtin_themes_dir() -> Path:
    return resource_path("themes")


def load_themes() -> ThemeCatalog:
    """Built-in themes first, then user themes (which may replace them). A user theme
    that cannot be read goes to ``broken`` and replaces nothing."""
    themes: dict[str, Theme] = {}
    broken: dict[str, ResumeFileError] = {}
    for root, builtin in ((builtin_themes_dir(), True), (user_themes_dir(), False)):
        try:
            folders = sorted(root.iterdir()) if root.is_dir() else []
        except OSError:
            folders = []
        for folder in folders:
            spec = folder / "theme.toml"
            if not (spec.exists() or spec.is_symlink()):
                continue
            try:
                themes[folder.name] = _read_theme(folder, builtin)
            except ResumeFileError as error:
                if builtin:  # a defect of the installation, not of the user's theme
                    raise
                broken[folder.name] = error
    return ThemeCatalog(themes, broken)


def available_themes() -> dict[str, Theme]:
    """All usable themes by id: built-in first, then user themes."""
    return load_themes().themes


def get_theme(theme_id: str, *, fallback: bool = True) -> Theme:
    """The theme ``theme_id``. One that is missing or cannot be used raises, or with
    ``fallback`` (a résumé naming it must still preview and export) is replaced by the
    default theme whose ``problem`` says why. A broken user copy of a built-in theme is
    replaced by the built-in one, also with a ``problem``."""
    catalog = load_themes()
    themes = catalog.themes
    theme, error = themes.get(theme_id), catalog.broken.get(theme_id)
    if theme is not None and error is None:
        return theme
    if error is not None:
        reason = f"theme {theme_id!r} cannot be used: {error.located()}"
        if theme is None and not fallback:
            raise ResumeFileError(
                f"theme {theme_id!r} cannot be used: {error.message}",
                file=error.file,
                field=error.field,
                line=error.line,
            )
    else:
        reason = f"there is no theme {theme_id!r}; available: {', '.join(sorted(themes))}"
        if not fallback:
            raise ResumeFileError(reason, field="x-cveditor.layout.theme")
    stand_in = theme or themes.get(DEFAULT_THEME) or next(iter(themes.values()))
    return replace(stand_in, problem=f"{reason}; using {stand_in.name!r} instead")
