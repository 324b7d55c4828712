"""A degree in a line, in either order and language: the school, the degree (학사,
"M.Ed.", "Bachelor of Science") and the field; a score ("GPA 3.8/4.0"). Split from
md_entries, which reads an item's first line."""

from __future__ import annotations

import re
from typing import Any

DEGREES = re.compile(
    r"(전문학사|(?:[가-힣]{1,2}(?=학사|석사|박사))?(?:학사|석사|박사)"  # 약학사, 공학사
    r"|bachelor(?:'s)?(?: of [a-z]+)?|master(?:'s)?(?: of [a-z]+)?"
    r"|ph\.?\s?d\.?|d\.?phil|m\.?phil|b\.?\s?sc?\.?|m\.?\s?sc?\.?|b\.?a\.?(?:sc\.?)?|[bm]\.?f\.?a\.?"
    r"|m\.?a\.?(?:sc\.?)?|mba|bba|m\.?eng\.?|b\.?eng\.?|b\.?tech|m\.?tech|ll\.?[bm]\.?|j\.?d\.?"
    r"|[bm]\.?ed\.?|ed\.?d\.?|m\.?p\.?h\.?|m\.?s\.?w\.?|b\.?s\.?w\.?|m\.?p\.?a\.?|d\.?n\.?p\.?"
    r"|(?-i:[A-Z][a-z]?\.(?:[A-Z][a-z]{0,2}\.){1,3}))",  # any "M.Ed.", "Ed.D.", "M.P.H."
    re.IGNORECASE,
)
SCHOOLS = re.compile(
    r"(대학교|대학원|대학|고등학교|과학기술원|기술원|(?<=[가-힣])여대(?![가-힣])"
    r"|university|\buniv\b\.?|college|institute|school|academy|kaist|postech)",
    re.IGNORECASE,
)
LONG_DEGREE = re.compile(
    r"^(?:bachelor|master|doctor|associate)(?:'s)?(?:\s+degree)?(?:\s+of\s+[a-z]+(?:\s+[a-z]+){0,2})?"
    r"(?:\s*\((?-i:[A-Z][A-Za-z.]{0,6})\))?$",  # "Master of Social Work (MSW)"
    re.IGNORECASE,
)
ABBREVIATION = re.compile(r"^[A-Z][A-Za-z.]{0,6}$")


def _long_degree(entry: dict[str, Any], parts: list[str]) -> list[str]:
    """ "Bachelor of Science", "BS", "Computer Science": the degree as written out is the
    studyType, its abbreviation after it says the same and goes; the rest is left."""
    for index, part in enumerate(parts):
        if LONG_DEGREE.match(part.strip()) and "studyType" not in entry:
            entry["studyType"] = part.strip()
            after = parts[index + 1 : index + 2]
            skip = 2 if after and ABBREVIATION.match(after[0].strip()) else 1
            return parts[:index] + parts[index + skip :] + ["-"] * (not parts[:index])
    return parts


def degree(entry: dict[str, Any], parts: list[str]) -> bool:
    """A degree in either order ("학사, 부산대학교 정보컴퓨터공학부", "부산대학교
    컴퓨터공학과 학사", "MSc Computer Engineering, Instituto Superior Técnico"): the
    school (in Korean with its 학부 or 대학원), the degree (a word of its own) and what
    is left, the field."""
    written_out = "studyType" not in entry
    parts = _long_degree(entry, parts)
    written_out = written_out and "studyType" in entry
    school = next((p for p in parts if SCHOOLS.search(p)), None)
    if school is None and written_out:
        school = parts[0]  # the degree was written out: the first part left is the place
    if school is None:  # a school without its word: the part that is no degree
        if not any(DEGREES.fullmatch(w.strip(",()")) for p in parts for w in p.split()):
            return False
        school = next((p for p in parts if not DEGREES.match(p)), None)
        if school is None:
            return False
    at = next((i for i, p in enumerate(parts) if p is school), -1)
    if 0 <= at < len(parts) - 1 and _unit_of(school, parts[at + 1]):
        joined = f"{school}, {parts[at + 1]}"  # "School of X, University of Y": one school
        parts = [*parts[:at], joined, *parts[at + 2 :]]
        school = joined
    rest = [p for p in parts if p is not school]
    tokens = school.split()
    if re.search("[가-힣]", school):  # 학부 belongs to the school beside a degree of its own
        faculty = ("학부", "대학원") if len(parts) > 1 else ("대학원",)
        ends = [i for i, t in enumerate(tokens) if SCHOOLS.search(t) or t.endswith(faculty)]
        at = max(ends, default=len(tokens) - 1)
        entry["institution"] = " ".join(tokens[: at + 1])
        if tokens[at + 1 :]:
            rest.insert(0, " ".join(tokens[at + 1 :]))
    else:
        entry["institution"] = school
    area: list[str] = []
    said = ""
    for part in rest:
        if part.strip() == "-":
            continue  # _long_degree's stand-in for a school written before it
        kept = []
        for word in part.split():
            if "studyType" not in entry and DEGREES.fullmatch(word.strip(",()")):
                entry["studyType"] = word.strip(",()")
                said = word.strip(",()")
            elif said and DEGREES.fullmatch(word.strip(",()")) and _other_script(said, word):
                entry["studyType"] += f" {word.strip(',()')}"  # "학사 B.A.": both languages
                said = ""
            else:
                kept.append(word)
                said = ""
        if kept:
            area.append(" ".join(kept).removeprefix("in ").strip(" ·|—–,"))
    if area:
        entry["area"] = ", ".join(area)  # the author's comma, as written
    return True


UNIT = re.compile(
    r"^(?:(?:graduate\s+)?school|faculty|department|dept\.?|college|division)\s+of\b", re.IGNORECASE
)


def _unit_of(first: str, second: str) -> bool:
    """ "School of Nursing", then "University of Carlow": a unit and its university,
    which name one institution together."""
    return (
        bool(UNIT.match(first.strip()))
        and bool(SCHOOLS.search(second))
        and not DEGREES.match(second.strip())
    )


def _other_script(one: str, other: str) -> bool:
    """One word in Hangul, the other in Latin letters: the same degree said twice."""
    return bool(re.search("[가-힣]", one)) != bool(re.search("[가-힣]", other))


SCORE = re.compile(
    r"\(?\s*(?:학점|평점|GPA|grade)\s*[:：]?\s*([\d.]+\s*/\s*[\d.]+|[\d.]+)\s*\)?", re.IGNORECASE
)
