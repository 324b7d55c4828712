"""What the application remembers between runs: recent files, window layout, last theme.

A small JSON file in the platformdirs config folder; a broken file is set aside, never
fatal.
"""

from __future__ import annotations

import contextlib
import json
import stat
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import ResumeFileError
from ..io.atomic import atomic_write_bytes, remove_stale_temporaries
from ..paths import config_dir

MAX_RECENT = 10


def private_folder(folder: Path) -> None:
    """Create ``folder`` 0700; an existing one loses what group and others may do (a
    stricter mode the user set stays). Raises ResumeFileError naming the folder."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise ResumeFileError(
            f"cannot create the settings folder ({error.strerror or error})", file=folder
        ) from None
    with contextlib.suppress(OSError):  # some file systems (FAT, shares) have no modes
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode & 0o077:
            folder.chmod(mode & 0o700)


@dataclass
class Settings:
    recent_files: list[str] = field(default_factory=list)
    geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    window_state: str = ""
    splitter: list[int] = field(default_factory=list)
    last_theme: str = ""
    attach_source: bool = True  # exported PDFs carry what they print as JSON

    @classmethod
    def file(cls) -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        """The saved settings (defaults when there are none or they cannot be read). At
        this start, temporary files that killed saves left in the config folder and the
        folders of recent files are deleted (docs/saving.md)."""
        try:
            data = json.loads(cls.file().read_text(encoding="utf-8"))
            known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
            settings = cls(**known)
        except (OSError, ValueError, TypeError):
            settings = cls()
        settings.clean_temporaries()
        return settings

    def clean_temporaries(self) -> None:
        folders = {self.file().parent}
        for name in self.recent_files if isinstance(self.recent_files, list) else []:
            if isinstance(name, str) and name:
                folders.add(Path(name).parent)
        for folder in folders:
            remove_stale_temporaries(folder)

    def save(self) -> None:
        """Write the settings privately: 0600 in a 0700 folder (a folder or file the user
        made stricter stays so; an existing file keeps its mode)."""
        path = self.file()
        private_folder(path.parent)
        data = json.dumps(asdict(self), indent=2).encode("utf-8")
        atomic_write_bytes(path, data, backup=False, private=True)

    def add_recent(self, path: Path) -> None:
        text = str(path.resolve())
        self.recent_files = [text] + [p for p in self.recent_files if p != text]
        del self.recent_files[MAX_RECENT:]
