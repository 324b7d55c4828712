"""Words for what a change touches, so the undo history reads "Edit Position in
네오클라우드" rather than "Edit position"."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .access import Path, get_at
from .sections import section_title

#: Fields that name an item, most telling first.
TITLE_FIELDS = (
    "name",
    "position",
    "title",
    "institution",
    "organization",
    "language",
    "network",
    "label",
)


def item_title(item: Any) -> str:
    """What an item is called in lists and messages: its name, else "(untitled)"."""
    for name in TITLE_FIELDS:
        value = getattr(item, name, "")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return "(untitled)"


def field_title(owner: BaseModel, name: str) -> str:
    info = type(owner).model_fields.get(name)
    return (info.title if info is not None and info.title else None) or name


def owner_title(root: BaseModel, path: Path) -> str:
    """The item or section a path lies in, by name: the deepest list item on the way,
    else the custom section, else the top-level section's title."""
    node: Any = root
    found = ""
    for index, step in enumerate(path):
        node = get_at(node, (step,))
        if isinstance(step, int) and isinstance(node, BaseModel) and index < len(path) - 1:
            found = item_title(node)
    if found and found != "(untitled)":
        return found
    if path and path[0] in type(root).model_fields and hasattr(root, "layout"):
        if path[0] == "basics":
            return "Profile"
        if path[0] != "cv":
            return section_title(root, str(path[0]))  # type: ignore[arg-type]
    return found


def describe_edit(root: BaseModel, path: Path, verb: str = "Edit") -> str:
    """ "Edit Position in 네오클라우드" for ``("work", 0, "position")``."""
    try:
        parent = get_at(root, path[:-1])
        what = field_title(parent, str(path[-1])) if isinstance(parent, BaseModel) else ""
        where = owner_title(root, path)
    except (IndexError, KeyError, AttributeError, TypeError):
        return verb
    text = f"{verb} {what}".strip()
    return f"{text} in {where}" if where else text
