"""The shapes of real career documents (#11), one small document of ours each, and the
import plan the review step works on: its outline, its targets, and retargeting."""

from __future__ import annotations

import html
import json
import re
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from cveditor.io import native
from cveditor.io.import_plan import TARGET_LABELS, TARGETS, ImportPlan, plan_markdown
from cveditor.io.markdown_import import markdown_to_resume, split_front_matter
from cveditor.model.printed import printed_resume
from cveditor.model.resume import Resume

DATA = Path(__file__).parent / "data"
SHAPES = sorted((DATA / "import-shapes").glob("*.md"))
OURS = sorted((DATA / "markdown").glob("*.md"))


def shape(prefix: str) -> Path:
    return next(p for p in SHAPES if p.name.startswith(prefix))


def plan_of(prefix: str) -> ImportPlan:
    path = shape(prefix)
    return plan_markdown(path.read_text(encoding="utf-8"), path.name)


def saved(resume: Resume) -> dict[str, Any]:
    """What Save writes, as data."""
    return json.loads(native.dumps(resume))


def node_labelled(plan: ImportPlan, label: str):
    return next(n for n in plan.nodes() if n.label.startswith(label))


# --- the plan ---------------------------------------------------------------------------


def test_targets_have_labels_for_the_review_step() -> None:
    assert set(TARGETS) == set(TARGET_LABELS)
    for target in ("basics", "summary", "work", "work-project", "notes", "omit"):
        assert target in TARGETS
    assert TARGET_LABELS["work-project"] == "Experience: a project of the job above"
    assert "never printed" in TARGET_LABELS["notes"]


