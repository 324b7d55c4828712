"""Themes are untrusted code (issue #18, rows 10–12): a user theme that cannot be read,
that raises, that reaches outside its folder or asks for gigabytes is reported by name
and harms nothing else; it loads no picture but the photo and its own files."""

from __future__ import annotations

import base64
import os
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox

from cveditor.errors import ResumeFileError
from cveditor.io import native
from cveditor.model import Resume
from cveditor.paths import user_themes_dir
from cveditor.render.html import render_html
from cveditor.ui import dialogs
from cveditor.ui.main_window import MainWindow
from cveditor.ui.settings import Settings

from .conftest import run_cveditor
from .pdfcheck import reader
from .person import preview_settled
from .test_render_safety import ConnectionCounter

GOOD_TEMPLATE = '{% import "macros.html.j2" as m %}<p>GOOD THEME {{ basics.name }}</p>'


def user_theme(name: str, template: str = GOOD_TEMPLATE, toml: str = 'name = "Mine"\n') -> Path:
    """A real theme folder in the (test) user themes folder."""
    folder = user_themes_dir() / name
    folder.mkdir(parents=True)
    (folder / "theme.toml").write_text(toml, encoding="utf-8")
    (folder / "resume.html.j2").write_text(template, encoding="utf-8")
    return folder


def resume_file(tmp_path: Path, theme: str, name: str = "Kim Minji") -> Path:
    resume = Resume()
    resume.basics.name = name
    resume.layout.theme = theme
    path = tmp_path / f"cv-{theme}.json"
    native.save(resume, path)
    return path


def png(width: int, height: int, rgb: int = 0x3366AA) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(rgb)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def one_error_line(proc) -> str:
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 1, proc.stderr
    assert lines[0].startswith("error: "), lines
    return lines[0]


@pytest.fixture
def open_window(qtbot):
    """Opens a window (on a résumé file); at the end it closes without asking."""
    windows: list[MainWindow] = []

    def open_(path: Path | None = None) -> MainWindow:
        win = MainWindow(Settings())
        qtbot.addWidget(win)
        windows.append(win)
        win.show()
        if path is not None:
            assert win.files.open(path)
        settle(qtbot, win)
        return win

    yield open_
    for win in windows:
        win.document.undo_stack.setClean()


def settle(qtbot, win: MainWindow) -> None:
    preview_settled(qtbot, win)


def picker(win: MainWindow) -> QComboBox:
    return win.theme_dock.widget().theme


def choose(win: MainWindow, theme_id: str) -> None:
    combo = picker(win)
    index = combo.findData(theme_id)
    assert index >= 0, f"{theme_id} is not in the theme picker"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


# --- row 10: a theme that cannot be read is named, every other theme keeps working --------


def test_row10_broken_user_theme_is_named_and_others_work(tmp_path) -> None:
    user_theme("broken", toml='name = "Broken\n[options\n')
    user_theme("good", toml='name = "Good one"\n')
    user_theme("classic", toml="options = 3\n")  # a broken copy of a built-in one
    listing = run_cveditor("themes")
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert any(line.startswith("good") and "Good one" in line for line in lines)
    for name in ("compact", "sidebar", "korean", "myeongjo", "modern", "english"):
        assert any(line.startswith(name) and "built-in" in line for line in lines)
    broken = [line for line in lines if line.startswith("broken")]
    assert len(broken) == 1 and "cannot be used" in broken[0] and "theme.toml" in broken[0]
    assert "not valid TOML" in broken[0]
    classic = [line for line in lines if line.startswith("classic")]
    assert any("built-in" in line for line in classic), "the built-in classic stays"
    assert any("cannot be used" in line and "options" in line for line in classic)

    source = resume_file(tmp_path, "classic")
    for theme in ("classic", "compact", "good"):
        out = tmp_path / f"{theme}.pdf"
        proc = run_cveditor("export", str(source), "-o", str(out), "--theme", theme)
        assert proc.returncode == 0, proc.stderr
        assert out.exists() and reader(out).pages
    html = tmp_path / "good.html"
    assert run_cveditor("export", str(source), "-o", str(html), "--theme", "good").returncode == 0
    assert "GOOD THEME Kim Minji" in html.read_text(encoding="utf-8")
    refused = run_cveditor(
        "export", str(source), "-o", str(tmp_path / "b.pdf"), "--theme", "broken"
    )
    line = one_error_line(refused)
    assert "'broken'" in line and "theme.toml" in line and "cannot be used" in line
    assert not (tmp_path / "b.pdf").exists()


