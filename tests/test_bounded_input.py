"""Bounded input and linear time (issue 17 point 6, issue 18 rows 8 and 9).

No file can block the editor, exhaust its memory or make it work quadratically: only
regular files are read, up to a size limit; values are bounded in depth and length; YAML
front matter has no aliases; emphasis nesting and page-break bookkeeping stay linear.
Timing lives in bench/sizes.py; these tests check the limits, the messages and
operation counts.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from cveditor.errors import ResumeFileError
from cveditor.io import limits, native
from cveditor.io.formats import read_resume
from cveditor.io.markdown_import import markdown_to_resume

from .conftest import OUR_SAMPLE

# --- helpers ------------------------------------------------------------------------------


@contextmanager
def fifo_watchdog(fifo: Path, seconds: float = 5.0) -> Iterator[list[bool]]:
    """Unblock a reader stuck opening ``fifo`` after ``seconds`` (so a regression fails
    the test instead of hanging it); yields a list that holds True if it had to."""
    fired: list[bool] = []
    done = threading.Event()

    def unblock() -> None:
        if done.wait(seconds):
            return
        try:  # succeeds only while a reader waits in open()
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            return
        fired.append(True)
        os.close(fd)  # the reader sees end of file

    thread = threading.Thread(target=unblock, daemon=True)
    thread.start()
    try:
        yield fired
    finally:
        done.set()
        thread.join()


def read_in_child(path: Path, memory_mb: int = 1500) -> subprocess.CompletedProcess[str]:
    """read_resume(path) in a child with capped memory and time: a regression that reads
    without end fails there, not in the test process."""
    code = (
        "import resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({memory_mb << 20}, {memory_mb << 20}))\n"
        "from cveditor.errors import ResumeFileError\n"
        "from cveditor.io.formats import read_resume\n"
        "try:\n"
        f"    read_resume({str(path)!r})\n"
        "except ResumeFileError as error:\n"
        "    print(error.located())\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


def sample_data() -> dict:
    return json.loads(OUR_SAMPLE.read_text(encoding="utf-8"))


# --- issue 17, point 6: only regular files, a size limit, depth and length limits ------------


def test_point6_fifo_is_refused_before_it_is_opened(tmp_path):
    """A FIFO named x.json blocked the window forever: it is refused unread, by name."""
    fifo = tmp_path / "x.json"
    os.mkfifo(fifo)
    with fifo_watchdog(fifo) as fired, pytest.raises(ResumeFileError) as caught:
        read_resume(fifo)
    assert not fired, "reading the FIFO blocked until a writer came"
    assert caught.value.file == str(fifo)
    assert "named pipe" in caught.value.message
    with fifo_watchdog(fifo) as fired, pytest.raises(ResumeFileError):
        native.load(fifo)
    assert not fired


def test_point6_window_refuses_a_fifo_and_keeps_the_document(qtbot, monkeypatch, tmp_path):
    """Opening a FIFO from the window shows an error naming it and changes nothing."""
    from cveditor.ui import dialogs
    from cveditor.ui.main_window import MainWindow
    from cveditor.ui.settings import Settings

    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, message: errors.append(message))
    cv = tmp_path / "cv.json"
    cv.write_bytes(OUR_SAMPLE.read_bytes())
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    assert window.files.open(cv)
    before = native.dumps(window.document.resume)
    fifo = tmp_path / "x.json"
    os.mkfifo(fifo)
    with fifo_watchdog(fifo) as fired:
        opened = window.files.open(fifo)
    assert not fired, "the window blocked on the FIFO"
    assert opened is False
    assert len(errors) == 1 and "x.json" in errors[0] and "named pipe" in errors[0]
    assert window.document.path == cv
    assert native.dumps(window.document.resume) == before
    window.document.undo_stack.setClean()


def test_point6_device_is_refused_unread(tmp_path):
    """A symlink to /dev/zero was read until 4 GB and a traceback: refused as a device."""
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(ResumeFileError) as caught:
        limits.read_limited(link)
    assert "device" in caught.value.message and caught.value.file == str(link)
    child = read_in_child(link)  # through the real door, with memory and time capped
    assert child.returncode == 0, child.stderr[-500:]
    assert "zero.json" in child.stdout and "device" in child.stdout


def test_point6_folder_is_refused_with_a_message(tmp_path):
    """A folder named like a résumé is said to be a folder, not "Is a directory"."""
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(ResumeFileError) as caught:
        read_resume(folder)
    assert "a folder" in caught.value.message


def test_point6_size_limit_names_the_size_and_the_limit(tmp_path):
    """A résumé over 20 MB (a PDF over 50 MB) is refused before it is read, saying so."""
    big = tmp_path / "big.json"
    with big.open("wb") as stream:  # sparse: no 21 MB written
        stream.truncate(21 * limits.MB)
    with pytest.raises(ResumeFileError) as caught:
        read_resume(big)
    assert caught.value.file == str(big)
    assert "too large" in caught.value.message
    assert "21 MB" in caught.value.message and "20 MB" in caught.value.message
    markdown = tmp_path / "big.md"
    markdown.write_bytes(b"# x\n" + b" " * limits.MAX_RESUME_BYTES)
    with pytest.raises(ResumeFileError, match="the limit is 20 MB"):
        read_resume(markdown)
    pdf = tmp_path / "ours.pdf"
    with pdf.open("wb") as stream:
        stream.truncate(30 * limits.MB)
    with pytest.raises(ResumeFileError) as caught:
        read_resume(pdf)  # not a PDF, but not too large for one
    assert "too large" not in caught.value.message
    with pdf.open("wb") as stream:
        stream.truncate(51 * limits.MB)
    with pytest.raises(ResumeFileError, match="the limit is 50 MB"):
        read_resume(pdf)


def test_point6_nesting_limit_is_located(tmp_path):
    """Values nested deeper than the limit are refused with their field and line."""
    data = sample_data()
    deep: list = []
    for _ in range(limits.MAX_DEPTH + 5):
        deep = [deep]
    data["meta"] = {"note": deep}
    path = tmp_path / "deep.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    with pytest.raises(ResumeFileError) as caught:
        read_resume(path)
    error = caught.value
    assert f"more than {limits.MAX_DEPTH} levels" in error.message
    assert error.field is not None and error.field.startswith("meta.note[0]")
    text = path.read_text(encoding="utf-8").split("\n")
    assert error.line is not None and text[error.line - 1].strip().startswith("[")
    data["meta"] = {"note": [[[["four levels are fine"]]]]}
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read_resume(path).basics.name


# --- issue 17, point 6: open, render and export linear in size ------------------------------


def _resume_with_jobs(count: int):
    resume = native.load(OUR_SAMPLE)
    jobs = [job for job in resume.work if not job.hidden]
    resume.work = [jobs[n % len(jobs)].model_copy(deep=True) for n in range(count)]
    return resume


def test_point6_pages_are_decided_in_one_pass(qapp, monkeypatch):
    """Pagination was quadratic (800 jobs 12.8 s: each break was compared with every
    marker). Now the flow is read once, on the galley, and each page is one search of
    the break points: the searches grow with the pages, not with pages × items."""
    from cveditor.render import paginate
    from cveditor.render.build import render_resume

    searches = 0
    choose = paginate._choose

    def counting(*args):
        nonlocal searches
        searches += 1
        return choose(*args)

    monkeypatch.setattr(paginate, "_choose", counting)
    rendered = render_resume(_resume_with_jobs(120))
    pages = rendered.pages.page_count
    assert pages > 30
    assert rendered.pages.report.rounds == 1
    assert rendered.pages.report.breaks >= pages - 1
    assert searches <= 2 * pages, f"{searches} searches for {pages} pages"


def test_point6_pages_do_not_drift_from_qts(qapp):
    """Qt cuts the page height to 1/64 pt: with A4's 739.84 pt body, page 2 400 began
    35 pt above where we painted it, so every round found the same breaks again."""
    from PySide6.QtGui import QFont

    from cveditor.model.layout import Layout
    from cveditor.render.pages import PagedDocument, PageGeometry

    geometry = PageGeometry.from_layout(Layout())
    height = geometry.body.height()
    assert (height * 64).is_integer()
    count = 2400
    html = '<p style="margin:0">0</p>' + "".join(
        f'<p style="margin:0; page-break-before:always">{n}</p>' for n in range(1, count)
    )
    paged = PagedDocument(html, geometry, QFont())
    assert paged.page_count == count
    layout = paged.doc.documentLayout()
    block, n = paged.doc.begin(), 0
    while block.isValid():
        assert layout.blockBoundingRect(block).top() == n * height
        block, n = block.next(), n + 1


# --- issue 18, row 8: YAML front matter without aliases ------------------------------------


def _bomb(levels: int) -> str:
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels):
        lines.append(f"l{n}: &l{n} [" + ",".join([f"*l{n - 1}"] * 9) + "]")
    return "---\n" + "\n".join(lines) + "\n---\n# Name\n\nText.\n"


def test_row8_alias_bomb_is_refused_with_its_line(tmp_path):
    """A 355-byte alias bomb cost 1 GB: anchors and aliases are refused, located."""
    bomb = tmp_path / "bomb.md"
    bomb.write_text(_bomb(9), encoding="utf-8")  # the real thing: 387 million strings
    assert bomb.stat().st_size < 600
    child = read_in_child(bomb)  # memory and time capped, should it ever expand again
    assert child.returncode == 0, child.stderr[-500:]
    assert "bomb.md, line 2" in child.stdout and "alias" in child.stdout
    path = tmp_path / "small-bomb.md"
    path.write_text(_bomb(3), encoding="utf-8")  # 729 strings: the old loader took it
    with pytest.raises(ResumeFileError) as caught:
        read_resume(path)
    error = caught.value
    assert error.file == str(path) and error.line == 2 and error.field == "front matter.l0"
    assert "&l0" in error.located()


def test_row8_recursive_alias_is_a_located_error():
    """A recursive alias gave an uncaught RecursionError; now a message with its line."""
    text = "---\ntitle: CV\nloop: &loop [1, *loop]\n---\n# Name\n"
    with pytest.raises(ResumeFileError) as caught:
        markdown_to_resume(text, "loop.md")
    assert caught.value.line == 3 and caught.value.field == "front matter.loop"


def test_row8_front_matter_depth_and_length_are_bounded():
    """Front matter keeps the limits of a JSON résumé; plain front matter still reads."""
    deep = "[" * (limits.MAX_DEPTH + 2) + "]" * (limits.MAX_DEPTH + 2)
    with pytest.raises(ResumeFileError, match=f"more than {limits.MAX_DEPTH} levels") as caught:
        markdown_to_resume(f"---\nx: {deep}\n---\n# Name\n", "deep.md")
    assert caught.value.line == 2
    long = "y" * (limits.MAX_FIELD_CHARS + 1)
    with pytest.raises(ResumeFileError, match="at most 1,048,576") as caught:
        markdown_to_resume(f"---\ntitle: ok\nabout:\n  text: {long}\n---\n# Name\n", "long.md")
    assert caught.value.field == "front matter.about.text" and caught.value.line == 4
    resume = markdown_to_resume("---\ntitle: 홍길동\ntags: [a, {b: c}]\n---\n# Name\n", "ok.md")
    assert resume.basics.name == "Name"


# --- issue 18, row 9: field size and emphasis nesting ---------------------------------------


def test_row9_field_size_limit_names_the_field_and_the_limit(tmp_path):
    """A text field over the limit is refused with its field, line and the limit; one
    at the limit opens (bench/sizes.py exports 1 000 KB fields)."""
    data = sample_data()
    data["work"][1]["summary"] = "x" * (limits.MAX_FIELD_CHARS + 1)
    path = tmp_path / "long.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(ResumeFileError) as caught:
        read_resume(path)
    error = caught.value
    assert error.field == "work[1].summary"
    assert "1,048,576" in error.message
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[error.line - 1].lstrip().startswith('"summary": "xxx')
    data["work"][1]["summary"] = "x" * limits.MAX_FIELD_CHARS
    path.write_text(json.dumps(data), encoding="utf-8")
    assert len(read_resume(path).work[1].summary) == limits.MAX_FIELD_CHARS


def _emphasis_depth(html: str) -> int:
    depth = deepest = 0
    for tag in re.finditer(r"<(/?)(em|strong|s)>", html):
        depth += -1 if tag.group(1) else 1
        deepest = max(deepest, depth)
    return deepest


def test_row9_nested_emphasis_is_flattened_past_the_cap():
    """A 100 KB field of nested ``*`` took 156 s: Qt's HTML parser works per element
    through all its ancestors. Nesting past the cap is dropped, its text kept."""
    from cveditor.render import markdown

    n = 5000
    html = markdown.markdown_to_html("*a " * n + "b" + " c*" * n)
    assert _emphasis_depth(html) <= 16, "Qt would parse thousands of nested <em>"
    assert _emphasis_depth(html) == markdown.MAX_INLINE_NESTING
    assert html.count("a ") == n and html.count(" c") == n
    strong = markdown.markdown_inline("**x " * n + "y" + " z**" * n)
    assert _emphasis_depth(strong) == markdown.MAX_INLINE_NESTING
    mixed = markdown.markdown_to_html("*one **two ~~three~~ two** one* **가용성 99.99%**를")
    assert "<em>one <strong>two <s>three</s> two</strong> one</em>" in mixed
    assert "<strong>가용성 99.99%</strong>를" in mixed  # the CJK-friendly emphasis stays
