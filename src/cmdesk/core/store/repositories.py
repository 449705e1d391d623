# SPDX-License-Identifier: GPL-3.0-or-later
"""Typed repositories over the workspace tables. Nothing above the store touches TinyDB.

Every method answers from the indexes (documents by id, posts by planned time); a call that
changes something returns once the change is durable, then announces it with ``Changes``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from cmdesk.core.model import Account, Post, to_iso, utc_now
from cmdesk.core.store.cards import PostCard
from cmdesk.core.store.table import JournaledTable

if TYPE_CHECKING:
    from cmdesk.core.store.workspace import Changes

log = logging.getLogger(__name__)


def _changes(table: str, ids: list[str]) -> Changes:
    from cmdesk.core.store.workspace import Changes

    return Changes(table, frozenset(ids))


class _Repository:
    name = ""

    def __init__(
        self, table: JournaledTable, lock: threading.RLock, emit: Callable[[Changes], None]
    ) -> None:
        self._table = table
        self._lock = lock
        self._emit = emit

    def _upsert_doc(self, doc: dict[str, Any]) -> None:
        self._table.put_by([doc])  # the engine stamps the schema version
        self._emit(_changes(self.name, [doc["id"]]))

    def _get_doc(self, item_id: str) -> dict[str, Any] | None:
        found = self._table.find("id", item_id)
        return found[0] if found else None

    def delete(self, item_id: str) -> bool:
        """Remove one document; False when there was none."""
        return bool(self.delete_many([item_id]))

    def delete_many(self, ids: list[str]) -> list[str]:
        """Remove several documents as one change; returns the ids that were there."""
        removed = self._table.remove_by(ids)
        if removed:
            self._emit(_changes(self.name, removed))
        return removed

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
        now = utc_now()
        for post in posts:
            post.updated_at = now
        self._table.put_by([post.to_doc() for post in posts])
        self._emit(_changes(self.name, [p.id for p in posts]))

    def get(self, post_id: str) -> Post | None:
        doc = self._get_doc(post_id)
        return Post.from_doc(doc) if doc else None

    def between(self, start: datetime, end: datetime) -> list[Post]:
        """Posts planned in [start, end), sorted by time. Drafts are not included."""
        return [Post.from_doc(d) for d in self.docs_between(start, end)]

    def docs_between(self, start: datetime, end: datetime) -> list[dict[str, Any]]:
        """The stored documents of ``between`` (no Post objects): for views that only need a few
        fields of many posts, e.g. a year overview."""
        return self._table.range("planned_at", to_iso(start), to_iso(end))

    def cards_between(self, start: datetime, end: datetime) -> list[PostCard]:
        """What the calendar paints of ``between``, read from entry headers: a month without
        decoding its documents. ``card.post()`` decodes one when it is opened."""
        cards = []
        for entry in self._table.entries_in_range("planned_at", to_iso(start), to_iso(end)):
            try:
                cards.append(PostCard.of_entry(entry))
            except (KeyError, TypeError, ValueError) as error:
                # One damaged document (a planned time that is not one) must not blank a month.
                log.warning("skipping an unreadable post between %s and %s: %r", start, end, error)
        return cards

    def count_between(self, start: datetime, end: datetime) -> int:
        with self._lock:
            return len(self._table.ids_in_range("planned_at", to_iso(start), to_iso(end)))

    def with_target_states(self, states: Iterable[str], *, planned: bool = False,
                           planned_before: datetime | None = None) -> list[Post]:
        """Posts with at least one target in one of ``states``, from an index: the publisher's
        "what is still in play" without decoding years of published posts. ``planned`` keeps
        only posts with a planned time (scheduled drafts, not the unscheduled pile);
        ``planned_before`` only those planned before that instant (the next days' queue)."""
        below = ("planned_at", to_iso(planned_before)) if planned_before is not None else None
        return [Post.from_doc(d) for d in self._table.find_any(
            "target_states", [str(s) for s in states],
            not_null="planned_at" if planned else None, below=below)]

    def drafts(self) -> list[Post]:
        """Unscheduled posts, oldest first."""
        return sorted((Post.from_doc(d) for d in self._table.nulls("planned_at")),
                      key=lambda p: p.created_at)

    def all(self) -> Iterator[Post]:
        docs = list(self._table)
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
        return [Account.from_doc(d) for d in self._table]


class AttemptRepository(_Repository):
    """Publish attempts, written (and fsynced) before the request that creates a post."""

    name = "attempts"

    def save(self, attempt: dict[str, Any]) -> dict[str, Any]:
        self._upsert_doc(attempt)
        return attempt

    def get(self, attempt_id: str) -> dict[str, Any] | None:
        return self._get_doc(attempt_id)

    def for_post(self, post_id: str) -> list[dict[str, Any]]:
        return self._table.find("post_id", post_id)

    def open_attempts(self) -> list[dict[str, Any]]:
        """Attempts that were sent (or about to be) and never resolved: crash leftovers."""
        return self._table.find("outcome", None)


class SettingsRepository(_Repository):
    name = "settings"

    def get_value(self, key: str, default: Any = None) -> Any:
        doc = self._get_doc(key)
        return doc["value"] if doc else default

    def set_value(self, key: str, value: Any) -> None:
        self._upsert_doc({"id": key, "value": value})
