"""File handling of the window: new, open, save, save as, export, unsaved-changes and
changed-on-disk questions, autosave and recovery. Never loses work: every path that
would drop changes asks first, and a failed open or save changes nothing."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..document import ResumeDocument
from ..errors import ResumeFileError
from ..io.atomic import ReadOnlyFileError
from ..io.formats import read_resume
from ..model.resume import Resume
from ..task import Cancelled
from . import autosave, dialogs, locks
from .autosave_writer import AutosaveWriter
from .background import describe_stop, run_busy
from .settings import Settings


class FileController(QObject):
    recentChanged = Signal()  # File ▸ Open Recent has a new first entry
    def __init__(self, window: QWidget, document: ResumeDocument, settings: Settings) -> None:
        super().__init__(window)
        self.window, self.document, self.settings = window, document, settings
        self.last_export_warnings: list[str] = []
        self.last_export_path: Path | None = None
        self.include_unprinted = False  # File ▸ Include Unprinted…: this session only
        self.discard_reason = ""  # what replaces the document, for the unsaved question
        # this window's own autosave copy and lock: other windows never touch them
        self.window_id = uuid.uuid4().hex[:12]
        self.read_only = False  # the file is edited elsewhere: Save goes to Save As
        self._slot: Path | None = None  # the copy autosave writes (a recovered one's file)
        self._slots: set[Path] = set()  # every copy holding this window's unsaved work
        self._lock: Path | None = None
        self._lock_choice: tuple[Path, str] | None = None  # answer of confirm_open
        self._autosave_error = ""
        self._discarding = False  # the user chose Discard for the current changes
        self._closed = False
        document.pathChanged.connect(self._follow_path)
        self.timer = QTimer(self)
        self.timer.setInterval(autosave.INTERVAL_MS)
        self.writer = AutosaveWriter(document, self)
        self.writer.written.connect(self._autosaved)
        self.writer.failed.connect(self._autosave_failed)
        self.timer.timeout.connect(self._autosave_tick)
        self.timer.start()

    # --- asking before losing work ---------------------------------------------------

    def display_name(self) -> str:
        return self.document.path.name if self.document.path else "Untitled"

    def may_discard(self, reason: str = "") -> bool:
        """True when the current document may be replaced or closed; the question says
        what is about to happen ("opening another file", "closing the window")."""
        reason = reason or self.discard_reason or "closing the window"
        self.discard_reason = ""
        if not self.document.is_dirty:
            return True
        answer = dialogs.ask_save_changes(self.window, self.display_name(), reason)
        self._discarding = answer == "discard"  # closing() then deletes the autosave too
        if answer == "save":
            return self.save()
        return answer == "discard"

    # --- commands --------------------------------------------------------------------

    def new(self) -> None:
        if self.may_discard("starting a new résumé"):
            self._forget_autosave()
            resume = Resume()
            if self.settings.last_theme:  # start where the user left off
                resume.layout.theme = self.settings.last_theme
            self.document.replace(resume, None)

    def open(self, path: Path | None = None) -> bool:
        """Open a résumé. A ``.json`` file (ours or any JSON Resume) is opened to be saved
        in place; Markdown and our PDFs are imported as a new, untitled résumé, so the
        original is never overwritten with another format."""
        path = path or dialogs.get_open_path(self.window, str(self.document.base_dir or ""))
        if path is None:
            return False
        if Path(path).suffix.lower() != ".json":
            return self.import_file(Path(path))
        if not self.confirm_open(Path(path)):
            return False
        resume = self._read_replacement(path, read_resume, "Cannot open", "opening another file")
        if resume is None:
            return False
        self.settings.add_recent(Path(path))
        self.document.replace(resume, Path(path), source_text=_text_of(Path(path)))
        self.recentChanged.emit()
        return True

    def open_copy(self, path: Path) -> bool:
        """Open a résumé as an untitled copy (the bundled sample): Save asks where, so
        the original — inside the installed package — is never written."""
        resume = self._read_replacement(path, read_resume, "Cannot open", "opening the sample")
        if resume is None:
            return False
        self.document.replace(resume, None)
        return True

    def _read_replacement(
        self, path: Path | None, read, title: str, reason: str = ""
    ) -> Resume | None:
        """Read a résumé that is to replace the current one, then ask about unsaved
        changes (a file that cannot be read costs the user no question and no work);
        None (current document untouched) if anything fails or says no."""
        if path is None:
            return None
        try:
            resume = run_busy(
                self.window, f"Opening {path.name}", lambda: read(path), drop_if_cancelled=True
            )
        except ResumeFileError as error:
            dialogs.show_error(self.window, title, error.located())
            return None
        except Cancelled as error:
            self._status(describe_stop(error, f"Opening {path.name}") + " Nothing changed.")
            return None
        self.discard_reason = reason
        if not self.may_discard():
            return None
        self._forget_autosave()
        return resume

    def save(self) -> bool:
        """Save in place; an untitled or read-only document asks for a name instead. With
        no edits and the file as it was, nothing is written (not reformatted, no ``.bak``
        rotated): the status bar says so."""
        if self.document.path is None or self.read_only:
            return self.save_as()
        change = self.document.changed_on_disk()
        if not change and not self.document.is_dirty:
            self._status("No changes to save.", 5000)
            return True
        if change == "deleted":
            if not dialogs.ask_save_deleted_file(self.window, self.document.path):
                return False
        elif change and not dialogs.ask_overwrite_changed_file(self.window, self.document.path):
            return False
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        """Ask for a name; the dialog adds ``.json`` before it asks about overwriting,
        and refuses a file another cveditor is editing (a read-only window's own)."""
        current = self.document.path
        suggested = current or Path.home() / "resume.json"
        if current is not None and self.read_only:  # its own name would be refused
            suggested = current.with_name(f"{current.stem} (copy){current.suffix}")
        path = dialogs.get_save_path(
            self.window, str(suggested), dialogs.SAVE_FILTER, refuse=self._save_refusal
        )
        if path is None:
            return False
        refusal = self._save_refusal(path)
        if refusal:
            dialogs.show_error(self.window, "Cannot save", refusal)
            return False
        if path.suffix.lower() != ".json":
            dialogs.show_error(
                self.window,
                "Cannot save",
                f"{path.name}: a résumé is saved as a .json file (JSON Resume). "
                "Use File ▸ Export As… for PDF, Markdown, HTML or text.",
            )
            return False
        return self._save_to(path)

    def _save_refusal(self, path: Path) -> str:
        """Why Save As must not write ``path`` ("" when it may): another cveditor that is
        alive is editing it, and would lose its work or overwrite ours."""
        other = locks.holder(path)
        if other is None:
            return ""
        return (
            f"{path.name} cannot be saved here: {other.describe()}. Saving would replace "
            "the file that window is editing. Choose another name."
        )

    def _save_to(self, path: Path) -> bool:
        previous = self.document.path
        try:
            try:
                self.document.save(path)
            except ReadOnlyFileError:  # never overwritten silently: ask (docs/saving.md)
                if not dialogs.ask_overwrite_read_only(self.window, path):
                    return False
                self.document.save(path, overwrite_read_only=True)
        except ResumeFileError as error:
            dialogs.show_error(self.window, "Cannot save", error.located())
            return False
        autosave.discard(autosave.slot_path(self.window_id, previous))  # only this window's
        self._forget_autosave()
        self.settings.add_recent(path)
        self.recentChanged.emit()
        self.document.set_source_text(_text_of(path))  # problems name lines of this file now
        self._status(f"Saved {path}.", 5000)  # and no note about the file as it was stays
        return True

    def import_file(self, path: Path | None = None) -> bool:
        """Markdown, plain JSON Resume or our PDF → a new, untitled document, without the
        review step (File ▸ Open of such a file); saving it asks where, so the original
        file is never overwritten with another format."""
        folder = str(self.document.base_dir or "")
        path = path or dialogs.get_open_path(
            self.window, folder, dialogs.IMPORT_FILTER, IMPORT_TITLE
        )
        resume = self._read_replacement(path, read_resume, "Cannot import", "importing a file")
        if resume is None:
            return False
        self.document.replace(resume, None, saved=False)
        return True

    def import_with_review(self, path: Path | None = None) -> bool:
        """File ▸ Import… (and a Markdown file dropped on the window): Markdown goes
        through the review step (ui.import_dialog) — as a new résumé or into the open
        one; JSON Resume and our PDFs come in as a new résumé at once."""
        folder = str(self.document.base_dir or "")
        path = path or dialogs.get_open_path(
            self.window, folder, dialogs.IMPORT_FILTER, IMPORT_TITLE
        )
        if path is None:
            return False
        if Path(path).suffix.lower() in MARKDOWN:
            return self.review_import(Path(path))
        return self.import_file(Path(path))

    def review_import(self, path: Path) -> bool:
        """Read a Markdown file into an import plan and show the review dialog (window-
        modal, not blocking); its Accept applies the import. False: nothing shown."""
        from .import_dialog import INTO, NEW, ImportDialog

        try:
            text, plan = run_busy(
                self.window, f"Reading {path.name}", lambda: _plan_of(path), drop_if_cancelled=True
            )
        except ResumeFileError as error:
            dialogs.show_error(self.window, "Cannot import", error.located())
            return False
        except Cancelled as error:
            self._status(describe_stop(error, f"Reading {path.name}") + " Nothing changed.")
            return False
        previous = getattr(self, "import_dialog", None)
        if previous is not None:
            previous.close()
        has_content = self.document.resume != Resume()
        dialog = ImportDialog(
            self.window,
            plan,
            text,
            existing=self.document.resume,
            mode=NEW,
            file_name=path.name,
        )
        if has_content and dialog.built is not None and _a_part(dialog.built):
            dialog.set_mode(INTO)  # from the résumé the dialog built for its preview
        self.import_dialog = dialog
        dialog.accepted.connect(lambda: self._apply_import(dialog, path))
        dialog.finished.connect(lambda _result: self._review_closed(dialog))
        dialog.open()
        return True

    def _review_closed(self, dialog) -> None:
        if getattr(self, "import_dialog", None) is dialog:
            self.import_dialog = None
        dialog.deleteLater()
        self.window.activateWindow()  # the keys go back to the window (without a WM too)

    def _apply_import(self, dialog, path: Path) -> bool:
        """The reviewed import: as a new, untitled résumé, or merged into the open one
        as one undo step ("Import NAME"; Ctrl+Z gives back the résumé as it was)."""
        from ..io.merge import merge_into
        from .import_dialog import INTO

        try:
            imported = dialog.imported()
        except (ResumeFileError, ValueError) as error:
            dialogs.show_error(self.window, "Cannot import", str(error))
            return False
        if dialog.mode == INTO:
            merged = merge_into(self.document.resume, imported)
            changes = _whole_resume_changes(self.document, merged)
            if not changes:
                self._status(f"{path.name} adds nothing this résumé does not have.", 8000)
                return False
            self.document.set_values(changes, f"Import {path.name}")
            self._status(f"Imported {path.name} into this résumé; Ctrl+Z takes it back.", 8000)
            return True
        self.discard_reason = "importing a file"
        if not self.may_discard():
            return False
        self._forget_autosave()
        self.document.replace(imported, None, saved=False)
        self._status(f"Imported {path.name} as a new résumé (not saved yet).", 8000)
        return True

    def export_as(
        self, path: Path | None = None, *, suffix: str = ".md", filters: str = ""
    ) -> list[str] | None:
        """Export in the format the chosen file name says (.pdf .md .html .txt .json);
        returns the warnings for the user, or None when nothing was written. Only what
        prints leaves (model.printed); the open résumé's own file is never a target."""
        from ..render.exports import write_resume

        if path is None:
            stem = self.document.path.stem if self.document.path else "resume"
            folder = self.document.base_dir or Path.home()
            path = dialogs.get_save_path(
                self.window,
                str(folder / f"{stem}{suffix}"),
                filters or dialogs.EXPORT_FILTER,
                refuse=self._export_refusal,
            )
            if path is None:
                return None
        refusal = self._export_refusal(path)
        if refusal:
            dialogs.show_error(self.window, "Cannot export", refusal)
            return None
        to = "jsonresume" if path.suffix.lower() == ".json" else ""
        resume, base_dir = self.document.resume, self.document.base_dir
        try:
            warnings = run_busy(
                self.window,
                f"Exporting {path.name}",
                lambda: write_resume(
                    resume,
                    path,
                    to=to,
                    base_dir=base_dir,
                    attach_source=self.settings.attach_source,
                    include_unprinted=self.include_unprinted,
                ),
            )
        except ResumeFileError as error:
            dialogs.show_error(self.window, "Cannot export", error.located())
            return None
        except Cancelled as error:
            stopped = describe_stop(error, "Export").removesuffix(".")
            self._status(f"{stopped}; nothing was written to {path}.")
            return None
        if self.include_unprinted and to == "jsonresume":
            warnings = [
                *warnings,
                "It includes personal fields no theme prints (address, postal code…): "
                "File ▸ Include Unprinted Personal Fields is on",
            ]
        self.last_export_warnings = warnings
        self.last_export_path = path
        return warnings

    def _export_refusal(self, path: Path) -> str:
        """Why ``path`` cannot take an export ("" when it can): the open résumé's file."""
        if self.document.path is not None and _same_file(path, self.document.path):
            return (
                f"{path} is the résumé you are editing; an export would replace it. "
                "Choose another name."
            )
        return ""

    def export_pdf(self, path: Path | None = None) -> list[str] | None:
        return self.export_as(path, suffix=".pdf", filters=dialogs.PDF_FILTER)

    # --- autosave and recovery -------------------------------------------------------

    def _autosave_tick(self) -> None:
        """Every 30 s: this window's copy of unsaved work, written in the background
        (autosave_writer.py)."""
        if not self._closed and self.document.is_dirty:
            self.writer.start(window_id=self.window_id, slot=self._slot)

    def autosave_now(self) -> bool:
        """Write this window's copy of unsaved work now; True when one was written. A
        failure (disk full, unwritable state folder) goes to the status bar; saving
        still works."""
        if self._closed or not self.document.is_dirty:
            return False
        self.writer.wait()  # one writer of the copy at a time
        try:
            slot = autosave.write(
                self.document.resume,
                self.document.path,
                window_id=self.window_id,
                base_digest=self.document.disk_digest,
                slot=self._slot,
            )
        except (OSError, ValueError, ResumeFileError) as error:
            self._autosave_failed(error)
            return False
        self._autosaved(slot)
        return True

    def _autosaved(self, slot: Path) -> None:
        self._slot = slot
        self._slots.add(slot)
        if self._autosave_error:
            if self._current_status() == self._autosave_error:
                self._status("Autosave works again.", 5000)
            self._autosave_error = ""

    def _autosave_failed(self, error: Exception) -> None:
        reason = getattr(error, "strerror", None) or str(error)
        self._autosave_error = (
            f"Autosave failed ({reason}): unsaved changes are not backed up. Save to keep them."
        )
        self._status(self._autosave_error)

    def _forget_autosave(self) -> None:
        """The work in this window was saved or discarded: its copies are not needed."""
        self.writer.forget()
        for slot in self._slots | {autosave.slot_path(self.window_id, self.document.path)}:
            autosave.discard(slot)
        self._slots.clear()
        self._slot = None

    def offer_recovery(self) -> bool:
        """Offer the copies of sessions that did not end well; True if one was recovered
        into this window. Nothing is deleted unless the user says Discard."""
        recovered = False
        for found in autosave.pending():
            if isinstance(found, autosave.Unreadable):
                self._report_unreadable(found)
            elif not recovered:  # one per window; the others are offered next start
                answer = dialogs.ask_recover(self.window, found.describe())
                if answer == "recover":
                    self._adopt(found)
                    recovered = True
                elif answer == "discard" and not autosave.discard(found.slot):
                    dialogs.show_error(
                        self.window, "Cannot discard", f"{found.slot} could not be deleted."
                    )
        return recovered

    def closing(self) -> None:
        """A normal close: the copy goes unless it holds work the user neither saved nor
        discarded; the lock goes, and no autosave runs after this."""
        self._closed = True
        self.timer.stop()
        self.writer.wait()  # a copy being written is complete before the window goes
        if not self.document.is_dirty or self._discarding:
            self._forget_autosave()
        self.release_lock()

    # --- recovery, locks, status (helpers of the above) -----------------------------------

    def _adopt(self, found: autosave.Recovered) -> None:
        """Show recovered work as unsaved changes. Save compares the file with the digest
        the edits started from, so a newer version on disk is never overwritten unasked;
        the copy stays (now owned by this process) until the work is saved or discarded."""
        self.document.replace(found.resume, found.original, saved=False)
        self.document.disk_digest = found.base_digest
        self._slot = found.slot
        self._slots.add(found.slot)
        self.autosave_now()

    def _report_unreadable(self, found: autosave.Unreadable) -> None:
        answer = dialogs.ask_unreadable(self.window, found.slot, found.reason)
        if answer == "aside":
            try:
                kept = autosave.set_aside(found.slot)
            except OSError as error:
                dialogs.show_error(self.window, "Cannot set aside", f"{found.slot}: {error}")
            else:
                self._status(f"Set aside, not deleted: {kept}")
            return
        target = {"open": found.slot, "folder": found.slot.parent}.get(answer)
        if target is not None and not dialogs.open_path(target):
            dialogs.show_error(self.window, "Cannot open", f"Nothing could open {target}.")

    def confirm_open(self, path: Path) -> bool:
        """Before opening ``path``: if another cveditor (alive, or on another host) holds its
        lock, ask whether to open it read-only, anyway, or not at all. Call before reading."""
        other = locks.holder(Path(path))
        if other is None:
            self._lock_choice = (locks.lock_path(Path(path)), "write")
            return True
        answer = dialogs.ask_file_in_use(self.window, Path(path), other.describe())
        if answer == "cancel":
            return False
        self._lock_choice = (locks.lock_path(Path(path)), answer)
        return True

    def _follow_path(self, path: Path | None) -> None:
        """The document's file changed (open, save as, recovery, new): move our lock."""
        lock = locks.lock_path(path) if path else None
        if lock is not None and lock == self._lock:
            return
        self.release_lock()
        asked, self._lock_choice = self._lock_choice, None
        choice = asked[1] if asked and asked[0] == lock else ""
        self.read_only = False
        if path is None:
            return
        if not choice:  # nobody asked (a path set without confirm_open): never steal a lock
            other = locks.holder(path)
            choice = "write" if other is None else "read-only"
            if other is not None:
                self._status(f"Opened read-only: {other.describe()}. Save asks for a new name.")
        elif choice == "read-only":
            self._status(f"“{path.name}” is open read-only: Save asks for a new name.")
        if choice == "read-only":
            self.read_only = True
            return
        try:
            self._lock = locks.take(path, self.window_id)
        except OSError as error:
            self._status(f"Cannot lock {path.name} ({error.strerror or error}).")

    def release_lock(self) -> None:
        if self._lock is not None:
            locks.release(self._lock, self.window_id)
            self._lock = None

    def _status(self, text: str, timeout_ms: int = 0) -> None:
        status_bar = getattr(self.window, "statusBar", None)
        if status_bar is not None:
            status_bar().showMessage(text, timeout_ms)

    def _current_status(self) -> str:
        status_bar = getattr(self.window, "statusBar", None)
        return status_bar().currentMessage() if status_bar is not None else ""


MARKDOWN = (".md", ".markdown")


def _a_part(built: Resume) -> bool:
    """A document that is part of a résumé, not one of its own — one job's 경력기술서, or
    notes only — goes into the open résumé by default; a whole résumé (with a name, or
    more than a job) comes in as a new one, whatever the last import was."""
    return not built.basics.name and len(built.work) <= 1 and not built.education


#: The file dialog's title for File ▸ Import… (not "Open résumé": nothing is opened).
IMPORT_TITLE = "Import a career document"


def _plan_of(path: Path):
    """(text, import plan) of a Markdown file, read with the usual bounds."""
    from ..io.import_plan import plan_markdown
    from ..io.limits import limit_for
    from ..io.native import decode, read_bytes

    text = decode(read_bytes(path, limit_for(path)), str(path))
    return text, plan_markdown(text, str(path))


#: What an import into the open résumé replaces: every part of it but our own extras,
#: and of those the custom sections and the layout (their other keys stay).
_WHOLE = (
    *((name,) for name in Resume.model_fields if name != "cv"),
    ("cv", "layout"),
    ("cv", "sections"),
)


def _whole_resume_changes(document: ResumeDocument, merged: Resume) -> dict:
    """The paths at which ``merged`` differs from the open résumé, with its values: one
    SetValue (one undo step) then makes the open résumé equal to ``merged``."""
    from ..model.access import get_at

    return {
        path: get_at(merged, path)
        for path in _WHOLE
        if document.get(path) != get_at(merged, path)
    }


def _text_of(path: Path) -> str:
    """The JSON text a résumé was read from, for the lines of its problems."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (links and relative names included)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and a.samefile(b))
    except OSError:
        return False
