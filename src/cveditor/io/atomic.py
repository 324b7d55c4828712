"""Saving like a careful editor: the target holds the old or the new bytes, never a mix,
and stays the file the user had — same links, owner, group, mode, ACLs and extended
attributes. The decision table is in docs/saving.md; in short:

* a symbolic link is written through: its final target is saved, the link stays a link;
* the usual way is a rename: a short temporary file (``.cv-XXXXXXXX.tmp``) in the same
  folder gets the data and, before the data, the old file's owner, group, extended
  attributes (ACLs included: they are the ``system.posix_acl_access`` attribute) and
  mode; it is fsynced, the old file is kept as ``<name>.bak`` (a hard link, no copy) and
  the temporary file is renamed over the old one;
* when a rename would lose something — the file has other hard links, or its owner,
  group or an attribute cannot be given to a new file — the old bytes are first copied to
  ``<name>.bak`` and the file is then written in place, so it stays the same file;
* a file without write permission is not written unless the caller says so
  (``overwrite_read_only``): ReadOnlyFileError;
* new files are created 0600 when ``private`` (résumés, settings), else as the umask says;
  an existing file keeps its mode;
* every failure names the file at fault (the file, its ``.bak``, or the folder), leaves
  the file as it was and leaves no temporary file behind;
* temporary files are locked (flock) while in use; the next save in that folder (and the
  next start, for recent folders) deletes the ones no running process holds.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import secrets
import stat
import time
from pathlib import Path

from ..errors import ResumeFileError

try:  # POSIX; elsewhere stale temporaries are recognised by age only
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

BACKUP_SUFFIX = ".bak"
TEMP_PREFIX = ".cv-"
TEMP_SUFFIX = ".tmp"
NAME_MAX = 255  # bytes; the limit of ext4, btrfs, xfs, APFS, NTFS (in UTF-16 units)
STALE_AFTER_S = 600  # temporaries named the old way (``.<name>.XXXX.tmp``) carry no lock
_XATTRS = hasattr(os, "listxattr")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # these flags are POSIX; 0 where missing
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)  # Windows


class ReadOnlyFileError(ResumeFileError):
    """The file has no write permission: nothing was written. Writing again with
    ``overwrite_read_only=True`` replaces its content and keeps it read-only."""


def backup_path(path: Path) -> Path:
    """``<name>.bak``; for a name so long that four more bytes do not fit, the stem is
    shortened (at a character boundary) so that ``<stem><suffix>.bak`` does."""
    name = path.name + BACKUP_SUFFIX
    if len(os.fsencode(name)) <= NAME_MAX:
        return path.with_name(name)
    stem, suffix = path.stem, path.suffix + BACKUP_SUFFIX
    room = NAME_MAX - len(os.fsencode(suffix))
    while stem and len(os.fsencode(stem)) > room:
        stem = stem[:-1]
    return path.with_name(stem + suffix)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# --- temporary files: short names, locked while in use ----------------------------------


def _new_temporary(folder: Path, mode: int = 0o600) -> tuple[int, str]:
    """A new, empty file ``.cv-XXXXXXXX.tmp`` in ``folder`` (``mode``, less the umask or as
    the folder's default ACL says), locked by this process for as long as the returned
    descriptor is open. Raises OSError."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY
    for _attempt in range(100):
        name = os.path.join(folder, f"{TEMP_PREFIX}{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            fd = os.open(name, flags, mode)
        except FileExistsError:
            continue
        if fcntl is None:
            return fd, name
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            if os.path.samestat(os.fstat(fd), os.lstat(name)):
                return fd, name
        except FileNotFoundError:
            pass  # a cleaner took it for a dead one's between open and flock: again
        except OSError:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(name)
            raise
        os.close(fd)
    raise OSError(errno.EEXIST, "no temporary file could be created")


def _unowned(path: str) -> bool:
    """Whether ``path`` (one of our temporaries) is held by no running process; if so it
    is deleted. Opened without following links or blocking (it could be a FIFO)."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | os.O_NONBLOCK | _CLOEXEC)
    except OSError:
        return False
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return False
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held by a live writer: fails
        if os.path.samestat(info, os.lstat(path)):
            os.unlink(path)
            return True
        return False
    except OSError:
        return False
    finally:
        os.close(fd)


def remove_stale_temporaries(folder: Path, name: str | None = None) -> int:
    """Delete what killed saves left in ``folder``: our ``.cv-*.tmp`` files that no
    running process holds (whatever their age), and, for ``name``, temporaries of older
    versions (``.<name>.*.tmp``) untouched for ten minutes. Returns how many went."""
    removed = 0
    with contextlib.suppress(OSError):
        if fcntl is not None:
            for entry in os.scandir(folder):
                if entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX):
                    removed += _unowned(entry.path)
        cutoff = time.time() - STALE_AFTER_S
        patterns = [f".{glob.escape(name)}.*.tmp"] if name else []
        if fcntl is None:
            patterns.append(f"{TEMP_PREFIX}*{TEMP_SUFFIX}")
        for pattern in patterns:
            for stale in Path(folder).glob(pattern):
                with contextlib.suppress(OSError):
                    if stale.lstat().st_mtime < cutoff:
                        stale.unlink()
                        removed += 1
    return removed


# --- what the file is, and what a new file could keep -------------------------------------


def _final_target(path: Path) -> Path:
    """The file a save writes: ``path``, or the end of its chain of symbolic links (a
    link to a missing file creates that file, as other editors do)."""
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    if target.is_symlink():  # realpath gives up on a loop
        raise ResumeFileError(
            "is a symbolic link that leads round in a circle; nothing was written", file=path
        )
    return target


def is_read_only(path: Path, info: os.stat_result | None = None) -> bool:
    """Whether the user lacks write permission on ``path`` (for root, which may write
    anything: whether the file's mode gives nobody write permission)."""
    info = info or os.stat(path)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return not info.st_mode & 0o222
    return not os.access(path, os.W_OK)


def _xattr_names(target: str | int) -> list[str]:
    if not _XATTRS:
        return []
    try:
        return os.listxattr(target)
    except OSError as error:
        if error.errno in (errno.ENOTSUP, errno.ENOSYS, errno.EOPNOTSUPP):
            return []
        raise


def _copy_xattrs(source: Path, fd: int) -> list[str]:
    """Give the new file ``fd`` the extended attributes (ACLs included) of ``source``
    and only those; returns the names that could not be given."""
    names = _xattr_names(str(source))
    failed = []
    for name in names:
        try:
            os.setxattr(fd, name, os.getxattr(str(source), name))
        except OSError:
            failed.append(name)
    for extra in set(_xattr_names(fd)) - set(names):  # inherited from a default ACL
        if extra.startswith(("system.posix_acl", "user.")):
            with contextlib.suppress(OSError):
                os.removexattr(fd, extra)
    return failed


def _chmod(fd: int, name: str | Path, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # pragma: no cover - Windows before Python 3.13
        os.chmod(name, mode)


def _give_metadata(fd: int, name: str, source: Path, info: os.stat_result) -> list[str]:
    """Make the new file ``fd`` look like ``source``: owner, group, extended attributes,
    mode (in that order: chown clears set-id bits, an ACL sets group bits). Returns what
    could not be kept — a reason to write in place instead."""
    lost = []
    if hasattr(os, "fchown"):
        mine = os.fstat(fd)
        if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid):
            with contextlib.suppress(OSError):
                os.fchown(fd, info.st_uid, info.st_gid)
            mine = os.fstat(fd)
            if mine.st_uid != info.st_uid:
                lost.append("owner")
            if mine.st_gid != info.st_gid:
                lost.append("group")
    try:
        lost += [f"attribute {name}" for name in _copy_xattrs(source, fd)]
    except OSError:
        lost.append("extended attributes")
    _chmod(fd, name, stat.S_IMODE(info.st_mode))
    if stat.S_IMODE(os.fstat(fd).st_mode) != stat.S_IMODE(info.st_mode):
        lost.append("mode")
    return lost


def _other_links(target: Path, info: os.stat_result) -> int:
    """Hard links of the file besides its own name and its ``.bak`` (a save killed after
    linking the backup leaves the two names on one file)."""
    others = info.st_nlink - 1
    with contextlib.suppress(OSError):
        if os.path.samestat(info, os.lstat(backup_path(target))):
            others -= 1
    return others


# --- the two ways of writing ------------------------------------------------------------


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _check_backup_slot(target: Path, shown: Path) -> Path:
    """The ``.bak`` path, refused before anything is written when it cannot be one."""
    bak = backup_path(target)
    with contextlib.suppress(FileNotFoundError):
        if stat.S_ISDIR(os.lstat(bak).st_mode):
            raise ResumeFileError(
                f"cannot keep the previous version here: it is a folder. Move or rename it; "
                f"{shown.name} was not changed",
                file=bak,
            )
    return bak


_EDQUOT = getattr(errno, "EDQUOT", errno.ENOSPC)


def _link_backup(target: Path, bak: Path, shown: Path) -> None:
    """``<name>.bak`` becomes the current file (a hard link, so no copy)."""
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(bak)
        try:
            os.link(target, bak)
        except OSError as error:
            if error.errno in (errno.EEXIST, errno.ENAMETOOLONG, errno.ENOSPC, _EDQUOT):
                raise
            _copy_backup(target, bak, target.read_bytes(), os.stat(target))  # no hard links
    except OSError as error:
        raise _backup_failed(error, bak, shown) from None


def _backup_failed(error: OSError, bak: Path, shown: Path) -> ResumeFileError:
    """The message when ``<name>.bak`` cannot be made: it names the .bak, and says the
    résumé itself was left as it was."""
    return ResumeFileError(
        f"cannot keep the previous version here ({_reason(error)}); {shown.name} was not changed",
        file=bak,
    )


def _discard_temporary(fd: int, tmp_name: str | None) -> None:
    """Close a temporary still open (``fd`` ≥ 0) and delete one not renamed into place."""
    if fd >= 0:
        os.close(fd)
    if tmp_name is not None:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)


def _copy_backup(target: Path, bak: Path, old: bytes, info: os.stat_result) -> None:
    """``<name>.bak`` becomes a copy of ``old`` with the file's mode (and, where the system
    allows, owner and attributes). Raises OSError; leaves no temporary file."""
    fd, tmp_name = _new_temporary(bak.parent)
    try:
        _write_all(fd, old)
        os.fsync(fd)
        with contextlib.suppress(OSError):
            _give_metadata(fd, tmp_name, target, info)
        if fcntl is None:  # Windows renames no open file; no lock to keep there anyway
            os.close(fd)
            fd = -1
        os.replace(tmp_name, bak)
        tmp_name = None
    finally:
        _discard_temporary(fd, tmp_name)


def _write_in_place(target: Path, data: bytes, info: os.stat_result, shown: Path) -> None:
    """Copy the old bytes to ``<name>.bak``, then overwrite the file itself: it stays the
    same file (inode), so every hard link, owner, group, ACL and attribute stays."""
    bak = _check_backup_slot(target, shown)
    try:
        old = target.read_bytes()
    except OSError as error:
        raise ResumeFileError(
            f"cannot read it to keep a copy ({_reason(error)}); it was not changed", file=shown
        ) from None
    try:
        _copy_backup(target, bak, old, info)
        _fsync_dir(bak.parent)
    except OSError as error:
        raise _backup_failed(error, bak, shown) from None
    made_writable = False
    try:
        try:
            fd = os.open(target, os.O_WRONLY | _CLOEXEC | _NOFOLLOW | _BINARY)
        except PermissionError:
            if not hasattr(os, "geteuid") or info.st_uid != os.geteuid():
                raise
            os.chmod(target, stat.S_IMODE(info.st_mode) | stat.S_IWUSR)  # as Vim's :w!
            made_writable = True
            fd = os.open(target, os.O_WRONLY | _CLOEXEC | _NOFOLLOW | _BINARY)
    except OSError as error:
        if made_writable:
            with contextlib.suppress(OSError):
                os.chmod(target, stat.S_IMODE(info.st_mode))
        raise ResumeFileError(
            f"cannot save ({_reason(error)}); the file on disk was not changed", file=shown
        ) from None
    try:
        try:
            _write_all(fd, data)
            os.ftruncate(fd, len(data))
            os.fsync(fd)
        except OSError as error:
            try:  # put the old bytes back: same length, so the blocks are there
                os.lseek(fd, 0, os.SEEK_SET)
                _write_all(fd, old)
                os.ftruncate(fd, len(old))
                os.fsync(fd)
                outcome = "the file on disk was not changed"
            except OSError:
                outcome = f"the previous version is in {bak}"
            raise ResumeFileError(
                f"cannot save ({_reason(error)}); {outcome}", file=shown
            ) from None
    finally:
        if made_writable:
            with contextlib.suppress(OSError):
                _chmod(fd, target, stat.S_IMODE(info.st_mode))
        os.close(fd)


def _new_file_mode(folder: Path, private: bool) -> int:
    """The mode to create a new file with (the umask applies): 0600 for private files —
    unless the folder has a default ACL, the folder owner's explicit choice of who may
    read what is created there, which then decides as it would for any program."""
    with contextlib.suppress(OSError):
        if private and "system.posix_acl_default" in _xattr_names(str(folder)):
            return 0o666
    return 0o600 if private else 0o666


def atomic_write_bytes(
    path: Path,
    data: bytes,
    *,
    backup: bool = True,
    private: bool = False,
    overwrite_read_only: bool = False,
) -> None:
    """Replace the content of ``path`` with ``data`` — or leave it untouched and raise
    ResumeFileError naming the file at fault (ReadOnlyFileError for a file without write
    permission, unless ``overwrite_read_only``). ``backup`` keeps the previous version as
    ``<name>.bak``; ``private`` creates a new file 0600 (an existing one keeps its mode)."""
    shown = Path(path)
    target = _final_target(shown)
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temporaries(folder, target.name)
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise ResumeFileError(f"cannot save: {_reason(error)}", file=shown) from None
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            raise ResumeFileError(
                "is not an ordinary file (a folder, device or pipe); nothing was written",
                file=shown,
            )
        if not overwrite_read_only and is_read_only(target, info):
            raise ReadOnlyFileError(
                "is read-only: nothing was written. Make it writable, or save under another name",
                file=shown,
            )
        if _other_links(target, info) > 0:
            _write_in_place(target, data, info, shown)
            return
    bak = _check_backup_slot(target, shown) if backup and info is not None else None

    try:
        mode = _new_file_mode(folder, private) if info is None else 0o600
        fd, tmp_name = _new_temporary(folder, mode)
    except OSError as error:
        raise ResumeFileError(
            f"cannot create a file in the folder {folder} ({_reason(error)}); "
            "the file on disk was not changed",
            file=shown,
        ) from None
    try:
        try:
            # a rename would lose something (owner, group, an attribute): write in place
            if info is not None and _give_metadata(fd, tmp_name, target, info):
                os.close(fd)
                fd = -1
                os.unlink(tmp_name)
                tmp_name = None
                _write_in_place(target, data, info, shown)
                return
            _write_all(fd, data)
            os.fsync(fd)
            if fcntl is None:  # Windows renames no open file; no lock to keep there anyway
                os.close(fd)
                fd = -1
        except OSError as error:
            raise ResumeFileError(
                f"cannot save ({_reason(error)}); the file on disk was not changed", file=shown
            ) from None
        if bak is not None:
            _link_backup(target, bak, shown)
        try:
            os.replace(tmp_name, target)
        except OSError as error:
            raise ResumeFileError(
                f"cannot save ({_reason(error)}); the file on disk was not changed", file=shown
            ) from None
        tmp_name = None
        _fsync_dir(folder)
    finally:
        _discard_temporary(fd, tmp_name)
