"""Nothing private leaves (#18): one export filter, every exporter, every byte.

One test per row of issue 18 that this part answers (5, 6, 7, 13, 14, 15), and the
property test: résumés full of private markers, exported in every format, and no
marker found in any byte of any output — PDF streams inflated, attachments and
embedded pictures decoded included.
"""

from __future__ import annotations

import base64
import json
import re
import string
import tempfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from cveditor.io import native
from cveditor.io.markdown_export import resume_to_markdown
from cveditor.io.markdown_import import markdown_to_resume
from cveditor.model.resume import Resume

from .conftest import run_cveditor
from .pdfcheck import pdftotext

THEMES = ("classic", "compact", "korean", "sidebar", "myeongjo", "modern", "english")
EXPORTS = (".pdf", ".html", ".md", ".txt", ".json")  # .json: --to jsonresume
DATA_URI = re.compile(rb"data:image/[a-z]+;base64,([A-Za-z0-9+/=]+)")


# --- reading every byte of an output -----------------------------------------------------


def _inflated(data: bytes) -> bytes:
    """``data`` with every zlib stream in it inflated (PDF content, fonts, images, the
    attached JSON) and every base64 picture decoded, recursively."""
    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            parts.append(zlib.decompressobj().decompress(data[match.end() :]))
        except zlib.error:
            continue
    for match in DATA_URI.finditer(b"\n".join(parts)):
        picture = base64.b64decode(match.group(1) + b"==")
        parts.append(picture)
        parts += _png_chunks(picture)
    return b"\n".join(parts)


def _png_chunks(picture: bytes) -> list[bytes]:
    """The inflated text of a PNG's compressed chunks (zTXt, iTXt, iCCP)."""
    out = []
    for match in re.finditer(rb"(zTXt|iTXt|iCCP)", picture):
        rest = picture[match.end() :]
        start = rest.find(b"\x78")  # a zlib header
        if start >= 0:
            try:
                out.append(zlib.decompressobj().decompress(rest[start:]))
            except zlib.error:
                continue
    return out


