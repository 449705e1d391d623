# SPDX-License-Identifier: GPL-3.0-or-later
"""Hand-off: give a post to a network's own scheduler so it goes out with the computer off.

The copy on the network follows the post: an edit or a move updates it (as its own journaled
attempt, replace.py), a move too close to now or a delete cancels it (the post is then published
locally). When the network's limits refuse (Mastodon: 25 a day, 300 pending), the post stays
local and the user is told. A copy the network no longer holds is never taken as cancelled: it
may have gone out (``gone``). After its time, confirm.py asks the network whether it went out.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from cmdesk.core.connectors.base import PostPart, PublishRequest, PublishResult
from cmdesk.core.connectors.errors import ConnectorError, Gone, Permanent, RateLimited, Unconfirmed
from cmdesk.core.i18n import translate
from cmdesk.core.model import Account, Post, Target, TargetState, to_iso
from cmdesk.core.publish import events as ev
from cmdesk.core.publish import records as rec
from cmdesk.core.publish.prepare import fingerprint, request_for, request_to_ask
from cmdesk.core.publish.states import move

if TYPE_CHECKING:
    from cmdesk.core.publish.engine import Publisher

log = logging.getLogger(__name__)
S = TargetState
# Margin over the network's minimum lead: the request itself takes time, and a post handed off
# right at the edge would be refused.
LEAD_MARGIN_S = 60


def eligible(pub: Publisher, post: Post, target: Target, now: datetime) -> bool:
    if not post.hand_off or post.planned_at is None:
        return False
    native = pub.capabilities(target.network).native_scheduling if pub.capabilities(target.network) else None
    if native is None:
        return False
    lead = (post.planned_at - now).total_seconds()
    if lead < native.min_lead_s + LEAD_MARGIN_S:
        return False
    return native.max_lead_s is None or lead <= native.max_lead_s


def _limits_refuse(pub: Publisher, post: Post, account: Account) -> str | None:
    native = pub.capabilities(account.network).native_scheduling
    # Only posts with a handed-off target, from the index (not every post ever written).
    pending = [p for p in pub.workspace.posts.with_target_states([S.HANDED_OFF])
               if p.id != post.id and any(t.account_id == account.id and t.state == S.HANDED_OFF
                                          for t in p.targets)]
    if native.total_limit is not None and len(pending) >= native.total_limit:
        return translate("Publisher", "The network holds at most {n} scheduled posts for this "
                                      "account; this one stays on this computer.").format(n=native.total_limit)
    day = post.planned_at.date()
    same_day = [p for p in pending if p.planned_at and p.planned_at.date() == day]
    if native.daily_limit is not None and len(same_day) >= native.daily_limit:
        return translate("Publisher", "The network holds at most {n} scheduled posts per day for "
                                      "this account; this one stays on this computer.").format(n=native.daily_limit)
    return None


def hand_off(pub: Publisher, post_id: str, account_id: str) -> str | None:
    now = pub.clock.now()
    account = pub.account(account_id)
    post = pub.workspace.posts.get(post_id)
    if account is None or post is None:
        return None
    target = next((t for t in post.targets if t.account_id == account_id), None)
    if target is None or target.state != S.SCHEDULED or not eligible(pub, post, target, now):
        return None
    if not pub.is_online(account):
        return None
    refusal = _limits_refuse(pub, post, account)
    if refusal:
        return refused(pub, post_id, account_id, refusal)
    started: dict = {}

    def begin(post: Post, target: Target):
        if target.state != S.SCHEDULED or pub.records.in_flight(post.id, account_id):
            return False
        key, progress = pub.records.key_for(post.id, account_id, kind="hand_off")
        started["attempt"] = pub.records.open_attempt(
            post, target, key or pub.new_key(target.network), now, kind="hand_off",
            fingerprint=fingerprint(post, target.network), progress=progress)
        started["post"] = Post.from_doc(post.to_doc())
        move(target, S.PUBLISHING, now, translate("Publisher", "Handing off to the network"))

    _, ok = pub.records.mutate(post_id, account_id, begin)
    if "attempt" not in started:
        return None
    attempt = started["attempt"]
    connector = pub.connector_for(account)
    request = request_for(pub, started["post"], attempt)
    try:
        result = connector.hand_off(request, started["post"].planned_at)
    except (RateLimited, Permanent) as exc:
        pub.records.close_attempt(attempt, rec.REFUSED, pub.clock.now(), reason=exc.reason)
        _back_to_scheduled(pub, attempt)
        return refused(pub, post_id, account_id, translate(
            "Publisher", "The network did not take the scheduled post ({reason}); it stays on "
                         "this computer.").format(reason=exc.reason))
    except Unconfirmed:
        from cmdesk.core.publish.sender import resolve

        return resolve(pub, attempt, connector=connector, request=request)
    except (ConnectorError, Exception) as exc:  # noqa: BLE001 - publish locally instead
        log.warning("hand-off failed: %s", exc)
        pub.records.close_attempt(attempt, rec.TRANSIENT, pub.clock.now(), reason=str(exc))
        _back_to_scheduled(pub, attempt)
        return str(S.SCHEDULED)
    return handed_off(pub, attempt, result)


def _back_to_scheduled(pub: Publisher, attempt: dict) -> None:
    now = pub.clock.now()

    def apply(post: Post, target: Target):
        if target.state != S.PUBLISHING:
            return False
        move(target, S.SCHEDULED, now, translate("Publisher", "Kept on this computer"))

    pub.records.mutate(attempt["post_id"], attempt["account_id"], apply)
    pub.mark_active(attempt["post_id"])


def refused(pub: Publisher, post_id: str, account_id: str, note: str) -> str:
    now = pub.clock.now()
    pub.note_hand_off_refused(post_id, account_id)

    def apply(post: Post, target: Target):
        move(target, target.state, now, note)

    pub.records.mutate(post_id, account_id, apply)
    pub.emit(ev.PublishEvent(ev.HAND_OFF_REFUSED, post_id, account_id, message=note))
    return str(S.SCHEDULED)


def handed_off(pub: Publisher, attempt: dict, result: PublishResult) -> str:
    from cmdesk.core.publish import confirm
    from cmdesk.core.publish.replace import record_planned_at

    now = pub.clock.now()
    post = pub.workspace.posts.get(attempt["post_id"])
    pub.records.close_attempt(attempt, rec.HANDED_OFF, now, remote_id=result.remote_id,
                              **record_planned_at(post))
    if post is not None and post.planned_at is not None:
        confirm.plan(pub, attempt["post_id"], attempt["account_id"], post.planned_at + confirm.AFTER)

    def apply(post: Post, target: Target):
        target.remote_id = result.remote_id
        target.remote_url = result.remote_url
        if target.state != S.HANDED_OFF:
            if target.state != S.PUBLISHING:
                move(target, S.PUBLISHING, now, translate("Publisher", "Handing off to the network"))
            move(target, S.HANDED_OFF, now, translate(
                "Publisher", "Handed off: the network publishes it at {at} (id {id})"
            ).format(at=to_iso(post.planned_at), id=result.remote_id))

    fresh, _ = pub.records.mutate(attempt["post_id"], attempt["account_id"], apply)
    pub.emit(ev.PublishEvent(ev.HANDED_OFF, attempt["post_id"], attempt["account_id"],
                             data={"remote_id": result.remote_id}))
    target = next((t for t in fresh.targets if t.account_id == attempt["account_id"]), None) if fresh else None
    if target is not None and fingerprint(fresh, target.network) != attempt.get("fingerprint"):
        # Edited while the copy was being made (the change event found it in 'publishing').
        from cmdesk.core.publish.lanes import Item

        pub._lane(attempt["account_id"]).add(Item("follow", attempt["post_id"]))
    return str(S.HANDED_OFF)


def follow(pub: Publisher, post_id: str, account_id: str) -> None:
    """The post changed while handed off: update the remote copy, or cancel it and keep it local."""
    now = pub.clock.now()
    post = pub.workspace.posts.get(post_id)
    account = pub.account(account_id)
    attempt = pub.records.last_hand_off(post_id, account_id)
    if post is None or account is None or attempt is None:
        return
    target = next((t for t in post.targets if t.account_id == account_id), None)
    if target is None or target.state != S.HANDED_OFF:
        return
    new_print = fingerprint(post, target.network)
    if new_print == attempt.get("fingerprint"):
        return
    connector = pub.connector_for(account)
    if eligible(pub, post, target, now):
        # As its own journaled attempt: a crash between deleting the old copy and making the
        # new one is finished by recovery (see replace.py).
        from cmdesk.core.publish.replace import replace

        replace(pub, attempt, post_id, account_id, connector)
        return
    if cancel_remote(pub, attempt, connector):
        def apply(post: Post, target: Target):
            if target.state != S.HANDED_OFF:
                return False
            target.remote_id = None
            target.remote_url = None
            move(target, S.SCHEDULED, now, translate(
                "Publisher", "Scheduled copy cancelled on the network; published from here"))

        pub.records.mutate(post_id, account_id, apply)
        pub.mark_active(post_id)
        pub.wake()


def cancel_remote(pub: Publisher, attempt: dict, connector=None) -> bool:
    if connector is None:
        account = pub.account(attempt["account_id"])
        if account is None:
            return False
        connector = pub.connector_for(account)
    try:
        connector.cancel_hand_off(attempt["remote_id"])
    except Gone as exc:
        gone(pub, attempt, connector, exc)
        return False
    except ConnectorError as exc:
        log.warning("cancelling a handed-off post failed: %s", exc.reason)
        pub.emit(ev.PublishEvent(ev.FAILED, attempt["post_id"], attempt["account_id"], message=translate(
            "Publisher", "The scheduled copy on the network could not be cancelled: {reason}")
            .format(reason=exc.reason)))
        return False
    pub.records.close_attempt(attempt, rec.CANCELLED, pub.clock.now())
    return True


def gone(pub: Publisher, attempt: dict, connector, error: Gone) -> str:
    """The copy to cancel or update is no longer on the network, and not by our own delete: it
    was deleted there, or the network already published it. Ask the network
    (its lookup finds a published post); if it cannot tell, the user decides. Never dropped
    silently, never published from here on a guess."""
    from cmdesk.core.publish.replace import gone_note, mark_unconfirmed

    now = pub.clock.now()
    post = pub.workspace.posts.get(attempt["post_id"])
    found = None
    if error.published:  # the network says so, under the copy's own id
        found = PublishResult(remote_id=attempt["remote_id"], remote_url=error.url)
    elif post is not None:
        try:
            found = connector.lookup(request_to_ask(pub, post, attempt))
        except ConnectorError as exc:
            log.warning("looking for a handed-off post that is gone: %s", exc.reason)
    if found is not None and not found.extra.get("scheduled"):
        from cmdesk.core.publish.confirm import went_out

        return went_out(pub, attempt, found)
    note = gone_note(error.reason)
    pub.records.close_attempt(attempt, rec.UNCONFIRMED, now, reason=note)
    if post is not None:
        mark_unconfirmed(pub, attempt["post_id"], attempt["account_id"], note)
    return str(S.UNCONFIRMED)


def drop_orphan_copy(pub: Publisher, attempt: dict, connector) -> None:
    """A hand-off (or an update of one) cut short by a crash, whose post was deleted since: a
    copy the network made under its key must not publish what the user deleted. Found by the
    key alone (the text went with the post)."""
    request = PublishRequest(attempt["id"], attempt["idempotency_key"], [PostPart("")],
                             progress=dict(attempt.get("progress") or {}))
    try:
        found = connector.lookup(request)
        if found is not None and (found.extra.get("scheduled") or found.extra.get("status") == "future"):
            connector.cancel_hand_off(found.remote_id)
    except Gone:
        pass
    except ConnectorError as exc:
        log.warning("a deleted post's copy on the network cannot be checked yet: %s", exc.reason)
        pub.defer_recovery(attempt["id"])
        return
    pub.records.close_attempt(attempt, rec.CANCELLED, pub.clock.now(),
                              reason=translate("Publisher", "The post or account was deleted"))
