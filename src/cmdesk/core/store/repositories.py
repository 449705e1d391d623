# SPDX-License-Identifier: GPL-3.0-or-later
"""Typed repositories over the workspace tables. Nothing above the store touches TinyDB."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tinydb import Query
from tinydb.table import Table

from cmdesk.core.model import Account, Post, to_iso, utc_now

if TYPE_CHECKING:
    from cmdesk.core.store.workspace import Changes


def _changes(table: str, ids: list[str]) -> Changes:
    from cmdesk.core.store.workspace import Changes

    return Changes(table, frozenset(ids))


class _Repository:
    name = ""

    def __init__(
        self, table: Table, lock: threading.RLock, emit: Callable[[Changes], None]
    ) -> None:
        self._table = table
        self._lock = lock
        self._emit = emit

    def _upsert_doc(self, doc: dict[str, Any]) -> None:
        with self._lock:
            self._table.upsert(doc, Query().id == doc["id"])
        self._emit(_changes(self.name, [doc["id"]]))

    def _get_doc(self, item_id: str) -> dict[str, Any] | None:
        with self._lock:
            return self._table.get(Query().id == item_id)

    def delete(self, item_id: str) -> bool:
        with self._lock:
            removed = self._table.remove(Query().id == item_id)
        if removed:
            self._emit(_changes(self.name, [item_id]))
        return bool(removed)

    def __len__(self) -> int:
        return len(self._table)


class PostRepository(_Repository):
    name = "posts"

    def save(self, post: Post) -> Post:
        """Insert or replace the post; stamps ``updated_at``."""
        post.updated_at = utc_now()
        self._upsert_doc(post.to_doc())
        return post

    def save_many(self, posts: list[Post]) -> None:
        """Save several posts as one change (an import, an undo of a multi-move)."""
        with self._lock:
            for post in posts:
                post.updated_at = utc_now()
                self._table.upsert(post.to_doc(), Query().id == post.id)
        self._emit(_changes(self.name, [p.id for p in posts]))

    def delete_many(self, ids: list[str]) -> None:
        with self._lock:
            self._table.remove(Query().id.one_of(ids))
        self._emit(_changes(self.name, ids))

    def get(self, post_id: str) -> Post | None:
        doc = self._get_doc(post_id)
        return Post.from_doc(doc) if doc else None

    def between(self, start: datetime, end: datetime) -> list[Post]:
        """Posts planned in [start, end), sorted by time. Drafts are not included."""
        lo, hi = to_iso(start), to_iso(end)
        with self._lock:
            docs = self._table.search(
                (Query().planned_at != None) & (Query().planned_at >= lo) & (Query().planned_at < hi)  # noqa: E711
            )
        return sorted((Post.from_doc(d) for d in docs), key=lambda p: p.planned_at)

    def drafts(self) -> list[Post]:
        with self._lock:
            docs = self._table.search(Query().planned_at == None)  # noqa: E711
        return sorted((Post.from_doc(d) for d in docs), key=lambda p: p.created_at)

    def all(self) -> Iterator[Post]:
        with self._lock:
            docs = list(self._table.all())
        return (Post.from_doc(d) for d in docs)


class AccountRepository(_Repository):
    name = "accounts"

    def save(self, account: Account) -> Account:
        self._upsert_doc(account.to_doc())
        return account

    def get(self, account_id: str) -> Account | None:
        doc = self._get_doc(account_id)
        return Account.from_doc(doc) if doc else None

    def all(self) -> list[Account]:
        with self._lock:
            return [Account.from_doc(d) for d in self._table.all()]


class AttemptRepository(_Repository):
    """Publish attempts, written (and fsynced) before the request that creates a post."""

    name = "attempts"

    def save(self, attempt: dict[str, Any]) -> dict[str, Any]:
        self._upsert_doc(attempt)
        return attempt

    def get(self, attempt_id: str) -> dict[str, Any] | None:
        return self._get_doc(attempt_id)

    def for_post(self, post_id: str) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._table.search(Query().post_id == post_id))

    def open_attempts(self) -> list[dict[str, Any]]:
        """Attempts that were sent (or about to be) and never resolved: crash leftovers."""
        with self._lock:
            return list(self._table.search(Query().outcome == None))  # noqa: E711


class SettingsRepository(_Repository):
    name = "settings"

    def get_value(self, key: str, default: Any = None) -> Any:
        doc = self._get_doc(key)
        return doc["value"] if doc else default

    def set_value(self, key: str, value: Any) -> None:
        self._upsert_doc({"id": key, "value": value})