def everything_in(path: Path) -> bytes:
    """Every byte a reader of ``path`` could get at, lower-cased for the search."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        data += pdftotext(path).encode("utf-8")
    return _inflated(data).lower()


def found(marker: str, haystack: bytes) -> bool:
    forms = [marker.lower().encode(), marker.lower().encode("utf-16-be")]
    forms += [form.hex().encode() for form in forms]  # PDF hex strings
    return any(form in haystack for form in forms)


def export_all(resume: Resume, folder: Path, base_dir: Path) -> dict[str, tuple[bytes, list]]:
    """Every export, as the window and ``cveditor convert`` write them."""
    from cveditor.render.exports import write_resume

    outputs = {}
    for suffix in EXPORTS:
        out = folder / f"out{suffix}"
        to = "jsonresume" if suffix == ".json" else ""
        warnings = write_resume(resume, out, to=to, base_dir=base_dir)
        outputs[suffix] = (everything_in(out), warnings)
    return outputs


# --- private résumés -----------------------------------------------------------------------

PLACES = (
    "hidden_job",
    "hidden_project",
    "hidden_skill",
    "hidden_section",
    "hidden_custom",
    "hidden_entry",
    "hidden_profile",
    "notes",
    "address",
    "postal",
    "birth",
    "meta",
    "photo_comment",
    "photo_folder",
    "other_tool_top",  # keys cveditor does not know, at every level: no theme prints them
    "other_tool_job",
    "other_tool_project",
    "other_tool_skill",
    "other_tool_section",
    "other_tool_entry",
)


def save_photo(path: Path, fmt: str, comment: str) -> Path:
    """A small picture whose file carries ``comment`` (JPEG COM, PNG tEXt chunks)."""
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 50, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    image.setText("Comment", comment)
    image.setText("Description", comment)
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path), fmt)
    assert comment.encode() in path.read_bytes(), "the file must carry the comment"
    return path


def private_data(m: dict[str, str], public: str, theme: str, image: str) -> dict:
    hidden = {"x-cveditor": {"hidden": True}}
    return {
        "basics": {
            "name": f"Pat {public}",
            "label": "Engineer",
            "image": image,
            "email": "pat@example.org",
            "birthDate": m["birth"],
            "location": {
                "address": m["address"],
                "postalCode": m["postal"],
                "city": "Seoul",
                "countryCode": "KR",
            },
            "profiles": [
                {"network": "GitHub", "url": "https://github.com/pat"},
                {"network": "Blog", "url": f"https://{m['hidden_profile']}.example", **hidden},
            ],
        },
        "work": [
            {
                "name": "Acme",
                "position": "Developer",
                "startDate": "2020-01",
                "highlights": ["Shipped things"],
                "internalNote": m["other_tool_job"],
                "x-cveditor": {
                    "projects": [
                        {"name": "Visible project", "budget": m["other_tool_project"]},
                        {"name": m["hidden_project"], **hidden},
                    ]
                },
            },
            {"name": m["hidden_job"], "summary": m["hidden_job"], **hidden},
        ],
        "skills": [
            {"name": "Python", "keywords": ["Django"], "x-rating": m["other_tool_skill"]},
            {"name": "Secret", "keywords": [m["hidden_skill"]], **hidden},
        ],
        "awards": [{"title": m["hidden_section"], "awarder": m["hidden_section"]}],
        "meta": {"version": m["meta"], "canonical": f"https://x.example/{m['meta']}"},
        "hobbies": [m["other_tool_top"]],
        "x-cveditor": {
            "layout": {"theme": theme, "hiddenSections": ["awards"]},
            "sections": [
                {
                    "id": "talks",
                    "kind": "list",
                    "title": "Talks",
                    "hidden": True,
                    "items": [m["hidden_custom"]],
                },
                {
                    "id": "prep",
                    "kind": "notes",
                    "title": "Prep",
                    "notes": [{"title": m["notes"], "text": m["notes"]}],
                },
                {
                    "id": "patents",
                    "kind": "dated",
                    "title": "Patents",
                    "owner": m["other_tool_section"],
                    "entries": [
                        {"date": "2019-05", "title": "Public patent", "fee": m["other_tool_entry"]},
                        {"date": "2019-06", "title": m["hidden_entry"], **hidden},
                    ],
                },
            ],
        },
    }


markers = st.lists(
    st.text(alphabet=string.ascii_uppercase, min_size=6, max_size=10),
    min_size=len(PLACES) + 1,
    max_size=len(PLACES) + 1,
    unique=True,
).map(lambda words: [f"zqx{w}" for w in words])


@pytest.mark.usefixtures("qapp")
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=markers,
    theme=st.sampled_from(THEMES),
    photo_format=st.sampled_from(["PNG", "JPEG"]),
    relative=st.booleans(),
)
def test_no_private_marker_leaves_any_export(words, theme, photo_format, relative) -> None:
    public, *private = words
    m = dict(zip(PLACES, private, strict=True))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        photo = save_photo(
            folder / m["photo_folder"] / f"me.{photo_format.lower()}",
            photo_format,
            m["photo_comment"],
        )
        image = str(photo.relative_to(folder)) if relative else str(photo)
        resume = native.loads(json.dumps(private_data(m, public, theme, image)))
        outputs = export_all(resume, folder, base_dir=folder)
    for suffix, (haystack, _warnings) in outputs.items():
        assert found(public, haystack), f"the search must see the printed name in {suffix}"
        leaks = [place for place, marker in m.items() if found(marker, haystack)]
        assert not leaks, f"{suffix} ({theme}, {photo_format} photo) carries {leaks}"


# --- row 5: fields no theme prints ---------------------------------------------------------


def _row5_resume(folder: Path, theme: str) -> Path:
    """A résumé file beside its photo, with every unprinted personal field filled."""
    save_photo(folder / "me.png", "PNG", "zqxcomment")
    data = {
        "basics": {
            "name": "Pat Public",
            "image": "me.png",
            "birthDate": "zqxbirth",
            "location": {"address": "zqxaddress", "postalCode": "zqxpostal", "city": "Seoul"},
        },
        "meta": {"version": "zqxmeta"},
        "x-cveditor": {"layout": {"theme": theme}},
    }
    path = folder / "cv.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


UNPRINTED = ("zqxbirth", "zqxaddress", "zqxpostal", "zqxmeta")


@pytest.mark.parametrize("theme", ["classic", "korean"])
def test_row5_unprinted_fields_leave_only_when_asked(qapp, tmp_path, theme) -> None:
    """Markdown and JSON Resume carry no address, postal code, birth date or ``meta``,
    and the photo never as a path: re-encoded, and only with a theme that prints it."""
    source = _row5_resume(tmp_path, theme)
    for out, extra in (("cv.md", []), ("plain.json", ["--to", "jsonresume"])):
        proc = run_cveditor("convert", str(source), "-o", str(tmp_path / out), *extra)
        assert proc.returncode == 0, proc.stderr
        text = (tmp_path / out).read_text(encoding="utf-8")
        assert "Pat Public" in text and "Seoul" in text
        assert not [word for word in UNPRINTED if word in text], text
        assert "me.png" not in text and str(tmp_path) not in text, "no local path leaves"
        assert ("data:image/png;base64," in text) == (theme == "korean"), "photo iff printed"
        assert "zqxcomment" not in _inflated(text.encode()).decode("latin-1")
    asked = tmp_path / "all.json"
    proc = run_cveditor(
        "convert", str(source), "-o", str(asked), "--to", "jsonresume", "--include-unprinted"
    )
    assert proc.returncode == 0, proc.stderr
    document = json.loads(asked.read_text(encoding="utf-8"))
    assert document["basics"]["location"]["address"] == "zqxaddress"
    assert document["basics"]["birthDate"] == "zqxbirth"
    assert document["meta"]["version"] == "zqxmeta"
    assert document["basics"]["image"].startswith("data:image/png;base64,"), "asked: re-encoded"
    refused = run_cveditor(
        "convert", str(source), "-o", str(tmp_path / "x.md"), "--include-unprinted"
    )
    assert refused.returncode == 1 and "--to jsonresume" in refused.stderr


# --- row 6: the photo's own metadata -------------------------------------------------------


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_row6_photo_leaves_without_its_comment(qapp, tmp_path, fmt) -> None:
    """The photo is re-encoded from its pixels: no JPEG comment, no PNG text chunk in
    the PDF's image or in the HTML (or anywhere else it goes)."""
    from cveditor.render.build import load_photo

    photo = save_photo(tmp_path / f"me.{fmt.lower()}", fmt, "zqxphotocomment")
    picture = load_photo(photo.name, tmp_path)
    assert picture is not None and picture.textKeys() == []
    resume = Resume()
    resume.basics.name = "Pat Public"
    resume.basics.image = photo.name
    resume.layout.theme = "korean"  # prints the photo
    outputs = export_all(resume, tmp_path, base_dir=tmp_path)
    assert b"/subtype /image" in outputs[".pdf"][0], "the PDF does show the photo"
    assert b"data:image/png;base64," in outputs[".html"][0]
    for suffix, (haystack, _warnings) in outputs.items():
        assert not found("zqxphotocomment", haystack), f"{suffix} carries the photo's comment"


