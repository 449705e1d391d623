# SPDX-License-Identifier: GPL-3.0-or-later
"""How a post looks on the calendar: one painted chip, the same in every view.

Chips are painted, never widgets, so a month with 2,000 posts costs 42 cells of painting and no
object per post.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen

from cmdesk.core.model import Post

# (fill, glyph) per display state; colours chosen to read on light and dark backgrounds.
STATE_STYLE = {
    "draft": (QColor(128, 132, 140), "\u270e"),  # pencil
    "scheduled": (QColor(52, 120, 214), "\u25f7"),  # clock
    "late": (QColor(224, 120, 20), "!"),
    "waiting": (QColor(196, 160, 0), "\u2026"),
    "handed_off": (QColor(20, 150, 150), "\u21e5"),  # arrow to bar
    "published": (QColor(46, 150, 70), "\u2713"),  # check
    "failed": (QColor(205, 50, 50), "\u2715"),  # cross
}

# Brand-ish colours and a one-letter glyph per network.
NETWORK_STYLE = {
    "mastodon": (QColor(99, 100, 255), "M"),
    "bluesky": (QColor(17, 133, 254), "B"),
    "x": (QColor(20, 20, 20), "X"),
    "linkedin": (QColor(10, 102, 194), "in"),
    "facebook": (QColor(24, 119, 242), "f"),
    "instagram": (QColor(225, 48, 108), "I"),
    "threads": (QColor(60, 60, 60), "@"),
    "telegram": (QColor(38, 165, 228), "T"),
    "discord": (QColor(88, 101, 242), "D"),
    "wordpress": (QColor(33, 117, 155), "W"),
}


@dataclass
class Chip:
    """A post plus what painting needs, computed once off the GUI thread."""

    post: Post
    local: datetime  # the instant in the workspace zone
    first_line: str
    networks: tuple[str, ...]
    thumb: str  # path of the first image, "" when none

    @property
    def id(self) -> str:
        return self.post.id

    @property
    def sort_key(self) -> tuple:
        return (self.local, self.post.id)

    @classmethod
    def of(cls, post: Post, tz) -> Chip:
        first = next((line.strip() for line in post.text.splitlines() if line.strip()), "")
        networks = tuple(dict.fromkeys(t.network for t in post.targets))
        local = post.planned_at.astimezone(tz) if post.planned_at else post.created_at
        return cls(post, local, first[:120], networks, post.media[0].path if post.media else "")


class ChipPainter:
    """Paints chips; holds fonts and metrics so each chip costs a few draw calls."""

    def __init__(self, base_font: QFont, selection: QColor, text: QColor) -> None:
        self.font = QFont(base_font)
        self.font.setPointSizeF(max(7.5, base_font.pointSizeF() * 0.9))
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.glyph_font = QFont(self.font)
        self.glyph_font.setBold(True)
        self.glyph_font.setPointSizeF(self.font.pointSizeF() * 0.8)
        self.metrics = QFontMetrics(self.font)
        self.bold_metrics = QFontMetrics(self.bold)
        self.selection = selection
        self.text = text

    def paint(self, p: QPainter, rect: QRect, chip: Chip, state: str, time_text: str,
              thumb: QImage | None, *, selected: bool = False, faded: bool = False) -> None:
        colour, glyph = STATE_STYLE[state]
        p.save()
        if faded:
            p.setOpacity(0.45)
        fill = QColor(colour)
        fill.setAlpha(46)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        p.setBrush(colour)
        p.drawRoundedRect(QRectF(rect.left(), rect.top(), 4, rect.height()), 2, 2)
        if selected:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(self.selection, 2))
            p.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 4, 4)
        x = rect.left() + 7
        right = rect.right() - 3
        two_lines = rect.height() >= self.two_line_height()
        if thumb is not None and rect.height() >= 14 and rect.width() > (90 if two_lines
                                                                         else 170):
            side = rect.height() - 4
            p.drawImage(QRect(right - side + 1, rect.top() + 2, side, side), thumb)
            right -= side + 3
        # A tall chip puts the text on its own line: in a narrow month cell it is what matters.
        line = QRect(rect.left(), rect.top() + 2, rect.width(), rect.height() // 2 - 1) \
            if two_lines else rect
        p.setPen(colour)
        p.setFont(self.bold)
        p.drawText(QRect(x, line.top(), 12, line.height()), Qt.AlignmentFlag.AlignCenter, glyph)
        x += 13
        p.setPen(self.text)
        if time_text:
            width = self.bold_metrics.horizontalAdvance(time_text)
            p.drawText(QRect(x, line.top(), width, line.height()),
                       Qt.AlignmentFlag.AlignVCenter, time_text)
            x += width + 4
        x = self._paint_networks(p, chip.networks, x, line, right)
        if two_lines:
            x = rect.left() + 8
            line = QRect(rect.left(), line.bottom(), rect.width(), rect.bottom() - line.bottom())
        p.setFont(self.font)
        p.setPen(self.text)
        if right - x > 8:
            text = self.metrics.elidedText(chip.first_line, Qt.TextElideMode.ElideRight, right - x)
            p.drawText(QRect(x, line.top(), right - x, line.height()),
                       Qt.AlignmentFlag.AlignVCenter, text)
        p.restore()

    def two_line_height(self) -> int:
        return 2 * self.metrics.height() + 8

    def _paint_networks(self, p: QPainter, networks: tuple[str, ...], x: int, rect: QRect,
                        right: int) -> int:
        side = min(13, rect.height() - 4)
        if side < 8 or not networks or right - x < side * 2 + 4:
            return x
        # Narrow chips keep room for the text: one glyph and a count of the others.
        shown = 3 if right - x > 150 else 1
        p.setFont(self.glyph_font)
        top = rect.top() + (rect.height() - side) // 2
        for network in networks[:shown]:
            colour, letter = NETWORK_STYLE.get(network, (QColor(100, 100, 100), "?"))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawEllipse(QRect(x, top, side, side))
            p.setPen(QColor(255, 255, 255))
            p.drawText(QRect(x, top, side, side), Qt.AlignmentFlag.AlignCenter, letter)
            x += side + 1
        hidden = len(networks) - shown
        if hidden > 0:
            p.setPen(self.text)
            label = f"+{hidden}"
            width = self.metrics.horizontalAdvance(label)
            p.drawText(QRect(x, rect.top(), width, rect.height()),
                       Qt.AlignmentFlag.AlignVCenter, label)
            x += width
        return x + 4
