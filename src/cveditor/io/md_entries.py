"""One item's heading or first line → its fields: the period wherever it is written,
a date in brackets, a citation, a degree in either order, "A | B" or "B at A"."""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Any

from ..model.dates import DateParseError, parse_date
from .md_byline import TEAM
from .md_cells import ISSUER_ASIDE, date_cell, other_script
from .md_cite import QUOTED, citation
from .md_dates import SINGLE_DATE, SINGLE_DATE_FIELD, find_period, short_years
from .md_degrees import SCHOOLS, SCORE, degree
from .md_projects import NUMBERING, PROJECT_LABEL
from .md_roles import bold_org, bold_role
from .md_split import split_outside
from .md_vocabulary import (
    GLYPH,
    ROLE_WORDS,
    title_text,
)

#: What other modules take from here (SCHOOLS and degree now live in md_degrees).
__all__ = [
    "DURATION",
    "SCHOOLS",
    "SEPARATORS",
    "degree",
    "entry_from_line",
    "is_role",
    "issued_line",
]

FIRST = {
    "work": "name",
    "education": "institution",
    "volunteer": "organization",
    "awards": "title",
    "projects": "name",
    "certificates": "name",
    "publications": "name",
    "references": "name",
}
SECOND = {
    "work": "position",
    "education": "area",
    "volunteer": "position",
    "awards": "awarder",
    "projects": "description",
    "certificates": "issuer",
    "publications": "publisher",
    "references": "reference",
}
#: Words naming an organisation rather than a role in it.
ORGANISATION = re.compile(
    r"\b(?:network|foundation|society|association|club|trust|charity|council|institute|"
    r"centre|center|league|alliance|federation|union|committee|ngo|church|hospital|school|"
    r"university|college|library|museum)\b|협회|재단|센터|학회|단체|복지관|봉사단|동아리|학교",
    re.IGNORECASE,
)
#: "X @ Y": X is the role whatever its words, Y the employer (then, maybe, the place).
AT_SIGN = re.compile(r"^([^@|·—–,]+?)\s+@\s+(.+)$")
AT_PLACE = re.compile(r"\s+[|·—–]\s+|\s*\|\s*|,\s+(?!(?i:inc|llc|ltd|gmbh|co|corp|plc|ag|s\.a)\b)")
ROLE_AT = re.compile(r"^([^@|·—–]+?)\s+(?:@|at)\s+([^@|·—–,]+)$")
LINK_START = re.compile(r"^\[([^\]]+)\]\((https?://[^)\s]+)\)")
URL_KINDS = frozenset(
    {"work", "projects", "publications", "certificates", "education", "volunteer"}
)
PAREN_YEAR = re.compile(r"\s*\(((?:19|20)\d{2})\)")
CERTIFICATE_SEPARATORS = re.compile(r"\s+[|·@—]\s+|\s*\|\s*|,\s+")
SEPARATORS = re.compile(r"\s+[|·@—–/-]\s+|\s+at\s+|\s*\|\s*|,\s+")
#: An award's title may hold an en dash ("Korea UX Award – Gold"): it is no separator.
AWARD_SEPARATORS = re.compile(r"\s+[|·@—/]\s+|\s*\|\s*|,\s+")
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
#: A date in brackets with a word: "('18.08 취득)", "(issued 2021.03)", "(2020년 5월 합격)".
PAREN_DATE = re.compile(
    r"\s*\(\s*(?:취득|발급|졸업(?:\s*예정)?|issued|earned|acquired|expected|graduat(?:ed|ing|ion))?\s*"
    rf"((?:19|20)\d{{2}}(?:\s*[.\-/]\s*\d{{1,2}}){{0,2}}\.?|(?:19|20)\d{{2}}\s*년(?:\s*\d{{1,2}}\s*월)?"
    rf"|{MONTH}\s+(?:19|20)\d{{2}})"
    r"\s*(?:취득|수료|졸업(?:\s*예정)?|합격|발급|예정|issued|acquired|obtained|earned|completed"
    r"|expected)?(?:\s*[,·]\s*(?P<issuer>[^()\d\s][^()]{0,40}?))?\s*\)",  # ", 기관": who
    re.IGNORECASE,
)
#: A LinkedIn credential's dates: "Issued Jun 2023 · Expires Jun 2026".
ISSUED = re.compile(
    rf"^\s*(?:issued|발급일?|취득일?)\s*[:：]?\s*({MONTH}\s+\d{{4}}|\d{{4}}(?:\s*[.\-/]\s*\d{{1,2}}){{0,2}})"
    r"\s*(?:·\s*(.*))?$",
    re.IGNORECASE,
)
DURATION = re.compile(r"\(\s*\d{1,3}\s*(?:개월|년|months?|years?|yrs?)[^)]*\)", re.IGNORECASE)
#: A school named with its campus: "University of Illinois at Chicago".
TOTAL_PAREN = re.compile(
    r"\(\s*(?:\d{1,2}\s*(?:년|개월|yrs?|years?|mos?|months?)\s*)+\)", re.IGNORECASE
)
CAMPUS = re.compile(
    r"\b(?:university|univ\.?|college|institute)(?!\w)[^,|·—]*?\sat\s", re.IGNORECASE
)
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def _iso(text: str) -> str | None:
    """The JSON Resume form of a date as written ("2017.12", "Mar 2021"), or None when
    it is not one."""
    try:
        when = parse_date(text)
    except DateParseError:
        return None
    return when.iso() if when is not None else None


