"""Item lines of a Markdown career document (#11): periods written with two-digit or
shared years, role and employer in either order, dated bullets of a job, skills and
languages split at a dash or a dot, places after a dot, degrees, licences, stars and
links. Each rule is general: several ways of writing the same thing, Korean and English."""

from __future__ import annotations

import json
from typing import Any

import pytest

from cveditor.io import native
from cveditor.io.markdown_import import markdown_to_resume
from cveditor.io.md_custom import unlinked
from cveditor.io.md_dates import find_period
from cveditor.io.md_degrees import DEGREES
from cveditor.io.md_entries import entry_from_line, is_role
from cveditor.io.md_opening import employer_line, pasted_items
from cveditor.io.md_projects import key_line, keyed_parts
from cveditor.io.md_roles import bold_org, dot_place, settle_order
from cveditor.io.md_vocabulary import EMOJI, title_text


def saved(text: str) -> dict[str, Any]:
    """The saved file of a Markdown document, as Save writes it."""
    return json.loads(native.dumps(markdown_to_resume(text, "test.md")))


# --- C: periods -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "rest"),
    [
        ("게임회사 (21.03~)", "2021-03", None, "게임회사"),
        ("게임회사 (21.3 ~)", "2021-03", None, "게임회사"),
        ("게임회사 21.03 –", "2021-03", None, "게임회사"),
        ("게임회사 (21.3~22.11)", "2021-03", "2022-11", "게임회사"),
        ("게임회사 (21.03~현재)", "2021-03", None, "게임회사"),
        ("회사 (2021.03~)", "2021-03", None, "회사"),
        ("Jan–Jun 2025", "2025-01", "2025-06", ""),
        ("Intern, Jan – Jun 2025 · Seoul", "2025-01", "2025-06", "Intern, · Seoul"),
        ("(Sept-Dec 2019)", "2019-09", "2019-12", ""),
        ("3월–8월 2024", "2024-03", "2024-08", ""),
        ("2024년 3월~8월", "2024-03", "2024-08", ""),
        ("2024년 3~8월", "2024-03", "2024-08", ""),
        ("2024. 3.–8.", "2024-03", "2024-08", ""),
        ("TF (2024.3~8)", "2024-03", "2024-08", "TF"),
        ("2018. 06 ~ 2019. 01", "2018-06", "2019-01", ""),
        ("Mar 2019 – Present", "2019-03", None, ""),
        ("’19–’21 · Busan", "2019", "2021", "Busan"),
    ],
)
def test_periods_as_people_write_them(text: str, start: str, end: str | None, rest: str) -> None:
    found = find_period(text)
    assert found[:2] == (start, end)
    assert " ".join(found[2].split()) == rest


@pytest.mark.parametrize(
    "text",
    [
        "GPA 3.5 ~ 4.0",
        "Released v10.1 – v10.4",
        "2024.03.08 발표",
        "improved 12.5 ~ 13%",
        "응답 시간 12.5 ~ 13.5초",
        "latency 10.5 - 11.2 ms",
        "x 22.5 – 19.1",
    ],
)
def test_numbers_that_are_no_period(text: str) -> None:
    assert find_period(text)[0] is None


def test_an_open_two_digit_year_heading_is_a_job() -> None:
    """ "## Company (YY.MM~)": the current job, not a custom section before the others."""
    data = saved(
        "# 경력기술서 - 윤서하\n\n## 별빛게임즈 (22.04~)\n\n*서버 개발자*\n\n"
        "#### 길드 레이드 개편\n\n- 기간 : 23.02~현재\n- 역할 : 매칭 서버 설계\n\n"
        "## 모래성스튜디오 (19.7 ~ 22.3)\n\n*클라이언트 개발자*\n"
    )
    work = data["work"]
    assert [w["name"] for w in work] == ["별빛게임즈", "모래성스튜디오"]
    assert work[0]["startDate"] == "2022-04" and "endDate" not in work[0]
    assert work[0]["x-cveditor"]["projects"][0]["startDate"] == "2023-02"
    assert (work[1]["startDate"], work[1]["endDate"]) == ("2019-07", "2022-03")


