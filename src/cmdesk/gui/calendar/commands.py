# SPDX-License-Identifier: GPL-3.0-or-later
"""Undoable calendar changes. Every gesture (move, duplicate, delete, schedule, unschedule,
import) is one ``PostsChange``: the posts before and after, by id (None = absent)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from cmdesk.core.model import Post
from cmdesk.gui.calendar.data import CalendarData, clone

States = dict[str, Post | None]


class PostsChange(QUndoCommand):
    """Shows the new state at once, writes it off the GUI thread, and undoes itself on failure."""

    def __init__(self, text: str, data: CalendarData, before: States, after: States,
                 on_failure: Callable[[PostsChange, BaseException, States], None]) -> None:
        super().__init__(text)
        self._data = data
        self._before = {k: clone(v) if v else None for k, v in before.items()}
        self._after = {k: clone(v) if v else None for k, v in after.items()}
        self._on_failure = on_failure

    @property
    def after(self) -> States:
        return self._after

    def redo(self) -> None:
        self._commit(self._after, self._before)

    def undo(self) -> None:
        self._commit(self._before, self._after)

    def _commit(self, states: States, previous: States) -> None:
        # Hand out copies: the caches and the store must never share objects with the history.
        copies = {k: clone(v) if v else None for k, v in states.items()}
        self._data.apply(copies)
        restore = {k: clone(v) if v else None for k, v in previous.items()}
        self._data.write(copies, lambda error: self._on_failure(self, error, restore))
