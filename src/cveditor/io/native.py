"""cveditor's own file: a JSON Resume document with our extras under ``x-cveditor``.

Loading either gives a complete Resume or raises ResumeFileError naming file, field
and line; nothing is ever half-loaded. Saving is atomic and keeps a backup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import ResumeFileError
from ..model.base import EXTRAS_KEY
from ..model.resume import SCHEMA_VERSION, Resume
from .atomic import atomic_write_bytes
from .json_locate import line_of

#: schemaVersion N → a function turning a version-N document into version N+1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def document_steps(loc: tuple[int | str, ...], data: Any) -> tuple[int | str, ...]:
    """The steps of a pydantic location that exist in the document.

    pydantic puts union tags and validator names into locations; walking the input
    alongside keeps only the real steps (and a final missing key).
    """
    steps: list[int | str] = []
    for index, step in enumerate(loc):
        if isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            steps.append(step)
            data = data[step]
        elif (
            isinstance(data, dict)
            and isinstance(step, str)
            and (step in data or index == len(loc) - 1)
        ):
            steps.append(step)
            data = data.get(step)
    return tuple(steps)


def field_path(steps: tuple[int | str, ...]) -> str:
    """``('work', 2, 'startDate')`` → ``work[2].startDate``, as the user's file spells it."""
    text = ""
    for step in steps:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text or "(top level)"


def _describe(error: dict[str, Any]) -> str:
    message = str(error.get("msg", "invalid value"))
    message = message.removeprefix("Value error, ")
    value = error.get("input")
    if error.get("type") not in {"missing"} and isinstance(value, str | int | float | bool):
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "…"
        message += f" (found {shown})"
    return message


def _migrate(data: dict[str, Any], source: str) -> dict[str, Any]:
    extras = data.get(EXTRAS_KEY)
    if extras is None:
        return data
    if not isinstance(extras, dict):
        raise ResumeFileError("must be an object", file=source, field=EXTRAS_KEY)
    version = extras.get("schemaVersion", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ResumeFileError(
            "must be a whole number ≥ 1", file=source, field=f"{EXTRAS_KEY}.schemaVersion"
        )
    if version > SCHEMA_VERSION:
        raise ResumeFileError(
            f"this file was written by a newer cveditor (format {version}); "
            f"this version reads up to format {SCHEMA_VERSION}. Nothing was changed.",
            file=source,
            field=f"{EXTRAS_KEY}.schemaVersion",
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data[EXTRAS_KEY]["schemaVersion"] = version
    return data


def parse_json(text: str, source: str) -> Any:
    """JSON text → Python values, or ResumeFileError with line and column."""
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise ResumeFileError(
            f"not valid JSON: {error.msg}", file=source, line=error.lineno, column=error.colno
        ) from None
    except RecursionError:
        raise ResumeFileError("nested too deeply to be a résumé", file=source) from None
    except ValueError as error:  # NaN/Infinity, or an integer with thousands of digits
        line, column = _locate_bad_token(text)
        raise ResumeFileError(
            f"not valid JSON: {error}", file=source, line=line, column=column
        ) from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


_STRING_LITERAL = re.compile(r'"(?:\\.|[^"\\])*"')
_BAD_TOKEN = re.compile(r"NaN|-?Infinity|\d{4000,}")


def _locate_bad_token(text: str) -> tuple[int | None, int | None]:
    """Line and column of the first NaN, Infinity or giant number outside strings."""
    blanked = _STRING_LITERAL.sub(lambda m: " " * len(m.group()), text)
    match = _BAD_TOKEN.search(blanked)
    if not match:
        return None, None
    before = text[: match.start()]
    return before.count("\n") + 1, match.start() - (before.rfind("\n") + 1) + 1


def resume_from_data(data: Any, source: str, source_text: str = "") -> Resume:
    """A parsed JSON value → Resume; the one place where shape and types are checked.

    With the JSON text it came from, field errors also name their line.
    """
    if not isinstance(data, dict):
        raise ResumeFileError(
            f"a résumé must be a JSON object {{…}}, not {type(data).__name__}", file=source
        )
    try:
        data = _migrate(data, source)
    except ResumeFileError as error:  # its fields are plain keys: x-cveditor.schemaVersion
        steps = tuple(error.field.split(".")) if error.field else ()
        raise ResumeFileError(
            error.message, file=source, field=error.field, line=line_of(source_text, steps)
        ) from None
    try:
        resume = Resume.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        more = error.error_count() - 1
        message = _describe(first) + (
            f" (and {more} more problem{'s' * (more > 1)})" if more else ""
        )
        steps = document_steps(first["loc"], data)
        raise ResumeFileError(
            message, file=source, field=field_path(steps), line=line_of(source_text, steps)
        ) from None
    except RecursionError:
        raise ResumeFileError("nested too deeply to be a résumé", file=source) from None
    _check_encodable(resume, source)
    return resume


def _check_encodable(resume: Resume, source: str) -> None:
    """Refuse text that could not be written back (lone UTF-16 surrogates)."""
    try:
        dumps(resume).encode("utf-8")
    except UnicodeEncodeError as error:
        raise ResumeFileError(
            f"contains a broken character (U+{ord(error.object[error.start]):04X})", file=source
        ) from None


def decode(raw: bytes, source: str) -> str:
    """UTF-8 text (a BOM is allowed), or ResumeFileError naming the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ResumeFileError(
            f"not UTF-8 text (byte {error.start} is 0x{raw[error.start]:02x})", file=source
        ) from None


def read_bytes(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise ResumeFileError(
            f"cannot read the file: {error.strerror or error}", file=path
        ) from None


def loads(raw: bytes | str, source: str = "<input>") -> Resume:
    """Bytes or text of a native file → Resume, or ResumeFileError."""
    text = decode(raw, source) if isinstance(raw, bytes) else raw
    return resume_from_data(parse_json(text, source), source, text)


def load(path: str | Path) -> Resume:
    return loads(read_bytes(path), str(path))


def to_data(resume: Resume) -> dict[str, Any]:
    """Resume → JSON-ready dict, with our schema version stamped."""
    data = resume.model_dump(mode="json", by_alias=True)
    data.setdefault(EXTRAS_KEY, {})["schemaVersion"] = SCHEMA_VERSION
    return data


def dumps(resume: Resume) -> str:
    """Resume → the text of a native file (UTF-8, two-space indent, Korean kept readable)."""
    return json.dumps(to_data(resume), ensure_ascii=False, indent=2) + "\n"


def save(resume: Resume, path: str | Path, *, backup: bool = True) -> None:
    """Write atomically; the previous file, if any, is kept as ``<name>.bak``."""
    atomic_write_bytes(Path(path), dumps(resume).encode("utf-8"), backup=backup)
