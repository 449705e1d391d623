# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash recovery (an attempt left open is resolved by asking, never by resending), hand-off to
networks that schedule on their own servers, and the one-publisher-per-workspace lock."""

from __future__ import annotations

import random

import pytest

from cmdesk.core.connectors.base import PublishResult
from cmdesk.core.connectors.errors import RateLimited, Transient, Unconfirmed
from cmdesk.core.model import TargetState
from cmdesk.core.publish import events as ev
from cmdesk.core.publish.backoff import Backoff
from cmdesk.core.publish.engine import Publisher
from cmdesk.core.publish.lock import WorkspaceBusy
from cmdesk.core.publish.records import Records
from cmdesk.core.publish.states import move
from tests.core.publish.fakes import FakeFactory, add_account, add_post, later, target

S = TargetState


def crash_mid_send(workspace, clock, post, acc, net=None, *, applied: bool):
    """What a process killed during the request leaves behind: an open attempt, a target in
    publishing, and (if ``applied``) the post on the network."""
    records = Records(workspace)
    key = "key-" + post.id

    def begin(p, t):
        records.open_attempt(p, t, key, clock.now())
        move(t, S.SCHEDULED, clock.now())
        move(t, S.DUE, clock.now())
        move(t, S.PUBLISHING, clock.now())

    records.mutate(post.id, acc.id, begin)
    if applied:
        net.posts[key] = {"text": post.text, "id": "77"}
        net.sent.append((acc.id, post.text))


def restart(workspace, net, clock, online=True):
    p = Publisher(workspace, FakeFactory(net), clock=clock, probe=lambda h: online,
                  backoff=Backoff(rng=random.Random(1)))
    p.start(threads=False)
    return p


@pytest.fixture
def fresh(workspace, net, clock):
    made = []

    def make(online=True):
        made.append(restart(workspace, net, clock, online))
        return made[-1]

    yield make
    for p in made:
        p.stop()


def test_open_attempt_that_reached_the_network_is_marked_published(fresh, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, clock.now(), [acc])
    crash_mid_send(workspace, clock, post, acc, net, applied=True)
    fresh().tick()
    t = target(workspace, post.id)
    assert t.state == S.PUBLISHED and t.remote_id == "77" and len(net.sent) == 1
    assert workspace.attempts.open_attempts() == []


def test_open_attempt_that_never_arrived_is_sent_again_with_the_same_key(fresh, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, clock.now(), [acc])
    crash_mid_send(workspace, clock, post, acc, net, applied=False)
    fresh().tick()
    assert target(workspace, post.id).state == S.PUBLISHED and len(net.sent) == 1
    keys = {a["idempotency_key"] for a in workspace.attempts.for_post(post.id)}
    assert keys == {"key-" + post.id}
    outcomes = sorted(a["outcome"] for a in workspace.attempts.for_post(post.id))
    assert outcomes == ["not_sent", "published"]


def test_network_that_cannot_tell_leaves_the_decision_to_the_user(fresh, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, clock.now(), [acc])
    crash_mid_send(workspace, clock, post, acc, net, applied=False)
    net.lookup_script.extend([Unconfirmed("no way to know")] * 5)
    seen = []
    pub = fresh()
    pub.subscribe(seen.append)
    for _ in range(5):
        pub.tick()
        clock.advance(31 * 16)
    assert target(workspace, post.id).state == S.UNCONFIRMED and net.sent == []
    assert [e.kind for e in seen if e.kind == ev.UNCONFIRMED] == [ev.UNCONFIRMED]


def test_lookup_that_fails_for_now_is_retried_later_and_nothing_is_resent_meanwhile(
        fresh, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, clock.now(), [acc])
    crash_mid_send(workspace, clock, post, acc, net, applied=True)
    net.lookup_script.append(Transient("502"))
    pub = fresh()
    pub.tick()
    assert target(workspace, post.id).state == S.PUBLISHING and len(net.sent) == 1
    clock.advance(60)
    pub.tick()
    assert target(workspace, post.id).state == S.PUBLISHED and len(net.sent) == 1


def test_recovery_waits_for_the_network(fresh, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, clock.now(), [acc])
    crash_mid_send(workspace, clock, post, acc, net, applied=True)
    pub = fresh(online=False)
    pub.set_online(False)
    pub.tick()
    assert target(workspace, post.id).state == S.PUBLISHING
    pub.set_online(True)
    clock.advance(60)
    pub.tick()
    assert target(workspace, post.id).state == S.PUBLISHED and len(net.sent) == 1


def test_crash_after_the_outcome_was_journaled_is_reconciled_at_start(fresh, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, clock.now(), [acc])
    crash_mid_send(workspace, clock, post, acc, net, applied=True)
    records = Records(workspace)
    (attempt,) = workspace.attempts.open_attempts()
    records.close_attempt(attempt, "published", clock.now(), remote_id="77", remote_url="u77")
    fresh().tick()  # died before the target was updated: the journal says it went out
    t = target(workspace, post.id)
    assert t.state == S.PUBLISHED and t.remote_id == "77" and len(net.sent) == 1


def test_second_publisher_on_the_workspace_gets_a_clear_error(pub, workspace, net, clock):
    other = Publisher(workspace, FakeFactory(net), clock=clock)
    with pytest.raises(WorkspaceBusy, match="already publishing this workspace"):
        other.start(threads=False)
    pub.stop()
    other.start(threads=False)  # the first one stopped: the lock is free again
    other.stop()


# ---- hand-off ------------------------------------------------------------------------------------
def test_hand_off_then_edit_move_and_delete_follow_the_remote_copy(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, later(clock.now(), hours=2), [acc], text="v1", hand_off=True)
    pub.tick()
    t = target(workspace, post.id)
    assert t.state == S.HANDED_OFF and t.remote_id in net.scheduled
    rid = t.remote_id
    edited = workspace.posts.get(post.id)
    edited.text = "v2"
    edited.planned_at = later(clock.now(), hours=3)
    workspace.posts.save(edited)
    pub.tick()
    assert net.scheduled[rid] == {"text": "v2", "at": edited.planned_at}
    assert target(workspace, post.id).state == S.HANDED_OFF
    soon = workspace.posts.get(post.id)
    soon.planned_at = later(clock.now(), minutes=2)  # too close for the network: back home
    workspace.posts.save(soon)
    pub.tick()
    assert rid not in net.scheduled and target(workspace, post.id).state == S.SCHEDULED
    clock.advance(120)
    pub.tick()
    assert net.sent == [(acc.id, "v2")]
    other = add_post(workspace, later(clock.now(), days=1), [acc], text="gone", hand_off=True)
    pub.tick()
    other_rid = target(workspace, other.id).remote_id
    assert other_rid in net.scheduled
    workspace.posts.delete(other.id)
    pub.tick()
    assert other_rid not in net.scheduled


def test_hand_off_refused_by_limits_stays_local_and_says_so(pub, workspace, clock, net):
    acc = add_account(workspace)
    seen = []
    pub.subscribe(seen.append)
    posts = [add_post(workspace, later(clock.now(), hours=2, minutes=i), [acc], text=f"p{i}",
                      hand_off=True) for i in range(26)]
    pub.tick()
    states = [target(workspace, p.id).state for p in posts]
    assert states.count(S.HANDED_OFF) == 25 and states.count(S.SCHEDULED) == 1
    refused = next(p for p in posts if target(workspace, p.id).state == S.SCHEDULED)
    assert "25" in target(workspace, refused.id).history[-1].note
    assert [e.post_id for e in seen if e.kind == ev.HAND_OFF_REFUSED] == [refused.id]
    clock.advance(3 * 3600)
    pub.tick()
    assert [t for _, t in net.sent] == [refused.text]  # published from here, once


def test_hand_off_refused_by_the_network_stays_local(pub, workspace, clock, net):
    acc = add_account(workspace)
    net.script.append(RateLimited(later(clock.now(), hours=1), "scheduled limit"))
    post = add_post(workspace, later(clock.now(), hours=2), [acc], hand_off=True)
    pub.tick()
    t = target(workspace, post.id)
    assert t.state == S.SCHEDULED and "scheduled limit" in t.history[-1].note
    clock.advance(2 * 3600)
    pub.tick()
    assert target(workspace, post.id).state == S.PUBLISHED and len(net.sent) == 1


def test_networks_without_native_scheduling_are_never_handed_off(pub, workspace, clock, net):
    acc = add_account(workspace, network="bluesky", server="")
    post = add_post(workspace, later(clock.now(), hours=2), [acc], hand_off=True)
    pub.tick()
    assert target(workspace, post.id).state == S.SCHEDULED and net.scheduled == {}


def test_connector_progress_survives_a_retry(pub, workspace, clock, net):
    """A thread half made: the steps a connector checkpointed come back to it, under the same
    key, on the retry after a transient error."""
    acc = add_account(workspace)
    post = add_post(workspace, clock.now(), [acc], thread=["part two"])
    seen = []

    class Steps:
        def __init__(self):
            self.calls = 0

        def publish(self, request):
            seen.append((request.idempotency_key, dict(request.progress)))
            self.calls += 1
            if self.calls == 1:
                request.save_progress(part_ids=["p1"])  # part one is out...
                raise Transient("502 on part two")  # ...part two failed
            return PublishResult("p1", part_ids=["p1", "p2"])

    pub._connectors[acc.id] = Steps()
    pub.tick()
    stored = [a["progress"] for a in workspace.attempts.for_post(post.id)]
    assert stored == [{"part_ids": ["p1"]}]  # durable the moment the connector said so
    clock.advance(60)
    pub.tick()
    assert seen[1] == (seen[0][0], {"part_ids": ["p1"]})  # same key, same steps: no second part one
    assert target(workspace, post.id).state == S.PUBLISHED


def test_a_handed_off_post_the_network_published_is_never_sent_over_a_stale_copy(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, later(clock.now(), hours=2), [acc], text="once", hand_off=True)
    pub.tick()
    stale = workspace.posts.get(post.id)
    stale.targets[0].state = S.SCHEDULED  # a copy saved before the hand-off, written back later
    (handed,) = [a for a in workspace.attempts.for_post(post.id) if a["outcome"] == "handed_off"]
    Records(workspace).close_attempt(handed, "published", clock.now(), remote_id="77")  # confirmed
    workspace.posts.save(stale)
    clock.advance(3 * 3600)
    pub.tick()
    assert net.sent == [] and target(workspace, post.id).state == S.PUBLISHED
