"""Shared fixtures: headless Qt, files on disk, the JSON Resume schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
OFFICIAL_SAMPLE = SHARED / "jsonresume" / "sample.resume.json"
SCHEMA_FILE = SHARED / "jsonresume" / "schema.json"
OUR_SAMPLE = REPO / "resources" / "samples" / "sample.resume.json"


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test reads or writes the real user's config, state or data folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CVEDITOR_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def schema_validator():
    """Validates a parsed JSON document against the official JSON Resume schema."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator_cls = jsonschema.validators.validator_for(schema)
    return validator_cls(schema, format_checker=validator_cls.FORMAT_CHECKER)


@pytest.fixture
def official_sample() -> Path:
    return OFFICIAL_SAMPLE


@pytest.fixture
def our_sample() -> Path:
    return OUR_SAMPLE


def run_cveditor(*args: str, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    """``python -m cveditor ARGS`` in a child process, as a user would run it."""
    return subprocess.run(
        [sys.executable, "-m", "cveditor", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        **kwargs,
    )
