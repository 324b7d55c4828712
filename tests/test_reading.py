"""A long HTML is read in pieces (render/reading.py) so the window keeps answering; the
document must be the very one a whole read gives, block by block, in every theme."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QBrush, QColor, QTextCursor, QTextDocument, QTextFormat

from cveditor.render.anchors import share_names
from cveditor.render.html import render_html
from cveditor.render.reading import pieces, read_html
from cveditor.render.themes import builtin_themes_dir

from .pagecheck import long_career

THEMES = sorted(p.name for p in builtin_themes_dir().iterdir() if (p / "theme.toml").exists())


def _properties(fmt: QTextFormat) -> dict[int, str]:
    """A format's properties, comparable (Qt's == also sees internal bookkeeping)."""
    return {key: _plain(value) for key, value in fmt.properties().items()}


def _plain(value: object) -> object:
    if isinstance(value, QBrush):
        return (value.style(), value.color().name(QColor.NameFormat.HexArgb))
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    text = repr(value)
    return text.split(" at 0x")[0]  # a Qt value's repr carries its address


def _signature(doc: QTextDocument) -> list[tuple]:
    """Every block: its text, block format, tables around it, and each fragment's text
    and character format."""
    blocks = []
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        fragments = []
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fragments.append((fragment.text(), _properties(fragment.charFormat())))
            it += 1
        table = QTextCursor(block).currentTable()
        cell = table.cellAt(block.position()) if table is not None else None
        blocks.append(
            (
                block.text(),
                _properties(fmt),
                (cell.row(), cell.column(), _properties(table.format())) if cell else None,
                fragments,
            )
        )
        block = block.next()
    return blocks


@pytest.mark.parametrize("theme", THEMES)
def test_reading_in_pieces_gives_the_document_a_whole_read_gives(qapp, theme) -> None:
    resume = long_career(jobs=6)
    resume.layout.theme = theme
    parts = ["main", "aside"] if theme == "sidebar" else ["main"]
    for part in parts:
        html, _ = share_names(render_html(resume, today=date(2026, 11, 1), part=part))
        if part == "main":
            assert len(pieces(html, 1_000)) > 5, "the test must cut the HTML many times"
        whole, cut = QTextDocument(), QTextDocument()
        whole.setHtml(html)
        read_html(cut, html, size=1_000, large=0)
        expected, got = _signature(whole), _signature(cut)
        assert len(got) == len(expected)
        for n, (a, b) in enumerate(zip(expected, got, strict=True)):
            assert a == b, f"{theme} {part}: block {n} differs: {a[0]!r}"


def test_html_that_cannot_be_cut_is_read_whole(qapp) -> None:
    assert pieces("<p>no body</p>") == ["<p>no body</p>"]
    doc = QTextDocument()
    read_html(doc, "<p>no body</p>", large=0)
    assert doc.toPlainText() == "no body"
