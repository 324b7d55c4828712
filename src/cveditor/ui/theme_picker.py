"""The theme picker: every theme by name, with page 1 of the open résumé drawn in it.

A combo box, so the panel stays narrow and the keyboard works as in any other field
(arrow keys change the theme), and its popup shows every thumbnail at once. The name
is the entry's text and the description its tooltip; the résumé's theme is marked in
bold with a frame round its thumbnail. A user theme that cannot be loaded is listed,
greyed out, with the reason as tooltip; one that fails to draw shows "cannot be used"
in place of its thumbnail. Thumbnails are made by theme_thumbnails.py.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import (
    QFont,
    QHideEvent,
    QIcon,
    QImage,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QShowEvent,
    QStandardItemModel,
)
from PySide6.QtWidgets import QComboBox

from ..document import ResumeDocument
from ..errors import ResumeFileError
from ..render.themes import ThemeCatalog
from .theme_thumbnails import ThumbnailMaker
from .thumbnail_image import placeholder_image

BROKEN_ROLE = Qt.ItemDataRole.UserRole + 1  # set on the entries of themes that failed to load
#: A thumbnail's size: an A4 page 72 pixels wide (a Letter page is a little shorter).
THUMBNAIL = QSize(72, 102)
CANNOT = "cannot be used"
FRAME = 3  # pixels of the frame that marks the résumé's theme


class ThemePicker(QComboBox):
    def __init__(self, catalog: ThemeCatalog, document: ResumeDocument) -> None:
        super().__init__()
        self.setIconSize(THUMBNAIL)
        self.setAccessibleName("Theme")
        self.images: dict[str, QImage] = {}  # theme id → its latest thumbnail
        self.descriptions: dict[str, str] = {}
        self.chosen = ""  # the résumé's theme, as marked
        for theme in catalog.themes.values():
            suffix = "" if theme.ats_friendly else "  (not for ATS)"
            self.addItem(theme.name + suffix, theme.id)
            self.setItemData(self.count() - 1, theme.description, Qt.ItemDataRole.ToolTipRole)
            self.descriptions[theme.id] = theme.description
        self._list_broken(catalog.broken)
        for index in range(self.count()):
            text = CANNOT if self.is_broken(index) else ""
            self.setItemIcon(index, self._icon(placeholder_image(*self._size(), text)))
        self.maker = ThumbnailMaker(document, catalog.themes, THUMBNAIL, self)
        self.maker.made.connect(self._made)
        self.maker.failed.connect(self._failed)

    def _size(self) -> tuple[int, int]:
        return THUMBNAIL.width(), THUMBNAIL.height()

    def _list_broken(self, broken: dict[str, ResumeFileError]) -> None:
        """A user theme that cannot be used is listed by name, greyed out, with the
        reason as its tooltip: the user sees which one and why, and cannot choose it."""
        model = self.model()
        for theme_id, error in broken.items():
            self.addItem(f"{theme_id} — {CANNOT}", theme_id)
            index = self.count() - 1
            self.setItemData(index, error.located(), Qt.ItemDataRole.ToolTipRole)
            self.setItemData(index, True, BROKEN_ROLE)
            item = model.item(index) if isinstance(model, QStandardItemModel) else None
            if item is not None:
                item.setEnabled(False)

    def is_broken(self, index: int) -> bool:
        return bool(self.itemData(index, BROKEN_ROLE))

    def index_of(self, theme_id: str) -> int:
        """The usable entry of ``theme_id`` if there is one, else its broken entry (so
        that the picker says the résumé's theme cannot be used), else -1."""
        found = -1
        for index in range(self.count()):
            if self.itemData(index) == theme_id:
                if not self.is_broken(index):
                    return index
                found = index
        return found

    def usable_index(self, theme_id: str) -> int:
        index = self.index_of(theme_id)
        return -1 if index < 0 or self.is_broken(index) else index

    def show_theme(self, theme_id: str) -> None:
        """Select and mark the résumé's theme (called under a signal blocker)."""
        self.setCurrentIndex(max(0, self.index_of(theme_id)))
        old, self.chosen = self.chosen, theme_id
        if old != theme_id:
            for marked in (old, theme_id):
                self._mark(marked)

    def _mark(self, theme_id: str) -> None:
        index = self.usable_index(theme_id)
        if index < 0:
            return
        font = QFont(self.font())
        font.setBold(theme_id == self.chosen)
        self.setItemData(index, font, Qt.ItemDataRole.FontRole)
        image = self.images.get(theme_id)
        if image is not None:
            self.setItemIcon(index, self._icon(image, theme_id == self.chosen))

    def _icon(self, image: QImage, chosen: bool = False) -> QIcon:
        pixmap = QPixmap.fromImage(image)
        if chosen:
            painter = QPainter(pixmap)
            color = self.palette().color(QPalette.ColorRole.Highlight)
            pen = QPen(color, FRAME)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            size = pixmap.deviceIndependentSize()
            half = FRAME / 2
            painter.drawRect(
                int(half), int(half), int(size.width() - FRAME), int(size.height() - FRAME)
            )
            painter.end()
        return QIcon(pixmap)

    def _made(self, theme_id: str, image: QImage) -> None:
        self.images[theme_id] = image
        self._set_problem(theme_id, "")
        self._mark(theme_id)

    def _failed(self, theme_id: str, reason: str) -> None:
        self.images[theme_id] = placeholder_image(*self._size(), CANNOT, self.maker.ratio)
        self._set_problem(theme_id, reason)
        self._mark(theme_id)

    def _set_problem(self, theme_id: str, reason: str) -> None:
        """The tooltip: the description, and why the thumbnail could not be drawn."""
        index = self.usable_index(theme_id)
        if index >= 0:
            text = self.descriptions.get(theme_id, "")
            if reason:
                text = f"{text}\n\nThis theme {CANNOT} with this résumé: {reason}".strip()
            self.setItemData(index, text, Qt.ItemDataRole.ToolTipRole)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.maker.ratio = self.devicePixelRatioF()
        self.maker.set_visible(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.maker.set_visible(False)
