"""Desktop integration files are valid (Debian's own validators when installed)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from .conftest import REPO

LINUX = REPO / "packaging" / "linux"
DESKTOP = LINUX / "io.github.cveditor.CVEditor.desktop"
METAINFO = LINUX / "io.github.cveditor.CVEditor.metainfo.xml"


def test_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"].split()[0] == "cveditor"
    assert section["Icon"] == "io.github.cveditor.CVEditor"
    if shutil.which("desktop-file-validate"):
        proc = subprocess.run(
            ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
        )
        assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout


def test_appstream_metainfo() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == "io.github.cveditor.CVEditor"
    assert root.find("launchable").text == DESKTOP.name
    if shutil.which("appstreamcli"):
        proc = subprocess.run(
            ["appstreamcli", "validate", "--no-net", "--pedantic", str(METAINFO)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr


def test_app_icon_is_svg() -> None:
    root = ET.parse(REPO / "resources" / "icons" / "cveditor.svg").getroot()
    assert root.tag.endswith("svg") and root.get("viewBox") == "0 0 128 128"


@pytest.mark.parametrize(
    "script",
    ["wheel-test.sh", "pyinstaller/build.sh", "pyinstaller/smoke.sh", "linux/install-desktop.sh"],
)
def test_scripts_parse(script) -> None:
    subprocess.run(["bash", "-n", str(REPO / "packaging" / script)], check=True)