def _period(entry: dict[str, Any], text: str) -> str:
    start, end, rest = find_period(text)
    if start:
        entry["startDate"] = start
        if end:
            entry["endDate"] = end
    return rest


def _single_date(entry: dict[str, Any], kind: str, text: str) -> str:
    """A leading date of an award or a publication: "[2017.12] 특허 출원 …", "2021 대상"."""
    match = SINGLE_DATE.match(text)
    if kind not in SINGLE_DATE_FIELD or not match:
        return text
    bracketed = text.lstrip().startswith("[")
    if not bracketed and not re.match(r"\s*\d{4}(?!\d)", text):
        return text
    when = _iso(match.group(1))
    if when is None:
        return text
    entry[SINGLE_DATE_FIELD[kind]] = when
    return match.group(2)


def _trailing_year(entry: dict[str, Any], kind: str, text: str) -> str:
    """A year at the end is the date (a degree's: its end): "AWS Certified … (2021)",
    "ISTQB …, 2016", "University …, 2015"."""
    match = re.search(
        rf"[\s,—–-]*\(?((?:{MONTH}\s+)?(?:19|20)\d{{2}}(?:[.\-/]\d{{1,2}}){{0,2}})\.?\s*"
        r"(?:졸업|graduated|수료)?\s*\)?\.?\s*(?:졸업|graduated|수료)?\s*$",
        text,
        re.IGNORECASE,
    )
    field = {"education": "endDate", "projects": "startDate"}.get(kind) or SINGLE_DATE_FIELD.get(
        kind
    )
    if field is None or not match or field in entry or match.start() == 0:
        return text
    when = _iso(match.group(1))
    if when is None:
        return text
    entry[field] = when
    return text[: match.start()]


def _described(text: str) -> bool:
    """A description rather than a name: starts in lower case, or runs to four words."""
    return text[:1].islower() or len(text.split()) >= 4


def is_role(text: str) -> bool:
    """Words of a position ("Postdoctoral Fellow", "ML 엔지니어")."""
    return bool(ROLE_WORDS.search(text)) and len(text.split()) <= 5