# --- row 7: SVG photos -----------------------------------------------------------------------


def _svg(target: str) -> bytes:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="40" height="50"><image xlink:href="' + target + '" href="' + target + '" '
        'width="40" height="50"/></svg>'
    ).encode()


@pytest.mark.parametrize("how", ["file", "data-uri", "named-png"])
def test_row7_svg_photo_is_refused(qapp, tmp_path, how) -> None:
    """An SVG photo (a file, a data: URI, or an SVG named .png) could pull any local
    picture into the pages: only PNG, JPEG, WebP, BMP and GIF are decoded, by their
    bytes; the SVG is refused with a message, and no picture reaches the outputs."""
    from cveditor.render.build import PhotoProblem, load_photo, render_resume

    save_photo(tmp_path / "secret.png", "PNG", "zqxsecretpicture")
    svg = _svg("secret.png")
    if how == "data-uri":
        image = "data:image/svg+xml;base64," + base64.b64encode(svg).decode()
    else:
        name = "me.svg" if how == "file" else "me.png"
        (tmp_path / name).write_bytes(svg)
        image = name
    with pytest.raises(PhotoProblem, match="SVG"):
        load_photo(image, tmp_path)
    save_photo(tmp_path / "real.svg", "PNG", "x")  # a PNG, whatever its name says
    assert load_photo("real.svg", tmp_path) is not None
    resume = Resume()
    resume.basics.name = "Pat Public"
    resume.basics.image = image
    resume.layout.theme = "korean"
    rendered = render_resume(resume, base_dir=tmp_path)
    assert "SVG" in rendered.photo_problem and "cv-photo" not in rendered.html
    outputs = export_all(resume, tmp_path, base_dir=tmp_path)
    assert b"/subtype /image" not in outputs[".pdf"][0], "no picture in the PDF"
    assert b"<img" not in outputs[".html"][0]
    for suffix, (haystack, warnings) in outputs.items():
        assert not found("zqxsecretpicture", haystack), suffix
        assert [w for w in warnings if "SVG" in w], f"{suffix}: the refusal is said"


