"""Every question the application asks the user, in one place.

Tests replace these functions (they are where the program meets a person); the rest of
the UI calls them and never builds a modal dialog itself.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

RESUME_FILTER = (
    "Résumés (*.json *.md *.markdown *.pdf);;JSON Resume (*.json);;Markdown (*.md *.markdown);;"
    "PDF exported by cveditor (*.pdf);;All files (*)"
)
SAVE_FILTER = "cveditor résumé (JSON Resume) (*.json)"
PDF_FILTER = "PDF (*.pdf)"
IMPORT_FILTER = (
    "Résumés (*.json *.md *.markdown *.pdf);;JSON Resume (*.json);;Markdown (*.md *.markdown);;"
    "PDF exported by cveditor (*.pdf)"
)
EXPORT_FILTER = (
    "PDF (*.pdf);;Markdown (*.md);;HTML (*.html);;Plain text for ATS (*.txt);;"
    "JSON Resume for other tools (*.json)"
)


def ask_save_changes(parent: QWidget, name: str, reason: str = "closing the window") -> str:
    """'save', 'discard' or 'cancel'; ``reason`` says what would lose the changes."""
    answer = QMessageBox.question(
        parent,
        "Unsaved changes",
        f"Save the changes to “{name}” before {reason}?",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    return {
        QMessageBox.StandardButton.Save: "save",
        QMessageBox.StandardButton.Discard: "discard",
    }.get(answer, "cancel")


def ask_overwrite_changed_file(parent: QWidget | None, path: Path) -> bool:
    """True to overwrite a file another program changed since it was opened or saved
    here; the safe answer, Cancel (also Esc), writes nothing and keeps the edits in the
    window."""
    return _ask_overwrite(
        parent,
        "File changed on disk",
        f"“{path.name}” was changed by another program since you opened or last saved it here.",
        "Overwrite: replace it with your version; the other program's changes are lost.\n"
        "Cancel: write nothing; your edits stay in the window.\n"
        "To keep both, cancel and use File ▸ Save As… to save your version under "
        "another name.",
    )


def _ask_overwrite(parent: QWidget | None, title: str, text: str, details: str) -> bool:
    """Overwrite or Cancel, Cancel the default and Esc: True to overwrite."""
    role = QMessageBox.ButtonRole
    answer = _choose(
        parent,
        QMessageBox.Icon.Warning,
        title,
        text,
        details,
        [("Overwrite", role.DestructiveRole, "overwrite"), ("Cancel", role.RejectRole, "cancel")],
        default="cancel",
        escape="cancel",
    )
    return answer == "overwrite"


def _choose(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str,
    choices: list[tuple[str, QMessageBox.ButtonRole, str]],
    default: str,
    escape: str,
) -> str:
    """A question with named answers; Esc (or closing the box) gives ``escape``."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(informative)
    buttons = {}
    for label, role, answer in choices:
        buttons[answer] = box.addButton(label, role)
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[escape])
    box.exec()
    clicked = box.clickedButton()
    return next((answer for answer, button in buttons.items() if button is clicked), escape)


def ask_recover(parent: QWidget | None, description: str) -> str:
    """'recover', 'discard' or 'keep' (also Esc): what to do with an autosaved copy."""
    role = QMessageBox.ButtonRole
    return _choose(
        parent,
        QMessageBox.Icon.Question,
        "Recover unsaved work?",
        f"cveditor did not close properly last time. A copy of the unsaved changes to "
        f"{description}, is waiting.",
        "Recover: open the changes now; the autosaved copy is kept until you save them.\n"
        "Discard: delete the autosaved copy; these changes are lost for good.\n"
        "Keep for later: leave the copy as it is and ask again next time cveditor starts.",
        [
            ("Recover", role.AcceptRole, "recover"),
            ("Discard", role.DestructiveRole, "discard"),
            ("Keep for Later", role.RejectRole, "keep"),
        ],
        default="recover",
        escape="keep",
    )


