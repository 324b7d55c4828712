"""The review step of File ▸ Import… and import into the open résumé (issue #11), as a
person takes them: the menu by its text, the file dialog answered, the outline's
drop-downs changed by keys and clicks, Accept, the window and the saved file read back,
Ctrl+Z; and ``cveditor convert --into`` on the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cveditor.io import native
from cveditor.io.import_plan import plan_markdown
from cveditor.ui.import_dialog import ImportDialog
from cveditor.ui.main_window import MainWindow

from .conftest import OUR_SAMPLE, run_cveditor
from .pdfcheck import pdftotext
from .person import click_menu, drop_file, focus, press, settle
from .test_journeys import start_window

#: Written for these tests: one job's 경력기술서 with interview preparation under it.
CAREER = """\
# 모바일랩 경력기술서

기간 : 2013-07 ~ 2016-11

## 결제 게이트웨이

- 프로젝트 명 : 결제 게이트웨이
- 수행 기간 : 2014.03 ~ 2015.12
- 역할 : 리드

## 면접 준비

### 장애 대응

- S: 새벽 결제 장애 ZEBRAQUOKKA
- A: 롤백 후 원인 분석
"""
#: A word only the private notes hold: it must never print.
SECRET = "ZEBRAQUOKKA"


@pytest.fixture
def window(qtbot, person):
    win = start_window(qtbot)
    yield win
    dialog = win.files.__dict__.get("import_dialog")
    if dialog is not None:
        dialog.reject()
    win.document.undo_stack.setClean()  # teardown closes without a question


@pytest.fixture
def career(tmp_path) -> Path:
    path = tmp_path / "career.md"
    path.write_text(CAREER, encoding="utf-8")
    return path


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    path = tmp_path / "cv.json"
    shutil.copy(OUR_SAMPLE, path)
    return path


def review(qtbot, window: MainWindow) -> ImportDialog:
    """The review dialog the import opened, on screen."""
    dialog = window.files.import_dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.waitExposed(dialog)
    assert dialog.isVisible() and dialog.isModal()
    return dialog


def node_labelled(dialog: ImportDialog, text: str):
    found = [n for n in dialog.plan.nodes() if text in n.label]
    assert found, f"no part “{text}” in the outline: {[n.label for n in dialog.plan.nodes()]}"
    return found[0]


def click_row(qtbot, dialog: ImportDialog, node) -> None:
    item = dialog.items[node.id]
    dialog.tree.scrollToItem(item)
    rect = dialog.tree.visualItemRect(item)
    qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle()
    assert dialog.tree.currentItem() is item


def choose(dialog: ImportDialog, node, target: str) -> None:
    """Pick a target in a part's drop-down, as a click on an entry of its list does."""
    combo = dialog.combo_of(node.id)
    index = combo.findData(target)
    assert index >= 0, f"{target} is not offered"
    combo.setCurrentIndex(index)
    settle()


def ensure_job(dialog: ImportDialog) -> None:
    """The title of a 경력기술서 is the job and its section a project of it: choose
    them where the importer did not."""
    title = node_labelled(dialog, "모바일랩")
    if title.target != "work":
        choose(dialog, title, "work")
    project = node_labelled(dialog, "결제 게이트웨이")
    if project.target != "work-project":
        choose(dialog, project, "work-project")