def test_a_team_after_the_role_in_an_italic_line_is_the_description() -> None:
    data = saved(
        "# 윤서하\n\n## 경력\n\n### 별빛게임즈 (22.04~)\n\n*서버 개발자 / 라이브서비스팀*\n\n"
        "- 매칭 서버 설계\n\n### Harborline (2019 – 2021)\n\n*Data Engineer / Payments squad*\n\n"
        "### Lumen (2017 – 2019)\n\n*Design / Research*\n"
    )
    work = data["work"]
    assert (work[0]["position"], work[0]["description"]) == ("서버 개발자", "라이브서비스팀")
    assert (work[1]["position"], work[1]["description"]) == ("Data Engineer", "Payments squad")
    assert work[2]["position"] == "Design / Research"


# --- G: role and employer -----------------------------------------------------------------


@pytest.mark.parametrize(
    "role",
    [
        "Registered Nurse",
        "Field Service Technician",
        "Barista",
        "Graduate Trainee",
        "Staff Accountant",
        "Clinical Dietitian",
        "Peer Mentor",
        "Program Coordinator",
        "Technical Writer",
        "Head of Product",
        "간호사",
        "임상 영양사",
        "물리치료사",
        "세무사",
        "행정 사무원",
        "영업사원",
        "소방관",
        "영업부장",
        "사무직",
    ],
)
def test_roles_by_class(role: str) -> None:
    assert is_role(role)


@pytest.mark.parametrize(
    "text",
    [
        "의사결정 지원",
        "요약사항",
        "리더십 경험",
        "실험 기자재 관리",
        "우편 사서함",
        "Chef, Puppet, Ansible",
        "Executive Summary",
        "Dana Cook",
        "회사",
        "Heading",
    ],
)
def test_words_that_name_no_role(text: str) -> None:
    assert not is_role(text)


@pytest.mark.parametrize(
    ("heading", "position", "name", "location"),
    [
        (
            "Wind Turbine Technician @ Northwind Power",
            "Wind Turbine Technician",
            "Northwind Power",
            "Tulsa, OK",
        ),
        ("Line Cook @ Ember Kitchen", "Line Cook", "Ember Kitchen", "Tulsa, OK"),
        ("Barista @ Copper Kettle", "Barista", "Copper Kettle", "Tulsa, OK"),
    ],
)
def test_role_at_org_over_an_italic_date_line(
    heading: str, position: str, name: str, location: str
) -> None:
    """ "### X @ Y" then "_Mon YYYY - Mon YYYY · City_": X the role, the italic the dates."""
    data = saved(
        f"# Rowan Ellery\n\n## Experience\n\n### {heading}\n"
        f"_Mar 2019 - Aug 2022 · {location}_\n\n- Did things\n"
    )
    job = data["work"][0]
    assert (job["position"], job["name"], job["location"]) == (position, name, location)
    assert (job["startDate"], job["endDate"]) == ("2019-03", "2022-08")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Line Cook @ Ember Kitchen, Austin, TX",
            {"position": "Line Cook", "name": "Ember Kitchen", "location": "Austin, TX"},
        ),
        ("간호사 @ 서울바른병원", {"position": "간호사", "name": "서울바른병원"}),
        ("Staff Engineer @ Acme, Inc.", {"position": "Staff Engineer", "name": "Acme, Inc."}),
        (
            "Sous Chef @ Ember · Austin",
            {"position": "Sous Chef", "name": "Ember", "location": "Austin"},
        ),
    ],
)
def test_what_comes_before_an_at_sign_is_the_role(line: str, expected: dict[str, str]) -> None:
    assert entry_from_line(line, "work") == expected


def test_bold_role_dash_company_with_a_bare_city_and_no_body() -> None:
    data = saved(
        "# Mira Castell\n\n## Experience\n\n"
        "**Senior Data Engineer** — Harborline\n*’21–’24 · Porto*\n\n"
        "- Built the pipeline\n\n**Graduate Trainee** — Bellweather Bank\n*’19–’21 · Lisbon*\n\n"
        "## Volunteering\n\n**Mentor** — Code Forward · 2020 – present\n"
    )
    trainee = data["work"][1]
    assert (trainee["position"], trainee["name"], trainee["location"]) == (
        "Graduate Trainee",
        "Bellweather Bank",
        "Lisbon",
    )
    assert (trainee["startDate"], trainee["endDate"]) == ("2019", "2021")
    assert data["work"][0]["location"] == "Porto"
    mentor = data["volunteer"][0]
    assert (mentor["position"], mentor["organization"]) == ("Mentor", "Code Forward")


