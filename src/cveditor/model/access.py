"""Reading and writing inside a résumé by path: ``("work", 2, "position")``.

Every editor knows the path of what it shows; every change is a value at a path. Paths
use attribute names for models, indexes for lists and keys for dicts.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel

Path = tuple[str | int, ...]


def get_at(root: Any, path: Path) -> Any:
    node = root
    for step in path:
        node = getattr(node, str(step)) if isinstance(node, BaseModel) else node[step]
    return node


def set_at(root: Any, path: Path, value: Any) -> None:
    """Set a value; models validate it (a wrong date raises ValueError, nothing changes)."""
    if not path:
        raise ValueError("cannot replace the root")
    parent = get_at(root, path[:-1])
    step = path[-1]
    if isinstance(parent, BaseModel):
        setattr(parent, str(step), value)
    else:
        parent[step] = value


def snapshot(value: Any) -> Any:
    """An independent copy, so an undo step never shares objects with the live model."""
    if isinstance(value, BaseModel):
        return value.model_copy(deep=True)
    return copy.deepcopy(value)


def is_under(path: Path, prefix: Path) -> bool:
    return path[: len(prefix)] == prefix
