"""Issue #10: the theme picker shows page 1 of the open résumé in every theme, made in
the background while the panel is on screen, again after edits; the keyboard still
picks a theme, and a theme that fails or loops shows "cannot be used"."""

from __future__ import annotations

import time
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage

from cveditor.io import native
from cveditor.model import Resume
from cveditor.model.resume import Work
from cveditor.render.html import render_html
from cveditor.ui.editors.fields import TextField
from cveditor.ui.main_window import MainWindow
from cveditor.ui.theme_picker import CANNOT, THUMBNAIL, ThemePicker
from cveditor.ui.theme_thumbnails import THUMBNAIL_DELAY_MS
from cveditor.ui.thumbnail_image import MAX_ENTRIES, thumbnail_copy

from .conftest import OUR_SAMPLE
from .person import click_menu, focus, press, preview_settled, settle, type_text
from .test_journeys import start_window, widget_at
from .test_theme_safety import user_theme

LOOPING = (
    "<p>{{ basics.name }}</p>{% for a in range(100000) %}{% for b in range(100000) %}"
    "{{ '' }}{% endfor %}{% endfor %}"
)
FAILING = "<p>{{ basics.name }}</p>{{ 1 / (basics.name|length * 0) }}"


def picker(window: MainWindow) -> ThemePicker:
    return window.theme_dock.widget().theme


def thumbnail(combo: ThemePicker, index: int) -> QImage:
    """The picture a person sees next to the theme's name."""
    return combo.itemIcon(index).pixmap(THUMBNAIL).toImage()


def inked(image: QImage) -> int:
    """How many pixels inside the page's edge are not (near) white: drawn text, rules."""
    count = 0
    for y in range(2, image.height() - 2):
        for x in range(2, image.width() - 2):
            if QColor(image.pixel(x, y)).lightness() < 230:
                count += 1
    return count


def thumbnails_ready(qtbot, combo: ThemePicker, timeout: int = 20000) -> None:
    """Wait, as a person glancing at the picker does, until every theme has its picture."""
    themes = set(combo.maker.themes)
    qtbot.waitUntil(lambda: not combo.maker.busy and themes <= set(combo.images), timeout=timeout)


@pytest.fixture
def window(qtbot, person, tmp_path):
    """The sample opened in a window whose theme panel was closed, as a person may have
    left it; at the end the window closes without asking."""
    path = tmp_path / "cv.json"
    path.write_bytes(OUR_SAMPLE.read_bytes())
    win = start_window(qtbot)
    win.theme_dock.close()
    assert win.files.open(path)
    preview_settled(qtbot, win)
    yield win
    win.document.undo_stack.setClean()


