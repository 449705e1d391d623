# SPDX-License-Identifier: GPL-3.0-or-later
"""Updating a handed-off copy as its own journaled hand-off attempt.

An edit Mastodon cannot apply in place is a delete followed by a new scheduled copy. Between the
two, nothing is on the network; a crash or a failure there must not leave a post that says
"handed off" while nothing publishes it. So the update is opened as an attempt (durable, with
its new idempotency key and the id of the copy it replaces) before the first request, and the
connector checkpoints ``deleted`` once the old copy is gone. Whoever finishes it (the same pass
after a failure, or recovery after a restart) knows where it stands:

- old copy still there: finish the update (same key);
- old copy gone by our hand: ask the network for the new copy by its key; adopt it, or hand the
  post off again with the same key (or publish it from here when it is too late to hand off);
- old copy gone and not by us (its time passed: the network may have published it): the user
  decides (unconfirmed), never a second copy.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from cmdesk.core.connectors.base import PublishRequest, PublishResult
from cmdesk.core.connectors.errors import AuthExpired, ConnectorError, Gone, Permanent, RateLimited
from cmdesk.core.i18n import translate
from cmdesk.core.model import Post, Target, TargetState, from_iso, to_iso
from cmdesk.core.publish import events as ev
from cmdesk.core.publish import records as rec
from cmdesk.core.publish.prepare import fingerprint, request_for
from cmdesk.core.publish.states import move

if TYPE_CHECKING:
    from cmdesk.core.publish.engine import Publisher

log = logging.getLogger(__name__)
S = TargetState
REPLACES = "replaces"  # progress: the remote id of the copy this attempt replaces
DELETED = "deleted"  # progress (checkpointed by the connector): that copy is gone, by our hand
OLD_AT = "old_at"  # progress: when the replaced copy was due (after it, gone may mean published)


def is_replacement(attempt: dict) -> bool:
    return bool((attempt.get("progress") or {}).get(REPLACES))


def replace(pub: Publisher, old: dict, post_id: str, account_id: str, connector) -> None:
    """Bring the network's copy in line with the edited post (``old``: its hand-off attempt)."""
    now = pub.clock.now()
    started: dict = {}

    def begin(post: Post, target: Target):
        if target.state != S.HANDED_OFF or pub.records.in_flight(post.id, account_id):
            return False
        started["attempt"] = pub.records.open_attempt(
            post, target, pub.new_key(target.network), now, kind="hand_off",
            fingerprint=fingerprint(post, target.network),
            progress={REPLACES: old["remote_id"], "replaced_attempt": old["id"],
                      OLD_AT: old.get("planned_at")})
        started["post"] = Post.from_doc(post.to_doc())
        move(target, S.PUBLISHING, now, translate("Publisher", "Updating the copy the network holds"))

    pub.records.mutate(post_id, account_id, begin)
    if "attempt" not in started:
        return
    attempt, post = started["attempt"], started["post"]
    request = request_for(pub, post, attempt)
    try:
        result = connector.update_hand_off(old["remote_id"], request, post.planned_at)
    except ConnectorError as exc:
        log.warning("updating a handed-off post failed: %s", exc.reason)
        settle(pub, attempt, connector, request, post, error=exc)
        return
    _adopt(pub, attempt, result)


def settle(pub: Publisher, attempt: dict, connector, request: PublishRequest, post: Post,
           error: ConnectorError | None = None) -> str | None:
    """Finish a replacement that failed (``error``) or was cut short by a crash (no error)."""
    from cmdesk.core.publish.handoff import eligible

    now = pub.clock.now()
    progress = request.progress
    old_id = progress[REPLACES]
    target = next((t for t in post.targets if t.account_id == attempt["account_id"]), None)
    # The update found no old copy before it touched anything: someone else removed it.
    found_gone = isinstance(error, Gone)
    if not progress.get(DELETED):
        if error is None and target is not None and eligible(pub, post, target, now):
            try:  # the old copy may still be there: finish the update, same key
                return _adopt(pub, attempt, connector.update_hand_off(old_id, request, post.planned_at))
            except ConnectorError as exc:
                error = exc
        if not isinstance(error, Gone):
            try:
                connector.cancel_hand_off(old_id)
            except Gone as exc:
                error = exc
            except Permanent as exc:
                # The network will not say where the old copy stands: the user looks.
                return _unconfirmed(pub, attempt, exc.reason)
            except ConnectorError as exc:
                log.warning("the replaced copy could not be cancelled yet: %s", exc.reason)
                if isinstance(exc, AuthExpired):
                    pub.mark_needs_auth(attempt["account_id"])  # the user is told to sign in
                pub.defer_recovery(attempt["id"])  # still unknown: ask again later
                return None
        if isinstance(error, Gone) and (found_gone or error.published
                                        or not _gone_by_our_hand(progress, now)):
            return _not_ours(pub, attempt, connector, error)
        request.save_progress(**{DELETED: old_id})
    _close_replaced(pub, attempt)
    if isinstance(error, (Permanent, RateLimited)) and not isinstance(error, Gone):
        # A clear refusal: the network made no new copy. It stays on this computer.
        from cmdesk.core.publish.handoff import refused

        pub.records.close_attempt(attempt, rec.REFUSED, now, reason=error.reason)
        _back_home(pub, attempt)
        return refused(pub, attempt["post_id"], attempt["account_id"], translate(
            "Publisher", "The network did not take the updated post ({reason}); it stays on "
                         "this computer.").format(reason=error.reason))
    from cmdesk.core.publish.sender import resolve

    # Did the new copy get made? Its key finds it; if not, the target goes back to scheduled and
    # is handed off again under the same key (or published from here when too late).
    state = resolve(pub, attempt, connector=connector, request=request)
    pub.mark_active(attempt["post_id"])
    return state


