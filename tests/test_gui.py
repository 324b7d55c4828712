"""The main window, driven like a user would: real widgets, real files, offscreen."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QListWidget

from cveditor.io import native
from cveditor.ui import autosave, dialogs
from cveditor.ui.editors.fields import DateField, LinesField, MarkdownField, TextField
from cveditor.ui.editors.item_list import ItemListEditor
from cveditor.ui.editors.table import TableEditor
from cveditor.ui.main_window import MainWindow
from cveditor.ui.settings import Settings

from .conftest import OUR_SAMPLE
from .person import drop_file, preview_settled


class Answers:
    """Stands in for the person at the dialogs; records what was asked."""

    def __init__(self) -> None:
        self.save_changes = "cancel"
        self.overwrite = False
        self.recover = True
        self.asked: list[str] = []
        self.errors: list[str] = []
        self.save_path = None
        self.exported: list = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def ask_save_changes(_parent, name, _reason=""):
            self.asked.append(f"save-changes:{name}")
            return self.save_changes

        def ask_overwrite(_parent, path):
            self.asked.append(f"overwrite:{path.name}")
            return self.overwrite

        def ask_recover(_parent, description):
            self.asked.append(f"recover:{description}")
            return self.recover

        monkeypatch.setattr(dialogs, "ask_save_changes", ask_save_changes)
        monkeypatch.setattr(dialogs, "ask_overwrite_changed_file", ask_overwrite)
        monkeypatch.setattr(dialogs, "ask_recover", ask_recover)
        monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, m: self.errors.append(m))
        monkeypatch.setattr(dialogs, "get_save_path", lambda *_a, **_k: self.save_path)
        monkeypatch.setattr(dialogs, "get_open_path", lambda *_a, **_k: None)
        monkeypatch.setattr(
            dialogs, "show_exported", lambda _p, path, w: self.exported.append((path, w))
        )
        monkeypatch.setattr(dialogs, "ask_print", lambda _p, _printer: False)


@pytest.fixture
def answers(monkeypatch) -> Answers:
    person = Answers()
    person.install(monkeypatch)
    return person


@pytest.fixture
def sample_copy(tmp_path):
    path = tmp_path / "cv.json"
    shutil.copy(OUR_SAMPLE, path)
    return path


@pytest.fixture
def window(qtbot, answers, sample_copy) -> MainWindow:
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    assert win.files.open(sample_copy)
    yield win
    win.document.undo_stack.setClean()  # let teardown close without asking


def field(win: MainWindow, kind, path: tuple):
    matches = [w for w in win.findChildren(kind) if w.path == path]
    assert matches, f"no {kind.__name__} for {path}"
    return matches[0]


def commit_text(widget, text: str) -> None:
    """Type as a Korean IME does: a commit string (qtbot.keyClicks aborts on Hangul)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QGuiApplication.sendEvent(widget, event)


def render_settled(qtbot, win: MainWindow) -> None:
    preview_settled(qtbot, win)


def test_typing_changes_model_then_preview(qtbot, window) -> None:
    window.sections.select("basics")
    name = field(window, TextField, ("basics", "name"))
    qtbot.keyClicks(name, " Jr")
    assert window.document.resume.basics.name == "김서연 (Seoyeon Kim) Jr"
    assert window.document.is_dirty and window.isWindowModified()
    render_settled(qtbot, window)
    assert "Kim) Jr" in window.rendered.html
    pages_before = window.preview.page_count
    summary = field(window, MarkdownField, ("basics", "summary"))
    QGuiApplication.clipboard().setText("긴 자기소개 long summary paragraph. " * 400)
    summary.setFocus()
    summary.paste()
    render_settled(qtbot, window)
    assert window.preview.page_count > pages_before
    assert window.pages_label.text() == f"{window.preview.page_count} pages"


def test_korean_through_input_method(qtbot, window) -> None:
    window.sections.select("basics")
    label = field(window, TextField, ("basics", "label"))
    label.setFocus()
    label.selectAll()
    for commit in ("백엔드", " 엔지니어"):
        commit_text(label, commit)
    assert window.document.resume.basics.label == "백엔드 엔지니어"