def entry_from_line(text: str, kind: str) -> dict[str, Any]:
    """An item from its heading ("회사 | 직책 | 2021.03 ~ 현재", "[2017.12] …")."""
    if kind in ("certificates", "awards", "work") and SINGLE_DATE.match(text.strip()):
        columns = re.split(r"\s{2,}|\t", text.strip())  # "2019.05  물류관리사  한국산업인력공단"
        if len(columns) >= 3:  # "2019.06 ~ 재직중   (주)회사   팀 / 과장": the company a cell
            text = " | ".join(columns)
    text = " ".join(text.split())  # a heading is one line, even if a <br> broke it
    entry: dict[str, Any] = {}
    text = NUMBERING.sub("", GLYPH.sub("", short_years(text)))
    label = PROJECT_LABEL.match(text) if kind == "projects" else None
    if label:
        text = text[label.end() :]  # "Project: Workflow Builder"
        kind_word = label.group(0).strip(" :：")
        if not re.fullmatch(r"(?i)프로젝트|project|과제", kind_word):
            entry["type"] = kind_word  # "Case study: Tally app": a case study
    rest = re.sub(r"\(\s*[,;]\s*", "(", _period(entry, text))
    duration = DURATION.search(rest)
    rest = " ".join(DURATION.sub(" ", rest).split()) if duration else rest
    if entry and kind in SINGLE_DATE_FIELD:  # a period where one date belongs: its start
        entry[SINGLE_DATE_FIELD[kind]] = entry.pop("startDate")
        entry.pop("endDate", None)
    if not entry:
        rest = date_cell(entry, kind, rest)
    if not entry:
        rest = paren_date(entry, kind, rest)
    if not entry and kind == "certificates":
        rest = _issued_in(entry, rest)
    if not entry:
        rest = _single_date(entry, kind, rest)
        rest = _trailing_year(entry, kind, rest)
    if not entry and kind == "projects" and (year := PAREN_YEAR.search(rest)):
        entry["startDate"] = year.group(1)  # "**tinyfs** (2020) — a toy file system"
        rest = " ".join((rest[: year.start()] + rest[year.end() :]).split())
    bold_first = rest.lstrip().startswith(("**", "__"))  # "**(주)코드웨이브** (인턴) | …"
    if bold_first and kind in ("work", "volunteer") and bold_role(entry, rest):
        if kind == "volunteer" and "name" in entry:
            entry["organization"] = entry.pop("name")  # "**Mentor** — Code Forward"
        return _finished(entry, kind, duration)  # "**Senior Analyst**, Brightwell — …"
    if bold_first and kind in ("work", "volunteer") and bold_org(entry, rest, kind):
        return _finished(entry, kind, duration)  # "**Riverside Academy**, Leeds — Teacher"
    rest = title_text(rest) if "**" in rest or "__" in rest else rest
    if kind == "publications" and citation(entry, rest):
        return _finished(entry, kind, duration)
    at_sign = AT_SIGN.match(rest) if kind in ("work", "volunteer") else None
    if at_sign and len(at_sign.group(1).split()) <= 6:  # "Line Cook @ Ember Kitchen, Austin"
        pieces = split_outside(at_sign.group(2).strip(), AT_PLACE.pattern)
        entry[FIRST[kind]], entry[SECOND[kind]] = pieces[0].strip(), at_sign.group(1).strip()
        if pieces[1:]:
            entry["location"] = ", ".join(p.strip() for p in pieces[1:])
        return _finished(entry, kind, duration)
    role_at = ROLE_AT.match(rest) if kind in ("work", "volunteer") else None
    if role_at:  # "iOS Lead @ Parcelpoint", "Engineer at Acme": the role comes first
        entry[FIRST[kind]], entry[SECOND[kind]] = role_at.group(2).strip(), role_at.group(1)
        return _finished(entry, kind, duration)
    split = {"certificates": CERTIFICATE_SEPARATORS, "awards": AWARD_SEPARATORS}.get(
        kind, SEPARATORS
    )
    if kind == "education" and CAMPUS.search(rest):
        split = AWARD_SEPARATORS  # "University of Illinois at Chicago" is one school
    whole = LINK_START.fullmatch(rest.strip())
    if whole and kind in URL_KINDS:  # "### [모아책 — 동네 도서 교환 서비스](https://…)"
        entry["url"], entry[FIRST[kind]] = whole.group(2), whole.group(1).strip()
        return _finished(entry, kind, duration)
    parts = split_outside(rest.strip(" :,"), split.pattern)  # "(Payments, Risk)" is one part
    link = LINK_START.match(parts[0]) if parts else None
    if link and kind in URL_KINDS:  # "[ledgerlite](https://…) — a ledger library"
        entry["url"] = link.group(2)
        parts[0] = (link.group(1) + parts[0][link.end() :]).strip()
    if kind == "awards" and (quoted := QUOTED.search(rest)):  # 대상 — "여행 일정 자동 생성"
        entry["summary"] = quoted.group(0)
    if (
        kind == "work"
        and not bold_first  # a bold first part is the employer; "(인턴)" after it, a note
        and len(parts) >= 2
        and is_role(parts[0])
        and not is_role(parts[1])
    ):
        entry["position"], entry["name"] = parts[0], parts[1]  # "Postdoctoral Fellow, Centre …"
        if parts[2:]:
            entry["location"] = ", ".join(parts[2:])
        return _finished(entry, kind, duration)
    if kind == "education" and (score := SCORE.search(rest)):
        entry["score"] = score.group(1)
        rest = (rest[: score.start()] + rest[score.end() :]).strip(" ,")
        parts = split_outside(rest, SEPARATORS.pattern)
    if kind == "education" and degree(entry, parts):
        return _finished(entry, kind, duration)
    first, second = FIRST[kind], SECOND[kind]
    cut = split.search(rest.strip(" :,")) if kind == "projects" else None
    dashed = bool(cut and cut.group(0).strip() in ("—", "–"))  # "**x** — 표 위젯, …": what
    if kind == "projects" and len(parts) > 1 and not dashed and not _described(parts[1]):
        second = "entity"  # "tinyqueue | Acme": whose project; "— a lock-free queue": what
    organisations = [bool(ORGANISATION.search(p)) for p in parts]
    if kind == "volunteer" and organisations == [False, True]:
        first, second = second, first  # "Tutor, Leeds Refugee Education Network"
    if parts:
        entry[first] = parts[0]
        if len(parts) > 1:
            entry[second] = _after_first(rest.strip(" :,"), split, parts)
    else:
        entry[first] = rest.strip()
    if kind == "certificates" and SCOPE.search(entry.get("issuer", "")):
        entry["name"] = rest.strip(" :,")  # "QTS, Physics 11–16": what it covers, no issuer
        entry.pop("issuer")
    issuer = ISSUER_ASIDE.match(entry.get("name", "")) if kind == "certificates" else None
    if issuer and not entry.get("issuer"):  # "약사 면허 (보건복지부)": who issued it
        entry["name"], entry["issuer"] = issuer.group(1), issuer.group(2).strip()
    aside = ASIDE.fullmatch(entry.get("name", "")) if kind == "work" else None
    if aside and other_script(aside.group(1), aside.group(2)):
        aside = None  # "네오클라우드 (NeoCloud Inc.)": the same name in Latin letters
    if aside and not entry.get("description") and not DURATION.search(aside.group(0)):
        entry["name"], entry["description"] = aside.group(1), aside.group(2).strip()
    return _finished(entry, kind, duration)


