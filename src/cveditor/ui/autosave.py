"""Autosave of a dirty document every 30 s, and recovery after a crash.

Each window writes its own copy (the slot name holds a per-window id) to the state folder,
never next to the user's file, so two windows never overwrite each other's work. The copy
(an "envelope") records the file it belongs to, the digest of that file the edits started
from, and the process that wrote it: a copy whose process is still running belongs to a
live instance and is never offered for recovery; a copy whose process is gone means that
session did not end well. A copy is removed only when its work was saved or the user
discarded it. Copies, locks and crash logs are private: 0600 files in 0700 folders.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import socket
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import ResumeFileError
from ..io import native
from ..model.resume import Resume
from ..paths import state_dir

INTERVAL_MS = 30_000
FORMAT = 2
# A live instance rewrites its copy every INTERVAL_MS while the document is dirty, so a copy
# from another host untouched for this long has no live owner (we cannot ask that host).
FOREIGN_STALE_S = 600


# --- private files: 0600 in 0700 folders ------------------------------------------------


def private_dir(folder: Path) -> Path:
    """Create ``folder`` (and the state folder above it) readable by the user only: the
    copies hold a whole résumé, which is personal data."""
    for part in (state_dir(), folder):
        part.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(OSError):  # some file systems (FAT, shares) have no modes
            if part.stat().st_mode & 0o777 != 0o700:
                part.chmod(0o700)
    return folder


def write_private(path: Path, data: bytes) -> None:
    """Atomically replace ``path`` with ``data``, mode 0600 from the first byte on.

    io.atomic keeps the old file's mode (or the umask's), so it cannot promise 0600; here
    the temporary file is created 0600 and renamed over the target. Raises OSError.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o600)
        os.replace(tmp_name, path)
        tmp_name = None
        with contextlib.suppress(OSError):  # not every platform can open a folder
            folder_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(folder_fd)
            finally:
                os.close(folder_fd)
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


# --- who wrote a copy or a lock, and is it still running ----------------------------------

_STARTED = time.time()


def _boot_id() -> str | None:
    """Changes at every boot (Linux): a record from another boot has no live process."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip() or None
    except OSError:
        return None


def _proc_stat(pid: int) -> list[str] | None:
    """Fields 3… of /proc/PID/stat (Linux), None elsewhere or when there is no such pid."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[-1].split()


def _start_ticks(pid: int) -> int | None:
    """When the process started, in clock ticks since boot: tells a reused pid apart."""
    fields = _proc_stat(pid)
    try:
        return int(fields[19]) if fields else None  # field 22, starttime
    except (IndexError, ValueError):
        return None


def owner_record() -> dict[str, Any]:
    """This process, as written into autosave envelopes and lock files."""
    return {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "started": datetime.fromtimestamp(_STARTED).astimezone().isoformat(timespec="seconds"),
        "boot": _boot_id(),
        "ticks": _start_ticks(os.getpid()),
    }


