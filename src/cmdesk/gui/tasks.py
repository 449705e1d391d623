# SPDX-License-Identifier: GPL-3.0-or-later
"""Run work off the GUI thread and deliver the result back on it.

Storage work goes through one serial executor (TinyDB has one writer); network and image work
through a pool. Callbacks always run on the GUI thread, so they may touch widgets; the work
function never may.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = Signal(object, object, object)  # callback, result, error


class TaskRunner(QObject):
    """``run_storage``/``run_background`` return a Future; callbacks arrive on the GUI thread."""

    task_failed = Signal(str)  # a readable message for the status bar

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._storage = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cmdesk-store")
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="cmdesk-work")
        self._relay = _Relay()
        # Queued explicitly: the relay lives on the GUI thread, so the slot runs there, and
        # always later. A task that finishes before add_done_callback fires its callback in the
        # submitting (GUI) thread, where an automatic connection would call back synchronously,
        # inside run_storage(), before the caller is ready for it.
        self._relay.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run_storage(self, work: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
                    on_error: Callable[[BaseException], None] | None = None, *,
                    owner: QObject | None = None) -> Future:
        """``owner``: the widget the callbacks belong to; they are dropped if it is gone."""
        return self._submit(self._storage, work, on_done, on_error, owner)

    def run_background(self, work: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
                       on_error: Callable[[BaseException], None] | None = None, *,
                       owner: QObject | None = None) -> Future:
        return self._submit(self._pool, work, on_done, on_error, owner)

    def _submit(self, executor, work, on_done, on_error, owner) -> Future:
        future = executor.submit(work)
        if owner is None:
            # A bound method of a widget names its owner itself.
            owner = next((getattr(cb, "__self__", None) for cb in (on_done, on_error)
                          if isinstance(getattr(cb, "__self__", None), QObject)), None)

        def done(f: Future) -> None:
            error = f.exception()
            self._relay.finished.emit((on_done, on_error, owner), None if error else f.result(), error)

        future.add_done_callback(done)
        return future

    def _deliver(self, callbacks, result, error) -> None:
        on_done, on_error, owner = callbacks
        if owner is not None and not shiboken6.isValid(owner):
            # The window closed while the work ran (quitting, a dialog dismissed): the work is
            # done and stored; only its display has nowhere to go.
            log.debug("result for a closed widget dropped")
            return
        if error is not None:
            log.error("background task failed", exc_info=error)
            if on_error is not None:
                on_error(error)
            else:
                self.task_failed.emit(str(error))
        elif on_done is not None:
            on_done(result)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._storage.shutdown(wait=True)
