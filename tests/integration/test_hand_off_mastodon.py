# SPDX-License-Identifier: GPL-3.0-or-later
"""Hand-off through the real Mastodon connector: the post waits on the server (scheduled_at),
a move updates it, an edit replaces it, a delete cancels it, a post over the server's daily
limit stays on this computer with a note, and after its time the published status is shown."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cmdesk.core.clock import FakeClock
from cmdesk.core.model import TargetState, utc_now
from cmdesk.core.publish import confirm
from cmdesk.core.publish import events as ev
from tests.contract.mastodon import publish_due
from tests.integration.hand_off_support import mastodon_hand_off
from tests.integration.hand_off_support import planned_post as _post
from tests.integration.hand_off_support import target_of as _target

S = TargetState


@pytest.fixture
def env(workspace):
    with mastodon_hand_off(workspace) as env:
        yield env.server, env.account, env.publisher


def test_hand_off_follows_moves_edits_and_deletes(env, workspace):
    server, account, publisher = env
    at = (utc_now() + timedelta(hours=2)).replace(microsecond=0)
    post = _post(workspace, account, at)
    publisher.tick()
    t = _target(workspace, post)
    assert t.state == S.HANDED_OFF and t.remote_id in server.state["scheduled"]
    assert server.state["scheduled"][t.remote_id]["scheduled_at"].startswith(at.strftime("%Y-%m-%dT%H:%M"))

    moved = workspace.posts.get(post.id)
    moved.planned_at = at + timedelta(days=1)
    workspace.posts.save(moved)
    publisher.tick()
    (item,) = server.state["scheduled"].values()
    assert item["scheduled_at"].startswith((at + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"))

    edited = workspace.posts.get(post.id)
    edited.text = "hello, edited"
    workspace.posts.save(edited)
    publisher.tick()
    (item,) = server.state["scheduled"].values()  # replaced, never two copies
    assert item["params"]["text"] == "hello, edited"
    assert _target(workspace, post).remote_id == item["id"]

    workspace.posts.delete(post.id)
    publisher.tick()
    assert server.state["scheduled"] == {} and server.state["statuses"] == {}


def test_moving_too_close_brings_it_home_and_it_is_published_from_here(env, workspace):
    server, account, publisher = env
    post = _post(workspace, account, utc_now() + timedelta(hours=2))
    publisher.tick()
    assert _target(workspace, post).state == S.HANDED_OFF
    soon = workspace.posts.get(post.id)
    soon.planned_at = utc_now() - timedelta(seconds=1)  # "publish it now" by dragging it to now
    workspace.posts.save(soon)
    publisher.tick()
    publisher.tick()
    assert server.state["scheduled"] == {}
    assert [s["content"] for s in server.state["statuses"].values()] == ["<p>hello later</p>"]
    assert _target(workspace, post).state == S.PUBLISHED


def test_over_the_daily_limit_the_post_stays_local_with_a_note(env, workspace):
    server, account, publisher = env
    seen = []
    publisher.subscribe(seen.append)
    day = (utc_now() + timedelta(days=2)).replace(hour=10, minute=0, second=0, microsecond=0)
    posts = [_post(workspace, account, day + timedelta(minutes=i), text=f"p{i}") for i in range(26)]
    publisher.tick()
    states = [_target(workspace, p).state for p in posts]
    assert states.count(S.HANDED_OFF) == 25 and states.count(S.SCHEDULED) == 1
    assert len(server.state["scheduled"]) == 25
    assert [e.kind for e in seen].count(ev.HAND_OFF_REFUSED) == 1


@pytest.fixture
def timed(workspace):
    """The same, on a clock the test moves (the server's included)."""
    clock = FakeClock(utc_now())
    with mastodon_hand_off(workspace, clock) as env:
        env.clock = clock
        yield env


def test_at_its_time_the_status_the_server_published_is_shown_published(timed, workspace):
    post = _post(workspace, timed.account, timed.clock.now() + timedelta(hours=2))
    timed.publisher.tick()
    publisher = timed.restart()  # the computer was off meanwhile: the new run knows to ask
    timed.clock.advance(timedelta(hours=2, seconds=30))
    (status_id,) = publish_due(timed.server)
    publisher.tick()
    assert _target(workspace, post).state == S.HANDED_OFF  # not asked before the grace
    timed.clock.advance(confirm.AFTER)
    publisher.tick()
    t = _target(workspace, post)
    assert t.state == S.PUBLISHED and t.remote_id == status_id and t.remote_url
    assert len(timed.server.state["statuses"]) == 1  # told, not sent


def test_a_server_running_late_is_asked_again_and_a_vanished_copy_is_left_to_the_user(timed, workspace):
    late = _post(workspace, timed.account, timed.clock.now() + timedelta(hours=2), text="late")
    lost = _post(workspace, timed.account, timed.clock.now() + timedelta(hours=2), text="lost")
    timed.publisher.tick()
    del timed.server.state["scheduled"][_target(workspace, lost).remote_id]  # deleted there
    timed.clock.advance(timedelta(hours=2) + confirm.AFTER)
    timed.publisher.tick()
    assert _target(workspace, late).state == S.HANDED_OFF  # still held by the server
    assert _target(workspace, lost).state == S.UNCONFIRMED
    publish_due(timed.server)
    timed.clock.advance(confirm.AGAIN)
    timed.publisher.tick()
    assert _target(workspace, late).state == S.PUBLISHED
    assert [s["content"] for s in timed.server.state["statuses"].values()] == ["<p>late</p>"]