def _gone_by_our_hand(progress: dict, now: datetime) -> bool:
    """The old copy is gone, and its time has not come: the network did not publish it, so it
    was our delete (whose answer was lost). Unknown time: it may have been published."""
    old_at = from_iso(progress.get(OLD_AT))
    return old_at is not None and old_at > now


def _adopt(pub: Publisher, attempt: dict, result: PublishResult) -> str:
    from cmdesk.core.publish.handoff import handed_off

    _close_replaced(pub, attempt)
    return handed_off(pub, attempt, result)


def _close_replaced(pub: Publisher, attempt: dict) -> None:
    old = pub.workspace.attempts.get((attempt.get("progress") or {}).get("replaced_attempt") or "")
    if old is not None and old["outcome"] == rec.HANDED_OFF:
        pub.records.close_attempt(old, rec.CANCELLED, pub.clock.now(),
                                  reason=translate("Publisher", "Replaced by an updated copy"))


def _back_home(pub: Publisher, attempt: dict) -> None:
    now = pub.clock.now()

    def apply(post: Post, target: Target):
        if target.state != S.PUBLISHING:
            return False
        target.remote_id = None
        target.remote_url = None
        move(target, S.SCHEDULED, now, translate("Publisher", "Kept on this computer"))

    pub.records.mutate(attempt["post_id"], attempt["account_id"], apply)
    pub.mark_active(attempt["post_id"])
    pub.wake()


def gone_note(reason: str) -> str:
    return translate("Publisher", "{reason} Check the account, then confirm it went out, send "
                                  "it again or give up.").format(reason=reason)


def _unconfirmed(pub: Publisher, attempt: dict, reason: str) -> str:
    note = gone_note(reason)
    pub.records.close_attempt(attempt, rec.UNCONFIRMED, pub.clock.now(), reason=note)
    mark_unconfirmed(pub, attempt["post_id"], attempt["account_id"], note)
    return str(S.UNCONFIRMED)


def _not_ours(pub: Publisher, attempt: dict, connector, error: Gone) -> str:
    """The copy being replaced vanished, and not by our delete: it may have been published.
    Nothing was made under this attempt; the copy's own attempt asks the network."""
    from cmdesk.core.publish.handoff import gone

    old = pub.workspace.attempts.get((attempt.get("progress") or {}).get("replaced_attempt") or "")
    if old is None:
        return _unconfirmed(pub, attempt, error.reason)
    pub.records.close_attempt(attempt, rec.CANCELLED, pub.clock.now(), reason=error.reason)
    return gone(pub, old, connector, error)


def mark_unconfirmed(pub: Publisher, post_id: str, account_id: str, note: str) -> None:
    now = pub.clock.now()

    def apply(post: Post, target: Target):
        if target.state not in (S.PUBLISHING, S.HANDED_OFF):
            return False
        if target.state == S.HANDED_OFF:
            move(target, S.PUBLISHING, now, translate("Publisher", "Checking the network's copy"))
        target.error = note
        move(target, S.UNCONFIRMED, now, note)

    pub.records.mutate(post_id, account_id, apply)
    pub.emit(ev.PublishEvent(ev.UNCONFIRMED, post_id, account_id, message=note))


def record_planned_at(post: Post | None) -> dict:
    """What a hand-off attempt keeps of the time its copy is due (see ``_gone_by_our_hand``)."""
    return {"planned_at": to_iso(post.planned_at)} if post is not None and post.planned_at else {}
