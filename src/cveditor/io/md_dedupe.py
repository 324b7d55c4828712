"""One job written twice, once in a summary table and once under its own heading (a
경력기술서's "경력 요약" over "경력 상세"), is one work item: the later copy's fields fill
the first's, its highlights and projects are added, nothing is printed twice.
"""

from __future__ import annotations

import re
from typing import Any

EXTRAS = "x-cveditor"


def _key(job: dict[str, Any]) -> tuple[str, str] | None:
    """The employer (without its legal form and spaces) and the start: a job's identity."""
    name = re.sub(r"\(주\)|㈜|주식회사|\s+", "", str(job.get("name", ""))).lower()
    start = str(job.get("startDate", ""))
    return (name, start) if name and start else None


def _merge(into: dict[str, Any], other: dict[str, Any]) -> None:
    for key, value in other.items():
        if key == EXTRAS:
            extras = into.setdefault(EXTRAS, {})
            for name, items in value.items():
                if isinstance(items, list) and isinstance(extras.get(name), list):
                    extras[name] = extras[name] + [i for i in items if i not in extras[name]]
                else:
                    extras.setdefault(name, items)
        elif isinstance(value, list) and isinstance(into.get(key), list):
            into[key] = into[key] + [v for v in value if v not in into[key]]
        elif not into.get(key):
            into[key] = value
        elif key == "name" and len(str(value)) > len(str(into[key])):
            into[key] = value  # "(주)한솔메디칼" over "한솔메디칼": as fully written


def merge_same_jobs(data: dict[str, Any]) -> None:
    """Jobs of the same employer and start merged into the first of them."""
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    kept: list[dict[str, Any]] = []
    for job in data.get("work", []):
        key = _key(job)
        if key is not None and key in seen:
            _merge(seen[key], job)
            continue
        if key is not None:
            seen[key] = job
        kept.append(job)
    if "work" in data:
        data["work"] = kept
