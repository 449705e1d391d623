# SPDX-License-Identifier: GPL-3.0-or-later
"""What the GUI and the command line ask of the publisher: retry, publish now, cancel, the
decisions on late and unconfirmed posts, and the outbox rows. Every call changes the store and
wakes the publisher; none sends on the caller's thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cmdesk.core.i18n import translate
from cmdesk.core.model import Post, Target, TargetState, to_iso
from cmdesk.core.publish import records as rec
from cmdesk.core.publish.lanes import Item
from cmdesk.core.publish.outbox import OutboxRow, outbox_rows
from cmdesk.core.publish.states import move

if TYPE_CHECKING:
    from cmdesk.core.publish.engine import Publisher

S = TargetState


class ActionRefused(ValueError):
    """The action does not apply to the target's state; the message is translated."""


class ActionsMixin:
    def outbox(self: Publisher) -> list[OutboxRow]:
        return outbox_rows(self.workspace, self.clock.now(), self.monitor)

    def _act(self: Publisher, post_id: str, account_id: str, allowed, apply) -> None:
        now = self.clock.now()

        def change(post: Post, target: Target):
            if target.state not in allowed:
                raise ActionRefused(translate(
                    "Publisher", "This post cannot do that while it is {state}.").format(
                        state=translate("TargetState", str(target.state))))
            apply(post, target, now)

        post, _ = self.records.mutate(post_id, account_id, change)
        if post is None:
            raise ActionRefused(translate("Publisher", "This post no longer exists."))
        self.mark_active(post_id)
        self.wake()

    def retry(self: Publisher, post_id: str, account_id: str) -> None:
        def apply(post, target, now):
            target.error = None
            target.not_before = None
            target.needs_decision = False
            future = post.planned_at is not None and post.planned_at > now
            move(target, S.SCHEDULED if future else S.DUE, now, translate("Publisher", "Retry asked"))

        self._act(post_id, account_id, (S.FAILED, S.RETRY_WAIT, S.WAITING_NETWORK, S.NEEDS_AUTH),
                  apply)

    def publish_now(self: Publisher, post_id: str) -> int:
        """Send every target of the post that has not gone out, now; returns how many."""
        now = self.clock.now()
        chosen: list[str] = []

        def change(post: Post) -> bool:
            handed_off = any(t.state == S.HANDED_OFF for t in post.targets)
            if post.planned_at is None or (post.planned_at > now and not handed_off):
                # Sent now: the calendar shows it where it went out, and a pass before the send
                # (or while offline) must not take "due" back to "scheduled" for the old time.
                # A copy already handed off to a network keeps the time it was handed off for.
                post.planned_at = now
            for target in post.targets:
                if target.state in (S.SCHEDULED, S.DUE, S.RETRY_WAIT, S.WAITING_NETWORK,
                                    S.FAILED, S.DRAFT):
                    target.error = None
                    target.not_before = None
                    target.needs_decision = False
                    if target.state != S.DUE:
                        if target.state == S.DRAFT:
                            move(target, S.SCHEDULED, now)
                        move(target, S.DUE, now, translate("Publisher", "Publish now asked"))
                    chosen.append(target.account_id)
            return bool(chosen)

        if self.records.mutate_post(post_id, change) is None:
            raise ActionRefused(translate("Publisher", "This post no longer exists."))
        self.mark_active(post_id)
        for account_id in chosen:
            self._lane(account_id).add(Item("send", post_id, ("", post_id), force=True))
        return len(chosen)

    def cancel(self: Publisher, post_id: str, account_id: str) -> None:
        from cmdesk.core.publish.handoff import cancel_remote

        post = self.workspace.posts.get(post_id)
        target = next((t for t in post.targets if t.account_id == account_id), None) if post else None
        if target is not None and target.state == S.HANDED_OFF:
            handed = [a for a in self.records.attempts_for(post_id, account_id)
                      if a.get("kind") == "hand_off" and a["outcome"] == rec.HANDED_OFF]
            if handed and not cancel_remote(self, handed[-1]):
                raise ActionRefused(translate("Publisher", "The network did not cancel its copy."))

        def apply(post, target, now):
            target.error = translate("Publisher", "Cancelled")
            target.needs_decision = False
            target.not_before = None
            move(target, S.FAILED, now, target.error)

        self._act(post_id, account_id, (S.DRAFT, S.SCHEDULED, S.DUE, S.RETRY_WAIT,
                                        S.WAITING_NETWORK, S.NEEDS_AUTH, S.HANDED_OFF), apply)

    def skip_late(self: Publisher, post_id: str, account_id: str) -> None:
        def apply(post, target, now):
            target.needs_decision = False
            target.error = translate("Publisher", "Skipped: too late")
            move(target, S.FAILED, now, target.error)

        self._act(post_id, account_id, (S.DUE,), apply)

    # ---- unconfirmed: the user decides ---------------------------------------------------------
    def _last_unconfirmed(self: Publisher, post_id: str, account_id: str) -> dict | None:
        found = [a for a in self.records.attempts_for(post_id, account_id)
                 if a["outcome"] == rec.UNCONFIRMED]
        return found[-1] if found else None

    def confirm_published(self: Publisher, post_id: str, account_id: str,
                          remote_url: str | None = None) -> None:
        attempt = self._last_unconfirmed(post_id, account_id)

        def apply(post, target, now):
            target.remote_url = remote_url or target.remote_url
            target.error = None
            target.published_at = to_iso(now)
            move(target, S.PUBLISHED, now, translate("Publisher", "You confirmed it went out"))

        self._act(post_id, account_id, (S.UNCONFIRMED,), apply)
        if attempt is not None:
            self.records.close_attempt(attempt, rec.CONFIRMED, self.clock.now())

    def retry_anyway(self: Publisher, post_id: str, account_id: str) -> None:
        """The user checked: it did not go out. Send again, under a new key."""
        attempt = self._last_unconfirmed(post_id, account_id)

        def apply(post, target, now):
            target.error = None
            move(target, S.DUE, now, translate("Publisher", "You asked to send it again"))

        self._act(post_id, account_id, (S.UNCONFIRMED,), apply)
        if attempt is not None:
            self.records.close_attempt(attempt, rec.ABANDONED, self.clock.now())

    def give_up(self: Publisher, post_id: str, account_id: str) -> None:
        def apply(post, target, now):
            target.error = translate("Publisher", "You gave up on this post")
            move(target, S.FAILED, now, target.error)

        self._act(post_id, account_id, (S.UNCONFIRMED,), apply)