def test_an_entry_without_role_words_takes_the_order_of_its_section() -> None:
    lines = [
        "**Senior Data Engineer** — Harborline",
        "**Floor Lead** — Maple Diner",
        "**Night Porter** — Grand Hotel Vale",
    ]
    pairs = [(line, entry_from_line(line, "work")) for line in lines]
    settle_order(pairs, "work")
    assert [(e["position"], e["name"]) for _line, e in pairs] == [
        ("Senior Data Engineer", "Harborline"),
        ("Floor Lead", "Maple Diner"),
        ("Night Porter", "Grand Hotel Vale"),
    ]


def test_the_order_of_a_section_that_writes_the_employer_first_is_kept() -> None:
    lines = ["Harborline — Senior Data Engineer", "Grand Hotel Vale — Night Porter"]
    pairs = [(line, entry_from_line(line, "work")) for line in lines]
    settle_order(pairs, "work")
    assert pairs[1][1]["name"] == "Grand Hotel Vale"


# --- H: dated bullets in a job --------------------------------------------------------------


def test_dated_bullets_are_projects_only_when_they_say_so() -> None:
    data = saved(
        "# 김하늘\n\n## 경력\n\n### 한빛물류 (2016.03 ~ 2022.02)\n\n"
        "- 입출고 관리 담당\n  - 부산 물류센터 파견 근무 (2018.03 ~ 2018.12)\n"
        "- 창고 관리 시스템 구축 프로젝트 (2019.04 ~ 2019.10): 바코드 도입, 정확도 99%\n"
        "* 물류 자동화 TF (2020.01 ~ 2020.06)\n  - 분류기 도입 검토\n"
        "- 연간 운송비 12% 절감 (2019–2021)\n"
        "- **반품 센터 통합** (2015.01 ~ 2015.09)\n"
    )
    job = data["work"][0]
    names = [p["name"] for p in job["x-cveditor"]["projects"]]
    assert names == ["창고 관리 시스템 구축 프로젝트", "물류 자동화 TF", "반품 센터 통합"]
    assert job["x-cveditor"]["projects"][0]["summary"] == "바코드 도입, 정확도 99%"
    assert "연간 운송비 12% 절감 (2019–2021)" in job["highlights"]
    assert "부산 물류센터 파견 근무 (2018.03 ~ 2018.12)" in job["highlights"]


def test_an_english_achievement_with_a_year_range_stays_a_highlight() -> None:
    data = saved(
        "# Priya N\n\n## Experience\n\n### Ledgerly — Staff Accountant (2017 – 2021)\n\n"
        "- Closed the books two days faster (2019–2021)\n"
        "- Payroll migration project (2020.01 ~ 2020.05)\n"
    )
    job = data["work"][0]
    assert job["highlights"] == ["Closed the books two days faster (2019–2021)"]
    assert job["x-cveditor"]["projects"][0]["name"] == "Payroll migration project"


# --- I: skills and languages ----------------------------------------------------------------


def test_a_dash_names_a_list_of_skills() -> None:
    data = saved(
        "# Noa Berg\n\n## Skills\n\n- Accounting — IFRS, GAAP, consolidation (group), audit prep\n"
        "- Tools | NetSuite, SAP, Workday\n- 회계 – 결산, 세무 신고, 원가 계산\n"
        "- Go, PostgreSQL, Kubernetes\n"
    )
    skills = data["skills"]
    assert [s["name"] for s in skills] == ["Accounting", "Tools", "회계", ""]
    assert skills[0]["keywords"] == ["IFRS", "GAAP", "consolidation (group)", "audit prep"]


def test_a_fluency_after_a_dot_is_the_level() -> None:
    data = saved(
        "# Noa Berg\n\n## Languages\n\n- Swedish · Native\n- English · Full professional\n"
        "- German · B1\n- 영어 · 비즈니스 회화\n- French (B2), Spanish (A2)\n- Korean · Japanese\n"
    )
    pairs = [(x["language"], x.get("fluency")) for x in data["languages"]]
    assert pairs == [
        ("Swedish", "Native"),
        ("English", "Full professional"),
        ("German", "B1"),
        ("영어", "비즈니스 회화"),
        ("French", "B2"),
        ("Spanish", "A2"),
        ("Korean", None),
        ("Japanese", None),
    ]