@pytest.mark.parametrize("path", SHAPES + OURS, ids=lambda p: p.name)
def test_markdown_to_resume_is_the_plan_built(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert markdown_to_resume(text, path.name) == plan_markdown(text, path.name).build()


@pytest.mark.parametrize("path", SHAPES + OURS, ids=lambda p: p.name)
def test_building_again_or_after_going_back_gives_the_same(path: Path) -> None:
    """The review step builds a preview at every change: a build changes nothing, and
    a target set back to the importer's gives the first résumé again."""
    plan = plan_markdown(path.read_text(encoding="utf-8"), path.name)
    first = plan.build()
    assert plan.build() == first
    root = plan.outline[-1]
    plan.retarget(root.id, "omit")
    plan.retarget(root.id, root.auto_target)
    assert plan.build() == first


def test_outline_lines_count_the_front_matter_and_nest() -> None:
    path = shape("13-")
    lines = path.read_text(encoding="utf-8").split("\n")
    plan = plan_markdown("\n".join(lines), path.name)
    nodes = plan.nodes()
    assert [n.id for n in nodes] == sorted(n.id for n in nodes), "depth first, source order"
    projects = node_labelled(plan, "Projects")
    assert lines[projects.first_line - 1] == "## Projects"
    assert projects.level == 0 and all(c.level == 1 for c in projects.children)
    assert projects.last_line >= max(c.last_line for c in projects.children)
    code = next(n for n in projects.walk() if n.label.startswith("let mut log"))
    assert lines[code.first_line - 1].startswith("```rust") and code.inherited


def test_retarget_a_section_to_notes_keeps_it_private() -> None:
    plan = plan_of("12-")
    node = node_labelled(plan, "핵심 역량")
    assert node.auto_target == "custom-text"
    plan.retarget(node.id, "notes")
    assert all(child.target == "notes" for child in node.children), "children follow"
    resume = plan.build()
    notes = [s for s in resume.custom_sections if s.kind == "notes"]
    assert [s.title for s in notes] == ["핵심 역량"]
    assert "대규모 검색 시스템 설계" in notes[0].notes[0].text
    assert not any(s.kind == "notes" for s in printed_resume(resume).custom_sections)


def test_retarget_omit_drops_and_custom_text_keeps_markdown() -> None:
    plan = plan_of("12-")
    education = node_labelled(plan, "학력")
    plan.retarget(education.id, "omit")
    assert plan.build().education == []
    plan.retarget(education.id, "custom-text")
    text = next(s for s in plan.build().custom_sections if s.title == "학력")
    assert text.kind == "text" and text.text.startswith("- 한빛대학교 컴퓨터공학과 학사")


def test_retarget_work_project_attaches_to_the_job_above() -> None:
    plan = plan_of("01-")
    job = node_labelled(plan, "Norrsken Bank")
    plan.retarget(job.id, "work-project")
    resume = plan.build()
    assert [j.name for j in resume.work] == ["Tallgren Logistics"]
    project = resume.work[0].projects[0]
    assert project.name == "Norrsken Bank — Engineer"
    assert (project.startDate, project.endDate) == ("2016-08", "2019-12")
    assert project.highlights == ["Built the first card-dispute workflow"]


def test_a_job_sent_away_and_back_is_among_its_jobs_again() -> None:
    plan = plan_of("01-")
    first = plan.build()
    job = node_labelled(plan, "Tallgren Logistics")
    plan.retarget(job.id, "notes")
    assert [j.name for j in plan.build().work] == ["Norrsken Bank"]
    plan.retarget(job.id, "work")
    assert plan.build() == first


def test_children_with_their_own_target_stay() -> None:
    plan = plan_of("07-")
    projects = node_labelled(plan, "주요 프로젝트")
    review = node_labelled(plan, "회고")
    assert review.target == "notes" and not review.inherited
    plan.retarget(projects.id, "omit")
    assert plan.build().work[0].projects == []
    plan.retarget(review.id, "custom-list")
    section = next(s for s in plan.build().custom_sections if s.title == "회고")
    assert section.kind == "list" and section.items == ["아쉬운 점: 일정 산정이 두 번 틀어짐"]


def test_unknown_target_is_refused() -> None:
    plan = plan_of("01-")
    with pytest.raises(ValueError, match="not an import target"):
        plan.retarget(plan.outline[0].id, "somewhere")


# --- nothing the model does not read ------------------------------------------------------


def _models(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models(typing.get_args(annotation)[0])
    if origin in (typing.Union, __import__("types").UnionType):
        return [m for a in typing.get_args(annotation) for m in _models(a)]
    return [annotation]


def undeclared(value: Any, annotation: Any, where: str = "") -> list[str]:
    """Keys of ``value`` that no model declares (every model keeps unknown keys, so
    validation alone would not tell)."""
    found: list[str] = []
    for kind in _models(annotation):
        if isinstance(kind, type) and issubclass(kind, BaseModel) and isinstance(value, dict):
            if (
                "kind" in kind.model_fields
                and value.get("kind") != kind.model_fields["kind"].default
            ):
                continue  # another member of the custom sections' union
            fields = {(f.alias or n): f for n, f in kind.model_fields.items()}
            for key, item in value.items():
                if key not in fields:
                    found.append(where + key)
                else:
                    found += undeclared(item, fields[key].annotation, f"{where}{key}.")
            return found
        if typing.get_origin(kind) is list and isinstance(value, list):
            (inner,) = typing.get_args(kind)
            for index, item in enumerate(value):
                found += undeclared(item, inner, f"{where.rstrip('.')}[{index}].")
            return found
        if typing.get_origin(kind) is dict and isinstance(value, dict):
            return found
    return found


@pytest.mark.parametrize("path", SHAPES + OURS, ids=lambda p: p.name)
def test_import_writes_only_fields_the_model_reads(path: Path) -> None:
    data = saved(markdown_to_resume(path.read_text(encoding="utf-8"), path.name))
    assert undeclared(data, Resume) == []
    Resume.model_validate(data)  # strictly: no value set aside


# --- the shapes ---------------------------------------------------------------------------


def test_title_h1_sections_and_contact_line() -> None:
    resume = plan_of("01-").build()
    basics = resume.basics
    assert (basics.name, basics.email, basics.phone) == (
        "Mara Lindqvist",
        "mara.lindqvist@example.com",
        "+46 70 123 45 67",
    )
    assert (basics.location.city, basics.location.region) == ("Uppsala", "Sweden"), "printed"
    assert [(j.name, j.position, j.startDate, j.endDate) for j in resume.work] == [
        ("Tallgren Logistics", "Senior Engineer", "2020-01", None),
        ("Norrsken Bank", "Engineer", "2016-08", "2019-12"),
    ]
    degree = resume.education[0]
    assert (degree.institution, degree.studyType, degree.area) == (
        "Uppsala University",
        "M.Sc.",
        "Computer Science",
    )


def test_several_h1_first_is_a_title_not_a_name() -> None:
    plan = plan_of("02-")
    assert plan.outline[0].auto_target == "omit", "'Unofficial CV' names the document"
    resume = plan.build()
    assert resume.basics.name == "Tomas Berg", "the bold name on the contact line"
    job = resume.work[0]
    assert (job.name, job.startDate, job.endDate) == ("Fjellnett", "2019-03", None)
    assert resume.layout.sectionOrder == ["work", "skills"]


def test_jagi_sogae_parent_holds_summary_and_sections() -> None:
    plan = plan_of("03-")
    parent = node_labelled(plan, "자기 소개")
    assert parent.target == "summary"
    assert [c.target for c in parent.children if c.is_heading] == ["summary", "summary", "work"]
    resume = plan.build()
    assert resume.basics.name == "정하람"
    assert (resume.basics.phone, resume.basics.email) == ("010-2222-3333", "haram.jung@example.com")
    assert "어릴 때부터" in resume.basics.summary and "지원 동기" in resume.basics.summary
    assert resume.work[0].startDate == "2019-03"


def test_bold_paragraphs_are_headings() -> None:
    resume = plan_of("04-").build()
    assert resume.basics.name == "윤서진"
    assert resume.basics.email == "seojin.yoon@example.com", "full-width colon"
    job = resume.work[0]
    assert (job.name, job.position, job.startDate) == (
        "(주)하늘데이터",
        "데이터 엔지니어",
        "2020-01",
    )
    assert resume.education[0].institution == "한빛대학교"


def test_no_headings_at_all() -> None:
    resume = plan_of("05-").build()
    assert (resume.basics.name, resume.basics.label) == ("Jonas Weber", "Mobile Developer")
    assert [(j.name, j.startDate, j.endDate) for j in resume.work] == [
        ("Nordlicht Apps", "2020-04", None),
        ("Spree Media", "2017-09", "2020-03"),
    ]
    assert resume.work[1].summary == "Maintained the news app for iOS and Android."
    assert resume.education[0].endDate == "2017"


def test_career_description_is_one_job_with_a_private_draft() -> None:
    resume = plan_of("06-").build()
    assert len(resume.work) == 1 and resume.basics.name == ""
    job = resume.work[0]
    assert (job.name, job.startDate, job.endDate) == ("주식회사 한결시스템", "2013-07", "2016-11")
    assert job.position == "안드로이드 앱 개발"
    assert "한결 모바일 뱅킹" in job.summary and "3년간 운영했습니다" in job.summary
    notes = [s for s in resume.custom_sections if s.kind == "notes"]
    assert [s.title for s in notes] == ["초안"], "the draft is kept, never printed"


def test_performance_review_projects_kpi_table_and_notes() -> None:
    resume = plan_of("07-").build()
    job = resume.work[0]
    assert job.position == "검색 백엔드 개발"
    project = job.projects[0]
    assert project.name == "검색 색인 재구축"
    assert (project.startDate, project.endDate, project.team) == (
        "2021-03",
        "2022-05",
        "백엔드 3명",
    )
    assert not any("15개월" in f.value for f in project.fields), "the dates say it already"
    table = next(s for s in resume.custom_sections if s.kind == "table")
    assert table.rows[0] == ["프로젝트 수", "5개 → 7개"]
    assert resume.skills[0].keywords == ["Kotlin", "Java"]
    kinds = {s.title: s.kind for s in resume.custom_sections}
    assert kinds["회고"] == "notes"


def test_interview_preparation_is_private_notes() -> None:
    resume = plan_of("08-").build()
    assert {s.kind for s in resume.custom_sections} == {"notes"}
    notes = resume.custom_sections[0].notes
    ownership = next(n for n in notes if n.title == "Ownership")
    assert [f.label for f in ownership.fields] == ["S", "T", "A", "R"]
    assert any("disagreed with your manager" in f.value for n in notes for f in n.fields)
    printed = printed_resume(resume)
    assert printed.custom_sections == [] and printed.work == []


def test_dates_wherever_people_write_them() -> None:
    resume = plan_of("09-").build()
    first = resume.work[0]
    assert (first.name, first.startDate, first.endDate) == ("누리모빌리티", "2018-01", None)
    project = first.projects[0]
    assert (project.name, project.startDate, project.endDate) == (
        "차량 OTA 프로젝트",
        "2020-02",
        "2020-07",
    )
    fjord = resume.work[1]
    assert (fjord.position, fjord.startDate, fjord.endDate) == (
        "Lead Designer",
        "2014-03",
        "2018-02",
    )
    patents = next(s for s in resume.custom_sections if s.kind == "dated")
    assert [(e.date, e.number) for e in patents.entries] == [
        ("2017-12", "10-2017-0123456"),
        ("2019-04", "10-1987654"),
    ]
    app = resume.projects[0]
    assert (app.startDate, app.endDate) == ("2018-06", "2019-01"), "double spaces"
    assert any("(8개월)" in h for h in app.highlights), "the duration is not lost"


def test_key_values_and_a_flat_project_after_a_job() -> None:
    resume = plan_of("10-").build()
    assert resume.basics.profiles[0].url == "https://github.com/daon-oh"
    job = resume.work[0]
    assert (job.startDate, job.endDate) == ("2019-04", "2024-09"), "the project's are its own"
    assert (job.position, job.summary) == ("책임", "고객사 쿠버네티스 플랫폼 운영")
    project = job.projects[0]
    assert (project.name, project.startDate, project.role) == (
        "제조사 MES 클라우드 전환",
        "2020-02",
        "인프라 리드",
    )
    assert project.techStack == ["EKS", "Terraform"]
    second = resume.work[1]
    assert (second.position, second.startDate, second.summary) == (
        "iOS 개발",
        "2017-07",
        "게임 클라이언트 개발",
    )


def test_education_in_either_order_and_citations() -> None:
    resume = plan_of("11-").build()
    first, second = resume.education
    assert (first.studyType, first.score, first.startDate) == ("학사", "4.1/4.5", "2011-03")
    assert (second.institution, second.area, second.studyType) == (
        "부산대학교 대학원",
        "컴퓨터공학과",
        "석사",
    )
    paper = resume.publications[0]
    assert (paper.name, paper.publisher, paper.releaseDate) == (
        "Small models for speech on phones",
        "Interspeech",
        "2019",
    )


def test_order_is_the_sources_and_numbers_and_nesting_stay() -> None:
    resume = plan_of("12-").build()
    custom = resume.custom_sections[0]
    assert resume.layout.sectionOrder == ["work", custom.id, "education"]
    assert custom.text.startswith("1. 대규모 검색 시스템 설계\n2. ")
    highlights = resume.work[0].highlights
    assert (
        highlights.index("오타 교정 도입")
        < highlights.index("이 작업으로 무결과 검색이 절반으로 줄었습니다.")
        < highlights.index("배포 자동화")
    ), "the paragraph after the nested list stays after it"


def test_code_cjk_emphasis_links_and_images() -> None:
    resume = plan_of("13-").build()
    assert resume.basics.name == "Ines Carvalho", "from the front matter"
    assert resume.basics.image == "https://images.example.com/ines.jpg", "kept, not fetched"
    text = native.dumps(resume)
    assert "/downloads/" not in text and "{:" not in text and "](/blog" not in text
    assert "Download CV" in resume.basics.summary
    assert "```rust\nlet mut log" in resume.projects[0].description
    assert resume.projects[0].startDate == "2021" and "⭐ 1.2k" in resume.projects[0].description
    assert resume.work[0].highlights[0].startswith("**핵심 성과(매출 2배)**를 달성했습니다")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("---\nauthor: 홍길동\n---\n\n## 경력\n\n- 2019 ~ 2020 회사\n", "홍길동"),
        ("**박지훈** | 010-8080-2323 | a@example.com\n\n### 요약\n\n게임 서버.\n", "박지훈"),
        ("# Experience\n\n## Acme — Engineer (2019 – 2020)\n", ""),
        ("# Details\n\nEmail: a@example.com\n\n# Work\n\n- x\n", ""),
        ("# 👋 안녕하세요, 김하늘입니다\n\n- a@example.com\n", "김하늘"),
    ],
)
def test_the_name_or_none(text: str, name: str) -> None:
    assert markdown_to_resume(text, "x.md").basics.name == name