def ask_unreadable(parent: QWidget | None, path: Path, reason: str) -> str:
    """'open', 'folder', 'aside' or 'keep' (also Esc): a copy of the user's work we cannot
    read is never deleted or skipped silently; they may still get their text out of it."""
    role = QMessageBox.ButtonRole
    return _choose(
        parent,
        QMessageBox.Icon.Warning,
        "Autosaved copy cannot be read",
        f"An autosaved copy of unsaved work cannot be read: {reason}",
        f"The file is kept, untouched:\n{path}\n\n"
        "Open Anyway: open it in the program your system uses for such files.\n"
        "Show in Folder: open the folder that holds it.\n"
        "Set Aside: keep it, renamed to end in “.unreadable”, and stop asking.\n"
        "Keep for Later: leave it and tell you again next time cveditor starts.",
        [
            ("Open Anyway", role.AcceptRole, "open"),
            ("Show in Folder", role.ActionRole, "folder"),
            ("Set Aside", role.ActionRole, "aside"),
            ("Keep for Later", role.RejectRole, "keep"),
        ],
        default="keep",
        escape="keep",
    )


def ask_file_in_use(parent: QWidget | None, path: Path, who: str) -> str:
    """'read-only', 'anyway' or 'cancel' (also Esc): the file is being edited elsewhere."""
    role = QMessageBox.ButtonRole
    return _choose(
        parent,
        QMessageBox.Icon.Warning,
        "File in use",
        f"“{path.name}” may be open elsewhere: {who}.",
        "Open Read-Only: look at it; Save will ask for a new file name.\n"
        "Open Anyway: edit it here too; whichever saves last overwrites the other's "
        "changes.\n"
        "Cancel: do not open it.",
        [
            ("Open Read-Only", role.AcceptRole, "read-only"),
            ("Open Anyway", role.DestructiveRole, "anyway"),
            ("Cancel", role.RejectRole, "cancel"),
        ],
        default="read-only",
        escape="cancel",
    )


def open_path(path: Path) -> bool:
    """Open a file or folder with the desktop's own program (a file manager for folders)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_exception(
    parent: QWidget | None, summary: str, details: str, log_path: Path | None
) -> None:
    """An unexpected error, with the traceback one click away from the clipboard so the
    user can report it."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "cveditor ran into a problem",
        summary,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    where = f"A report was saved to:\n{log_path}" if log_path else "No report could be saved."
    box.setInformativeText(
        "Your document is still open. Save it now (or use Save As to keep a second copy).\n\n"
        + where
    )
    box.setDetailedText(details)
    copy = box.addButton("Copy Details", QMessageBox.ButtonRole.ActionRole)
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    while True:  # every button closes a QMessageBox: show it again after copying
        box.exec()
        if box.clickedButton() is not copy:
            return
        QGuiApplication.clipboard().setText(details)
        copy.setText("Copied")


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)


def get_open_path(
    parent: QWidget, folder: str = "", filters: str = RESUME_FILTER, title: str = "Open résumé"
) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return Path(name) if name else None


def filter_suffix(name_filter: str) -> str:
    """``"PDF (*.pdf)"`` → ``"pdf"``: the extension a name typed without one gets."""
    match = re.search(r"\*\.([A-Za-z0-9]+)", name_filter)
    return match.group(1) if match else ""


class _SaveDialog(QFileDialog):
    """Refuses a name before Qt asks whether to replace that file (``refuse`` gives the
    reason, "" to allow): "Replace?" then "you cannot" would be one question too many."""

    def __init__(self, *args, refuse: Callable[[Path], str] | None = None) -> None:
        super().__init__(*args)
        self.refuse = refuse

    def accept(self) -> None:
        files = self.selectedFiles()
        reason = self.refuse(Path(files[0])) if self.refuse and files else ""
        if reason:
            show_error(self, "Choose another name", reason)
            # the refused file stays selected in the file list, and Qt would keep
            # returning it whatever name is typed next
            for view in self.findChildren(QAbstractItemView):
                view.clearSelection()
            return
        super().accept()