# --- J: places ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "rest", "place"),
    [
        ("’19–’21 · Lisbon", "Lisbon", True),
        ("Jan 2020 – Present · Porto Alegre", "Porto Alegre", True),
        ("2019 – 2021 · Senior Engineer", "Senior Engineer", False),
        ("2019 – 2021 · 3 yrs", "3 yrs", False),
        ("2019 – 2021, Lisbon", "Lisbon", False),
    ],
)
def test_the_piece_after_a_dot_on_a_date_line_is_the_place(
    line: str, rest: str, place: bool
) -> None:
    assert dot_place(line, rest) is place


def test_bold_employer_then_city_then_role() -> None:
    entry: dict[str, Any] = {}
    assert bold_org(entry, "**Riverside Academy**, Leeds — Science Teacher (contract)")
    assert entry == {
        "name": "Riverside Academy",
        "location": "Leeds",
        "position": "Science Teacher (contract)",
    }
    assert not bold_org({}, "**Senior Analyst**, Brightwell — Chicago, IL")
    entry = {}
    assert bold_org(entry, "**Acme**, Senior Engineer — Denver, CO")
    assert entry == {"name": "Acme", "location": "Denver, CO", "position": "Senior Engineer"}


def test_a_firm_named_by_its_people_is_the_employer() -> None:
    """ "Consultants", "Associates" name a firm, though they are role words."""
    entry = entry_from_line("**Staff Geologist**, Mesa Earth Consultants — Phoenix, AZ", "work")
    assert entry == {
        "position": "Staff Geologist",
        "name": "Mesa Earth Consultants",
        "location": "Phoenix, AZ",
    }


# --- K: degrees, licences, stars, links ---------------------------------------------------


@pytest.mark.parametrize(
    "word", ["M.Ed.", "B.Ed.", "Ed.D.", "M.P.H.", "M.S.W.", "LL.M.", "MEd", "B.S.", "M.A."]
)
def test_degrees_with_inner_periods(word: str) -> None:
    assert DEGREES.fullmatch(word)


def test_a_degree_abbreviation_is_the_study_type() -> None:
    entry = entry_from_line("M.Ed. Curriculum Studies, University of Leeds, 2019", "education")
    assert entry["studyType"] == "M.Ed."
    assert entry["area"] == "Curriculum Studies"
    assert entry["institution"] == "University of Leeds"


@pytest.mark.parametrize(
    "line",
    [
        "Qualified Teacher Status, Physics 11–16",
        "Teaching Licence, Grades 1-6",
        "정교사 2급, 중등 과목",
    ],
)
def test_a_licence_scope_is_no_issuer(line: str) -> None:
    entry = entry_from_line(line, "certificates")
    assert "issuer" not in entry
    assert entry["name"] == line


def test_an_issuer_after_a_comma_stays() -> None:
    entry = entry_from_line("First Aid at Work, St John Ambulance (2020)", "certificates")
    assert (entry["name"], entry["issuer"], entry["date"]) == (
        "First Aid at Work",
        "St John Ambulance",
        "2020",
    )


def test_stars_in_running_text_are_kept() -> None:
    assert not EMOJI.search("(1.2k★)") and not EMOJI.search("(★ 340)")
    assert title_text("★ 경력 ★") == "경력"  # decoration of a heading goes
    assert title_text("🚀 Launch") == "Launch"
    data = saved(
        "# 박준호\n\n## 오픈소스\n\n- **quickgrid** — 표 위젯 (1.2k★), 세 곳에서 사용\n\n"
        "## 기술\n\n- SQL ★★★★☆\n"
    )
    assert "(1.2k★)" in data["projects"][0]["description"]
    assert data["skills"][0] == {"name": "SQL", "level": "4/5"}


def test_links_in_a_custom_list_read_as_their_text() -> None:
    assert unlinked("사내 스터디 ([발표 자료](https://example.com/s))") == (
        "사내 스터디 (발표 자료) — https://example.com/s"
    )
    assert unlinked("[notes](../notes.md) kept") == "notes kept"
    assert unlinked("plain") == "plain"


