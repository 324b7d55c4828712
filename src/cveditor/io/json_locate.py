"""The line of a value inside JSON text, found by its path: ``("work", 2, "startDate")``.

Used to add a line number to field errors, so that a user with a text editor can go
straight to it. Only the path is walked; other values are skipped with the standard
decoder, so this costs one pass at most.
"""

from __future__ import annotations

import json
import re

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"\s*")


def _skip_space(text: str, pos: int) -> int:
    return _SPACE.match(text, pos).end()


def value_position(text: str, steps: tuple[str | int, ...]) -> int | None:
    """Offset of the value at ``steps`` (the key, if the last step is a missing key)."""
    pos = _skip_space(text, 0)
    for step in steps:
        if pos >= len(text):
            return None
        if text[pos] == "{" and isinstance(step, str):
            pos = _skip_space(text, pos + 1)
            while pos < len(text) and text[pos] == '"':
                key, after = json.decoder.scanstring(text, pos + 1)
                value_at = _skip_space(text, _skip_space(text, after) + 1)  # past ':'
                if key == step:
                    pos = value_at
                    break
                _, end = _DECODER.raw_decode(text, value_at)
                pos = _skip_space(text, end)
                pos = _skip_space(text, pos + 1) if text[pos : pos + 1] == "," else pos
            else:
                return None
        elif text[pos] == "[" and isinstance(step, int):
            pos = _skip_space(text, pos + 1)
            for _ in range(step):
                _, end = _DECODER.raw_decode(text, pos)
                pos = _skip_space(text, end)
                if text[pos : pos + 1] != ",":
                    return None
                pos = _skip_space(text, pos + 1)
        else:
            return None
    return pos


def line_of(text: str, steps: tuple[str | int, ...]) -> int | None:
    """1-based line of the value at ``steps``, or None when it cannot be found."""
    try:
        pos = value_position(text, steps)
    except (ValueError, IndexError):
        return None
    return None if pos is None else text.count("\n", 0, pos) + 1


def duplicate_keys(text: str) -> list[tuple[tuple[str | int, ...], int, int]]:
    """Keys that appear twice in one object: (path of the key, first line, later line).

    JSON readers keep the later value silently; the user should hear of the earlier one.
    """
    found: list[tuple[tuple[str | int, ...], int, int]] = []

    def line(pos: int) -> int:
        return text.count("\n", 0, pos) + 1

    def value(pos: int, path: tuple[str | int, ...]) -> int:
        pos = _skip_space(text, pos)
        opener = text[pos : pos + 1]
        if opener == "{":
            seen: dict[str, int] = {}
            pos = _skip_space(text, pos + 1)
            while text[pos : pos + 1] == '"':
                key, after = json.decoder.scanstring(text, pos + 1)
                if key in seen:
                    found.append(((*path, key), line(seen[key]), line(pos)))
                seen.setdefault(key, pos)
                pos = value(_skip_space(text, after) + 1, (*path, key))
                pos = _skip_space(text, pos)
                pos = _skip_space(text, pos + 1) if text[pos : pos + 1] == "," else pos
            return pos + 1
        if opener == "[":
            pos = _skip_space(text, pos + 1)
            index = 0
            while text[pos : pos + 1] not in ("]", ""):
                pos = _skip_space(text, value(pos, (*path, index)))
                pos = _skip_space(text, pos + 1) if text[pos : pos + 1] == "," else pos
                index += 1
            return pos + 1
        _, end = _DECODER.raw_decode(text, pos)
        return end

    try:
        value(0, ())
    except (ValueError, IndexError, RecursionError):
        return found
    return found
