"""The date parser over what people type, in Korean and English, valid and invalid."""

from __future__ import annotations

import pytest

from cveditor.model.dates import (
    DateParseError,
    PartialDate,
    months_between,
    parse_date,
    parse_period,
)

VALID = [
    ("2018", "2018"),
    ("2018-06", "2018-06"),
    ("2018-06-15", "2018-06-15"),
    ("2018.06", "2018-06"),
    ("2018.6", "2018-06"),
    ("2018.06.", "2018-06"),
    ("2018. 06", "2018-06"),
    ("2018. 6.", "2018-06"),
    ("2018. 06. 15.", "2018-06-15"),
    ("2018/6", "2018-06"),
    ("2018/06/15", "2018-06-15"),
    ("06/2018", "2018-06"),
    ("6.2018", "2018-06"),
    ("Jun 2018", "2018-06"),
    ("jun 2018", "2018-06"),
    ("June 2018", "2018-06"),
    ("Jun. 2018", "2018-06"),
    ("Sept 2018", "2018-09"),
    ("September, 2018", "2018-09"),
    ("15 June 2018", "2018-06-15"),
    ("June 15, 2018", "2018-06-15"),
    ("Jun 1st 2018", "2018-06-01"),
    ("2018년 6월", "2018-06"),
    ("2018년6월", "2018-06"),
    ("2018 년 06 월", "2018-06"),
    ("2018년 6월 15일", "2018-06-15"),
    ("2018년", "2018"),
    ("  2018-06  ", "2018-06"),
    ("2020-02-29", "2020-02-29"),
]

PRESENT = ["present", "Present", "현재", "재직중", "재직 중", "now", "current", "진행중"]

INVALID = [
    ("", "empty"),
    ("   ", "empty"),
    ("2018-13", "month 13"),
    ("2018.00", "month 0"),
    ("2019-02-29", "day 29"),
    ("2018-06-31", "day 31"),
    ("Juen 2018", "not a month name"),
    ("18.06", "four digits"),
    ("18년 6월", "four digits"),
    ("0999", "outside"),
    ("3000", "outside"),
    ("yesterday", "cannot read"),
    ("2018-06-15-01", "cannot read"),
    ("六月 2018", "cannot read"),
    ("2018년 13월", "month 13"),
]


@pytest.mark.parametrize(("typed", "iso"), VALID)
def test_reads_what_people_type(typed: str, iso: str) -> None:
    parsed = parse_date(typed)
    assert parsed is not None
    assert parsed.iso() == iso


@pytest.mark.parametrize("typed", PRESENT)
def test_present_means_no_end_date(typed: str) -> None:
    assert parse_date(typed) is None


@pytest.mark.parametrize(("typed", "reason"), INVALID)
def test_rejects_with_a_reason(typed: str, reason: str) -> None:
    with pytest.raises(DateParseError, match=reason):
        parse_date(typed)


def test_table_is_large_enough() -> None:
    assert len(VALID) + len(PRESENT) + len(INVALID) >= 30


@pytest.mark.parametrize(
    ("typed", "start", "end"),
    [
        ("2018. 06 ~ 2019. 01", "2018-06", "2019-01"),
        ("2021.03 ~ 2022.05", "2021-03", "2022-05"),
        ("Jun 2018 – Present", "2018-06", None),
        ("2018.06 - 현재", "2018-06", None),
        ("2018.06 ~", "2018-06", None),
        ("2017년 4월 ~ 2019년 12월", "2017-04", "2019-12"),
        ("2019 to 2020", "2019", "2020"),
    ],
)
def test_periods(typed: str, start: str, end: str | None) -> None:
    got_start, got_end = parse_period(typed)
    assert got_start.iso() == start
    assert (got_end.iso() if got_end else None) == end


def test_period_that_ends_before_it_starts() -> None:
    with pytest.raises(DateParseError, match="before it starts"):
        parse_period("2020.05 ~ 2019.01")


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        ("2018-06", "2018-06", 1),
        ("2018-06", "2018-08", 3),
        ("2018-06", "2019-08", 15),
        ("2018", "2019", 24),
        ("2018-06-30", "2018-07-01", 2),
        ("2019-01", "2018-12", 0),
    ],
)
def test_months_between_counts_both_ends(start: str, end: str, months: int) -> None:
    assert months_between(PartialDate.from_iso(start), PartialDate.from_iso(end)) == months


def test_dates_order_chronologically() -> None:
    dates = [PartialDate.from_iso(t) for t in ("2019-01", "2018", "2018-06-02", "2018-06")]
    assert [d.iso() for d in sorted(dates)] == ["2018", "2018-06", "2018-06-02", "2019-01"]
