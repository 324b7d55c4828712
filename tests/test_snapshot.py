"""The copy a background render works on (ui/snapshot.py) is the résumé as it is, after
any edit the editor can make, and only what an edit touched is pickled again."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cveditor.document import ResumeDocument
from cveditor.io import native
from cveditor.model import resume as r
from cveditor.model.resume import Resume
from cveditor.ui import snapshot as snapshot_module
from cveditor.ui.snapshot import Snapshots, restore

from .conftest import OUR_SAMPLE
from .test_editor_states import apply, edits


def _same(copy: Resume, resume: Resume) -> None:
    assert copy == resume
    assert native.dumps(copy) == native.dumps(resume)  # what the file would hold, too


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=edits(), start_from_sample=st.booleans(), undo=st.integers(0, 6))
def test_every_copy_is_the_resume_as_it_is(qapp, steps, start_from_sample, undo) -> None:
    doc = ResumeDocument(native.load(OUR_SAMPLE) if start_from_sample else Resume())
    snapshots = Snapshots(doc)
    _same(restore(snapshots.take()), doc.resume)
    for step in steps:  # a copy after every edit: each reuses what the last one pickled
        apply(doc, step)
        _same(restore(snapshots.take()), doc.resume)
    for _ in range(undo):
        doc.undo_stack.undo()
        _same(restore(snapshots.take()), doc.resume)
    doc.replace(native.load(OUR_SAMPLE), None)
    _same(restore(snapshots.take()), doc.resume)


def test_typing_in_one_job_pickles_that_job_only(qapp, monkeypatch) -> None:
    resume = Resume(work=[r.Work(name=f"Company {n}", position="Engineer") for n in range(200)])
    doc = ResumeDocument(resume)
    snapshots = Snapshots(doc)
    snapshots.take()
    pickled: list[object] = []
    real_dumps = snapshot_module.pickle.dumps

    def counting(obj, *args, **kwargs):
        pickled.append(obj)
        return real_dumps(obj, *args, **kwargs)

    monkeypatch.setattr(snapshot_module.pickle, "dumps", counting)
    doc.set_value(("work", 120, "position"), "Staff Engineer", merge=True)
    frozen = snapshots.take()
    assert [o for o in pickled if isinstance(o, r.Work)] == [doc.resume.work[120]]
    assert restore(frozen).work[120].position == "Staff Engineer"
    pickled.clear()
    doc.move_item(("work",), 3, 0)  # a list edit: the items are the same, none pickled
    frozen = snapshots.take()
    assert not [o for o in pickled if isinstance(o, r.Work)]
    assert restore(frozen).work[0].name == "Company 3"


def test_the_preview_and_the_autosave_share_one_copy_and_an_untouched_list_is_not_read(
    qapp,
) -> None:
    resume = Resume(work=[r.Work(name=f"Company {n}") for n in range(50)])
    doc = ResumeDocument(resume)
    snapshots = Snapshots.shared(doc)
    assert Snapshots.shared(doc) is snapshots
    first = snapshots.take()
    doc.set_value(("basics", "name"), "Kim", merge=True)  # outside the lists
    second = snapshots.take()
    assert second.lists["work"] is first.lists["work"], "the jobs' pieces were not read again"
    assert restore(second).basics.name == "Kim"
    doc.set_value(("work", 7, "name"), "Renamed", merge=True)
    third = snapshots.take()
    assert third.lists["work"] is not first.lists["work"]
    assert restore(third).work[7].name == "Renamed"
