# SPDX-License-Identifier: GPL-3.0-or-later
"""An unexpected exception shows a dialog with the log location and the traceback; the app lives."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer

from cmdesk.core.logging_setup import setup_logging
from cmdesk.gui.crash import CrashDialog, CrashHandler


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_the_crash_dialog_and_keeps_running(tmp_path, qtbot):
    log_path = setup_logging(tmp_path / "logs")
    handler = CrashHandler(log_path)
    handler.install()
    try:

        def broken_slot():
            raise RuntimeError("chip renderer exploded; Authorization: Bearer abcdefgh123456")

        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: len(handler.dialogs) == 1, timeout=5_000)
        dialog = handler.dialogs[0]
        assert isinstance(dialog, CrashDialog) and dialog.isVisible()
        details = dialog.details.toPlainText()
        assert "chip renderer exploded" in details and "broken_slot" in details
        assert "abcdefgh123456" not in details  # a token never reaches a bug report
        assert str(log_path) in dialog.message.text()
        # The event loop still runs: another timer fires after the error.
        fired = []
        QTimer.singleShot(0, lambda: fired.append(True))
        qtbot.waitUntil(lambda: bool(fired), timeout=5_000)
        dialog.reject()
        qtbot.waitUntil(lambda: handler.dialogs == [], timeout=5_000)
    finally:
        handler.uninstall()
    logged = log_path.read_text(encoding="utf-8")
    assert "chip renderer exploded" in logged and "abcdefgh123456" not in logged
    assert sys.excepthook is not handler
