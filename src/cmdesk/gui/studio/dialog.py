# SPDX-License-Identifier: GPL-3.0-or-later
"""The image studio: one crop per network from the same picture, rotate, flip, zoom, focal point
and alt text, with a live preview of the very file each network will get.

Nothing touches the original file: crops, turns and alt text are stored in the post.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QTransform
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QScrollArea, QSlider, QSplitter, QVBoxLayout,
    QWidget,
)

from cmdesk.core.connectors.capabilities import Capabilities
from cmdesk.core.media import MediaError, spec_for, thumbnail
from cmdesk.core.media.fit import fit_uncached
from cmdesk.core.model import Crop, MediaRef, Post
from cmdesk.core.text.graphemes import grapheme_count
from cmdesk.gui.studio import geometry
from cmdesk.gui.studio.canvas import CropCanvas
from cmdesk.gui.studio.renderer import LatestWinsRenderer

WORKING_SIDE_PX = 1600  # the picture is edited at this size; the network files come from the original


def _capabilities(network: str) -> Capabilities:
    from cmdesk.core.connectors.registry import capabilities

    return capabilities(network)


def _networks_of(post: Post) -> list[str]:
    networks = list(dict.fromkeys(t.network for t in post.targets))
    if networks:
        return networks
    from cmdesk.core.connectors.registry import available_networks

    return available_networks()


def _render(params: tuple) -> tuple[bytes, dict]:
    path, network, crop, rotate, flip = params
    fitted = fit_uncached(path, spec_for(network), crop, rotate, flip)
    return fitted.data, {"width": fitted.width, "height": fitted.height, "mime": fitted.mime,
                         "bytes": len(fitted.data), "quality": fitted.quality}


class ImageStudioDialog(QDialog):
    saved = Signal(str)  # post id

    def __init__(self, services, runner, post: Post, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._runner, self._post, self._index = services, runner, post, index
        self._media: MediaRef = copy.deepcopy(post.media[index])
        self._networks = _networks_of(post)
        self._source = QImage()
        self._shown_generation = 0
        self._renderer = LatestWinsRenderer(_render, self)
        self._renderer.rendered.connect(self._on_rendered)
        self.setWindowTitle(self.tr("Image studio — {name}").format(name=Path(self._media.path).name))
        self.resize(1180, 760)
        self._build()
        self._load_picture()

    # ---- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.canvas = CropCanvas()
        self.canvas.crop_changed.connect(self._on_crop_dragged)
        self.canvas.crop_finished.connect(self._on_crop_dragged)
        self.canvas.focal_changed.connect(self._on_focal)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.canvas)

        self.rotate_left = QPushButton(self.tr("Rotate left"))
        self.rotate_right = QPushButton(self.tr("Rotate right"))
        self.flip_button = QPushButton(self.tr("Flip"))
        self.focal_button = QPushButton(self.tr("Set focal point"))
        self.focal_button.setCheckable(True)
        self.zoom = QSlider(Qt.Orientation.Horizontal)
        self.zoom.setRange(100, 400)
        self.zoom.setAccessibleName(self.tr("Zoom"))
        self.rotate_left.clicked.connect(lambda: self._turn(-1))
        self.rotate_right.clicked.connect(lambda: self._turn(1))
        self.flip_button.clicked.connect(self._flip)
        self.focal_button.toggled.connect(self.canvas.set_focal_mode)
        self.zoom.valueChanged.connect(lambda v: self.canvas.set_zoom(v / 100))
        tools = QHBoxLayout()
        for widget in (self.rotate_left, self.rotate_right, self.flip_button, self.focal_button):
            tools.addWidget(widget)
        tools.addWidget(QLabel(self.tr("Zoom")))
        tools.addWidget(self.zoom)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(scroll, 1)
        left_layout.addLayout(tools)

        self.network_list = QListWidget()
        for network in self._networks:
            item = QListWidgetItem(_capabilities(network).display_name)
            item.setData(Qt.ItemDataRole.UserRole, network)
            self.network_list.addItem(item)
        rows = max(1, min(len(self._networks), 6))
        self.network_list.setFixedHeight(rows * self.network_list.fontMetrics().height() * 3 // 2 + 8)
        self.network_list.currentRowChanged.connect(self._on_network_chosen)
        self.shape = QComboBox()
        self.shape.activated.connect(self._on_shape_chosen)
        self.preview = QLabel()
        self.preview.setMinimumSize(300, 220)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #1f2328; border-radius: 6px; color: #d0d7de;")
        self.preview_info = QLabel()
        self.preview_info.setWordWrap(True)
        self.alt = QPlainTextEdit(self._media.alt)
        self.alt.setPlaceholderText(self.tr("Describe the picture for people who cannot see it"))
        self.alt.setAccessibleName(self.tr("Alt text"))
        self.alt.setMaximumHeight(110)
        self.alt.textChanged.connect(self._update_alt_counters)
        self.alt_counters = QLabel()
        self.alt_counters.setTextFormat(Qt.TextFormat.RichText)
        right = QWidget()
        form = QFormLayout(right)
        form.addRow(self.tr("Network"), self.network_list)
        form.addRow(self.tr("Shape"), self.shape)
        form.addRow(self.tr("What it gets"), self.preview)
        form.addRow("", self.preview_info)
        form.addRow(self.tr("Alt text"), self.alt)
        form.addRow("", self.alt_counters)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        header = QLabel(self.tr("<b>{name}</b> — the original file is never modified; each network gets "
                                "its own crop.").format(name=Path(self._media.path).name))
        header.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self._update_alt_counters()

    # ---- loading -------------------------------------------------------------------------
    def _load_picture(self) -> None:
        cache = getattr(getattr(self._services, "paths", None), "cache", None)

        def work() -> QImage:
            fitted = thumbnail(self._media.path, WORKING_SIDE_PX, cache_dir=cache)
            # Decoded here, not on the GUI thread: QImage (unlike QPixmap) is safe off it.
            return QImage.fromData(fitted.data)

        self._runner.run_background(work, self._on_picture_loaded, self._on_picture_failed)

    def _on_picture_loaded(self, image: QImage) -> None:
        self._source = image
        self._show_turned()
        if self._networks:
            self.network_list.setCurrentRow(0)

    def _on_picture_failed(self, error: BaseException) -> None:
        message = str(error) if isinstance(error, MediaError) else self.tr("The picture could not be opened.")
        self.preview_info.setText(message)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)

    def _show_turned(self) -> None:
        image = self._source.transformed(QTransform().rotate(90 * (self._media.rotate % 4)))
        if self._media.flip:
            image = image.flipped(Qt.Orientation.Horizontal)
        self.canvas.set_image(image)
        self.canvas.set_focal(self._media.focal)

    # ---- per-network crop ----------------------------------------------------------------
    def current_network(self) -> str | None:
        item = self.network_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _size(self) -> tuple[int, int]:
        image = self.canvas._image
        return max(1, image.width()), max(1, image.height())

    def _on_network_chosen(self, row: int) -> None:
        network = self.current_network()
        if network is None:
            return
        caps = _capabilities(network)
        presets = geometry.presets_for(caps.aspect_range)
        self.shape.clear()
        for name in presets:
            self.shape.addItem(self.tr("Free") if name == "free" else name, name)
        crop = self._media.crops.get(network)
        w, h = self._size()
        if crop is None:
            natural_ok = caps.aspect_range is None or caps.aspect_range[0] <= w / h <= caps.aspect_range[1]
            name = "free" if natural_ok and "free" in presets else presets[0]
            crop = geometry.centered(geometry.PRESETS[name], w, h, self._media.focal)
        else:
            name = self._preset_matching(crop, presets)
        self.shape.setCurrentIndex(max(0, self.shape.findData(name)))
        self._set_crop(network, crop)

    def _preset_matching(self, crop: Crop, presets: list[str]) -> str:
        ratio = geometry.ratio_of(crop, *self._size())
        for name in presets:
            target = geometry.PRESETS[name]
            if target is not None and abs(ratio - target) / target < 0.02:
                return name
        return "free" if "free" in presets else presets[0]

    def _on_shape_chosen(self, index: int) -> None:
        network = self.current_network()
        if network is None:
            return
        ratio = geometry.PRESETS[self.shape.itemData(index)]
        self._set_crop(network, geometry.centered(ratio, *self._size(), self._media.focal))

    def _set_crop(self, network: str, crop: Crop) -> None:
        self._media.crops[network] = crop
        self.canvas.set_crop(crop, geometry.PRESETS.get(self.shape.currentData()))
        self._request_preview()

    def _on_crop_dragged(self, crop: Crop) -> None:
        network = self.current_network()
        if network is not None:
            self._media.crops[network] = crop
            self._request_preview()

    def _on_focal(self, focal: tuple[float, float]) -> None:
        self._media.focal = focal

    def _turn(self, quarter_turns: int) -> None:
        self._media.rotate = (self._media.rotate + quarter_turns) % 4
        self._media.crops.clear()  # a crop drawn on the old orientation means nothing now
        self._media.focal = None
        self._show_turned()
        self._on_network_chosen(self.network_list.currentRow())

    def _flip(self) -> None:
        self._media.flip = not self._media.flip
        self._media.crops = {n: Crop(1 - c.x - c.width, c.y, c.width, c.height) for n, c in self._media.crops.items()}
        if self._media.focal:
            self._media.focal = (1 - self._media.focal[0], self._media.focal[1])
        self._show_turned()
        self._on_network_chosen(self.network_list.currentRow())

    # ---- preview -------------------------------------------------------------------------
    def _request_preview(self) -> None:
        network = self.current_network()
        if network is None:
            return
        self._renderer.request((self._media.path, network, self._media.crops.get(network),
                                self._media.rotate, self._media.flip))

    def _on_rendered(self, generation: int, image, info) -> None:
        if generation < self._shown_generation:
            return  # an older render finishing late never replaces a newer one
        self._shown_generation = generation
        if image is None:
            self.preview.clear()
            self.preview_info.setText(str(info))
            return
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        kind = info["mime"].split("/")[-1].upper()
        self.preview_info.setText(self.tr("{width} × {height} px · {kind} · {size} kB").format(
            width=info["width"], height=info["height"], kind=kind, size=round(info["bytes"] / 1000)))

    def _update_alt_counters(self) -> None:
        used = grapheme_count(self.alt.toPlainText())
        parts = []
        for network in self._networks:
            caps = _capabilities(network)
            if caps.alt_text_limit is None:
                parts.append(self.tr("{network}: no alt text").format(network=caps.display_name))
                continue
            colour = "#cf222e" if used > caps.alt_text_limit else "#57606a"
            parts.append(f'<span style="color:{colour}">' + self.tr("{network}: {used} / {limit}").format(
                network=caps.display_name, used=used, limit=caps.alt_text_limit) + "</span>")
        self.alt_counters.setText(" · ".join(parts))

    # ---- saving --------------------------------------------------------------------------
    def save(self) -> None:
        self._media.alt = self.alt.toPlainText().strip()
        self._post.media[self._index] = self._media
        posts = self._services.workspace.posts
        self.buttons.setEnabled(False)
        self._runner.run_storage(lambda: posts.save(self._post), self._on_saved, self._on_save_failed)

    def _on_saved(self, _post) -> None:
        self.saved.emit(self._post.id)
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.preview_info.setText(self.tr("Could not save: {reason}").format(reason=error))

    def done(self, result: int) -> None:
        self._renderer.close()
        super().done(result)
