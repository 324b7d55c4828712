"""JSON Resume files as people keep them (issue #17): pre-1.0 keys, nulls, "Present",
impossible days, summaries as lists, translated objects, extra keys, duplicate keys.

Each file opens, saves with every key and value as it was, prints every name, position
and highlight, and its plain JSON Resume export validates against the official schema.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cveditor.io import native
from cveditor.io.jsonresume import to_jsonresume

from .conftest import run_cveditor

CORPUS = sorted((Path(__file__).parent / "data" / "jsonresume-corpus").glob("*.json"))


def _later_wins(text: str) -> dict:
    return json.loads(text)  # JSON readers keep the later of two equal keys


def _printed_strings(data: dict) -> list[str]:
    """Names, positions and highlights, under their 1.0 or pre-1.0 keys."""
    wanted = []
    basics = data.get("basics") or {}
    if isinstance(basics.get("name"), str):
        wanted.append(basics["name"])
    for section in ("work", "projects", "education", "volunteer"):
        for item in data.get(section) or []:
            for key in ("name", "company", "position", "institution", "organization"):
                if isinstance(item.get(key), str) and item[key]:
                    wanted.append(item[key])
            wanted += [h for h in item.get("highlights") or [] if isinstance(h, str)]
    return wanted


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_corpus_file_opens_saves_as_it_was_and_prints(
    qapp, tmp_path, schema_validator, path
) -> None:
    text = path.read_text(encoding="utf-8")
    resume = native.load(path)
    out = tmp_path / "saved.json"
    native.save(resume, out)
    saved = json.loads(out.read_text(encoding="utf-8"))
    saved.pop("x-cveditor", None)  # our schema version stamp, the only addition
    assert saved == _later_wins(text), "every key and value as it was"

    from cveditor.render.build import render_resume

    printed = " ".join(render_resume(resume).pages.doc.toPlainText().split())
    for wanted in _printed_strings(_later_wins(text)):
        assert " ".join(wanted.split()) in printed, f"{wanted!r} is not printed"

    plain = to_jsonresume(resume)
    errors = [f"{list(e.path)}: {e.message}" for e in schema_validator.iter_errors(plain)]
    assert not errors, errors


def test_legacy_keys_print_and_stay_until_upgraded(qapp, tmp_path) -> None:
    path = CORPUS[0]
    resume = native.load(path)
    assert resume.work[0].name == "Banque Exemple" and resume.education[0].score == "16/20"
    assert resume.basics.url == "https://marie.example.fr"
    out = tmp_path / "kept.json"
    native.save(resume, out)
    assert '"company": "Banque Exemple"' in out.read_text(encoding="utf-8")
    plain = to_jsonresume(resume)
    assert plain["work"][0]["name"] == "Banque Exemple" and "company" not in plain["work"][0]
    _resume, problems = native.check(path)
    assert {p.field for p in problems if p.kind == "legacy"} >= {
        "work[0].company",
        "basics.website",
        "education[0].gpa",
    }


def test_present_words_are_saved_as_written_and_exported_as_the_schema_wants() -> None:
    resume = native.load(CORPUS[1])
    assert [w.endDate for w in resume.work] == [None, None, None, None]
    plain = to_jsonresume(resume)
    assert all("endDate" not in job for job in plain["work"]), "no end date = ongoing"
    text = native.dumps(resume)
    for word in ('"Present"', '""', '"Current"', '"Ongoing"'):
        assert f'"endDate": {word}' in text


def test_duplicate_keys_are_reported_with_both_lines(tmp_path) -> None:
    path = CORPUS[4]
    resume, problems = native.check(path)
    assert resume.basics.name == "Jordan Park"
    (duplicate,) = [p for p in problems if p.kind == "duplicate"]
    assert duplicate.field == "basics.name" and "twice on line 2" in duplicate.why
    apart = tmp_path / "apart.json"
    apart.write_text('{"basics": {\n"name": "A",\n"label": "x",\n"name": "B"}}', "utf-8")
    (duplicate,) = [p for p in native.check(apart)[1] if p.kind == "duplicate"]
    assert "lines 2 and 4" in duplicate.why
    proc = run_cveditor("validate", str(path))
    assert proc.returncode == 1 and "basics.name" in proc.stderr and "twice" in proc.stderr


def test_extra_top_level_list_exports(qapp, tmp_path, schema_validator) -> None:
    """#17 point 1: a list of strings at the top level crashed the JSON Resume export."""
    resume = native.load(CORPUS[3])
    out = tmp_path / "plain.json"
    proc = run_cveditor("convert", str(CORPUS[3]), "-o", str(out), "--to", "jsonresume")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "hobbies" not in data, "no theme prints another tool's section (#18)"
    assert not list(schema_validator.iter_errors(data))
    proc = run_cveditor(
        "convert", str(CORPUS[3]), "-o", str(out), "--to", "jsonresume", "--include-unprinted"
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["hobbies"] == ["climbing", "chess"], "asked for: the other tool's data goes"
    assert not list(schema_validator.iter_errors(data))
    assert resume.work[0].name == "Tienda Web"
