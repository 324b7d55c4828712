"""cveditor's own file: a JSON Resume document with our extras under ``x-cveditor``.

Loading either gives a complete Resume or raises ResumeFileError naming file, field
and line; nothing is ever half-loaded. Saving is atomic and keeps a backup.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import ResumeFileError
from ..model.base import EXTRAS_KEY, PLAIN, TOLERANT
from ..model.resume import SCHEMA_VERSION, Resume
from .atomic import atomic_write_bytes
from .json_locate import line_of
from .language_guess import guess_locale, says_locale
from .problems import Problem, field_path, find_problems

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


_EXPECTED = {  # pydantic error types → what the value must be, in the file's own terms
    "model_type": "must be an object {…}",
    "model_attributes_type": "must be an object {…}",
    "dict_type": "must be an object {…}",
    "string_type": "must be text",
    "list_type": "must be a list […]",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "finite_number": "must be a finite number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "missing": "is required",
    "extra_forbidden": "is not a field cveditor knows",
}
_BOUNDS = {
    "greater_than": "must be more than {gt}",
    "greater_than_equal": "must be at least {ge}",
    "less_than": "must be less than {lt}",
    "less_than_equal": "must be at most {le}",
    "string_too_short": "must be at least {min_length} characters long",
    "string_too_long": "must be at most {max_length} characters long",
    "too_short": "must have at least {min_length} items",
    "too_long": "must have at most {max_length} items",
}
_PYTHON_TYPES = {  # Python's names of JSON values, as a message may say them ("not int")
    "NoneType": "null",
    "None": "null",
    "int": "a number",
    "float": "a number",
    "Decimal": "a number",
    "str": "text",
    "bool": "true or false",
    "dict": "an object",
    "list": "a list",
    "tuple": "a list",
}
_PYTHON_TYPE_WORD = re.compile(r"\b(?:not|of type|got) (" + "|".join(_PYTHON_TYPES) + r")\b")


def _shown(value: Any) -> str:
    """A value as the JSON file spells it: null, true, "text", 12 — never Python's repr."""
    if isinstance(value, dict):
        return "an object {…}"
    if isinstance(value, list | tuple):
        return "a list […]"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):  # an int too long for str(), a model instance, …
        return "a number" if isinstance(value, int | float) else "a value of another kind"
    return text if len(text) <= 60 else text[:57] + "…"


def _describe(error: dict[str, Any]) -> str:
    """One pydantic error → words about the user's file: what the value must be and what
    was found, in JSON terms; no Python or pydantic names (NoneType, "instance of Basics",
    "Input should be") ever reach the message."""
    kind = str(error.get("type", ""))
    context = error.get("ctx") or {}
    if kind in _EXPECTED:
        message = _EXPECTED[kind]
    elif kind in _BOUNDS:
        try:
            limits = {
                k: _shown(int(v) if isinstance(v, float) and v.is_integer() else v)
                for k, v in context.items()
            }
            message = _BOUNDS[kind].format(**limits)
        except (KeyError, IndexError):
            message = str(error.get("msg", "invalid value"))
    else:
        message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
        message = message.removeprefix("Assertion failed, ")
    message = re.sub(r"^Input should be\b", "must be", message)
    message = re.sub(r",? ?(?:or )?(?:an )?instance of \w+", "", message)
    message = re.sub(r"\bsys\.\w+\(\)", "Python's limits", message)
    message = _PYTHON_TYPE_WORD.sub(
        lambda m: m.group(0).replace(m.group(1), _PYTHON_TYPES[m.group(1)]), message
    )
    if kind != "missing" and "input" in error:
        message += f" (found {_shown(error['input'])})"
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
    """JSON text → Python values, or ResumeFileError with line and column; values nested
    too deeply or too long (io.limits) are refused with their field, line and limit."""
    from .limits import excess

    try:
        data = json.loads(text, parse_constant=_reject_constant)
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
    found = excess(data)
    if found is not None:
        steps, message = found
        shown = field_path(steps[:8]) + ("…" if len(steps) > 8 else "")
        raise ResumeFileError(message, file=source, field=shown, line=line_of(text, steps))
    return data


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
            f"a résumé must be a JSON object {{…}}; this file holds {_shown(data)}", file=source
        )
    try:
        data = _migrate(data, source)
    except ResumeFileError as error:  # its fields are plain keys: x-cveditor.schemaVersion
        steps = tuple(error.field.split(".")) if error.field else ()
        raise ResumeFileError(
            error.message, file=source, field=error.field, line=line_of(source_text, steps)
        ) from None
    try:
        resume = Resume.model_validate(data, context=TOLERANT)  # what it cannot read is kept
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
    if not says_locale(data):  # another tool's file: headings in the résumé's language
        resume.layout.locale = guess_locale(resume)
    return resume


def _check_encodable(resume: Resume, source: str) -> None:
    """Refuse text that could not be written back (lone UTF-16 surrogates)."""
    try:
        dumps(resume).encode("utf-8")
    except UnicodeEncodeError as error:
        raise ResumeFileError(
            f"contains a broken character (U+{ord(error.object[error.start]):04X})", file=source
        ) from None


