"""Where the importer's newer rules must stop (#11): job-search notes are private as a
whole, but a résumé that speaks of pay is not; informal headings count only whole; a
wish is not a section of jobs; competence headings are skills only when they list."""

from __future__ import annotations

from cveditor.io.markdown_import import markdown_to_resume
from cveditor.model.printed import printed_resume


def _notes_text(resume) -> str:
    return "\n".join(
        f"{n.title} {n.text} {' '.join(f.value for f in n.fields)}"
        for s in resume.custom_sections
        if s.kind == "notes"
        for n in s.notes
    )


def test_a_career_document_for_a_job_change_is_not_private_as_a_whole() -> None:
    resume = markdown_to_resume(
        "# 이직 준비용 경력기술서 — 권다온\n\n"
        "## 경력\n\n### 바른물산 (2019.03 ~ 현재)\n\n- 원가 분석 자동화\n"
        "- 처우: 현재 연봉 5,200만원\n\n"
        "## 학력\n\n- 한밭대학교 산업공학과 (2012.03 ~ 2019.02)\n"
    )
    assert [j.name for j in resume.work] == ["바른물산"]
    assert resume.work[0].highlights == ["원가 분석 자동화"], "the pay line left the job"
    assert "5,200만원" in _notes_text(resume)
    assert [e.institution for e in printed_resume(resume).education] == ["한밭대학교"]


def test_a_title_alone_does_not_make_a_document_private() -> None:
    """A title with a negotiation word over lines that speak of no offer or pay."""
    resume = markdown_to_resume(
        "# Negotiation workshop — Ahn Jiwoo\n\n- Led a two-day course for 40 buyers\n"
    )
    assert not _notes_text(resume)
    assert "40 buyers" in str(printed_resume(resume).model_dump())


def test_offer_notes_with_a_title_and_two_signs_are_private() -> None:
    resume = markdown_to_resume(
        "# 오퍼 메모\n\n- 1차 제시: 6,100\n- 역제안: 6,600\n- 느낌: 긍정적\n"
    )
    printed = printed_resume(resume)
    assert resume.basics.name == "" and not printed.custom_sections
    assert "6,600" in _notes_text(resume)


def test_informal_words_name_a_section_only_as_the_whole_heading() -> None:
    resume = markdown_to_resume(
        "# Lena Ortiz\n\n## Education History\n\n"
        "- BSc Chemistry, University of Leeds, 2014 – 2017\n\n"
        "## history\n\n### Corvid Labs — Lab Technician\n*2018 – present*\n\n- Ran assays\n"
    )
    assert [e.institution for e in resume.education] == ["University of Leeds"]
    assert [j.name for j in resume.work] == ["Corvid Labs"]


def test_a_wish_is_printed_as_its_own_section_and_desired_pay_stays_private() -> None:
    resume = markdown_to_resume(
        "# 남궁솔\n\n## 경력\n\n### 해오름병원 (2020.03 ~ 현재)\n\n- 병동 간호\n\n"
        "## 희망 근무\n\n- 외래, 주간 근무\n\n## 희망 연봉\n\n- 4,800만원\n"
    )
    assert [j.name for j in resume.work] == ["해오름병원"], "a wish is no job"
    printed = printed_resume(resume)
    assert [s.title for s in printed.custom_sections] == ["희망 근무"]
    assert "4,800만원" in _notes_text(resume)


def test_competence_headings_are_skills_when_they_list_and_the_summary_in_prose() -> None:
    listing = markdown_to_resume(
        "# 차유나\n\n## 핵심 역량\n\n"
        "- **데이터 분석**: SQL, Python\n- **보고**: 대시보드, 주간 리포트\n"
    )
    assert [s.name for s in listing.skills] == ["데이터 분석", "보고"]
    prose = markdown_to_resume(
        "# 차유나\n\n## 핵심 역량\n\n숫자로 문제를 설명하는 힘이 저의 가장 큰 역량입니다.\n"
    )
    assert not prose.skills and not prose.custom_sections
    assert prose.basics.summary.startswith("숫자로 문제를"), "a job site's 핵심역량 box"


def test_sending_a_section_to_print_keeps_its_private_lines_private() -> None:
    """The review step: in notes that are private as a whole, a part the user sends to
    print takes its lines along, but for those the importer found private by themselves
    ("퇴사 사유: …"): they stay in the notes."""
    from cveditor.io.import_plan import plan_markdown

    plan = plan_markdown(
        "# 이직 메모\n\n## 현 직장 정리\n\n- 담당: 정산 배치 운영\n- 퇴사 사유: 팀장과의 갈등\n\n"
        "## 오퍼\n\n- 1차 제시: 6,100\n- 역제안: 6,600\n- 느낌: 긍정적\n",
        "notes.md",
    )
    assert {n.target for n in plan.nodes()} == {"notes"}, "job-search notes, private whole"
    part = next(n for n in plan.nodes() if n.label == "현 직장 정리")
    plan.retarget(part.id, "custom-list")
    printed = str(printed_resume(plan.build()).model_dump())
    assert "정산 배치 운영" in printed, "the part the user chose prints"
    assert "팀장과의 갈등" not in printed, "its private line does not"
