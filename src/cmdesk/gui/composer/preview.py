# SPDX-License-Identifier: GPL-3.0-or-later
"""Per-network post previews: avatar, name, styled text with the feed's fold, and the picture
grid cropped the way the network's timeline crops it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from cmdesk.core.model import MediaRef
from cmdesk.gui.composer.networks import COLORS, FEED_ASPECT, display_name
from cmdesk.gui.composer.rich import render

AVATAR_PX = 36
GRID_GAP_PX = 3
# Previews stack in a column: a tall picture would push the other networks out of sight, so the
# grid keeps the feed's shape but never grows past this height.
GRID_MAX_HEIGHT_PX = 170
CAROUSELS = {"instagram"}


def avatar(name: str, color: str, size: int = AVATAR_PX) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(0, 0, size, size)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(size // 2)
    painter.setFont(font)
    initial = (name.lstrip("@") or "?")[0].upper()
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initial)
    painter.end()
    return pixmap


class ImageGrid(QWidget):
    """1 to 4 pictures laid out as feeds do (one wide, two side by side, one plus two, 2×2)."""

    def __init__(self, network: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.network = network
        self._items: list[tuple[QPixmap, MediaRef]] = []
        self.total = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_items(self, items: list[tuple[QPixmap, MediaRef]]) -> None:
        items = [(p, r) for p, r in items if not p.isNull()]
        self.total = len(items)
        # Instagram shows a carousel: one picture at a time, with a position badge.
        self._items = items[:1] if self.network in CAROUSELS else items[:4]
        self.setVisible(bool(self._items))
        self.updateGeometry()
        self.update()

    @property
    def shown(self) -> int:
        return len(self._items)

    def _aspect(self) -> float:
        wanted = FEED_ASPECT.get(self.network)
        if wanted:
            return wanted
        if len(self._items) == 1:  # shown whole: keep the picture's own shape (within reason)
            pixmap = self._items[0][0]
            return max(0.6, min(2.5, pixmap.width() / max(1, pixmap.height())))
        return 16 / 9

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return min(int(width / self._aspect()), GRID_MAX_HEIGHT_PX) if self._items else 0

    def sizeHint(self) -> QSize:
        return QSize(320, self.heightForWidth(320))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.heightForWidth(120))

    def _cells(self) -> list[QRectF]:
        h, g = float(self.height()), GRID_GAP_PX
        w = min(float(self.width()), h * self._aspect())
        n = len(self._items)
        if n == 1:
            return [QRectF(0, 0, w, h)]
        half_w, half_h = (w - g) / 2, (h - g) / 2
        if n == 2:
            return [QRectF(0, 0, half_w, h), QRectF(half_w + g, 0, half_w, h)]
        if n == 3:
            return [QRectF(0, 0, half_w, h), QRectF(half_w + g, 0, half_w, half_h),
                    QRectF(half_w + g, half_h + g, half_w, half_h)]
        return [QRectF(x, y, half_w, half_h) for y in (0, half_h + g) for x in (0, half_w + g)]

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        clip = QPainterPath()
        cells = self._cells()
        clip.addRoundedRect(cells[0].united(cells[-1]) if cells else QRectF(), 10, 10)
        painter.setClipPath(clip)
        for (pixmap, ref), cell in zip(self._items, cells):
            painter.drawPixmap(cell, pixmap, self._source(pixmap, ref, cell))
        if self.network in CAROUSELS and self.total > 1 and cells:
            badge = QRectF(cells[0].right() - 46, cells[0].top() + 8, 38, 22)
            painter.setBrush(QColor(0, 0, 0, 160))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(badge, 11, 11)
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, f"1/{self.total}")
        painter.end()

    def _source(self, pixmap: QPixmap, ref: MediaRef, cell: QRectF) -> QRectF:
        """The part of the picture the feed shows: the user's crop for this network, then a
        centred (or focal-point) crop to the cell's shape."""
        pw, ph = float(pixmap.width()), float(pixmap.height())
        crop = ref.crops.get(self.network)
        x, y, w, h = (crop.x * pw, crop.y * ph, crop.width * pw, crop.height * ph) if crop else (0, 0, pw, ph)
        target = cell.width() / max(1.0, cell.height())
        fx, fy = ref.focal or (0.5, 0.5)
        if w / h > target:
            new_w = h * target
            x += min(max(0.0, fx * w - new_w / 2), w - new_w)
            w = new_w
        else:
            new_h = w / target
            y += min(max(0.0, fy * h - new_h / 2), h - new_h)
            h = new_h
        return QRectF(x, y, w, h)


class NetworkPreview(QFrame):
    """One network's post card."""

    def __init__(self, network: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.network = network
        self.setObjectName(f"preview-{network}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"#preview-{network} {{ background: white; border: 1px solid #d0d7de;"
                           f" border-radius: 10px; border-left: 4px solid {COLORS.get(network, '#888')}; }}"
                           f" #preview-{network} QLabel {{ color: #0f1419; background: transparent; }}")
        self.avatar = QLabel(self)
        self.name = QLabel(self)
        self.name.setTextFormat(Qt.TextFormat.RichText)
        self.body = QLabel(self)
        self.body.setObjectName("preview-body")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.grid = ImageGrid(network, self)
        self.grid.hide()
        # A thread shows as replies under the first post, as the network's own thread view does.
        self.replies = QLabel(self)
        self.replies.setObjectName("preview-replies")
        self.replies.setWordWrap(True)
        self.replies.setTextFormat(Qt.TextFormat.RichText)
        self.replies.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.replies.hide()
        header = QHBoxLayout()
        header.addWidget(self.avatar)
        header.addWidget(self.name, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(header)
        layout.addWidget(self.body)
        layout.addWidget(self.grid)
        layout.addWidget(self.replies)

    def set_content(self, account_name: str, text: str,
                    media: list[tuple[QPixmap, MediaRef]], replies: list[str] = ()) -> None:
        color = COLORS.get(self.network, "#888")
        when = self.tr("now")
        self.avatar.setPixmap(avatar(account_name, color))
        self.name.setText(f"<b>{_escape(account_name)}</b><br>"
                          f"<span style='color:#536471'>{display_name(self.network)} · "
                          f"{when}</span>")
        self.body.setText(render(self.network, text, self.tr("more")))
        self.grid.set_items(media)
        more = self.tr("more")
        blocks = [f"<p style='margin-left:10px; margin-top:8px'><span style='color:#8899a6'>↳</span>"
                  f" {render(self.network, reply, more)}</p>" for reply in replies]
        self.replies.setText("".join(blocks))
        self.replies.setVisible(bool(blocks))


def _escape(text: str) -> str:
    import html

    return html.escape(text)