@pytest.mark.parametrize(("theme", "reason"), [("broken", "cannot be used"), ("nope", "no theme")])
def test_row10_resume_naming_broken_or_missing_theme_exports_with_default(
    tmp_path, theme, reason
) -> None:
    user_theme("broken", toml='font_size = "\n')
    source = resume_file(tmp_path, theme)
    for suffix in (".pdf", ".html"):
        out = tmp_path / f"cv{suffix}"
        proc = run_cveditor("export", str(source), "-o", str(out))
        assert proc.returncode == 0, proc.stderr
        assert out.exists() and f"wrote {out}" in proc.stdout
        warning = proc.stderr.strip().splitlines()
        assert len(warning) == 1 and warning[0].startswith("warning: "), proc.stderr
        assert f"'{theme}'" in warning[0] and reason in warning[0]
        assert "using 'Classic' instead" in warning[0]
    assert "Kim Minji" in (tmp_path / "cv.html").read_text(encoding="utf-8")


def test_row10_window_starts_and_picker_names_broken_theme(qtbot, open_window, tmp_path) -> None:
    user_theme("broken", toml="name = [\n")
    user_theme("good")
    win = open_window(resume_file(tmp_path, "classic"))
    combo = picker(win)
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert "Classic" in texts and "Mine" in texts
    index = combo.findText("broken — cannot be used")
    assert index >= 0, texts
    assert not combo.model().item(index).isEnabled()
    assert "theme.toml" in combo.itemData(index, 3) and "not valid TOML" in combo.itemData(index, 3)

    choose(win, "good")
    settle(qtbot, win)
    assert win.document.resume.layout.theme == "good"
    assert "GOOD THEME Kim Minji" in win.rendered.html
    combo.setCurrentIndex(index)  # the greyed-out entry, forced: it changes nothing
    combo.activated.emit(index)
    settle(qtbot, win)
    assert win.document.resume.layout.theme == "good"
    assert combo.currentData() == "good"

    win.document.undo_stack.setClean()
    assert win.files.open(resume_file(tmp_path, "broken", name="Lee Broken"))
    settle(qtbot, win)
    assert win.rendered.theme.id == "classic" and win.preview.page_count >= 1
    assert "Lee Broken" in win.rendered.html
    assert "'broken' cannot be used" in win.rendered.theme.problem
    assert "'broken' cannot be used" in win.statusBar().currentMessage()
    assert combo.currentText() == "broken — cannot be used"
    win.document.undo_stack.setClean()


# --- row 11: a theme's exception is a located message; options are range-checked ---------

FAILING = {
    "ZeroDivisionError": "<p>{{ basics.name }}</p>\n{{ 1 / (basics.name|length * 0) }}",
    "TypeError": "<p>{{ basics.name }}</p>\n{{ 1 + basics.name }}",
    "OverflowError": "<p>{{ basics.name }}</p>\n{{ 10.0 ** 400 }}",
    "RecursionError": "{% macro f(n) %}{{ f(n) }}{% endmacro %}\n<p>\n{{ f(1) }}</p>",
}


