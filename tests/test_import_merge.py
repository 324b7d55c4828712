"""Import into the open résumé (io.merge, issue #11): the rules, and any two résumés the
editor can make merge into one that saves, reopens equal and validates."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings

from cveditor.document import ResumeDocument
from cveditor.io import native
from cveditor.io.merge import UNAPPLIED_TITLE, merge_into, same_job
from cveditor.model import resume as r
from cveditor.model.resume import Resume

from .conftest import OUR_SAMPLE
from .test_editor_states import STRUCTURE, apply, edits


def _sample() -> Resume:
    return native.load(OUR_SAMPLE)


def _career_document() -> Resume:
    """What a 경력기술서 of one job becomes: the job, its projects, private notes."""
    return Resume(
        basics=r.Basics(name="", email="new@example.com", phone="+82 10-0000-0000"),
        work=[
            r.Work(
                name="모바일랩",
                position="Backend",
                startDate="2013-07",
                endDate="2016-11",
                cv=r.WorkExtras(projects=[r.JobProject(name="결제 게이트웨이", role="리드")]),
            )
        ],
        cv=r.ResumeExtras(
            sections=[
                r.NotesSection(
                    id="star-notes",  # the open résumé has this id already
                    title="면접 준비",
                    notes=[r.NoteItem(title="장애 대응", fields=[r.LabeledValue(label="S")])],
                ),
                r.TableSection(id="kpi", title="KPI", header=["지표"], rows=[["MAU"]]),
            ]
        ),
    )


def test_a_career_document_adds_a_job_in_date_order_and_its_sections() -> None:
    existing, imported = _sample(), _career_document()
    before = (native.dumps(existing), native.dumps(imported))
    merged = merge_into(existing, imported)
    assert (native.dumps(existing), native.dumps(imported)) == before, "inputs untouched"
    names = [job.name for job in merged.work]
    # the sample lists jobs newest first: 2013 goes after the 2015 internship
    assert names == [*[job.name for job in existing.work], "모바일랩"]
    assert merged.work[-1].cv.projects[0].name == "결제 게이트웨이"
    ids = [s.id for s in merged.custom_sections]
    assert ids[:5] == ["patents", "kpi", "star-notes", "star-notes-2", "kpi-2"], "made unique"
    notes = merged.custom_section("star-notes-2")
    assert notes is not None and notes.kind == "notes" and notes.notes[0].title == "장애 대응"


def test_the_profile_is_never_overwritten_and_differences_are_kept_privately() -> None:
    existing, imported = _sample(), _career_document()
    existing.basics.phone = ""
    merged = merge_into(existing, imported)
    assert merged.basics.name == existing.basics.name
    assert merged.basics.email == existing.basics.email, "set: kept"
    assert merged.basics.phone == "+82 10-0000-0000", "empty: filled"
    (unapplied,) = [s for s in merged.custom_sections if s.title == UNAPPLIED_TITLE]
    assert unapplied.kind == "notes", "never printed"
    assert [(f.label, f.value) for f in unapplied.notes[0].fields] == [
        ("E-mail", "new@example.com")
    ]


def test_the_same_job_is_joined_not_duplicated() -> None:
    existing = _sample()
    job = existing.work[1]  # 한빛전자 연구소, 2016-07 – 2021-02
    imported = Resume(
        work=[
            r.Work(
                name=job.name.upper(),  # names compared without case
                startDate="2019-01",
                endDate="2020-12",
                summary="다른 요약",
                highlights=["새 성과", *job.highlights[:1]],
                cv=r.WorkExtras(projects=[job.cv.projects[0], r.JobProject(name="새 프로젝트")]),
            )
        ]
    )
    assert same_job(job, imported.work[0])
    merged = merge_into(existing, imported)
    assert len(merged.work) == len(existing.work)
    joined = merged.work[1]
    assert joined.summary == job.summary, "the job's own summary stays"
    assert joined.highlights == [*job.highlights, "새 성과"]
    assert [p.name for p in joined.cv.projects] == [
        *(p.name for p in job.cv.projects),
        "새 프로젝트",
    ]
    assert joined.startDate == job.startDate and joined.endDate == job.endDate
    (unapplied,) = [s for s in merged.custom_sections if s.title == UNAPPLIED_TITLE]
    assert unapplied.notes[0].fields[0].value == "다른 요약"


def test_same_name_other_period_is_another_job() -> None:
    mine = r.Work(name="Acme", startDate="2010-01", endDate="2012-12")
    assert not same_job(mine, r.Work(name="Acme", startDate="2015-01"))
    assert same_job(mine, r.Work(name="ACME ", startDate="2012"))
    assert same_job(mine, r.Work(name="acme")), "no dates: the company's own document"
    assert not same_job(r.Work(name=""), r.Work(name=""))


def test_importing_twice_adds_nothing_more() -> None:
    once = merge_into(_sample(), _career_document())
    twice = merge_into(once, _career_document())
    assert native.dumps(twice) == native.dumps(once)


def _made_by_editing(steps: list[tuple], start: Resume) -> Resume:
    doc = ResumeDocument(start)
    for step in steps:
        apply(doc, step)
    return doc.resume


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(mine=edits(), theirs=edits())
def test_any_two_editor_states_merge_save_reopen_and_validate(
    qapp, tmp_path_factory, mine, theirs
) -> None:
    from cveditor.ui.files import _whole_resume_changes

    existing = _made_by_editing(mine, _sample() if len(mine) % 2 else Resume())
    imported = _made_by_editing(theirs, Resume())
    merged = merge_into(existing, imported)
    path = tmp_path_factory.mktemp("merged") / "merged.json"
    native.save(merged, path)
    again = native.load(path)
    assert again == merged, "reopens equal"
    data = json.loads(path.read_text(encoding="utf-8"))
    errors = [e.message for e in STRUCTURE.iter_errors(data)]
    assert not errors, errors
    # nothing of the open résumé is lost, and every imported item is somewhere
    for section in ("education", "skills", "awards", "projects", "languages"):
        mine_items, merged_items = getattr(existing, section), getattr(merged, section)
        assert merged_items[: len(mine_items)] == mine_items
        assert all(item in merged_items for item in getattr(imported, section))
    for job in imported.work:  # added as it is, or joined to a job of the same company
        assert job in merged.work or any(same_job(mine, job) for mine in existing.work)
    assert len({s.id for s in merged.custom_sections}) == len(merged.custom_sections)
    # applied in the window: one undo step gives back the résumé as it was
    doc = ResumeDocument(existing)
    before = native.dumps(doc.resume)
    changes = _whole_resume_changes(doc, merged)
    if changes:
        doc.set_values(changes, "Import")
        assert native.dumps(doc.resume) == native.dumps(merged)
        assert doc.undo_stack.count() == 1
        doc.undo_stack.undo()
    assert native.dumps(doc.resume) == before


def test_a_company_written_with_its_legal_form_or_in_two_languages_is_one() -> None:
    """A new user's 경력기술서 said "(주)네오클라우드"; the open résumé had
    "네오클라우드 (NeoCloud Inc.)" for the same years: one job, not two."""
    existing = Resume(
        work=[r.Work(name="네오클라우드 (NeoCloud Inc.)", startDate="2019-03", endDate="2022-08")]
    )
    imported = Resume(
        work=[
            r.Work(
                name="(주)네오클라우드",
                startDate="2019-03",
                endDate="2022-08",
                highlights=["결제 API 응답 시간 40% 단축"],
            )
        ]
    )
    merged = merge_into(existing, imported)
    assert len(merged.work) == 1
    assert merged.work[0].highlights == ["결제 API 응답 시간 40% 단축"]
    other = Resume(work=[r.Work(name="(주)한빛소프트", startDate="2019-03")])
    assert len(merge_into(existing, other).work) == 2  # another company stays apart


def test_a_job_site_line_keeps_the_team_out_of_the_company_so_its_career_joins() -> None:
    """A 사람인 paste's "2019.06 ~ 재직중   (주)마켓링크   데이터분석팀 / 과장" (columns of
    spaces): the company alone is the job's name, the team its description — so the
    경력기술서 of "(주)마켓링크" imported into it joins that job (a new user's report)."""
    from cveditor.io.markdown_import import markdown_to_resume

    pasted = markdown_to_resume(
        "윤다온\n\n**경력**\n2019.06 ~ 재직중   (주)마켓링크   데이터분석팀 / 과장\n"
        "- 정산 파이프라인 운영\n"
    )
    (job,) = pasted.work
    assert (job.name, job.description, job.position) == ("(주)마켓링크", "데이터분석팀", "과장")
    career = markdown_to_resume(
        "# (주)마켓링크 경력기술서\n\n기간 : 2019.06 ~ 현재\n\n## 정산 재구축\n\n"
        "- 프로젝트 명 : 정산 재구축\n- 수행 기간 : 2021.03 ~ 2021.09\n"
    )
    merged = merge_into(pasted, career)
    assert len(merged.work) == 1, "one job, not two"
    assert [p.name for p in merged.work[0].cv.projects] == ["정산 재구축"]
