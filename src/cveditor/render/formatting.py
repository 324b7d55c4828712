"""Dates, periods and durations as a reader of each locale expects them.

ko: ``2018.06 ~ 현재 (1년 3개월)``; en: ``Jun 2018 – Present (1 yr 3 mos)``.
"""

from __future__ import annotations

import calendar
from datetime import date

from ..model.dates import DateParseError, PartialDate, months_between

PRESENT = {"ko": "현재", "en": "Present"}
PERIOD_JOIN = {"ko": " ~ ", "en": " – "}


def _partial(iso: str | None) -> PartialDate | None:
    if not iso:
        return None
    try:
        return PartialDate.from_iso(iso)
    except DateParseError:
        return None


def format_date(iso: str | None, locale: str) -> str:
    """One date: ``2018.06`` (ko) or ``Jun 2018`` (en); a bare year stays a year."""
    value = _partial(iso)
    if value is None:
        return ""
    if locale == "ko":
        parts = [f"{value.year}"]
        if value.month:
            parts.append(f"{value.month:02d}")
        if value.day:
            parts.append(f"{value.day:02d}")
        return ".".join(parts)
    if value.month is None:
        return str(value.year)
    month = calendar.month_abbr[value.month]
    if value.day:
        return f"{month} {value.day}, {value.year}"
    return f"{month} {value.year}"


def format_duration(months: int, locale: str) -> str:
    years, rest = divmod(months, 12)
    if locale == "ko":
        parts = ([f"{years}년"] if years else []) + ([f"{rest}개월"] if rest else [])
        return " ".join(parts)
    parts = []
    if years:
        parts.append(f"{years} yr" + ("s" if years > 1 else ""))
    if rest:
        parts.append(f"{rest} mo" + ("s" if rest > 1 else ""))
    return " ".join(parts)


def format_period(
    start: str | None,
    end: str | None,
    locale: str,
    *,
    today: date,
    duration: bool = False,
) -> str:
    """A period; no end date means ongoing ("현재"/"Present") when there is a start."""
    first = format_date(start, locale)
    if not first:
        return format_date(end, locale)
    last = format_date(end, locale) or PRESENT[locale]
    text = first if first == last else f"{first}{PERIOD_JOIN[locale]}{last}"
    if duration:
        begin = _partial(start)
        finish = _partial(end) or PartialDate(today.year, today.month)
        if begin is not None:
            length = format_duration(months_between(begin, finish), locale)
            if length:
                text += f" ({length})"
    return text
