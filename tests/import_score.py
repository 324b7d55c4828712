"""Scoring a Markdown import against an expected structure (issue #11).

One copy of the scoring, used by ``bench/import_quality.py`` (the quality table) and by
``tests/test_import_corpus.py`` (the targets). The expected files are described in
``tests/data/import-corpus/README.md``; in short::

    {"shape": "...", "name": "홍길동" | null,
     "lines": [{"text": "...", "field": "PATH" | "omit"}],
     "dates": [{"field": "PATH", "value": "2013-07"}],
     "private": ["..."]}

The import is read as a user gets it (``io.formats.read_resume``, what ``cveditor
convert`` calls) and judged on what would be saved (``io.native.dumps``, what Save
writes). This module knows nothing of how the importer works; it has its own tiny date
parser so that a wrong date parser in the code under test cannot agree with itself.
"""

from __future__ import annotations

import html
import json
import re
import tempfile
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from cveditor.model.layout import STANDARD_SECTIONS

CORPUS = Path(__file__).resolve().parent / "data" / "import-corpus"

#: Targets of issue #11.
TARGET_IN_FIELD = 0.95
LOST_WORD_SHARE = 0.6  # a line is found somewhere when this share of its words is

EXTRAS = "x-cveditor"
DATE_KEYS = frozenset({"startDate", "endDate", "date", "releaseDate"})
TITLES_PATH = ("x-cveditor", "layout", "sectionTitles")
#: Exports that leave the editor and must carry nothing private nor raw Markdown.
EXPORT_SUFFIXES = (".md", ".txt", ".html")
#: Markdown that must never be printed as it is (kramdown attributes, link syntax,
#: images); the Markdown export may hold links, so only .txt and .html are searched.
RAW_MARKUP = re.compile(r"\]\(|\{:\s*[.#]|!\[|\*\*")


# --- text --------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Markup (``*``, ``_``, backticks, ``#``) removed, whitespace collapsed, case kept."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[*_`#]", "", text)
    return " ".join(text.split())


_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def words(text: str) -> list[str]:
    """The words of a line for the lost check: punctuation at their edges cut off,
    one-character words left out unless the line has nothing else."""
    cut = [_EDGE.sub("", w) for w in normalise(text).split()]
    cut = [w for w in cut if w]
    long = [w for w in cut if len(w) > 1]
    return long or cut


# --- dates -------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_NUMERIC_DATE = re.compile(
    r"^\[?\s*((?:19|20)\d\d)\s*(?:[-./년]\s*(\d{1,2})\s*(?:[-./월]\s*(?:(\d{1,2})\s*일?)?)?)?"
    r"\s*\.?\s*\]?$"
)
_NAMED_DATE = re.compile(r"^([a-z]+)\.?,?\s+((?:19|20)\d\d)$|^((?:19|20)\d\d)\s+([a-z]+)\.?$")


