"""Partial dates as résumés use them, and a parser for what people actually type.

A résumé date is a year, a year and month, or a full day (JSON Resume's ``iso8601``
pattern). An ongoing period has no end date; people write that as "present" or
"현재", so the parser reports it as ``None`` rather than inventing a date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import total_ordering

MIN_YEAR, MAX_YEAR = 1000, 2999  # the JSON Resume schema's pattern allows [1-2]\d{3}

PRESENT_WORDS = frozenset(
    {
        "present",
        "now",
        "current",
        "currently",
        "ongoing",
        "today",
        "현재",
        "재직중",
        "재직 중",
        "진행중",
        "진행 중",
        "재학중",
        "재학 중",
        "현재까지",
    }
)

MONTH_NAMES = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}

ISO_PATTERN = re.compile(r"^([12]\d{3})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateParseError(ValueError):
    """What the user typed is not a date we can read; the message says why."""


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A year, optionally with month and day. Orders chronologically, "2018" first."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise DateParseError(f"year {self.year} is outside {MIN_YEAR}–{MAX_YEAR}")
        if self.month is None and self.day is not None:
            raise DateParseError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateParseError(f"month {self.month} does not exist")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month or 1)[1]
            if not 1 <= self.day <= last:
                raise DateParseError(
                    f"day {self.day} does not exist in {self.year}-{self.month:02d}"
                )

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def iso(self) -> str:
        """The JSON Resume form: YYYY, YYYY-MM or YYYY-MM-DD."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def month_index(self, *, as_end: bool = False) -> int:
        """Months since year 0; a year alone counts as January, or December as an end."""
        month = self.month if self.month is not None else (12 if as_end else 1)
        return self.year * 12 + month - 1

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        match = ISO_PATTERN.match(text)
        if not match:
            raise DateParseError(f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else None for g in match.groups())
        return cls(year, month, day)  # type: ignore[arg-type]


def _year(text: str) -> int:
    if len(text) != 4:
        raise DateParseError(f"write the year with four digits, not {text!r}")
    return int(text)


# Each pattern yields named groups y, m (number or name), d; tried in order.
_SEP = r"\s*[-./]\s*"
_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(?P<y>\d{2,4})\s*년(?:\s*(?P<m>\d{1,2})\s*월(?:\s*(?P<d>\d{1,2})\s*일)?)?$",
        rf"^(?P<y>\d{{4}})(?:{_SEP}(?P<m>\d{{1,2}})(?:{_SEP}(?P<d>\d{{1,2}}))?)?\s*\.?$",
        rf"^(?P<m>\d{{1,2}}){_SEP}(?P<y>\d{{4}})$",
        r"^(?P<m>[a-z]{3,9})\.?,?\s+(?P<y>\d{2,4})$",
        r"^(?P<d>\d{1,2})\s+(?P<m>[a-z]{3,9})\.?,?\s+(?P<y>\d{2,4})$",
        r"^(?P<m>[a-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{2,4})$",
        r"^(?P<y>\d{2})\s*[./]\s*(?P<m>\d{1,2})\.?$",  # 18.06: caught to explain
    )
)


def _month(text: str) -> int:
    if text.isdigit():
        return int(text)
    number = MONTH_NAMES.get(text.lower().rstrip("."))
    if number is None:
        raise DateParseError(f"{text!r} is not a month name")
    return number


def is_present(text: str) -> bool:
    """True for the words people use for an ongoing period ("present", "현재" …)."""
    return text.strip().lower().rstrip(".") in PRESENT_WORDS


def parse_date(text: str) -> PartialDate | None:
    """Read a date as typed; None means "present" (no end date).

    Raises DateParseError with a message fit to show next to the field.
    """
    cleaned = " ".join(text.strip().split())
    if not cleaned:
        raise DateParseError("the date is empty")
    if is_present(cleaned):
        return None
    for pattern in _PATTERNS:
        match = pattern.match(cleaned)
        if not match:
            continue
        parts = match.groupdict()
        year = _year(parts["y"])
        month = _month(parts["m"]) if parts.get("m") else None
        day = int(parts["d"]) if parts.get("d") else None
        return PartialDate(year, month, day)
    raise DateParseError(
        f"cannot read {text.strip()!r} as a date; try 2018-06, 2018.06, Jun 2018 or 2018년 6월"
    )


_PERIOD_SPLIT = re.compile(r"\s*(?:~|–|—|－|∼|〜|\bto\b|\s-\s|부터)\s*", re.IGNORECASE)


def parse_period(text: str) -> tuple[PartialDate, PartialDate | None]:
    """Read "2018. 06 ~ 2019. 01" or "Jun 2018 – Present" into (start, end or None)."""
    parts = [p for p in _PERIOD_SPLIT.split(text.strip()) if p]
    if len(parts) == 1 and text.strip().endswith(("~", "–", "-")):
        parts = [*parts, "present"]  # "2018.06 ~" is an open period
    if len(parts) != 2:
        raise DateParseError(f"cannot read {text.strip()!r} as a period like 2018.06 ~ 2019.01")
    start = parse_date(parts[0].rstrip("-").strip())
    if start is None:
        raise DateParseError("a period cannot start at present")
    end_text = parts[1].removesuffix("까지").strip()
    end = parse_date(end_text)
    if end is not None and end.month_index(as_end=True) < start.month_index():
        raise DateParseError(f"the period ends ({end.iso()}) before it starts ({start.iso()})")
    return start, end


def months_between(start: PartialDate, end: PartialDate) -> int:
    """Whole months from start to end, counting both ends (Jun–Aug is 3 months).

    This is how Korean 경력 and LinkedIn count; a bare year spans January to December.
    """
    return max(0, end.month_index(as_end=True) - start.month_index() + 1)