def test_a_table_of_jobs_and_personal_details() -> None:
    resume = plan_of("14-").build()
    assert (resume.basics.name, resume.basics.email) == ("김도현", "dohyun@example.com")
    assert "1990.05.12" not in json.dumps(saved(printed_resume(resume)), ensure_ascii=False)
    notes = [s for s in resume.custom_sections if s.kind == "notes"]
    assert any(f.value == "1990.05.12" for s in notes for n in s.notes for f in n.fields), (
        "a birth date has no field and is never printed: a private note"
    )
    assert [(j.name, j.position, j.startDate, j.endDate, j.summary) for j in resume.work] == [
        ("누리검색", "선임", "2018-03", "2022-02", "검색 서버"),
        ("다온메시지", "사원", "2015-01", "2018-02", "메시징"),
    ]
    assert [(c.name, c.date) for c in resume.certificates] == [
        ("정보처리기사", "2014-11"),
        ("SQLD", "2016"),
    ]
    assert resume.skills[0].keywords == ["Java", "Spring", "MySQL"]


def test_a_github_profile_readme() -> None:
    resume = plan_of("15-").build()
    assert resume.basics.name == "Minji", "from the greeting of the <h1>"
    assert resume.basics.image == "", "a badge is no photo"
    assert (resume.basics.email, resume.basics.url) == (
        "minji@example.com",
        "https://minji.example.dev",
    )
    assert resume.custom_sections[0].items == ["An open-source Android library for charts"]


def test_hugo_toml_front_matter_and_languages_on_one_line() -> None:
    resume = plan_of("16-").build()
    assert (resume.basics.name, resume.basics.email) == (
        "Lena Fischer",
        "lena.fischer@example.com",
    )
    job = resume.work[0]
    assert (job.name, job.position, job.startDate) == ("Brightwave", "Platform Engineer", "2021-02")
    assert [(lang.language, lang.fluency) for lang in resume.languages] == [
        ("German", "native"),
        ("English", "C1"),
        ("Spanish", "A2"),
    ]


def test_toml_front_matter_errors_are_located() -> None:
    from cveditor.errors import ResumeFileError

    with pytest.raises(ResumeFileError, match="not valid TOML") as caught:
        markdown_to_resume('+++\ntitle = "CV\n+++\n# A\n', "cv.md")
    assert caught.value.file == "cv.md"


