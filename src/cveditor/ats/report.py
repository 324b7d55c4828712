"""What the résumé says beside what a parser gets, field by field, each mismatch with
the structure rule that causes it."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..model.resume import Resume
from .expected import Expected, ExpectedJob, expected_resume, short_url
from .parse import Degree, Job, Parsed, parse_pdf
from .rules import RULES, Violation, check_rules
from .vocabulary import normal

#: The rule a mismatch of each kind of field points to when no breach names it.
DEFAULT_RULE = {
    "name": "name-first",
    "email": "contact-runs",
    "phone": "contact-runs",
    "url": "contact-runs",
    "location": "contact-runs",
    "work": "job-lines",
    "education": "degree-lines",
    "skills": "plain-headings",
}


#: Why a parser may miss a field although the theme follows the rules.
HINTS = {
    "location": ': a parser finds a place written "City, Region"',
    "dates": ': a parser reads dates written like "Mar 2021" or "2021.03"',
    "phone": ": a parser finds a phone number of seven digits or more",
}


@dataclass
class FieldResult:
    key: str  # "email", "work[1].company", "work[0].highlights[2]", "skills[1]"
    label: str  # "E-mail", "Job 2: company"
    expected: str
    parsed: str
    ok: bool
    rule: str = ""  # the rule whose breach explains a mismatch
    why: str = ""  # what the parser saw


@dataclass
class AtsReport:
    fields: list[FieldResult]
    parsed: Parsed
    violations: list[Violation] = field(default_factory=list)
    theme: str = ""
    pages: int = 0
    seconds: float = 0.0
    compared: bool = True  # False: a PDF without its résumé, only parsed

    @property
    def recovered(self) -> int:
        return sum(f.ok for f in self.fields)

    @property
    def expected(self) -> int:
        return len(self.fields)

    @property
    def mismatches(self) -> list[FieldResult]:
        return [f for f in self.fields if not f.ok]

    def summary(self) -> str:
        if not self.compared:
            return f"{len(self.parsed.lines)} lines read; no résumé to compare with."
        if not self.fields:
            return "The résumé has none of the fields a parser looks for yet."
        return f"{self.recovered} of {self.expected} fields read back as the résumé says them."

    def text(self) -> str:
        """The side-by-side table as plain text (for the command line)."""
        rows = [("field", "the résumé says", "a parser gets", "")]
        rows += [(f.label, f.expected, f.parsed, "ok" if f.ok else "MISMATCH") for f in self.fields]
        widths = [min(34, max(len(r[i]) for r in rows)) for i in range(3)]
        out = []
        for row in rows:
            cells = [_cut(row[i], widths[i]).ljust(widths[i]) for i in range(3)]
            out.append("  ".join([*cells, row[3]]).rstrip())
        out += ["", self.summary()]
        out += [f"- {r.label}: {r.why} [{r.rule}]" for r in self.mismatches]
        if self.violations:
            out += ["", "Structure rules this PDF breaks (docs/ats.md):"]
            for rule in dict.fromkeys(v.rule for v in self.violations):
                out.append(f"  {rule}: {RULES[rule]}")
                out += [f"    - {v.detail}" for v in self.violations if v.rule == rule]
        return "\n".join(out)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# --- comparing -------------------------------------------------------------------------


def compare(resume: Resume, parsed: Parsed, *, main_column_x: float | None = None) -> AtsReport:
    expected = expected_resume(resume)
    fields: list[FieldResult] = []
    _contacts(expected, parsed, fields)
    _jobs(expected, parsed, fields)
    _degrees(expected, parsed, fields)
    _skills(expected, parsed, fields)
    violations = check_rules(parsed, resume, main_column_x=main_column_x)
    for result in fields:
        if not result.ok:
            _explain(result, violations)
    return AtsReport(fields, parsed, violations, theme=resume.layout.theme)


def _add(fields: list[FieldResult], key: str, label: str, want: str, got: str, ok: bool) -> None:
    if want:
        fields.append(FieldResult(key, label, want, got, ok))


def _contacts(expected: Expected, parsed: Parsed, fields: list[FieldResult]) -> None:
    _add(fields, "name", "Name", expected.name, parsed.name, parsed.name == expected.name)
    labels = {"email": "E-mail", "phone": "Phone", "location": "Location", "url": "Web site"}
    for key, label in labels.items():
        want = expected.contacts.get(key, "")
        got = getattr(parsed, key)
        same = _loose(got) == _loose(want)
        if key == "url":
            same = short_url(got).casefold() == want.casefold()
        _add(fields, key, label, want, got, same)


def _loose(text: str) -> str:
    return " ".join(text.split()).casefold()


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def _period(start: str | None, end: str | None) -> str:
    return f"{start or '?'} – {end or 'present'}" if start or end else ""


def _pair(expected: list, parsed: list, score) -> list:
    """For each expected entry the parsed one that matches it best (each used once),
    or None; ties go to the one in the same place."""
    free = list(range(len(parsed)))
    chosen = []
    for i, want in enumerate(expected):
        best, best_score = None, 0
        for j in free:
            s = score(want, parsed[j]) * 10 - abs(i - j)
            if best is None or s > best_score:
                best, best_score = j, s
        if best is not None and (score(want, parsed[best]) > 0 or best == i):
            free.remove(best)
            chosen.append(parsed[best])
        else:
            chosen.append(None)
    return chosen


def _job_score(want: ExpectedJob, got: Job) -> int:
    return (
        (_loose(got.title) == _loose(want.title)) * 2
        + (_loose(got.company) == _loose(want.company)) * 2
        + ((got.start, got.end) == (want.start, want.end))
    )


def _jobs(expected: Expected, parsed: Parsed, fields: list[FieldResult]) -> None:
    for n, (want, got) in enumerate(
        zip(expected.jobs, _pair(expected.jobs, parsed.jobs, _job_score), strict=True)
    ):
        got = got or Job()
        key, label = f"work[{n}]", f"Job {n + 1}"
        _add(
            fields,
            f"{key}.title",
            f"{label}: title",
            want.title,
            got.title,
            _loose(got.title) == _loose(want.title),
        )
        _add(
            fields,
            f"{key}.company",
            f"{label}: company",
            want.company,
            got.company,
            _loose(got.company) == _loose(want.company),
        )
        _add(
            fields,
            f"{key}.dates",
            f"{label}: dates",
            _period(want.start, want.end),
            _period(got.start, got.end) if got.dates else "",
            (got.start, got.end) == (want.start, want.end) and bool(got.dates),
        )
        read = [_squash(h) for h in got.highlights]
        for m, highlight in enumerate(want.highlights):
            found = _squash(highlight) in read
            near = next(
                (h for h in got.highlights if _squash(h)[:12] == _squash(highlight)[:12]), ""
            )
            _add(
                fields,
                f"{key}.highlights[{m}]",
                f"{label}: highlight {m + 1}",
                highlight,
                highlight if found else near,
                found,
            )


def _degree_score(want, got: Degree) -> int:
    return (_loose(got.institution) == _loose(want.institution)) * 2 + _degree_ok(want, got)


def _degree_ok(want, got: Degree) -> bool:
    read = normal(got.degree)
    return all(normal(part) in read for part in (want.study_type, want.area) if part)


def _degrees(expected: Expected, parsed: Parsed, fields: list[FieldResult]) -> None:
    pairs = _pair(expected.degrees, parsed.degrees, _degree_score)
    for n, (want, got) in enumerate(zip(expected.degrees, pairs, strict=True)):
        got = got or Degree()
        key, label = f"education[{n}]", f"Degree {n + 1}"
        _add(
            fields,
            f"{key}.institution",
            f"{label}: school",
            want.institution,
            got.institution,
            _loose(got.institution) == _loose(want.institution),
        )
        degree = " · ".join(p for p in (want.study_type, want.area) if p)
        _add(
            fields,
            f"{key}.degree",
            f"{label}: degree",
            degree,
            got.degree,
            _degree_ok(want, got) and bool(got.degree),
        )


def _skills(expected: Expected, parsed: Parsed, fields: list[FieldResult]) -> None:
    read = {_loose(g.name): g.keywords for g in parsed.skills}
    for n, (name, keywords) in enumerate(expected.skills):
        got = read.get(_loose(name))
        want = f"{name}: {', '.join(keywords)}" if keywords else name
        shown = f"{name}: {', '.join(got)}" if got is not None else ""
        ok = got is not None and sorted(map(_loose, got)) == sorted(map(_loose, keywords))
        _add(fields, f"skills[{n}]", f"Skills {n + 1}", want, shown, ok)


def _explain(result: FieldResult, violations: list[Violation]) -> None:
    """The breach that names this field (or its entry, or the sections), else the rule
    this kind of field depends on."""
    head = result.key.split(".")[0]
    kind = re.sub(r"\[\d+\]$", "", head)
    if result.parsed and _squash(result.parsed) == _squash(result.expected).replace(" ", ""):
        for violation in violations:
            if violation.rule == "word-spaces":
                result.rule, result.why = violation.rule, f"the parser read {result.parsed!r}"
                return
    for violation in violations:
        if result.key in violation.fields or head in violation.fields:
            result.rule, result.why = violation.rule, violation.detail
            return
    for violation in violations:
        if "sections" in violation.fields and kind in ("work", "education", "skills"):
            result.rule, result.why = violation.rule, violation.detail
            return
    result.rule = DEFAULT_RULE.get(kind, "plain-headings")
    read = f"the parser read {result.parsed!r}" if result.parsed else "the parser found nothing"
    hint = HINTS.get(result.key.split(".")[-1], HINTS.get(kind, ""))
    result.why = f"{read}; the theme breaks no rule here{hint}"


# --- entry points ----------------------------------------------------------------------


def check_pdf(pdf: bytes, resume: Resume | None = None, *, edges: bool = True) -> AtsReport:
    """Parse an exported PDF and, given the résumé it prints, compare (in process, no Qt:
    the column of a two-column theme is found from the theme's spec). ``edges=False``:
    text items as pdf.js gives them (pdftext.read_runs)."""
    started = time.perf_counter()
    parsed = parse_pdf(pdf, edges=edges)
    if resume is None:
        report = AtsReport([], parsed, compared=False)
    else:
        report = compare(resume, parsed, main_column_x=main_column_x(resume))
    report.pages = 1 + max((line.page for line in parsed.lines), default=0)
    report.seconds = time.perf_counter() - started
    return report


def main_column_x(resume: Resume) -> float | None:
    """Where the main column starts on a page of a two-column theme (PDF points)."""
    from ..model.layout import PAPER_SIZES_MM
    from ..render.themes import get_theme

    theme = get_theme(resume.layout.theme)
    if theme.aside is None:
        return None
    mm = 72 / 25.4
    width = PAPER_SIZES_MM[resume.layout.paper][0] * mm
    margins = resume.layout.margins
    body = width - (margins.left + margins.right) * mm
    return margins.left * mm + body * theme.aside.width + theme.aside.gap


def check_resume(resume: Resume, *, base_dir: Path | None = None) -> tuple[AtsReport, bytes]:
    """Export ``resume`` with its theme (a Qt application must exist) and check the PDF."""
    from ..render.pdf import pdf_bytes

    data, _export = pdf_bytes(resume, base_dir=base_dir)
    return check_pdf(data, resume), data
