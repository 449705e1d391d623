# SPDX-License-Identifier: GPL-3.0-or-later
"""One send: journal the attempt, call the connector, store what the answer means.

Order matters for exactly-once: the attempt (with its idempotency key) is saved before the
request; the outcome after. Anything that leaves the answer unknown keeps the attempt open so
recovery asks the network instead of sending again.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from cmdesk.core.connectors.base import PublishResult
from cmdesk.core.connectors.errors import (
    AuthExpired,
    ConnectorError,
    Offline,
    Permanent,
    RateLimited,
    Transient,
    Unconfirmed,
)
from cmdesk.core.i18n import translate
from cmdesk.core.model import Post, Target, TargetState, to_iso
from cmdesk.core.publish import events as ev
from cmdesk.core.publish import records as rec
from cmdesk.core.publish.connectivity import host_of
from cmdesk.core.publish.prepare import request_for
from cmdesk.core.publish.states import SENDABLE, move, settle

if TYPE_CHECKING:
    from cmdesk.core.publish.engine import Publisher

log = logging.getLogger(__name__)
S = TargetState
MAX_LOOKUPS = 5  # inconclusive answers (about 15 min apart at most) before the user decides


def minutes(seconds: float) -> str:
    if seconds < 60:
        return translate("Publisher", "{n} s").format(n=round(seconds))
    return translate("Publisher", "{n} min").format(n=round(seconds / 60))


def send(pub: Publisher, post_id: str, account_id: str, *, force: bool = False) -> str | None:
    """Send one target if it is still sendable; returns the state it ended in (None: skipped)."""
    now = pub.clock.now()
    account = pub.account(account_id)
    if account is None:
        return None
    host = host_of(account)
    started: dict = {}

    def begin(post: Post, target: Target):
        fell_due = target.state == S.SCHEDULED and post.planned_at is not None \
            and post.planned_at <= now
        eligible = target.state in SENDABLE or fell_due or (force and target.state in (S.SCHEDULED, S.DUE))
        if not eligible or (target.needs_decision and not force):
            return False
        if fell_due and not force and not pub.catch_up().allows((now - post.planned_at).total_seconds()):
            # Later than the catch-up window (the machine slept while the lane held it): the
            # policy decides, in the next evaluation, not this send.
            pub.wake()
            return False
        if fell_due:
            move(target, S.DUE, now, translate("Publisher", "Due at {at}").format(at=to_iso(post.planned_at)))
        elif force and target.state == S.SCHEDULED:
            # "Publish now" on a post kept for later (one of its copies is handed off): due now.
            move(target, S.DUE, now, translate("Publisher", "Publish now asked"))
        if target.state == S.RETRY_WAIT and target.not_before and target.not_before > to_iso(now) \
                and not force:
            return False
        if post.planned_at is None or (post.planned_at > now and not force):
            return False
        attempts = pub.records.attempts_for(post.id, account_id)
        if any(a["outcome"] is None for a in attempts):
            return "pending"  # an earlier attempt is still unresolved: recovery asks first
        if pub.records.went_out(post.id, account_id, attempts):
            # The journal says it went out (a stale copy of the post was saved over ours):
            # restore, never send twice.
            move(target, S.PUBLISHED, now, translate("Publisher", "Already published"))
            return "restored"
        if account.status == "needs_auth":
            move(target, S.NEEDS_AUTH, now, translate("Publisher", "Sign in again to this account"))
            return "needs_auth"
        if not pub.monitor.is_online(host):
            if target.state != S.WAITING_NETWORK:
                move(target, S.WAITING_NETWORK, now, translate("Publisher", "Waiting for the network"))
            return "offline"
        key, progress = pub.records.key_for(post.id, account_id, attempts=attempts)
        attempt = pub.records.open_attempt(post, target, key or pub.new_key(target.network), now,
                                           progress=progress)
        started["attempt"] = attempt
        started["lateness"] = max(0.0, (now - post.planned_at).total_seconds())
        target.lateness_s = started["lateness"]
        target.needs_decision = False
        target.error = None
        move(target, S.PUBLISHING, now, translate("Publisher", "Sending (due {due}, {late} late)")
             .format(due=to_iso(post.planned_at), late=minutes(started["lateness"])))
        started["post"] = post.to_doc()
        return "go"

    post, verdict = pub.records.mutate(post_id, account_id, begin)
    if verdict == "needs_auth":
        pub.emit(ev.PublishEvent(ev.NEEDS_AUTH, post_id, account_id))
    if verdict != "go":
        return None if verdict in (None, False) else str(verdict)
    attempt = started["attempt"]
    try:
        request = request_for(pub, post, attempt)
    except Exception as exc:  # an image that cannot be prepared: nothing was sent
        log.warning("cannot prepare post %s: %s", post_id, exc)
        return _finish(pub, attempt, rec.FAILED, S.FAILED,
                       translate("Publisher", "The post could not be prepared: {reason}")
                       .format(reason=str(exc)))
    connector = pub.connector_for(account)
    try:
        result = connector.publish(request)
    except Exception as exc:  # noqa: BLE001 - every error has a meaning below
        return on_error(pub, attempt, exc, connector=connector, request=request, host=host)
    return on_result(pub, attempt, result, started["lateness"])


def on_result(pub: Publisher, attempt: dict, result: PublishResult, lateness: float | None) -> str:
    now = pub.clock.now()
    pub.gates.note_result(attempt["account_id"], result.extra or {})

    def done(post: Post, target: Target):
        target.remote_id = result.remote_id
        target.remote_url = result.remote_url
        target.published_at = to_iso(now)
        target.not_before = None
        target.error = None
        late = lateness if lateness is not None else (now - post.planned_at).total_seconds()
        target.lateness_s = target.lateness_s if lateness is None else lateness
        settle(target, S.PUBLISHED, now, translate(
            "Publisher", "Published: due {due}, sent {sent}, confirmed {confirmed}, {late} late, {url}"
        ).format(due=to_iso(post.planned_at), sent=attempt["started_at"], confirmed=to_iso(now),
                 late=minutes(max(0.0, late)), url=result.remote_url or result.remote_id))

    with pub.records.batch():  # the outcome and the target in one durable write
        pub.records.close_attempt(attempt, rec.PUBLISHED, now, remote_id=result.remote_id,
                                  remote_url=result.remote_url)
        pub.records.mutate(attempt["post_id"], attempt["account_id"], done)
    pub.emit(ev.PublishEvent(ev.PUBLISHED, attempt["post_id"], attempt["account_id"],
                             data={"remote_id": result.remote_id, "remote_url": result.remote_url}))
    return str(S.PUBLISHED)


def _finish(pub: Publisher, attempt: dict, outcome: str, state: TargetState, note: str, *,
            not_before: datetime | None = None, kind: str | None = None) -> str:
    now = pub.clock.now()

    def apply(post: Post, target: Target):
        if target.state != S.PUBLISHING:
            return False
        target.error = note if state in (S.FAILED, S.RETRY_WAIT, S.NEEDS_AUTH, S.UNCONFIRMED) else None
        target.not_before = to_iso(not_before) if not_before else None
        move(target, state, now, note)

    with pub.records.batch():
        pub.records.close_attempt(attempt, outcome, now, reason=note)
        pub.records.mutate(attempt["post_id"], attempt["account_id"], apply)
    event = kind or {S.FAILED: ev.FAILED, S.NEEDS_AUTH: ev.NEEDS_AUTH,
                     S.UNCONFIRMED: ev.UNCONFIRMED}.get(state, ev.STATE)
    pub.emit(ev.PublishEvent(event, attempt["post_id"], attempt["account_id"], message=note,
                             data={"state": str(state)}))
    return str(state)


def on_error(pub: Publisher, attempt: dict, exc: BaseException, *, connector, request,
             host: str) -> str:
    now = pub.clock.now()
    account_id = attempt["account_id"]
    reason = getattr(exc, "reason", "") or exc.__class__.__name__
    if isinstance(exc, RateLimited):
        pub.gates.block(account_id, exc.retry_at)
        return _finish(pub, attempt, rec.RATE_LIMITED, S.RETRY_WAIT,
                       translate("Publisher", "The network asked to wait until {at}")
                       .format(at=to_iso(exc.retry_at)), not_before=exc.retry_at)
    if isinstance(exc, Offline):
        pub.monitor.mark_down(host)
        return _finish(pub, attempt, rec.OFFLINE, S.WAITING_NETWORK,
                       translate("Publisher", "Waiting for the network"))
    if isinstance(exc, AuthExpired):
        pub.mark_needs_auth(account_id)
        return _finish(pub, attempt, rec.AUTH, S.NEEDS_AUTH,
                       translate("Publisher", "Sign in again to this account: {reason}")
                       .format(reason=reason))
    if isinstance(exc, Permanent):
        return _finish(pub, attempt, rec.FAILED, S.FAILED,
                       translate("Publisher", "The network refused the post: {reason}")
                       .format(reason=reason))
    if isinstance(exc, Transient):
        failures = pub.records.failures_in_a_row(attempt["post_id"], account_id) + 1
        if pub.backoff.gives_up(failures):
            return _finish(pub, attempt, rec.FAILED, S.FAILED,
                           translate("Publisher", "Gave up after {n} tries: {reason}")
                           .format(n=failures, reason=reason))
        wait = pub.backoff.delay_s(failures)
        return _finish(pub, attempt, rec.TRANSIENT, S.RETRY_WAIT,
                       translate("Publisher", "Temporary error, next try in {wait}: {reason}")
                       .format(wait=minutes(wait), reason=reason),
                       not_before=now + timedelta(seconds=wait))
    # Unconfirmed, or an unexpected error after the request may have left: ask the network.
    if not isinstance(exc, (Unconfirmed, ConnectorError)):
        log.error("connector error while publishing", exc_info=exc)
    return resolve(pub, attempt, connector=connector, request=request)


def resolve(pub: Publisher, attempt: dict, *, connector, request) -> str | None:
    """Ask the network whether an open attempt went out. Leaves it open if it cannot ask yet."""
    try:
        found = connector.lookup(request)
    except (Unconfirmed, Permanent) as exc:
        # A question that got no answer (the link died again) is not "the network cannot tell":
        # if the host is unreachable, wait for it without counting; otherwise ask again a few
        # times, further apart (the attempt stays open, the account waits), before handing it
        # to the user.
        account = pub.account(attempt["account_id"])
        if isinstance(exc, Unconfirmed) and account is not None \
                and not pub.monitor.probe_now(host_of(account)):
            pub.monitor.mark_down(host_of(account))
            pub.defer_recovery(attempt["id"])
            return None
        attempt["lookups"] = attempt.get("lookups", 0) + 1
        if attempt["lookups"] < MAX_LOOKUPS:
            log.info("lookup inconclusive (%s), asking again later", exc.reason)
            pub.records.record_inconclusive_lookup(attempt)
            pub.defer_recovery(attempt["id"], factor=2 ** (attempt["lookups"] - 1))
            return None
        note = translate("Publisher", "We cannot tell whether this post went out. Check the "
                                      "account, then confirm, send again or give up.")
        pub.records.close_attempt(attempt, rec.UNCONFIRMED, pub.clock.now(), reason=note)
        _set_state(pub, attempt, S.UNCONFIRMED, note)
        pub.emit(ev.PublishEvent(ev.UNCONFIRMED, attempt["post_id"], attempt["account_id"],
                                 message=note))
        return str(S.UNCONFIRMED)
    except AuthExpired:
        pub.mark_needs_auth(attempt["account_id"])
        pub.defer_recovery(attempt["id"])
        return None
    except Exception as exc:  # noqa: BLE001 - Transient, RateLimited, any other: ask later
        if isinstance(exc, RateLimited):
            pub.gates.block(attempt["account_id"], exc.retry_at)
        if isinstance(exc, Offline):
            account = pub.account(attempt["account_id"])
            if account is not None:
                pub.monitor.mark_down(host_of(account))
        pub.defer_recovery(attempt["id"])
        return None
    if found is None:
        # The network does not have it: sending again (same key) cannot make a second post.
        pub.records.close_attempt(attempt, rec.NOT_SENT, pub.clock.now())
        back = S.SCHEDULED if attempt.get("kind") == "hand_off" else S.DUE
        _set_state(pub, attempt, back, translate("Publisher", "Not received by the network; "
                                                             "will be sent again"))
        pub.wake()
        return str(back)
    if attempt.get("kind") == "hand_off":
        from cmdesk.core.publish.handoff import handed_off

        return handed_off(pub, attempt, found)
    return on_result(pub, attempt, found, None)


def _set_state(pub: Publisher, attempt: dict, state: TargetState, note: str) -> None:
    now = pub.clock.now()

    def apply(post: Post, target: Target):
        if target.state not in (S.PUBLISHING, S.DUE, S.SCHEDULED, S.RETRY_WAIT, S.WAITING_NETWORK):
            return False
        if target.state != S.PUBLISHING:
            # A crash between the attempt and the target write left the target behind.
            move(target, S.PUBLISHING, now, translate("Publisher", "Checking an interrupted send"))
        target.error = note if state == S.UNCONFIRMED else None
        move(target, state, now, note)

    pub.records.mutate(attempt["post_id"], attempt["account_id"], apply)
