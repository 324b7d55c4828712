"""Dates per locale, and Markdown as users write it (Korean emphasis, safe links)."""

from __future__ import annotations

from datetime import date

import pytest

from cveditor.render.formatting import format_date, format_period
from cveditor.render.markdown import markdown_inline, markdown_to_html

TODAY = date(2019, 8, 20)


@pytest.mark.parametrize(
    ("start", "end", "locale", "duration", "expected"),
    [
        ("2018-06", None, "ko", True, "2018.06 ~ 현재 (1년 3개월)"),
        ("2018-06", None, "en", True, "Jun 2018 – Present (1 yr 3 mos)"),
        ("2018-06", "2018-06", "en", True, "Jun 2018 (1 mo)"),
        ("2017-04", "2019-12", "ko", True, "2017.04 ~ 2019.12 (2년 9개월)"),
        ("2016", "2018", "en", False, "2016 – 2018"),
        ("2016", "2018", "en", True, "2016 – 2018 (3 yrs)"),
        ("2018-06-15", "2018-09-01", "ko", False, "2018.06.15 ~ 2018.09.01"),
        ("2018-06-15", None, "en", False, "Jun 15, 2018 – Present"),
        (None, "2020-02", "en", False, "Feb 2020"),
        (None, None, "ko", True, ""),
    ],
)
def test_periods(start, end, locale, duration, expected) -> None:
    assert format_period(start, end, locale, today=TODAY, duration=duration) == expected


def test_single_dates() -> None:
    assert format_date("2017-12", "ko") == "2017.12"
    assert format_date("2017-12", "en") == "Dec 2017"
    assert format_date("2017", "en") == "2017"
    assert format_date(None, "ko") == ""


@pytest.mark.parametrize(
    ("source", "html"),
    [
        ("**가용성 99.99%**를 지켜", "<strong>가용성 99.99%</strong>를 지켜"),
        ("**(주)네오클라우드**에서", "<strong>(주)네오클라우드</strong>에서"),
        ("*중요*한 일", "<em>중요</em>한 일"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("[site](https://a.example)", '<a href="https://a.example">site</a>'),
        ("[mail](mailto:a@b.c)", '<a href="mailto:a@b.c">mail</a>'),
        ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
        ("[x](file:///etc/passwd)", "[x](file:///etc/passwd)"),
        ("![logo](https://a.example/logo.png)", "logo"),
        ("<b>raw</b>", "&lt;b&gt;raw&lt;/b&gt;"),
    ],
)
def test_markdown_inline(source, html) -> None:
    assert markdown_inline(source) == html


def test_markdown_blocks_and_empty() -> None:
    assert markdown_to_html("") == ""
    html = markdown_to_html("a\n\n- b\n- c")
    assert html.count("• ") == 2 and "<li>" not in html  # markers are text (issue #10)
