"""Saving like a careful editor (#17 points 7 and 14) and private files (#18): every test
works on real files — symbolic and hard links, owners, ACLs, extended attributes, read-only
modes — and is named after the point it shows. docs/saving.md has the decision table."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from cveditor.errors import ResumeFileError
from cveditor.io import native
from cveditor.io.atomic import ReadOnlyFileError, atomic_write_bytes, backup_path
from cveditor.model import Resume
from cveditor.model.resume import Work

from .conftest import OUR_SAMPLE, run_cveditor
from .test_atomic_save import save_with_write_limit

OTHER_UID, OTHER_GID = 12345, 23456  # nobody on this machine: surely not us
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _resume(name: str, jobs: int = 1) -> Resume:
    resume = Resume()
    resume.basics.name = name
    resume.work = [Work(name=f"회사 {name} {i}", summary="경력 " * 50) for i in range(jobs)]
    return resume


def _saved(path: Path, name: str) -> None:
    native.save(_resume(name), path)


def _name_in(path: Path) -> str:
    return json.loads(path.read_text(encoding="utf-8"))["basics"]["name"]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or "-new" in p.name)


def _user_xattrs_work(folder: Path) -> bool:
    probe = folder / "xattr-probe"
    probe.write_bytes(b"")
    try:
        os.setxattr(probe, "user.cveditor-probe", b"1")
        return True
    except OSError:
        return False
    finally:
        probe.unlink()


# --- #17 point 7: save keeps what the user had ------------------------------------------


def test_p7_symlink_is_written_through_to_its_target(tmp_path):
    real = tmp_path / "real" / "cv.json"
    real.parent.mkdir()
    _saved(real, "old")
    link = tmp_path / "cv.json"
    link.symlink_to(Path("real") / "cv.json")  # relative, as `ln -s` users write them
    _saved(link, "new")
    assert link.is_symlink(), "the link stays a link"
    assert os.readlink(link) == str(Path("real") / "cv.json")
    assert _name_in(real) == "new", "the target gets the new text"
    assert _name_in(backup_path(real)) == "old", "the previous version beside the target"
    assert _leftovers(tmp_path) == [] and _leftovers(real.parent) == []


def test_p7_symlink_to_a_missing_file_creates_the_target(tmp_path):
    link = tmp_path / "cv.json"
    link.symlink_to(tmp_path / "elsewhere.json")
    _saved(link, "first")
    assert link.is_symlink() and _name_in(tmp_path / "elsewhere.json") == "first"


def test_p7_hard_links_stay_one_file(tmp_path):
    path = tmp_path / "cv.json"
    _saved(path, "old")
    other = tmp_path / "shared-copy.json"
    os.link(path, other)
    inode = path.stat().st_ino
    _saved(path, "new")
    assert path.stat().st_ino == inode, "written in place: the same file"
    assert other.stat().st_ino == inode and _name_in(other) == "new", "the other link sees it"
    assert path.stat().st_nlink == 2
    bak = backup_path(path)
    assert _name_in(bak) == "old" and bak.stat().st_ino != inode, "the .bak is a real copy"
    assert _leftovers(tmp_path) == []
    # writing in place can fail half-way (here: a write limit, as a full disk does):
    # the old bytes are put back
    before = path.read_bytes()
    proc = save_with_write_limit(path, len(before) + 100)
    assert proc.returncode == 3, proc.stderr
    assert "was not changed" in proc.stdout and str(path) in proc.stdout
    assert path.read_bytes() == before == other.read_bytes()
    assert path.stat().st_ino == inode and _leftovers(tmp_path) == []


@pytest.mark.skipif(not ROOT, reason="giving a file to another user needs root")
def test_p7_owner_and_group_are_kept(tmp_path):
    path = tmp_path / "cv.json"
    _saved(path, "old")
    os.chown(path, OTHER_UID, OTHER_GID)
    os.chmod(path, 0o664)
    _saved(path, "new")
    info = path.stat()
    assert (info.st_uid, info.st_gid) == (OTHER_UID, OTHER_GID)
    assert stat.S_IMODE(info.st_mode) == 0o664 and _name_in(path) == "new"


@pytest.mark.skipif(not ROOT, reason="needs root to set up a user and a foreign group")
def test_p7_co_owners_group_is_kept_when_the_saver_cannot_chown(tmp_path):
    """A user saves a file whose group they are not in (a co-owner's group giving write
    access): a new file could not get that group, so the file is written in place."""
    folder = Path(tempfile.mkdtemp(prefix="cveditor-coowner-", dir="/tmp"))
    try:
        os.chown(folder, OTHER_UID, OTHER_UID)
        path = folder / "cv.json"
        _saved(path, "old")
        os.chown(path, OTHER_UID, OTHER_GID)
        os.chmod(path, 0o664)
        pid = os.fork()
        if pid == 0:  # the user (not root, not in OTHER_GID) saves
            code = 1
            try:
                os.setgroups([])
                os.setgid(OTHER_UID)
                os.setuid(OTHER_UID)
                native.save(_resume("new"), path)
                code = 0
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
        info = path.stat()
        assert (info.st_uid, info.st_gid) == (OTHER_UID, OTHER_GID), "the co-owner keeps access"
        assert stat.S_IMODE(info.st_mode) == 0o664 and _name_in(path) == "new"
        assert _name_in(backup_path(path)) == "old" and _leftovers(folder) == []
    finally:
        shutil.rmtree(folder)


def test_p7_extended_attributes_are_kept(tmp_path):
    if not _user_xattrs_work(tmp_path):
        pytest.skip("this file system has no user.* extended attributes")
    path = tmp_path / "cv.json"
    _saved(path, "old")
    os.setxattr(path, "user.xdg.origin.url", b"https://example.com/cv")
    os.setxattr(path, "user.tags", "이력서,2024".encode())
    _saved(path, "new")
    assert os.getxattr(path, "user.xdg.origin.url") == b"https://example.com/cv"
    assert os.getxattr(path, "user.tags").decode() == "이력서,2024"
    assert _name_in(path) == "new"


@pytest.mark.skipif(shutil.which("setfacl") is None, reason="setfacl (package acl) missing")
def test_p7_acl_giving_a_co_owner_write_access_is_kept(tmp_path):
    path = tmp_path / "cv.json"
    _saved(path, "old")
    os.chmod(path, 0o640)
    done = subprocess.run(["setfacl", "-m", f"u:{OTHER_UID}:rw", str(path)], capture_output=True)
    if done.returncode:
        pytest.skip(f"no ACLs on this file system: {done.stderr.decode().strip()}")
    _saved(path, "new")
    acl = subprocess.run(["getfacl", "-cn", str(path)], capture_output=True, text=True).stdout
    assert f"user:{OTHER_UID}:rw-" in acl.split(), acl
    assert "mask::rw-" in acl.split(), acl
    assert _name_in(path) == "new"


def test_p7_read_only_file_is_not_overwritten_silently(tmp_path):
    path = tmp_path / "cv.json"
    _saved(path, "old")
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(ReadOnlyFileError, match="read-only") as caught:
        _saved(path, "new")
    assert caught.value.file == str(path)
    assert path.read_bytes() == before and _leftovers(tmp_path) == []
    assert not backup_path(path).exists()
    native.save(_resume("new"), path, overwrite_read_only=True)  # the user said so
    assert _name_in(path) == "new" and stat.S_IMODE(path.stat().st_mode) == 0o444


def test_p7_window_asks_before_overwriting_a_read_only_file(qtbot, tmp_path, monkeypatch):
    from cveditor.ui import dialogs
    from cveditor.ui.editors.fields import TextField
    from cveditor.ui.main_window import MainWindow
    from cveditor.ui.settings import Settings

    path = tmp_path / "cv.json"
    shutil.copy(OUR_SAMPLE, path)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    assert window.files.open(path)
    path.chmod(0o444)
    before = path.read_bytes()
    asked, errors, answer = [], [], {"overwrite": False}

    def ask(_parent, asked_path):
        asked.append(Path(asked_path))
        return answer["overwrite"]

    monkeypatch.setattr(dialogs, "ask_overwrite_read_only", ask, raising=False)
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, message: errors.append(message))
    window.sections.select("basics")
    (name,) = [w for w in window.findChildren(TextField) if w.path == ("basics", "name")]
    qtbot.keyClicks(name, " (new)")
    try:
        assert not window.files.save(), "Cancel writes nothing"
        assert asked == [path] and errors == []
        assert path.read_bytes() == before and window.document.is_dirty
        answer["overwrite"] = True
        assert window.files.save()
        assert _name_in(path).endswith(" (new)") and not window.document.is_dirty
        assert stat.S_IMODE(path.stat().st_mode) == 0o444, "it stays read-only"
        assert len(asked) == 2 and errors == []
    finally:
        window.document.undo_stack.setClean()


def test_p7_convert_refuses_a_read_only_output(tmp_path):
    out = tmp_path / "out.json"
    out.write_text("{}", encoding="utf-8")
    out.chmod(0o444)
    proc = run_cveditor("convert", str(OUR_SAMPLE), "-o", str(out))
    assert proc.returncode == 1
    assert str(out) in proc.stderr and "read-only" in proc.stderr, proc.stderr
    assert out.read_text(encoding="utf-8") == "{}"


# --- #17 point 14: failures named, no litter, short names, honest messages ----------------


def test_p14_bak_that_is_a_folder_is_named_and_leaves_no_stray_file(tmp_path):
    path = tmp_path / "cv.json"
    _saved(path, "old")
    backup_path(path).mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(ResumeFileError) as caught:
        _saved(path, "new")
    assert caught.value.file == str(backup_path(path)), "the .bak is the file at fault"
    assert "folder" in caught.value.message and "cv.json was not changed" in caught.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == before, "no stray file"
    assert _name_in(path) == "old"


@pytest.mark.parametrize("syllables", [80, 83])
def test_p14_long_korean_name_can_be_saved(tmp_path, syllables):
    """80 syllables: 245 bytes with .json; 83: 254 bytes, so even ``.bak`` must shorten."""
    path = tmp_path / ("가나다라마바사아자차카타파하"[:7] * 12)[:syllables]
    path = path.with_name(path.name + ".json")
    _saved(path, "old")
    _saved(path, "new")
    assert _name_in(path) == "new"
    (bak,) = [p for p in tmp_path.iterdir() if p.name.endswith(".json.bak")]
    assert _name_in(bak) == "old" and bak == backup_path(path)
    assert len(os.fsencode(bak.name)) <= 255
    assert _leftovers(tmp_path) == []


SAVE_LOOP = """
import sys
from pathlib import Path
from cveditor.io.atomic import atomic_write_bytes
path = Path(sys.argv[1])
payloads = [bytes([65 + i]) * 3_000_000 for i in range(2)]
print("ready", flush=True)
turn = 0
while True:
    atomic_write_bytes(path, payloads[turn % 2])
    turn += 1
