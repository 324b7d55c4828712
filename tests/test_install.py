"""The wheel, installed non-editable into a fresh venv, finds its resources and works."""

from __future__ import annotations

import subprocess

from pypdf import PdfReader

from .conftest import REPO
from .pdfcheck import pdftotext


def test_wheel_installs_and_exports(tmp_path) -> None:
    proc = subprocess.run(
        ["bash", str(REPO / "packaging" / "wheel-test.sh"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "wheel test passed" in proc.stdout
    pdf = tmp_path / "sample.pdf"
    assert len(PdfReader(str(pdf)).pages) >= 2
    assert "김서연 (Seoyeon Kim)" in pdftotext(pdf)
    assert (tmp_path / "sample.md").read_text(encoding="utf-8").startswith("# 김서연")
    installed = list((tmp_path / "venv").glob("lib/python3*/site-packages/cveditor/resources"))
    assert installed and (installed[0] / "themes" / "classic" / "theme.toml").is_file()