@pytest.mark.parametrize("kind", sorted(FAILING))
def test_row11_theme_exception_is_a_located_error(tmp_path, kind) -> None:
    folder = user_theme("failing", FAILING[kind])
    source = resume_file(tmp_path, "classic")
    for suffix in (".pdf", ".html"):
        out = tmp_path / f"cv{suffix}"
        proc = run_cveditor("export", str(source), "-o", str(out), "--theme", "failing")
        line = one_error_line(proc)
        assert f"{folder / 'resume.html.j2'}, line " in line, line
        assert f"theme 'failing' failed: {kind}" in line
        assert not out.exists()
    resume = native.load(source)
    resume.layout.theme = "failing"
    with pytest.raises(ResumeFileError, match=f"theme 'failing' failed: {kind}") as caught:
        render_html(resume)
    assert caught.value.line is not None


def test_row11_window_keeps_last_pages_and_says_why(
    qtbot, open_window, tmp_path, monkeypatch
) -> None:
    user_theme("failing", FAILING["ZeroDivisionError"])
    win = open_window(resume_file(tmp_path, "classic"))
    good_pages, good_render = win.preview.view.paged, win.rendered
    assert good_pages is not None and win.preview.page_count >= 1

    choose(win, "failing")
    settle(qtbot, win)
    message = win.statusBar().currentMessage()
    assert "theme 'failing' failed: ZeroDivisionError" in message
    assert "resume.html.j2, line 2" in message
    assert win.preview.view.paged is good_pages and win.rendered is good_render

    errors: list[str] = []
    target = tmp_path / "out.pdf"
    monkeypatch.setattr(dialogs, "get_save_path", lambda *_a, **_k: target)
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, m: errors.append(m))
    win.actions["export-pdf"].trigger()
    assert len(errors) == 1 and "theme 'failing' failed: ZeroDivisionError" in errors[0]
    assert not target.exists()
    win.document.undo_stack.setClean()


@pytest.mark.parametrize(
    ("options", "option", "fragment"),
    [
        ("font_size = 100000", "options.font_size", "between 6 and 20 pt"),
        ("font_size = 2", "options.font_size", "between 6 and 20 pt"),
        ("font_size = nan", "options.font_size", "a number of points"),
        ('font_size = "big"', "options.font_size", "a number of points"),
        ('accent = "red"', "options.accent", "#rrggbb"),
        ('accent = "#12345"', "options.accent", "#rrggbb"),
    ],
)
def test_row11_theme_options_are_range_checked(tmp_path, options, option, fragment) -> None:
    folder = user_theme("odd", toml=f'name = "Odd"\n[options]\n{options}\n')
    listing = run_cveditor("themes")
    assert listing.returncode == 0, listing.stderr
    (line,) = [line for line in listing.stdout.splitlines() if line.startswith("odd")]
    assert f"{folder / 'theme.toml'}, {option}" in line and fragment in line
    source = resume_file(tmp_path, "classic")
    proc = run_cveditor("export", str(source), "-o", str(tmp_path / "o.pdf"), "--theme", "odd")
    line = one_error_line(proc)  # and no crash of Qt on a 100000 pt font
    assert "theme.toml" in line and option in line and fragment in line
    named = run_cveditor("export", str(resume_file(tmp_path, "odd")), "-o", str(tmp_path / "n.pdf"))
    assert named.returncode == 0 and "warning: theme 'odd' cannot be used" in named.stderr


# --- row 12: sandboxed, confined to its folder, bounded, no picture but its own ----------