def test_importing_fetches_nothing(monkeypatch) -> None:
    """Remote pictures stay addresses: the importer opens no connection."""
    import socket

    def refuse(*_args, **_kwargs):
        raise AssertionError("the importer tried to open a connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for path in SHAPES:
        markdown_to_resume(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.parametrize("path", SHAPES, ids=lambda p: p.name)
def test_no_line_of_a_shape_is_lost(path: Path) -> None:
    """Every body line's words are in the résumé, but for what the importer leaves out
    (a title that only names the document: "Performance - 2022"; Notion's page
    properties; a stats card at the end)."""
    from .test_markdown_import import resume_words, visible_words

    text = path.read_text(encoding="utf-8")
    plan = plan_markdown(text, path.name)
    have = resume_words(plan.build())
    left_out = {n.first_line for n in plan.nodes() if n.target == "omit" and n.is_heading}
    left_out |= {  # blocks the review step shows as left out (Notion properties, badges)
        line
        for n in plan.nodes()
        if n.target == "omit" and not n.is_heading
        for line in range(n.first_line, n.last_line + 1)
    }
    _front, _body, offset = split_front_matter(text, path.name)
    lines = text.split("\n")
    lost = {
        line: sorted(visible_words(_said(line)) - have)
        for number, line in enumerate(lines, start=1)
        if number > offset and number not in left_out and visible_words(_said(line)) - have
    }
    assert not lost


#: What the fields say without the words: a period of years ("2022–present" is a start
#: date), "in" after a degree ("B.S. in Statistics"), "입사" before a start date, and
#: the number of a bold numbered question ("**2. …**"), as of any numbered list; an
#: italic's end before an issue number ("*Review, 8*(2)") is markup.
_YEARS = re.compile(r"((?:19|20)\d{2})\s*[–—-]\s*(present|(?:19|20)\d{2})\b", re.IGNORECASE)
_SAID = re.compile(r"(?<=\.)\s+in\s+|\(\s*(?:입사|since|joined)\s+", re.IGNORECASE)


#: Syntax a reader does not see as words, and what the rules leave out on purpose:
#: HTML entities, Obsidian's link brackets, callout markers and closing #tags, a
#: box-drawing bar, a "(19개월)" or "(4년 8개월)" duration (the dates say it), a
#: two-digit year ("’16–’19"), a picture of the site
#: (left out), the Hanja beside a name, "부서/직위" in a table's header or before a colon
#: (two labels), a circled item number ("프로젝트 ①"), a profile site's count of people
#: ("· 500+ connections", left out), an item heading's bracketed number ("### (2) 과제").
_SYNTAX = (
    (re.compile(r"(?:^|\s)(?:←|<-{1,2}|⬅)\s*"), " "),  # the mark of a remark to oneself
    # "**경력**  총 8년 2개월": a job site's total after a section word, derived from the dates
    (re.compile(r"(\*\*|__)\s+\(?총\s*(?:경력\s*)?(?:\d+\s*(?:년|개월)\s*)+\)?\s*$"), r"\1"),
    (re.compile(r"^(#+\s*)\(\d{1,2}\)\s+"), r"\1"),
    (re.compile(r"^[·•\s]*\d[\d,.]*\+?\s*(?:connections|followers)\b.*$", re.I), ""),
    # a profile site's buttons and counts ("· Contact info", "· 14 endorsements", "Endorsed by …")
    (re.compile(r"^\s*endorsed by .*$|\s*·?\s*(?:contact info|\d+\s+endorsements?)\s*$", re.I), ""),
    (re.compile(r"\[\[[^\]|]*\|([^\]]*)\]\]|\[\[([^\]]*)\]\]"), lambda m: m.group(1) or m.group(2)),
    (re.compile(r"^\s*>\s*\[![\w-]+\][+-]?"), ">"),
    (re.compile(r"(?<=\S)(?:\s+#[^\s#\d][^\s#]*)+\s*$"), ""),
    (re.compile(r"[│┃]|%%|^(\s*(?:[-*+]\s+)?[^:`\s][^:`]{0,30})::(?=\s)"), r"\1 "),
    (re.compile(r"\(\s*(?:\d+\s*(?:년|개월)\s*)+\)"), " "),
    (  # "14.03 ~ 15.12": a period of two-digit years, stored as 2014-03, 2015-12
        re.compile(r"(?<![\d.])(\d{2})\.(0[1-9]|1[0-2])(\s*~\s*)(\d{2})\.(0[1-9]|1[0-2])(?![\d.])"),
        lambda m: f"20{m.group(1)}-{m.group(2)}{m.group(3)}20{m.group(4)}-{m.group(5)}",
    ),
    (  # "’16–’19", "('24)": two-digit years, stored as 2016, 2019, 2024
        re.compile(r"(?<!\w)['’‘](\d{2})(?![\d.])"),
        lambda m: ("20" if int(m.group(1)) <= 30 else "19") + m.group(1) + " ",
    ),
    (re.compile(r"!\[[^\]]*\]\((?!https?:)[^)]*\)"), " "),
    (re.compile(r"\s*\([\u4e00-\u9fff\s]+\)"), " "),
    (re.compile(r"[\u2460-\u2473\u2776-\u277f]"), " "),  # "프로젝트 ②": a number, as 2.
    (re.compile(r"^(\s*(?:[-*+]\s+)?\**[^:/*\s]{2,12})/(?=[^:/*\s]{2,12}\**\s*:)"), r"\1 "),
)


def _said(line: str) -> str:
    if "&" in line:
        line = html.unescape(line)
    for pattern, replace in _SYNTAX:
        line = pattern.sub(replace, line)
    if line.lstrip().startswith("|"):
        line = re.sub(r"(?<=\w)/(?=\w)", " ", line)
    line = re.sub(r"^(\*\*|__)\d+[.)]\s+", r"\1", line)
    line = re.sub(r"(?<=\d)\*(?=\(\d)", "", line)
    return _SAID.sub(" ", _YEARS.sub(r" \1 \2 ", line))


def test_glyph_marked_lines_and_a_bare_document_title() -> None:
    """ "# 경력기술서" alone names no job: the jobs are the "■ 회사 (기간) / 직무" lines."""
    plan = plan_of("17-")
    assert plan.outline[0].target == "omit"
    resume = plan.build()
    assert (resume.basics.name, resume.basics.phone) == ("한도윤", "010-1111-2222")
    assert [(j.name, j.position, j.startDate, j.endDate) for j in resume.work] == [
        ("주식회사 바른소프트", "백엔드 개발", "2018-03", "2020-02"),
        ("새봄테크", "웹 개발", "2015-07", "2018-02"),
    ]
    assert resume.work[0].summary == "주문 API 개발"
    project = resume.projects[0]
    assert (project.name, project.entity, project.startDate) == (
        "주문 시스템 개편",
        "바른마트",
        "2019-01",
    )
    assert project.keywords == ["Spring Boot", "MySQL"]


def test_role_first_headings_italic_dates_and_a_season() -> None:
    resume = plan_of("18-").build()
    first, second = resume.work
    assert (first.name, first.position, first.location, first.startDate) == (
        "Cartwell",
        "Software Engineer",
        "Toronto, ON",
        "2021-05",
    )
    assert (second.name, second.position, second.startDate) == ("Birch Clinic", "Intern", None)
    assert second.date_text("startDate") == "Summer 2020", "printed as written"
    degree = resume.education[0]
    assert (degree.institution, degree.studyType, degree.endDate) == (
        "University of Waterloo",
        "BASc",
        "2021",
    )
    assert resume.basics.profiles[0].network == "LinkedIn"


def test_a_self_introduction_is_sections_of_text_in_order() -> None:
    plan = plan_of("19-")
    assert [n.target for n in plan.outline] == ["custom-text"] * 3, "no title among equals"
    resume = plan.build()
    assert [s.title for s in resume.custom_sections] == [  # the order keeps the numbers
        "성장과정",
        "성격의 장단점",
        "지원동기 및 입사 후 포부",
    ]
    assert resume.layout.sectionOrder == [s.id for s in resume.custom_sections]


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("2018. 06 ~ 2019. 01 (8개월)", "2018-06", "2019-01"),
        ("수행 기간 :  2018. 06 ~ 2019. 01", "2018-06", "2019-01"),
        ("MARCH 2014 — FEBRUARY 2018", "2014-03", "2018-02"),
        ("2010년 3월 ~ 2016년 2월", "2010-03", "2016-02"),
        ("'18.03 ~ '20.02", "2018-03", "2020-02"),
        ("2020-03-01 ~ 2021-02-28", "2020-03-01", "2021-02-28"),
        ("2018.03~재직중", "2018-03", None),
        ("(2023.01 ~ )", "2023-01", None),
        ("Sept 2017 to June 2019", "2017-09", "2019-06"),
        ("2024-05 — Keynote, Galway", None, None),
    ],
)
def test_periods_as_people_write_them(written: str, start: str | None, end: str | None) -> None:
    from cveditor.io.md_dates import find_period

    assert find_period(written)[:2] == (start, end)


# --- the everyday variations (#11, second round) ------------------------------------------


