"""Line numbers of values found by path, checked against a document written line by line."""

from __future__ import annotations

import json

import pytest

from cveditor.io.json_locate import line_of

DOC = {
    "basics": {"name": "김", "profiles": [{"url": "a"}, {"url": "b"}]},
    "work": [{"name": "A", "highlights": ["x", "y"]}, {"name": "B", "startDate": "2018.13"}],
    "meta": {},
}
TEXT = json.dumps(DOC, ensure_ascii=False, indent=2)
LINES = TEXT.split("\n")


def _line_containing(fragment: str, occurrence: int = 1) -> int:
    hits = [n for n, line in enumerate(LINES, 1) if fragment in line]
    return hits[occurrence - 1]


@pytest.mark.parametrize(
    ("steps", "fragment", "occurrence"),
    [
        (("basics", "name"), '"name": "김"', 1),
        (("basics", "profiles", 1, "url"), '"url": "b"', 1),
        (("work", 1, "startDate"), '"startDate"', 1),
        (("work", 0, "highlights", 1), '"y"', 1),
        (("work", 1, "name"), '"name": "B"', 1),
        (("meta",), '"meta"', 1),
    ],
)
def test_line_of_a_value(steps, fragment, occurrence) -> None:
    assert line_of(TEXT, steps) == _line_containing(fragment, occurrence)


@pytest.mark.parametrize("steps", [("nope",), ("work", 5), ("basics", 0), ("work", "x")])
def test_missing_paths_give_no_line(steps) -> None:
    assert line_of(TEXT, steps) is None


def test_broken_text_gives_no_line() -> None:
    assert line_of('{"a": [1, 2', ("a", 5)) is None
