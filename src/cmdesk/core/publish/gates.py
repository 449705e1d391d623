# SPDX-License-Identifier: GPL-3.0-or-later
"""Per-account rate-limit gates: when the next request to an account may go out.

Two sources: a 429 (RateLimited.retry_at), and the reset headers of a successful answer that says
no request is left in the window (connectors put them in ``PublishResult.extra`` as
``rate_limit_remaining`` and ``rate_limit_reset``, a UTC datetime or epoch seconds). Waiting on the
gate instead of sending costs nothing; sending into a 429 costs a request from the same budget.
"""

from __future__ import annotations

import threading
from datetime import datetime, timezone
from typing import Any


class RateGates:
    def __init__(self) -> None:
        self._until: dict[str, datetime] = {}
        self._lock = threading.Lock()

    def block(self, account_id: str, until: datetime) -> None:
        with self._lock:
            current = self._until.get(account_id)
            if current is None or until > current:
                self._until[account_id] = until

    def blocked_until(self, account_id: str, now: datetime) -> datetime | None:
        with self._lock:
            until = self._until.get(account_id)
            if until is not None and until <= now:
                del self._until[account_id]
                return None
            return until

    def wait_s(self, account_id: str, now: datetime) -> float:
        until = self.blocked_until(account_id, now)
        return 0.0 if until is None else (until - now).total_seconds()

    def note_result(self, account_id: str, extra: dict[str, Any]) -> None:
        """Close the gate until the window resets when the answer says nothing is left."""
        remaining = extra.get("rate_limit_remaining")
        reset = _as_datetime(extra.get("rate_limit_reset"))
        if remaining is not None and reset is not None and int(remaining) <= 0:
            self.block(account_id, reset)


_REMAINING_HEADERS = ("X-RateLimit-Remaining", "RateLimit-Remaining", "x-rate-limit-remaining")


def watch_session(session: Any, account_id: str, gates: RateGates) -> None:
    """Read every answer's rate-limit headers on the account's HTTP session (a requests
    response hook): when a window has no request left, close the gate until it resets, instead
    of spending one more request on a 429."""
    hooks = getattr(session, "hooks", None)
    if not isinstance(hooks, dict):
        return

    def on_response(response: Any, *args: Any, **kwargs: Any) -> Any:
        headers = getattr(response, "headers", None) or {}
        for name in _REMAINING_HEADERS:
            value = headers.get(name)
            if value is None:
                continue
            try:
                left = int(float(value))
            except ValueError:
                return response
            if left <= 0 and getattr(response, "status_code", 500) < 400:
                from cmdesk.core.connectors.responses import retry_at

                gates.block(account_id, retry_at(headers))
            return response
        return response

    hooks.setdefault("response", []).append(on_response)


def _as_datetime(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc)
    try:
        return datetime.fromtimestamp(float(value), timezone.utc)
    except (TypeError, ValueError):
        try:
            return datetime.fromisoformat(str(value).replace("Z", "+00:00")).astimezone(timezone.utc)
        except ValueError:
            return None