def test_tables_under_section_headings_become_items() -> None:
    """A job's project table, a certificate table with full dates, a skills table."""
    resume = plan_of("20-").build()
    (job,) = resume.work
    assert (job.name, job.position, job.startDate) == (
        "주식회사 누리랩",
        "백엔드 개발자",
        "2019-03",
    )
    assert not job.summary, "the table is read, not kept as text"
    first, second = job.cv.projects
    assert (first.name, first.startDate, first.endDate, first.role) == (
        "정산 플랫폼 개편",
        "2020-01",
        "2020-12",
        "리드",
    )
    assert first.techStack == ["Kotlin", "Kafka"]
    assert first.highlights == ["정산 시간 40% 단축"]
    assert (second.name, second.techStack) == ("알림 서버 구축", ["Go"])
    assert [(c.name, c.issuer, c.date) for c in resume.certificates] == [
        ("정보처리기사", "한국산업인력공단", "2019-06-21"),
        ("SQLD", "한국데이터산업진흥원", "2020-09-11"),
    ]
    assert [(s.name, s.level, s.keywords) for s in resume.skills] == [
        ("Kotlin", "상", ["실무 4년"]),
        ("Kubernetes", "중", ["운영 경험"]),
    ]
    assert resume.custom_sections == []


def test_a_table_whose_header_names_fields_under_any_heading() -> None:
    resume = plan_of("21-").build()
    assert [(p.name, p.description, p.keywords, p.url) for p in resume.projects] == [
        (
            "tidepool",
            "A tiny job queue for SQLite",
            ["Rust", "SQLite"],
            "https://github.com/example/tidepool",
        ),
        ("mapleaf", "Offline maps for hikers", ["Kotlin"], "https://mapleaf.example.org"),
    ]
    assert resume.layout.sectionTitles["projects"] == "Side Work"
    assert [(x.language, x.fluency) for x in resume.languages] == [
        ("English", "Native"),
        ("Spanish", "Conversational"),
    ]
    (degree,) = resume.education
    assert (degree.institution, degree.startDate, degree.endDate) == (
        "Lakeshore University",
        "2012",
        "2016",
    )
    assert resume.work == [] and resume.custom_sections == []


def test_dates_in_their_everyday_forms() -> None:
    resume = plan_of("22-").build()
    assert [(j.name, j.position, j.startDate, j.endDate) for j in resume.work] == [
        ("바람소프트", "프론트엔드 개발", "2019-03", "2021-02"),  # '19.03 ~ '21.02 : …
        ("새벽데이터", "데이터 엔지니어", "2022-04", None),  # 2022년 4월 → 현재 : …
        ("Orbitwave · Full-time", "Staff Engineer", "2020-01", None),  # LinkedIn lines
        ("Lumen Labs", "Engineer", "2016-06", "2019-12"),  # 06/2016 - 12/2019
    ]
    assert resume.work[2].location == "Berlin, Germany"
    assert [(c.name, c.date) for c in resume.certificates] == [
        ("정보보안기사", "2018-08"),  # ('18.08 취득)
        ("리눅스마스터 1급", "2019-05"),  # 2019년 5월 : …
        ("AWS Certified Solutions Architect", "2023-06"),  # Issued Jun 2023 · Expires …
    ]
    assert resume.certificates[2].issuer == "Amazon Web Services · Expires Jun 2026"
    (award,) = resume.awards
    assert (award.title, award.awarder, award.date) == (
        "Best Paper Award",
        "Data Systems Forum",
        "2022-03",
    )


def test_job_headers_spread_over_lines() -> None:
    resume = plan_of("23-").build()
    assert [(j.name, j.position, j.location, j.startDate, j.endDate) for j in resume.work] == [
        ("Fernhill Studio", "Senior Designer", "", "2021-05", None),  # roles of one company
        ("Fernhill Studio", "Designer", "", "2018-03", "2021-04"),
        ("Brightside Agency", "Junior Designer", "Chicago", "2015", "2018"),  # *role* line
        ("Copperleaf", "Product Designer", "", "2014", "2015"),  # "Role, Company (dates)"
        ("Halcyon Health", "UX Intern", "", "2013", "2014"),
    ]
    assert [j.highlights for j in resume.work][2:] == [
        ["Made brand kits for clients"],
        ["Designed onboarding flows"],
        ["Ran usability tests"],
    ]


def test_a_parenthesis_after_a_bold_company_is_a_note_not_a_swap() -> None:
    resume = plan_of("24-").build()
    assert [(j.name, j.position, j.startDate) for j in resume.work] == [
        ("(주)코드웨이브 (인턴)", "웹 개발", "2018-03"),
        ("별빛커머스 (정규직)", "백엔드 개발", "2021-07"),
    ]


def test_contact_lines_with_other_separators_and_emoji() -> None:
    basics = plan_of("25-").build().basics
    assert (basics.name, basics.phone, basics.email, basics.url) == (
        "강하늘",
        "010-3333-4444",
        "sky.kang@example.com",
        "https://sky.example.dev",
    )
    assert basics.location.city == "서울 마포구", "a town is printed; a street would not be"
    assert [p.url for p in basics.profiles] == ["https://github.com/skykang"]
    assert basics.summary == ""


def test_a_section_word_and_a_colon_names_a_project_and_head_nouns_decide() -> None:
    plan = plan_of("26-")
    resume = plan.build()
    (job,) = resume.work
    assert [p.name for p in job.cv.projects] == ["Workflow Builder", "주문 알림 개편"]
    assert resume.projects == [] and resume.education == [] and resume.skills == []
    training, blog = resume.custom_sections
    assert (training.title, training.kind) == ("교육 이수", "dated")
    assert training.entries[0].date == "2022-03"
    assert (blog.title, blog.kind, len(blog.items)) == ("기술 블로그", "list", 2)


def test_label_lines_of_a_review_name_the_job_and_the_reviewer_is_private() -> None:
    resume = plan_of("27-").build()
    (job,) = resume.work
    assert (job.name, job.position) == ("Kestrel Labs", "Senior Backend Engineer")
    assert job.description == "Growth Platform", "the team of that employer"
    assert resume.basics.summary == "", "the review's title names the document"
    kinds = {s.title: s.kind for s in resume.custom_sections}
    assert kinds == {
        "Reviewer": "notes",
        "Highlights": "list",
        "Strengths": "notes",
        "Areas to grow": "notes",
        "Goals for next period": "list",  # printable, as a section of its own
    }
    text = json.dumps(saved(printed_resume(resume)), ensure_ascii=False)
    assert "J. Park" not in text and "Delegate" not in text and "Clear written" not in text


def test_private_by_meaning_wherever_it_is() -> None:
    resume = plan_of("28-").build()
    (job,) = resume.work
    assert job.highlights == ["결제 API 개발"], "퇴사 사유 and 피드백 left the job"
    kinds = {s.title: s.kind for s in resume.custom_sections}
    assert kinds == {"퇴사 사유": "notes", "희망 연봉": "notes", "목표": "list", "강점": "notes"}
    printed = json.dumps(saved(printed_resume(resume)), ensure_ascii=False)
    for private in ("새로운 도메인", "꼼꼼함", "6,000만", "발표 긴장", "문서화가"):
        assert private not in printed
        assert private in json.dumps(saved(resume), ensure_ascii=False), "kept, privately"


