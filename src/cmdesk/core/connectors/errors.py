# SPDX-License-Identifier: GPL-3.0-or-later
"""Typed connector errors. The publisher decides what each means; connectors never retry or sleep.

Messages never contain a token: build them from the network's ``reason`` text only.
"""

from __future__ import annotations

from datetime import datetime


class ConnectorError(Exception):
    """Base class. ``reason`` is the network's own words (or ours), safe to show and to log."""

    def __init__(self, reason: str = "") -> None:
        super().__init__(reason)
        self.reason = reason


class AuthExpired(ConnectorError):
    """The token is expired or revoked: the target moves to needs_auth."""


class RateLimited(ConnectorError):
    """The network asked us to wait until ``retry_at`` (UTC)."""

    def __init__(self, retry_at: datetime, reason: str = "") -> None:
        super().__init__(reason or "rate limited")
        self.retry_at = retry_at


class Transient(ConnectorError):
    """A failure that may pass: 5xx, timeout, connection reset before the request was sent."""


class Offline(Transient):
    """The network could not be reached at all (DNS, refused, no route): wait for connectivity."""


class Permanent(ConnectorError):
    """The network refused the post for a reason that retrying will not fix (validation, 4xx)."""


class Gone(Permanent):
    """The remote copy asked for (a scheduled post) is no longer held by the network: deleted
    there, or already published. ``published``: the network says it went out, under the same
    id (at ``url``); otherwise the publisher finds out from its journal and the network."""

    def __init__(self, reason: str = "", *, published: bool = False, url: str | None = None) -> None:
        super().__init__(reason)
        self.published = published
        self.url = url


class Unconfirmed(ConnectorError):
    """The request may have been applied: the connection broke after it was sent."""