def test_row12_symlinks_out_of_the_theme_folder_are_refused(tmp_path) -> None:
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text("TOPSECRET-LINE", encoding="utf-8")
    peek = user_theme("peek", '<p>{{ basics.name }}</p>\n{% include "secret.txt" %}')
    (peek / "secret.txt").symlink_to(outside / "secret.txt")
    folder_link = user_theme(
        "peekdir", '<p>{{ basics.name }}</p>\n{% include "parts/secret.txt" %}'
    )
    (folder_link / "parts").symlink_to(outside, target_is_directory=True)
    linked = user_theme("linked")
    (linked / "resume.html.j2").unlink()
    (outside / "t.j2").write_text("<p>TOPSECRET-LINE</p>", encoding="utf-8")
    (linked / "resume.html.j2").symlink_to(outside / "t.j2")
    inside = user_theme("inside", '<p>{{ basics.name }}</p>{% include "alias.j2" %}')
    (inside / "parts").mkdir()
    (inside / "parts" / "real.j2").write_text("<p>INSIDE OK</p>", encoding="utf-8")
    (inside / "alias.j2").symlink_to(inside / "parts" / "real.j2")

    source = resume_file(tmp_path, "classic")
    for theme in ("peek", "peekdir"):
        out = tmp_path / f"{theme}.html"
        proc = run_cveditor("export", str(source), "-o", str(out), "--theme", theme)
        line = one_error_line(proc)
        assert f"theme '{theme}' failed" in line and "leads outside the theme folder" in line
        assert not out.exists() and "TOPSECRET" not in proc.stdout + proc.stderr
    listing = run_cveditor("themes").stdout
    (line,) = [line for line in listing.splitlines() if line.startswith("linked")]
    assert "cannot be used" in line and "leads outside the theme folder" in line
    proc = run_cveditor("export", str(source), "-o", str(tmp_path / "in.html"), "--theme", "inside")
    assert proc.returncode == 0, proc.stderr
    assert "INSIDE OK" in (tmp_path / "in.html").read_text(encoding="utf-8")


BOUNDED = {
    "mutation": "{% set l = [] %}{{ l.append(1) }}",
    "repetition": '{{ ("x" * 20000000)|length }}',
    "doubling": '{% set ns = namespace(s="x") %}{% for i in range(26) %}'
    "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
    "padding": '{{ "x".ljust(30000000)|length }}',
    "format": '{{ ("%30000000s" % "x")|length }}',
    "filter": '{{ "x"|center(30000000)|length }}',
    "list": '{{ (["y" * 1000000] * 30)|join|length }}',
    "range": "{{ range(20000000)|length }}",
    "power": "{{ (7 ** 1000000) % 10 }}",
    "output": '{% for i in range(20000) %}{{ "z" * 1000 }}{% endfor %}',
}

ORDINARY = """\
{% import "macros.html.j2" as m %}{{ m.base_css(style, css) }}
<p>{{ basics.name }} {{ "%05d" % 42 }} {{ "{:,}".format(1234567) }}
{{ ("ab" * 3) ~ "-" ~ ([1, 2] + [3])|join(",") }} {{ "x"|center(5) }}</p>
{% for s in sections %}{{ m.section_body(s, labels, style) }}{% endfor %}
"""


def test_row12_user_theme_is_immutable_and_bounded() -> None:
    """Each case asks for tens of megabytes (a bounded sandbox refuses; the old one
    allocated them: 2.9 GB took a few more characters) or mutates a list."""
    resume = Resume()
    resume.basics.name = "Kim"
    user_theme("fine", ORDINARY)
    resume.layout.theme = "fine"
    assert "Kim 00042 1,234,567\nababab-1,2,3   x  </p>" in render_html(resume)
    for case, template in BOUNDED.items():
        user_theme(case, "<p>{{ basics.name }}</p>\n" + template)
        resume.layout.theme = case
        with pytest.raises(ResumeFileError, match=f"theme '{case}' failed: .*Error"):
            render_html(resume)