def save_dialog(
    parent: QWidget | None,
    suggested: str,
    filters: str,
    refuse: Callable[[Path], str] | None = None,
) -> QFileDialog:
    """A save dialog that adds the chosen format's extension to a bare name *before* it
    asks about overwriting, so "old" + PDF asks about old.pdf, never writes it unasked."""
    dialog = _SaveDialog(parent, "Save as", suggested, filters, refuse=refuse)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    first = filters.split(";;")[0]
    suffix = Path(suggested).suffix.lower()
    chosen = next((f for f in filters.split(";;") if suffix and f"*{suffix}" in f), first)
    dialog.selectNameFilter(chosen)
    dialog.setDefaultSuffix(filter_suffix(chosen))
    dialog.filterSelected.connect(lambda f: dialog.setDefaultSuffix(filter_suffix(f)))
    dialog.selectFile(suggested)
    return dialog


def get_save_path(
    parent: QWidget,
    suggested: str,
    filters: str = SAVE_FILTER,
    refuse: Callable[[Path], str] | None = None,
) -> Path | None:
    dialog = save_dialog(parent, suggested, filters, refuse)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def get_image_path(parent: QWidget, folder: str = "") -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, "Choose a photo", folder, "Images (*.png *.jpg *.jpeg *.webp *.bmp)"
    )
    return Path(name) if name else None


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None


def show_exported(parent: QWidget, path: Path, warnings: list[str]) -> None:
    """Where an export went, with Open and Show in Folder (warnings, if any, first)."""
    role = QMessageBox.ButtonRole
    box = QMessageBox(
        QMessageBox.Icon.Warning if warnings else QMessageBox.Icon.Information,
        "Exported",
        f"Exported to {path}",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    if warnings:
        box.setInformativeText("\n".join(warnings))
    open_file = box.addButton("Open", role.AcceptRole)
    folder = box.addButton("Show in Folder", role.ActionRole)
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    box.exec()
    if box.clickedButton() is open_file:
        open_path(path)
    elif box.clickedButton() is folder:
        open_path(path.parent)


def ask_print(parent: QWidget, printer: QPrinter) -> bool:
    """The system's print dialog for a printer already set to the résumé's paper."""
    return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted


def show_shortcuts(parent: QWidget, rows: list[tuple[str, str, str]]) -> None:
    """Help ▸ Keyboard Shortcuts: every action with keys, from the action registry."""
    body = "".join(
        f"<tr><td>{html.escape(where)}</td><td>{html.escape(what)}</td>"
        f"<td><b>{html.escape(keys)}</b></td></tr>"
        for where, what, keys in rows
    )
    show_document(
        parent,
        "Keyboard shortcuts",
        "<table cellpadding='4'><tr><th align='left'>Where</th><th align='left'>Action</th>"
        f"<th align='left'>Keys</th></tr>{body}</table>",
        markdown=False,
    )


def show_document(parent: QWidget, title: str, text: str, *, markdown: bool = True) -> None:
    """A read-only page (the file format, About) in a resizable window."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    view = QTextBrowser(dialog)
    view.setOpenExternalLinks(True)
    if markdown:
        view.setMarkdown(text)
    else:
        view.setHtml(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    column = QVBoxLayout(dialog)
    column.addWidget(view)
    column.addWidget(buttons)
    dialog.resize(720, 560)
    dialog.exec()


def ask_overwrite_read_only(parent: QWidget | None, path: Path) -> bool:
    """True to overwrite a file without write permission (it stays read-only); the safe
    answer, Cancel (also Esc), writes nothing: Save As… keeps the work under another name."""
    return _ask_overwrite(
        parent,
        "File is read-only",
        f"“{path.name}” is read-only: it is protected against changes.",
        "Overwrite: replace its content with your version anyway (it stays read-only).\n"
        "Cancel: write nothing; use File ▸ Save As… to keep your version under another "
        "name.",
    )


def ask_save_deleted_file(parent: QWidget | None, path: Path) -> bool:
    """True to write the file again: it was deleted or moved away since it was opened."""
    role = QMessageBox.ButtonRole
    return (
        _choose(
            parent,
            QMessageBox.Icon.Warning,
            "File deleted on disk",
            f"“{path.name}” was deleted or moved by another program since you opened it.",
            f"Save: write your version again as\n{path}\n"
            "Cancel: write nothing (File ▸ Save As… saves under another name).",
            [
                ("Save", role.AcceptRole, "save"),
                ("Cancel", role.RejectRole, "cancel"),
            ],
            default="save",
            escape="cancel",
        )
        == "save"
    )