#: What a licence covers, never who issued it: a range of grades or ages, a subject.
SCOPE = re.compile(
    r"\d+\s*[–\-~]\s*\d+|\b(?:grades?|years?|ages?|key\s+stages?|levels?|subjects?|phase)\b"
    r"|학년|과목|급수",
    re.IGNORECASE,
)
#: An employer with what it is in brackets after it (words, not one word: "(주)",
#: "(Remote)" and "(인턴)" stay).
ASIDE = re.compile(r"(.*?\S)\s+\(((?:(?!\d{4})[^()])*\S\s+\S[^()]*)\)")


def paren_date(entry: dict[str, Any], kind: str, text: str) -> str:
    """ "정보보안기사 ('18.08 취득)": the date in brackets to the item's date field."""
    field = {"education": "endDate", "projects": "startDate"}.get(kind) or SINGLE_DATE_FIELD.get(
        kind
    )
    match = PAREN_DATE.search(text)
    if field is None or field in entry or not match or kind == "publications":
        return text
    if re.fullmatch(r"\(\s*(?:19|20)\d{2}\s*\)", match.group(0).strip()):
        return text  # a bare "(2020)" is a citation's year, read elsewhere
    when = _iso(" ".join(match.group(1).split()))
    if when is None:
        return text
    issuer = {"certificates": "issuer", "awards": "awarder"}.get(kind)
    if match.group("issuer") and not (issuer and not entry.get(issuer)):
        return text  # an aside this item has no field for: the bracket stays as written
    entry[field] = when
    if match.group("issuer") and issuer:
        entry[issuer] = match.group("issuer").strip()  # "정보처리기사 (2018.05, 한국산업인력공단)"
    expected = re.search(r"졸업\s*예정|예정|expected", match.group(0), re.IGNORECASE)
    kept = f" ({expected.group(0)})" if expected else ""  # a date to come: said so
    return " ".join((text[: match.start()] + kept + text[match.end() :]).split())


