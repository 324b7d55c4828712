"""Skills, languages and interests: a name and its words ("Backend: Go, Python",
"English — fluent"), from bullets, table rows or lines."""

from __future__ import annotations

import re
from typing import Any

from ..model.dates import DateParseError, parse_date
from .md_asides import badge_words
from .md_blocks import Block, Section, flatten
from .md_dates import SINGLE_DATE
from .md_split import split_outside
from .md_tables import pair_rows
from .md_vocabulary import KEY_LINE, SENTENCE, title_text

#: What separates the items of a bare list of skills ("SQL · Python (pandas) · Excel").
LIST_SEPARATORS = r"[,;]|\s+·\s+"
FLUENCY = re.compile(r"([^(),]+?)\s*(?:\(([^()]+)\))?")
#: How well a language is spoken, as people say it: a word, a CEFR level, a Korean grade.
FLUENCY_WORD = re.compile(
    r"(?:(?:full|limited)\s+professional(?:\s+proficiency)?|professional(?:\s+working)?"
    r"(?:\s+proficiency)?|(?:limited\s+)?working(?:\s+proficiency)?|elementary(?:\s+proficiency)?"
    r"|native(?:\s+(?:or\s+bilingual|speaker))?(?:\s+proficiency)?|bilingual|mother\s+tongue"
    r"|fluent|fluency|proficient|conversational|business(?:\s+level)?|basic|beginner"
    r"|intermediate|upper[- ]intermediate|advanced|[ABC][12][+]?"
    r"|원어민|모국어|능통|유창|상급?|중급?|하급?|초급|고급|일상\s*회화|비즈니스\s*회화?|회화\s*가능)"
    r"(?:\s*\([^()]*\))?",
    re.IGNORECASE,
)
#: "Accounting — IFRS, GAAP, …": a name before a dash or a bar, then the list.
NAMED_LIST = re.compile(r"^([^,;:—–|]{1,40}?)(?:\s+[—–-]\s+|\s*\|\s*)(\S.*)$")


def pairs(section: Section, kind: str) -> list[dict[str, Any]]:
    """Skills ("Backend: Go, Python"), languages ("English — fluent"), interests."""
    items: list[dict[str, Any]] = []
    name_key = "language" if kind == "languages" else "name"
    value_key = "fluency" if kind == "languages" else "keywords"
    for block in section.blocks:
        if value_key == "keywords" and (alts := badge_words(block)):
            items.append({name_key: "", value_key: alts})  # a row of badges: their names
        elif block.kind == "bullets":
            for bullet in block.bullets:
                for line in [bullet.text, *flatten(bullet.children, ""), *bullet.tail]:
                    items += [_pair(part, name_key, value_key) for part in _several(line, kind)]
        elif kind == "languages" and block.kind == "table" and (tests := _dated_rows(block)):
            items += tests  # | 시험명 | 언어 | 점수 | 취득일 |: dated tests, certificates
        elif block.kind == "table" and (found := pair_rows(block, kind)) is not None:
            items += found  # | 역량 | 수준 | 비고 |
        elif block.kind == "table":
            rows = block.rows[1:] if len(block.rows) > 1 else block.rows
            for row in rows:
                items.append(
                    _pair(
                        " : ".join([row[0], ", ".join(row[1:])]) if len(row) > 1 else row[0],
                        name_key,
                        value_key,
                    )
                )
        elif block.kind == "heading":
            items.append({name_key: title_text(block.text) or block.text})
        elif block.kind in ("paragraph", "html", "code"):
            for line in block.text.split("\n"):
                if line.strip():
                    items += [_pair(part, name_key, value_key) for part in _several(line, kind)]
    return items


def _several(line: str, kind: str) -> list[str]:
    """ "English (native), French (B2)": one language each."""
    parts = split_outside(line, r"\s*[,·/]\s+")
    if kind == "languages" and any(FLUENCY_WORD.fullmatch(p.strip()) for p in parts[1:]):
        parts = split_outside(line, r"\s*[,/]\s+")  # "Swedish · Native": one language
    if kind == "languages" and len(parts) > 1 and all(FLUENCY.fullmatch(p) for p in parts):
        return parts
    return [line]


