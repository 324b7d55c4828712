"""The structure rules of docs/ats.md, checked on every theme in resources/themes (a new
theme is covered by being there): an English and a Korean résumé exported in it, read
as an ATS parser reads them, break no rule — unless the theme says ``ats_friendly =
false``. A deliberately broken user theme shows that the check fails when it should
(issue #19)."""

from __future__ import annotations

import json
import shutil
import subprocess
import tomllib
from datetime import date
from pathlib import Path

import pytest

from cveditor.ats.parse import parse_pdf
from cveditor.ats.report import main_column_x
from cveditor.ats.rules import RULES, Violation, check_rules
from cveditor.io import native
from cveditor.model import Resume
from cveditor.paths import user_themes_dir
from cveditor.render.pdf import pdf_bytes
from cveditor.render.themes import available_themes

from .conftest import REPO

THEMES_DIR = REPO / "resources" / "themes"
THEMES = sorted(p.name for p in THEMES_DIR.iterdir() if (p / "theme.toml").is_file())
DATA = Path(__file__).parent / "data" / "ats"
RESUMES = {"english": DATA / "english.resume.json", "korean": DATA / "korean.resume.json"}
CASES = [(theme, name) for theme in THEMES for name in RESUMES]
TODAY = date(2026, 11, 1)
PDFJS_SCRIPT = REPO / "tools" / "pdfjs_text.mjs"
PDFJS = REPO / ".ci" / "node" / "node_modules" / "pdfjs-dist"


def theme_spec(theme: str) -> dict:
    return tomllib.loads((THEMES_DIR / theme / "theme.toml").read_text(encoding="utf-8"))


def ats_friendly(theme: str) -> bool:
    return theme_spec(theme).get("ats_friendly", True)


def load(name: str, theme: str) -> Resume:
    resume = native.load(RESUMES[name])
    resume.layout.theme = theme
    return resume


def violations(pdf: bytes, resume: Resume) -> list[Violation]:
    """The rules a PDF of ``resume`` breaks, as the ATS check finds them."""
    return check_rules(parse_pdf(pdf), resume, main_column_x=main_column_x(resume))


@pytest.fixture(scope="module")
def exports(qapp, tmp_path_factory) -> dict[tuple[str, str], bytes]:
    """(theme, résumé) → the PDF; user themes out of the way (a private home)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CVEDITOR_HOME", str(tmp_path_factory.mktemp("home")))
        return {(t, n): pdf_bytes(load(n, t), today=TODAY)[0] for t, n in CASES}


def test_every_theme_folder_is_a_builtin_theme() -> None:
    assert set(THEMES) == {t.id for t in available_themes().values() if t.builtin}


@pytest.mark.parametrize(("theme", "name"), CASES)
def test_theme_follows_the_structure_rules(exports, theme, name) -> None:
    resume = load(name, theme)
    found = violations(exports[theme, name], resume)
    if not ats_friendly(theme):
        pytest.skip(f"{theme} is marked ats_friendly = false ({len(found)} breach(es))")
    dump = parse_pdf(exports[theme, name]).dump()
    assert not found, (
        f"{theme} breaks the structure rules of docs/ats.md on the {name} résumé:\n"
        + "\n".join(f"  {v}  [{RULES[v.rule]}]" for v in found)
        + f"\n\nthe parser's lines:\n{dump[:4000]}"
    )


SAMPLE = REPO / "resources" / "samples" / "sample.resume.json"


@pytest.fixture(scope="module")
def sample_exports(qapp, tmp_path_factory) -> dict[str, bytes]:
    """theme → the bundled sample exported in it: skill levels, language fluency and
    dated lines (patents), in Korean and English, which the ATS résumés lack."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CVEDITOR_HOME", str(tmp_path_factory.mktemp("home")))
        found = {}
        for theme in THEMES:
            resume = native.load(SAMPLE)
            resume.layout.theme = theme
            found[theme] = pdf_bytes(resume, today=TODAY)[0]
        return found


@pytest.mark.parametrize("theme", THEMES)
def test_no_space_between_two_runs_is_a_run_of_its_own(sample_exports, theme) -> None:
    """Rule word-spaces, in every theme (the not-for-ATS one too): a skill's level after
    its name ("Platform Expert") and a dated line's date before its text ("[2017.12]
    특허 출원") were glued in the text layer by modern and english — the space between
    them was a run of its own, which parsers drop."""
    resume = native.load(SAMPLE)
    resume.layout.theme = theme
    parsed = parse_pdf(sample_exports[theme])
    found = [v for v in check_rules(parsed, resume) if v.rule == "word-spaces"]
    assert not found, f"{theme}: {[str(v) for v in found]}"
    strict = parse_pdf(sample_exports[theme], edges=False)  # as pdf.js gives the items
    found = [v for v in check_rules(strict, resume) if v.rule == "word-spaces"]
    assert not found, f"{theme}, read as pdf.js reads: {[str(v) for v in found]}"
    text = "\n".join(line.text for line in parsed.lines)
    assert "PlatformExpert" not in text and "]특허" not in text, text[:3000]


