# SPDX-License-Identifier: GPL-3.0-or-later
"""One evaluation pass of the publisher: read the posts that may need a decision, move their
targets (due, waiting, late), and hand each account's lane its queue in due order.

A mixin of Publisher, kept apart because it is the part that reads the store as a whole.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from cmdesk.core.model import Account, TargetState
from cmdesk.core.publish import confirm
from cmdesk.core.publish.evaluate import ACTIVE, CatchUp, is_active, plan_post
from cmdesk.core.publish.lanes import Item, Lane

if TYPE_CHECKING:
    from cmdesk.core.publish.engine import Publisher

log = logging.getLogger(__name__)
WRITE_CHUNK = 100  # posts saved per durable write when a pass moves many targets


class PassMixin:
    def evaluate(self: Publisher) -> None:
        self.check_clock_jump()
        with self._state:
            changed, self._changed = self._changed, set()
        for post_id in changed:
            self._follow_change(post_id)
        now = self.clock.now()
        accounts = {a.id: a for a in self.workspace.accounts.all()}
        catch_up = self.catch_up()
        # One view of connectivity for the whole pass: a host coming back halfway through must
        # not let a later post be queued while an earlier one of the same account is not.
        epoch = self.monitor.epoch
        reachable = {a.id: self.is_online(a) for a in accounts.values()}
        online = lambda account: reachable.get(account.id, False)  # noqa: E731
        per_account: dict[str, list[Item]] = {a: [] for a in self._lanes}
        plans = []
        for post_id in self._active_ids():
            post = self.workspace.posts.get(post_id)
            if post is None or not is_active(post):
                self._active.discard(post_id)
                continue
            plans.append((post.id, plan_post(post, now, accounts, catch_up, online,
                                             self._may_hand_off)))
        changed = [i for i, (_, plan) in enumerate(plans) if plan.changed]
        for start in range(0, len(changed), WRITE_CHUNK):
            # Posts whose targets moved are saved a chunk per durable write (an import of a
            # thousand drafts is one fsync per chunk, not per post); each is re-read and
            # re-decided under the lock, so a step a lane took meanwhile is never overwritten.
            with self.records.batch():
                for i in changed[start:start + WRITE_CHUNK]:
                    post_id, _ = plans[i]
                    holder: dict = {}

                    def redo(fresh, holder=holder):
                        holder["plan"] = plan_post(fresh, now, accounts, catch_up, online,
                                                   self._may_hand_off)
                        return holder["plan"].changed

                    self.records.mutate_post(post_id, redo)
                    if "plan" in holder:
                        plans[i] = (post_id, holder["plan"])
        for post_id, plan in plans:
            for account_id, item in plan.items:
                # Nothing is queued for an account whose host is down in this pass's view: when
                # it comes back, the next pass queues everything of it in due order.
                if reachable.get(account_id, False):
                    per_account.setdefault(account_id, []).append(item)
            for event in plan.events:
                self.emit(event)
            if self._runner is not None:
                if plan.alarm is not None:
                    self._runner.set_alarm(post_id, plan.alarm)
                else:
                    self._runner.clear(post_id)
        for account_id in {a for a, _ in self._orphans.values()}:
            per_account.setdefault(account_id, [])
        for post_id, account_id in confirm.due(self, now):  # handed off, its time passed
            self._lane(account_id).add(Item("confirm", post_id))
        for account_id, items in per_account.items():
            if any(item.at is not None for item in items) and account_id in accounts:
                self._warm(accounts[account_id])
            self._lane(account_id).offer(items, epoch)

    def _active_ids(self) -> list[str]:
        """Posts that may need a decision. Built once by a full scan; then kept by change events
        and our own actions, so a workspace with years of history is not re-read every pass."""
        with self._state:
            if self._active is None:
                # From the target-state index: only posts in play, plus planned drafts (which
                # fall due), never the published history or the unscheduled pile.
                posts = self.workspace.posts
                found = [*posts.with_target_states(ACTIVE),
                         *posts.with_target_states([TargetState.DRAFT], planned=True)]
                self._active = {p.id for p in found if is_active(p)}
            return list(self._active)

    def mark_active(self, post_id: str) -> None:
        with self._state:
            if self._active is not None:
                self._active.add(post_id)

    def _follow_change(self, post_id: str) -> None:

        post = self.workspace.posts.get(post_id)
        if post is not None and is_active(post):
            self.mark_active(post_id)
        if post is None:
            if self._runner is not None:
                self._runner.clear(post_id)
            for attempt in self.workspace.attempts.for_post(post_id):
                if attempt.get("kind") == "hand_off" and attempt["outcome"] == "handed_off":
                    self._lane(attempt["account_id"]).add(Item("cancel", attempt["id"]))
            return
        for target in post.targets:
            self._refused_hand_offs.discard((post_id, target.account_id))
            if target.state == TargetState.HANDED_OFF:
                self._lane(target.account_id).add(Item("follow", post_id))

    def catch_up(self) -> CatchUp:
        """The workspace's catch-up policy (settings catch_up_minutes and catch_up_policy)."""
        settings = self.workspace.settings
        return CatchUp(float(settings.get_value("catch_up_minutes", 60)),
                       str(settings.get_value("catch_up_policy", "ask")))

    def _warm(self, account: Account) -> None:
        """Build the account's connector (session, secrets) before its post's instant."""
        try:
            self.connector_for(account)
        except Exception:  # the send itself will report it properly
            log.debug("could not prepare the connector of %s", account.id, exc_info=True)

    def _lane(self, account_id: str) -> Lane:
        with self._state:
            lane = self._lanes.get(account_id)
            if lane is None:
                lane = self._lanes[account_id] = Lane(self, account_id)
                if self._threaded and not self.stopping:
                    lane.start()
            return lane
