# SPDX-License-Identifier: GPL-3.0-or-later
"""Store access for the publisher: atomic target updates and the durable attempt journal.

A target is changed by re-reading its post under the workspace's writer lock, changing it and
saving it, so a lane and the evaluator never overwrite each other's step with a stale copy.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import datetime
from typing import Any

from cmdesk.core.model import Post, Target, new_id, to_iso

# Attempt outcomes. None = open: the request may be on the wire (or was, before a crash).
PUBLISHED = "published"  # the network has it (answer, lookup, or the user confirmed)
CONFIRMED = "confirmed"  # the user said it went out
NOT_SENT = "not_sent"  # lookup: the network does not have it: safe to send again, same key
ABANDONED = "abandoned"  # the user chose "send again anyway": the next attempt gets a new key
UNCONFIRMED = "unconfirmed"
TRANSIENT = "transient"
OFFLINE = "offline"
RATE_LIMITED = "rate_limited"
AUTH = "auth_expired"
FAILED = "failed"
HANDED_OFF = "handed_off"
REFUSED = "refused"  # a hand-off the network's limits refused
CANCELLED = "cancelled"  # a hand-off cancelled on the network

WENT_OUT = frozenset({PUBLISHED, CONFIRMED})
# Outcomes after which the same idempotency key is reused: nothing was created under it.
KEY_REUSABLE = frozenset({NOT_SENT, TRANSIENT, OFFLINE, RATE_LIMITED, AUTH, None})


class Records:
    def __init__(self, workspace: Any) -> None:
        self.ws = workspace
        self.lock = getattr(workspace, "_lock", None) or threading.RLock()
        # Set while the publisher writes, so its own change events are not mistaken for the
        # user's (which would re-trigger a full look at the store for every step).
        self.local = threading.local()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several writes as one durable change (one journal record, one fsync), announced as
        the publisher's own."""
        transaction = getattr(self.ws, "transaction", None)
        with self.lock:
            depth = getattr(self.local, "depth", 0)
            self.local.depth = depth + 1
            try:
                with transaction() if transaction is not None else nullcontext():
                    yield
            finally:
                self.local.depth = depth

    # ---- targets -----------------------------------------------------------------------------
    def mutate(self, post_id: str, account_id: str,
               change: Callable[[Post, Target], Any]) -> tuple[Post | None, Any]:
        """Run ``change(post, target)`` on fresh copies and save; returns (post, change's result).

        ``change`` returns False to skip saving (nothing to do)."""
        with self.batch():
            post = self.ws.posts.get(post_id)
            target = find_target(post, account_id) if post else None
            if target is None:
                return None, None
            result = change(post, target)
            if result is not False:
                self._save(post)
            return post, result

    def mutate_post(self, post_id: str, change: Callable[[Post], bool]) -> Post | None:
        with self.batch():
            post = self.ws.posts.get(post_id)
            if post is None:
                return None
            if change(post):
                self._save(post)
            return post

    def _save(self, post: Post) -> None:
        with self.batch():
            self.ws.posts.save(post)

    @property
    def writing(self) -> bool:
        return getattr(self.local, "depth", 0) > 0

    # ---- attempts ----------------------------------------------------------------------------
    def open_attempt(self, post: Post, target: Target, key: str, at: datetime, *,
                     kind: str = "publish", fingerprint: str = "",
                     progress: dict[str, Any] | None = None) -> dict[str, Any]:
        attempt = {
            "id": new_id(),
            "kind": kind,
            "post_id": post.id,
            "account_id": target.account_id,
            "network": target.network,
            "idempotency_key": key,
            "started_at": to_iso(at),
            "outcome": None,
            "fingerprint": fingerprint,
            "progress": dict(progress or {}),
        }
        self._save_attempt(attempt)  # durable (journaled, fsynced) before the request leaves
        return attempt

    def close_attempt(self, attempt: dict[str, Any], outcome: str, at: datetime, **extra: Any) -> None:
        attempt.update(extra, outcome=outcome, ended_at=to_iso(at))
        self._save_attempt(attempt)

    def record_inconclusive_lookup(self, attempt: dict[str, Any]) -> None:
        """The network could not tell whether ``attempt`` went out: it stays open, and its
        ``lookups`` count is made durable so a restart carries on counting instead of asking
        the network forever."""
        self._save_attempt(attempt)

    def _save_attempt(self, attempt: dict[str, Any]) -> None:
        with self.batch():
            self.ws.attempts.save(attempt)

    def attempts_for(self, post_id: str, account_id: str) -> list[dict[str, Any]]:
        found = [a for a in self.ws.attempts.for_post(post_id) if a["account_id"] == account_id]
        return sorted(found, key=lambda a: a["started_at"])

    def in_flight(self, post_id: str, account_id: str) -> bool:
        """An attempt for this target is open (sent, or about to be, and not resolved)."""
        return any(a["outcome"] is None for a in self.attempts_for(post_id, account_id))

    def last_hand_off(self, post_id: str, account_id: str) -> dict[str, Any] | None:
        """The attempt whose copy the network holds now, if any."""
        found = [a for a in self.attempts_for(post_id, account_id)
                 if a.get("kind") == "hand_off" and a["outcome"] == HANDED_OFF]
        return found[-1] if found else None

    def key_for(self, post_id: str, account_id: str, kind: str = "publish",
                attempts: list[dict[str, Any]] | None = None) -> tuple[str | None, dict[str, Any]]:
        """The idempotency key to reuse, with the steps already taken under it (connector
        progress): the last attempt's, when nothing was created under it."""
        if attempts is None:
            attempts = self.attempts_for(post_id, account_id)
        for attempt in reversed(attempts):
            if attempt.get("kind", "publish") != kind:
                continue
            if attempt["outcome"] in KEY_REUSABLE:
                return attempt["idempotency_key"], dict(attempt.get("progress") or {})
            return None, {}
        return None, {}

    def save_progress(self, attempt: dict[str, Any], progress: dict[str, Any]) -> None:
        """A connector's checkpoint (a thread part made, an image uploaded): durable at once, so
        a retry or a recovery after a crash never repeats the step."""
        attempt["progress"] = dict(progress)
        self._save_attempt(attempt)

    def went_out(self, post_id: str, account_id: str,
                 attempts: list[dict[str, Any]] | None = None) -> dict[str, Any] | None:
        if attempts is None:
            attempts = self.attempts_for(post_id, account_id)
        for attempt in attempts:
            # A hand-off counts once the network says it published the copy (or the user did).
            if attempt.get("kind", "publish") in ("publish", "hand_off") and attempt["outcome"] in WENT_OUT:
                return attempt
        return None

    def failures_in_a_row(self, post_id: str, account_id: str) -> int:
        n = 0
        for attempt in reversed(self.attempts_for(post_id, account_id)):
            if attempt["outcome"] is None:
                continue  # the attempt being decided right now
            if attempt["outcome"] not in (TRANSIENT, OFFLINE):
                break
            n += attempt["outcome"] == TRANSIENT
        return n


def find_target(post: Post, account_id: str) -> Target | None:
    return next((t for t in post.targets if t.account_id == account_id), None)
