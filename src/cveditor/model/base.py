"""Shared pieces of every résumé model: extra keys kept, dates checked, our namespace.

Every model allows extra keys, because a JSON Resume file may carry keys of other tools
or of a newer version of ours, and the user's file must come back out as it went in.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
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
    """Base of all résumé models: unknown keys are kept, assignments are validated.

    What is written back follows one explicit rule, kept in data we own rather than in
    pydantic's record of "fields set" (which copies, snapshots and assignments change):
    a field is written when its value differs from the default or the file it came from
    had that key, and always when the class says so (discriminators and ids, without
    which the file could not be read back); ``None`` (no date, theme's size) never is.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        validate_assignment=True,
        str_strip_whitespace=False,
    )

    #: Fields written even when they hold their default (``kind``, ``id`` …).
    ALWAYS_WRITTEN: ClassVar[frozenset[str]] = frozenset()

    #: The fields given when this object was made: the keys of the file it was read
    #: from, or a constructor's arguments. Never changed by later assignments.
    _given: frozenset[str] = PrivateAttr(default=frozenset())

    def model_post_init(self, context: Any, /) -> None:
        self._given = frozenset(self.model_fields_set)

    def __eq__(self, other: object) -> bool:
        """Equal content: the same values and extra keys (how it was made does not count)."""
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__ and self.__pydantic_extra__ == (
            other.__pydantic_extra__
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, like every pydantic model

    @model_serializer(mode="wrap")
    def _omit_untouched_defaults(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> Any:
        """Write what the file had, what differs from the default and what must be."""
        data = handler(self)
        if not isinstance(data, dict):
            return data
        keep = self.ALWAYS_WRITTEN | self._given
        for name, field in type(self).model_fields.items():
            if name in self.ALWAYS_WRITTEN:
                continue
            value = getattr(self, name)
            # JSON Resume has no nulls (an empty date is no date), and a default is
            # written only where the file had it
            if value is None or (
                name not in keep and value == field.get_default(call_default_factory=True)
            ):
                data.pop(field.alias if info.by_alias and field.alias else name, None)
        return data


class ItemExtras(Entry):
    """cveditor's own data on a list item, stored under ``x-cveditor``."""

    hidden: bool = Field(False, description="Kept in the file but not printed.")
    typedDates: dict[str, str] = Field(
        default_factory=dict,
        description="Dates as typed where cveditor could not read them, by field name; "
        "printed as typed until the user corrects them (the date field itself is empty).",
    )


class HideableItem(Entry):
    """A list item the user can hide from the printed résumé without deleting it."""

    cv: ItemExtras = Field(default_factory=ItemExtras, alias=EXTRAS_KEY)

    @property
    def hidden(self) -> bool:
        return self.cv.hidden

    def date_text(self, name: str) -> str | None:
        """What a date field holds for the reader: the text typed when it could not be
        read, else the ISO date (or None)."""
        return self.cv.typedDates.get(name) or getattr(self, name)
