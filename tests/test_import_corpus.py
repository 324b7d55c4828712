"""Markdown import of real career documents (#11): the corpus and its targets.

Each document of ``tests/data/import-corpus`` is imported as ``cveditor convert`` does
and judged against its expected structure by ``tests/import_score.py`` (the same code
as ``bench/import_quality.py``): ≥ 95 % of content lines in the expected field, every
date, no line lost, private lines only in a notes section and in no export, the name,
the order of sections, no raw Markdown printed, and output that the model declares
key by key. The first tests check the scorer itself on small hand-made résumés, so a
target that cannot fail is caught here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from . import import_score as s

DOCUMENTS = s.documents()


# --- the corpus is what the README promises ------------------------------------------


def test_the_corpus_is_complete():
    assert len(DOCUMENTS) >= 32
    korean = [d for d in DOCUMENTS if any("\uac00" <= c <= "\ud7a3" for c in d.read_text())]
    assert len(korean) / len(DOCUMENTS) >= 0.55
    for document in DOCUMENTS:
        expected = s.expected_of(document)
        assert set(expected) == {"shape", "name", "lines", "dates", "private"}, document.name
        for line in expected["lines"]:
            assert line["text"].strip(), document.name
            if line["field"] != "omit":
                s.parse_path(line["field"])  # readable
        for date in expected["dates"]:
            assert s.parse_date(date["value"]) is not None, (document.name, date)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.stem)
def test_every_content_line_is_listed(document: Path):
    """Each non-blank line (front-matter delimiters and rules aside) has an entry whose
    text is in it, once markup is removed: the expected file covers the document."""
    expected = s.expected_of(document)
    texts = [s.normalise(line["text"]) for line in expected["lines"]]
    lines = document.read_text(encoding="utf-8").splitlines()
    delimiters = {0} if lines and lines[0].strip() in ("---", "+++") else set()
    if delimiters:
        closing = next(i for i, t in enumerate(lines[1:], 1) if t.strip() == lines[0].strip())
        delimiters.add(closing)
    for number, raw in enumerate(lines):
        stripped = raw.strip()
        if not stripped or number in delimiters or set(stripped) <= {"-", " "}:
            continue
        plain = s.normalise(raw)
        if not plain:  # a code fence: markup only
            continue
        assert any(text and text in plain for text in texts) or any(
            text in s.normalise(_link_text(raw)) for text in texts if text
        ), f"{document.name}:{number + 1} has no entry: {raw!r}"


def _link_text(line: str) -> str:
    import re

    line = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", line)
    return re.sub(r"\{:[^}]*\}", "", line).replace("|", " ")


# --- the scorer itself -----------------------------------------------------------------

SMALL = {
    "basics": {"name": "홍길동", "summary": "결제 시스템을 만듭니다."},
    "work": [
        {
            "name": "주식회사 가나다",
            "startDate": "2018-06",
            "highlights": ["정산 배치 4시간 → 40분"],
            "x-cveditor": {
                "projects": [{"name": "SVMS Project", "startDate": "2020.02", "team": "백엔드 3명"}]
            },
        }
    ],
    "x-cveditor": {
        "schemaVersion": 1,
        "sections": [
            {
                "id": "notes-1",
                "kind": "notes",
                "title": "면접",
                "notes": [{"title": "주인 의식", "text": "S: 인증 서버가 재시작됨"}],
            }
        ],
    },
}


def _expect(lines=(), dates=(), private=(), name="홍길동"):
    return {
        "shape": "test",
        "name": name,
        "lines": [{"text": t, "field": f} for t, f in lines],
        "dates": [{"field": f, "value": v} for f, v in dates],
        "private": list(private),
    }


def test_scorer_counts_a_line_in_the_right_field():
    score = s.score_data(
        SMALL,
        _expect(
            lines=[
                ("**주식회사 가나다**", "work[0].name"),
                ("백엔드 3명", "work[0].x-cveditor.projects[*].team"),
                ("SVMS Project", "work[0].x-cveditor.projects[name=SVMS Project].name"),
                ("인증 서버가 재시작됨", "x-cveditor.sections[kind=notes].notes[*].text"),
                ("경력", "x-cveditor.layout.sectionTitles.work"),  # not saved: wrong
            ]
        ),
    )
    assert (score.lines, score.in_field) == (5, 4)
    assert score.wrong_field == ["경력 → x-cveditor.layout.sectionTitles.work"]
    assert score.name_ok and not score.model_problems
    assert score.lost == ["경력"]  # an English résumé prints "Experience"
    korean = json.loads(json.dumps(SMALL))
    korean["x-cveditor"]["layout"] = {"locale": "ko"}  # prints "경력" without a rename
    score = s.score_data(korean, _expect(lines=[("경력", "x-cveditor.layout.sectionTitles.work")]))
    assert score.in_field == 1


def test_scorer_finds_a_wrong_field_and_a_lost_line():
    score = s.score_data(
        SMALL,
        _expect(
            lines=[
                ("정산 배치 4시간 → 40분", "work[0].summary"),  # in highlights: wrong, kept
                ("승인 TPS 800 → 4,500", "work[0].highlights"),  # nowhere: lost
            ]
        ),
    )
    assert score.in_field == 0 and score.share == 0
    assert score.lost == ["승인 TPS 800 → 4,500"]
    assert not score.meets_targets


def test_scorer_checks_dates_as_dates():
    score = s.score_data(
        SMALL,
        _expect(
            lines=[("2020.02", "work[0].x-cveditor.projects[0].startDate")],
            dates=[
                ("work[0].startDate", "2018-06"),
                ("work[0].x-cveditor.projects[0].startDate", "2020-02"),  # typed 2020.02
                ("work[0].endDate", "2019-01"),  # missing
                ("work[0].x-cveditor.projects[0].startDate", "2020-03"),  # wrong month
            ],
        ),
    )
    assert (score.dates_found, score.dates_expected) == (2, 4)
    assert score.in_field == 1
    assert s.parse_date("[2017. 12]") == (2017, 12, None)
    assert s.parse_date("MARCH 2014") == (2014, 3, None)
    assert s.parse_date("2018. 06") == (2018, 6, None)
    assert s.parse_date("2018년 6월") == (2018, 6, None)
    assert s.parse_date("2018-13") is None


def test_scorer_catches_private_text_outside_notes_and_in_exports():
    leaking = json.loads(json.dumps(SMALL))
    leaking["basics"]["summary"] = "S: 인증 서버가 재시작됨"
    score = s.score_data(
        leaking,
        _expect(private=["인증 서버가 재시작됨"]),
        exports={".txt": "홍길동\n인증 서버가 재시작됨", ".html": "**굵게**"},
    )
    assert any("saved outside notes" in leak for leak in score.private_leaks)
    assert any("printed in .txt" in leak for leak in score.private_leaks)
    assert score.raw_markup  # "**" printed as it was
    clean = s.score_data(SMALL, _expect(private=["인증 서버가 재시작됨"]), exports={".txt": "x"})
    assert not clean.private_leaks


def test_scorer_catches_keys_the_model_does_not_declare_and_wrong_names():
    bad = json.loads(json.dumps(SMALL))
    bad["projects"] = [{"name": "x", "summary": "not read by the model"}]
    bad["work"][0]["x-cveditor"]["projects"][0]["details"] = "?"
    bad["x-cveditor"]["sections"][0]["notes"][0]["story"] = "?"
    score = s.score_data(bad, _expect(name=None))
    assert "unknown key projects[0].summary" in score.model_problems
    assert "unknown key work[0].x-cveditor.projects[0].details" in score.model_problems
    assert "unknown key x-cveditor.sections[0].notes[0].story" in score.model_problems
    assert not score.name_ok  # 홍길동 where the document has no name


def test_scorer_checks_the_order_of_sections():
    data = json.loads(json.dumps(SMALL))
    data["education"] = [{"institution": "부산대학교"}]
    data["x-cveditor"]["sections"].append({"id": "patents", "kind": "dated", "title": "특허"})
    lines = [
        ("주식회사 가나다", "work[0].name"),
        ("특허", "x-cveditor.sections[title=특허].title"),
        ("부산대학교", "education[0].institution"),
    ]
    assert not s.score_data(data, _expect(lines=lines)).order_ok  # custom forced last
    data["x-cveditor"]["layout"] = {"sectionOrder": ["work", "patents", "education"]}
    assert s.score_data(data, _expect(lines=lines)).order_ok


# --- the corpus against the targets ------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every attempt to open a network connection, refused and recorded: remote images
    in a document are kept as links, never fetched."""
    import socket

    attempts: list[object] = []

    def refuse(_self, address, *_args):
        attempts.append(address)
        raise OSError("network refused by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.stem)
def test_import_meets_the_targets(document: Path, qapp, no_network: list[object]):
    score = s.score_document(document)
    assert not no_network, f"the import or an export opened connections: {no_network}"
    assert not score.error, score.error
    problems = []
    if score.share < s.TARGET_IN_FIELD:
        problems.append(
            f"{score.in_field}/{score.lines} lines in the expected field "
            f"({score.share:.0%}); wrong: {score.wrong_field[:8]}"
        )
    if score.dates_found != score.dates_expected:
        problems.append(
            f"dates {score.dates_found}/{score.dates_expected}; missing: {score.missing_dates}"
        )
    if score.lost:
        problems.append(f"lost: {score.lost}")
    if score.private_leaks:
        problems.append(f"private: {score.private_leaks}")
    if score.raw_markup:
        problems.append(f"raw markup printed: {score.raw_markup[:5]}")
    if score.model_problems:
        problems.append(f"not the model's: {score.model_problems[:8]}")
    if not score.name_ok:
        problems.append(f"name {score.name_found!r}, expected {score.name_expected!r}")
    if not score.order_ok:
        problems.append(f"section order {score.order_found}, expected {score.order_expected}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "document", [d for d in DOCUMENTS if s.expected_of(d)["private"]], ids=lambda p: p.stem
)
def test_private_lines_leave_through_no_export_command(document: Path, tmp_path: Path):
    """The command line, as a user runs it: convert to .json, then export that to
    .txt, .md and .html; no private line is in any output."""
    saved = tmp_path / "imported.json"
    run = [sys.executable, "-m", "cveditor", "convert"]
    done = subprocess.run(
        [*run, str(document), "-o", str(saved)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    for suffix in s.EXPORT_SUFFIXES:
        out = tmp_path / f"export{suffix}"
        done = subprocess.run(
            [*run, str(saved), "-o", str(out)], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        text = s.normalise(out.read_text(encoding="utf-8"))
        for private in s.expected_of(document)["private"]:
            assert s.normalise(private) not in text, f"{private!r} printed in {suffix}"
