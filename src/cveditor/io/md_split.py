"""Lists written on one line ("Java 17, Spring Boot, AWS (ECS, Aurora)") cut into
their items at the separators outside brackets, so that "AWS (ECS, Aurora)" or
"Python (pandas, statsmodels)" stays one item."""

from __future__ import annotations

import re

OPEN, CLOSE = "([{（［", ")]}）］"


def split_outside(value: str, separator: str) -> list[str]:
    """``re.split(separator, value)`` that never cuts inside brackets; items stripped
    (of spaces and list dashes), empty ones dropped."""
    depths: list[int] = []
    depth = 0
    for char in value:
        if char in OPEN:
            depth += 1
        elif char in CLOSE and depth:
            depth -= 1
        depths.append(depth)
    items: list[str] = []
    start = 0
    for match in re.finditer(separator, value):
        if match.start() == match.end() or depths[match.start()] > 0:
            continue
        items.append(value[start : match.start()])
        start = match.end()
    items.append(value[start:])
    return [item.strip() for item in items if item.strip(" -")]
