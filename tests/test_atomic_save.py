"""Saving never loses work: atomic replace, a backup, and failures that change nothing."""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import subprocess
import sys
import time

import pytest

from cveditor.errors import ResumeFileError
from cveditor.io import native
from cveditor.io.atomic import atomic_write_bytes, backup_path
from cveditor.model import Resume
from cveditor.model.resume import Work


def _big_resume(tag: str, jobs: int = 300) -> Resume:
    resume = Resume()
    resume.basics.name = f"버전 {tag}"
    resume.work = [
        Work(name=f"회사 {tag} {i}", summary=("경력 기술 " * 40) + tag, highlights=[tag] * 5)
        for i in range(jobs)
    ]
    return resume


def test_save_keeps_previous_version_as_backup(tmp_path):
    path = tmp_path / "cv.json"
    first, second = _big_resume("A", 2), _big_resume("B", 2)
    native.save(first, path)
    assert not backup_path(path).exists()
    native.save(second, path)
    assert native.load(path) == second
    assert native.load(backup_path(path)) == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cv.json", "cv.json.bak"]


def test_save_keeps_file_permissions(tmp_path):
    path = tmp_path / "cv.json"
    native.save(Resume(), path)
    os.chmod(path, 0o640)
    native.save(_big_resume("A", 1), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_new_file_is_private(tmp_path):
    """#18: a résumé holds personal data; a new file is the owner's alone (0600)."""
    path = tmp_path / "cv.json"
    native.save(Resume(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_failed_rename_leaves_old_file_and_no_litter(tmp_path, monkeypatch):
    path = tmp_path / "cv.json"
    native.save(_big_resume("old", 3), path)
    before = path.read_bytes()

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)  # the OS refusing, not our code
    with pytest.raises(ResumeFileError, match="file on disk was not changed") as caught:
        native.save(_big_resume("new", 3), path, backup=False)
    assert str(path) in str(caught.value)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cv.json"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "cv.json"
    native.save(_big_resume("old", 1), path)
    before = path.read_bytes()
    folder.chmod(0o555)
    try:
        with pytest.raises(ResumeFileError, match="not changed"):
            native.save(_big_resume("new", 1), path)
    finally:
        folder.chmod(0o755)
    assert path.read_bytes() == before


FULL_DISK_CHILD = """
import resource, signal, sys
from cveditor.io import native
from cveditor.errors import ResumeFileError
from cveditor.model import Resume
path, limit = sys.argv[1], int(sys.argv[2])
resume = native.load(path)
resume.basics.summary = "새 내용 " * 20000
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    native.save(resume, path)
except ResumeFileError as error:
    print(error)
    sys.exit(3)
sys.exit(0)
"""


def save_with_write_limit(path, limit: int) -> subprocess.CompletedProcess:
    """Save a bigger résumé over ``path`` in a child that may write at most ``limit``
    bytes per file (the kernel then fails the write as a full disk does); exit 3 and
    the message on stdout when the save failed."""
    return subprocess.run(
        [sys.executable, "-c", FULL_DISK_CHILD, str(path), str(limit)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_disk_full_leaves_old_file_intact(tmp_path):
    """A write limit (RLIMIT_FSIZE) makes the kernel fail the write as a full disk would."""
    path = tmp_path / "cv.json"
    native.save(_big_resume("old", 3), path)
    before = path.read_bytes()
    proc = save_with_write_limit(path, len(before) + 100)
    assert proc.returncode == 3, proc.stderr
    assert "file on disk was not changed" in proc.stdout and str(path) in proc.stdout
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cv.json"]


def test_killed_while_saving_never_corrupts(tmp_path):
    """≥ 200 SIGKILLs at random moments of a save loop: the file is always old or new."""
    path = tmp_path / "cv.json"
    # Serialised once, up front, so the child spends its time inside the write itself.
    payloads = [native.dumps(_big_resume(tag, jobs=2000)).encode("utf-8") for tag in "AB"]
    texts = {p.decode("utf-8") for p in payloads}
    assert len(texts) == 2 and all(len(p) > 500_000 for p in payloads)
    atomic_write_bytes(path, payloads[0])
    rng = random.Random(20261122)
    kills = landed = 0
    while kills < 220:
        pid = os.fork()
        if pid == 0:  # child: save the two versions alternately until killed
            try:
                turn = 0
                while True:
                    atomic_write_bytes(path, payloads[turn % 2])  # what native.save does
                    turn += 1
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0.0, 0.05))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status), "the child must die by the kill, not by an error"
        kills += 1
        on_disk = path.read_text(encoding="utf-8")
        assert on_disk in texts, f"kill {kills}: the file is neither the old nor the new version"
        json.loads(on_disk)
        if backup_path(path).exists():
            assert backup_path(path).read_text(encoding="utf-8") in texts
        # a killed save leaves its temporary file; the next save deletes it (no live owner)
        landed += bool(list(tmp_path.glob(".cv-*.tmp")))
    assert kills >= 200
    assert landed, "no kill landed inside a save: the test did not test anything"


def test_stale_temporaries_of_killed_saves_are_cleaned(tmp_path):
    path = tmp_path / "cv.json"
    native.save(Resume(), path)
    stale = tmp_path / ".cv.json.abc123.tmp"
    fresh = tmp_path / ".cv.json.def456.tmp"
    other = tmp_path / ".other.json.abc123.tmp"
    for leftover in (stale, fresh, other):
        leftover.write_bytes(b'{"half": ')
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    native.save(_big_resume("A", 1), path)
    assert not stale.exists(), "a save killed long ago leaves no litter behind"
    assert fresh.exists(), "a temporary file that may still be in use is left alone"
    assert other.exists(), "only this file's temporaries are touched"
