# SPDX-License-Identifier: GPL-3.0-or-later
"""After a crash: an attempt left open may or may not have reached the network. We ask the
network with the same request and key (connector.lookup), never send blindly. If the network
cannot tell, the target becomes unconfirmed and the user decides.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from cmdesk.core.i18n import translate
from cmdesk.core.model import Post, TargetState
from cmdesk.core.publish import records as rec
from cmdesk.core.publish.handoff import drop_orphan_copy
from cmdesk.core.publish.prepare import request_to_ask
from cmdesk.core.publish.replace import is_replacement, settle
from cmdesk.core.publish.sender import resolve
from cmdesk.core.publish.states import move

if TYPE_CHECKING:
    from cmdesk.core.publish.engine import Publisher

log = logging.getLogger(__name__)


def recover(pub: Publisher, attempt_id: str) -> str | None:
    attempt = pub.workspace.attempts.get(attempt_id)
    if attempt is None or attempt["outcome"] is not None:
        return None
    account = pub.account(attempt["account_id"])
    post = pub.workspace.posts.get(attempt["post_id"])
    if post is None and account is not None and attempt.get("kind") == "hand_off":
        if account.status == "needs_auth" or not pub.is_online(account):
            pub.defer_recovery(attempt_id)
            return None
        return drop_orphan_copy(pub, attempt, pub.connector_for(account))
    if account is None or post is None:
        # Nothing left to rebuild the request from; keep the record, close it as unknown.
        pub.records.close_attempt(attempt, rec.UNCONFIRMED, pub.clock.now(),
                                  reason=translate("Publisher", "The post or account was deleted"))
        return None
    if account.status == "needs_auth" or not pub.is_online(account):
        pub.defer_recovery(attempt_id)
        return None
    request = request_to_ask(pub, post, attempt)
    if is_replacement(attempt):
        # An update of a handed-off copy cut short: finish it (old copy, new copy, or neither).
        return settle(pub, attempt, pub.connector_for(account), request, post)
    return resolve(pub, attempt, connector=pub.connector_for(account), request=request)


S = TargetState

# What a closed attempt means for a target a crash left in ``publishing`` (the process died
# between journaling the outcome and updating the target).
_AFTER = {
    rec.PUBLISHED: S.PUBLISHED, rec.CONFIRMED: S.PUBLISHED, rec.NOT_SENT: S.DUE,
    rec.TRANSIENT: S.RETRY_WAIT, rec.RATE_LIMITED: S.RETRY_WAIT, rec.OFFLINE: S.WAITING_NETWORK,
    rec.AUTH: S.NEEDS_AUTH, rec.FAILED: S.FAILED, rec.UNCONFIRMED: S.UNCONFIRMED,
    rec.HANDED_OFF: S.HANDED_OFF, rec.REFUSED: S.SCHEDULED, rec.CANCELLED: S.SCHEDULED,
    rec.ABANDONED: S.DUE,
}


def reconcile(pub: Publisher) -> int:
    """At start: bring targets stuck in ``publishing`` in line with their journaled outcome."""
    fixed = 0
    now = pub.clock.now()
    # Only posts with a target left in ``publishing`` (from the index, no scan of the history).
    for post in pub.workspace.posts.with_target_states([S.PUBLISHING]):
        for target in post.targets:
            if target.state != S.PUBLISHING:
                continue
            attempts = pub.records.attempts_for(post.id, target.account_id)
            if not attempts or any(a["outcome"] is None for a in attempts):
                if not attempts:  # never journaled: nothing left; send as planned
                    pub.records.mutate(post.id, target.account_id, lambda p, t: move(
                        t, S.DUE, now, translate("Publisher", "Checking an interrupted send")))
                continue
            last = attempts[-1]
            state = _AFTER.get(last["outcome"], S.UNCONFIRMED)

            def apply(p: Post, t, last=last, state=state):
                if t.state != S.PUBLISHING:
                    return False
                if state in (S.PUBLISHED, S.HANDED_OFF):
                    t.remote_id = last.get("remote_id") or t.remote_id
                    t.remote_url = last.get("remote_url") or t.remote_url
                    if state == S.PUBLISHED:
                        t.published_at = t.published_at or last.get("ended_at")
                else:
                    t.error = last.get("reason") or t.error
                move(t, state, now, last.get("reason") or translate("Publisher", "Recovered after a restart"))

            pub.records.mutate(post.id, target.account_id, apply)
            fixed += 1
    return fixed