def test_text_hygiene_escapes_wrappers_properties_and_a_last_picture() -> None:
    plan = plan_of("29-")
    resume = plan.build()
    assert (resume.basics.name, resume.basics.phone) == ("임채원", "+82 10-5555-6666")
    assert resume.basics.summary == "", "Notion's Created/Tags lines are left out"
    (job,) = resume.work
    assert job.name == "한빛 R&D 센터"
    assert job.highlights == ["데이터 수집/정제 파이프라인 구축", "사내 툴 개선 - 배포 시간 단축"]
    assert "<" not in job.summary and "사내 해커톤 3회 수상" in job.summary
    (award,) = resume.awards
    assert (award.title, award.awarder, award.date) == ("Korea UX Award – Gold", "", "2021")
    (degree,) = resume.education
    assert (degree.institution, degree.studyType, degree.area) == (
        "Seoul Tech",
        "Bachelor of Science",
        "Computer Science",
    )
    assert degree.courses == [], "the stats card at the end is no course"
    assert plan.nodes()[-1].target == "omit"


@pytest.mark.parametrize(("prefix", "name"), [("30-", "Jane Kim"), ("31-", "서하린")])
def test_a_name_in_a_first_bold_paragraph(prefix: str, name: str) -> None:
    resume = plan_of(prefix).build()
    assert resume.basics.name == name
    assert resume.work[0].startDate is not None


def test_a_project_table_of_a_review_belongs_to_the_job_its_labels_name() -> None:
    resume = plan_of("32-").build()
    (job,) = resume.work
    assert (job.name, job.position) == ("하늘페이", "백엔드 개발")
    (project,) = job.cv.projects
    assert (project.name, project.startDate, project.endDate, project.role) == (
        "정산 자동화",
        "2023-01",
        "2023-06",
        "리드",
    )
    assert project.highlights == ["수작업 0건"]
    assert resume.basics.summary == "", "2023 성과 리뷰 names the document"


def test_roles_as_bullets_lazy_item_lines_dated_bullets_and_goals_of_a_job() -> None:
    resume = plan_of("33-").build()
    basics = resume.basics
    assert (basics.name, basics.email) == ("Lee Park", "lee.park@example.com")
    assert [p.url for p in basics.profiles] == ["https://github.com/leepark"]
    assert "📧" not in basics.summary and "github" not in basics.summary
    assert [(j.name, j.position, j.startDate, j.endDate) for j in resume.work] == [
        ("Acme Corp", "Senior Engineer", "2020", None),
        ("Acme Corp", "Engineer", "2018", "2020"),
        ("Foo Labs", "Software Engineer", "2016", "2018"),
        ("Bar Inc", "Intern", "2015", "2016"),  # a lazy line under a bullet opens a job
        ("Kestrel", "Backend Engineer", "2012-01", "2015-06"),
    ]
    assert [j.highlights for j in resume.work[:4]] == [
        ["Owned billing"],
        ["Built invoices"],
        ["Led payments"],
        ["Wrote tests"],
    ]
    kestrel = resume.work[4]
    assert [(p.name, p.startDate, p.endDate) for p in kestrel.cv.projects] == [
        ("Search rewrite", "2013-03", "2014-02")
    ]
    assert kestrel.highlights == [], "a goal is no highlight of the job"
    (goals,) = resume.custom_sections
    assert (goals.kind, goals.items) == ("list", ["Goal: learn Rust"])


def test_certificate_lines_with_an_issue_date_anywhere() -> None:
    resume = plan_of("34-").build()
    assert [(c.name, c.issuer, c.date) for c in resume.certificates] == [
        ("AWS Certified Developer", "Amazon Web Services · Expires Jun 2026", "2023-06"),
        ("CKA", "CNCF", "2021-03"),
        ("정보처리기사", "한국산업인력공단", "2019-05"),
    ]


@pytest.mark.parametrize("prefix", ["35-", "36-"])
def test_a_table_of_items_in_a_text_section_or_before_any(prefix: str) -> None:
    resume = plan_of(prefix).build()
    assert [(c.name, c.issuer, c.date) for c in resume.certificates] == [
        ("정보처리기사", "한국산업인력공단", "2019-06-21")
    ]
    assert "|" not in resume.basics.summary
    if prefix == "36-":
        assert [(s.name, s.level) for s in resume.skills] == [("Go", "상")]


@pytest.mark.parametrize(
    ("line", "private"),
    [
        ("- 희망 연봉: 6,000만 원", True),
        ("**Reason for leaving:** relocation", True),
        ("- Expected salary: $120k", True),
        ("**Manager:** S. Lee", True),
        ("- 팀장 피드백: 꼼꼼함", True),
        ("- 고객 피드백: 반영해 전환율 12% 개선", False),  # an achievement, not a review
        ("- Product Manager: Jane", False),
        ("- 결제 API 개발", False),
    ],
)
def test_private_labels_by_meaning(line: str, private: bool) -> None:
    from cveditor.io.md_private import private_label

    assert private_label(line.removeprefix("- ")) is private


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("R\\&D", "R&D"),
        ("\\+82 10-1234-5678", "+82 10-1234-5678"),
        ("\\- not a list", "\\- not a list"),  # at a line's start it keeps the list away
        ("a \\- b", "a - b"),
        ("<b>bold</b> in a line", "<b>bold</b> in a line"),  # inline HTML is the author's
        ('<p align="center">', ""),
        ("<b>임채원</b>", "**임채원**"),
    ],
)
def test_text_hygiene_line_by_line(written: str, read: str) -> None:
    from cveditor.io.md_hygiene import clean_line

    assert clean_line(written) == read


def test_project_headings_with_a_colon_a_field_table_and_private_parts_of_a_job() -> None:
    """A 경력기술서: "### 프로젝트: …" projects (one with its fields as a one-row table),
    then 퇴사 사유 and 면접 예상 질문, private."""
    resume = plan_of("37-").build()
    (job,) = resume.work
    assert (job.name, job.startDate, job.endDate) == ("(주)누리페이", "2019-03", "2023-08")
    first, second = job.cv.projects
    assert (first.name, first.role, first.techStack) == (
        "간편결제 리뉴얼",
        "백엔드 리드",
        ["Kotlin", "Spring Boot", "Redis"],
    )
    assert (second.name, second.startDate, second.endDate, second.role, second.techStack) == (
        "정산 배치 재작성",
        "2022-02",
        "2022-07",
        "개발",
        ["Spring Batch"],
    )
    assert {s.title: s.kind for s in resume.custom_sections} == {
        "퇴사 사유": "notes",
        "면접 예상 질문": "notes",
    }


def test_a_bold_company_line_over_its_italic_dates_and_place() -> None:
    resume = plan_of("38-").build()
    assert (resume.basics.name, resume.basics.phone) == ("Jordan Lee", "(555) 123-4567")
    assert [(j.name, j.position, j.location, j.startDate, j.endDate) for j in resume.work] == [
        ("Lumen Health", "Senior Product Designer", "San Francisco, CA", "2021-03", None),
        ("Brightpath", "Product Designer", "", "2018-06", "2021-02"),
    ]
    (degree,) = resume.education
    assert (degree.institution, degree.studyType, degree.area, degree.endDate) == (
        "Rhode Island School of Design",
        "BFA",
        "Graphic Design",
        "2018",
    )
    assert [(c.name, c.date) for c in resume.certificates] == [
        ("Google UX Design Certificate (Coursera)", "2020-08")
    ]


# --- shapes with an expected structure (scored as the corpus is) ------------------------

