"""Whatever bytes arrive, the loader answers with a Resume or a located ResumeFileError."""

from __future__ import annotations

import json
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cveditor.errors import ResumeFileError
from cveditor.io import native
from cveditor.model import Resume

from .conftest import OUR_SAMPLE

SOURCE = "fuzz.json"
SAMPLE = json.loads(OUR_SAMPLE.read_text(encoding="utf-8"))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=25,
)


def _load_or_located_error(raw: bytes | str) -> None:
    try:
        result = native.loads(raw, SOURCE)
    except ResumeFileError as error:
        assert error.file == SOURCE
        assert str(error).startswith(SOURCE)
        assert error.message
        return
    assert isinstance(result, Resume)
    native.dumps(result).encode("utf-8")  # whatever loads must also save


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes(raw: bytes) -> None:
    _load_or_located_error(raw)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_random_json(value) -> None:
    _load_or_located_error(json.dumps(value))


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*prefix, index))


ALL_PATHS = [p for p in _paths(SAMPLE) if p]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(ALL_PATHS) - 1), json_values), min_size=1, max_size=3))
def test_mangled_sample(mutations) -> None:
    """Real documents with random values dropped in anywhere: errors must name the field."""
    document = json.loads(json.dumps(SAMPLE))
    for index, value in mutations:
        target = document
        path = ALL_PATHS[index]
        try:
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    try:
        native.loads(json.dumps(document), SOURCE)
    except ResumeFileError as error:
        assert error.file == SOURCE
        assert error.field or error.line, f"no location in: {error}"


def test_truncated_files_report_line_and_column() -> None:
    text = json.dumps(SAMPLE, ensure_ascii=False, indent=2)
    rng = random.Random(7)
    for cut in sorted(rng.sample(range(1, len(text) - 1), 60)):
        try:
            native.loads(text[:cut], SOURCE)
        except ResumeFileError as error:
            assert error.line is not None and error.column is not None
        else:
            raise AssertionError(f"a file cut at {cut} must not load")


def test_deep_nesting_and_huge_numbers() -> None:
    for raw in (
        "[" * 100_000,
        '{"a":' * 50_000 + "1" + "}" * 50_000,
        "1" * 5000,
        '{"basics": {"name": "\\ud800"}}',
    ):
        _load_or_located_error(raw)
