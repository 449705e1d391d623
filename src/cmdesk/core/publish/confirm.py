# SPDX-License-Identifier: GPL-3.0-or-later
"""After its time, a handed-off post is checked on the network: shown published (with the
network's post), checked again later while the network still holds it, and left to the user
(unconfirmed) when the network has neither. Never published from here on a guess.

The publisher keeps, per handed-off target, when to look (a small map filled at start from the
target-state index and by every hand-off); a pass queues the ones whose time came, so handed-off
posts never join the posts every pass re-reads.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from cmdesk.core.connectors.base import PublishResult
from cmdesk.core.connectors.errors import ConnectorError, Gone
from cmdesk.core.i18n import translate
from cmdesk.core.model import Post, Target, TargetState, to_iso
from cmdesk.core.publish import events as ev
from cmdesk.core.publish import records as rec
from cmdesk.core.publish.prepare import request_to_ask
from cmdesk.core.publish.states import move

if TYPE_CHECKING:
    from cmdesk.core.publish.engine import Publisher

log = logging.getLogger(__name__)
S = TargetState
AFTER = timedelta(minutes=2)  # networks' schedulers run a little after the minute
AGAIN = timedelta(minutes=10)  # the network still holds it (late), or could not be asked


def plan(pub: Publisher, post_id: str, account_id: str, at: datetime) -> None:
    """Look at this handed-off target at ``at``."""
    with pub._state:
        pub._confirm_at[(post_id, account_id)] = at
    if pub._runner is not None:
        pub._runner.set_alarm(f"confirm:{post_id}:{account_id}", at)


def arm(pub: Publisher) -> None:
    """The alarms of what ``load`` found (the alarm runner starts after it)."""
    with pub._state:
        planned = list(pub._confirm_at.items())
    for (post_id, account_id), at in planned:
        pub._runner.set_alarm(f"confirm:{post_id}:{account_id}", at)


def load(pub: Publisher) -> None:
    """At start: every handed-off target, from the index."""
    for post in pub.workspace.posts.with_target_states([S.HANDED_OFF]):
        for target in post.targets:
            if target.state == S.HANDED_OFF and post.planned_at is not None:
                plan(pub, post.id, target.account_id, post.planned_at + AFTER)


def due(pub: Publisher, now: datetime) -> list[tuple[str, str]]:
    """(post id, account id) to look at now; taken out of the map (a look plans the next)."""
    with pub._state:
        found = [key for key, at in pub._confirm_at.items() if at <= now]
        for key in found:
            del pub._confirm_at[key]
    return found


def check(pub: Publisher, post_id: str, account_id: str) -> str | None:
    from cmdesk.core.publish.handoff import gone

    now = pub.clock.now()
    post = pub.workspace.posts.get(post_id)
    account = pub.account(account_id)
    target = next((t for t in post.targets if t.account_id == account_id), None) if post else None
    attempt = pub.records.last_hand_off(post_id, account_id)
    if account is None or target is None or target.state != S.HANDED_OFF or attempt is None:
        return None
    if post.planned_at is None or post.planned_at + AFTER > now:
        if post.planned_at is not None:
            plan(pub, post_id, account_id, post.planned_at + AFTER)  # moved meanwhile
        return None
    connector = pub.connector_for(account)
    try:
        found = connector.hand_off_outcome(attempt["remote_id"], request_to_ask(pub, post, attempt))
    except NotImplementedError:
        return None
    except Gone as exc:
        return gone(pub, attempt, connector, exc)
    except ConnectorError as exc:
        log.info("could not ask about a handed-off post yet: %s", exc.reason)
        found = None
    if found is None:
        plan(pub, post_id, account_id, now + AGAIN)
        return None
    return went_out(pub, attempt, found)


def went_out(pub: Publisher, attempt: dict, found: PublishResult) -> str:
    """The network published the handed-off copy: the target shows it, once and for all."""
    now = pub.clock.now()
    pub.records.close_attempt(attempt, rec.PUBLISHED, now, remote_id=found.remote_id,
                              remote_url=found.remote_url)

    def apply(post: Post, target: Target):
        if target.state not in (S.HANDED_OFF, S.PUBLISHING):
            return False
        target.remote_id, target.remote_url = found.remote_id, found.remote_url
        target.published_at = target.published_at or to_iso(now)
        move(target, S.PUBLISHED, now, translate("Publisher", "The network published it"))

    pub.records.mutate(attempt["post_id"], attempt["account_id"], apply)
    pub.emit(ev.PublishEvent(ev.PUBLISHED, attempt["post_id"], attempt["account_id"]))
    return str(S.PUBLISHED)