def _pid_exists(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process there
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        code = ctypes.c_ulong()
        try:
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it exists, under another user
        return True
    return True


def owner_state(owner: dict[str, Any]) -> str:
    """'self' (this process), 'alive' (another process on this host), 'elsewhere' (another
    host: cannot tell) or 'dead'."""
    pid, host = owner.get("pid"), owner.get("host")
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return "dead"
    if host != socket.gethostname():
        return "elsewhere"
    boot = _boot_id()
    if owner.get("boot") and boot and owner["boot"] != boot:
        return "dead"
    ticks = owner.get("ticks")
    if pid == os.getpid():
        return "self" if ticks in (None, _start_ticks(pid)) else "dead"
    if not _pid_exists(pid):
        return "dead"
    fields = _proc_stat(pid)
    if fields and fields[0] in ("Z", "X"):  # a zombie waits for its parent: it is gone
        return "dead"
    now = _start_ticks(pid)
    if isinstance(ticks, int) and now is not None and ticks != now:
        return "dead"  # the pid was reused by an unrelated process
    return "alive"


def describe_owner(owner: dict[str, Any]) -> str:
    host = owner.get("host") or "an unknown computer"
    started = f", started {owner['started']}" if owner.get("started") else ""
    return f"process {owner.get('pid', '?')} on {host}{started}"


# --- the copies --------------------------------------------------------------------------


def autosave_dir() -> Path:
    return state_dir() / "autosave"


def slot_path(window_id: str, original: Path | None) -> Path:
    """One copy per window and document: two windows (even two untitled ones) never share."""
    key = str(original.resolve()) if original else "untitled"
    digest = hashlib.sha1(key.encode()).hexdigest()[:16]
    return autosave_dir() / f"{window_id}-{digest}.json"


@dataclass
class Recovered:
    """A readable copy whose writer is gone: the work it holds can be recovered."""

    resume: Resume
    original: Path | None
    slot: Path
    base_digest: str | None  # digest of ``original`` that the autosaved edits started from
    owner: dict[str, Any]
    saved_at: float

    def describe(self) -> str:
        """“cv.json” (/home/…/cv.json), autosaved 2024-05-12 14:02 — for the question; an
        untitled copy says what it holds: an untitled résumé (김서연, 3 jobs), …"""
        when = datetime.fromtimestamp(self.saved_at).strftime("%Y-%m-%d %H:%M")
        if self.original:
            what = f"“{self.original.name}” ({self.original})"
        else:
            what = f"an untitled résumé ({_contents(self.resume)})"
        return f"{what}, autosaved {when}"


def _contents(resume: Resume) -> str:
    """“김서연, 3 jobs”: whose résumé a copy holds (basics.name) and how many jobs."""
    name = " ".join(str(resume.basics.name or "").split())
    if len(name) > 40:
        name = name[:39] + "…"
    jobs = len(resume.work)
    count = f"{jobs} job{'s' * (jobs != 1)}" if jobs else "no jobs"
    return f"{name or 'no name'}, {count}"


@dataclass
class Unreadable:
    """A copy that cannot be read: shown to the user and kept, never deleted or skipped."""

    slot: Path
    reason: str


def write(
    resume: Resume,
    original: Path | None,
    *,
    window_id: str,
    base_digest: str | None = None,
    slot: Path | None = None,
) -> Path:
    """Write this window's copy (``slot`` to reuse a recovered copy's file). Raises
    OSError (disk full, unwritable state folder) or ResumeFileError."""
    target = slot or slot_path(window_id, original)
    private_dir(target.parent)
    envelope = {
        "format": FORMAT,
        "original": str(original) if original else None,
        "base_digest": base_digest,
        "window": window_id,
        "owner": owner_record(),
        "saved_at": datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    # The résumé's own text goes in as it is: reading it back into a dict only to write
    # it again took twice as long as making it (a 3 200-job résumé: 0.3 of 0.7 s).
    head = json.dumps(envelope, ensure_ascii=False)
    text = f'{head[:-1]}, "resume": {native.dumps(resume)}}}'
    write_private(target, text.encode())
    return target


def discard(slot: Path) -> bool:
    """Delete one copy; False when it could not be deleted (it is then offered again)."""
    try:
        slot.unlink(missing_ok=True)
    except OSError:
        return False
    return True


#: What a copy the user set aside is renamed to end with: kept, no longer offered.
SET_ASIDE_SUFFIX = ".unreadable"
_ORIGINAL = re.compile(rb'"original":\s*"((?:[^"\\]|\\.){1,4096})"')


def _whose(slot: Path) -> str:
    """ ", it held unsaved changes to <file>" when a damaged copy still names its file
    (the envelope names it first, so a cut-off copy usually does)."""
    try:
        match = _ORIGINAL.search(slot.read_bytes()[:8192])
        name = json.loads(b'"' + match.group(1) + b'"') if match else ""
    except (OSError, ValueError):
        return ""
    return f"; it held unsaved changes to {name}" if name else ""


def set_aside(slot: Path) -> Path:
    """Rename an unreadable copy so that it is kept but no longer offered at start."""
    target = slot.with_name(slot.name + SET_ASIDE_SUFFIX)
    number = 1
    while target.exists():
        number += 1
        target = slot.with_name(f"{slot.name}.{number}{SET_ASIDE_SUFFIX}")
    slot.rename(target)
    return target


def _read(slot: Path) -> Recovered | Unreadable | None:
    """The copy in ``slot``; None when a live process owns it (its window is still open)."""
    try:
        envelope = json.loads(slot.read_text(encoding="utf-8"))
    except OSError as error:
        return Unreadable(slot, error.strerror or str(error))
    except ValueError as error:  # also UnicodeDecodeError
        return Unreadable(slot, f"it is not valid JSON ({error}){_whose(slot)}")
    if not isinstance(envelope, dict) or not isinstance(envelope.get("resume"), dict):
        return Unreadable(slot, "it does not hold a résumé")
    owner = envelope.get("owner") if isinstance(envelope.get("owner"), dict) else {}
    state = owner_state(owner)
    saved_at = 0.0
    with contextlib.suppress(OSError):
        saved_at = slot.stat().st_mtime
    if state in ("self", "alive"):
        return None
    if state == "elsewhere" and time.time() - saved_at < FOREIGN_STALE_S:
        return None  # probably still being edited on that computer
    try:
        resume = native.resume_from_data(envelope["resume"], str(slot))
    except ResumeFileError as error:
        return Unreadable(slot, error.located())
    except (ValueError, KeyError, TypeError) as error:
        return Unreadable(slot, f"its résumé is damaged ({error})")
    original = envelope.get("original")
    digest = envelope.get("base_digest")
    return Recovered(
        resume,
        Path(original) if isinstance(original, str) and original else None,
        slot,
        digest if isinstance(digest, str) else None,
        owner,
        saved_at,
    )


def pending() -> list[Recovered | Unreadable]:
    """Copies left by sessions that did not end well, newest first, plus every copy that
    cannot be read (so the user hears of it). Copies of running instances are left out."""
    folder = autosave_dir()
    if not folder.is_dir():
        return []

    def newest_first(slot: Path) -> float:
        try:
            return -slot.stat().st_mtime
        except OSError:
            return 0.0

    found = []
    for slot in sorted(folder.glob("*.json"), key=newest_first):
        item = _read(slot)
        if item is not None:
            found.append(item)
    return found
