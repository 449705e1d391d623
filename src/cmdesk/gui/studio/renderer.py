# SPDX-License-Identifier: GPL-3.0-or-later
"""Renders the picture a network will get, off the GUI thread, latest request wins.

While a crop handle is dragged, requests arrive faster than renders finish. Only the newest
pending request is kept: a request that is overtaken before its turn is simply dropped, so the
preview never works through a queue of stale crops and catches up as soon as the mouse rests.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage


class LatestWinsRenderer(QObject):
    # generation, QImage (or None), info dict (width, height, mime, bytes, quality) or error text
    rendered = Signal(int, object, object)

    def __init__(self, render: Callable[[Any], tuple[bytes, dict]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._render = render
        self._cond = threading.Condition()
        self._pending: tuple[int, Any] | None = None
        self._generation = 0
        self._closed = False
        self.renders_done = 0
        self._thread = threading.Thread(target=self._loop, name="cmdesk-studio-render", daemon=True)
        self._thread.start()

    def request(self, params: Any) -> int:
        with self._cond:
            self._generation += 1
            self._pending = (self._generation, params)
            self._cond.notify()
            return self._generation

    @property
    def latest(self) -> int:
        return self._generation

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()
        self._thread.join(timeout=5)

    def _loop(self) -> None:
        while True:
            with self._cond:
                while self._pending is None and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
                generation, params = self._pending
                self._pending = None
            try:
                data, info = self._render(params)
                image = QImage.fromData(data)  # QImage (unlike QPixmap) is safe off the GUI thread
                self.renders_done += 1
                self.rendered.emit(generation, image, info)
            except Exception as error:  # shown in the dialog, never a crash of the worker
                self.renders_done += 1
                self.rendered.emit(generation, None, str(error))
