# SPDX-License-Identifier: GPL-3.0-or-later
"""How a post looks on the calendar: one painted chip, the same in every view.

Chips are painted, never widgets, so a month with 2,000 posts costs 42 cells of painting and no
object per post.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen, QPixmap, QStaticText

from cmdesk.core.model import Post
from cmdesk.core.store.cards import PostCard, first_line

MAX_CACHED_PIXMAPS = 800  # badges and glyphs are few; backgrounds and thumbnails are dropped

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


# How people write the networks' names (the model keeps lowercase keys).
NETWORK_NAMES = {
    "mastodon": "Mastodon", "bluesky": "Bluesky", "x": "X", "linkedin": "LinkedIn",
    "facebook": "Facebook", "instagram": "Instagram", "threads": "Threads",
    "telegram": "Telegram", "discord": "Discord", "wordpress": "WordPress",
}


class Chip:
    """A post plus what painting, filtering and the queue need, made off the GUI thread.

    A chip loaded from the store is made from its card (the entry header: time, states, first
    line, accounts, picture, tags); the Post itself is decoded from the same entry on first use,
    and a background pass decodes the shown month once the user stops turning pages. Painting
    and filtering (except by text) never decode, so a far month paints at the speed of its cards.
    """

    __slots__ = ("id", "local", "planned_at", "states", "first_line", "networks", "account_ids",
                 "thumb", "tags", "campaign", "_post", "_card")

    def __init__(self, post_id: str, local: datetime, planned_at: datetime | None,
                 states: frozenset[str], first_line: str, networks: tuple[str, ...],
                 account_ids: tuple[str, ...], thumb: str, tags: tuple[str, ...] = (),
                 campaign: str = "", post: Post | None = None,
                 card: PostCard | None = None) -> None:
        self.id = post_id
        self.local = local  # the planned instant in the workspace zone (a draft: its creation)
        self.planned_at = planned_at  # None for a draft
        self.states = states  # the distinct target states, as strings
        self.first_line = first_line
        self.networks = networks
        self.account_ids = account_ids
        self.thumb = thumb  # path of the first image, "" when none
        self.tags = tags
        self.campaign = campaign
        self._post = post
        self._card = card

    @property
    def post(self) -> Post:
        if self._post is None:
            self._post = self._card.post()
            self._card = None
        return self._post

    @property
    def card(self) -> PostCard | None:
        """The card a not yet decoded chip was made from (None once decoded)."""
        return self._card

    @property
    def decoded(self) -> bool:
        return self._post is not None

    def adopt(self, post: Post) -> None:
        """Take the Post a background pass decoded from this chip's card."""
        if self._post is None:
            self._post, self._card = post, None

    @property
    def sort_key(self) -> tuple:
        return (self.local, self.id)

    @classmethod
    def of(cls, post: Post, tz) -> Chip:
        local = post.planned_at.astimezone(tz) if post.planned_at else post.created_at
        return cls(post.id, local, post.planned_at, frozenset(str(t.state) for t in post.targets),
                   first_line(post.text), tuple(dict.fromkeys(t.network for t in post.targets)),
                   tuple(t.account_id for t in post.targets),
                   post.media[0].path if post.media else "", tuple(post.tags), post.campaign,
                   post=post)

    @classmethod
    def of_card(cls, card: PostCard, tz) -> Chip:
        return cls(card.id, card.planned_at.astimezone(tz), card.planned_at,
                   frozenset(card.states), card.first_line, card.networks, card.account_ids,
                   card.thumb, tuple(card.tags), card.campaign, card=card)