@pytest.mark.parametrize(
    ("line", "end", "area"),
    [
        ("새솔대학교 물류학과 (2027.02 졸업예정)", "2027-02", "물류학과 (졸업예정)"),
        ("University of Leeds, BSc Physics (expected 2026)", "2026", "Physics (expected)"),
        ("한국대학교 경영학과 (2020.02 졸업)", "2020-02", "경영학과"),
    ],
)
def test_a_graduation_to_come_is_the_end_and_says_so(line: str, end: str, area: str) -> None:
    entry = entry_from_line(line, "education")
    assert (entry["endDate"], entry["area"]) == (end, area)


# --- held-out shapes 7/8: pasted openings, key forms, citations, degrees ---------------


@pytest.mark.parametrize(
    ("text", "start", "end", "rest"),
    [
        ("Role | Mar '19 – Jun '21 (2년)", "2019-03", "2021-06", "Role | (2년)"),
        ("Role (part-time), since 2020", "2020", None, "Role (part-time)"),
        ("Advisor · Since Mar 2021", "2021-03", None, "Advisor"),
        ("I have lived here since 2019.", None, None, "I have lived here since 2019."),
    ],
)
def test_apostrophe_years_before_a_duration_and_since(
    text: str, start: str | None, end: str | None, rest: str
) -> None:
    found = find_period(text)
    assert found[:2] == (start, end)
    assert " ".join(found[2].split()) == rest


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("직급/직책 - 과장 / 파트장", ("직급/직책", "과장 / 파트장", "position")),
        ("기간) 2021.03 ~ 2021.09", ("기간", "2021.03 ~ 2021.09", "period")),
        ("[성과]", ("성과", "", "highlights")),
        ("◦ 역할 - 백엔드 개발", ("역할", "백엔드 개발", "role")),
        ("Payments - led the rewrite", None),
    ],
)
def test_key_lines_without_a_colon(text: str, key: tuple[str, str, str] | None) -> None:
    assert key_line(text) == key


def test_slashed_key_pairs_on_one_line() -> None:
    assert keyed_parts("기간) 2021.03 ~ 2021.09 / 역할) 설계") == [
        ("기간", "2021.03 ~ 2021.09", "period"),
        ("역할", "설계", "role"),
    ]
    assert keyed_parts("직책 - 과장 / 파트장") == [("직책", "과장 / 파트장", "position")]


def test_a_pasted_profile_paragraph_is_one_job_per_role() -> None:
    lines = [
        "Brightlane Logistics",
        "Full-time · 5 yrs 2 mos",
        "Data Engineer",
        "Jun 2018 - Feb 2021 · 2 yrs 9 mos",
        "Boulder, Colorado, United States",
        "Moved the batch jobs.",
        "Data Analyst",
        "Jan 2016 - May 2018 · 2 yrs 5 mos",
    ]
    parts = pasted_items(lines, "work")
    assert parts is not None
    assert [(p[0][0], p[1], p[2]) for p in parts] == [
        ("Data Engineer", "Brightlane Logistics", "Full-time"),
        ("Data Analyst", "Brightlane Logistics", "Full-time"),
    ]
    assert pasted_items(["2019.03 ~ 현재  회사", "담당 업무"], "work") is None  # dated first line
    assert employer_line("Corvala · Full-time") == ("Corvala", "Full-time")


