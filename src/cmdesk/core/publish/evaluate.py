# SPDX-License-Identifier: GPL-3.0-or-later
"""Looking at one post at an instant: which targets fall due (and what the catch-up policy says
about late ones), which can go out, which wait for the network or a sign-in, and when to look
again. Pure decisions on an in-memory post: the engine saves and dispatches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from cmdesk.core.i18n import translate
from cmdesk.core.model import Account, Post, TargetState, from_iso, to_iso
from cmdesk.core.publish import events as ev
from cmdesk.core.publish.lanes import Item
from cmdesk.core.publish.sender import minutes
from cmdesk.core.publish.states import move

S = TargetState

POLICIES = ("publish", "ask", "skip")
DEFAULT_CATCH_UP_MINUTES = 60
DEFAULT_POLICY = "ask"
PREARM = timedelta(seconds=3)  # look at a post this long before its instant


@dataclass
class CatchUp:
    minutes: float = DEFAULT_CATCH_UP_MINUTES
    policy: str = DEFAULT_POLICY  # beyond ``minutes`` late: publish | ask | skip

    def allows(self, late_s: float) -> bool:
        """May a post this late go out without the policy's decision?"""
        return late_s <= self.minutes * 60 or self.policy == "publish"


@dataclass
class Plan:
    changed: bool = False
    items: list[tuple[str, Item]] = field(default_factory=list)  # (account id, item)
    alarm: datetime | None = None
    events: list[ev.PublishEvent] = field(default_factory=list)


# Targets in these states need the publisher's attention; a post with none of them (all
# published, failed, unconfirmed, handed off or drafts) is left alone until it changes.
ACTIVE = frozenset({S.SCHEDULED, S.DUE, S.PUBLISHING, S.RETRY_WAIT, S.WAITING_NETWORK,
                     S.NEEDS_AUTH})

# A post whose targets are all in these states only waits for time: until its next instant,
# every pass would decide the same (unless it or an account changes), so it can sleep.
WAITS_FOR_TIME = frozenset({S.SCHEDULED, S.RETRY_WAIT, S.PUBLISHED, S.FAILED, S.UNCONFIRMED,
                            S.HANDED_OFF})


def is_active(post: Post) -> bool:
    return any(t.state in ACTIVE or (t.state == S.DRAFT and post.planned_at is not None)
               for t in post.targets)


