"""The short lines that open an item under its heading: its dates ("*June 2020 –
present*", "*’19–’21 · Lisbon*"), a degree, a place, the position. Split from md_job,
whose JobFiller reads them with this mixin."""

from __future__ import annotations

import re
from typing import Any

from .md_dates import find_period
from .md_employers import RANK, TEAM
from .md_entries import degree, is_role, issued_line
from .md_opening import is_place, role_over_place
from .md_projects import key_line, meta_links
from .md_roles import dot_place
from .md_vocabulary import SENTENCE, title_text

PERIOD_KINDS = frozenset({"work", "volunteer", "education", "projects"})
ITALIC_LINE = re.compile(r"^\s*(?:\*|_)([^*_\n]{2,80})(?:\*|_)\s*$")


class HeaderLines:
    """The opening lines of one item; ``entry``, ``kind``, ``body`` and ``highlights``
    are the filler's."""

    entry: dict[str, Any]
    kind: str
    body: bool
    highlights: list[str]

    def header_line(self, line: str, *, bullet: bool = False) -> bool:
        """A short line opening an item: its dates ("*June 2020 – present*",
        "- FEBRUARY 2018 — PRESENT"), a degree ("- M.A. Graphic Design") or, for a job
        and not in a bullet, its position."""
        if self.body or "\n" in line.strip():
            return False
        italic = ITALIC_LINE.match(line)
        place = self.entry.get("position", "")
        work = self.kind in ("work", "volunteer")
        if (
            italic
            and work
            and place
            and not self.entry.get("location")
            and not is_role(place)
            and not find_period(italic.group(1))[0]  # "*’19–’21 · Lisbon*": the dates
        ):
            self.entry["location"] = place  # "**Co**, Chicago  2015" over "*Junior Designer*"
            self.entry["position"] = italic.group(1).strip()
            return True
        text = title_text(line).strip()
        if not text or len(text) > 80 or SENTENCE.search(text) or key_line(text):
            return False
        if self.kind == "certificates" and issued_line(self.entry, text):
            return True
        start, _end, rest = find_period(text)
        if start and not self.entry.get("startDate") and self.kind in PERIOD_KINDS:
            self.entry["startDate"] = start
            if _end:
                self.entry["endDate"] = _end
            role = rest.strip(" —–-|·,:")
            if rest and self.kind == "work" and is_role(role) and not is_place(rest):
                role_over_place(self.entry, role)  # "Company, City" / "Role — dates"
            elif rest:
                if self.kind == "work" and not self.entry.get("position"):
                    self.entry["position"] = rest
                elif self.kind in ("work", "volunteer") and (
                    is_place(rest) or dot_place(text, rest)
                ):
                    self.entry.setdefault("location", rest)  # "*2021 – Present* · Seoul"
                elif self.kind == "projects" and not self.entry.get("roles"):
                    rest = meta_links(self.entry, rest)  # "📅 … | 👥 4인 | 🔗 [GitHub](…)"
                    if rest:
                        self.entry["roles"] = [rest]  # "`2024.03 ~ 2024.08` · 개인 프로젝트"
                else:
                    self.highlights.append(rest)
            return True
        if start:
            return False
        if self.kind == "work" and self._cells(text):
            return True
        year = re.fullmatch(r"\D{0,12}?((?:19|20)\d{2})\D{0,12}", text)
        if year and self.kind in PERIOD_KINDS and not self.entry.get("startDate"):
            if text.strip() == year.group(1):
                self.entry["startDate"] = year.group(1)
            else:  # "Summer 2020": printed as written, no date to sort by
                typed = self.entry.setdefault("x-cveditor", {}).setdefault("typedDates", {})
                typed["startDate"] = text
            return True
        year_last = re.search(r"\s*[,(]\s*((?:19|20)\d{2})\)?\s*$", text)
        if self.kind == "education" and year_last and not self.entry.get("endDate"):
            self.entry["endDate"] = year_last.group(1)  # "BSc Computer Science, 2019"
            text = text[: year_last.start()]
        if self.kind == "education" and not self.entry.get("studyType"):
            found: dict[str, Any] = {}
            if degree(found, ["-", text]) and "studyType" in found:  # "- M.A. Graphic Design"
                self.entry["studyType"] = found["studyType"]
                if found.get("area"):  # the heading's second part was the place
                    if self.entry.get("area"):
                        self.entry["institution"] += ", " + self.entry["area"]
                    self.entry["area"] = found["area"]
                return True
        if bullet:
            return False
        work = self.kind in ("work", "volunteer")
        if work and is_place(text) and not self.entry.get("location"):
            self.entry["location"] = text  # "<small>Milan · hybrid</small>" under the heading
            return True
        if work and not self.entry.get("position") and len(text) <= 60:
            role, _, team = text.partition(" / ")
            if team and is_role(role) and TEAM.search(team) and not self.entry.get("description"):
                self.entry["description"] = team.strip()  # "*서버 개발자 / 라이브서비스팀*"
                text = role.strip()
            self.entry["position"] = text
            return True
        return False

    def _cells(self, text: str) -> bool:
        """ "운영기획팀 | 대리 | 서울 송파구" right under a dated job line: the team is the
        job's description, the rank its position, the place its location — when
        every cell is one of these."""
        cells = [c.strip() for c in re.split(r"\s*\|\s*", text)]
        if not 2 <= len(cells) <= 4 or not all(cells) or self.entry.get("position"):
            return False
        found: dict[str, str] = {}
        for cell in cells:
            if "position" not in found and (RANK.search(cell) or is_role(cell)):
                field = "position"
            elif "description" not in found and TEAM.search(cell):
                field = "description"
            elif "location" not in found and is_place(cell):
                field = "location"
            else:
                return False
            found[field] = cell
        if "position" not in found or any(self.entry.get(k) for k in found):
            return False
        self.entry.update(found)
        return True
