"""Theme & page: theme, paper, language of headings, font, size, line height, margins,
accent colour, fit to pages — all stored in the résumé's layout, each change one undo
step. The theme picker shows the résumé in each theme (theme_picker.py)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..document import ResumeDocument
from ..model.access import is_under
from ..render.fit import MAX_FIT_PAGES
from ..render.html import resolve_style
from ..render.themes import DEFAULT_THEME, load_themes
from .font_list import fill_font_combo, show_font_family
from .theme_picker import ThemePicker

LAYOUT = ("cv", "layout")


class ThemePanel(QWidget):
    def __init__(self, document: ResumeDocument) -> None:
        super().__init__()
        self.document = document
        # the rows scroll when the window is short, so they never set its least height
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = QWidget()
        scroll.setWidget(rows)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        form = QFormLayout(rows)
        catalog = load_themes()  # read once: refresh runs on every layout edit
        self.themes = catalog.themes
        self.theme = ThemePicker(catalog, document)
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.locale = QComboBox()
        self.locale.addItem("한국어 headings and dates", "ko")
        self.locale.addItem("English headings and dates", "en")
        #: Shown under Language when the theme sets its own (``[options] locale``): the
        #: box then does not decide what the pages say, and it says so.
        self.locale_note = QLabel()
        self.locale_note.setWordWrap(True)
        self.locale_note.setObjectName("locale-note")
        self.locale_note.hide()
        self.font = QComboBox()
        fill_font_combo(self.font)  # text fonts only, Hangul ones marked (issue #9)
        self.size = self._spin(6, 20, 0.5, " pt")
        self.line = self._spin(1.0, 2.5, 0.05, "×")
        self.margins = {
            side: self._spin(0, 80, 1, " mm") for side in ("top", "right", "bottom", "left")
        }
        self.accent = QPushButton()
        self.fit = QSpinBox()
        self.fit.setRange(0, MAX_FIT_PAGES)
        self.fit.setSpecialValueText("Off")  # 0
        self.fit.setKeyboardTracking(False)
        self.fit.setAccessibleName("Fit to pages")
        self.fit.setToolTip(
            "Fit the résumé on at most this many pages: spacing is tightened first, then "
            "the line height, then the font size, never below the theme's smallest. The "
            "status bar says what changed, or that it cannot fit. Off: as set."
        )
        form.addRow("Theme", self.theme)
        form.addRow("Paper", self.paper)
        form.addRow("Language", self.locale)
        form.addRow("", self.locale_note)
        form.addRow("Font", self.font)
        form.addRow("Size", self.size)
        form.addRow("Line height", self.line)
        for side, spin in self.margins.items():
            form.addRow(f"Margin {side}", spin)
        form.addRow("Accent colour", self.accent)
        form.addRow("Fit to pages", self.fit)
        bar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(rows.minimumSizeHint().width() + bar)  # as wide as before
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
        self.fit.valueChanged.connect(self._fit_suffix)
        self.fit.valueChanged.connect(  # 0 is off, kept as None: nothing written
            lambda v: self._set("fitPages", v or None, "Change fit to pages", merge=True)
        )
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

    def _choose_theme(self, index: int) -> None:
        if self.theme.is_broken(index):  # not choosable; show what is in use
            self.refresh()
            return
        self._set("theme", self.theme.itemData(index), "Change theme")

    def _set(self, name: str, value, text: str, merge: bool = False) -> None:
        self.document.set_value((*LAYOUT, name), value, text, merge=merge)

    def _fit_suffix(self, pages: int) -> None:
        self.fit.setSuffix(" page" if pages == 1 else " pages")

    def effective_accent(self) -> str:
        """The accent the pages are drawn in: the résumé's own colour, else the chosen
        theme's (the dialog opens at it, whatever theme is chosen)."""
        layout = self.document.resume.layout
        if layout.accentColor:
            return layout.accentColor
        theme = self.themes.get(layout.theme) or self.themes.get(DEFAULT_THEME)
        return theme.accent if theme is not None else "#1f4e79"

    def _pick_color(self) -> None:
        dialog = QColorDialog(QColor(self.effective_accent()), self)
        dialog.setWindowTitle("Accent colour")
        dialog.setObjectName("accent-colour-dialog")
        if dialog.exec() == QColorDialog.DialogCode.Accepted and dialog.selectedColor().isValid():
            self._set("accentColor", dialog.selectedColor().name(), "Change accent colour")
        dialog.deleteLater()

    def _note_theme_language(self, name: str, locale: str) -> None:
        """Say when the theme prints its own language, whatever the box says."""
        if not locale or locale == self.document.resume.layout.locale:
            self.locale_note.hide()
            self.locale.setToolTip("")
            return
        words = self.locale.itemText(max(0, self.locale.findData(locale)))
        note = f"The {name} theme always prints {words}."
        self.locale_note.setText(note)
        self.locale.setToolTip(note + " This choice applies to the other themes.")
        self.locale_note.show()

    def _on_changed(self, changed: tuple) -> None:
        if is_under(changed, LAYOUT) or is_under(LAYOUT, changed):
            self.refresh()

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
            self.fit,
        ]
        blockers = [QSignalBlocker(w) for w in widgets]
        self.theme.show_theme(layout.theme)
        self.paper.setCurrentIndex(max(0, self.paper.findData(layout.paper)))
        self.locale.setCurrentIndex(max(0, self.locale.findData(layout.locale)))
        show_font_family(self.font, layout.fontFamily)
        theme = self.themes.get(layout.theme)
        self._note_theme_language(theme.name if theme else "", theme.locale if theme else "")
        style = resolve_style(self.document.resume, theme) if theme else None
        self.size.setValue(style.font_size if style else layout.fontSize or 10.0)
        # the theme's line height while the user has set none (layout.lineHeight None)
        self.line.setValue(style.line_height if style else layout.lineHeight or 1.3)
        for side, spin in self.margins.items():
            spin.setValue(getattr(layout.margins, side))
        self.accent.setText(layout.accentColor or f"theme's colour ({self.effective_accent()})")
        self.fit.setValue(layout.fitPages or 0)
        self._fit_suffix(self.fit.value())
        del blockers
