"""Markdown inside fields, printed (issue #10): headings below the section headings, list
markers a reader can read, code in monospace that wraps, nothing past the margins.

Every check reads a real export back: the text with pdftotext and pypdf, the font and
size of each run with pypdf, word boxes with ``pdftotext -bbox``.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from cveditor.model import Resume
from cveditor.render.markdown import CODE_FONTS, markdown_inline, markdown_to_html
from cveditor.render.pdf import ExportReport, pdf_bytes

from .pdfcheck import pdftotext, reader

TODAY = date(2026, 11, 1)
THEMES = ["classic", "sidebar", "compact", "korean", "myeongjo", "modern", "english"]
MM_TO_PT = 72 / 25.4
TOLERANCE = 0.5  # points

TOKEN = "https://example.com/" + "longtoken" * 20  # 200 characters, no space
FIELD = f"""Field text with `inline_code_word` and a long token {TOKEN} end.

# Field heading one

## Field heading two

### Field heading three

Text under the headings.

| a | b |
|---|--:|
| 가 | 나 |

- First item
- Second item
  - Nested item
- Third item

3. Third step
4. Fourth step

```
def printed_function(argument_one, argument_two, argument_three, argument_four, argument_five):
\treturn argument_one  # 코드 안의 한글
```

Closing paragraph of ordinary text, long enough to wrap across the width of the page body.
"""

#: Quotes and lists nested deeper than any résumé needs: each level may not push the
#: text further right for ever (Qt would print a letter per line, then past the margin).
DEEP = "".join(">" * n + f" quote level {n}\n\n" for n in range(1, 16)) + "".join(
    "  " * n + f"- list level {n}\n" for n in range(9)
)


def field_resume(theme: str) -> Resume:
    """A résumé whose summary, job summary and highlights are all FIELD-like Markdown."""
    return Resume.model_validate(
        {
            "basics": {"name": "Field Tester", "summary": FIELD},
            "work": [
                {
                    "name": "Acme",
                    "position": "Engineer",
                    "startDate": "2020-01",
                    "summary": FIELD,
                    "highlights": ["uses `inline_code_word` here", f"see {TOKEN}"],
                },
                {"name": "Deep", "position": "Nester", "summary": DEEP},
            ],
            "x-cveditor": {"layout": {"theme": theme}},
        }
    )


@pytest.fixture(scope="module")
def exports(qapp, tmp_path_factory) -> dict[str, tuple[Path, ExportReport, Resume]]:
    folder = tmp_path_factory.mktemp("field-markdown")
    results = {}
    for theme in THEMES:
        resume = field_resume(theme)
        assert resume.layout.theme == theme
        data, report = pdf_bytes(resume, today=TODAY)
        path = folder / f"{theme}.pdf"
        path.write_bytes(data)
        results[theme] = (path, report, resume)
    return results


# --- reading the PDF back ------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    text: str


@dataclass(frozen=True)
class Run:
    """One text run as pypdf sees it: the font it is drawn in and its size."""

    text: str
    font: str
    size: float


_PAGE = re.compile(r'<page width="([\d.]+)"')
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>'
)


def words(path: Path) -> tuple[float, list[Word]]:
    """The page width and every word's box (poppler)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")
    width = float(_PAGE.search(out).group(1))  # type: ignore[union-attr]
    found = []
    for page, chunk in enumerate(out.split("<page ")[1:]):
        for m in _WORD.finditer(chunk):
            found.append(Word(page, float(m[1]), float(m[2]), float(m[3]), m[4]))
    return width, found


def runs(path: Path) -> list[Run]:
    """Runs in drawing order; neighbours in the same font and size are joined, as Qt
    splits a word where it kerns ("E", "xperience")."""
    found: list[Run] = []

    def visit(text, _cm, _tm, font, size) -> None:
        if not text.strip() or font is None:
            return
        run = Run(text, str(font.get("/BaseFont", "")), float(size))
        if found and (found[-1].font, found[-1].size) == (run.font, run.size):
            run = Run(found.pop().text + text, run.font, run.size)
        found.append(run)

    for page in reader(path).pages:
        page.extract_text(visitor_text=visit)
    return found


def _squeezed(text: str) -> str:
    return "".join(text.split()).lower()


def run_with(found: list[Run], text: str) -> Run:
    """The first run holding the text, in any case (a theme may print titles upper) and
    whatever spacing (the space is the text layer's business, checked elsewhere)."""
    return next(r for r in found if _squeezed(text) in _squeezed(r.text))


def first_word(found: list[Word], prefix: str) -> Word:
    return next(w for w in found if w.text.startswith(prefix))


def word_before(found: list[Word], prefix: str) -> Word:
    index = found.index(first_word(found, prefix))
    return found[index - 1]


# --- the printed pages -----------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
def test_nothing_prints_past_the_margins(exports, theme) -> None:
    """Long tokens, code lines, list text and deep nesting all stay inside the page body."""
    path, report, resume = exports[theme]
    width, found = words(path)
    left = resume.layout.margins.left * MM_TO_PT - TOLERANCE
    right = width - resume.layout.margins.right * MM_TO_PT + TOLERANCE
    outside = [w for w in found if w.x0 < left or w.x1 > right]
    assert not outside, f"{theme}: past the margins ({left:.1f}–{right:.1f}): {outside[:5]}"
    assert report.lost_words == [] and report.missing_characters == []


