"""Front matter of a Markdown page (Jekyll's YAML between ``---`` lines), read safely:
no aliases, bounded depth and length; a refusal names the file, line and key."""

from __future__ import annotations

import tomllib
from typing import Any

import yaml

from ..errors import ResumeFileError
from . import limits


class _FrontMatterError(yaml.YAMLError):
    """Front matter that breaks a bound: the message, where, and the key path."""

    def __init__(self, message: str, mark: Any, steps: list[str | int]) -> None:
        super().__init__(message)
        self.message, self.mark, self.steps = message, mark, list(steps)


class _FrontMatterLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` without anchors and aliases, within the limits of io.limits.

    An alias repeats what its anchor names, so a few hundred bytes of them expand to
    gigabytes (the "billion laughs"), and one naming itself loops; front matter needs
    neither. Nesting depth and text length are bounded as in a JSON résumé.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.steps: list[str | int] = []

    def compose_node(self, parent: Any, index: Any) -> Any:
        step: str | int | None = None
        if isinstance(parent, yaml.SequenceNode):
            step = index
        elif isinstance(parent, yaml.MappingNode) and isinstance(index, yaml.ScalarNode):
            step = index.value  # composing a value: its key is known
        if step is not None:
            self.steps.append(step)
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            name = event.anchor
            raise _FrontMatterError(
                f"YAML anchors and aliases (&{name}, *{name}) are not read, as a few of "
                "them can stand for gigabytes: write the values out",
                event.start_mark,
                self.steps,
            )
        if isinstance(event, yaml.ScalarEvent) and len(event.value) > limits.MAX_FIELD_CHARS:
            raise _FrontMatterError(
                f"this value is {len(event.value):,} characters long; "
                f"a field can hold at most {limits.MAX_FIELD_CHARS:,}",
                event.start_mark,
                self.steps,
            )
        if len(self.steps) > limits.MAX_DEPTH:
            raise _FrontMatterError(
                f"nested more than {limits.MAX_DEPTH} levels deep",
                event.start_mark,
                self.steps,
            )
        node = super().compose_node(parent, index)
        if step is not None:
            self.steps.pop()
        return node


def _steps_text(steps: list[str | int]) -> str:
    text = "front matter"
    for step in steps[:8]:
        text += f"[{step}]" if isinstance(step, int) else f".{step}"
    return text + ("…" if len(steps) > 8 else "")


def split_front_matter(text: str, source: str) -> tuple[dict[str, Any], str, int]:
    """(front matter, body, number of lines the front matter took).

    The front matter is read with _FrontMatterLoader: no aliases, bounded depth and
    length; a refusal names the file, line and key.
    """
    if text.startswith("+++"):
        return _toml_front_matter(text, source)
    if not text.startswith("---"):
        return {}, text, 0
    lines = text.split("\n")
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            try:
                loader = _FrontMatterLoader("\n".join(lines[1:end]))
                try:
                    data = loader.get_single_data() or {}
                finally:
                    loader.dispose()
            except _FrontMatterError as error:
                raise ResumeFileError(
                    error.message,
                    file=source,
                    field=_steps_text(error.steps),
                    line=error.mark.line + 2,
                    column=error.mark.column + 1,
                ) from None
            except yaml.YAMLError as error:
                mark = getattr(error, "problem_mark", None)
                raise ResumeFileError(
                    f"front matter is not valid YAML: {getattr(error, 'problem', error)}",
                    file=source,
                    line=mark.line + 2 if mark else None,
                ) from None
            if not isinstance(data, dict):
                raise ResumeFileError("front matter must be key: value lines", file=source, line=2)
            return data, "\n".join(lines[end + 1 :]), end + 1
    return {}, text, 0


def _toml_front_matter(text: str, source: str) -> tuple[dict[str, Any], str, int]:
    """Hugo's front matter: TOML between ``+++`` lines, within the same bounds."""
    lines = text.split("\n")
    for end in range(1, len(lines)):
        if lines[end].strip() == "+++":
            try:
                data = tomllib.loads("\n".join(lines[1:end]))
            except tomllib.TOMLDecodeError as error:
                line = getattr(error, "lineno", None)
                raise ResumeFileError(
                    f"front matter is not valid TOML: {error}",
                    file=source,
                    line=line + 1 if isinstance(line, int) else None,
                ) from None
            _check_bounds(data, source, [])
            return data, "\n".join(lines[end + 1 :]), end + 1
    return {}, text, 0


def _check_bounds(value: Any, source: str, steps: list[str | int]) -> None:
    if len(steps) > limits.MAX_DEPTH:
        raise ResumeFileError(
            f"nested more than {limits.MAX_DEPTH} levels deep",
            file=source,
            field=_steps_text(steps),
        )
    if isinstance(value, str) and len(value) > limits.MAX_FIELD_CHARS:
        raise ResumeFileError(
            f"this value is {len(value):,} characters long; "
            f"a field can hold at most {limits.MAX_FIELD_CHARS:,}",
            file=source,
            field=_steps_text(steps),
        )
    if isinstance(value, dict):
        for key, item in value.items():
            _check_bounds(item, source, [*steps, str(key)])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_bounds(item, source, [*steps, index])


def jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)  # dates and the like
