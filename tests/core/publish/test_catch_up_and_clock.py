# SPDX-License-Identifier: GPL-3.0-or-later
"""Late posts (app closed, laptop asleep), clock jumps and DST days on a fake clock."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from cmdesk.core.model import TargetState
from cmdesk.core.publish import events as ev
from tests.core.publish.fakes import add_account, add_post, later, target

S = TargetState
PARIS = ZoneInfo("Europe/Paris")


def test_a_little_late_is_published_with_its_lateness_recorded(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, later(clock.now(), minutes=-20), [acc])
    pub.tick()
    t = target(workspace, post.id)
    assert t.state == S.PUBLISHED and t.lateness_s == 1200
    assert any("20 min" in h.note for h in t.history)


@pytest.mark.parametrize("policy", ["ask", "skip", "publish"])
def test_too_late_follows_the_catch_up_policy(pub, workspace, clock, net, policy):
    workspace.settings.set_value("catch_up_policy", policy)
    workspace.settings.set_value("catch_up_minutes", 30)
    acc = add_account(workspace)
    post = add_post(workspace, later(clock.now(), minutes=-45), [acc])
    seen = []
    pub.subscribe(seen.append)
    pub.tick()
    t = target(workspace, post.id)
    assert t.lateness_s == 45 * 60
    if policy == "ask":
        assert t.state == S.DUE and t.needs_decision and net.sent == []
        (event,) = [e for e in seen if e.kind == ev.LATE_NEEDS_DECISION]
        assert "45 min" in event.message
        pub.tick()  # asking once is enough
        assert sum(e.kind == ev.LATE_NEEDS_DECISION for e in seen) == 1
        pub.publish_now(post.id)
        pub.tick()
        assert target(workspace, post.id).state == S.PUBLISHED and len(net.sent) == 1
    elif policy == "skip":
        assert t.state == S.FAILED and "45 min" in t.error and net.sent == []
    else:
        assert t.state == S.PUBLISHED and t.lateness_s == 2700


def test_skip_decision_on_a_late_post(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, later(clock.now(), hours=-3), [acc])
    pub.tick()
    pub.skip_late(post.id, acc.id)
    pub.tick()
    assert target(workspace, post.id).state == S.FAILED and net.sent == []


def test_sleep_gap_is_detected_and_due_posts_go_out_at_once(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, later(clock.now(), minutes=10), [acc])
    pub.tick()
    clock.sleep_gap(15 * 60)  # the lid was closed: the wall clock moved, the monotonic did not
    assert pub.check_clock_jump() == pytest.approx(900)
    assert pub.check_clock_jump() == 0.0
    pub.tick()
    t = target(workspace, post.id)
    assert t.state == S.PUBLISHED and t.lateness_s == 300  # shown as 5 min late, never on time


def test_wake_after_a_night_asks_about_old_posts_and_sends_recent_ones(pub, workspace, clock, net):
    acc = add_account(workspace)
    old = add_post(workspace, later(clock.now(), hours=1), [acc], text="old")
    recent = add_post(workspace, later(clock.now(), hours=8, minutes=50), [acc], text="recent")
    pub.tick()
    clock.sleep_gap(9 * 3600)
    pub.tick()
    assert target(workspace, old.id).needs_decision and target(workspace, old.id).state == S.DUE
    assert target(workspace, recent.id).state == S.PUBLISHED
    assert net.sent == [(acc.id, "recent")]


@pytest.mark.parametrize("day, local", [
    # 2026-03-29: 02:00 -> 03:00 in Paris; 2026-10-25: 03:00 -> 02:00.
    ("spring", [(1, 30), (3, 0), (3, 30), (4, 0)]),
    ("fall", [(1, 30), (2, 30), (3, 0), (4, 0)]),
])
def test_dst_days_in_paris_publish_each_post_once_at_its_instant(pub, workspace, clock, net, day, local):
    date = (2026, 3, 29) if day == "spring" else (2026, 10, 25)
    clock.set(datetime(*date, 0, 0, tzinfo=PARIS))
    acc = add_account(workspace)
    planned = [datetime(*date, h, m, tzinfo=PARIS) for h, m in local]
    if day == "fall":  # the ambiguous 02:30 happens twice: plan both instants
        planned.append(datetime(*date, 2, 30, fold=1, tzinfo=PARIS))
    posts = [add_post(workspace, at, [acc], text=at.isoformat(), zone="Europe/Paris") for at in planned]
    expected_order = [p.text for p in sorted(posts, key=lambda p: p.planned_at.astimezone(timezone.utc))]
    for _ in range(6 * 12):  # six hours, in five-minute steps of the fake clock
        clock.advance(300)
        pub.tick()
        for p in posts:
            t = target(workspace, p.id)
            if t.state == S.PUBLISHED:
                assert clock.now() >= p.planned_at and t.lateness_s < 300
    assert [text for _, text in net.sent] == expected_order
    assert len(net.sent) == len(posts)
    if day == "fall":
        # Same-zone datetimes compare as wall times (fold ignored): compare instants in UTC.
        utc_times = sorted(p.planned_at.astimezone(timezone.utc) for p in posts)
        assert len(set(utc_times)) == len(posts)  # the two 02:30 are an hour apart


def test_an_armed_post_held_through_a_long_sleep_follows_the_policy(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, later(clock.now(), seconds=2), [acc])
    pub.evaluate()  # armed in its lane, to go at its instant
    clock.sleep_gap(2 * 3600)  # the lid closed before the instant
    for lane in pub._lanes.values():
        lane.drain()
    assert net.sent == []  # not sent two hours late behind the policy's back
    pub.tick()
    t = target(workspace, post.id)
    assert t.state == S.DUE and t.needs_decision
