"""Autosave of a dirty document every 30 s, and recovery after a crash.

The copy goes to the platformdirs state folder (never next to the user's file), with the
path it belongs to; a clean save or a normal close removes it, so a copy found at start-up
means the last session did not end well.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import ResumeFileError
from ..io import native
from ..io.atomic import atomic_write_bytes
from ..model.resume import Resume
from ..paths import state_dir

INTERVAL_MS = 30_000


def autosave_dir() -> Path:
    return state_dir() / "autosave"


def _slot(original: Path | None) -> Path:
    key = str(original.resolve()) if original else "untitled"
    return autosave_dir() / (hashlib.sha1(key.encode()).hexdigest()[:16] + ".json")


@dataclass
class Recovered:
    resume: Resume
    original: Path | None
    slot: Path


def write(resume: Resume, original: Path | None) -> Path:
    slot = _slot(original)
    slot.parent.mkdir(parents=True, exist_ok=True)
    envelope = {
        "original": str(original) if original else None,
        "resume": json.loads(native.dumps(resume)),
    }
    atomic_write_bytes(slot, json.dumps(envelope, ensure_ascii=False).encode(), backup=False)
    return slot


def discard(original: Path | None) -> None:
    _slot(original).unlink(missing_ok=True)


def pending() -> list[Recovered]:
    """Autosaved copies left by a session that did not close normally."""
    found = []
    folder = autosave_dir()
    if not folder.is_dir():
        return found
    for slot in sorted(folder.glob("*.json")):
        try:
            envelope = json.loads(slot.read_text(encoding="utf-8"))
            resume = native.resume_from_data(envelope["resume"], str(slot))
        except (OSError, ValueError, KeyError, TypeError, ResumeFileError):
            continue
        original = Path(envelope["original"]) if envelope.get("original") else None
        found.append(Recovered(resume, original, slot))
    return found
