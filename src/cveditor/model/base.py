"""Shared pieces of every résumé model: extra keys kept, dates checked, our namespace.

Every model allows extra keys, because a JSON Resume file may carry keys of other tools
or of a newer version of ours, and the user's file must come back out as it went in.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    model_serializer,
)

from .dates import DateParseError, PartialDate, is_present, parse_date

#: The key, at any level, under which cveditor keeps what JSON Resume has no place for.
EXTRAS_KEY = "x-cveditor"


def _read_date(value: Any) -> str | None:
    """Accept ISO partial dates, and what people type; store the ISO form."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"a date must be text like 2018-06, not {type(value).__name__}")
    if not value.strip() or is_present(value):
        return None
    try:
        parsed = PartialDate.from_iso(value.strip())
    except DateParseError:
        try:
            parsed = parse_date(value)
        except DateParseError as error:
            raise ValueError(str(error)) from None
    if parsed is None:
        return None
    return parsed.iso()


#: A JSON Resume date string (YYYY, YYYY-MM, YYYY-MM-DD); None for "none" or "present".
IsoDate = Annotated[str | None, BeforeValidator(_read_date)]


def _text_list(value: Any) -> Any:
    """A single string where a list of strings belongs is read as a one-item list."""
    return [value] if isinstance(value, str) else value


TextList = Annotated[list[str], BeforeValidator(_text_list), PlainSerializer(list)]


class Entry(BaseModel):
    """Base of all résumé models: unknown keys are kept, assignments are validated."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        validate_assignment=True,
        str_strip_whitespace=False,
    )

    @model_serializer(mode="wrap")
    def _omit_untouched_defaults(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> Any:
        """Write what the file had and what the user changed, not every empty default.

        Unlike ``exclude_unset`` this keeps a default object that was changed in place
        (``item.cv.hidden = True``), which pydantic does not record as "set".
        """
        data = handler(self)
        if not isinstance(data, dict):
            return data
        for name, field in type(self).model_fields.items():
            if name in self.model_fields_set:
                continue
            if getattr(self, name) == field.get_default(call_default_factory=True):
                data.pop(field.alias if info.by_alias and field.alias else name, None)
        return data


class ItemExtras(Entry):
    """cveditor's own data on a list item, stored under ``x-cveditor``."""

    hidden: bool = Field(False, description="Kept in the file but not printed.")


class HideableItem(Entry):
    """A list item the user can hide from the printed résumé without deleting it."""

    cv: ItemExtras = Field(default_factory=ItemExtras, alias=EXTRAS_KEY)

    @property
    def hidden(self) -> bool:
        return self.cv.hidden
