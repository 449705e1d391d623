# SPDX-License-Identifier: GPL-3.0-or-later
"""Handing work to the TaskRunner from timers and callbacks that may outlive the app or the view."""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject

log = logging.getLogger(__name__)


def after_shutdown(submit: Callable, work: Callable, *callbacks: Callable, owner: QObject,
                   lost: bool = False) -> bool:
    """Submit work unless the runner has shut down (the app is quitting; timers may still fire).

    Reads are simply dropped then. A write dropped this way is logged as lost: the app flushes
    pending writes when it is about to quit, so this only happens if that order is broken.
    The callbacks are skipped when ``owner`` was deleted meanwhile (a closed window's calendar).
    """

    def alive(callback: Callable) -> Callable:
        return lambda *args: callback(*args) if shiboken6.isValid(owner) else None

    try:
        submit(work, *(alive(c) for c in callbacks))
    except RuntimeError as error:
        (log.error if lost else log.debug)("not submitted after shutdown: %s", error)
        return False
    return True