def test_row12_theme_loads_images_only_from_its_own_folder(tmp_path) -> None:
    listener = ConnectionCounter()
    url = f"http://127.0.0.1:{listener.port}"
    outside = tmp_path / "outside.png"
    outside.write_bytes(png(11, 13, 0xAA0000))
    folder = user_theme(
        "pictures",
        textwrap.dedent(
            f"""\
            <link rel="stylesheet" href="{url}/style.css">
            <style>p {{ background-image: url({url}/bg.png); color: #123456; }}</style>
            <p>{{{{ basics.name }}}}</p>
            {{% if basics.image %}}<img src="{{{{ basics.image }}}}" width="40">{{% endif %}}
            <img src="logo.png"><img src="{outside}"><img src="../../../../outside.png">
            <img src="file://{outside}"><img src="{url}/remote.png">
            <img src="data:image/png;base64,{base64.b64encode(outside.read_bytes()).decode()}">
            <img srcset="{url}/set.png 2x" src="logo.png">
            <table><tr><td background="{url}/cell.png" style="color: red; background: url(x)">
            <a href="javascript:alert(1)" onclick="alert(2)">click</a>
            <a href="https://example.com/ok">fine</a></td></tr></table>
            <script>fetch("{url}/script")</script><iframe src="{url}/frame"></iframe>
            """
        ),
    )
    logo = png(7, 5)
    (folder / "logo.png").write_bytes(logo)
    resume = Resume()
    resume.basics.name = "Kim Minji"
    resume.basics.image = (
        "data:image/png;base64," + base64.b64encode(png(20, 20, 0x00AA00)).decode()
    )
    resume.layout.theme = "pictures"
    source = tmp_path / "cv.json"
    native.save(resume, source)
    try:
        html_out, pdf_out = tmp_path / "cv.html", tmp_path / "cv.pdf"
        for out in (html_out, pdf_out):
            proc = run_cveditor("export", str(source), "-o", str(out))
            assert proc.returncode == 0, proc.stderr
        preview = render_html(resume, photo=True)
    finally:
        listener.close()
    assert listener.connections == 0
    logo_uri = f"data:image/png;base64,{base64.b64encode(logo).decode()}"
    for html in (preview, html_out.read_text(encoding="utf-8")):
        assert html.count(logo_uri) == 2 and "color: #123456" in html
        for leak in (url, str(outside), "outside.png", "javascript:", "onclick", "<script"):
            assert leak not in html, leak
        assert "srcset" not in html and "url(" not in html and "<iframe" not in html
        assert 'href="https://example.com/ok"' in html
    assert preview.count("<img") == 3 and 'src="cv-photo"' in preview
    images = set()
    for page in reader(pdf_out).pages:
        for ref in page.get("/Resources", {}).get("/XObject", {}).values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                images.add((int(obj["/Width"]), int(obj["/Height"])))
    assert (7, 5) in images and (20, 20) in images
    assert (11, 13) not in images, "a picture outside the theme folder was embedded"


def test_row12_theme_images_are_not_followed_out_through_links(tmp_path) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(png(11, 13))
    folder = user_theme("linkpic", '<p>{{ basics.name }}</p><img src="logo.png">')
    (folder / "logo.png").symlink_to(outside)
    resume = Resume()
    resume.basics.name = "Kim"
    resume.layout.theme = "linkpic"
    html = render_html(resume)
    assert "<img" not in html and "Kim" in html
    assert os.path.islink(folder / "logo.png")


def test_row10_a_template_that_cannot_be_parsed_is_named_when_themes_are_listed(
    qtbot, open_window, tmp_path
) -> None:
    """Found by a new user: a template with a syntax error was offered as a good theme
    and failed only once chosen."""
    user_theme("typo", "<p>{{ basics.name }</p>\n{% if %}", 'name = "Typo"\n')
    listing = run_cveditor("themes")
    line = next(x for x in listing.stdout.splitlines() if x.startswith("typo"))
    assert "cannot be used" in line and "resume.html.j2, line 1" in line and "syntax" in line
    win = open_window(resume_file(tmp_path, "classic"))
    combo = picker(win)
    index = combo.findText("typo — cannot be used")
    assert index >= 0 and not combo.model().item(index).isEnabled()
    assert "syntax error" in combo.itemData(index, 3)
    win.document.undo_stack.setClean()