#: A rating in stars after a skill ("채용 운영 ★★★★☆", "SQL: ★★★☆☆"): its level.
STARS = re.compile(r"\s*[:：\-–—|]?\s*([★☆✩]{3,10})\s*$")


def rated(lines: list[str]) -> bool:
    """Every line ends with a star rating: a self-rated list of skills."""
    return bool(lines) and all(STARS.search(line) and STARS.sub("", line).strip() for line in lines)


def _pair(line: str, name_key: str, value_key: str) -> dict[str, Any]:
    stars = STARS.search(line) if name_key == "name" else None
    if stars and line[: stars.start()].strip():  # "★★★★☆": four of five
        full = stars.group(1).count("★")
        return {"name": title_text(line[: stars.start()]), "level": f"{full}/{len(stars.group(1))}"}
    plain_pair = value_key == "fluency" and not re.search(r"\s[—–|·-]\s|[:：]", line)
    fluency = FLUENCY.fullmatch(line.strip()) if plain_pair else None
    when = _test_date(fluency.group(2)) if fluency and fluency.group(2) else None
    if fluency and when:  # "OPIc IH (2023.05)": a dated test, a certificate
        return {"name": fluency.group(1).strip(), "date": when}
    if fluency and fluency.group(2):  # "French (B2)"
        return {name_key: fluency.group(1).strip(), value_key: fluency.group(2).strip()}
    match = KEY_LINE.match(line)
    bare = line.strip().removeprefix(":").strip()  # a list without a name, as exported
    if (
        name_key == "name"
        and value_key == "keywords"
        and (not match or line.strip().startswith(":"))
        and not NAMED_LIST.match(title_text(bare))
        and len(split_outside(bare, LIST_SEPARATORS)) >= (2 if " · " in bare else 3)
        and not SENTENCE.search(bare)
    ):
        words = split_outside(bare, LIST_SEPARATORS)
        return {name_key: "", "keywords": words}  # "Go, PostgreSQL, Kubernetes"
    if match and match.group(2).strip():
        name, value = match.group(1).strip(), match.group(2).strip()
    else:
        dot = r"|\s+·\s+" if value_key == "fluency" else ""  # "English · Full professional"
        parts = re.split(r"\s+[—–-]\s+|\s*\|\s*" + dot, line, maxsplit=1)
        name, value = (parts[0], parts[1]) if len(parts) == 2 else (line, "")
    item: dict[str, Any] = {name_key: title_text(name) if "**" in name else name}
    if value:
        if value_key == "keywords":
            item["keywords"] = split_outside(value, r",|\s+/\s+|·")
        else:
            item[value_key] = value
    return item


def _test_date(text: str) -> str | None:
    """The date in a language line's brackets ("2023.05", "2022년 11월 취득"), or None."""
    found = SINGLE_DATE.match(text.strip())
    if found is None or not re.search(r"\d{4}", found.group(1)):
        return None
    try:
        when = parse_date(found.group(1).strip())
    except DateParseError:
        return None
    return when.iso() if when else None


def _dated_rows(block: Block) -> list[dict[str, Any]]:
    """The rows of a table of language tests with a column of dates, each a dated
    credential ("OPIc 영어 IH", 2023-05); [] when no column holds only dates."""
    rows = [r for r in block.rows[1:] if any(c.strip() for c in r)]
    if not rows:
        return []
    width = min(len(r) for r in rows)
    dated = [i for i in range(width) if all(_test_date(r[i]) for r in rows)]
    if not dated:
        return []
    at = dated[-1]
    return [
        {
            "name": " ".join(c.strip() for i, c in enumerate(r) if i != at and c.strip()),
            "date": _test_date(r[at]),
        }
        for r in rows
    ]