ISSUED_IN = re.compile(
    rf"[\s·,|—–-]*(?:issued|발급일?|취득일?)\s*[:：]?\s*"
    rf"({MONTH}\s+\d{{4}}|\d{{4}}\s*년(?:\s*\d{{1,2}}\s*월)?|\d{{4}}(?:\s*[.\-/]\s*\d{{1,2}}){{0,2}})",
    re.IGNORECASE,
)


def _issued_in(entry: dict[str, Any], text: str) -> str:
    """ "AWS SAA · Amazon · Issued Jun 2023 · Expires Jun 2026": the issue date, wherever
    it stands in the line (the expiry stays as text)."""
    match = ISSUED_IN.search(text)
    if not match:
        return text
    when = _iso(" ".join(match.group(1).split()))
    if when is None:
        return text
    entry["date"] = when
    return (text[: match.start()] + text[match.end() :]).strip()


def issued_line(entry: dict[str, Any], text: str) -> bool:
    """ "Issued Jun 2023 · Expires Jun 2026" under a credential: its date; the expiry is
    kept beside the issuer (a certificate has no field of its own for it)."""
    match = ISSUED.match(title_text(text))
    if not match or entry.get("date"):
        return False
    when = _iso(match.group(1))
    if when is None:
        return False
    entry["date"] = when
    if match.group(2):
        entry["issuer"] = " · ".join(p for p in (entry.get("issuer"), match.group(2).strip()) if p)
    return True


def _after_first(text: str, split: re.Pattern[str], parts: list[str]) -> str:
    """What follows the first part, with its separators as written ("팀 / 직책" stays so,
    never "팀 · 직책"); joined with " · " only where the text cannot be cut back."""
    depth = [0, *accumulate((c == "(") - (c == ")") for c in text)]  # inside brackets: no cut
    cuts = [m for m in split.finditer(text) if text[: m.start()].strip() and depth[m.start()] <= 0]
    tail = text[cuts[0].end() :].strip(" ,|·—–-/:") if cuts else ""
    separators = {m.group(0).strip() for m in cuts[1:]}
    if tail and (not separators or separators <= {"/", "·", "|", "—", "–", "-", ","}):
        return tail
    return " · ".join(parts[1:])


def _finished(entry: dict[str, Any], kind: str, duration: re.Match[str] | None) -> dict[str, Any]:
    """The entry as every reading of a line ends it: a team written first in the role
    ("데이터분석팀 / 과장") is the job's description; a duration such as "(15개월)" is no
    date, so it is kept beside the name (dropped when the dates say it already)."""
    _team_first(entry, kind)
    if duration and entry.get("startDate") and TOTAL_PAREN.fullmatch(duration.group(0)):
        return entry  # "회사  2021.03 ~ 재직중 (3년 9개월)": the dates say it already
    if duration:
        first = FIRST[kind]
        entry[first] = f"{entry.get(first, '')} {duration.group(0)}".strip()
    return entry


def _team_first(entry: dict[str, Any], kind: str) -> None:
    """ "데이터분석팀 / 과장 / 팀원" as a job's role: the team is what the job describes,
    the rest its position."""
    pieces = [p.strip() for p in str(entry.get("position", "")).split(" / ")]
    if kind != "work" or len(pieces) < 2 or entry.get("description") or not TEAM.search(pieces[0]):
        return
    entry["description"], entry["position"] = pieces[0], " / ".join(pieces[1:])
