# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening a workspace and the repositories everything above the store uses.

PLACEHOLDER STORAGE: this first version uses TinyDB's default JSON storage so the layers above can
be built; the journaled storage, the time index and migrations replace it behind the same API.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tinydb import TinyDB

from cmdesk.core.store.repositories import (
    AccountRepository,
    AttemptRepository,
    PostRepository,
    SettingsRepository,
)

DB_FILE = "workspace.json"


@dataclass(frozen=True)
class Changes:
    """What a write changed, so views and the publisher decide whether to react."""

    table: str  # "posts" | "accounts" | "attempts" | "settings"
    ids: frozenset[str] = field(default_factory=frozenset)


def open_db(path: str | Path) -> TinyDB:
    """Open (or create) the workspace database at ``path`` (a file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return TinyDB(path)


class Workspace:
    """One workspace directory: the database plus the repositories over its tables."""

    def __init__(self, directory: Path, db: TinyDB) -> None:
        self.directory = directory
        self.db = db
        self._listeners: list[Callable[[Changes], None]] = []
        self._lock = threading.RLock()  # the one writer
        self.posts = PostRepository(db.table("posts"), self._lock, self._emit)
        self.accounts = AccountRepository(db.table("accounts"), self._lock, self._emit)
        self.attempts = AttemptRepository(db.table("attempts"), self._lock, self._emit)
        self.settings = SettingsRepository(db.table("settings"), self._lock, self._emit)

    def subscribe(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """Call ``listener`` after every acknowledged change; returns an unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _emit(self, changes: Changes) -> None:
        for listener in list(self._listeners):
            listener(changes)

    def close(self) -> None:
        self.db.close()


def open_workspace(directory: str | Path) -> Workspace:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    return Workspace(directory, open_db(directory / DB_FILE))
