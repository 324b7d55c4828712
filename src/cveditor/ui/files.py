"""File handling of the window: new, open, save, save as, export, unsaved-changes and
changed-on-disk questions, autosave and recovery. Never loses work: every path that
would drop changes asks first, and a failed open or save changes nothing."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from ..document import ResumeDocument
from ..errors import ResumeFileError
from ..io import native
from ..model.resume import Resume
from . import autosave, dialogs
from .settings import Settings


class FileController(QObject):
    def __init__(self, window: QWidget, document: ResumeDocument, settings: Settings) -> None:
        super().__init__(window)
        self.window, self.document, self.settings = window, document, settings
        self.last_export_warnings: list[str] = []
        self.timer = QTimer(self)
        self.timer.setInterval(autosave.INTERVAL_MS)
        self.timer.timeout.connect(self.autosave_now)
        self.timer.start()

    # --- asking before losing work ---------------------------------------------------

    def display_name(self) -> str:
        return self.document.path.name if self.document.path else "Untitled"

    def may_discard(self) -> bool:
        """True when the current document may be replaced or closed."""
        if not self.document.is_dirty:
            return True
        answer = dialogs.ask_save_changes(self.window, self.display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    # --- commands --------------------------------------------------------------------

    def new(self) -> None:
        if self.may_discard():
            self._forget_autosave()
            resume = Resume()
            if self.settings.last_theme:  # start where the user left off
                resume.layout.theme = self.settings.last_theme
            self.document.replace(resume, None)

    def open(self, path: Path | None = None) -> bool:
        path = path or dialogs.get_open_path(self.window, str(self.document.base_dir or ""))
        resume = self._read_replacement(path, native.load, "Cannot open")
        if resume is None:
            return False
        self.document.replace(resume, Path(path))
        self.settings.add_recent(Path(path))
        return True

    def _read_replacement(self, path: Path | None, read, title: str) -> Resume | None:
        """Read a résumé that is to replace the current one, after asking about unsaved
        changes; None (current document untouched) if anything says no or fails."""
        if path is None or not self.may_discard():
            return None
        try:
            resume = read(path)
        except ResumeFileError as error:
            dialogs.show_error(self.window, title, error.located())
            return None
        self._forget_autosave()
        return resume

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        if self.document.changed_on_disk() and not dialogs.ask_overwrite_changed_file(
            self.window, self.document.path
        ):
            return False
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        suggested = str(self.document.path or Path.home() / "resume.json")
        path = dialogs.get_save_path(self.window, suggested)
        if path is None:
            return False
        if path.suffix.lower() != ".json":
            path = path.with_suffix(".json")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        previous = self.document.path
        try:
            self.document.save(path)
        except ResumeFileError as error:
            dialogs.show_error(self.window, "Cannot save", error.located())
            return False
        autosave.discard(previous)
        autosave.discard(path)
        self.settings.add_recent(path)
        return True

    def import_file(self, path: Path | None = None) -> bool:
        """Markdown, plain JSON Resume or our PDF → a new, untitled document (saving it
        asks where, so the original file is never overwritten with another format)."""
        from ..io.formats import read_resume

        folder = str(self.document.base_dir or "")
        path = path or dialogs.get_open_path(self.window, folder, dialogs.IMPORT_FILTER)
        resume = self._read_replacement(path, read_resume, "Cannot import")
        if resume is None:
            return False
        self.document.replace(resume, None, saved=False)
        return True

    def export_as(
        self, path: Path | None = None, *, suffix: str = ".md", filters: str = ""
    ) -> list[str] | None:
        """Export in the format the chosen file name says (.pdf .md .html .txt .json);
        returns the warnings for the status bar, or None when nothing was written."""
        from ..render.exports import write_resume

        if path is None:
            stem = self.document.path.stem if self.document.path else "resume"
            folder = self.document.base_dir or Path.home()
            path = dialogs.get_save_path(
                self.window, str(folder / f"{stem}{suffix}"), filters or dialogs.EXPORT_FILTER
            )
            if path is None:
                return None
        to = "jsonresume" if path.suffix.lower() == ".json" else ""
        try:
            warnings = write_resume(
                self.document.resume, path, to=to, base_dir=self.document.base_dir
            )
        except ResumeFileError as error:
            dialogs.show_error(self.window, "Cannot export", error.located())
            return None
        self.last_export_warnings = warnings
        return warnings

    def export_pdf(self, path: Path | None = None) -> list[str] | None:
        return self.export_as(path, suffix=".pdf", filters=dialogs.PDF_FILTER)

    # --- autosave and recovery -------------------------------------------------------

    def autosave_now(self) -> None:
        if self.document.is_dirty:
            # an unwritable state folder must not disturb editing; saving still works
            with contextlib.suppress(ResumeFileError):
                autosave.write(self.document.resume, self.document.path)

    def _forget_autosave(self) -> None:
        autosave.discard(self.document.path)

    def offer_recovery(self) -> bool:
        for found in autosave.pending():
            where = f"“{found.original.name}”" if found.original else "an untitled résumé"
            if dialogs.ask_recover(self.window, where):
                self.document.replace(found.resume, found.original, saved=False)
                found.slot.unlink(missing_ok=True)
                return True
            found.slot.unlink(missing_ok=True)
        return False

    def closing(self) -> None:
        """A normal close: the autosave copy is no longer needed."""
        if not self.document.is_dirty:
            self._forget_autosave()