SCORED = [p for p in SHAPES if p.with_suffix(".expected.json").exists()]


@pytest.mark.parametrize("path", SCORED, ids=lambda p: p.name)
def test_a_shape_lands_where_its_expected_file_says(path: Path, qapp) -> None:
    """Every line in its field, every date, nothing lost or leaked, name and order (the
    exports need an application: pytest-qt's, so that widget tests may follow)."""
    from . import import_score as s

    score = s.score_document(path)
    assert not score.error, score.error
    assert score.wrong_field == [], score.wrong_field
    assert score.dates_found == score.dates_expected, score.missing_dates
    assert not (score.lost or score.private_leaks or score.raw_markup or score.model_problems)
    assert score.name_ok, (score.name_found, score.name_expected)
    assert score.order_ok, (score.order_found, score.order_expected)


def _imported(prefix: str) -> Resume:
    path = shape(prefix)
    return markdown_to_resume(path.read_text(encoding="utf-8"), path.name)


def test_bold_labels_under_a_job_heading_are_the_jobs_own() -> None:
    job = _imported("39-").work[0]
    assert (job.name, job.position) == ("누리페이", "시니어 엔지니어 (파트 리드, 팀원 5명)")
    assert job.projects == [], "**성과** over bullets is no project"
    assert "장애 건수 연 14건 → 3건" in job.highlights
    assert "사용 기술: Java 17, Spring Boot, AWS (ECS, Aurora), Kafka" in job.highlights


def test_a_list_is_never_cut_inside_brackets() -> None:
    from cveditor.io.md_split import split_outside

    assert split_outside("Java 17, AWS (ECS, Aurora), R", r",") == [
        "Java 17",
        "AWS (ECS, Aurora)",
        "R",
    ]
    skills = _imported("42-").skills
    assert skills[0].keywords == ["SQL", "Python (pandas, statsmodels)", "R"]


def test_a_review_names_its_job_and_its_projects_are_the_jobs() -> None:
    resume = _imported("40-")
    assert resume.basics.name == "최민아" and resume.projects == []
    job = resume.work[0]
    assert (job.position, job.startDate) == ("데이터 엔지니어", "2021-09")
    first = job.projects[0]
    assert (first.name, first.startDate, first.endDate) == (
        "주문 이벤트 스트리밍 전환",
        "2025-02",
        "2025-08",
    )
    assert (first.role, first.team) == (
        "파이프라인 설계 및 구현 리드",
        "데이터 엔지니어 3명, 백엔드 1명",
    )
    assert first.techStack == ["Kafka", "Flink", "Iceberg"]


def test_jobs_as_a_nested_list_are_one_job_each_and_the_leave_reason_is_private() -> None:
    resume = _imported("41-")
    assert [j.name for j in resume.work] == ["주식회사 바른물류", "한울유통 주식회사"]
    assert all(j.projects == [] for j in resume.work)
    printed = printed_resume(resume)
    assert "야간 교대" not in json.dumps(saved(printed), ensure_ascii=False)
    notes = [s for s in resume.custom_sections if s.kind == "notes"]
    assert "야간 교대" in json.dumps(saved(resume)["x-cveditor"]["sections"], ensure_ascii=False)
    assert notes


def test_english_role_lines_department_and_campus() -> None:
    resume = _imported("42-")
    rows = [(j.position, j.name, j.location, j.startDate, j.endDate) for j in resume.work]
    assert rows == [
        ("Senior Data Analyst", "Brightwell Health", "Chicago, IL", "2022", None),
        ("Data Analyst", "Lakeshore Insurance", "Evanston, IL", "2018", "2022"),
        ("Assistant Professor", "University of Northbrook", "", "2020", None),
    ]
    assert resume.work[2].description == "Department of Linguistics"
    school = resume.education[0]
    assert (school.studyType, school.area, school.institution, school.endDate) == (
        "B.S.",
        "Statistics",
        "University of Illinois at Chicago",
        "2017",
    )


def test_apa_citations_are_one_publication_each() -> None:
    found = [(p.name, p.publisher, p.releaseDate, p.url) for p in _imported("43-").publications]
    assert found[1] == (
        "Vowel drift in coastal dialects",
        "Language Variation Review",
        "2021",
        "https://doi.org/10.1234/lvr.2021.055",
    )
    assert len(found) == 3 and found[2][1] == "Proceedings of the Northern Speech Workshop"


def test_an_applicants_lines_give_name_and_headline() -> None:
    basics = _imported("44-").basics
    assert (basics.name, basics.label, basics.summary) == ("이도윤", "생산기술 (품질관리)", "")


def test_a_cover_letter_marked_not_for_print_is_private() -> None:
    resume = _imported("45-")
    assert resume.basics.name == "Tobias Rennick"
    assert all(s.kind == "notes" for s in resume.custom_sections)
    printed = json.dumps(saved(printed_resume(resume)), ensure_ascii=False)
    assert "Dear hiring team" not in printed and "Dana" not in printed


def test_readme_badges_and_linked_project_headings() -> None:
    resume = _imported("46-")
    assert "shields" not in json.dumps(saved(resume)) and resume.basics.summary.startswith("사용자")
    project = resume.projects[0]
    assert (project.name, project.url) == (
        "모아책 — 동네 도서 교환 서비스",
        "https://github.com/jiho-park/moabook",
    )
    assert project.roles == ["개인 프로젝트 (기획·디자인·개발)"]
    assert project.keywords == ["React", "TypeScript", "Supabase"]


def test_a_career_title_over_its_job_heading_is_that_job() -> None:
    resume = _imported("47-")
    assert len(resume.work) == 1
    job = resume.work[0]
    assert (job.name, job.position) == ("한빛소프트", "백엔드 개발자 · 대리")
    assert "경력기술서" not in json.dumps(saved(printed_resume(resume)), ensure_ascii=False)
    assert not any(h.startswith(("직위", "기간")) for h in job.highlights)
    table = next(s for s in resume.custom_sections if s.kind == "table")
    assert table.header == ["지표", "이전", "이후"]


# --- shapes 48–56 and the extras of the same round -------------------------------------


def test_career_tables_projects_go_to_the_employer_their_row_names() -> None:
    """| 회사 | 재직 기간 | … | rows are jobs; | … | 소속 | … | rows are projects of the
    job named; "- 프로젝트명: 결과" under "### 주요 성과" are those projects' highlights."""
    resume = _imported("48-")
    assert resume.projects == []
    first, second = resume.work
    assert [(p.name, p.role, p.summary) for p in first.cv.projects] == [
        ("차세대 여신 시스템 구축", "PM", "고객사: 한빛은행"),
        ("모바일 뱅킹 고도화", "PL", "고객사: 다온저축은행"),
    ]
    assert first.cv.projects[0].highlights == ["심사 처리 시간 3일 → 4시간 단축"]
    assert first.cv.projects[0].fields == [], "(19개월): the dates say it"
    assert [p.name for p in second.cv.projects] == ["전자민원 통합 포털"]


