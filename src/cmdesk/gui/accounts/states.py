# SPDX-License-Identifier: GPL-3.0-or-later
"""How an account stands, in words, and a small badge per network (no brand artwork shipped)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from cmdesk.core.accounts import standing
from cmdesk.core.model import Account

# Colours close to each network's own, so the list is scannable at a glance.
_COLOURS = {
    "mastodon": "#6364FF", "bluesky": "#1185FE", "x": "#14171A", "linkedin": "#0A66C2",
    "facebook": "#1877F2", "instagram": "#C13584", "threads": "#101010", "telegram": "#229ED9",
    "discord": "#5865F2", "wordpress": "#21759B",
}


def state_text(account: Account, now: datetime | None = None) -> str:
    stand = standing(account, now)
    kind = stand.kind
    if kind == "expiring":
        days = stand.left.days
        # One message per plural form instead of %n: English has no catalogue to resolve "(s)".
        if days == 0:
            return QCoreApplication.translate("AccountStates", "Expires today")
        if days == 1:
            return QCoreApplication.translate("AccountStates", "Expires tomorrow")
        return QCoreApplication.translate("AccountStates", "Expires in {days} days").format(days=days)
    if kind == "needs_auth":
        return QCoreApplication.translate("AccountStates", "Needs sign-in")
    if kind == "disabled":
        return QCoreApplication.translate("AccountStates", "Disabled")
    return QCoreApplication.translate("AccountStates", "Connected")


def state_colour(account: Account, now: datetime | None = None) -> QColor | None:
    kind = standing(account, now).kind
    return {"expiring": QColor("#b26a00"), "needs_auth": QColor("#c62828")}.get(kind)


def network_icon(network: str, size: int = 24) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(_COLOURS.get(network, "#666666")))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(0, 0, size, size)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.55))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, network[:1].upper())
    painter.end()
    return QIcon(pixmap)
