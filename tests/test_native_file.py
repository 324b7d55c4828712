"""The native file: JSON Resume in, the same JSON Resume (plus our extras) out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cveditor.cli import run
from cveditor.errors import ResumeFileError
from cveditor.io import native
from cveditor.model import JobProject, Resume
from cveditor.model.base import EXTRAS_KEY

from .conftest import run_cveditor


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("which", ["official_sample", "our_sample"])
def test_sample_loads_saves_and_reloads_equal(which, request, tmp_path, schema_validator):
    source: Path = request.getfixturevalue(which)
    resume = native.load(source)
    out = tmp_path / "saved.json"
    native.save(resume, out)
    again = native.load(out)
    assert again == resume
    saved = _read(out)
    original = _read(source)
    saved[EXTRAS_KEY].pop("schemaVersion")
    original.get(EXTRAS_KEY, {}).pop("schemaVersion", None)
    if not original.get(EXTRAS_KEY):
        original.pop(EXTRAS_KEY, None)
        if not saved[EXTRAS_KEY]:
            saved.pop(EXTRAS_KEY)
    assert saved == original, "every value of the source file must come back unchanged"
    schema_validator.validate(saved)


def test_edited_model_saves_a_valid_document(tmp_path, our_sample, schema_validator):
    resume = native.load(our_sample)
    resume.work[0].cv.hidden = True  # changed in place, not assigned on the parent
    resume.work[0].cv.projects.append(JobProject(name="새 프로젝트", startDate="2023.03"))
    resume.basics.location.city = "부산"
    out = tmp_path / "edited.json"
    native.save(resume, out)
    data = _read(out)
    schema_validator.validate(data)
    assert data["work"][0][EXTRAS_KEY]["hidden"] is True
    assert data["work"][0][EXTRAS_KEY]["projects"][-1] == {
        "name": "새 프로젝트",
        "startDate": "2023-03",
    }
    assert data["basics"]["location"]["city"] == "부산"


def test_new_resume_saves_minimal_valid_json(tmp_path, schema_validator):
    out = tmp_path / "new.json"
    native.save(Resume(), out)
    data = _read(out)
    schema_validator.validate(data)
    assert data == {EXTRAS_KEY: {"schemaVersion": 1}}


UNKNOWN = {"tool": {"nested": [1, 2.5, None, True, {"k": "값"}]}, "n": 0, "s": ""}


def _with_unknown_keys(source: Path) -> dict:
    data = _read(source)
    data["x-other-tool"] = UNKNOWN
    data["basics"]["pronouns"] = "she/her"
    data["basics"]["location"]["timezone"] = {"iana": "Asia/Seoul"}
    data["basics"]["profiles"][0]["verified"] = True
    data["work"][0]["x-linkedin-id"] = 1234567
    data["work"][0][EXTRAS_KEY]["futureFlag"] = ["a", "b"]
    data["work"][0][EXTRAS_KEY]["projects"][0]["budget"] = {"amount": 120000000, "currency": "KRW"}
    data["work"][0][EXTRAS_KEY]["projects"][0]["fields"] = [{"label": "l", "value": "v", "x": 1}]
    data[EXTRAS_KEY]["sections"][0]["entries"][0]["link"] = "https://patents.example/1"
    data[EXTRAS_KEY]["layout"]["futureOption"] = {"columns": 3}
    data["education"][0]["gpaScale"] = 4.3
    data["meta"] = {"version": "v1", "generator": "other"}
    return data


def test_unknown_keys_survive_convert(tmp_path, our_sample, schema_validator):
    source = tmp_path / "in.json"
    data = _with_unknown_keys(our_sample)
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.json"
    assert run(["convert", str(source), "-o", str(out)]) == 0
    saved = _read(out)
    assert saved == data
    schema_validator.validate(saved)


def test_convert_command_line_entry_point(tmp_path, our_sample):
    out = tmp_path / "out.json"
    proc = run_cveditor("convert", str(our_sample), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert _read(out) == _read(our_sample)


def test_validate_command(tmp_path, our_sample):
    ok = run_cveditor("validate", str(our_sample))
    assert (ok.returncode, ok.stdout.strip()) == (0, "OK")
    bad = tmp_path / "bad.json"
    data = _read(our_sample)
    data["work"][1]["startDate"] = "2018.13"
    bad.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    proc = run_cveditor("validate", str(bad))
    assert proc.returncode == 1
    assert str(bad) in proc.stderr and "work[1].startDate" in proc.stderr
    assert "month 13" in proc.stderr
    bad_line = next(
        n
        for n, text in enumerate(bad.read_text(encoding="utf-8").split("\n"), 1)
        if '"2018.13"' in text
    )
    assert f"line {bad_line}," in proc.stderr, "the error says where to look in the file"
    assert len(proc.stderr.strip().splitlines()) == 1


def test_people_dates_in_files_are_normalised(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(
        json.dumps(
            {
                "work": [
                    {"name": "A", "startDate": "2018. 06", "endDate": "현재"},
                    {"name": "B", "startDate": "Jun 2015", "endDate": ""},
                ]
            }
        ),
        encoding="utf-8",
    )
    resume = native.load(path)
    assert [(w.startDate, w.endDate) for w in resume.work] == [("2018-06", None), ("2015-06", None)]


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ('{"basics": {"name": "A",}}', 1, "not valid JSON"),
        ('{\n  "work": [\n    {"name": "A"\n  ]\n}', 4, "not valid JSON"),
        ("[1, 2]", None, "JSON object"),
        ('"just text"', None, "JSON object"),
        ('{"x-cveditor": {"schemaVersion": 99}}', 1, "newer"),
        ('{"basics": {"name": NaN}}', 1, "NaN"),
    ],
)
def test_what_is_not_a_resume_opens_nothing(tmp_path, text, line, fragment):
    """Not JSON, not an object, or a newer format of ours: refused, with a location."""
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ResumeFileError) as caught:
        native.load(path)
    error = caught.value
    assert error.file == str(path) and error.line == line
    assert fragment in error.message and str(path) in str(error)


@pytest.mark.parametrize(
    ("text", "field", "fragment"),
    [
        ('{"work": {"name": "A"}}', "work", "list"),
        ('{"work": [{"name": 5}]}', "work[0].name", "text"),
        ('{"work": [{}, {}, {"startDate": "2018-13"}]}', "work[2].startDate", "month 13"),
        ('{"work": [{"startDate": "2024-09-31"}]}', "work[0].startDate", "31"),
        ('{"basics": {"profiles": [{"url": ["x"]}]}}', "basics.profiles[0].url", "text"),
        ('{"basics": {"summary": ["a", "b"]}}', "basics.summary", "text"),
        ('{"basics": {"label": {"de": "Ingenieur", "en": "Engineer"}}}', "basics.label", "text"),
        ('{"references": 0}', "references", "list"),
        ('{"work": [{"endDate": "Suspended"}]}', "work[0].endDate", "Suspended"),
        ('{"x-cveditor": {"sections": [{"id": "a", "kind": "poem"}]}}', "x-cveditor.sections",
         "kind"),
        ('{"x-cveditor": {"sections": [{"id": "t", "kind": "table", "rows": [[1]]}]}}',
         "x-cveditor.sections[0].rows", "text"),
        ('{"x-cveditor": {"layout": {"paper": "a3"}}}', "x-cveditor.layout.paper", "a4"),
        ('{"x-cveditor": {"sections": [{"id": "work", "kind": "list"}]}}',
         "x-cveditor.sections", "standard name"),
    ],
)
def test_what_cannot_be_read_is_kept_listed_and_written_back(
    tmp_path, text, field, fragment
):
    """#17 point 2: one value the model cannot read never refuses the file: it opens,
    the value is listed (field, line, why) and saved back exactly as it was."""
    path = tmp_path / "odd.json"
    pretty = json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    path.write_text(pretty, encoding="utf-8")
    resume, problems = native.check(path)
    assert [p.field for p in problems] == [field]
    problem = problems[0]
    assert fragment in problem.why + problem.shown_value()
    needle = field.split(".")[-1].split("[")[0]
    assert problem.line == next(
        n for n, row in enumerate(pretty.split("\n"), 1) if f'"{needle}"' in row
    )
    out = tmp_path / "saved.json"
    native.save(resume, out)
    saved, original = _read(out), json.loads(pretty)
    saved.pop("x-cveditor", None) if "x-cveditor" not in original else None
    if "x-cveditor" in saved:
        saved["x-cveditor"].pop("schemaVersion", None)
        original["x-cveditor"].pop("schemaVersion", None)
    assert saved == original, "written back exactly as it was"
    proc = run_cveditor("validate", str(path))
    assert proc.returncode == 1 and field in proc.stderr and str(path) in proc.stderr


def test_not_utf8_and_missing_file(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"basics": {"name": "José"}}'.encode("latin-1"))
    with pytest.raises(ResumeFileError, match="not UTF-8"):
        native.load(path)
    with pytest.raises(ResumeFileError, match="cannot read"):
        native.load(tmp_path / "missing.json")


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"basics": {"name": "김"}}).encode())
    assert native.load(path).basics.name == "김"


def test_null_in_our_own_key_reads_as_nothing_and_saves(tmp_path):
    """Found by the fuzzer: "x-cveditor": null crashed every save of the file."""
    path = tmp_path / "null.json"
    path.write_text('{"basics": {"name": "A"}, "x-cveditor": null}', encoding="utf-8")
    resume = native.load(path)
    native.save(resume, path)
    assert json.loads(path.read_text(encoding="utf-8"))["x-cveditor"] == {"schemaVersion": 1}
    assert native.load(path) == resume