def pdfjs_items(pdf: bytes, folder: Path) -> list[list[dict]]:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: pdf.js (pdfjs-dist) cannot run")
    if not PDFJS.is_dir():
        pytest.skip(f"pdfjs-dist is not in {PDFJS}: run .ci/run (npm install) first")
    path = folder / "two-columns.pdf"
    path.write_bytes(pdf)
    proc = subprocess.run(
        ["node", str(PDFJS_SCRIPT), str(path), "--json"],
        capture_output=True,
        check=True,
        timeout=120,
    )
    return json.loads(proc.stdout)


TWO_COLUMNS = [t for t in THEMES if "aside" in theme_spec(t)]


@pytest.mark.parametrize("theme", TWO_COLUMNS)
@pytest.mark.parametrize("name", list(RESUMES))
def test_two_columns_read_main_column_first(exports, tmp_path, theme, name) -> None:
    """Measured in the content stream by pypdf (the ATS check) and by pdf.js: on every
    page, every text item of the main column comes before the sidebar's first."""
    resume = load(name, theme)
    main_x = main_column_x(resume)
    assert main_x is not None
    pdf = exports[theme, name]
    assert not [v for v in violations(pdf, resume) if v.rule == "main-first"]
    for number, items in enumerate(pdfjs_items(pdf, tmp_path), start=1):
        sides = ["main" if i["x"] >= main_x - 1 else "side" for i in items if i["str"].strip()]
        if "side" in sides:
            first_side = sides.index("side")
            assert "main" not in sides[first_side:], (
                f"pdf.js reads the sidebar of page {number} before the end of the main column"
            )


def test_a_theme_that_is_not_for_ats_says_so_in_the_picker(qtbot) -> None:
    from cveditor.document import ResumeDocument
    from cveditor.render.themes import load_themes
    from cveditor.ui.theme_picker import ThemePicker

    picker = ThemePicker(load_themes(), ResumeDocument())
    qtbot.addWidget(picker)
    for index in range(picker.count()):
        theme = picker.itemData(index)
        if theme in THEMES:
            shown = picker.itemText(index)
            assert ("ATS" in shown) == (not ats_friendly(theme)), shown


# --- a theme that breaks the rules is caught ---------------------------------------------

BROKEN_TEMPLATE = """{% import "macros.html.j2" as m %}
<html><head>{{ m.base_css(style, css) }}</head><body>
{% set breaks = theme.breaks %}
{% if breaks == "title-above" %}<p><b>이력서 (Résumé)</b></p>{% endif %}
<p><span style="font-size: 20pt; font-weight: 700;">{{ basics.name }}</span></p>
{% if breaks == "bare-separator" %}<p>{% for c in basics.contacts -%}
{{ c.text }}{% if not loop.last %}<span class="muted">·</span>{% endif %}
{%- endfor %}</p>
{% else %}<p>{{ m.contact_line(basics.contacts) }}</p>{% endif %}
{% for section in sections %}
{% if breaks == "glyph-headings" %}<p><b>■ {{ section.title }}</b></p>
{% elif breaks == "small-headings" %}<p>{{ section.title }}</p>
{% else %}{{ m.heading_rule(section, style) }}{% endif %}
{% if section.kind == "entries" and breaks == "one-line-entries" %}
{% for e in section.entries %}<p><b>{{ e.title }}</b> · {{ e.org }}
{%- if e.period %}{{ m.right(e.period) }}{% endif %}</p>
{{ m.entry_body(e, labels, style) }}{% endfor %}
{% else %}{{ m.section_body(section, labels, style) }}{% endif %}
{% endfor %}
</body></html>
"""

BREAKS = {
    "one-line-entries": {"job-lines", "degree-lines"},
    "glyph-headings": {"plain-headings"},
    "small-headings": {"plain-headings"},
    "bare-separator": {"contact-runs"},
    "title-above": {"name-first", "nothing-above"},
}


def broken_theme(breaks: str, theme_id: str = "broken") -> str:
    """A user theme with one deliberate breach of the structure rules."""
    folder = user_themes_dir() / theme_id
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "resume.html.j2").write_text(BROKEN_TEMPLATE, encoding="utf-8")
    (folder / "theme.toml").write_text(
        f'name = "Broken ({breaks})"\n[options]\nbreaks = "{breaks}"\n', encoding="utf-8"
    )
    return theme_id


@pytest.mark.parametrize("breaks", list(BREAKS))
def test_a_broken_theme_fails_the_rules(qapp, breaks) -> None:
    resume = load("english", broken_theme(breaks))
    found = {v.rule for v in violations(pdf_bytes(resume, today=TODAY)[0], resume)}
    assert BREAKS[breaks] <= found, f"{breaks}: found only {sorted(found)}"


def test_the_unbroken_template_follows_the_rules(qapp) -> None:
    """The broken theme's template without its breach passes: the breach is the cause."""
    resume = load("english", broken_theme("none"))
    assert not violations(pdf_bytes(resume, today=TODAY)[0], resume)