class ChipPainter:
    """Paints chips. Badges, glyphs, times and scaled thumbnails are drawn once and reused, so
    a chip costs a handful of blits and one line of text (a month repaint is ~110 chips)."""

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
        self._fills = {state: QColor(c.red(), c.green(), c.blue(), 46)
                       for state, (c, _glyph) in STATE_STYLE.items()}
        self._pixmaps: dict[tuple, QPixmap] = {}
        self._times: dict[str, tuple[QStaticText, int]] = {}

    def paint(self, p: QPainter, rect: QRect, chip: Chip, state: str, time_text: str,
              thumb: QImage | None, *, selected: bool = False, faded: bool = False) -> None:
        if faded:
            p.setOpacity(0.45)
        p.drawPixmap(rect.topLeft(), self._background(p, state, rect.width(), rect.height(),
                                                      selected))
        x = rect.left() + 7
        right = rect.right() - 3
        two_lines = rect.height() >= self.two_line_height()
        if thumb is not None and rect.height() >= 14 and rect.width() > (125 if two_lines
                                                                         else 170):
            side = rect.height() - 4
            p.drawPixmap(right - side + 1, rect.top() + 2, self._thumb(p, thumb, side))
            right -= side + 3
        # A tall chip puts the text on its own line: in a narrow month cell it is what matters.
        line = QRect(rect.left(), rect.top() + 2, rect.width(), rect.height() // 2 - 1) \
            if two_lines else rect
        glyph = self._glyph(p, state)
        p.drawPixmap(x, line.top() + (line.height() - self._logical_h(glyph)) // 2, glyph)
        x += 13
        if time_text:
            static, width = self._time(time_text)
            p.setPen(self.text)
            p.setFont(self.bold)
            p.drawStaticText(x, line.top() + (line.height() - self.bold_metrics.height()) // 2,
                             static)
            x += width + 4
        x = self._paint_networks(p, chip.networks, x, line, right)
        if two_lines:
            x = rect.left() + 8
            line = QRect(rect.left(), line.bottom(), rect.width(), rect.bottom() - line.bottom())
        if right - x > 8:
            p.setFont(self.font)
            p.setPen(self.text)
            text = self.metrics.elidedText(chip.first_line, Qt.TextElideMode.ElideRight, right - x)
            p.drawText(QRect(x, line.top(), right - x, line.height()),
                       Qt.AlignmentFlag.AlignVCenter, text)
        if faded:
            p.setOpacity(1.0)

    def two_line_height(self) -> int:
        return 2 * self.metrics.height() + 8

    # -- cached pieces -------------------------------------------------------------------------

    def _time(self, text: str) -> tuple[QStaticText, int]:
        found = self._times.get(text)
        if found is None:
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=self.bold)
            found = self._times[text] = (static, self.bold_metrics.horizontalAdvance(text))
        return found

    @staticmethod
    def _logical_h(pixmap: QPixmap) -> int:
        return round(pixmap.height() / pixmap.devicePixelRatio())

    def _canvas(self, p: QPainter, width: int, height: int) -> tuple[QPixmap, float]:
        ratio = p.device().devicePixelRatioF() if p.device() else 1.0
        pixmap = QPixmap(round(width * ratio), round(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        return pixmap, ratio

    def _background(self, p: QPainter, state: str, width: int, height: int,
                    selected: bool) -> QPixmap:
        # An antialiased rounded rectangle costs ~0.1 ms; chips in a view share a few sizes.
        key = ("background", state, width, height, selected)
        found = self._pixmaps.get(key)
        if found is None:
            found, _ratio = self._canvas(p, width, height)
            painter = QPainter(found)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._fills[state])
            painter.drawRoundedRect(QRectF(0.5, 0.5, width - 1, height - 1), 4, 4)
            painter.fillRect(QRect(0, 1, 4, height - 2), STATE_STYLE[state][0])
            if selected:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(self.selection, 2))
                painter.drawRoundedRect(QRectF(1, 1, width - 2, height - 2), 4, 4)
            painter.end()
            self._remember(key, found)
        return found

    def _remember(self, key: tuple, pixmap: QPixmap) -> None:
        if len(self._pixmaps) > MAX_CACHED_PIXMAPS:  # sizes change on resize: start afresh
            self._pixmaps = {k: v for k, v in self._pixmaps.items()
                             if k[0] in ("state", "network")}
        self._pixmaps[key] = pixmap

    def _glyph(self, p: QPainter, state: str) -> QPixmap:
        key = ("state", state, self.bold_metrics.height())
        found = self._pixmaps.get(key)
        if found is None:
            colour, glyph = STATE_STYLE[state]
            found, _ratio = self._canvas(p, 12, self.bold_metrics.height())
            painter = QPainter(found)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(colour)
            painter.setFont(self.bold)
            painter.drawText(QRect(0, 0, 12, self.bold_metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, glyph)
            painter.end()
            self._pixmaps[key] = found
        return found

    def _badge(self, p: QPainter, network: str, side: int) -> QPixmap:
        key = ("network", network, side)
        found = self._pixmaps.get(key)
        if found is None:
            colour, letter = NETWORK_STYLE.get(network, (QColor(100, 100, 100), "?"))
            found, _ratio = self._canvas(p, side, side)
            painter = QPainter(found)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(QRect(0, 0, side, side))
            painter.setPen(QColor(255, 255, 255))
            painter.setFont(self.glyph_font)
            painter.drawText(QRect(0, 0, side, side), Qt.AlignmentFlag.AlignCenter, letter)
            painter.end()
            self._pixmaps[key] = found
        return found

    def _thumb(self, p: QPainter, image: QImage, side: int) -> QPixmap:
        key = ("thumb", image.cacheKey(), side)
        found = self._pixmaps.get(key)
        if found is None:
            found, ratio = self._canvas(p, side, side)
            scaled = image.scaled(round(side * ratio), round(side * ratio),
                                  Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                                  Qt.TransformationMode.SmoothTransformation)
            painter = QPainter(found)
            # Centre-crop to a square: thumbnails are small, a full frame reads better.
            painter.drawImage(QRectF(0, 0, side, side), scaled, QRectF(
                (scaled.width() - side * ratio) / 2, (scaled.height() - side * ratio) / 2,
                side * ratio, side * ratio))
            painter.end()
            self._remember(key, found)
        return found

    def _paint_networks(self, p: QPainter, networks: tuple[str, ...], x: int, rect: QRect,
                        right: int) -> int:
        side = min(13, rect.height() - 4)
        if side < 8 or not networks or right - x < side * 2 + 4:
            return x
        # Narrow chips keep room for the text: one badge and a count of the others.
        shown = 3 if right - x > 150 else 1
        top = rect.top() + (rect.height() - side) // 2
        for network in networks[:shown]:
            p.drawPixmap(x, top, self._badge(p, network, side))
            x += side + 1
        hidden = len(networks) - shown
        if hidden > 0:
            p.setPen(self.text)
            p.setFont(self.glyph_font)
            label = f"+{hidden}"
            static, width = self._time(label)
            p.drawText(QRect(x, rect.top(), width, rect.height()),
                       Qt.AlignmentFlag.AlignVCenter, label)
            x += width
        return x + 4