def parse_date(text: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of a date as written (2018-06, 2018.06, 2018. 06, 2018년 6월,
    [2017. 12], Jun 2018, MARCH 2014), or None."""
    text = " ".join(str(text).split()).strip().lower()
    match = _NUMERIC_DATE.match(text)
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        if month is not None and not 1 <= month <= 12:
            return None
        if day is not None and not 1 <= day <= 31:
            return None
        return (year, month, day)  # type: ignore[return-value]
    match = _NAMED_DATE.match(text)
    if match:
        name = match.group(1) or match.group(4)
        year = match.group(2) or match.group(3)
        if name in _MONTHS:
            return (int(year), _MONTHS[name], None)
    return None


def same_date(expected: str, saved: Any) -> bool:
    if not isinstance(saved, str):
        return False
    want, got = parse_date(expected), parse_date(saved)
    return want is not None and want == got


# --- paths -------------------------------------------------------------------------

Step = str | int | tuple[str, str] | None  # key, index, (key, value) filter, None for [*]


def parse_path(path: str) -> list[Step]:
    """``work[0].x-cveditor.projects[*].name``, ``x-cveditor.sections[title=수상].text``:
    dotted keys; ``[N]`` an index, ``[*]`` any item, ``[key=value]`` the items whose
    ``key`` equals ``value`` (normalised)."""
    steps: list[Step] = []
    for token in re.finditer(r"\[([^\]]*)\]|([^.\[\]]+)", path):
        bracket, key = token.groups()
        if key is not None:
            steps.append(key)
        elif bracket == "*":
            steps.append(None)
        elif bracket.isdigit():
            steps.append(int(bracket))
        elif "=" in bracket:
            name, _, value = bracket.partition("=")
            steps.append((name, value))
        else:
            raise ValueError(f"cannot read the step [{bracket}] of {path!r}")
    return steps


def resolve(data: Any, path: str) -> list[Any]:
    """Every value at ``path`` in ``data`` (several when the path has [*] or a filter)."""
    nodes = [data]
    for step in parse_path(path):
        found: list[Any] = []
        for node in nodes:
            if isinstance(step, str):
                if isinstance(node, dict) and step in node:
                    found.append(node[step])
            elif isinstance(step, int):
                if isinstance(node, list) and -len(node) <= step < len(node):
                    found.append(node[step])
            elif step is None:
                if isinstance(node, list):
                    found.extend(node)
            else:
                key, value = step
                if isinstance(node, list):
                    found.extend(
                        item
                        for item in node
                        if isinstance(item, dict)
                        and normalise(str(item.get(key, ""))) == normalise(value)
                    )
        nodes = found
    return nodes


def strings_in(value: Any) -> list[str]:
    """Every string in a value, its dict keys excluded."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    return []


def section_title(data: dict[str, Any], section_id: str) -> str:
    """The title a standard section prints under: the saved rename, else the standard
    title in the résumé's language (a heading equal to it needs no rename)."""
    from cveditor.model.layout import SECTION_TITLES

    layout = (data.get(EXTRAS) or {}).get("layout") or {}
    titles = layout.get("sectionTitles") or {}
    if section_id in titles:
        return str(titles[section_id])
    locale = layout.get("locale", "en")
    return SECTION_TITLES.get(locale, SECTION_TITLES["en"]).get(section_id, "")


def values_at(data: dict[str, Any], path: str) -> list[str]:
    """The strings a line may be found in at ``path``."""
    steps = parse_path(path)
    if len(steps) == 4 and tuple(steps[:3]) == TITLES_PATH and isinstance(steps[3], str):
        return [section_title(data, steps[3])]
    found = [s for value in resolve(data, path) for s in strings_in(value)]
    if parse_path(path)[-1:] == ["location"]:  # "Austin, TX" is printed from city, region
        places = [v for v in resolve(data, path) if isinstance(v, dict)]
        found += [", ".join(str(p[k]) for k in ("city", "region") if p.get(k)) for p in places]
    return found


def is_date_path(path: str) -> bool:
    last = parse_path(path)[-1]
    return isinstance(last, str) and last in DATE_KEYS


def in_field(data: dict[str, Any], text: str, path: str) -> bool:
    """Whether ``text`` (a line's content) is at ``path``: contained in a string there,
    both normalised; for a date field, the same date."""
    values = values_at(data, path)
    if is_date_path(path):
        return any(same_date(text, value) for value in values)
    want = normalise(text)
    return bool(want) and any(want in normalise(value) for value in values)


def all_dates(value: Any) -> list[str]:
    """Every value of a date key anywhere in the saved data."""
    if isinstance(value, dict):
        return [
            v if k in DATE_KEYS else d
            for k, v in value.items()
            for d in ([v] if k in DATE_KEYS else all_dates(v))
        ]
    if isinstance(value, list):
        return [d for v in value for d in all_dates(v)]
    return []


def outside_notes(data: dict[str, Any]) -> list[str]:
    """Every string of the saved data except those of ``notes`` sections."""
    copy = json.loads(json.dumps(data))
    sections = (copy.get(EXTRAS) or {}).get("sections") or []
    if isinstance(sections, list):
        copy[EXTRAS]["sections"] = [
            s for s in sections if not (isinstance(s, dict) and s.get("kind") == "notes")
        ]
    return strings_in(copy)


def in_notes(data: dict[str, Any]) -> list[str]:
    return [
        s for value in resolve(data, "x-cveditor.sections[kind=notes]") for s in strings_in(value)
    ]


# --- the order of sections ----------------------------------------------------------

_CUSTOM = re.compile(r"^x-cveditor\.sections(\[[^\]]*\])")


def sections_of(data: dict[str, Any], path: str) -> list[str]:
    """The ids of the sections a field path points into (none for basics)."""
    steps = parse_path(path)
    if steps and steps[0] in STANDARD_SECTIONS:
        return [str(steps[0])]
    if len(steps) == 4 and tuple(steps[:3]) == TITLES_PATH and steps[3] in STANDARD_SECTIONS:
        return [str(steps[3])]
    match = _CUSTOM.match(path)
    if match:
        found = resolve(data, "x-cveditor.sections" + match.group(1))
        return [str(s.get("id")) for s in found if isinstance(s, dict)]
    return []


def expected_order(data: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """The sections in the order the document first shows them (lines whose section
    is ambiguous or missing in the import are skipped: they count as wrong fields)."""
    order: list[str] = []
    for line in expected.get("lines", []):
        if line["field"] == "omit":
            continue
        ids = sections_of(data, line["field"])
        if len(ids) == 1 and ids[0] not in order:
            order.append(ids[0])
    return order


def saved_order(data: dict[str, Any]) -> list[str]:
    """Every section of the saved résumé in the order it prints (the model's rule)."""
    from cveditor.io import native
    from cveditor.model.sections import section_order

    return section_order(native.loads(json.dumps(data, ensure_ascii=False)))


# --- the model's keys --------------------------------------------------------------


def _models_in(annotation: Any) -> list[Any]:
    """The types an annotation allows, Annotated/Optional/Union unwrapped."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models_in(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _models_in(arg)]
    return [annotation]


def unknown_keys(value: Any, annotation: Any, where: str = "") -> list[str]:
    """Paths of keys in ``value`` that the model (``annotation``) does not declare: the
    strict reading of "unknown keys forbidden" (every model of cveditor allows and keeps
    extra keys, so validation alone would accept them)."""
    found: list[str] = []
    for kind in _models_in(annotation):
        if kind is None or kind is type(None):
            continue
        origin = typing.get_origin(kind)
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            if not isinstance(value, dict):
                continue
            fields = {(f.alias or n): f for n, f in kind.model_fields.items()}
            for key, item in value.items():
                if key not in fields:
                    found.append(f"{where}{key}")
                    continue
                found += unknown_keys(item, fields[key].annotation, f"{where}{key}.")
            return found
        if origin is list and isinstance(value, list):
            (inner,) = typing.get_args(kind) or (Any,)
            candidates = _models_in(inner)
            for index, item in enumerate(value):
                chosen = _by_kind(candidates, item) if len(candidates) > 1 else inner
                if chosen is None:
                    found.append(f"{where.rstrip('.')}[{index}] (kind {item.get('kind')!r})")
                    continue
                found += unknown_keys(item, chosen, f"{where.rstrip('.')}[{index}].")
            return found
        if origin is dict and isinstance(value, dict):
            args = typing.get_args(kind)
            inner = args[1] if len(args) == 2 else Any
            for key, item in value.items():
                found += unknown_keys(item, inner, f"{where}{key}.")
            return found
    return found


def _by_kind(candidates: list[Any], item: Any) -> Any:
    """The member of a discriminated union (custom sections) that ``item`` is."""
    if not isinstance(item, dict):
        return None
    for kind in candidates:
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            field_ = kind.model_fields.get("kind")
            if field_ is not None and field_.default == item.get("kind"):
                return kind
    return None


def model_problems(data: dict[str, Any]) -> list[str]:
    """Why the saved data is not a résumé the model reads strictly: validation errors
    (no tolerant reading) and keys no model declares."""
    from pydantic import ValidationError

    from cveditor.model.resume import Resume

    problems = [f"unknown key {path}" for path in unknown_keys(data, Resume)]
    try:
        Resume.model_validate(data)
    except ValidationError as error:
        problems += [
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors(include_url=False)
        ]
    return problems


# --- the score ---------------------------------------------------------------------


@dataclass
class Score:
    """How well one import matches its expected structure."""

    document: str
    lines: int = 0  # content lines, "omit" lines not counted
    in_field: int = 0
    dates_expected: int = 0
    dates_found: int = 0
    wrong_field: list[str] = field(default_factory=list)  # "text → wanted PATH"
    lost: list[str] = field(default_factory=list)
    missing_dates: list[str] = field(default_factory=list)
    private_leaks: list[str] = field(default_factory=list)
    raw_markup: list[str] = field(default_factory=list)
    model_problems: list[str] = field(default_factory=list)
    name_expected: str | None = None
    name_found: str = ""
    order_expected: list[str] = field(default_factory=list)
    order_found: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def share(self) -> float:
        return self.in_field / self.lines if self.lines else 1.0

    @property
    def name_ok(self) -> bool:
        return normalise(self.name_found) == normalise(self.name_expected or "")

    @property
    def order_ok(self) -> bool:
        return self.order_found == self.order_expected

    @property
    def meets_targets(self) -> bool:
        return (
            not self.error
            and self.share >= TARGET_IN_FIELD
            and self.dates_found == self.dates_expected
            and not self.lost
            and not self.private_leaks
            and not self.raw_markup
            and not self.model_problems
            and self.name_ok
            and self.order_ok
        )


def score_data(
    data: dict[str, Any],
    expected: dict[str, Any],
    document: str = "",
    exports: dict[str, str] | None = None,
) -> Score:
    """Score saved data against an expected structure; ``exports`` (suffix → text) are
    searched for private lines and raw Markdown."""
    score = Score(document, name_expected=expected.get("name"))
    basics = data.get("basics") if isinstance(data.get("basics"), dict) else {}
    score.name_found = str(basics.get("name", "") or "")
    everything = strings_in(data) + [
        section_title(data, key) for key in (_titles_ids(data) | _STANDARD_IDS)
    ]
    haystack = "\n".join(normalise(s) for s in everything)
    dates_anywhere = all_dates(data)
    for line in expected.get("lines", []):
        text, path = line["text"], line["field"]
        if path == "omit":
            continue
        score.lines += 1
        if in_field(data, text, path):
            score.in_field += 1
            continue
        score.wrong_field.append(f"{text} → {path}")
        if is_date_path(path) and any(same_date(text, d) for d in dates_anywhere):
            continue
        line_words = words(text)
        present = sum(1 for w in line_words if w in haystack)
        if not line_words or present / len(line_words) < LOST_WORD_SHARE:
            score.lost.append(text)
    for date in expected.get("dates", []):
        score.dates_expected += 1
        if any(same_date(date["value"], v) for v in values_at(data, date["field"])):
            score.dates_found += 1
        else:
            score.missing_dates.append(f"{date['value']} → {date['field']}")
    outside = "\n".join(normalise(s) for s in outside_notes(data))
    notes = "\n".join(normalise(s) for s in in_notes(data))
    for private in expected.get("private", []):
        want = normalise(private)
        if want in outside:
            score.private_leaks.append(f"saved outside notes: {private}")
        if want not in notes:
            score.private_leaks.append(f"not in a notes section: {private}")
        for suffix, text in (exports or {}).items():
            if want in normalise(text):
                score.private_leaks.append(f"printed in {suffix}: {private}")
    for suffix, text in (exports or {}).items():
        if suffix == ".md":
            continue
        for match in RAW_MARKUP.finditer(text):
            around = text[max(0, match.start() - 30) : match.end() + 30].replace("\n", " ")
            score.raw_markup.append(f"{suffix}: …{around}…")
    score.model_problems = model_problems(data)
    score.order_expected = expected_order(data, expected)
    wanted = set(score.order_expected)
    try:
        score.order_found = [sid for sid in saved_order(data) if sid in wanted]
    except Exception as error:  # a file the model cannot read has no order
        score.order_found = [f"unreadable: {error}"]
    return score


_STANDARD_IDS = frozenset({"summary", *STANDARD_SECTIONS})


def _titles_ids(data: dict[str, Any]) -> set[str]:
    layout = (data.get(EXTRAS) or {}).get("layout") or {}
    return set(layout.get("sectionTitles") or {})


# --- reading and exporting as the user does ----------------------------------------


def import_document(path: Path) -> dict[str, Any]:
    """What ``cveditor convert DOC.md -o out.json`` saves, as data."""
    from cveditor.io import native
    from cveditor.io.formats import read_resume

    return json.loads(native.dumps(read_resume(path)))


def export_texts(data: dict[str, Any]) -> dict[str, str]:
    """The text of each export of the saved résumé (.md, .txt, .html: what
    ``cveditor convert saved.json -o x.SUFFIX`` writes); HTML as its visible text.
    Needs a Qt application (QT_QPA_PLATFORM=offscreen)."""
    from cveditor.io import native
    from cveditor.render.exports import write_resume

    resume = native.loads(json.dumps(data, ensure_ascii=False))
    texts = {}
    with tempfile.TemporaryDirectory() as folder:
        for suffix in EXPORT_SUFFIXES:
            out = Path(folder) / f"export{suffix}"
            write_resume(resume, out, base_dir=Path(folder))
            text = out.read_text(encoding="utf-8")
            if suffix == ".html":
                text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
                text = html.unescape(re.sub(r"<[^>]+>", " ", text))
            texts[suffix] = text
    return texts


def documents() -> list[Path]:
    """The corpus's documents, in order."""
    return sorted(p for p in CORPUS.glob("[0-9][0-9]-*.md"))


def expected_of(document: Path) -> dict[str, Any]:
    return json.loads(document.with_suffix(".expected.json").read_text(encoding="utf-8"))


def score_document(document: Path, *, with_exports: bool = True) -> Score:
    """Import one corpus document as a user would and score it."""
    expected = expected_of(document)
    try:
        data = import_document(document)
    except Exception as error:  # a crash is a score too
        score = Score(document.name, name_expected=expected.get("name"))
        score.error = f"{type(error).__name__}: {error}"
        score.lines = sum(1 for line in expected["lines"] if line["field"] != "omit")
        score.dates_expected = len(expected.get("dates", []))
        score.lost = [line["text"] for line in expected["lines"] if line["field"] != "omit"]
        return score
    exports: dict[str, str] = {}
    if with_exports:
        try:
            exports = export_texts(data)
        except Exception as error:
            score = score_data(data, expected, document.name)
            score.error = f"export failed: {type(error).__name__}: {error}"
            return score
    return score_data(data, expected, document.name, exports)
