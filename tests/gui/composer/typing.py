# SPDX-License-Identifier: GPL-3.0-or-later
"""Typing like a user, emoji included.

QTest.keyClicks maps each character to a key and aborts on anything past ASCII (accents,
emoji), so such graphemes are sent as one key event carrying their text, as an
emoji picker, a dead key or an input method delivers them.
"""

from __future__ import annotations

import regex
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def type_text(widget, text: str) -> None:
    widget.setFocus()
    for cluster in regex.findall(r"\X", text):
        if cluster.isascii():
            QTest.keyClicks(widget, cluster)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, cluster))