def saved(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# --- as a new résumé ---------------------------------------------------------------------


def test_review_change_a_target_by_keys_accept_save(qtbot, window, person, career, tmp_path):
    person.open_path = career
    click_menu(window, "File", "Import")
    dialog = review(qtbot, window)
    assert dialog.mode == "new", "the first import makes a new résumé"
    assert dialog.accept_button.isDefault()
    ensure_job(dialog)
    interview = node_labelled(dialog, "면접 준비")
    click_row(qtbot, dialog, interview)
    assert "ZEBRAQUOKKA" in dialog.source_view.toPlainText(), "the part's own text shows"
    focus(qtbot, dialog.tree)
    press("Tab")  # from the row to its drop-down
    combo = dialog.combo_of(interview.id)
    assert QApplication.focusWidget() is combo
    press("End")  # the last choice: leave out
    assert interview.target == "omit"
    assert "장애 대응" not in dialog.preview_text()
    press("Up")  # one up: private notes
    assert interview.target == "notes"
    preview = dialog.preview_text()
    assert "private notes, never printed" in preview, "the preview followed at once"
    assert "장애 대응" in preview
    press("Return")  # Enter accepts
    assert not dialog.isVisible()
    resume = window.document.resume
    assert window.document.path is None and window.document.is_dirty, "untitled, unsaved"
    assert any("모바일랩" in job.name for job in resume.work)
    rows = [window.sections.list.item(i).text() for i in range(window.sections.list.count())]
    assert any(row.endswith("(private)") for row in rows), rows
    person.save_path = tmp_path / "new.json"
    click_menu(window, "File", "Save")
    back = native.load(person.save_path)
    assert back == window.document.resume
    notes = [s for s in back.custom_sections if s.kind == "notes"]
    assert notes and SECRET in native.dumps(back)
    assert any("모바일랩" in job.name for job in back.work)


def test_arrows_in_the_outline_move_between_parts_and_change_none(qtbot, window, person, career):
    """A view hands the focus to a row's widget as the arrows reach it; the next ↓ then
    changed that drop-down. The arrows move between rows; only Tab enters a drop-down."""
    person.open_path = career
    click_menu(window, "File", "Import")
    dialog = review(qtbot, window)
    targets = [n.target for n in dialog.plan.nodes()]
    focus(qtbot, dialog.tree)
    press("Tab")
    press("Backtab")
    assert QApplication.focusWidget() is dialog.tree
    for _ in range(3):
        press("Down")
        assert QApplication.focusWidget() is dialog.tree
    assert dialog.tree.currentItem() is dialog.items[dialog.plan.nodes()[3].id]
    assert [n.target for n in dialog.plan.nodes()] == targets
    press("Tab")
    assert QApplication.focusWidget() is dialog.combo_of(dialog.plan.nodes()[3].id)
    dialog.reject()


def test_escape_cancels_and_changes_nothing(qtbot, window, person, career, sample_copy):
    assert window.files.open(sample_copy)
    before = native.dumps(window.document.resume)
    person.open_path = career
    focus(qtbot, window.sections.list)
    press("Ctrl+I")
    dialog = review(qtbot, window)
    focus(qtbot, dialog.tree)
    press("Escape")
    assert not dialog.isVisible()
    assert native.dumps(window.document.resume) == before
    assert window.document.undo_stack.count() == 0 and not window.document.is_dirty


# --- into the open résumé ----------------------------------------------------------------


def test_into_the_open_resume_one_undo_step_notes_never_print(
    qtbot, window, person, career, sample_copy, tmp_path, schema_validator
):
    assert window.files.open(sample_copy)
    before = native.dumps(window.document.resume)
    jobs_before = len(window.document.resume.work)
    sections_before = len(window.document.resume.custom_sections)
    person.open_path = career
    focus(qtbot, window.sections.list)
    press("Ctrl+I")
    dialog = review(qtbot, window)
    qtbot.mouseClick(dialog.into, Qt.MouseButton.LeftButton)
    assert dialog.mode == "into"
    assert "Added to the open résumé" in dialog.preview_text()
    ensure_job(dialog)
    choose(dialog, node_labelled(dialog, "면접 준비"), "notes")
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    resume = window.document.resume
    assert window.document.path == sample_copy, "still the same file"
    assert resume.basics.name == "김서연 (Seoyeon Kim)", "the profile stays"
    assert len(resume.work) == jobs_before + 1
    assert any("모바일랩" in job.name for job in resume.work)
    added = resume.custom_sections[sections_before:]
    assert any(s.kind == "notes" for s in added)
    assert window.document.undo_stack.count() == 1, "the import is one step"
    assert window.document.undo_stack.undoText() == "Import career.md"
    rows = [window.sections.list.item(i).text() for i in range(window.sections.list.count())]
    assert sum(row.endswith("(private)") for row in rows) >= 2, rows
    # the PDF prints the job, never the notes
    pdf = tmp_path / "cv.pdf"
    person.save_path = pdf
    click_menu(window, "File", "Export PDF")
    text = pdftotext(pdf)
    assert "모바일랩" in text
    assert SECRET not in text
    # saved in place, read back from disk
    click_menu(window, "File", "Save")
    data = json.loads(saved(sample_copy))
    schema_validator.validate(data)
    assert SECRET in saved(sample_copy)
    assert len(data["work"]) == jobs_before + 1
    # Ctrl+Z gives back the résumé before the import, exactly
    focus(qtbot, window.sections.list)
    press("Ctrl+Z")
    assert native.dumps(window.document.resume) == before
    assert len(window.document.resume.work) == jobs_before
    rows = [window.sections.list.item(i).text() for i in range(window.sections.list.count())]
    assert sum(row.endswith("(private)") for row in rows) == 1
    press("Ctrl+Shift+Z")
    assert len(window.document.resume.work) == jobs_before + 1


#: Job-search notes of ours: an offer, a counter, a call — private from first to last line.
OFFER_NOTES = """\
# 오퍼 메모 — 누리랩

## 인사팀 통화 (4/2)

- 1차 제시: 7,100 QUOKKAOFFER
- 역제안: 7,600 + 사이닝 300
- 느낌: 급해 보임

## 할 일

- [ ] 현 직장 퇴사 통보 시점
"""


def test_job_search_notes_come_in_whole_as_private_notes_and_never_print(
    qtbot, window, person, sample_copy, tmp_path
):
    """An offer note imported into a résumé: every part of it offered as private notes,
    one notes section after Accept, nothing of it in the PDF, one Ctrl+Z away."""
    assert window.files.open(sample_copy)
    before = native.dumps(window.document.resume)
    notes = tmp_path / "offer.md"
    notes.write_text(OFFER_NOTES, encoding="utf-8")
    person.open_path = notes
    click_menu(window, "File", "Import")
    assert person.open_titles[-1] == "Import a career document"
    dialog = review(qtbot, window)
    assert {n.target for n in dialog.plan.nodes()} == {"notes"}, "private from first to last"
    assert dialog.mode == "into", "a part of a résumé goes into the open one by default"
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    resume = window.document.resume
    added = [s for s in resume.custom_sections if "누리랩" in s.title]
    assert [s.kind for s in added] == ["notes"], "one section of notes"
    assert [n.title for n in added[0].notes][:1] == ["인사팀 통화 (4/2)"]
    assert resume.basics.name == "김서연 (Seoyeon Kim)", "no name made of a note"
    pdf = tmp_path / "cv.pdf"
    person.save_path = pdf
    click_menu(window, "File", "Export PDF")
    text = pdftotext(pdf)
    assert "QUOKKAOFFER" not in text and "역제안" not in text and "누리랩" not in text
    focus(qtbot, window.sections.list)
    press("Ctrl+Z")
    assert native.dumps(window.document.resume) == before


def test_a_dropped_markdown_file_is_reviewed(qtbot, window, person, career):
    drop_file(window, career)
    dialog = review(qtbot, window)
    assert dialog.windowTitle() == "Import career.md"
    assert window.document.resume.work == [], "nothing changes before Accept"
    dialog.reject()


# --- the command line --------------------------------------------------------------------


def test_convert_into_an_existing_resume(tmp_path, career, sample_copy, schema_validator):
    old = sample_copy.read_bytes()
    out = tmp_path / "merged.json"
    proc = run_cveditor("convert", str(career), "-o", str(out), "--into", str(sample_copy))
    assert proc.returncode == 0, proc.stderr
    assert sample_copy.read_bytes() == old, "the existing file is only read"
    merged = json.loads(saved(out))
    schema_validator.validate(merged)
    original = json.loads(old)
    assert merged["basics"]["name"] == original["basics"]["name"]
    # what the review step would accept unchanged, added to the résumé
    imported = plan_markdown(CAREER, str(career)).build()
    assert len(merged["work"]) == len(original["work"]) + len(imported.work)
    sections = merged["x-cveditor"]["sections"]
    assert len(sections) >= len(original["x-cveditor"]["sections"]) + len(imported.custom_sections)
    assert [s["id"] for s in sections][: len(original["x-cveditor"]["sections"])] == [
        s["id"] for s in original["x-cveditor"]["sections"]
    ]
    # into itself: the careful save, the previous file kept as .bak
    proc = run_cveditor("convert", str(career), "-o", str(sample_copy), "--into", str(sample_copy))
    assert proc.returncode == 0, proc.stderr
    assert sample_copy.with_name("cv.json.bak").read_bytes() == old
    assert json.loads(saved(sample_copy)) == merged
    # and never a plain export over it
    proc = run_cveditor(
        "convert",
        str(career),
        "-o",
        str(sample_copy),
        "--into",
        str(sample_copy),
        "--to",
        "jsonresume",
    )
    assert proc.returncode == 1 and "--into" in proc.stderr