def test_picker_shows_the_resume_in_each_theme_and_follows_edits(qtbot, window) -> None:
    combo = picker(window)
    qtbot.wait(THUMBNAIL_DELAY_MS // 3)
    assert not combo.images and combo.maker.worker is None, "made while nobody sees them"

    click_menu(window, "Edit", "Theme and Page")
    assert window.theme_dock.isVisible()
    thumbnails_ready(qtbot, combo)
    shown = {combo.itemData(i): thumbnail(combo, i) for i in range(combo.count())}
    assert set(shown) == set(combo.maker.themes)
    for theme_id, image in shown.items():
        assert inked(image) > 20, f"the thumbnail of {theme_id} is blank"
    images = list(shown.values())
    for a in range(len(images)):
        for b in range(a + 1, len(images)):
            assert images[a] != images[b], "two themes show the same picture"
    for index in range(combo.count()):  # names are text, descriptions are tooltips
        assert combo.itemText(index) and combo.itemData(index, Qt.ItemDataRole.ToolTipRole)

    current = window.document.resume.layout.theme
    index = combo.findData(current)
    assert combo.currentIndex() == index
    assert combo.itemData(index, Qt.ItemDataRole.FontRole).bold(), "the theme in use is marked"
    before = thumbnail(combo, index)

    window.sections.select("basics")
    name = widget_at(window, TextField, ("basics", "name"))
    focus(qtbot, name)
    name.selectAll()
    type_text(qtbot, name, "Quentin Zebulon Example-Longname")
    qtbot.wait(THUMBNAIL_DELAY_MS // 2)
    assert thumbnail(combo, index) == before, "made again while the person was typing"
    qtbot.waitUntil(lambda: thumbnail(combo, index) != before, timeout=20000)
    thumbnails_ready(qtbot, combo)

    focus(qtbot, combo)
    press("Down")
    chosen = window.document.resume.layout.theme
    assert chosen != current and combo.currentData() == chosen
    assert window.document.undo_stack.undoText() == "Change theme"
    preview_settled(qtbot, window)
    assert window.rendered is not None and window.rendered.theme.id == chosen
    new_index = combo.findData(chosen)
    assert combo.itemData(new_index, Qt.ItemDataRole.FontRole).bold()
    assert not combo.itemData(index, Qt.ItemDataRole.FontRole).bold()
    press("Ctrl+Z")
    assert window.document.resume.layout.theme == current


@pytest.fixture
def user_themes() -> None:
    """Two user themes, in place before the window opens: one loops, one raises."""
    user_theme("looping", LOOPING, 'name = "Looping"\n')
    user_theme("failing", FAILING, 'name = "Failing"\n')


def test_a_theme_that_fails_or_loops_says_so_and_the_window_keeps_going(
    qtbot, user_themes, window
) -> None:
    combo = picker(window)
    gaps: list[float] = []
    last = [time.monotonic()]

    def tick() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.timeout.connect(tick)
    heartbeat.start(20)
    click_menu(window, "Edit", "Theme and Page")
    thumbnails_ready(qtbot, combo, timeout=30000)
    heartbeat.stop()
    assert max(gaps) < 1.0, f"the window stopped for {max(gaps):.2f} s"
    for theme_id in ("looping", "failing"):
        index = combo.findData(theme_id)
        tip = combo.itemData(index, Qt.ItemDataRole.ToolTipRole)
        assert CANNOT in tip, tip
        assert inked(thumbnail(combo, index)) > 0  # the words "cannot be used"
    assert "took longer than" in combo.itemData(combo.findData("looping"), 3)
    assert "ZeroDivisionError" in combo.itemData(combo.findData("failing"), 3)
    classic = combo.findData("classic")
    assert CANNOT not in combo.itemData(classic, 3) and inked(thumbnail(combo, classic)) > 20


def test_hidden_picker_makes_nothing_and_catches_up_when_shown(qtbot, window) -> None:
    combo = picker(window)
    click_menu(window, "Edit", "Theme and Page")
    thumbnails_ready(qtbot, combo)
    index = combo.currentIndex()
    before = thumbnail(combo, index)
    window.theme_dock.close()
    settle()
    window.document.set_value(("basics", "name"), "Somebody Else Entirely", "Edit name")
    qtbot.wait(THUMBNAIL_DELAY_MS + 500)
    assert combo.maker.worker is None and thumbnail(combo, index) == before
    click_menu(window, "Edit", "Theme and Page")
    qtbot.waitUntil(lambda: thumbnail(combo, index) != before, timeout=20000)


def test_thumbnail_copy_keeps_what_page_one_can_show() -> None:
    sample = native.load(OUR_SAMPLE)
    today = date(2025, 6, 1)
    for theme in ("classic", "sidebar"):  # an ordinary résumé is drawn whole
        sample.layout.theme = theme
        full = render_html(sample, today=today)
        assert render_html(thumbnail_copy(sample), today=today) == full
    long = Resume()
    long.basics.name = "Long"
    long.work = [Work(name=f"Company {n}", highlights=["x"] * 500) for n in range(3000)]
    copy = thumbnail_copy(long)
    assert len(copy.work) == MAX_ENTRIES and copy.work[0].name == "Company 0"
    assert len(copy.work[0].highlights) == MAX_ENTRIES
    copy.work[0].name = "changed"
    assert long.work[0].name == "Company 0", "the copy shares nothing the user edits"


def test_thumbnails_wait_while_the_preview_is_made(qtbot, window, person, tmp_path) -> None:
    """A long résumé opened with the picker on screen: its pages come first; the
    thumbnails start only once they are shown (both at once would make the window wait
    on two threads for Python's lock)."""
    combo = picker(window)
    click_menu(window, "Edit", "Theme and Page")
    thumbnails_ready(qtbot, combo)
    long = native.load(OUR_SAMPLE)
    long.work = [
        Work(name=f"Company {n}", position="Engineer", highlights=["Shipped things"] * 6)
        for n in range(400)
    ]
    path = tmp_path / "long.json"
    path.write_text(native.dumps(long), encoding="utf-8")
    person.open_path = path
    click_menu(window, "File", "Open")
    assert window.live.busy, "400 jobs are made in the background"
    seen_together = []

    def watch() -> None:
        if window.live.renderer.busy and combo.maker.worker is not None:
            seen_together.append(True)

    timer = QTimer()
    timer.timeout.connect(watch)
    timer.start(5)
    preview_settled(qtbot, window, timeout=120_000)
    thumbnails_ready(qtbot, combo, timeout=60_000)
    timer.stop()
    assert not seen_together, "a thumbnail was made while the preview was"
    assert window.preview.page_count > 10
