# SPDX-License-Identifier: GPL-3.0-or-later
"""Publisher events turned into the notifications a community manager wants to see.

The publisher runs on its own threads and knows nothing of Qt; it calls its listeners with an
event object. This module reads the few fields it needs by name (``kind``, ``network``,
``account``, ``message``, ``error``, ``count``), from an object or a dict, and ignores kinds it does
not know, so the publisher can add events without breaking the shell.
"""

from __future__ import annotations

from dataclasses import dataclass

from cmdesk.core.i18n import translate


@dataclass(frozen=True)
class Notice:
    kind: str  # published | failed | needs_auth | back_online
    title: str
    message: str
    critical: bool = False


def _field(event, name: str, default=""):
    if isinstance(event, dict):
        return event.get(name, default)
    return getattr(event, name, default)


def needs_account_name(event) -> str | None:
    """The account id to look up when the event names no account and carries no message."""
    if _field(event, "message", "") or _field(event, "account", "") or _field(event, "network", ""):
        return None
    return _field(event, "account_id", None) or None


def notice_for(event, account_name: str = "") -> Notice | None:
    kind = str(_field(event, "kind", "") or _field(event, "type", ""))
    kind = kind.split(".")[-1].lower()  # an enum member prints as EventKind.PUBLISHED
    account = str(_field(event, "account", "") or _field(event, "account_name", "") or account_name)
    network = str(_field(event, "network", ""))
    where = account or network or translate("Notifications", "an account")
    # The publisher already words its message (translated, naming the account); prefer it.
    given = str(_field(event, "message", "") or "")
    if kind == "published":
        return Notice(
            kind,
            translate("Notifications", "Post published"),
            given
            or translate("Notifications", "Your post is live on {where}.").format(where=where),
        )
    if kind == "failed":
        reason = str(_field(event, "error", "") or _field(event, "reason", ""))
        return Notice(
            kind,
            translate("Notifications", "Post not published"),
            given
            or translate("Notifications", "{where} refused the post: {reason}").format(
                where=where, reason=reason
            ),
            critical=True,
        )
    if kind in ("needs_auth", "auth_expired"):
        return Notice(
            kind,
            translate("Notifications", "Sign-in needed"),
            given
            or translate(
                "Notifications", "Sign in to {where} again: its posts wait until you do."
            ).format(where=where),
            critical=True,
        )
    if kind in ("back_online", "flushed"):
        count = int(_field(event, "count", 0) or 0)
        return Notice(
            kind,
            translate("Notifications", "Back online"),
            given
            or translate("Notifications", "Back online: {count} waiting posts sent.").format(
                count=count
            ),
        )
    # Kinds that need the user: the outbox has the buttons, so these open it (see Tray).
    if kind == "late_needs_decision":
        return Notice(
            kind,
            translate("Notifications", "A late post waits for you"),
            given or translate("Notifications", "A post is late: publish it now or skip it?"),
            critical=True,
        )
    if kind == "unconfirmed":
        return Notice(
            kind,
            translate("Notifications", "Check this post"),
            given
            or translate(
                "Notifications", "{where} did not confirm the post: check before sending it again."
            ).format(where=where),
            critical=True,
        )
    return None


ASKS_FOR_OUTBOX = frozenset({"late_needs_decision", "unconfirmed", "failed", "needs_auth"})