def plan_post(post: Post, now: datetime, accounts: dict[str, Account], catch_up: CatchUp,
              online, may_hand_off) -> Plan:
    """``online(account)`` and ``may_hand_off(post, target)`` come from the engine."""
    plan = Plan()

    def step(target, state, note=""):
        move(target, state, now, note)
        plan.changed = True

    if post.planned_at is None:
        for t in post.targets:
            if t.state in (S.SCHEDULED, S.DUE, S.RETRY_WAIT, S.WAITING_NETWORK, S.NEEDS_AUTH):
                t.needs_decision = False
                step(t, S.DRAFT, translate("Publisher", "Unscheduled"))
        return plan
    order = (to_iso(post.planned_at), to_iso(post.created_at), post.id)
    for t in post.targets:
        account = accounts.get(t.account_id)
        if account is None or account.status == "disabled":
            continue
        if t.state == S.DRAFT:
            step(t, S.SCHEDULED, translate("Publisher", "Scheduled for {at}").format(at=to_iso(post.planned_at)))
        if t.state in (S.DUE, S.RETRY_WAIT, S.WAITING_NETWORK, S.NEEDS_AUTH) and post.planned_at > now:
            # Moved to the future before it went out: wait again.
            t.needs_decision = False
            t.not_before = None
            step(t, S.SCHEDULED, translate("Publisher", "Moved to {at}").format(at=to_iso(post.planned_at)))
        if t.state == S.SCHEDULED:
            if post.planned_at > now:
                if may_hand_off(post, t):
                    plan.items.append((t.account_id, Item("hand_off", post.id, order)))
                    plan.alarm = _earliest(plan.alarm, post.planned_at)
                elif post.planned_at - now <= PREARM:
                    # Armed: the lane holds it and sends at the instant itself, so reading the
                    # store and deciding happen before the minute, not at it.
                    # No alarm at the instant itself: a look at the whole store then would only
                    # compete with the sends (the sweep is the safety net).
                    plan.items.append((t.account_id, Item("send", post.id, order,
                                                          at=post.planned_at)))
                else:
                    plan.alarm = _earliest(plan.alarm, post.planned_at - PREARM)
                continue
            late_s = (now - post.planned_at).total_seconds()
            if online(account) and catch_up.allows(late_s):
                # Straight to the lane: the sender records "due" and "publishing" in one write,
                # so a thousand posts due at one minute do not wait for a thousand writes first.
                plan.items.append((t.account_id, Item("send", post.id, order)))
                continue
            _fall_due(t, post, now, catch_up, plan, step)
        if t.state == S.NEEDS_AUTH and account.status == "connected":
            step(t, S.DUE, translate("Publisher", "Account signed in again"))
        if t.state == S.DUE and not t.needs_decision:
            if not online(account):
                step(t, S.WAITING_NETWORK, translate("Publisher", "Waiting for the network"))
            else:
                plan.items.append((t.account_id, Item("send", post.id, order)))
        elif t.state == S.WAITING_NETWORK and online(account):
            plan.items.append((t.account_id, Item("send", post.id, order, flush=True)))
        elif t.state == S.PUBLISHING:
            # In flight while we looked: keep its place in the queue. If it comes back waiting
            # for the network, the lane sends it before the later posts it must precede (the
            # sender re-checks the state, so a finished one is skipped).
            plan.items.append((t.account_id, Item("send", post.id, order, flush=True)))
        elif t.state == S.RETRY_WAIT:
            not_before = from_iso(t.not_before)
            if not_before is None or not_before <= now:
                plan.items.append((t.account_id, Item("send", post.id, order)))
            else:
                plan.alarm = _earliest(plan.alarm, not_before)
    return plan


def dormant_until(post: Post, plan: Plan) -> datetime | None:
    """The instant before which looking at ``post`` again is useless, if there is one."""
    if plan.items or plan.changed or plan.events or plan.alarm is None:
        return None
    if post.hand_off:
        return None  # eligibility for a hand-off changes with time too (the network's lead)
    if any(t.state not in WAITS_FOR_TIME or t.needs_decision for t in post.targets):
        return None
    return plan.alarm


def _fall_due(t, post, now, catch_up, plan, step) -> None:
    late_s = (now - post.planned_at).total_seconds()
    t.lateness_s = late_s
    note = translate("Publisher", "Due at {at}").format(at=to_iso(post.planned_at))
    if catch_up.allows(late_s):
        step(t, S.DUE, note if late_s < 1 else translate(
            "Publisher", "Due at {at}, caught up {late} late").format(at=to_iso(post.planned_at),
                                                                      late=minutes(late_s)))
    elif catch_up.policy == "skip":
        t.error = translate("Publisher", "Skipped: it was {late} late (catch-up policy)").format(
            late=minutes(late_s))
        step(t, S.DUE, note)
        step(t, S.FAILED, t.error)
    else:
        t.needs_decision = True
        step(t, S.DUE, translate("Publisher", "Due at {at}, {late} late: waiting for your decision")
             .format(at=to_iso(post.planned_at), late=minutes(late_s)))
        plan.events.append(ev.PublishEvent(
            ev.LATE_NEEDS_DECISION, post.id, t.account_id,
            message=translate("Publisher", "A post is {late} late: publish it now or skip it?")
            .format(late=minutes(late_s)), data={"lateness_s": late_s}))


def _earliest(a: datetime | None, b: datetime) -> datetime:
    return b if a is None or b < a else a
