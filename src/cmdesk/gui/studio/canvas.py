# SPDX-License-Identifier: GPL-3.0-or-later
"""The picture with its crop rectangle: drag inside to move, drag a corner to resize (kept to
the chosen ratio), click in focal mode to place the focal point, arrows nudge the crop."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from cmdesk.core.model import Crop
from cmdesk.gui.studio import geometry

HANDLE_PX = 12
NUDGE = 0.01  # arrow keys move the crop by 1 % of the picture


class CropCanvas(QWidget):
    crop_changed = Signal(object)  # Crop, while dragging
    crop_finished = Signal(object)  # Crop, mouse released
    focal_changed = Signal(object)  # (x, y) fractions

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self.setAccessibleName(self.tr("Crop area"))
        self._image = QImage()
        self._crop = Crop()
        self._ratio: float | None = None
        self._focal: tuple[float, float] | None = None
        self._focal_mode = False
        self._zoom = 1.0
        self._drag: tuple[str, QPointF, Crop] | None = None  # (what, start, crop at start)

    # ---- state -------------------------------------------------------------------------
    def set_image(self, image: QImage) -> None:
        self._image = image
        self.updateGeometry()
        self.update()

    def set_crop(self, crop: Crop, ratio: float | None) -> None:
        self._crop, self._ratio = crop, ratio
        self.update()

    def crop(self) -> Crop:
        return self._crop

    def set_focal(self, focal: tuple[float, float] | None) -> None:
        self._focal = focal
        self.update()

    def set_focal_mode(self, on: bool) -> None:
        self._focal_mode = on
        self.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)

    def set_zoom(self, zoom: float) -> None:
        self._zoom = zoom
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        if self._image.isNull():
            return QSize(640, 480)
        base = self._image.size().scaled(QSize(640, 480), Qt.AspectRatioMode.KeepAspectRatio)
        return base * self._zoom

    # ---- coordinates -------------------------------------------------------------------
    def image_rect(self) -> QRectF:
        if self._image.isNull():
            return QRectF()
        size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        return QRectF((self.width() - size.width()) / 2, (self.height() - size.height()) / 2,
                      size.width(), size.height())

    def _to_fraction(self, pos: QPointF) -> tuple[float, float]:
        r = self.image_rect()
        return ((pos.x() - r.x()) / r.width(), (pos.y() - r.y()) / r.height())

    def crop_rect(self) -> QRectF:
        r = self.image_rect()
        c = self._crop
        return QRectF(r.x() + c.x * r.width(), r.y() + c.y * r.height(), c.width * r.width(), c.height * r.height())

    def _corner_at(self, pos: QPointF) -> str | None:
        rect = self.crop_rect()
        corners = {"tl": rect.topLeft(), "tr": rect.topRight(), "bl": rect.bottomLeft(), "br": rect.bottomRight()}
        for name, point in corners.items():
            if abs(point.x() - pos.x()) <= HANDLE_PX and abs(point.y() - pos.y()) <= HANDLE_PX:
                return name
        return None

    # ---- input -------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._image.isNull() or event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position()
        if self._focal_mode:
            fx, fy = self._to_fraction(pos)
            self._focal = (min(max(fx, 0.0), 1.0), min(max(fy, 0.0), 1.0))
            self.focal_changed.emit(self._focal)
            self.update()
            return
        corner = self._corner_at(pos)
        if corner:
            self._drag = (corner, pos, self._crop)
        elif self.crop_rect().contains(pos):
            self._drag = ("move", pos, self._crop)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return
        what, start, original = self._drag
        w, h = self._image.width(), self._image.height()
        if what == "move":
            r = self.image_rect()
            dx = (event.position().x() - start.x()) / r.width()
            dy = (event.position().y() - start.y()) / r.height()
            self._crop = geometry.moved(original, dx, dy)
        else:
            self._crop = geometry.resized(original, what, self._to_fraction(event.position()), self._ratio, w, h)
        self.crop_changed.emit(self._crop)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            self._drag = None
            self.crop_finished.emit(self._crop)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {Qt.Key.Key_Left: (-NUDGE, 0), Qt.Key.Key_Right: (NUDGE, 0),
                 Qt.Key.Key_Up: (0, -NUDGE), Qt.Key.Key_Down: (0, NUDGE)}
        if event.key() in steps:
            self._crop = geometry.moved(self._crop, *steps[event.key()])
            self.crop_finished.emit(self._crop)
            self.update()
        else:
            super().keyPressEvent(event)

    # ---- painting ----------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), self.palette().window())
        if self._image.isNull():
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Loading the picture…"))
            return
        image_rect = self.image_rect()
        painter.drawImage(image_rect, self._image)
        crop = self.crop_rect()
        shade = QPainterPath()
        shade.addRect(image_rect)
        hole = QPainterPath()
        hole.addRect(crop)
        painter.fillPath(shade.subtracted(hole), QColor(0, 0, 0, 140))
        painter.setPen(QPen(QColor(255, 255, 255, 110), 1))
        for i in (1, 2):  # rule of thirds
            x = crop.x() + crop.width() * i / 3
            y = crop.y() + crop.height() * i / 3
            painter.drawLine(QPointF(x, crop.top()), QPointF(x, crop.bottom()))
            painter.drawLine(QPointF(crop.left(), y), QPointF(crop.right(), y))
        painter.setPen(QPen(QColor("white"), 2))
        painter.drawRect(crop)
        painter.setBrush(QColor("white"))
        for corner in (crop.topLeft(), crop.topRight(), crop.bottomLeft(), crop.bottomRight()):
            painter.drawRect(QRectF(corner.x() - HANDLE_PX / 2, corner.y() - HANDLE_PX / 2, HANDLE_PX, HANDLE_PX))
        if self._focal is not None:
            center = QPointF(image_rect.x() + self._focal[0] * image_rect.width(),
                             image_rect.y() + self._focal[1] * image_rect.height())
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#ffcc00"), 2))
            painter.drawEllipse(center, 10, 10)
            painter.drawLine(center - QPointF(16, 0), center + QPointF(16, 0))
            painter.drawLine(center - QPointF(0, 16), center + QPointF(0, 16))
