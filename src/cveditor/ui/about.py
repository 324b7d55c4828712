"""Help ▸ About: the version, and the licences of what cveditor is built from."""

from __future__ import annotations

import platform
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion

from .. import __version__

#: distribution → (what it does here, licence as its authors state it)
LIBRARIES: tuple[tuple[str, str, str], ...] = (
    ("PySide6-Essentials", "Qt for Python: the window, the pages, the PDF", "LGPL-3.0"),
    ("pydantic", "the résumé model", "MIT"),
    ("Jinja2", "themes", "BSD-3-Clause"),
    ("markdown-it-py", "Markdown in fields and import", "MIT"),
    ("pypdf", "the PDF text layer and attachments", "BSD-3-Clause"),
    ("PyYAML", "Markdown front matter", "MIT"),
    ("platformdirs", "where settings and autosaves live", "MIT"),
    ("QtAwesome", "icons (Font Awesome fonts: SIL OFL 1.1, icons CC BY 4.0)", "MIT"),
)

#: Fonts shipped with the desktop bundle (packaging/pyinstaller).
FONTS: tuple[tuple[str, str], ...] = (
    ("cveditor Noto Sans/Serif KR (Noto CJK KR)", "SIL Open Font License 1.1"),
    ("cveditor Modern Sans KR (Pretendard)", "SIL Open Font License 1.1"),
    ("cveditor Latin Serif (IBM Plex Serif)", "SIL Open Font License 1.1"),
)


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def about_text() -> str:
    """The About page as Markdown."""
    libraries = "\n".join(
        f"| {name} | {_version(name)} | {role} | {licence} |"
        for name, role, licence in LIBRARIES
    )
    fonts = "\n".join(f"| {name} | {licence} |" for name, licence in FONTS)
    return f"""# cveditor {__version__}

An offline résumé editor: JSON Resume files, a live paginated preview, exact PDFs.
Licensed under the MIT licence.

Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version},
{platform.system()} {platform.release()}.

## Libraries

| library | version | used for | licence |
|---|---|---|---|
{libraries}

## Fonts bundled with the desktop package

| font | licence |
|---|---|
{fonts}

The JSON Resume schema used by the tests is MIT-licensed (JSON Resume Schema, 2014).
"""