@pytest.mark.parametrize("theme", THEMES)
def test_field_headings_print_below_section_headings(exports, theme) -> None:
    """`#`, `##`, `###` in a field print below the section headings and apart by level
    (a new user found all three identical): `#` bold at body size, `##` bold and
    smaller, `###` as small and not bold; never Qt's huge <h1>, never a section's size."""
    found = runs(exports[theme][0])
    body = run_with(found, "Text under the headings").size
    section = run_with(found, "Experience").size
    one, two, three = (run_with(found, f"Field heading {n}") for n in ("one", "two", "three"))
    assert "Bold" in one.font and "Bold" in two.font, (one, two)
    assert "Bold" not in three.font, three
    assert one.size <= body + 0.01 < section, (one, body, section)
    assert two.size < one.size - 0.5, (one, two)
    assert three.size <= two.size + 0.01, (two, three)


@pytest.mark.parametrize("theme", THEMES)
def test_table_cells_read_apart(exports, theme) -> None:
    """A Markdown table's cells read as separate words, row by row, by every reader (a
    new user's table read "ab": the cells touched, and readers glued them)."""
    path = exports[theme][0]
    texts = {
        "pdftotext": pdftotext(path),
        "pypdf": "\n".join(page.extract_text() for page in reader(path).pages),
    }
    for name, text in texts.items():
        words = text.split()
        for cell in ("a", "b", "가", "나"):
            assert words.count(cell) >= 2, f"{theme}, {name}: cell {cell!r} glued: {words}"
        assert "ab" not in words and "가나" not in words, f"{theme}, {name}"
    # pypdf reads in drawing order: row by row, a space between the cells
    lines = [" ".join(line.split()) for line in texts["pypdf"].splitlines()]
    assert lines.count("a b") >= 2 and lines.count("가 나") >= 2, f"{theme}: {lines}"


def test_list_markers_are_text_followed_by_a_space(exports) -> None:
    path = exports["classic"][0]
    for text in (pdftotext(path), reader(path).pages[0].extract_text()):
        lines = [line.strip() for line in text.splitlines()]
        for expected in ("• First item", "• Nested item", "• Third item"):
            assert expected in lines, (expected, lines)
        assert "3. Third step" in lines and "4. Fourth step" in lines  # the start is kept
        assert "\u00a0" not in text


def test_nested_lists_indent_and_lines_hang(exports) -> None:
    path = exports["classic"][0]
    _, found = words(path)
    top = word_before(found, "First")
    nested = word_before(found, "Nested")
    assert top.text == nested.text == "•"
    assert nested.x0 > top.x0 + 6  # nested one level further in
    assert first_word(found, "Text").x0 < top.x0  # markers sit inside the text column
    assert word_before(found, "Fourth").text == "4."


def test_code_prints_monospace(exports) -> None:
    path = exports["classic"][0]
    found = runs(path)
    for text in ("printed_function", "inline_code_word", "return argument_one"):
        assert "Mono" in run_with(found, text).font, run_with(found, text)
    assert "Mono" not in run_with(found, "Closing paragraph").font
    assert "argument_five" in pdftotext(path)


def test_code_block_wraps_and_keeps_its_indentation(exports) -> None:
    _, found = words(exports["classic"][0])
    start = first_word(found, "printed_function")
    wrapped = first_word(found, "argument_five")
    indented = first_word(found, "return")
    assert wrapped.y0 > start.y0  # the long line went on to the next line …
    assert indented.y0 > wrapped.y0
    assert indented.x0 > first_word(found, "def").x0 + 10  # … and the tab kept its room


def test_long_token_wraps_and_reads_back_whole(exports) -> None:
    path = exports["classic"][0]
    _, found = words(path)
    pieces = [w for w in found if "longtoken" in w.text]
    assert len({(w.page, w.y0) for w in pieces}) >= 3  # 200 characters on several lines
    assert TOKEN in pdftotext(path).replace("\n", "")


# --- the HTML handed to Qt -------------------------------------------------------------


def test_no_qt_block_tags_that_misprint() -> None:
    """Qt's <h1> is huge, its list markers are not text, its <pre> never wraps."""
    html = markdown_to_html(FIELD)
    for tag in ("<h1", "<h2", "<ul", "<ol", "<li", "<pre", "<code"):
        assert tag not in html, tag
    assert "\t" not in html


def test_ordered_lists_keep_their_numbers_and_delimiter() -> None:
    html = markdown_to_html("7) seven\n1) eight\n\n1. one\n1. two")
    for marker in ("7) seven", "8) eight", "1. one", "2. two"):
        assert marker in html


def test_loose_items_and_empty_items() -> None:
    html = markdown_to_html("- first\n\n  more of first\n- \n- last")
    assert html.count("• ") == 2 and html.count("•") == 3  # the empty item keeps its dot
    assert "more of first" in html and "• more" not in html


def test_hanging_indent_follows_the_body_size() -> None:
    def hang(size: float) -> int:
        html = markdown_to_html("- item", font_size=size)
        return int(re.search(r"text-indent: -(\d+)px", html).group(1))  # type: ignore[union-attr]

    assert hang(14) > hang(10) > 0


def test_code_is_escaped_and_monospace() -> None:
    html = markdown_to_html("```\n<b>x</b> &\n```")
    assert "&lt;b&gt;x&lt;/b&gt; &amp;" in html and CODE_FONTS in html
    inline = markdown_inline("run `a\tb <c>`")
    assert CODE_FONTS in inline and "a   b &lt;c&gt;" in inline
