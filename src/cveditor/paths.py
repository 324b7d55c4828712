"""Where cveditor keeps the user's things: config, state (autosave), user themes.

``CVEDITOR_HOME`` points all of them into one folder, which tests use so that no test
touches the real home.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "cveditor"


def _base(kind: str) -> Path:
    override = os.environ.get("CVEDITOR_HOME")
    if override:
        return Path(override) / kind
    getter = {
        "config": platformdirs.user_config_path,
        "data": platformdirs.user_data_path,
        "state": platformdirs.user_state_path,
        "cache": platformdirs.user_cache_path,
    }[kind]
    return getter(APP_NAME, appauthor=False)


def config_dir() -> Path:
    return _base("config")


def data_dir() -> Path:
    return _base("data")


def state_dir() -> Path:
    return _base("state")


def cache_dir() -> Path:
    """What can be made again (icons drawn once): deleting it loses nothing."""
    return _base("cache")


def user_themes_dir() -> Path:
    """User themes, same format as the built-in ones: <this folder>/<name>/theme.toml."""
    return data_dir() / "themes"
