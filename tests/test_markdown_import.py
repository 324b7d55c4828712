"""Markdown résumés in: structure recovered where clear, and no line's words lost."""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cveditor.errors import ResumeFileError
from cveditor.io import native
from cveditor.io.markdown_import import KEY_ALIASES, markdown_to_resume, split_front_matter
from cveditor.io.md_tables import COLUMNS
from cveditor.io.md_vocabulary import DOC_WORDS
from cveditor.model.dates import DateParseError, is_present, parse_date, parse_period

CORPUS = sorted((Path(__file__).parent / "data" / "markdown").glob("*.md"))
EMOJI = re.compile(r"^[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200d]+$")
PUNCT = ".,;:：!?()[]{}<>\"'“”‘’|*_~`#>-–—·•/\\=+@■□●○◆◇▶▷►◦※▪▫◎★☆→"
PERIOD = re.compile(
    r"(\d{4}\s*[.\-/년]\s*\d{0,2}\s*[.월]?|[A-Za-z]{3,9}\.?\s+\d{4}|\d{1,2}/\d{4})"
    r"\s*(~|–|—|-|→|to)\s*(?!\d{1,2}(?![\d/]))"
    r"(\d{4}\s*[.\-/년]\s*\d{0,2}\s*[.월]?|[A-Za-z]{3,9}\.?\s+\d{4}|\d{1,2}/\d{4}|Present|현재)?",
    re.IGNORECASE,
)
#: What a reader takes as said by the dates or the degree beside it: LinkedIn's computed
#: duration ("· 4 yrs 2 mos"), a degree's abbreviation after its name ("- BS").
DERIVED = re.compile(
    r"·\s*(?:\d+\s*(?:yrs?|mos?)\s*)+$"
    r"|(?:(?<=of Science)|(?<=of Arts))\s+-\s+[A-Z][A-Za-z.]{1,5}\b"
)


MONTH_YEAR = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\b", re.IGNORECASE
)


#: "Feb–Aug 2026": two months sharing one year, stored as 2026-02 and 2026-08.
MONTHS_YEAR = re.compile(
    r"\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)\s*[–—-]\s*"
    r"((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4}))\b",
    re.IGNORECASE,
)


def _month_year(match: re.Match[str]) -> str:
    try:
        return f" {parse_date(match.group(0)).iso()} "
    except (DateParseError, AttributeError):
        return match.group(0)


def _periods_to_iso(line: str) -> str:
    def replace(match: re.Match[str]) -> str:
        try:
            start, end = parse_period(match.group(0))
        except DateParseError:
            return match.group(0)
        return f" {start.iso()} {end.iso() if end else 'present'} "

    return PERIOD.sub(replace, line)


def visible_words(line: str) -> set[str]:
    """The words a reader sees in one Markdown line (syntax, tags and emoji aside)."""
    line = re.sub(r"^\s*#{1,6}\s+", "", line)  # a heading's marks
    line = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", line)  # "R\&D" reads "R&D"
    line = re.sub(r"(?<![\w])['’](\d{2})(?=\s*\.\d)", r"20\1", line)  # "'19.03" is 2019.03
    line = DERIVED.sub(" ", line)
    line = re.sub(  # "2019년 5월" is stored as 2019-05
        r"(\d{4})\s*년\s*(\d{1,2})\s*월(?!\s*\d+\s*일)",
        lambda m: f"{m.group(1)}-{int(m.group(2)):02d}",
        line,
    )
    line = re.sub(r"^\s*\d+[.)]\s", " ", line)  # an ordered-list number is syntax
    line = re.sub(r"\{:[^}]*\}", " ", line)
    line = re.sub(r"<img[^>]*src=[\"']([^\"']+)[\"'][^>]*>", r" \1 ", line)
    line = re.sub(r"<[^>]+>", " ", line)
    line = re.sub(
        r"!?\[([^\]]*)\]\(((?:https?:|mailto:)[^)\s]+)(?:\s+\"([^\"]*)\")?\)", r" \1 \2 \3 ", line
    )
    line = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r" \1 ", line)  # a page of the site: its text
    line = re.sub(r"(\d{4})\.\s+(\d{1,2})\b", r"\1.\2", line)  # "[2017. 12]"
    line = line.replace("：", " ")
    line = _periods_to_iso(line)
    line = MONTHS_YEAR.sub(lambda m: f"{m.group(1)} {m.group(3)} – {m.group(2)}", line)
    line = MONTH_YEAR.sub(_month_year, line)  # "March 2022" is stored as 2022-03
    words = set()
    for token in line.split():
        token = token.strip(PUNCT)
        if not token or EMOJI.match(token) or all(c in PUNCT for c in token):
            continue
        if is_present(token):
            token = "present"
        elif re.fullmatch(r"\d{4}[.\-/]\d{1,2}(?:[.\-/]\d{1,2})?\.?", token):
            with contextlib.suppress(DateParseError):  # "2017.12" is stored as 2017-12
                token = parse_date(token).iso()
        words.add(token.casefold())
    return words


#: Words of the labels the importer turns into fields ("수행 기간 :" → the dates, "mobile :"
#: → basics.phone): the label's meaning is the field it filled, so its words count as kept;
#: so do the words that only name the document in its title ("경력기술서 — 이서준").
FIELD_LABEL_WORDS = (
    {w.casefold() for names in KEY_ALIASES.values() for n in names for w in n.split()}
    | {n.replace(" ", "").casefold() for names in KEY_ALIASES.values() for n in names}
    | {w.casefold() for word in DOC_WORDS for w in word.split()}
    | {w.casefold() for words in COLUMNS.values() for n in words for w in n.split()}
)


