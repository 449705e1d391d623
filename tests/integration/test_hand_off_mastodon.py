# SPDX-License-Identifier: GPL-3.0-or-later
"""Hand-off through the real Mastodon connector: the post waits on the server (scheduled_at),
a move updates it, an edit replaces it, a delete cancels it, and a post over the server's daily
limit stays on this computer with a note."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cmdesk.core.model import TargetState, utc_now
from cmdesk.core.publish import events as ev
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