def test_a_korean_resume_form_of_tables() -> None:
    resume = _imported("49-")
    basics = resume.basics
    assert (basics.name, basics.label, basics.phone) == ("문지호", "품질관리", "010-3392-7716")
    assert basics.location.address == "경기도 수원시 영통구"
    job = resume.work[0]
    assert (job.name, job.position, job.description) == ("대성정밀(주)", "대리", "품질보증팀")
    assert [(c.name, c.issuer) for c in resume.certificates] == [
        ("품질경영기사", "한국산업인력공단")
    ]
    printed = json.dumps(saved(printed_resume(resume)), ensure_ascii=False)
    for private in ("1991.08.14", "문정수", "5,200만", "사실과 틀림이 없습니다", "(인)"):
        assert private not in printed
    assert "사실과 틀림" not in json.dumps(saved(resume), ensure_ascii=False), "left out"


def test_a_resume_laid_out_as_one_two_column_table() -> None:
    resume = _imported("50-")
    assert (resume.basics.name, resume.basics.label) == (
        "Folake Adeyemi",
        "Senior Clinical Data Manager",
    )
    job = resume.work[0]
    assert (job.position, job.name, job.startDate) == (
        "Senior Clinical Data Manager",
        "Halden Pharma Services (CRO)",
        "2019",
    )
    assert job.highlights[-1] == "Mentored five junior data managers", "a continuation row"
    assert [(s.name, s.keywords) for s in resume.skills][1] == (
        "Standards",
        ["CDISC SDTM", "CDASH"],
    )
    assert [(x.language, x.fluency) for x in resume.languages] == [
        ("English", "fluent"),
        ("Yoruba", "native"),
    ]


def test_an_obsidian_note() -> None:
    resume = _imported("51-")
    assert (resume.basics.name, resume.basics.location.city) == ("한소율", "서울 마포구")
    assert resume.basics.summary.startswith("배치와 스트리밍"), "no callout marker"
    job = resume.work[0]
    assert (job.name, job.description, job.position) == (
        "모아커머스",
        "데이터플랫폼팀",
        "데이터 엔지니어",
    )
    assert (
        job.highlights[0]
        == "Airflow 기반 배치 파이프라인 40여 개를 카프카 커넥트 스트리밍으로 전환"
    )
    printed = json.dumps(saved(printed_resume(resume)), ensure_ascii=False)
    assert "7천" not in printed and "전환 비용" not in printed


def test_a_freelancers_projects_one_per_heading() -> None:
    resume = _imported("52-")
    assert [(p.name, p.entity, p.startDate) for p in resume.projects] == [
        ("간편 송금 앱 리뉴얼", "핀테크 스타트업 (NDA)", "2024-05"),
        ("복약 알림 앱 신규 개발", "헬스케어 스타트업", "2023-09"),
    ]
    assert resume.projects[0].roles == ["iOS 리드 개발"]
    basics = resume.basics
    assert (basics.email, basics.url) == ("minho.jung@example.com", "https://minho.example.dev")


def test_pandoc_title_block_and_definition_lists() -> None:
    resume = _imported("53-")
    assert resume.basics.name == "Amara Okonkwo"
    rows = [(j.name, j.location, j.position, j.startDate, j.endDate) for j in resume.work]
    assert rows == [
        ("Brightline Retail", "Manchester", "Senior Data Scientist", "2021-03", None),
        ("Harbor Analytics", "Leeds", "Data Analyst", "2017-07", "2021-02"),
    ]
    skill = resume.skills[0]
    assert (skill.name, skill.keywords) == ("Languages", ["Python", "R", "SQL"])


def test_case_studies_are_projects_where_they_stand() -> None:
    resume = _imported("54-")
    assert (resume.basics.name, resume.basics.label) == ("Noa Whitfield", "Product Designer")
    tally = resume.projects[0]
    assert (tally.name, tally.type, tally.roles, tally.startDate, tally.url) == (
        "Tally budgeting app",
        "Case study",
        ["Lead designer"],
        "2024",
        "https://www.figma.com/proto/abc123/tally",
    )
    assert "tally-hero" not in tally.description, "a picture of the site is left out"
    assert resume.layout.sectionOrder[0] == "projects"


def test_html_inside_markdown_and_details_blocks() -> None:
    resume = _imported("55-")
    assert [(j.name, j.position) for j in resume.work] == [
        ("Corvid Analytics", "Senior Backend Engineer"),
        ("Tidewater Bank", "Backend Engineer"),
        ("Lattice Freight", "Staff Engineer"),
        ("Nimbus Print", "Software Intern"),
        ("Hollow Games", "QA Tester"),
    ]
    assert "omit in toc" not in json.dumps(saved(resume)), "a tool's comment is no note"


def test_a_researchers_cv() -> None:
    resume = _imported("56-")
    paper = resume.publications[1]
    assert (paper.name, paper.publisher, paper.releaseDate) == (
        "Differentially private triage models",
        "IEEE Access",
        "2022",
    )
    degree = resume.education[0]
    assert (degree.institution, degree.area, degree.studyType) == (
        "한국과학기술원",
        "전산학",
        "박사",
    )
    assert len(resume.education) == 2, "지도교수 / 학위논문 are the degree's"
    patents = next(s for s in resume.custom_sections if s.kind == "dated")
    assert [(e.date, e.status, e.number) for e in patents.entries] == [
        ("2022-09", "출원", "10-2022-0123456"),
        ("2023-11", "등록", "10-2456789"),
    ]


def test_a_reviews_period_line_is_plain_text_and_durations_are_no_fields() -> None:
    text = (
        "# 2024 상반기 성과 평가\n\n- **평가 기간**: 2024.01 ~ 2024.06\n- **소속**: 결제플랫폼팀\n"
        "- **직무**: 백엔드 개발\n\n## 주요 프로젝트\n\n### 정산 배치 개선\n\n"
        "- **기간**: 2024.01 ~ 2024.07 (7개월)\n- **역할**: 개발 리드\n"
    )
    resume = markdown_to_resume(text, "review.md")
    assert "**" not in resume.basics.summary and "평가 기간: 2024.01" in resume.basics.summary
    project = resume.work[0].cv.projects[0]
    assert (project.startDate, project.endDate, project.fields) == ("2024-01", "2024-07", [])


def test_a_cover_letter_marked_twice_is_one_notes_section() -> None:
    notes = [s for s in _imported("45-").custom_sections if s.kind == "notes"]
    assert len(notes) == 1 and notes[0].title.startswith("Cover letter")


def test_a_projects_employer_is_found_without_its_legal_form() -> None:
    from cveditor.io.md_attach import _job_named

    jobs = [{"name": "(주)세림정보기술"}, {"name": "한솔데이타"}, {"name": "Kestrel Labs, Inc."}]
    assert _job_named(jobs, "세림정보기술") is jobs[0]
    assert _job_named(jobs, "주식회사 한솔데이타") is jobs[1]
    assert _job_named(jobs, "Kestrel Labs") is jobs[2]
    assert _job_named(jobs, "다온저축은행") is None


def test_a_profile_sites_buttons_and_counts_are_no_words_of_the_resume() -> None:
    resume = plan_of("128-").build()
    text = json.dumps(saved(resume), ensure_ascii=False)
    assert "endorse" not in text.lower() and "Contact info" not in text
    assert [s.name for s in resume.skills] == ["Demand forecasting", "Power BI", "SQL"]