def resume_words(resume) -> set[str]:
    data = json.loads(native.dumps(resume))
    texts: list[str] = []

    def walk(value) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                texts.append(str(key))
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif value is not None:
            texts.append(str(value))
            texts.append(re.sub(r"https?://", " ", str(value)))  # a link's text is its address

    walk(data)
    words = set()
    for text in texts:
        for line in text.split("\n"):
            words |= visible_words(line)
    words.add("present")  # an open period is stored as a missing end date
    return words | FIELD_LABEL_WORDS


def test_corpus_is_varied_enough() -> None:
    assert len(CORPUS) >= 8


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_no_line_is_lost(path: Path, record_property) -> None:
    """Every line of the body (front matter is the page's metadata, not résumé text:
    only its name or author is read) has its words somewhere in the résumé."""
    text = path.read_text(encoding="utf-8")
    resume = markdown_to_resume(text, str(path))
    have = resume_words(resume)
    _front, body, _lines = split_front_matter(text, str(path))
    lines = [line for line in body.split("\n") if visible_words(line)]
    lost = {line: sorted(visible_words(line) - have) for line in lines}
    lost = {line: words for line, words in lost.items() if words}
    found = len(lines) - len(lost)
    record_property("lines", f"{path.name}: {found}/{len(lines)} lines found")
    print(f"{path.name}: {len(lines)} lines, {found} found")
    assert not lost, f"{path.name}: lines whose words were lost: {lost}"


def test_structure_is_recovered_from_a_korean_career_page() -> None:
    path = next(p for p in CORPUS if p.name.startswith("01-"))
    resume = markdown_to_resume(path.read_text(encoding="utf-8"), str(path))
    assert resume.basics.name == "허형록 (Hyeongrok Heo)"
    assert resume.basics.phone == "+82 10-1234-5678"
    assert resume.basics.email == "hyeongrok.heo@example.com"
    assert resume.basics.image == "/assets/img/profile.jpg"
    assert [p.url for p in resume.basics.profiles] == ["https://github.com/hrheo"]
    job = resume.work[0]
    assert (job.name, job.startDate, job.endDate) == ("네오클라우드 (NeoCloud)", "2021-03", None)
    project = job.projects[0]
    assert project.name == "멀티 클러스터 배포 플랫폼"
    assert (project.startDate, project.endDate) == ("2021-06", "2022-05")
    assert project.techStack == ["Kubernetes", "Argo CD", "Helm", "Go"]
    assert project.officialName == "차세대 개발자 플랫폼 구축"
    assert project.team == "백엔드 3, SRE 2"
    assert resume.work[1].projects[0].endDate == "2019-12"
    assert "frontMatter" not in native.dumps(resume), "no key the model does not declare"
    assert resume.layout.locale == "ko"
    assert resume.skills[0].name == "Backend" and resume.skills[0].keywords[0] == "Go"


def test_kpi_table_and_star_notes_become_custom_sections() -> None:
    kpi = next(p for p in CORPUS if p.name.startswith("03-"))
    resume = markdown_to_resume(kpi.read_text(encoding="utf-8"), str(kpi))
    table = next(s for s in resume.custom_sections if s.kind == "table")
    assert table.header == ["Metric", "Value", "Growth"] and table.rows[0] == [
        "MAU",
        "1.2M",
        "+140%",
    ]
    star = next(p for p in CORPUS if p.name.startswith("04-"))
    resume = markdown_to_resume(star.read_text(encoding="utf-8"), str(star))
    (notes,) = resume.custom_sections  # interview preparation: one section of notes
    assert notes.kind == "notes" and len(notes.notes) >= 2, "a note a heading"


def test_bad_front_matter_is_located() -> None:
    with pytest.raises(ResumeFileError) as caught:
        markdown_to_resume("---\ntitle: [unclosed\n---\n# A\n", "cv.md")
    assert caught.value.file == "cv.md" and caught.value.line is not None


markdown_pieces = st.lists(
    st.sampled_from(
        [
            "# ",
            "## ",
            "### ",
            "- ",
            "  - ",
            "* ",
            "1. ",
            "| a | b |\n|---|---|\n| 1 | 2 |",
            "---",
            "key : value",
            "2018.06 ~ 현재",
            "**bold**",
            '[x](y){:target="_blank"}',
            '<p align="center"><img src="a.png"></p>',
            "<br>",
            "경력",
            "Experience",
            "S: x",
            "프로젝트 명 : P",
            "수행 기간 : 2018. 06 ~ 2019. 01",
            "사용 기술 스택 : A, B",
            "\n",
            "```",
            "> quote",
            "😀",
            "[2017.12] 특허",
            "Skills",
            "Education",
            ":",
            "|",
            "~",
        ]
    )
    | st.text(max_size=15),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(markdown_pieces)
def test_mangled_markdown_never_crashes(pieces) -> None:
    text = "".join(pieces)
    try:
        markdown_to_resume(text, "fuzz.md")
    except ResumeFileError as error:
        assert error.file == "fuzz.md"


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(CORPUS), st.data())
def test_corpus_files_cut_and_shuffled_never_crash(path, data) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    chosen = data.draw(st.lists(st.sampled_from(lines), max_size=len(lines)))
    try:
        markdown_to_resume("\n".join(chosen), "fuzz.md")
    except ResumeFileError as error:
        assert error.file == "fuzz.md"
