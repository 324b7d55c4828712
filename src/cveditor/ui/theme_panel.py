"""Theme & page: theme, paper, language of headings, font, size, line height, margins,
accent colour — all stored in the résumé's layout, each change one undo step."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QColor, QStandardItemModel
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QPushButton,
    QWidget,
)

from ..document import ResumeDocument
from ..errors import ResumeFileError
from ..model.access import is_under
from ..render.html import resolve_style
from ..render.themes import load_themes
from .font_list import fill_font_combo, show_font_family

LAYOUT = ("cv", "layout")
BROKEN_ROLE = Qt.ItemDataRole.UserRole + 1  # set on the entries of themes that failed to load


class ThemePanel(QWidget):
    def __init__(self, document: ResumeDocument) -> None:
        super().__init__()
        self.document = document
        form = QFormLayout(self)
        catalog = load_themes()  # read once: refresh runs on every layout edit
        self.themes = catalog.themes
        self.theme = QComboBox()
        for theme in self.themes.values():
            suffix = "" if theme.ats_friendly else "  (less ATS-friendly)"
            self.theme.addItem(theme.name + suffix, theme.id)
            self.theme.setItemData(self.theme.count() - 1, theme.description, 3)
        self._list_broken(catalog.broken)
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.locale = QComboBox()
        self.locale.addItem("한국어 headings and dates", "ko")
        self.locale.addItem("English headings and dates", "en")
        self.font = QComboBox()
        fill_font_combo(self.font)  # text fonts only, Hangul ones marked (issue #9)
        self.size = self._spin(6, 20, 0.5, " pt")
        self.line = self._spin(1.0, 2.5, 0.05, "×")
        self.margins = {
            side: self._spin(0, 80, 1, " mm") for side in ("top", "right", "bottom", "left")
        }
        self.accent = QPushButton()
        form.addRow("Theme", self.theme)
        form.addRow("Paper", self.paper)
        form.addRow("Language", self.locale)
        form.addRow("Font", self.font)
        form.addRow("Size", self.size)
        form.addRow("Line height", self.line)
        for side, spin in self.margins.items():
            form.addRow(f"Margin {side}", spin)
        form.addRow("Accent colour", self.accent)
        self.theme.activated.connect(self._choose_theme)
        self.paper.activated.connect(
            lambda: self._set("paper", self.paper.currentData(), "Change paper")
        )
        self.locale.activated.connect(
            lambda: self._set("locale", self.locale.currentData(), "Change language")
        )
        self.font.activated.connect(
            lambda: self._set("fontFamily", self.font.currentData(), "Change font")
        )
        self.size.valueChanged.connect(
            lambda v: self._set("fontSize", v, "Change font size", merge=True)
        )
        self.line.valueChanged.connect(
            lambda v: self._set("lineHeight", v, "Change line height", merge=True)
        )
        for side, spin in self.margins.items():
            spin.valueChanged.connect(
                lambda v, side=side: self.document.set_value(
                    (*LAYOUT, "margins", side), v, "Change margins", merge=True
                )
            )
        self.accent.clicked.connect(self._pick_color)
        document.changed.connect(self._on_changed)
        document.reset.connect(self.refresh)
        self.refresh()

    @staticmethod
    def _spin(low: float, high: float, step: float, suffix: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setSingleStep(step)
        spin.setSuffix(suffix)
        spin.setKeyboardTracking(False)
        return spin

    def _list_broken(self, broken: dict[str, ResumeFileError]) -> None:
        """A user theme that cannot be used is listed by name, greyed out, with the
        reason as its tooltip: the user sees which one and why, and cannot choose it."""
        model = self.theme.model()
        for theme_id, error in broken.items():
            self.theme.addItem(f"{theme_id} — cannot be used", theme_id)
            index = self.theme.count() - 1
            self.theme.setItemData(index, error.located(), Qt.ItemDataRole.ToolTipRole)
            self.theme.setItemData(index, True, BROKEN_ROLE)
            item = model.item(index) if isinstance(model, QStandardItemModel) else None
            if item is not None:
                item.setEnabled(False)

    def _choose_theme(self, index: int) -> None:
        if self.theme.itemData(index, BROKEN_ROLE):  # not choosable; show what is in use
            self.refresh()
            return
        self._set("theme", self.theme.itemData(index), "Change theme")

    def _set(self, name: str, value, text: str, merge: bool = False) -> None:
        self.document.set_value((*LAYOUT, name), value, text, merge=merge)

    def _pick_color(self) -> None:
        current = self.document.resume.layout.accentColor or "#1f4e79"
        color = QColorDialog.getColor(QColor(current), self, "Accent colour")
        if color.isValid():
            self._set("accentColor", color.name(), "Change accent colour")

    def _on_changed(self, changed: tuple) -> None:
        if is_under(changed, LAYOUT) or is_under(LAYOUT, changed):
            self.refresh()

    def _theme_index(self, theme_id: str) -> int:
        """The usable entry of ``theme_id`` if there is one, else its broken entry (so
        that the picker says the résumé's theme cannot be used), else -1."""
        found = -1
        for index in range(self.theme.count()):
            if self.theme.itemData(index) == theme_id:
                if not self.theme.itemData(index, BROKEN_ROLE):
                    return index
                found = index
        return found

    def refresh(self) -> None:
        layout = self.document.resume.layout
        widgets = [
            self.theme,
            self.paper,
            self.locale,
            self.font,
            self.size,
            self.line,
            *self.margins.values(),
        ]
        blockers = [QSignalBlocker(w) for w in widgets]
        self.theme.setCurrentIndex(max(0, self._theme_index(layout.theme)))
        self.paper.setCurrentIndex(max(0, self.paper.findData(layout.paper)))
        self.locale.setCurrentIndex(max(0, self.locale.findData(layout.locale)))
        show_font_family(self.font, layout.fontFamily)
        theme = self.themes.get(layout.theme)
        size = resolve_style(self.document.resume, theme).font_size if theme else 10.0
        self.size.setValue(size)
        self.line.setValue(layout.lineHeight)
        for side, spin in self.margins.items():
            spin.setValue(getattr(layout.margins, side))
        self.accent.setText(layout.accentColor or "theme's colour")
        del blockers
