"""The one door to icons: names used by the UI → qtawesome, drawn once and kept.

Importing qtawesome and loading its icon fonts cost ~0.35 s of every start (design.md
§4 trap 13: 0.16 s to import, 0.2 s for the first icons, as it reads every bundled
font's character map). The icons are drawn by qtawesome the first time and kept as
PNG files in the cache folder (by qtawesome's version, colour and screen scale), so
later starts read a few small files and never import it. A missing or unreadable file
is drawn again.
"""

from __future__ import annotations

import contextlib
import os
from functools import cache
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon, QPixmap

from ..paths import cache_dir

NAMES = {
    "new": "fa5s.file",
    "open": "fa5s.folder-open",
    "save": "fa5s.save",
    "save-as": "fa5s.file-export",
    "pdf": "fa5s.file-pdf",
    "print": "fa5s.print",
    "undo": "fa5s.undo",
    "redo": "fa5s.redo",
    "add": "fa5s.plus",
    "delete": "fa5s.trash-alt",
    "duplicate": "fa5s.clone",
    "up": "fa5s.arrow-up",
    "down": "fa5s.arrow-down",
    "hide": "fa5s.eye-slash",
    "rename": "fa5s.i-cursor",
    "zoom-in": "fa5s.search-plus",
    "zoom-out": "fa5s.search-minus",
    "history": "fa5s.history",
    "theme": "fa5s.palette",
    "quit": "fa5s.sign-out-alt",
    "import": "fa5s.file-import",
    "export": "fa5s.file-export",
    "keyboard": "fa5s.keyboard",
    "refresh": "fa5s.sync-alt",
}
COLOR = "#37474f"
#: Sizes (logical pixels) kept on disk: toolbar, buttons, menus at common scales.
SIZES = (16, 20, 24, 32, 48)
#: Changes when the way icons are drawn or named here changes.
FORMAT = 1


def _scale() -> float:
    app = QGuiApplication.instance()
    screen = app.primaryScreen() if isinstance(app, QGuiApplication) else None
    return screen.devicePixelRatio() if screen is not None else 1.0


def icon_folder() -> Path:
    """Where the drawn icons of this qtawesome, colour and screen scale are kept."""
    try:
        version = metadata.version("qtawesome")
    except metadata.PackageNotFoundError:
        version = "unknown"
    key = f"v{FORMAT}-qta{version}-{COLOR.lstrip('#')}-x{_scale():g}"
    return cache_dir() / "icons" / key


def _kept(name: str, folder: Path, scale: float) -> QIcon | None:
    drawn = QIcon()
    for size in SIZES:
        pixmap = QPixmap(str(folder / f"{name}-{size}.png"))
        expected = round(size * scale)
        if pixmap.isNull() or pixmap.width() != expected or pixmap.height() != expected:
            return None
        pixmap.setDevicePixelRatio(scale)
        drawn.addPixmap(pixmap)
    return drawn


def _keep(name: str, drawn: QIcon, folder: Path, scale: float) -> None:
    """Write the icon's pixmaps; a cache that cannot be written is only slower."""
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        for size in SIZES:
            pixmap = drawn.pixmap(QSize(size, size), scale)
            target = folder / f"{name}-{size}.png"
            partial = target.with_name(f".{target.name}.{os.getpid()}")
            if pixmap.save(str(partial), "PNG"):
                partial.replace(target)  # another start never reads half a file


@cache
def icon(name: str) -> QIcon:
    folder, scale = icon_folder(), _scale()
    kept = _kept(name, folder, scale)
    if kept is not None:
        return kept
    import qtawesome

    drawn = qtawesome.icon(NAMES[name], color=COLOR)
    _keep(name, drawn, folder, scale)
    return drawn
