"""The résumé model: pydantic only, no Qt anywhere below here."""

from .dates import DateParseError, PartialDate, months_between, parse_date, parse_period
from .layout import STANDARD_SECTIONS, Layout, Margins
from .resume import (
    CUSTOM_KINDS,
    SCHEMA_VERSION,
    CustomSection,
    DatedEntry,
    DatedSection,
    JobProject,
    ListSection,
    NoteItem,
    NotesSection,
    Resume,
    TableSection,
    TextSection,
    Work,
)
from .sections import section_order

__all__ = [
    "CUSTOM_KINDS",
    "SCHEMA_VERSION",
    "STANDARD_SECTIONS",
    "CustomSection",
    "DateParseError",
    "DatedEntry",
    "DatedSection",
    "JobProject",
    "Layout",
    "ListSection",
    "Margins",
    "NoteItem",
    "NotesSection",
    "PartialDate",
    "Resume",
    "TableSection",
    "TextSection",
    "Work",
    "months_between",
    "parse_date",
    "parse_period",
    "section_order",
]
