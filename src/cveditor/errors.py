"""User-facing errors: what went wrong, in which file, at which field or line.

Kept apart from internal bugs: a ResumeFileError is shown to the user as is, any other
exception is a defect in cveditor.
"""

from __future__ import annotations

from pathlib import Path


class ResumeFileError(Exception):
    """A file could not be read or written; the message names file and location."""

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        field: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.message = message
        self.file = str(file) if file is not None else None
        self.field = field
        self.line = line
        self.column = column
        super().__init__(self.located())

    @property
    def location(self) -> str:
        """ "resume.json, line 3, column 7, work[2].startDate" — whatever is known."""
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(f"line {self.line}" + (f", column {self.column}" if self.column else ""))
        if self.field:
            parts.append(self.field)
        return ", ".join(parts)

    def located(self) -> str:
        return f"{self.location}: {self.message}"
