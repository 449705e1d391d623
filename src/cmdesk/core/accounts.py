# SPDX-License-Identifier: GPL-3.0-or-later
"""How a connected account stands, and signing one in again, for the window and the command line
alike (each words the standing its own way)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Any

from cmdesk.core.model import Account, from_iso

EXPIRY_WARNING_DAYS = 14


@dataclass(frozen=True)
class Standing:
    kind: str  # "connected" | "expiring" | "needs_auth" | "disabled"
    left: timedelta | None = None  # until the sign-in expires, when the network says


def standing(account: Account, now: datetime | None = None) -> Standing:
    if account.status == "disabled":
        return Standing("disabled")
    if account.status == "needs_auth":
        return Standing("needs_auth")
    expires = from_iso(account.expires_at)
    if expires is None:
        return Standing("connected")
    left = expires - (now or datetime.now(timezone.utc))
    if left.total_seconds() <= 0:
        return Standing("needs_auth")
    return Standing("expiring" if left.days < EXPIRY_WARNING_DAYS else "connected", left)


def renewed(secrets: Any, old: Account, fresh: Account) -> Account:
    """The account to save after signing ``old`` in again: its id (planned posts target it),
    name and slots, with the fresh sign-in's secrets, settings and expiry. ``old`` itself is not
    changed (the window still shows it while the sign-in runs on a worker)."""
    secrets.set(old.secret_key, secrets.get(fresh.secret_key))
    secrets.delete(fresh.secret_key)
    return replace(old, server=fresh.server or old.server,
                   settings={**old.settings, **fresh.settings}, slots=list(old.slots),
                   expires_at=fresh.expires_at, status="connected")