"""


def test_p14_killed_saves_leave_no_temporary_after_the_next_save(tmp_path):
    """50 saves killed mid-write (SIGKILL): at most one temporary file at any time (each
    save deletes those no live process holds, however new), none after the next save —
    and a temporary file a running save holds is never touched."""
    path = tmp_path / "cv.json"
    atomic_write_bytes(path, b"A" * 3_000_000)
    rng = random.Random(17)
    landed = 0
    for _kill in range(50):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVE_LOOP, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.0, 0.08))
        child.send_signal(signal.SIGKILL)
        child.wait()
        temporaries = list(tmp_path.glob(".*.tmp"))
        assert len(temporaries) <= 1, temporaries
        landed += len(temporaries)
        assert all(len(t.name) <= 16 for t in temporaries), "short names"
    assert landed, "no kill landed inside a save"
    holder = subprocess.Popen(  # a live save, slowed down: its temporary file must stay
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from cveditor.io import atomic\n"
            "fd, name = atomic._new_temporary(Path(sys.argv[1]))\n"
            "print(name, flush=True); time.sleep(60)",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        live = Path(holder.stdout.readline().strip())
        atomic_write_bytes(path, b"B" * 10)
        assert list(tmp_path.glob(".*.tmp")) == [live]
    finally:
        holder.kill()
        holder.wait()
    atomic_write_bytes(path, b"C" * 10)
    assert list(tmp_path.glob(".*.tmp")) == [] and path.read_bytes() == b"C" * 10


def test_p14_next_start_cleans_temporaries_in_recent_folders(tmp_path):
    from cveditor.ui.settings import Settings

    folder = tmp_path / "docs"
    folder.mkdir()
    stray = folder / ".cv-0a1b2c3d.tmp"  # a save killed a minute ago
    stray.write_bytes(b"half")
    settings = Settings()
    settings.add_recent(folder / "cv.json")
    settings.save()
    Settings.load()
    assert not stray.exists()


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
def test_p14_utf16_and_utf32_files_are_read(tmp_path, codec):
    path = tmp_path / "cv.json"
    text = json.dumps({"basics": {"name": "김서연", "label": "엔지니어"}}, ensure_ascii=False)
    path.write_bytes(text.encode(codec))
    assert native.load(path).basics.name == "김서연"
    broken = tmp_path / "broken.json"
    broken.write_bytes(text.encode(codec)[:-3] + b"\x00\xd8\x00\xd8")  # a lone surrogate
    with pytest.raises(ResumeFileError) as caught:
        native.load(broken)
    assert "UTF-16" in caught.value.message or "UTF-32" in caught.value.message
    assert "UTF-8" not in caught.value.message


def test_p14_deleted_file_is_called_deleted(qtbot, tmp_path, monkeypatch):
    from cveditor.ui import dialogs
    from cveditor.ui.editors.fields import TextField
    from cveditor.ui.main_window import MainWindow
    from cveditor.ui.settings import Settings

    path = tmp_path / "cv.json"
    shutil.copy(OUR_SAMPLE, path)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    assert window.files.open(path)
    asked: list[str] = []

    def changed(_parent, _path):
        asked.append("changed")
        return False

    def deleted(_parent, asked_path):
        asked.append(f"deleted:{Path(asked_path).name}")
        return True

    monkeypatch.setattr(dialogs, "ask_overwrite_changed_file", changed)
    monkeypatch.setattr(dialogs, "ask_save_deleted_file", deleted, raising=False)
    window.sections.select("basics")
    (name,) = [w for w in window.findChildren(TextField) if w.path == ("basics", "name")]
    qtbot.keyClicks(name, " (new)")
    try:
        assert window.document.changed_on_disk() == ""
        path.unlink()
        assert window.document.changed_on_disk() == "deleted"
        assert window.files.save()
        assert asked == ["deleted:cv.json"]
        assert _name_in(path).endswith(" (new)")
        path.write_text(path.read_text(encoding="utf-8").replace("(new)", "(theirs)"))
        assert window.document.changed_on_disk() == "changed"
    finally:
        window.document.undo_stack.setClean()


@pytest.mark.parametrize(
    "data",
    [
        {"basics": None},
        {"basics": 5},
        {"basics": {"name": None}},
        {"work": [5]},
        {"work": [{"startDate": 5}]},
        {"meta": "x"},
        {"skills": [{"keywords": [None]}]},
    ],
)
def test_p14_messages_carry_no_python_internals(data):
    from pydantic import ValidationError

    from cveditor.io.native import _describe

    with pytest.raises(ValidationError) as caught:
        Resume.model_validate(data)
    for error in caught.value.errors(include_url=False):
        message = _describe(error)
        for internal in ("NoneType", "instance of", "Input should", " int", "sys.", "None"):
            assert internal not in message, message
        assert "must" in message and "(found " in message, message


# --- #18: private files -----------------------------------------------------------------


def test_p18_new_saved_file_and_its_bak_are_private(tmp_path):
    path = tmp_path / "cv.json"
    _saved(path, "old")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    _saved(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup_path(path).stat().st_mode) == 0o600
    shared = tmp_path / "shared.json"  # an existing file keeps its own mode
    shared.write_text("{}", encoding="utf-8")
    shared.chmod(0o640)
    _saved(shared, "x")
    _saved(shared, "y")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640
    assert stat.S_IMODE(backup_path(shared).stat().st_mode) == 0o640


def test_p18_settings_are_private(_private_home):
    from cveditor.ui.settings import Settings

    settings = Settings()
    settings.save()
    folder = Settings.file().parent
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(Settings.file().stat().st_mode) == 0o600
    folder.chmod(0o755)  # made by an older version: tightened
    settings.save()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    folder.chmod(0o500 if ROOT else 0o700)  # stricter, set by the user: kept
    settings.save()
    assert stat.S_IMODE(folder.stat().st_mode) == (0o500 if ROOT else 0o700)
    folder.chmod(0o700)


def test_p18_convert_writes_a_private_resume(tmp_path):
    out = tmp_path / "copy.json"
    proc = run_cveditor("convert", str(OUR_SAMPLE), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
