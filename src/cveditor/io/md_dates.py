"""Dates as people write them in career documents: periods ("2018. 06 ~ 2019. 01",
"'19.03 ~ '21.02", "2022년 4월 → 현재", "06/2016 - 12/2019", "Jan 2020 - Present · 4 yrs")
and single dates opening a line ("[2017. 12] …", "2019년 5월 : …")."""

from __future__ import annotations

import re

from ..model.dates import DateParseError, parse_date, parse_period

#: A date as people write it: 2018.06, 2018. 06, 2018년 6월, 2020-03-01, Jun 2018, 2018.
_DATE = (
    r"(?<![\d.])\d{1,2}\s*/\s*\d{4}(?!\d)"
    r"|\d{4}\s*[.\-/]\s*\d{1,2}(?!\d)(?:\s*[.\-/]\s*\d{1,2}(?!\d))?\.?"
    r"|\d{4}\s*년\s*(?:\d{1,2}\s*월\s*(?:\d{1,2}\s*일)?)?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}"
    r"|(?<!\d)\d{4}(?!\d)"
)
DATE_RANGE = re.compile(
    rf"({_DATE})\s*(?:~|–|—|-|→|->|⇒|to|until)\s*"
    rf"({_DATE}|present|current|now|today|현재|재직\s*중|진행\s*중)?",
    re.IGNORECASE,
)
#: Two-digit years ("'18.03 ~ '20.02", "’16–’19", "(’24)"): this century's, up to 2030.
SHORT_YEAR = re.compile(
    r"(?<![\w])['’‘](\d{2})(?=\s*[.\-/]|\s*[~–—]\s*(?:['’‘]\d{2}|\d{4}|[^\W\d])|\s*[),;·|•]|\s*$"
    r"|\s*\(\s*\d{1,2}\s*(?:년|개월|yrs?|years?|mos?|months?)\b)"  # "Jun '21 (2년)"
)
#: A duration LinkedIn adds after a period ("· 4 yrs 2 mos"): derived from the dates.
LINKEDIN_DURATION = re.compile(
    r"\s*·\s*(?:(?:\d+\s*(?:yrs?|years?|mos?|months?|년|개월)\s*)+|less than a year)\s*$",
    re.IGNORECASE,
)


