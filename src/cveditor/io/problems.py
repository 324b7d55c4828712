"""What a file holds that cveditor could not read, or reads in another form.

A file opens whenever it is JSON (issue #17): a value the model cannot read is kept
verbatim and written back unchanged (model.base.Entry), and listed here with its field,
line and reason, so the window's Problems panel and ``cveditor validate`` can show it.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from ..errors import ResumeFileError
from ..model.base import Entry
from ..model.resume import Resume
from .json_locate import duplicate_keys, line_of

FileSteps = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing the user should know about their file."""

    kind: str  # "unread" (kept as it was) | "legacy" (old key name) | "duplicate"
    steps: FileSteps  # where in the file: ("work", 2, "startDate")
    model_path: tuple  # where in the model, for the editor ("work", 2, "startDate")
    why: str
    value: Any = None
    line: int | None = None

    @property
    def field(self) -> str:
        return field_path(self.steps)

    def shown_value(self) -> str:
        text = json.dumps(self.value, ensure_ascii=False)
        return text if len(text) <= 60 else text[:57] + "…"

    def located(self, source: str) -> str:
        """ "resume.json, line 3, work[2].startDate: month 13 … (found "2018.13")"."""
        found = f" (found {self.shown_value()})" if self.kind == "unread" else ""
        return ResumeFileError(
            self.why + found, file=source, field=self.field, line=self.line
        ).located()


def field_path(steps: FileSteps) -> str:
    """``('work', 2, 'startDate')`` → ``work[2].startDate``, as the user's file spells it."""
    text = ""
    for step in steps:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text or "(top level)"


def find_problems(resume: Resume, text: str = "") -> list[Problem]:
    """Every kept, legacy and duplicate value of a résumé read from ``text``."""
    found: list[Problem] = []
    _walk(resume, (), (), found)
    for steps, first, later in _duplicates(text) if text else ():
        found.append(
            Problem(
                "duplicate",
                steps,
                _model_path(resume, steps),
                (
                    f"appears twice (lines {first} and {later}); the later value is used"
                    if first != later
                    else f"appears twice on line {later}; the later value is used"
                ),
                line=later,
            )
        )
    if text:
        found = [p if p.line is not None else _with_line(p, _line(text, p.steps)) for p in found]
    return sorted(found, key=lambda p: (p.line or 0, p.field))


# The Problems panel asks again after every edit, always about the same source text:
# the text's scans are remembered instead of repeated on each keystroke.
_duplicates = lru_cache(maxsize=4)(duplicate_keys)
_line = lru_cache(maxsize=1024)(line_of)


def _with_line(problem: Problem, line: int | None) -> Problem:
    return dataclasses.replace(problem, line=line)


def _walk(node: Any, steps: FileSteps, path: tuple, found: list[Problem]) -> None:
    if isinstance(node, list):
        for index, item in enumerate(node):
            _walk(item, (*steps, index), (*path, index), found)
        return
    if not isinstance(node, Entry):
        return
    names = type(node)._keys()
    for key, kept in node._kept.items():
        if getattr(node, names[key]) != node.default_of(names[key]):
            continue  # the user has set this field since: the kept value will not be saved
        found.append(Problem("unread", (*steps, key), (*path, names[key]), kept.why, kept.value))
    for name, old in node._legacy.items():
        info = type(node).model_fields[name]
        found.append(
            Problem(
                "legacy",
                (*steps, old),
                (*path, name),
                f"the JSON Resume name before 1.0 for “{info.alias or name}”: printed as "
                f"{info.title or name}, saved as “{old}” until you upgrade the file",
            )
        )
    for name, info in type(node).model_fields.items():
        child = getattr(node, name)
        if isinstance(child, BaseModel | list):
            _walk(child, (*steps, info.alias or name), (*path, name), found)


def _model_path(resume: Resume, steps: FileSteps) -> tuple:
    """File steps → model path as far as the model goes (aliases become field names)."""
    node: Any = resume
    path: list = []
    for step in steps:
        if isinstance(node, BaseModel):
            name = type(node)._keys().get(step) if isinstance(node, Entry) else None
            if name is None:
                break
            path.append(name)
            node = getattr(node, name)
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            path.append(step)
            node = node[step]
        else:
            break
    return tuple(path)
