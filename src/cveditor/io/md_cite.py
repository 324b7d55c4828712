"""The venue part of a citation, as APA writes it after the title:

    *Journal of Phonetic Studies, 12*(2), 412–429. https://doi.org/10.1234/jps.2024.0412
    In *Proceedings of the Northern Speech Workshop* (pp. 18–25). https://doi.org/…

→ the publisher (the italic venue without its volume), the link, and the details left
(volume, issue, pages), which stay beside the authors so that nothing is lost. Also a
whole citation line (APA, or a quoted title: '[J1] Y. Choi*, "Title," *Venue*, 2023.')
→ a publication's fields, and whether a list is one of citations."""

from __future__ import annotations

import re
from typing import Any

from ..model.dates import DateParseError, parse_date
from .md_vocabulary import title_text

ITALIC = re.compile(r"(?<![*\w])[*_]([^*_]+)[*_](?![*\w])")
LINK = re.compile(r"(?:https?://|doi:\s*)\S+", re.IGNORECASE)
VOLUME = re.compile(r",\s*\d+\s*(?:\(\d+\))?\s*$")
DETAILS_START = re.compile(r",\s*(?:vol\.?\s*)?\d|\(\s*(?:pp?\.|\d)", re.IGNORECASE)


def venue_parts(venue: str) -> tuple[str, str, str]:
    """(publisher, url, details) of the text after a citation's title."""
    url = ""
    link = LINK.search(venue)
    if link:
        url = link.group(0).rstrip(".,;)")
        url = "https://doi.org/" + url[4:].strip() if url.lower().startswith("doi:") else url
        venue = (venue[: link.start()] + venue[link.end() :]).strip()
    italic = ITALIC.search(venue)
    if italic:
        inside = italic.group(1).strip()
        volume = VOLUME.search(inside)
        publisher = inside[: volume.start()] if volume else inside
        details = (volume.group(0) if volume else "") + venue[italic.end() :]
    else:
        plain = title_text(venue)
        cut = DETAILS_START.search(plain)
        publisher = plain[: cut.start()] if cut else plain
        details = plain[cut.start() :] if cut else ""
    publisher = re.sub(r"^in\s+", "", title_text(publisher), flags=re.IGNORECASE)
    details = " ".join(title_text(details).split()).strip(" ,.")
    return publisher.strip(" ,."), url, details


def citation_lines(lines: list[str]) -> bool:
    """Most lines are citations: APA's "Authors (2024). Title. *Venue*", or a quoted
    title with its year ('[J1] Y. Choi*, "Title," *Venue*, 2023.'): a list under
    "### Journal articles" of a publications section."""
    lines = [MARKER.sub("", line) for line in lines]
    hits = sum(
        1 for line in lines if APA_LINE.match(line) or QUOTED_LINE.match(line) or BOOK.match(line)
    )
    return bool(lines) and hits * 2 > len(lines)


QUOTED_LINE = re.compile(r"^.{0,200}?[\"“][^\"“”]{4,}[\"”].*?(?<!\d)(?:19|20)\d{2}(?!\d)")
MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
APA_LINE = re.compile(
    r"^\D{2,200}?\s*\((?:19|20)\d{2}[a-z]?(?:,\s*[^()]{1,20})?\)\.?\s+\S.+?[.?!]\s+\S"
)


QUOTED = re.compile(r"[\"“”「『]([^\"“”」』]+)[\"“”」』]")


def _iso(text: str) -> str | None:
    try:
        when = parse_date(text)
    except DateParseError:
        return None
    return when.iso() if when is not None else None


APA = re.compile(
    r"^(?P<authors>.+?)\s*\((?P<year>(?:19|20)\d{2})[a-z]?(?:,\s*(?P<month>[^()]{1,20}))?\)\.?\s*"
    r"(?P<title>.+?[.?!])\s+(?P<venue>.+)$"
)
WHEN = re.compile(r"(?<!\d)((?:19|20)\d{2}(?:\s*[.\-/]\s*\d{1,2})?)\.?(?!\d)")


BOOK = re.compile(
    r"^[*_](?P<title>[^*_]{2,200})[*_],?\s+(?P<authors>(?:(?:ed\.|eds\.|edited|trans\.|translated)"
    r"\s+)?by\s+.+?)\.\s+(?P<city>[^.:]{2,40}):\s*(?P<publisher>[^,]+?)"
    r"(?:,\s*(?P<year>(?:19|20)\d{2}))?\.?$",
    re.IGNORECASE,
)


def _book(entry: dict[str, Any], text: str) -> bool:
    """A book as Chicago writes it, "*Title*, by X. City: Publisher, 2019.": the title,
    the publisher after the colon, the year; the authors and the city kept as text."""
    book = BOOK.match(text.strip())
    if not book:
        return False
    entry["name"] = book.group("title").strip()
    entry["publisher"] = book.group("publisher").strip()
    if book.group("year") and "releaseDate" not in entry:
        entry["releaseDate"] = book.group("year")
    entry["summary"] = f"{book.group('authors').strip()} · {book.group('city').strip()}"
    return True


def citation(entry: dict[str, Any], text: str) -> bool:
    """A citation → name (the title), publisher (the venue), date, authors in summary:
    Lee, Y., Kim, S. "Title", Venue 2022; Petrova, E. (2023). Title. *Journal*, 39(4)."""
    if _book(entry, text):
        return True
    apa = APA.match(text)
    if apa and not QUOTED.search(apa.group("authors")):
        entry["name"] = title_text(apa.group("title")).strip().removesuffix(".")
        month = apa.group("month") and _iso(f"{apa.group('month').split()[0]} {apa.group('year')}")
        entry["releaseDate"] = month or apa.group("year")  # "(2023, June)": 2023-06
        publisher, url, details = venue_parts(apa.group("venue"))
        entry["publisher"] = publisher
        if url:
            entry["url"] = url
        authors = title_text(apa.group("authors")).strip(" ,")
        entry["summary"] = " · ".join(p for p in (authors, details) if p)
        return True
    quoted = QUOTED.search(text)
    if not quoted:
        return False
    entry["name"] = quoted.group(1).strip().rstrip(",.")
    authors = text[: quoted.start()].strip(" ,.")
    venue = text[quoted.end() :].strip(" ,.")
    year = WHEN.search(venue)
    if year and "releaseDate" not in entry:
        entry["releaseDate"] = _iso(year.group(1)) or year.group(1)[:4]
        bracketed = venue[: year.start()].endswith("(") and venue[year.end() :].startswith(")")
        if not bracketed:  # "*Journal* 12, no. 3 (2019): 45–63" keeps its year as written
            venue = " ".join((venue[: year.start()] + venue[year.end() :]).split()).strip(" ,.")
    if venue:
        entry["publisher"] = re.sub(r"^([*_]{1,2})([^*_]+)\1(?=,|$)", r"\2", venue)  # *IEEE Access*
    if authors:
        entry["summary"] = authors
    return True


#: A degree written out, as LinkedIn does: "Bachelor of Science - BS".
