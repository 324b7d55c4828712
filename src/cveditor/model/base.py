"""Shared pieces of every résumé model: extra keys kept, dates checked, our namespace.

Every model allows extra keys, because a JSON Resume file may carry keys of other tools
or of a newer version of ours, and the user's file must come back out as it went in.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, ClassVar, NamedTuple

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    model_serializer,
    model_validator,
)

from .dates import DateParseError, PartialDate, is_present, parse_date

#: The key, at any level, under which cveditor keeps what JSON Resume has no place for.
EXTRAS_KEY = "x-cveditor"
#: Fields that hold a date, in every model that has them.
DATE_FIELDS = frozenset({"startDate", "endDate", "date", "releaseDate"})


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


class Kept(NamedTuple):
    """A value from the file that the model cannot read: kept as it was, and why."""

    value: Any
    why: str


#: Read the file tolerantly: model_validate(data, context=TOLERANT).
TOLERANT = {"tolerant": True}
#: Write for other tools: the model's own values only (no kept, verbatim or legacy).
PLAIN = {"plain": True}


class Entry(BaseModel):
    """Base of all résumé models: unknown keys are kept, assignments are validated.

    What is written back follows one explicit rule, kept in data we own rather than in
    pydantic's record of "fields set" (which copies, snapshots and assignments change):
    a field is written when its value differs from the default or the file it came from
    had that key, and always when the class says so (discriminators and ids, without
    which the file could not be read back); ``None`` (no date, theme's size) never is.

    Read tolerantly (``context=TOLERANT``), a file always opens: a value the model
    cannot read is kept verbatim (``_kept``) and written back unchanged until the user
    sets that field; a value read in another form ("Present" as no end date, "2018.06"
    as 2018-06) is written back as the file had it while unchanged (``_verbatim``); a
    pre-1.0 key (``company`` for ``name``) is read as its 1.0 meaning and written back
    under the old name (``_legacy``) until the user upgrades the file.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        validate_assignment=True,
        str_strip_whitespace=False,
    )

    #: Fields written even when they hold their default (``kind``, ``id`` …).
    ALWAYS_WRITTEN: ClassVar[frozenset[str]] = frozenset()
    #: Keys of the JSON Resume schema before 1.0 → the field that took their place.
    LEGACY_KEYS: ClassVar[dict[str, str]] = {}

    #: The fields given when this object was made: the keys of the file it was read
    #: from, or a constructor's arguments. Never changed by later assignments.
    _given: frozenset[str] = PrivateAttr(default=frozenset())
    _kept: dict[str, Kept] = PrivateAttr(default_factory=dict)  # file key → value
    _verbatim: dict[str, tuple[Any, Any]] = PrivateAttr(default_factory=dict)  # (file, read)
    _legacy: dict[str, str] = PrivateAttr(default_factory=dict)  # field → old key

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

    @classmethod
    def _keys(cls) -> dict[str, str]:
        """File key → field name (aliases such as ``x-cveditor`` and ``$schema``)."""
        return _keys_of(cls)

    @classmethod
    def default_of(cls, name: str) -> Any:
        """A field's default, to compare with (never handed out: it is shared)."""
        return _defaults_of(cls)[name]

    @model_validator(mode="wrap")
    @classmethod
    def _read_tolerantly(
        cls, data: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> Any:
        """From a file (tolerant context): set aside what cannot be read, keep the rest."""
        if not isinstance(data, dict) or not (info.context or {}).get("tolerant"):
            return handler(data)
        data = dict(data)
        keys = cls._keys()
        legacy = {}
        for old, new in cls.LEGACY_KEYS.items():
            if old in data and new not in data:
                data[new] = data.pop(old)
                legacy[keys[new]] = old
        nulls = {k for k, v in data.items() if v is None and k in keys}
        for key in nulls:
            default = cls.model_fields[keys[key]].get_default(call_default_factory=True)  # fresh
            data[key] = default  # JSON null reads as "nothing here"; written back as null
        kept: dict[str, Kept] = {}
        for _ in range(len(data) + 1):
            try:
                instance = handler(data)
                break
            except ValidationError as error:
                bad = {e["loc"][0]: _why(e) for e in error.errors() if e["loc"]}
                bad = {k: why for k, why in bad.items() if k in data and k not in kept}
                if not bad:
                    raise
                for key, why in bad.items():
                    kept[key] = Kept(data.pop(key), why)
        instance._kept = kept
        instance._legacy = legacy
        for key, raw in data.items():
            name = keys.get(key)
            if name is None or key in kept:
                continue
            read = getattr(instance, name)
            if key in nulls:
                instance._verbatim[name] = (None, read)
            elif isinstance(raw, str) and raw != read:
                instance._verbatim[name] = (raw, read)
        return instance

    @model_serializer(mode="wrap")
    def _omit_untouched_defaults(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> Any:
        """Write what the file had, what differs from the default and what must be."""
        data = handler(self)
        if not isinstance(data, dict):
            return data
        plain = bool((info.context or {}).get("plain"))
        # The private records read once: each ``self._x`` goes through pydantic's
        # __getattr__, and a 3 200-job résumé made 160 000 of them (0.6 s of a save).
        private = self.__pydantic_private__ or {}
        verbatim = private.get("_verbatim") or {}
        kept_values = private.get("_kept") or {}
        legacy = private.get("_legacy") or {}
        given = private.get("_given", frozenset())
        # for other tools only what holds something: an empty "email" is no e-mail
        keep = self.ALWAYS_WRITTEN | (frozenset() if plain else given)
        defaults = _defaults_of(type(self))
        values = self.__dict__
        for name, field in type(self).model_fields.items():
            key = field.alias if info.by_alias and field.alias else name
            value = values[name]
            if not plain and name in verbatim and value == verbatim[name][1]:
                data[key] = verbatim[name][0]  # as the file had it
                continue
            if name in self.ALWAYS_WRITTEN:
                continue
            # JSON Resume has no nulls (an empty date is no date), and a default is
            # written only where the file had it
            if value is None or (name not in keep and value == defaults[name]):
                data.pop(key, None)
        if plain:
            return data
        fields = self._keys()
        for key, kept in kept_values.items():
            name = fields[key]
            if values[name] == defaults[name]:
                data[key] = kept.value  # unread, untouched: back as it was
        if legacy:
            data = {legacy.get(fields.get(k, ""), k): v for k, v in data.items()}
        return data

    def _file_key(self, name: str) -> str:
        """Field ``name`` → its key in the file (``_kept`` is keyed so)."""
        info = type(self).model_fields.get(name)
        return (info.alias or name) if info is not None else name

    def has_kept(self, name: str) -> bool:
        """Whether the file's value for field ``name`` is kept unread."""
        return self._file_key(name) in self._kept

    def kept_value(self, name: str) -> Any:
        """The file's unread value for field ``name`` (None when nothing is kept)."""
        kept = self._kept.get(self._file_key(name))
        return kept.value if kept is not None else None

    def forget_kept(self, name: str) -> Kept | None:
        """The user set field ``name``: the value the file had for it, which cveditor
        could not read, is no longer written back (nor shown). Returns it for undo."""
        return self._kept.pop(self._file_key(name), None)

    def keep_again(self, name: str, kept: Kept) -> None:
        """Undo of :meth:`forget_kept`."""
        self._kept[self._file_key(name)] = kept

    def upgrade_legacy_keys(self) -> None:
        """Write 1.0 names from now on (the user chose to upgrade the file)."""
        self._legacy = {}


@cache
def _keys_of(cls: type[BaseModel]) -> dict[str, str]:
    return {(info.alias or name): name for name, info in cls.model_fields.items()}


@cache
def _defaults_of(cls: type[BaseModel]) -> dict[str, Any]:
    """Asking pydantic for a default costs a signature inspection; saving a long résumé
    asked thousands of times."""
    return {
        name: info.get_default(call_default_factory=True) for name, info in cls.model_fields.items()
    }


def _why(error: dict[str, Any]) -> str:
    """A pydantic error in words for the user (no type names of ours)."""
    message = str(error.get("msg", "cannot be read")).removeprefix("Value error, ")
    kind = error.get("type", "")
    if kind == "string_type":
        message = "should be text"
    elif kind == "list_type":
        message = "should be a list"
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = "should be an object {…}"
    elif kind == "union_tag_invalid":
        message = "its kind is not one cveditor knows"
    return message


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

    def typed_dates(self) -> dict[str, str]:
        """Dates that are text, by field: typed in the editor and not a date yet, or
        found so in the file ("Suspended"); both print as written."""
        found = {
            key: kept.value
            for key, kept in self._kept.items()
            if key in DATE_FIELDS and isinstance(kept.value, str)
        }
        return {**found, **self.cv.typedDates}

    def date_text(self, name: str) -> str | None:
        """What a date field holds for the reader: text that is not a date, as written,
        else the ISO date (or None)."""
        return self.typed_dates().get(name) or getattr(self, name)
