# SPDX-License-Identifier: GPL-3.0-or-later
"""An account's standing (the window and `cmdesk accounts list` word it) and signing it in again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cmdesk.core.accounts import renewed, standing
from cmdesk.core.model import Account, Slot, to_iso

NOW = datetime(2026, 11, 22, 9, tzinfo=UTC)


def test_standing_follows_status_and_expiry():
    def kind(**fields) -> tuple[str, timedelta | None]:
        found = standing(Account("linkedin", "Brand", **fields), NOW)
        return found.kind, found.left

    assert kind() == ("connected", None)
    assert kind(status="disabled", expires_at=to_iso(NOW - timedelta(days=1))) == ("disabled", None)
    assert kind(status="needs_auth") == ("needs_auth", None)
    assert kind(expires_at=to_iso(NOW - timedelta(seconds=1))) == ("needs_auth", None)
    assert kind(expires_at=to_iso(NOW + timedelta(days=3))) == ("expiring", timedelta(days=3))
    assert kind(expires_at=to_iso(NOW + timedelta(days=60))) == ("connected", timedelta(days=60))


class Secrets(dict):
    def set(self, key, value):
        self[key] = value

    def delete(self, key):
        self.pop(key, None)


def test_signing_in_again_keeps_the_account_planned_posts_target():
    old = Account("linkedin", "Maison Brioche (page)", id="acct-1", status="needs_auth",
                  settings={"page_id": "42", "org": "old"},
                  slots=[Slot(weekday=1, time="08:30", zone="Europe/Paris")])
    fresh = Account("linkedin", "Maison Brioche SAS", settings={"page_id": "42", "org": "new"},
                    expires_at=to_iso(NOW + timedelta(days=60)))
    secrets = Secrets({old.secret_key: "expired token", fresh.secret_key: "fresh token"})
    saved = renewed(secrets, old, fresh)
    assert (saved.id, saved.name, saved.slots) == (old.id, "Maison Brioche (page)", old.slots)
    assert (saved.status, saved.expires_at, saved.settings["org"]) == (
        "connected", fresh.expires_at, "new")
    assert secrets == {old.secret_key: "fresh token"}
    assert old.status == "needs_auth" and old.settings["org"] == "old"  # shown meanwhile, untouched
