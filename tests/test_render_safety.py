"""Hostile content stays inert, nothing is fetched, missing glyphs are reported."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from datetime import date

import pytest

from cveditor.errors import ResumeFileError
from cveditor.io import native
from cveditor.model import Resume
from cveditor.model.resume import ListSection, Work
from cveditor.render.html import render_html
from cveditor.render.pdf import pdf_bytes
from cveditor.render.themes import available_themes, get_theme

from .conftest import run_cveditor
from .pdfcheck import link_targets, pdftotext, reader


class ConnectionCounter:
    """A TCP listener on loopback that counts anyone who connects."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(5)
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.server.close()


def hostile_resume(port: int, theme: str) -> Resume:
    url = f"http://127.0.0.1:{port}"
    resume = Resume()
    resume.layout.theme = theme
    resume.basics.name = "<b>Mallory</b> {{ 7*7 }}"
    resume.basics.label = "{% for x in range(3) %}loop{% endfor %} 1133 22"
    resume.basics.image = f"{url}/photo.png"
    resume.basics.url = "javascript:alert(1)"
    resume.basics.summary = (
        f'<img src="{url}/pixel.png"> ![tracker]({url}/md.png) '
        '[click](javascript:alert(1)) <script>alert(2)</script> <a href="file:///etc/passwd">f</a>'
    )
    resume.work = [
        Work(
            name="</td></tr></table><h1>Injected</h1>",
            url=f"{url}/job",
            highlights=["<style>body{color:red}</style>", "&amp; &lt;"],
        )
    ]
    resume.cv.sections.append(
        ListSection(id="x", title="{{ config }}", items=[f"<img src='{url}/y'>"])
    )
    return resume


@pytest.mark.parametrize(
    "theme", ["classic", "sidebar", "compact", "korean", "myeongjo", "modern", "english"]
)
def test_hostile_content_renders_as_text(qapp, tmp_path, theme) -> None:
    listener = ConnectionCounter()
    try:
        resume = hostile_resume(listener.port, theme)
        html = render_html(resume, today=date(2026, 1, 1))
        assert "<img" not in html.replace('<img src="cv-photo"', "")
        assert "<script" not in html and "<h1>Injected" not in html
        assert 'href="javascript' not in html and 'href="file' not in html
        data, _ = pdf_bytes(resume, today=date(2026, 1, 1))
    finally:
        listener.close()
    assert listener.connections == 0, "rendering must never touch the network"
    path = tmp_path / "hostile.pdf"
    path.write_bytes(data)
    text = " ".join(pdftotext(path).split())
    for literal in (
        "<b>Mallory</b> {{ 7*7 }}",
        "{% for x in range(3) %}loop{% endfor %} 1133 22",
        "<script>alert(2)</script>",
        "</td></tr></table><h1>Injected</h1>",
    ):
        assert literal in text, f"{literal!r} should print literally"
    assert "javascript:alert(1))" in text.replace(" ", "")  # wrapped in narrow columns
    links = link_targets(reader(path))
    assert not any(link.startswith(("javascript:", "file:")) for link in links), links


def test_missing_glyph_is_reported_not_fatal(qapp, tmp_path) -> None:
    resume = Resume()
    resume.basics.name = "Kim 김"
    resume.basics.summary = "Hieroglyph 𓀀 and private \ue000 here"
    data, report = pdf_bytes(resume)
    assert "𓀀" in report.missing_characters
    assert any("U+13000" in w for w in report.warnings)
    assert reader(data).pages


def test_cli_export_reports_missing_glyphs(tmp_path) -> None:
    source = tmp_path / "r.json"
    resume = Resume()
    resume.basics.name = "Kim 𓀀"
    native.save(resume, source)
    proc = run_cveditor("export", str(source), "-o", str(tmp_path / "r.pdf"))
    assert proc.returncode == 0, proc.stderr
    assert "warning:" in proc.stderr and "U+13000" in proc.stderr


def _user_theme(home, name: str, template: str, toml: str = 'name = "Mine"\n') -> None:
    folder = home / "data" / "themes" / name
    folder.mkdir(parents=True)
    (folder / "theme.toml").write_text(toml, encoding="utf-8")
    (folder / "resume.html.j2").write_text(template, encoding="utf-8")


def test_user_theme_is_listed_and_used(qapp, _private_home, tmp_path) -> None:
    _user_theme(
        _private_home,
        "mine",
        '{% import "macros.html.j2" as m %}<p>MINE {{ basics.name }}</p>'
        "{% for s in sections %}{{ m.section_body(s, labels, style) }}{% endfor %}",
    )
    assert "mine" in available_themes() and not get_theme("mine").builtin
    resume = Resume()
    resume.basics.name = "Kim"
    resume.layout.theme = "mine"
    assert "MINE Kim" in render_html(resume)
    proc = run_cveditor("themes")
    assert "mine" in proc.stdout and "user" in proc.stdout


def test_user_theme_runs_in_a_sandbox(_private_home) -> None:
    _user_theme(_private_home, "evil", "{{ basics.__class__.__mro__[1].__subclasses__() }}")
    resume = Resume()
    resume.layout.theme = "evil"
    with pytest.raises(ResumeFileError, match="evil"):
        render_html(resume)


def test_user_theme_syntax_error_is_located(_private_home) -> None:
    """Found when the themes are listed (not first when chosen), with file and line; a
    résumé naming that theme prints with the default and says why."""
    from cveditor.render.themes import get_theme, load_themes

    _user_theme(_private_home, "broken", "<p>\n{% if %}\n</p>")
    error = load_themes().broken["broken"]
    assert error.line == 2 and "resume.html.j2" in str(error.file)
    resume = Resume()
    resume.layout.theme = "broken"
    assert "<html" in render_html(resume)
    assert "'broken' cannot be used" in get_theme("broken").problem


def test_export_command_without_display(tmp_path, our_sample) -> None:
    env = {
        k: v
        for k, v in __import__("os").environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    out = tmp_path / "cv.pdf"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "cveditor",
            "export",
            str(our_sample),
            "-o",
            str(out),
            "--theme",
            "compact",
            "--paper",
            "letter",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert "wrote" in proc.stdout and proc.stderr == ""
    assert float(reader(out).pages[0].mediabox.width) == pytest.approx(612, abs=0.6)
    html = tmp_path / "cv.html"
    proc = run_cveditor("export", str(our_sample), "-o", str(html), env=env)
    assert proc.returncode == 0 and "김서연" in html.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--theme", "nope"], "no theme 'nope'"),
        (["-o", "cv.docx"], "choose an output ending in .pdf or .html"),
    ],
)
def test_export_errors_are_one_located_line(tmp_path, our_sample, args, fragment) -> None:
    output = [] if "-o" in args else ["-o", str(tmp_path / "cv.pdf")]
    proc = run_cveditor("export", str(our_sample), *output, *args, cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0] and lines[0].startswith("error: ")
