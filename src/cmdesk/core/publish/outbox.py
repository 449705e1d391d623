# SPDX-License-Identifier: GPL-3.0-or-later
"""The outbox: one row per target that is planned, on its way, done or stuck, for the panel and
``cmdesk outbox``."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from cmdesk.core.i18n import translate
from cmdesk.core.model import Post, TargetState, to_iso

S = TargetState

# How the outbox groups rows: what needs the user first, then what goes next.
ORDER = {S.UNCONFIRMED: 0, S.NEEDS_AUTH: 1, S.FAILED: 2, S.DUE: 3, S.PUBLISHING: 4,
         S.WAITING_NETWORK: 5, S.RETRY_WAIT: 6, S.SCHEDULED: 7, S.HANDED_OFF: 8,
         S.PUBLISHED: 9, S.DRAFT: 10}


@dataclass
class OutboxRow:
    post_id: str
    account_id: str
    account: str
    network: str
    text: str
    state: str
    planned: str | None
    actual: str | None
    lateness_s: float | None
    remote_id: str | None
    remote_url: str | None
    error: str | None
    next_try: str | None
    needs_decision: bool

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# Published targets the outbox keeps showing: those of posts planned this recently. Older ones
# are history (the calendar has them); listing them would decode every post ever sent.
PUBLISHED_DAYS = 30
# Scheduled (or handed-off) targets the outbox lists: those due within this many days. A plan a
# year ahead is the calendar's to show; listing it here would decode every planned post after
# every change (100,000 planned posts: 12 s of the storage thread per drag in the calendar).
PLANNED_DAYS = 14
_QUEUED = [S.SCHEDULED, S.HANDED_OFF]
_NEEDS_LOOK = [s for s in S if s not in (S.PUBLISHED, S.DRAFT, *_QUEUED)]


def _posts(workspace: Any, now: datetime, include_drafts: bool,
           published_days: float | None, planned_days: float | None) -> list[Post]:
    """The posts with a target the outbox shows, from the store's indexes."""
    posts = workspace.posts
    if published_days is None:  # the whole history (``cmdesk outbox --all``)
        return list(posts.all())
    found = {p.id: p for p in posts.with_target_states(_NEEDS_LOOK + ([S.DRAFT] if include_drafts else []))}
    horizon = None if planned_days is None else now + timedelta(days=planned_days)
    for post in posts.with_target_states(_QUEUED, planned_before=horizon):
        found.setdefault(post.id, post)
    recent = posts.cards_between(now - timedelta(days=published_days), datetime.max.replace(tzinfo=timezone.utc))
    for card in recent:
        # Decode only a recent post with a published target, and only once.
        if card.id not in found and S.PUBLISHED in card.states:
            found[card.id] = card.post()
    return list(found.values())


def outbox_rows(workspace: Any, now: datetime, monitor: Any = None, include_drafts: bool = False,
                published_days: float | None = PUBLISHED_DAYS,
                planned_days: float | None = PLANNED_DAYS) -> list[OutboxRow]:
    """``published_days=None`` lists every target, however old or far ahead."""
    accounts = {a.id: a for a in workspace.accounts.all()}
    rows = []
    for post in _posts(workspace, now, include_drafts, published_days, planned_days):
        for t in post.targets:
            if t.state == S.DRAFT and not include_drafts:
                continue
            account = accounts.get(t.account_id)
            rows.append(OutboxRow(
                post_id=post.id, account_id=t.account_id,
                account=account.name if account else "?", network=t.network,
                text=post.text_for(t.network).splitlines()[0][:80] if post.text_for(t.network) else "",
                # Past its time and about to go (in a lane's queue): shown as due, not scheduled.
                state=str(S.DUE if t.state == S.SCHEDULED and post.planned_at is not None
                          and post.planned_at <= now else t.state),
                planned=to_iso(post.planned_at), actual=t.published_at,
                lateness_s=t.lateness_s, remote_id=t.remote_id, remote_url=t.remote_url,
                error=t.error, next_try=t.not_before, needs_decision=t.needs_decision,
            ))
    rows.sort(key=lambda r: (ORDER.get(S(r.state), 99), r.planned or "", r.account))
    return rows


def state_label(state: str, needs_decision: bool = False) -> str:
    """The state in the user's words (the panel, the command line, notifications)."""
    if needs_decision:
        return translate("TargetState", "Late: your decision")
    labels = {
        "draft": translate("TargetState", "Draft"),
        "scheduled": translate("TargetState", "Scheduled"),
        "due": translate("TargetState", "Due"),
        "publishing": translate("TargetState", "Sending"),
        "published": translate("TargetState", "Published"),
        "failed": translate("TargetState", "Failed"),
        "retry_wait": translate("TargetState", "Will retry"),
        "waiting_network": translate("TargetState", "Waiting for network"),
        "needs_auth": translate("TargetState", "Sign in again"),
        "unconfirmed": translate("TargetState", "Unconfirmed"),
        "handed_off": translate("TargetState", "Handed off"),
    }
    return labels.get(state, state)
