"""One lock per open file, so that a second cveditor knows the first one is editing it.

``<state>/locks/<sha256 of the resolved path>.lock`` holds the pid, host name and start
time of the process that opened the file (0600, like the autosave copies). A lock whose
process is gone (same host, dead pid) is stale and removed without a word; a lock of a
live process, or of another host, makes the second instance ask before editing. Windows
of the same process share a lock, which goes when the last of them lets the file go.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..paths import state_dir
from .autosave import describe_owner, owner_record, owner_state, private_dir, write_private

_held: dict[Path, set[str]] = {}  # lock file → ids of this process's windows that hold it


def lock_dir() -> Path:
    return state_dir() / "locks"


def lock_path(file: Path) -> Path:
    key = str(Path(file).resolve())
    return lock_dir() / (hashlib.sha256(key.encode()).hexdigest() + ".lock")


@dataclass
class Holder:
    """Someone else who may be editing the file, or a lock that cannot be read."""

    lock: Path
    owner: dict[str, Any] | None
    problem: str = ""

    def describe(self) -> str:
        if self.owner is None:
            return f"its lock file {self.lock} cannot be read: {self.problem}"
        return "it is open in another cveditor (" + describe_owner(self.owner) + ")"


def holder(file: Path) -> Holder | None:
    """Who else holds ``file``; None when nobody does. Stale locks are removed here."""
    lock = lock_path(file)
    try:
        text = lock.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as error:
        return Holder(lock, None, error.strerror or str(error))
    try:
        owner = json.loads(text)
    except ValueError as error:
        return Holder(lock, None, f"it is not valid JSON ({error})")
    if not isinstance(owner, dict) or not isinstance(owner.get("pid"), int):
        return Holder(lock, None, "it does not name a process")
    state = owner_state(owner)
    if state == "self":
        return None
    if state == "dead":
        with contextlib.suppress(OSError):
            lock.unlink()
        return None
    return Holder(lock, owner)


def take(file: Path, window_id: str) -> Path:
    """Write our lock for ``file`` (replacing any other). Raises OSError."""
    lock = lock_path(file)
    private_dir(lock.parent)
    record = {**owner_record(), "file": str(Path(file).resolve())}
    write_private(lock, json.dumps(record, ensure_ascii=False).encode())
    _held.setdefault(lock, set()).add(window_id)
    return lock


def release(lock: Path, window_id: str) -> None:
    """This window lets the file go; the lock file goes with the last window of this
    process, and only if it still names us (another instance may have taken it over)."""
    windows = _held.get(lock, set())
    windows.discard(window_id)
    if windows:
        return
    _held.pop(lock, None)
    with contextlib.suppress(OSError, ValueError):
        owner = json.loads(lock.read_text(encoding="utf-8"))
        if isinstance(owner, dict) and owner_state(owner) == "self":
            lock.unlink()
