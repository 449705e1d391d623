# SPDX-License-Identifier: GPL-3.0-or-later
"""Posts planned for later sleep until their instant: a pass does not read them again, yet
every one still goes out at its minute, and an edit or an account change wakes it at once."""

from __future__ import annotations

from datetime import UTC, datetime
from unittest import mock

from cmdesk.core.model import Post, TargetState
from cmdesk.core.publish import passes
from cmdesk.core.publish.dormant import Dormant
from tests.core.publish.fakes import add_account, add_post, later, target

S = TargetState


def _decoded_during(action) -> int:
    with mock.patch.object(Post, "from_doc", side_effect=Post.from_doc) as spy:
        action()
    return spy.call_count


def test_months_of_planned_posts_are_not_read_again_at_every_pass(pub, workspace, clock, net):
    acc = add_account(workspace)
    planned = [add_post(workspace, later(clock.now(), hours=1 + h), [acc], text=f"p{h}")
               for h in range(300)]
    pub.tick()  # the first look reads them all once
    add_post(workspace, None, [acc], text="a new draft")  # any change makes a pass
    assert _decoded_during(pub.tick) < 10
    assert pub.next_look() == later(planned[0].planned_at, seconds=-3)
    for hours in range(3):
        clock.set(later(planned[0].planned_at, hours=hours))
        pub.tick()
        pub.tick()
    assert [text for _, text in net.sent] == ["p0", "p1", "p2"]
    assert target(workspace, planned[3].id).state == S.SCHEDULED


def test_a_sleeping_post_moved_to_now_goes_out_at_once(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, later(clock.now(), hours=5), [acc])
    pub.tick()
    assert net.sent == []
    moved = workspace.posts.get(post.id)
    moved.planned_at = clock.now()
    workspace.posts.save(moved)
    pub.tick()
    assert target(workspace, post.id).state == S.PUBLISHED


def test_a_deleted_sleeping_post_leaves_no_alarm(pub, workspace, clock, net):
    acc = add_account(workspace)
    post = add_post(workspace, later(clock.now(), hours=5), [acc])
    pub.tick()
    assert pub.next_look() is not None
    workspace.posts.delete(post.id)
    pub.tick()
    assert pub.next_look() is None


def test_an_account_change_wakes_every_sleeping_post(pub, workspace, clock, net):
    acc = add_account(workspace)
    other = add_account(workspace, name="@other")
    post = add_post(workspace, later(clock.now(), hours=5), [acc, other])
    pub.tick()
    assert _decoded_during(pub.tick) == 0
    other.status = "disabled"
    workspace.accounts.save(other)
    assert _decoded_during(pub.tick) >= 1  # looked at again: its decision may differ now
    clock.set(post.planned_at)
    pub.tick()
    pub.tick()
    assert net.sent == [(acc.id, "hello")]
    assert target(workspace, post.id, other.id).state == S.SCHEDULED


def test_dormant_wakes_in_order_and_forgets_what_was_woken_early():
    d = Dormant()
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    d.put("b", later(t0, hours=2))
    d.put("a", later(t0, hours=1))
    d.put("c", later(t0, hours=3))
    assert d.wake("c") and "c" not in d
    d.put("a", later(t0, hours=4))  # moved: its old instant is stale
    assert d.next_instant() == later(t0, hours=2)
    assert d.wake_due(later(t0, hours=3)) == ["b"]
    assert d.wake_due(later(t0, hours=4)) == ["a"] and len(d) == 0 and d.next_instant() is None


def test_publish_now_clicked_while_a_pass_decides_is_not_put_to_sleep(pub, workspace, clock, net,
                                                                      monkeypatch):
    """Offline, the user clicks "publish now" on a post planned for later just as a pass reads
    it: the send waits for the network, and goes out when it is back (not hours later, at the
    post's old instant, because the pass put it to sleep with what it had read)."""
    acc = add_account(workspace)
    post = add_post(workspace, later(clock.now(), hours=5), [acc])
    pub.tick()  # scheduled, then asleep until its instant
    edited = workspace.posts.get(post.id)
    edited.text = "hello"  # the user saves it again: the next pass reads it
    workspace.posts.save(edited)
    pub.set_online(False)
    decide = passes.dormant_until
    clicked = []

    def click_meanwhile(seen, plan):  # the click lands after the pass read the post
        if not clicked:
            clicked.append(pub.publish_now(post.id))
        return decide(seen, plan)

    monkeypatch.setattr(passes, "dormant_until", click_meanwhile)
    pub.tick()
    monkeypatch.setattr(passes, "dormant_until", decide)
    assert clicked and target(workspace, post.id).state == S.WAITING_NETWORK
    pub.set_online(True)
    pub.tick()
    assert net.sent == [(acc.id, "hello")]
