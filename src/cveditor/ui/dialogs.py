"""Every question the application asks the user, in one place.

Tests replace these functions (they are where the program meets a person); the rest of
the UI calls them and never builds a modal dialog itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

RESUME_FILTER = "Résumé (*.json);;All files (*)"
PDF_FILTER = "PDF (*.pdf)"
IMPORT_FILTER = (
    "Résumés (*.json *.md *.markdown *.pdf);;JSON Resume (*.json);;Markdown (*.md *.markdown);;"
    "PDF exported by cveditor (*.pdf)"
)
EXPORT_FILTER = (
    "PDF (*.pdf);;Markdown (*.md);;HTML (*.html);;Plain text for ATS (*.txt);;"
    "JSON Resume for other tools (*.json)"
)


def ask_save_changes(parent: QWidget, name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    answer = QMessageBox.question(
        parent,
        "Unsaved changes",
        f"Save the changes to “{name}” before closing it?",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    return {
        QMessageBox.StandardButton.Save: "save",
        QMessageBox.StandardButton.Discard: "discard",
    }.get(answer, "cancel")


def ask_overwrite_changed_file(parent: QWidget, path: Path) -> bool:
    answer = QMessageBox.warning(
        parent,
        "File changed on disk",
        f"“{path.name}” was changed by another program since you opened it.\n"
        "Overwrite it with your version?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_recover(parent: QWidget, description: str) -> bool:
    answer = QMessageBox.question(
        parent,
        "Recover unsaved work?",
        f"cveditor did not close properly last time. Recover your unsaved changes to "
        f"{description}?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)


def get_open_path(parent: QWidget, folder: str = "", filters: str = RESUME_FILTER) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Open résumé", folder, filters)
    return Path(name) if name else None


def get_save_path(parent: QWidget, suggested: str, filters: str = RESUME_FILTER) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Save as", suggested, filters)
    return Path(name) if name else None


def get_image_path(parent: QWidget, folder: str = "") -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, "Choose a photo", folder, "Images (*.png *.jpg *.jpeg *.webp *.bmp)"
    )
    return Path(name) if name else None


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None
