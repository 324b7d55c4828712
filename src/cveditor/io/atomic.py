"""Atomic file replacement: the target always holds the old or the new bytes, never a mix.

Write a temporary file in the same folder, flush and fsync it, keep the old file as a
backup (a hard link, so no copy), then rename over the target and fsync the folder.
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
import time
from pathlib import Path

from ..errors import ResumeFileError

BACKUP_SUFFIX = ".bak"


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once: os.umask can only be read by setting it


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _keep_backup(path: Path) -> None:
    """Point ``<name>.bak`` at the current file, atomically, before it is replaced."""
    target = backup_path(path)
    staging = path.with_name(f".{path.name}.bak-new")
    with contextlib.suppress(FileNotFoundError):
        staging.unlink()
    try:
        os.link(path, staging)
    except OSError:  # no hard links here (FAT, some network shares): copy instead
        staging.write_bytes(path.read_bytes())
    os.replace(staging, target)


STALE_AFTER_S = 600


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files of saves that were killed mid-write (older than ten minutes, so
    never one that another process is writing right now)."""
    cutoff = time.time() - STALE_AFTER_S
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if stale.stat().st_mtime < cutoff:
                stale.unlink()


def atomic_write_bytes(path: Path, data: bytes, *, backup: bool = True) -> None:
    """Replace ``path`` with ``data`` or leave it untouched and raise ResumeFileError."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        old_mode = stat.S_IMODE(path.stat().st_mode)
        existed = True
    except FileNotFoundError:
        old_mode, existed = None, False
    except OSError as error:
        raise ResumeFileError(f"cannot save: {error.strerror or error}", file=path) from None

    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, old_mode if old_mode is not None else 0o666 & ~_UMASK)
        if backup and existed:
            _keep_backup(path)
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_dir(folder)
        _remove_stale_temporaries(path)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ResumeFileError(
            f"cannot save ({reason}); the file on disk was not changed", file=path
        ) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
