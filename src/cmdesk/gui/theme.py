# SPDX-License-Identifier: GPL-3.0-or-later
"""Light or dark, following the system (Qt 6.5+ colour scheme), and the app's icons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

ICONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"


def icon(name: str) -> QIcon:
    """An icon from resources/icons by base name (``state-published``, ``net-mastodon``)."""
    path = ICONS_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def app_icon() -> QIcon:
    return icon("io.github.cmdesk.Cmdesk")


def is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def _dark_palette() -> QPalette:
    palette = QPalette()
    base, window, text = QColor(30, 32, 36), QColor(42, 44, 49), QColor(230, 230, 232)
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, window),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.ToolTipBase, base),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.Highlight, QColor(214, 120, 60)),
        (QPalette.ColorRole.HighlightedText, QColor(255, 255, 255)),
        (QPalette.ColorRole.Link, QColor(240, 160, 100)),
        (QPalette.ColorRole.PlaceholderText, QColor(140, 140, 145)),
    ):
        palette.setColor(role, colour)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(120, 120, 125))
    palette.setColor(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(120, 120, 125)
    )
    return palette


def apply_theme(app: QApplication):
    """Fusion with a palette matching the system scheme, re-applied when the user switches.

    Native styles already follow the scheme on Windows and macOS; Fusion is used so Linux desktops
    without a Qt platform theme (and the offscreen screenshots) get the same dark mode.
    """
    app.setStyle("Fusion")

    def refresh(*_args) -> None:
        app.setPalette(_dark_palette() if is_dark() else app.style().standardPalette())

    refresh()
    QGuiApplication.styleHints().colorSchemeChanged.connect(refresh)
    return refresh  # the connected slot, so a caller (a test) can disconnect it
