# SPDX-License-Identifier: GPL-3.0-or-later
"""Chip thumbnails, made off the GUI thread by the media pipeline and kept in a small cache."""

from __future__ import annotations

from collections import OrderedDict

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

THUMB_SIDE = 64  # px: sharp at the 18-36 px chips use, even on a 2x screen
MAX_ENTRIES = 600


class ThumbnailCache(QObject):
    ready = Signal(str)  # the path whose thumbnail arrived

    def __init__(self, runner, cache_dir=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._cache_dir = cache_dir
        self._images: OrderedDict[str, QImage | None] = OrderedDict()
        self._pending: set[str] = set()

    def get(self, path: str) -> QImage | None:
        """The thumbnail if made; otherwise starts making it and returns None for now."""
        if not path:
            return None
        if path in self._images:
            self._images.move_to_end(path)
            return self._images[path]
        if path not in self._pending:
            self._pending.add(path)
            cache_dir = self._cache_dir

            def work() -> QImage | None:
                from cmdesk.core.media.errors import MediaError
                from cmdesk.core.media.thumbnails import thumbnail

                try:
                    fitted = thumbnail(path, THUMB_SIDE, cache_dir=cache_dir)
                except (MediaError, OSError):
                    return None  # a missing or broken picture: the chip shows no thumbnail
                image = QImage.fromData(fitted.data)  # QImage is safe to build off the GUI thread
                return None if image.isNull() else image

            try:
                self._runner.run_background(work, lambda image: self._store(path, image),
                                            lambda _error: self._store(path, None))
            except RuntimeError:  # the runner has shut down: the app is quitting
                self._pending.discard(path)
        return None

    def _store(self, path: str, image: QImage | None) -> None:
        if not shiboken6.isValid(self):  # the calendar closed while the picture was made
            return
        self._pending.discard(path)
        self._images[path] = image
        while len(self._images) > MAX_ENTRIES:
            self._images.popitem(last=False)
        if image is not None:
            self.ready.emit(path)