def test_employer_city_over_an_italic_role_with_slash_dates() -> None:
    work = saved(
        "## Experience\n\nMiami Valley Family Services, Dayton, OH\n"
        "*Clinical Social Worker – Family Therapy* | 03/2021 – present\n"
        "• Carry a caseload of thirty families.\n\n"
        "Greene County Hospital, Xenia, OH\n*Medical Social Worker* | 06/2017 – 02/2021\n"
        "• Planned discharges.\n"
    )["work"]
    assert [(j["name"], j["position"], j["location"], j["startDate"]) for j in work] == [
        (
            "Miami Valley Family Services",
            "Clinical Social Worker – Family Therapy",
            "Dayton, OH",
            "2021-03",
        ),
        ("Greene County Hospital", "Medical Social Worker", "Xenia, OH", "2017-06"),
    ]


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (
            "*The Salt Roads*, by Amaka Eze. Lagos: Harbour Press, 2019.",
            {"name": "The Salt Roads", "publisher": "Harbour Press", "releaseDate": "2019"},
        ),
        (
            'Okafor, Ruth. "Rivers." *Coastal Letters* 12, no. 3 (2020): 45–63.',
            {"name": "Rivers", "publisher": "*Coastal Letters* 12, no. 3 (2020): 45–63"},
        ),
    ],
)
def test_book_and_notes_citations(text: str, fields: dict[str, str]) -> None:
    entry = entry_from_line(text, "publications")
    assert {k: entry.get(k) for k in fields} == fields


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (
            "Master of Social Work (MSW), University of Carlow, 2018",
            {"studyType": "Master of Social Work (MSW)", "institution": "University of Carlow"},
        ),
        (
            "서울대학교 영어영문학과 학사 B.A., 2014",
            {"studyType": "학사 B.A.", "area": "영어영문학과"},
        ),
        (
            "**Lakeview College** — B.S. Biology, Marine Ecology · 2016",
            {"area": "Biology, Marine Ecology"},
        ),
        (
            "Ph.D. in History, School of Humanities, University of Leeds, 2022",
            {"institution": "School of Humanities, University of Leeds", "area": "History"},
        ),
        (
            "B.S. in Physics, Univ of Texas at Austin, 2009",
            {"institution": "Univ of Texas at Austin", "area": "Physics"},
        ),
    ],
)
def test_degree_forms(text: str, fields: dict[str, str]) -> None:
    entry = entry_from_line(text, "education")
    assert {k: entry.get(k) for k in fields} == fields


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (
            "정보처리기사 (2018.05, 한국산업인력공단)",
            {"name": "정보처리기사", "date": "2018-05", "issuer": "한국산업인력공단"},
        ),
        (
            "2019.05  물류관리사  한국산업인력공단",
            {"name": "물류관리사", "date": "2019-05", "issuer": "한국산업인력공단"},
        ),
    ],
)
def test_certificate_issuer_in_a_bracket_or_a_column(text: str, fields: dict[str, str]) -> None:
    entry = entry_from_line(text, "certificates")
    assert {k: entry.get(k) for k in fields} == fields


def test_a_job_line_drops_its_duration_and_a_pipe_line_gives_its_fields() -> None:
    (job,) = saved(
        "## 경력\n\n주식회사 한결물류  2021.03 ~ 재직중 (3년 9개월)\n"
        "운영기획팀 | 대리 | 서울 송파구\n담당업무 : 입출고 일정 관리\n"
    )["work"]
    assert (job["name"], job["position"], job["description"], job["location"]) == (
        "주식회사 한결물류",
        "대리",
        "운영기획팀",
        "서울 송파구",
    )
    assert job["summary"] == "입출고 일정 관리"


def test_role_bullets_under_an_employer_line_are_jobs() -> None:
    work = saved(
        "## 경력\n\n**새빛은행** (2015.01 ~ 현재)\n"
        "- 여신심사부 과장 (2020.07 ~ 현재): 기업 여신 심사\n"
        "- 강남지점 행원 (2015.01 ~ 2020.06): 대출 상담\n"
    )["work"]
    assert [(j["name"], j["position"], j["startDate"]) for j in work] == [
        ("새빛은행", "과장", "2020-07"),
        ("새빛은행", "행원", "2015-01"),
    ]
    projects = saved(
        "## 경력\n\n**새빛은행** (2015.01 ~ 현재)\n"
        "- 모바일 뱅킹 개편 (2020.07 ~ 2021.01): 설계\n"
        "- 대출 심사 자동화 (2019.01 ~ 2019.12): 개발\n"
    )["work"]
    assert len(projects) == 1  # no rank or role word: projects of the one job


def test_the_first_organisation_after_a_role_is_the_employer() -> None:
    (job,) = saved(
        "## Experience\n\n- **Lecturer**, University of Carlow, Graduate School of Languages"
        " — 2019 – 2023\n"
    )["work"]
    assert (job["name"], job["description"]) == (
        "University of Carlow",
        "Graduate School of Languages",
    )


def test_a_lone_link_after_a_projects_bullets_is_its_url() -> None:
    (project,) = saved(
        "## Projects\n\n### Ledger\n- Side project\n- 300 users\n"
        "[Source on GitHub](https://github.com/example/ledger)\n"
    )["projects"]
    assert project["url"] == "https://github.com/example/ledger"
    assert project["highlights"] == ["Side project", "300 users"]