# --- row 13: Markdown that acts ----------------------------------------------------------------


def _checker() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True})
    md.enable(["table", "strikethrough"])
    md.validateLink = lambda _url: True  # see every link a lenient renderer would make
    return md


def _acting(markdown: str) -> list[str]:
    """What the Markdown would do beyond showing text, read with raw HTML on."""
    dangerous = {"script", "style", "iframe", "object", "embed", "img", "svg", "math"}
    dangerous |= {"form", "input", "link", "meta", "base", "frame", "video", "audio", "a"}
    out = []
    env: dict = {}
    stack = list(_checker().parse(markdown, env))
    while stack:
        token = stack.pop()
        stack += token.children or []
        if token.type in ("html_block", "html_inline"):
            tags = re.findall(r"<[^>]*>", token.content)
            out += [t for t in tags if not _harmless(t, dangerous) and "base64," not in t]
        elif token.type == "image":
            out.append(f"image {token.attrs['src']}")
        elif token.type == "link_open":
            href = str(token.attrs["href"])
            if not href.lower().startswith(("http://", "https://", "mailto:", "tel:")):
                out.append(f"link {href}")
    out += [f"reference {r['href']}" for r in env.get("references", {}).values()]
    return out


def _harmless(tag: str, dangerous: set[str]) -> bool:
    """A formatting tag: no attribute, not an element that loads or runs anything."""
    name = re.fullmatch(r"</?([a-zA-Z][a-zA-Z0-9]*)\s*/?>", tag)
    return name is not None and name.group(1).lower() not in dangerous


def hostile() -> Resume:
    data = {
        "basics": {
            "name": "<script>alert(1)</script> Mallory",
            "label": "[click](javascript:alert(2))",
            "image": "/home/mallory/secret/me.png",
            "url": "javascript:alert(3)",
            "email": "<img src=x onerror=alert(4)>",
            "summary": (
                "![tracker](https://tracker.example/pixel.png) "
                "[click](javascript:alert(5)) <script>alert(6)</script> "
                '<a href="file:///etc/passwd">f</a> [data](data:text/html,hi) **kept**'
            ),
            "profiles": [
                {"network": "X", "url": "javascript:alert(7)"},
                {"network": "Y", "url": "file:///etc/passwd"},
            ],
        },
        "work": [
            {
                "name": "<iframe src=https://evil.example>",
                "position": "[x](javascript:alert(8))",
                "highlights": [
                    "<img src=https://tracker.example/h.png>",
                    "[ok](https://ok.example)",
                ],
            }
        ],
        "skills": [{"name": "<b onclick=alert(9)>Py</b>", "keywords": ["<svg onload=alert(10)>"]}],
        "x-cveditor": {
            "sections": [
                {
                    "id": "t",
                    "kind": "text",
                    "title": "<h1>T</h1>",
                    "text": "[r][ref]\n\n[ref]: javascript:alert(11)",
                },
                {"id": "l", "kind": "list", "title": "L", "items": ["<javascript:alert(12)>"]},
                {
                    "id": "tb",
                    "kind": "table",
                    "title": "Tb",
                    "header": ["<script>"],
                    "rows": [["![i](file:///x.png)"]],
                },
            ]
        },
    }
    return native.loads(json.dumps(data))


def test_row13_markdown_export_acts_like_the_pdf() -> None:
    """Read with raw HTML on (as Jekyll would), the Markdown export makes no script,
    no picture, no link other than http(s)/mailto/tel — and no local photo path."""
    markdown = resume_to_markdown(hostile())
    assert _acting(markdown) == [], markdown
    assert "/home/mallory" not in markdown, "the photo's path stays home"
    assert "(https://tracker.example/pixel.png)" not in markdown, "a picture: its alt text"
    assert "[ok](https://ok.example)" in markdown and "**kept**" in markdown, "safe stays"
    back = markdown_to_resume(markdown, "exported.md")
    assert "Mallory" in back.basics.name, "the export still reads back"
    # text that is safe is written as it was: the import of the export reads the same
    data = {
        "basics": {
            "name": "허형록 (Hyeongrok Heo)",
            "summary": "**7년 차** <b>bold</b> [blog](https://x.example)",
        },
        "work": [{"name": "Acme_Corp", "position": "Dev", "highlights": ["a *b* `c`"]}],
    }
    markdown = resume_to_markdown(native.loads(json.dumps(data)))
    assert "# 허형록 (Hyeongrok Heo)" in markdown
    assert "**7년 차** <b>bold</b> [blog](https://x.example)" in markdown
    back = markdown_to_resume(markdown, "exported.md")
    assert resume_to_markdown(back) == markdown


