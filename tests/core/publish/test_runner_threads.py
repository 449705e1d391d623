# SPDX-License-Identifier: GPL-3.0-or-later
"""The real thing on the real clock: APScheduler alarms follow the store, and the threaded
publisher sends at the planned instant (waiting on events, never sleeping)."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from cmdesk.core.clock import SystemClock
from cmdesk.core.model import Post, Target, TargetState, from_iso, utc_now
from cmdesk.core.publish import events as ev
from cmdesk.core.publish.engine import Publisher
from cmdesk.core.publish.evaluate import PREARM
from cmdesk.core.publish.passes import NEXT_LOOK
from cmdesk.core.schedule.runner import AlarmRunner
from tests.core.publish.fakes import FakeFactory, FakeNetwork, add_account, add_post, target

S = TargetState


@pytest.fixture
def live(workspace):
    net = FakeNetwork()
    pub = Publisher(workspace, FakeFactory(net), clock=SystemClock(), probe=lambda h: True)
    pub.start()
    yield pub, net
    pub.stop()


def _wait_for(pub, predicate, timeout=10.0):
    done = threading.Event()

    def check(_event=None):
        if predicate():
            done.set()

    unsubscribe = pub.subscribe(check)
    check()
    try:
        assert done.wait(timeout)
    finally:
        unsubscribe()


def test_runner_defaults_are_chosen_not_inherited():
    runner = AlarmRunner(lambda: None)
    defaults = runner._scheduler._job_defaults
    assert defaults["misfire_grace_time"] is None and defaults["coalesce"] is True


def test_alarms_follow_moves_and_deletes(live, workspace):
    pub, _ = live
    acc = add_account(workspace)
    at = utc_now().replace(microsecond=0) + timedelta(hours=3)
    a = add_post(workspace, at, [acc])
    b = add_post(workspace, at + timedelta(hours=1), [acc])
    assert pub.wait_idle()
    # One alarm, at the earliest post, a little ahead: the lane then holds the post and sends
    # at the instant. Both posts sleep until then (a pass does not look at them).
    alarm = lambda: pub._runner.alarms().get(NEXT_LOOK)
    _wait_until(lambda: alarm() == at - PREARM)
    moved = workspace.posts.get(a.id)
    moved.planned_at = at + timedelta(days=1)
    workspace.posts.save(moved)
    _wait_until(lambda: alarm() == at + timedelta(hours=1) - PREARM)  # b is first now
    workspace.posts.delete(b.id)
    _wait_until(lambda: alarm() == at + timedelta(days=1) - PREARM)
    workspace.posts.delete(a.id)
    _wait_until(lambda: alarm() is None)


def _wait_until(predicate, timeout=10.0):
    event = threading.Event()
    deadline = threading.Timer(timeout, event.set)
    deadline.start()
    try:
        while not predicate():
            assert not event.is_set(), "condition not reached in time"
            event.wait(0.02)
    finally:
        deadline.cancel()


def test_post_goes_out_at_its_instant_with_the_alarm(live, workspace):
    pub, net = live
    acc = add_account(workspace)
    got = threading.Event()
    pub.subscribe(lambda e: got.set() if e.kind == ev.PUBLISHED else None)
    planned = utc_now() + timedelta(milliseconds=400)
    post = add_post(workspace, planned, [acc])
    assert got.wait(10)
    t = target(workspace, post.id)
    assert t.state == S.PUBLISHED and 0 <= t.lateness_s < 2.0 and len(net.sent) == 1


def test_a_sleeping_post_is_woken_by_the_alarm_and_goes_out_at_its_instant(live, workspace):
    """Planned beyond the arming lead, the post sleeps; the publisher's one APScheduler alarm
    wakes it, the lane holds it and sends at the instant."""
    pub, net = live
    acc = add_account(workspace)
    got = threading.Event()
    pub.subscribe(lambda e: got.set() if e.kind == ev.PUBLISHED else None)
    planned = utc_now() + PREARM + timedelta(seconds=2)
    post = workspace.posts.save(Post(text="hello", planned_at=planned,
                                     targets=[Target(acc.id, acc.network, state=S.SCHEDULED)]))
    _wait_until(lambda: post.id in pub._dormant)  # the first look found nothing to do before
    assert got.wait(15)
    t = target(workspace, post.id)
    assert t.state == S.PUBLISHED and 0 <= t.lateness_s < 2.0 and len(net.sent) == 1
    assert from_iso(t.published_at) >= planned  # not early


def test_accounts_publish_in_parallel_and_each_in_order(live, workspace):
    pub, net = live
    accounts = [add_account(workspace, name=f"a{i}") for i in range(3)]
    now = utc_now()
    posts = [add_post(workspace, now - timedelta(seconds=30 - i), [acc], text=f"{acc.name}-{i}")
             for i in range(5) for acc in accounts]
    _wait_for(pub, lambda: all(target(workspace, p.id).state == S.PUBLISHED for p in posts))
    for acc in accounts:
        assert [t for a, t in net.sent if a == acc.id] == [f"{acc.name}-{i}" for i in range(5)]
    assert len(pub._lanes) == 3


def test_threaded_publisher_notices_a_sleep_gap_at_once(workspace):
    from cmdesk.core.clock import FakeClock
    from tests.core.publish.fakes import later, utc

    clock = FakeClock(utc(2026, 6, 1, 8, 0))
    net = FakeNetwork()
    pub = Publisher(workspace, FakeFactory(net), clock=clock, probe=lambda h: True,
                    use_scheduler=False)
    got = threading.Event()
    pub.subscribe(lambda e: got.set() if e.kind == ev.PUBLISHED else None)
    acc = add_account(workspace)
    post = add_post(workspace, later(clock.now(), minutes=20), [acc])
    pub.start()
    try:
        assert pub.wait_idle()
        assert not got.is_set()
        clock.sleep_gap(25 * 60)  # woke up 25 minutes later: no alarm rang meanwhile
        assert got.wait(10)
        t = target(workspace, post.id)
        assert t.state == S.PUBLISHED and t.lateness_s == 300
    finally:
        pub.stop()


def test_a_slow_account_does_not_hold_the_others(live, workspace):
    pub, net = live
    slow, fast = add_account(workspace, name="slow"), add_account(workspace, name="fast")
    release = threading.Event()
    inner = pub.connectors.for_account(slow)

    class Stuck:
        def publish(self, request):
            assert release.wait(10)  # the slow network answers only when the test says so
            return inner.publish(request)

    pub._connectors[slow.id] = Stuck()
    fast_done = threading.Event()
    pub.subscribe(lambda e: fast_done.set() if e.kind == ev.PUBLISHED and e.account_id == fast.id
                  else None)
    now = utc_now() - timedelta(seconds=1)
    add_post(workspace, now, [slow], text="slow")
    add_post(workspace, now, [fast], text="fast")
    try:
        assert fast_done.wait(10)  # went out while the slow account's request hangs
        assert [t for _, t in net.sent] == ["fast"]
    finally:
        release.set()
    _wait_for(pub, lambda: len(net.sent) == 2)
