"""The repository is self-contained: nothing in it reads a sibling ``shared`` folder.

A clone on a user's machine has no such folder next to it; what the tests need from the
JSON Resume project is vendored under ``tests/data/jsonresume``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CHECKED_FOLDERS = ("src", "tests", "tools", "bench", ".ci", "packaging")
#: Caches, and third-party code installed by .ci/run (not ours, never committed).
SKIPPED_PARTS = {"__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis", "node_modules"}
# Spelled in pieces so that this file never matches itself (it is also excluded).
FORBIDDEN = ("../" + "shared", "parent / " + '"shared"')


def _checked_files() -> list[Path]:
    this_file = Path(__file__).resolve()
    files = []
    for folder in CHECKED_FOLDERS:
        root = REPO / folder
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if not path.is_file() or path.resolve() == this_file:
                continue
            if SKIPPED_PARTS.intersection(path.relative_to(REPO).parts):
                continue
            files.append(path)
    return files


def test_the_scan_sees_the_tree():
    names = {path.relative_to(REPO).as_posix() for path in _checked_files()}
    assert "tests/conftest.py" in names
    assert "src/cveditor/__main__.py" in names
    assert ".ci/run" in names


@pytest.mark.parametrize("needle", FORBIDDEN)
def test_no_file_reads_outside_the_repository(needle: str):
    offenders = []
    for path in _checked_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            if needle in line:
                offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert not offenders, f"{needle!r} points outside the repository:\n" + "\n".join(offenders)


def test_the_vendored_jsonresume_files_are_present():
    folder = REPO / "tests" / "data" / "jsonresume"
    for name in ("schema.json", "sample.resume.json", "LICENSE", "README.md"):
        assert (folder / name).is_file(), name
