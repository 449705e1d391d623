# SPDX-License-Identifier: GPL-3.0-or-later
"""The one "wait until" of the screenshot scripts: run Qt's event loop until a condition holds, so
what the workers bring back (a load, thumbnails, a probe) is on screen before the picture is taken.

The scripts are run as files (``.venv/bin/python scripts/<name>.py``), so this module sits next to
them and is imported by its bare name.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QTimer

POLL_MS = 20


def wait_until(condition: Callable[[], object], *, timeout_ms: int = 10_000,
               what: str = "the window") -> None:
    """Return once ``condition()`` is true. Past ``timeout_ms`` raise TimeoutError: a stuck load
    must neither hang the script nor leave a half-drawn screenshot behind unnoticed."""
    deadline = QDeadlineTimer(timeout_ms)
    if not condition():
        # A real event loop (not a processEvents spin): worker results arrive as queued signals,
        # and the poll timer rechecks without burning a core.
        loop = QEventLoop()
        timer = QTimer(interval=POLL_MS)
        timer.timeout.connect(lambda: (condition() or deadline.hasExpired()) and loop.quit())
        timer.start()
        loop.exec()
        timer.stop()
        if not condition():
            raise TimeoutError(f"{what} did not get ready within {timeout_ms} ms")
    QCoreApplication.processEvents()  # the layout and paint the last change queued
