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
from cmdesk.core.publish.evaluate import ACTIVE, CatchUp, dormant_until, is_active, plan_post
from cmdesk.core.publish.lanes import Item, Lane

if TYPE_CHECKING:
    from cmdesk.core.publish.engine import Publisher

log = logging.getLogger(__name__)
WRITE_CHUNK = 100  # posts saved per durable write when a pass moves many targets
NEXT_LOOK = "next-look"  # the alarm runner's key for the publisher's own alarm


class PassMixin:
    def evaluate(self: Publisher) -> None:
        self.check_clock_jump()
        with self._state:
            changed, self._changed = self._changed, set()
        for post_id in changed:
            self._follow_change(post_id)
        with self._state:
            self._woken_in_pass = set()  # from here on, a wake comes after the pass read the post
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
        asleep: dict[str, object] = {}
        first_read: dict = {}
        for post_id in self._active_ids(now, first_read):
            post = first_read.pop(post_id, None) or self.workspace.posts.get(post_id)
            if post is None or not is_active(post):
                self._active.discard(post_id)
                continue
            plan = plan_post(post, now, accounts, catch_up, online, self._may_hand_off)
            plans.append((post.id, plan))
            until = dormant_until(post, plan)
            if until is not None:
                asleep[post.id] = until
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
        next_look = None
        for post_id, plan in plans:
            for account_id, item in plan.items:
                # Nothing is queued for an account whose host is down in this pass's view: when
                # it comes back, the next pass queues everything of it in due order.
                if reachable.get(account_id, False):
                    per_account.setdefault(account_id, []).append(item)
            for event in plan.events:
                self.emit(event)
            if plan.alarm is not None and (next_look is None or plan.alarm < next_look):
                next_look = plan.alarm
        self._put_to_sleep(asleep)
        self._set_next_look(next_look)
        for account_id in {a for a, _ in self._orphans.values()}:
            per_account.setdefault(account_id, [])
        for post_id, account_id in confirm.due(self, now):  # handed off, its time passed
            self._lane(account_id).add(Item("confirm", post_id))
        for account_id, items in per_account.items():
            if any(item.at is not None for item in items) and account_id in accounts:
                self._warm(accounts[account_id])
            self._lane(account_id).offer(items, epoch)

    def _active_ids(self, now, first_read: dict) -> list[str]:
        """Posts that may need a decision now. Built once by a full scan (whose decoded posts
        go in ``first_read``, so the first pass does not decode them twice); then kept by change
        events and our own actions, so a workspace with years of history is not re-read every
        pass; posts that only wait for a later instant sleep until it (dormant.py)."""
        with self._state:
            if self._active is None:
                # From the target-state index: only posts in play, plus planned drafts (which
                # fall due), never the published history or the unscheduled pile.
                posts = self.workspace.posts
                found = [*posts.with_target_states(ACTIVE),
                         *posts.with_target_states([TargetState.DRAFT], planned=True)]
                first_read.update((p.id, p) for p in found if is_active(p))
                self._active = set(first_read)
            self._active.update(self._dormant.wake_due(now))
            return list(self._active)

    def _put_to_sleep(self, asleep: dict) -> None:
        with self._state:
            for post_id, until in asleep.items():
                # A change or an action (publish now) that came in during this pass was not
                # seen by its plan: the post stays awake for the next pass.
                if post_id not in self._changed and post_id not in self._woken_in_pass:
                    self._active.discard(post_id)
                    self._dormant.put(post_id, until)

    def _set_next_look(self, awake_next) -> None:
        """One alarm for the whole publisher: the earliest instant of an awake or dormant post."""
        self._next_look = min((t for t in (awake_next, self._dormant.next_instant()) if t is not None),
                              default=None)
        if self._runner is not None:
            if self._next_look is not None:
                self._runner.set_alarm(NEXT_LOOK, self._next_look)
            else:
                self._runner.clear(NEXT_LOOK)

    def next_look(self):
        """When the publisher looks at the store next, unless something changes before."""
        return self._next_look

    def mark_active(self, post_id: str) -> None:
        with self._state:
            self._dormant.wake(post_id)
            self._woken_in_pass.add(post_id)
            if self._active is not None:
                self._active.add(post_id)

    def wake_dormant(self) -> None:
        """Accounts changed: every decision may differ."""
        with self._state:
            woken = self._dormant.wake_all()
            if self._active is not None:
                self._active.update(woken)

    def _follow_change(self, post_id: str) -> None:

        post = self.workspace.posts.get(post_id)
        if post is not None and is_active(post):
            self.mark_active(post_id)
        if post is None:
            with self._state:
                self._dormant.wake(post_id)
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
