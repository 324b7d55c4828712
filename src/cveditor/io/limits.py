"""Bounds on what cveditor reads, so that no file can hang or exhaust the editor.

Only regular files are read: a FIFO would block the window forever and a device such as
``/dev/zero`` never ends, so both are refused before a byte is read (the file is opened
non-blocking and checked with ``fstat``). A file is read up to a size limit, never
further; the values in it are bounded in nesting depth and in length. Every refusal is
a ResumeFileError naming the file (and the field, for values) and the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from ..errors import ResumeFileError

MB = 1000 * 1000
#: A résumé (JSON or Markdown): a thousand pages of text fit in a tenth of this.
MAX_RESUME_BYTES = 20 * MB
#: A PDF we exported: its fonts and photo make it larger than the résumé inside.
MAX_PDF_BYTES = 50 * MB
#: Objects and lists inside one another; a résumé needs about 6.
MAX_DEPTH = 64
#: Characters in one text field (or key): about 400 printed pages.
MAX_FIELD_CHARS = 1024 * 1024

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def size_text(size: int) -> str:
    """1 234 567 → "1.2 MB"; sizes below a megabyte in kB."""
    if size >= MB:
        return f"{size / MB:.1f} MB".replace(".0 MB", " MB")
    return f"{max(1, round(size / 1000))} kB"


def _not_regular(mode: int) -> str | None:
    """What a non-regular file is, for the message; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def read_limited(path: str | Path, limit: int = MAX_RESUME_BYTES) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them, or
    ResumeFileError naming the file: not a regular file, too large, unreadable."""
    try:
        kind = _not_regular(os.stat(path).st_mode)  # follows symlinks, opens nothing
        if kind is None:
            # O_NONBLOCK: should the file have been swapped for a FIFO since, opening it
            # does not wait for a writer; fstat below then refuses it.
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
            try:
                info = os.fstat(fd)
                kind = _not_regular(info.st_mode)
                if kind is None:
                    _check_size(info.st_size, limit, path)
                    with os.fdopen(fd, "rb", closefd=False) as stream:
                        data = stream.read(limit + 1)
                    _check_size(len(data), limit, path, known=False)  # it grew meanwhile
                    return data
            finally:
                os.close(fd)
    except OSError as error:
        raise ResumeFileError(
            f"cannot read the file: {error.strerror or error}", file=path
        ) from None
    raise ResumeFileError(f"cannot read {kind}; only regular files are opened", file=path)


def _check_size(size: int, limit: int, path: str | Path, *, known: bool = True) -> None:
    if size > limit:
        found = f"{size_text(size)}; " if known else ""
        raise ResumeFileError(
            f"the file is too large to open ({found}the limit is {size_text(limit)})",
            file=path,
        )


def limit_for(path: str | Path) -> int:
    """The size limit of a file read as a résumé, by its extension."""
    return MAX_PDF_BYTES if Path(path).suffix.lower() == ".pdf" else MAX_RESUME_BYTES


def excess(
    value: Any, depth_limit: int = MAX_DEPTH, length_limit: int = MAX_FIELD_CHARS
) -> tuple[tuple[int | str, ...], str] | None:
    """A place where parsed data breaks a bound, and why; None when it keeps them all.

    ``(steps, message)``: the steps lead to the value (``("work", 3, "summary")``); the
    message names the limit. Walked without recursion, in one pass.
    """
    if isinstance(value, str):
        return ((), _too_long(len(value), length_limit)) if len(value) > length_limit else None
    if not isinstance(value, dict | list):
        return None
    stack: list[tuple[tuple[int | str, ...], Any]] = [((), value)]
    while stack:  # only containers are pushed; strings are checked where they are found
        steps, item = stack.pop()
        if len(steps) >= depth_limit:
            return steps, f"nested more than {depth_limit} levels deep"
        pairs = item.items() if isinstance(item, dict) else enumerate(item)
        containers = []
        for key, child in pairs:
            if isinstance(key, str) and len(key) > length_limit:
                return steps, f"a key is longer than {length_limit:,} characters"
            if isinstance(child, str):
                if len(child) > length_limit:
                    return (*steps, key), _too_long(len(child), length_limit)
            elif isinstance(child, dict | list):
                containers.append(((*steps, key), child))
        stack.extend(reversed(containers))
    return None


def _too_long(length: int, limit: int) -> str:
    return f"this text is {length:,} characters long; a field can hold at most {limit:,}"