_BOMS = (  # the longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def _encoding_of(raw: bytes) -> tuple[str, str]:
    """(codec, name shown) of a JSON text: its byte-order mark, else the pattern of NUL
    bytes its first (ASCII) characters make (RFC 4627 §3), else UTF-8."""
    for mark, codec, name in _BOMS:
        if raw.startswith(mark):
            return codec, name
    head = raw[:4]
    if len(head) == 4:
        nul = tuple(byte == 0 for byte in head)
        patterns = {
            (True, True, True, False): ("utf-32-be", "UTF-32"),
            (False, True, True, True): ("utf-32-le", "UTF-32"),
            (True, False, True, False): ("utf-16-be", "UTF-16"),
            (False, True, False, True): ("utf-16-le", "UTF-16"),
        }
        if nul in patterns:
            return patterns[nul]
    elif len(head) == 2 and (head[0] == 0) != (head[1] == 0):  # one character, e.g. "5"
        return ("utf-16-be", "UTF-16") if head[0] == 0 else ("utf-16-le", "UTF-16")
    return "utf-8-sig", "UTF-8"


def decode(raw: bytes, source: str) -> str:
    """The text of a JSON file: UTF-8 (a BOM is allowed), or UTF-16 / UTF-32 as its BOM
    or NUL pattern says (saving writes UTF-8); else ResumeFileError naming the first bad
    byte and the encoding it was read as."""
    codec, name = _encoding_of(raw)
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as error:
        where = (
            f"byte {error.start} is 0x{raw[error.start]:02x}"
            if error.start < len(raw)
            else "it ends in the middle of a character"
        )
        kind = "UTF-8 text" if name == "UTF-8" else f"valid {name} text"
        raise ResumeFileError(f"not {kind} ({where})", file=source) from None


def read_bytes(path: str | Path, limit: int | None = None) -> bytes:
    """A regular file's bytes, at most ``limit`` (io.limits: 20 MB for a résumé), or
    ResumeFileError: FIFOs and devices are refused unread, so nothing blocks or runs on."""
    from .limits import MAX_RESUME_BYTES, read_limited

    return read_limited(path, MAX_RESUME_BYTES if limit is None else limit)


def loads(raw: bytes | str, source: str = "<input>") -> Resume:
    """Bytes or text of a native file → Resume, or ResumeFileError."""
    text = decode(raw, source) if isinstance(raw, bytes) else raw
    return resume_from_data(parse_json(text, source), source, text)


def load(path: str | Path) -> Resume:
    return loads(read_bytes(path), str(path))


def check(path: str | Path) -> tuple[Resume, list[Problem]]:
    """The résumé and everything about it the user should know (``cveditor validate``)."""
    raw = read_bytes(path)
    text = decode(raw, str(path))
    resume = loads(text, str(path))
    return resume, find_problems(resume, text)


def to_data(resume: Resume, *, plain: bool = False) -> dict[str, Any]:
    """Resume → JSON-ready dict, with our schema version stamped. ``plain``: the model's
    own values only, for other tools (nothing kept verbatim, 1.0 key names)."""
    data = resume.model_dump(mode="json", by_alias=True, context=PLAIN if plain else None)
    if not isinstance(data.get(EXTRAS_KEY), dict):  # ours: a null there held nothing
        data[EXTRAS_KEY] = {}
    data[EXTRAS_KEY]["schemaVersion"] = SCHEMA_VERSION
    if not plain and resume.layout.locale != guess_locale(resume):
        # English chosen for a Korean résumé is the default, so not written by itself;
        # said here, or reading the file again would guess Korean (resume_from_data)
        extras = data[EXTRAS_KEY]
        layout = extras.setdefault("layout", {})
        if isinstance(layout, dict):
            layout.setdefault("locale", resume.layout.locale)
            # where the model puts it, so that a second save writes the same text
            extras["layout"] = _in_model_order(layout, type(resume.layout))
            data[EXTRAS_KEY] = _in_model_order(extras, type(resume.cv))
    return data


def _in_model_order(values: dict[str, Any], model: type) -> dict[str, Any]:
    order = [info.alias or name for name, info in model.model_fields.items()]
    return {
        **{key: values[key] for key in order if key in values},
        **{key: value for key, value in values.items() if key not in order},
    }


def dumps(resume: Resume) -> str:
    """Resume → the text of a native file (UTF-8, two-space indent, Korean kept readable)."""
    return json.dumps(to_data(resume), ensure_ascii=False, indent=2) + "\n"


def save(
    resume: Resume, path: str | Path, *, backup: bool = True, overwrite_read_only: bool = False
) -> None:
    """Write carefully (io.atomic, docs/saving.md): through a symbolic link, keeping hard
    links, owner, group, ACLs and attributes; the previous file, if any, is kept as
    ``<name>.bak``; a new file is private (0600). A read-only file raises
    ReadOnlyFileError unless ``overwrite_read_only``."""
    atomic_write_bytes(
        Path(path),
        dumps(resume).encode("utf-8"),
        backup=backup,
        private=True,
        overwrite_read_only=overwrite_read_only,
    )
