"""A non-editable install into a fresh venv finds its resources and runs headless commands."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

CHECK = """
import cveditor, cveditor.resources as r
from pathlib import Path
root = r.resources_root()
assert root.parent == Path(cveditor.__file__).parent, root
assert r.sample_path().is_file(), r.sample_path()
print(root)
"""


@pytest.fixture(scope="module")
def installed_venv(tmp_path_factory) -> Path:
    """A fresh venv with `pip install .` (not editable) from a copy of the source tree."""
    base = tmp_path_factory.mktemp("install")
    source = base / "src-copy"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            "__pycache__",
            "*.pyc",
            ".*_cache",
            ".hypothesis",
            "dist",
            "build",
            "out",
        ),
    )
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    pip = [
        str(venv / "bin" / "python"),
        "-m",
        "pip",
        "install",
        "-q",
        "--disable-pip-version-check",
    ]
    proc = subprocess.run([*pip, str(source)], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    shutil.rmtree(source)  # nothing may point back into the source tree
    return venv


def test_installed_package_finds_resources(installed_venv, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    proc = subprocess.run(
        [str(installed_venv / "bin" / "python"), "-c", CHECK],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "site-packages" in proc.stdout

    sample = proc.stdout.strip() + "/samples/sample.resume.json"
    out = tmp_path / "copy.json"
    proc = subprocess.run(
        [str(installed_venv / "bin" / "cveditor"), "convert", sample, "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run(
        [str(installed_venv / "bin" / "cveditor"), "validate", str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert (proc.returncode, proc.stdout.strip()) == (0, "OK")