# --- row 14: reserved section ids ---------------------------------------------------------------

RESERVED = ["basics", "meta", "$schema", "x-cveditor", "x-cveditor-job"]


@pytest.mark.parametrize("section_id", RESERVED)
def test_row14_reserved_section_ids_are_refused(tmp_path, section_id) -> None:
    """A custom section id that is a top-level key of JSON Resume would overwrite it in
    the export: refused with a located message, and never written over that key."""
    from pydantic import ValidationError

    from cveditor.io.jsonresume import to_jsonresume

    section = {"id": section_id, "kind": "list", "title": "Mine", "items": ["zqxitem"]}
    data = {"basics": {"name": "Pat"}, "x-cveditor": {"sections": [section]}}
    with pytest.raises(ValidationError, match="reserved"):
        Resume.model_validate(data)
    path = tmp_path / "cv.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    proc = run_cveditor("validate", str(path))
    assert proc.returncode == 1
    assert "x-cveditor.sections" in proc.stderr and repr(section_id) in proc.stderr
    assert "reserved" in proc.stderr
    exported = to_jsonresume(native.load(path))  # the window opens it, setting it aside
    assert "zqxitem" not in json.dumps(exported)


@pytest.fixture
def window(qtbot, monkeypatch):
    from cveditor.ui import dialogs
    from cveditor.ui.main_window import MainWindow
    from cveditor.ui.settings import Settings

    # pytest-qt closes the window before fixtures end: its question is answered here
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_a: "discard")
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    return win


def test_row14_window_never_makes_a_reserved_id(window) -> None:
    """A section titled "Meta", "Basics" or "X-CVEditor" gets an id of its own."""
    ids = [window.sections.add_custom("list", title) for title in RESERVED_TITLES]
    reserved = {f.alias or name for name, f in Resume.model_fields.items()}
    assert not [i for i in ids if i in reserved or i.startswith("x-cveditor")], ids
    assert len(set(ids)) == len(ids)
    Resume.model_validate(native.to_data(window.document.resume))


RESERVED_TITLES = ["Meta", "Basics", "$schema", "X-CVEditor", "x-cveditor job", "Work"]


# --- row 15: a photo problem is said once ------------------------------------------------------


def test_row15_photo_problem_is_said_once_by_the_cli(tmp_path) -> None:
    """``cveditor convert`` says once, on stderr, why the photo was left out."""
    (tmp_path / "cv.json").write_text(
        json.dumps(
            {
                "basics": {"name": "Pat Public", "image": "missing.png"},
                "x-cveditor": {"layout": {"theme": "korean"}},
            }
        ),
        encoding="utf-8",
    )
    for out in ("cv.pdf", "cv.md", "cv.html"):
        proc = run_cveditor("convert", str(tmp_path / "cv.json"), "-o", str(tmp_path / out))
        assert proc.returncode == 0, proc.stderr
        said = [line for line in proc.stderr.splitlines() if "photo" in line]
        assert len(said) == 1 and "missing.png" in said[0], proc.stderr


def test_row15_photo_problem_is_shown_under_the_photo_field(window, tmp_path) -> None:
    """The window says it under the photo field, and stops saying it once fixed."""
    from cveditor.ui.editors.fields import PhotoField

    window.sections.select("basics")
    field = next(w for w in window.findChildren(PhotoField))
    for image, words in (
        ("missing.png", "cannot be read"),
        ("data:image/svg+xml;base64,PHN2Zy8+", "SVG"),
    ):
        window.document.set_value(("basics", "image"), image)
        assert field.problem.isVisible() and words in field.problem.text()
    save_photo(tmp_path / "me.png", "PNG", "x")
    window.document.set_value(("basics", "image"), str(tmp_path / "me.png"))
    assert not field.problem.isVisible()
