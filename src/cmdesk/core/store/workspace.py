# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening a workspace and the repositories everything above the store uses.

The database is TinyDB on the journaled engine (engine.py): every repository call returns only
once its change is fsynced, a crash loses nothing acknowledged, and damage is set aside and
reported (``Workspace.damage``) rather than silently dropped.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cmdesk.core.i18n import translate
from cmdesk.core.store.legacy import import_legacy_json
from cmdesk.core.store.migrations import migrate
from cmdesk.core.store.repositories import (
    AccountRepository,
    AttemptRepository,
    PostRepository,
    SettingsRepository,
)
from cmdesk.core.store.table import StoreDB

log = logging.getLogger(__name__)

DB_FILE = "workspace.db"
LEGACY_DB_FILE = "workspace.json"  # TinyDB JSON of the first builds, imported once


@dataclass(frozen=True)
class Changes:
    """What a write changed, so views and the publisher decide whether to react."""

    table: str  # "posts" | "accounts" | "attempts" | "settings"
    ids: frozenset[str] = field(default_factory=frozenset)


def open_db(path: str | Path, **options: Any) -> StoreDB:
    """Open (or create) the database whose snapshot is the file ``path``; its journal, backup and
    lock files sit next to it. Documents are migrated to the current schema before it returns.

    ``options``: ``compact_bytes`` (journal size that triggers a compaction; tests make it small).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = StoreDB(path, **options)
    try:
        migrate(db.engine, candidates=db.engine.off_schema)
    except BaseException:
        db.close()
        raise
    return db


class Workspace:
    """One workspace directory: the database plus the repositories over its tables."""

    def __init__(self, directory: Path, db: StoreDB) -> None:
        self.directory = directory
        self.db = db
        self._listeners: list[Callable[[Changes], None]] = []
        self._lock = db.engine.lock  # the one writer; readers take it too
        self._held = threading.local()  # Changes waiting for the end of a transaction()
        self.posts = PostRepository(db.table("posts"), self._lock, self._emit)
        self.accounts = AccountRepository(db.table("accounts"), self._lock, self._emit)
        self.attempts = AttemptRepository(db.table("attempts"), self._lock, self._emit)
        self.settings = SettingsRepository(db.table("settings"), self._lock, self._emit)

    @property
    def damage(self) -> list[str]:
        """Readable, translated notes about damage found on open (empty when all was well)."""
        return [
            translate(
                "Store",
                "The end of the workspace journal was damaged (an interrupted write or a disk "
                "error). Changes saved before it are intact; {size} unreadable bytes were set "
                "aside in {side}.",
            ).format(size=d.size, side=d.side_file)
            for d in self.db.engine.damage
        ]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Several repository calls as one change: durable together, replayed together, and
        announced to listeners once it is durable."""
        outer = getattr(self._held, "changes", None) is None
        if outer:
            self._held.changes = []
        try:
            with self.db.engine.transaction():
                yield
        except BaseException:
            if outer:
                self._held.changes = None
            raise
        if outer:
            held, self._held.changes = self._held.changes, None
            merged: dict[str, set[str]] = {}
            for changes in held:
                merged.setdefault(changes.table, set()).update(changes.ids)
            for table, ids in merged.items():
                self._emit(Changes(table, frozenset(ids)))

    def subscribe(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """Call ``listener`` after every acknowledged change; returns an unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _emit(self, changes: Changes) -> None:
        held = getattr(self._held, "changes", None)
        if held is not None:
            held.append(changes)
            return
        for listener in list(self._listeners):
            try:
                listener(changes)
            except Exception:  # a broken view must not turn a saved change into an error
                log.exception("change listener failed")

    def compact(self) -> None:
        """Write a fresh snapshot now (also happens by itself as the journal grows)."""
        self.db.engine.compact(wait=True)

    def close(self) -> None:
        self.db.close()


def open_workspace(directory: str | Path, **options: Any) -> Workspace:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    db = open_db(directory / DB_FILE, **options)
    try:
        import_legacy_json(db, directory / LEGACY_DB_FILE)
    except BaseException:
        db.close()
        raise
    return Workspace(directory, db)