def test_date_field_reads_what_people_type(qtbot, window) -> None:
    window.sections.select("work")
    start = field(window, DateField, ("work", 0, "startDate"))
    start.edit.setFocus()
    start.edit.selectAll()
    commit_text(start.edit, "2019년 7월")
    assert window.document.resume.work[0].startDate == "2019-07"
    start.edit.selectAll()
    qtbot.keyClicks(start.edit, "2019.1")
    assert window.document.resume.work[0].startDate == "2019-01"
    qtbot.keyClicks(start.edit, "3")
    assert start.error.isVisible() and "month 13" in start.error.text().lower()
    assert start.edit.text() == "2019.13", "what the user typed stays while they fix it"
    job = window.document.resume.work[0]
    assert job.startDate is None, "no date the field calls unreadable is printed"
    assert job.cv.typedDates == {"startDate": "2019.13"}, "the typed text is kept"


def snapshot(win: MainWindow) -> dict:
    return json.loads(native.dumps(win.document.resume))


def test_fifty_mixed_edits_undo_and_redo(qtbot, window) -> None:
    original = snapshot(window)
    stack = window.document.undo_stack
    window.sections.select("work")
    jobs = next(e for e in window.findChildren(ItemListEditor) if e.path == ("work",))
    steps = 0
    for round_ in range(6):
        jobs.list.setCurrentRow(0)
        position = field(window, TextField, ("work", 0, "position"))
        position.setFocus()
        qtbot.keyClicks(position, f" r{round_}")
        steps += 1
        highlights = field(window, LinesField, ("work", 0, "highlights"))
        highlights.setFocus()
        highlights.moveCursor(highlights.textCursor().MoveOperation.End)
        qtbot.keyClick(highlights, Qt.Key.Key_Return)
        qtbot.keyClicks(highlights, f"new highlight {round_}")
        steps += 1
        jobs.list.setCurrentRow(0)
        jobs.add()
        steps += 1
        jobs.list.setCurrentRow(1)
        jobs.list.setFocus()
        qtbot.keyClick(jobs.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        steps += 1
        jobs.list.setCurrentRow(0)
        jobs.toggle_hidden()
        steps += 1
        jobs.toggle_hidden()
        steps += 1
        jobs.list.setCurrentRow(1)
        jobs.duplicate()
        steps += 1
        jobs.delete()
        steps += 1
        panel = window.theme_dock.widget()
        panel.theme.setCurrentIndex((round_ + 1) % panel.theme.count())
        panel.theme.activated.emit(panel.theme.currentIndex())
        steps += 1
        window.sections.select("skills" if round_ % 2 else "education")
        window.sections.list.setFocus()
        qtbot.keyClick(window.sections.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        steps += 1
        window.sections.select("work")
        jobs = next(e for e in window.findChildren(ItemListEditor) if e.path == ("work",))
    assert steps >= 50
    assert stack.count() >= 50, f"only {stack.count()} undo steps for {steps} actions"
    final = window.document.resume.model_copy(deep=True)
    assert snapshot(window) != original
    while stack.canUndo():
        stack.undo()
    assert window.document.resume == native.resume_from_data(original, "original")
    while stack.canRedo():
        stack.redo()
    assert window.document.resume == final


def test_reorder_by_keyboard(qtbot, window) -> None:
    window.sections.select("work")
    jobs = next(e for e in window.findChildren(ItemListEditor) if e.path == ("work",))
    first = window.document.resume.work[0].name
    jobs.list.setCurrentRow(0)
    jobs.list.setFocus()
    qtbot.keyClick(jobs.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.document.resume.work[1].name == first
    assert jobs.list.currentRow() == 1
    window.sections.select("skills")
    sections: QListWidget = window.sections.list
    sections.setFocus()
    before = window.sections.ids()
    qtbot.keyClick(sections, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    after = window.sections.ids()
    moved = before.index("skills")
    assert after[moved - 1] == "skills" and after[moved] == before[moved - 1]
    assert window.document.resume.layout.sectionOrder == after[1:]


def test_open_edit_save_reopen(qtbot, window, sample_copy) -> None:
    window.sections.select("basics")
    qtbot.keyClicks(field(window, TextField, ("basics", "email")), ".kr")
    assert window.files.save()
    assert not window.document.is_dirty and not window.isWindowModified()
    reopened = native.load(sample_copy)
    assert reopened == window.document.resume
    assert reopened.basics.email == "seoyeon.kim@example.com.kr"
    assert sample_copy.with_name("cv.json.bak").exists()


def test_unsaved_changes_prompt_on_close(qtbot, window, answers, sample_copy) -> None:
    window.sections.select("basics")
    qtbot.keyClicks(field(window, TextField, ("basics", "phone")), "0")
    answers.save_changes = "cancel"
    assert not window.close()
    assert window.isVisible() and answers.asked == ["save-changes:cv.json"]
    answers.save_changes = "save"
    assert window.close()
    assert native.load(sample_copy).basics.phone.endswith("0")


def test_discard_closes_without_saving(qtbot, window, answers, sample_copy) -> None:
    before = sample_copy.read_bytes()
    window.sections.select("basics")
    qtbot.keyClicks(field(window, TextField, ("basics", "phone")), "9")
    answers.save_changes = "discard"
    assert window.close()
    assert sample_copy.read_bytes() == before


def test_file_changed_on_disk_is_noticed(qtbot, window, answers, sample_copy) -> None:
    window.sections.select("basics")
    qtbot.keyClicks(field(window, TextField, ("basics", "label")), "!")
    external = json.loads(sample_copy.read_text(encoding="utf-8"))
    external["basics"]["name"] = "Changed elsewhere"
    sample_copy.write_text(json.dumps(external, ensure_ascii=False), encoding="utf-8")
    answers.overwrite = False
    assert not window.files.save()
    assert native.load(sample_copy).basics.name == "Changed elsewhere"
    assert answers.asked == ["overwrite:cv.json"]
    answers.overwrite = True
    assert window.files.save()
    assert native.load(sample_copy).basics.label.endswith("!")


def test_crash_recovery(qtbot, answers, sample_copy, monkeypatch) -> None:
    import subprocess
    import sys

    first = MainWindow(Settings())
    qtbot.addWidget(first)
    first.files.open(sample_copy)
    first.sections.select("basics")
    qtbot.keyClicks(field(first, TextField, ("basics", "name")), " (draft)")
    first.files.autosave_now()
    (slot,) = autosave.autosave_dir().glob("*.json")
    assert not autosave.pending(), "a running window's copy is never offered"
    # the "crash": the process that wrote the copy is gone (a finished child's pid)
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    envelope = json.loads(slot.read_text(encoding="utf-8"))
    envelope["owner"]["pid"] = int(gone.stdout)
    slot.write_text(json.dumps(envelope), encoding="utf-8")
    first.document.undo_stack.setClean()
    first.hide()

    asked = []
    monkeypatch.setattr(dialogs, "ask_recover", lambda _p, d: asked.append(d) or "recover")
    second = MainWindow(Settings())
    qtbot.addWidget(second)
    assert second.files.offer_recovery()
    assert asked[-1].startswith("“cv.json”")
    assert second.document.resume.basics.name.endswith(" (draft)")
    assert second.document.path == sample_copy and second.document.is_dirty
    assert slot.exists(), "the copy stays until the recovered work is saved"
    assert second.files.save()
    assert not slot.exists()


def test_open_error_leaves_document_untouched(qtbot, window, answers, tmp_path) -> None:
    before = snapshot(window)
    broken = tmp_path / "broken.json"
    broken.write_text('{"work": [{"startDate": "2018-13"}\n', encoding="utf-8")
    assert not window.files.open(broken)
    assert answers.errors and "line 2" in answers.errors[0]
    assert str(broken) in answers.errors[0]
    assert snapshot(window) == before and window.document.path.name == "cv.json"
    assert answers.asked == [], "nothing to discard for a file that cannot be read"


def test_custom_table_section(qtbot, window, monkeypatch) -> None:
    section_id = window.sections.add_custom("table", "Metrics")
    assert window.sections.current_id() == section_id
    table = next(w for w in window.findChildren(TableEditor))
    table.add_column()
    table.add_row()
    table.table.item(0, 0).setText("MAU")
    section = window.document.resume.custom_section(section_id)
    assert section.header == ["Column 1"] and section.rows == [["MAU"]]
    monkeypatch.setattr(dialogs, "ask_text", lambda *_a: "Metric")
    table.rename_column(0)
    assert window.document.resume.custom_section(section_id).header == ["Metric"]
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert window.document.resume.custom_section(section_id).rows == [[""]]


def test_export_pdf_from_window(qtbot, window, answers, tmp_path) -> None:
    answers.save_path = tmp_path / "out.pdf"
    window.export_pdf()
    assert answers.save_path.exists()
    assert "reads back exactly" in window.statusBar().currentMessage()
    assert str(answers.save_path) in window.statusBar().currentMessage()
    assert answers.exported == [(answers.save_path, [])]


def test_photo_picker(qtbot, window, monkeypatch, sample_copy) -> None:
    from PySide6.QtGui import QColor, QImage

    from cveditor.ui.editors.fields import PhotoField

    photo = sample_copy.with_name("me.png")
    image = QImage(60, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    assert image.save(str(photo))
    monkeypatch.setattr(dialogs, "get_image_path", lambda *_a: photo)
    window.sections.select("basics")
    picker = next(w for w in window.findChildren(PhotoField))
    picker.choose()
    assert window.document.resume.basics.image == "me.png"  # relative to the résumé
    window.document.set_value(("cv", "layout", "theme"), "korean")
    preview_settled(qtbot, window)
    assert '<img src="cv-photo"' in window.rendered.html


def test_import_markdown_and_export_as(qtbot, window, answers, tmp_path) -> None:
    source = Path(__file__).parent / "data" / "markdown" / "02-english-classic.md"
    assert window.files.import_file(source)
    assert window.document.resume.basics.name == "Jane Doe"
    assert window.document.path is None and window.document.is_dirty
    assert window.sections.title_of("work") == "Experience"
    answers.save_path = tmp_path / "jane.md"
    assert window.files.export_as() == []
    assert answers.save_path.read_text(encoding="utf-8").startswith("# Jane Doe")
    answers.save_path = tmp_path / "jane.json"
    window.files.export_as()
    assert 'x-cveditor":' not in answers.save_path.read_text(encoding="utf-8")
    window.document.undo_stack.setClean()


def test_dropping_a_file_opens_it(qtbot, window, tmp_path) -> None:

    other = tmp_path / "other.json"
    resume = native.load(OUR_SAMPLE)
    resume.basics.name = "Dropped Person"
    native.save(resume, other)
    drop_file(window, other)
    assert window.document.path == other
    assert window.document.resume.basics.name == "Dropped Person"


def test_window_remembers_layout_and_recent_files(qtbot, answers, sample_copy) -> None:
    first = MainWindow(Settings.load())
    qtbot.addWidget(first)
    first.resize(760, 540)  # within the offscreen screen (800 × 600), so it restores as is
    first.show()
    first.files.open(sample_copy)
    first.splitter.setSizes([180, 260, 300])
    first.document.set_value(("cv", "layout", "theme"), "compact")
    first.files.save()
    sizes = first.splitter.sizes()
    assert first.close()
    saved = Settings.load()
    assert saved.recent_files[0] == str(sample_copy.resolve())
    assert saved.splitter == sizes and saved.geometry and saved.last_theme == "compact"
    second = MainWindow(Settings.load())
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (760, 540)
    assert second.splitter.sizes() == sizes
    assert [a.text() for a in second.recent_menu.actions()] == [str(sample_copy.resolve())]
    second.files.new()
    assert second.document.resume.layout.theme == "compact"


def test_selecting_a_section_shows_where_it_prints(qtbot, window) -> None:
    window.resize(1200, 800)
    window.preview.set_zoom("percent", 100)
    window.sections.select("education")  # chosen while the opened file's pages are made
    preview_settled(qtbot, window)
    bar = window.preview.verticalScrollBar()
    page, _offset = window.rendered.pages.anchor_position("cv-h-education")
    assert page >= 1, "the sample's education section is not on the first page"
    assert bar.value() > 0
    window.sections.select("basics")
    assert bar.value() == 0


def test_theme_panel_shows_the_size_in_effect(qtbot, window) -> None:
    panel = window.theme_dock.widget()
    window.document.set_value(("cv", "layout", "theme"), "compact")
    assert panel.size.value() == 9.0  # compact's own size while the user has set none
    panel.size.setValue(11)
    assert window.document.resume.layout.fontSize == 11


def test_ctrl_z_in_a_field_undoes_the_document(qtbot, window) -> None:
    """One history: the text field's own undo must not swallow the window's Ctrl+Z."""
    window.activateWindow()
    window.sections.select("basics")
    email = field(window, TextField, ("basics", "email"))
    email.setFocus()
    qtbot.waitUntil(email.hasFocus)
    before = window.document.resume.basics.email
    qtbot.keyClicks(email, "xyz")
    assert window.document.resume.basics.email == before + "xyz"
    qtbot.keyClick(email, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.resume.basics.email == before
    assert email.text() == before
    summary = field(window, MarkdownField, ("basics", "summary"))
    summary.setFocus()
    qtbot.waitUntil(summary.hasFocus)
    qtbot.keyClicks(summary, "!")
    qtbot.keyClick(summary, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.resume.basics.summary == native.load(OUR_SAMPLE).basics.summary


def test_add_custom_section_asks_for_its_title(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "ask_text", lambda *_a: "  ")
    assert window.sections.add_custom("list") == "", "an empty title adds nothing"
    monkeypatch.setattr(dialogs, "ask_text", lambda *_a: "Talks 발표")
    section_id = window.sections.add_custom("list")
    assert window.document.resume.custom_section(section_id).title == "Talks 발표"
