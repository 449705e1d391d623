# SPDX-License-Identifier: GPL-3.0-or-later
"""The post's pictures: thumbnails made off the GUI thread, alt text, order, and the image studio.

Each picture's header is probed in the same background job, so pre-flight checks (format,
size, aspect) never read the disk on the GUI thread.
"""

from __future__ import annotations

import importlib
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cmdesk.core.model import MediaRef
from cmdesk.core.preflight import MediaInfo, probe_media

THUMB_PX = 256
ICON_PX = 72


def _make_thumbnail(path: str, cache_dir) -> tuple[QImage | None, MediaInfo | None]:
    from cmdesk.core.media.errors import MediaError
    from cmdesk.core.media.thumbnails import thumbnail

    try:
        data = thumbnail(path, THUMB_PX, cache_dir).data
        # Decoded here on the worker: QImage (unlike QPixmap) is safe off the GUI thread.
        return QImage.fromData(data), probe_media(MediaRef(path))
    except (MediaError, OSError):
        return None, None


class MediaPanel(QWidget):
    changed = Signal()  # pictures, order, alt text or probes changed

    def __init__(self, services, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self.media: list[MediaRef] = []
        self.pixmaps: dict[str, QPixmap] = {}
        self.infos: dict[str, MediaInfo | None] = {}
        self.list = QListWidget(self)
        self.list.setObjectName("media-list")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(ICON_PX, ICON_PX))
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setFixedHeight(ICON_PX + 34)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.currentRowChanged.connect(self._selected)
        self.alt = QLineEdit(self)
        self.alt.setObjectName("alt-text")
        self.alt.setPlaceholderText(self.tr("Alt text: describe the picture for people who cannot see it"))
        self.alt.textEdited.connect(self._alt_edited)
        add = QPushButton(self.tr("Add pictures…"), self)
        add.clicked.connect(self._choose_files)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_current)
        self.studio_button = QPushButton(self.tr("Edit image…"), self)
        self.studio_button.clicked.connect(self._open_studio)
        buttons = QHBoxLayout()
        for button in (add, self.remove_button, self.studio_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.alt)
        layout.addLayout(buttons)
        self.post_provider = None  # set by the dialog: returns the Post being edited
        self._selected(-1)

    def set_media(self, media: list[MediaRef]) -> None:
        self.media = list(media)
        self.list.clear()
        for ref in self.media:
            item = QListWidgetItem(Path(ref.path).name)
            item.setToolTip(ref.path)
            self.list.addItem(item)
            self._load(ref.path)
        self._refresh_icons()
        self._selected(self.list.currentRow())
        self.changed.emit()

    def add_paths(self, paths: list[str]) -> None:
        self.set_media(self.media + [MediaRef(path=p) for p in paths])

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.media):
            self.set_media(self.media[:row] + self.media[row + 1:])

    def _load(self, path: str) -> None:
        if path in self.pixmaps or path in self.infos:
            return
        cache = getattr(getattr(self._services, "paths", None), "cache", None)

        def done(result) -> None:
            image, info = result
            # Only the cheap upload to a pixmap happens on the GUI thread.
            pixmap = QPixmap() if image is None or image.isNull() else QPixmap.fromImage(image)
            self.pixmaps[path] = pixmap
            self.infos[path] = info
            self._refresh_icons()
            self.changed.emit()

        self._runner.run_background(lambda: _make_thumbnail(path, cache), done, owner=self)

    def ready(self) -> bool:
        return all(ref.path in self.infos for ref in self.media)

    def _refresh_icons(self) -> None:
        for row, ref in enumerate(self.media):
            pixmap = self.pixmaps.get(ref.path)
            item = self.list.item(row)
            if item is not None and pixmap is not None and not pixmap.isNull():
                item.setIcon(QIcon(pixmap.scaled(ICON_PX, ICON_PX, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation)))

    def _selected(self, row: int) -> None:
        has = 0 <= row < len(self.media)
        self.alt.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.studio_button.setEnabled(has and _studio_class() is not None)
        self.alt.setText(self.media[row].alt if has else "")

    def _alt_edited(self, text: str) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.media):
            self.media[row] = replace(self.media[row], alt=text)
            self.changed.emit()

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add pictures"), str(Path.home()),
            self.tr("Pictures (*.jpg *.jpeg *.png *.webp *.gif *.heic *.avif)"))
        if paths:
            self.add_paths(paths)

    def _open_studio(self) -> None:
        studio = _studio_class()
        row = self.list.currentRow()
        if studio is None or self.post_provider is None or not 0 <= row < len(self.media):
            return
        post = self.post_provider()
        dialog = studio(self._services, self._runner, post, row, parent=self)

        def accepted() -> None:
            # The studio edits the MediaRef of the post we handed it (crops, rotation, alt text).
            self.set_media(post.media)

        dialog.accepted.connect(accepted)
        dialog.open()


def _studio_class():
    try:
        return getattr(importlib.import_module("cmdesk.gui.studio"), "ImageStudioDialog", None)
    except ImportError:
        return None
