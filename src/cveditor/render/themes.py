"""Themes: a folder with ``theme.toml`` (name, description, options) and a Jinja template.

Built-in themes live in resources/themes; user themes, same format, in the user data
folder (``cveditor themes`` prints where). A user theme of the same id replaces a
built-in one.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ResumeFileError
from ..paths import user_themes_dir
from ..resources import resource_path

DEFAULT_THEME = "classic"


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
    options: dict[str, object] = field(default_factory=dict)


def _read_theme(folder: Path, builtin: bool) -> Theme:
    spec = folder / "theme.toml"
    try:
        data = tomllib.loads(spec.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ResumeFileError(f"cannot read the theme: {error}", file=spec) from None
    except tomllib.TOMLDecodeError as error:
        raise ResumeFileError(f"not valid TOML: {error}", file=spec) from None
    options = data.get("options", {})
    try:
        return Theme(
            id=folder.name,
            name=str(data.get("name", folder.name)),
            description=str(data.get("description", "")),
            folder=folder,
            builtin=builtin,
            template=str(data.get("template", "resume.html.j2")),
            ats_friendly=bool(data.get("ats_friendly", True)),
            accent=str(options.get("accent", "#1f4e79")),
            font=str(options.get("font", "")),
            font_size=float(options.get("font_size", 10.0)),
            options=dict(options),
        )
    except (TypeError, ValueError) as error:
        raise ResumeFileError(f"bad option value: {error}", file=spec, field="options") from None


def builtin_themes_dir() -> Path:
    return resource_path("themes")


def available_themes() -> dict[str, Theme]:
    """All themes by id: built-in first, then user themes (which may replace them)."""
    themes: dict[str, Theme] = {}
    for root, builtin in ((builtin_themes_dir(), True), (user_themes_dir(), False)):
        if not root.is_dir():
            continue
        for folder in sorted(root.iterdir()):
            if (folder / "theme.toml").is_file():
                themes[folder.name] = _read_theme(folder, builtin)
    return themes


def get_theme(theme_id: str) -> Theme:
    themes = available_themes()
    if theme_id not in themes:
        raise ResumeFileError(
            f"there is no theme {theme_id!r}; available: {', '.join(sorted(themes))}",
            field="x-cveditor.layout.theme",
        )
    return themes[theme_id]
