# SPDX-License-Identifier: GPL-3.0-or-later
"""Dark and light follow the system's colour scheme, also when it changes while cmdesk runs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from cmdesk.gui.theme import app_icon, apply_theme


@pytest.fixture
def themed(qapp):
    style, palette = qapp.style().name(), qapp.palette()
    refresh = apply_theme(qapp)
    yield qapp
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.disconnect(refresh)
    qapp.setStyle(style)
    qapp.setPalette(palette)


def test_palette_follows_the_colour_scheme(themed, monkeypatch):
    # The offscreen platform cannot switch schemes itself: stand in for the system's answer and
    # send the change signal as the platform would.
    import cmdesk.gui.theme as theme

    hints = QGuiApplication.styleHints()
    monkeypatch.setattr(theme, "is_dark", lambda: True)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert themed.palette().window().color().lightness() < 90
    assert themed.palette().text().color().lightness() > 180
    monkeypatch.setattr(theme, "is_dark", lambda: False)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert themed.palette().window().color().lightness() > 180
    assert themed.palette().text().color().lightness() < 90


def test_the_app_icon_loads(qapp):
    assert not app_icon().isNull()
    assert not app_icon().pixmap(64, 64).isNull()