#: A period of two-digit years without apostrophes ("22.03 ~ 24.02", "19.07 – 현재"):
#: read as such only as a whole period, so that "3.5 / 4.5" stays what it is.
BARE_SHORT_PERIOD = re.compile(
    r"(?<![\d.'’‘])(\d{2})\.(0[1-9]|1[0-2]|[1-9](?!\d))\.?(\s*[~–—-]\s*)"
    r"(?:(\d{2})\.(0[1-9]|1[0-2]|[1-9](?!\d))\.?(?![\d.])|(?=현재|재직|진행|present|now|current))",
    re.IGNORECASE,
)
#: The same period left open ("(21.03~)", "21.3 ~)", "19.07 –" ending the line): read
#: only before a closing bracket, a separator or the end, so "3.5 ~ 4" stays a range.
BARE_SHORT_OPEN = re.compile(
    r"(?<![\d.'’‘])(\d{2})\.(0[1-9]|1[0-2]|[1-9](?!\d))\.?(\s*[~–—]\s*)(?=[)\]·|,]|\s*$)"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_TO = r"\s*(?:~|–|—|-|→|to)\s*"
#: Two months sharing one year: "Jan–Jun 2025", "3월–8월 2024", "2024년 3월~8월",
#: "2024. 3.–8.": each month given the year, so the period reads as any other.
SHARED_YEAR = (
    (
        re.compile(rf"(?<![a-z])({_MONTH}){_TO}({_MONTH}),?\s+(\d{{4}})(?!\d)", re.IGNORECASE),
        r"\1 \3 – \2 \3",
    ),
    (
        re.compile(
            rf"(?<!\d)(\d{{1,2}})\s*월{_TO}(\d{{1,2}})\s*월\s*,?\s*(\d{{4}})(?!\d)(?:\s*년)?"
        ),
        r"\3년 \1월 ~ \3년 \2월",
    ),
    (
        re.compile(rf"(?<!\d)(\d{{4}})\s*년\s*(\d{{1,2}})\s*월?{_TO}(\d{{1,2}})\s*월"),
        r"\1년 \2월 ~ \1년 \3월",
    ),
    (
        re.compile(
            rf"(?<![\d.])(\d{{4}})\.\s*(\d{{1,2}})\.?{_TO}(\d{{1,2}})"
            r"(?:\.(?!\s*\d)|(?=\s*[)\]·,|]|\s*$))"
        ),
        r"\1.\2 ~ \1.\3",
    ),
)


def _century(year: str) -> str:
    return ("20" if int(year) <= 30 else "19") + year


#: What may follow a period whose months have one digit ("(19.7 ~ 22.3)"): a bracket,
#: a separator or the end; "12.5 ~ 13.5초" is a measure.
_ONE_DIGIT_END = re.compile(r"\s*(?:[)\]·|,/]|$)")


def _bare_period(match: re.Match[str]) -> str:
    start = f"{_century(match.group(1))}.{match.group(2)}{match.group(3)}"
    if match.re.groups < 4 or not match.group(4):
        return start
    if int(match.group(4)) < int(match.group(1)):
        return match.group(0)  # "22.5 – 19.1": no period
    one_digit = len(match.group(2)) == 1 or len(match.group(5)) == 1
    if one_digit and not _ONE_DIGIT_END.match(match.string, match.end()):
        return match.group(0)
    return start + f"{_century(match.group(4))}.{match.group(5)}"


def short_years(text: str) -> str:
    """ "'18.03" → "2018.03": a two-digit year of this century or the last."""
    text = BARE_SHORT_PERIOD.sub(_bare_period, text)
    text = BARE_SHORT_OPEN.sub(_bare_period, text)
    return SHORT_YEAR.sub(lambda m: _century(m.group(1)), text)


def shared_year(text: str) -> str:
    """ "Jan–Jun 2025" → "Jan 2025 – Jun 2025": the year written once, for both months."""
    for pattern, replacement in SHARED_YEAR:
        text = pattern.sub(replacement, text)
    return text


SINGLE_DATE_FIELD = {"awards": "date", "certificates": "date", "publications": "releaseDate"}
SINGLE_DATE = re.compile(
    r"^\[?\s*(\d{4}\s*년(?:\s*\d{1,2}\s*월)?(?:\s*\d{1,2}\s*일)?(?![가-힣])|\d{4}(?:\s*[.\-/]\s*\d{1,2}){0,2}\.?(?!\s*년))"
    r"\s*\]?\s*(?:[:：|]\s+)?(.*)$"
)


def trim(text: str) -> str:
    """Separators and unpaired brackets cut from both ends ("(주)회사 (" → "(주)회사")."""
    previous = None
    while previous != text:
        previous = text
        text = text.strip(" ,|·-–—:")
        if (
            text
            and text[0] in "(["
            and text.count(text[0]) > text.count(")" if text[0] == "(" else "]")
        ):
            text = text[1:]
        if (
            text
            and text[-1] in ")]"
            and text.count(text[-1]) > text.count("(" if text[-1] == ")" else "[")
        ):
            text = text[:-1]
    return text


def find_period(text: str) -> tuple[str | None, str | None, str]:
    """(start, end, text without the period) if the text holds a date range."""
    text = shared_year(short_years(text))
    for match in DATE_RANGE.finditer(text):
        if not match.group(2) and not re.search(r"~|–|—|\bto\b", match.group(0)):
            continue
        if not match.group(2) and re.match(r"\s*[\w\"“(]", text[match.end() :]):
            continue  # "2024-05 — Keynote, …": a date and a title, not an open period
        try:
            start, end = parse_period(f"{match.group(1)} ~ {match.group(2) or 'present'}")
        except DateParseError:
            continue
        after = LINKEDIN_DURATION.sub("", text[match.end() :], count=1)
        rest = (text[: match.start()] + after).strip()
        rest = re.sub(r"\(\s*\)|\[\s*\]", "", rest)
        rest = re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", rest))  # "( 졸업예정)": "(졸업예정)"
        return start.iso(), end.iso() if end else None, trim(rest)
    return _since(text)


#: An open start said in words at the end of a line: "Consultant (part-time), since 2020",
#: "Advisor · Since Mar 2021".
SINCE = re.compile(
    rf"[\s,(·|—–-]*\bsince\s+((?:{_MONTH}\s+)?(?:19|20)\d{{2}}(?:[.\-/]\d{{1,2}})?)\s*\)?\s*$",
    re.IGNORECASE,
)


def _since(text: str) -> tuple[str | None, str | None, str]:
    """(start, None, the rest) of a line ending "since 2020"; else no period."""
    match = SINCE.search(text)
    if not match:
        return None, None, text
    try:
        when = parse_date(match.group(1))
    except DateParseError:
        return None, None, text
    if when is None:
        return None, None, text
    return when.iso(), None, trim(text[: match.start()])


#: When the person joined, in brackets after the position: "(입사 2021.09)", "(since 2021)".
JOINED = re.compile(
    r"\s*\(\s*(?:(?:입사|since|joined)\s*[:：]?\s*([^()]{4,20}?)|([^()]{4,20}?)\s*입사)\s*\)",
    re.IGNORECASE,
)


def joined(value: str) -> tuple[str | None, str]:
    """(the start date, the value without it) of "데이터 엔지니어 (입사 2021.09)"."""
    match = JOINED.search(value)
    try:
        when = parse_date((match.group(1) or match.group(2)).strip()) if match else None
    except DateParseError:
        when = None
    if match is None or when is None:
        return None, value
    return when.iso(), (value[: match.start()] + value[match.end() :]).strip()
