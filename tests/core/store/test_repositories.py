# SPDX-License-Identifier: GPL-3.0-or-later
"""The repositories: what views and the publisher see (changes, ids, attempts, settings)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from tinydb import Query

from cmdesk.core.model import Account, Post, Target
from cmdesk.core.model import TargetState as S
from cmdesk.core.store import Changes, open_workspace


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=UTC)


def test_save_get_delete_and_changes(workspace):
    seen: list[Changes] = []
    unsubscribe = workspace.subscribe(seen.append)
    post = workspace.posts.save(Post(text="Bonjour 👋", planned_at=at(2)))
    assert workspace.posts.get(post.id).text == "Bonjour 👋"
    others = [Post(text=str(i), planned_at=at(3 + i)) for i in range(3)]
    workspace.posts.save_many(others)
    workspace.posts.delete_many([others[0].id, "missing"])
    assert workspace.posts.delete(post.id) is True
    assert workspace.posts.delete(post.id) is False
    unsubscribe()
    workspace.posts.delete(others[1].id)
    assert seen == [
        Changes("posts", frozenset({post.id})),
        Changes("posts", frozenset(p.id for p in others)),
        Changes("posts", frozenset({others[0].id})),
        Changes("posts", frozenset({post.id})),
    ]
    assert [p.id for p in workspace.posts.all()] == [others[2].id]


def test_a_failing_listener_does_not_undo_or_hide_the_save(workspace):
    def broken(_changes):
        raise RuntimeError("view bug")

    workspace.subscribe(broken)
    post = workspace.posts.save(Post(text="kept"))
    assert workspace.posts.get(post.id).text == "kept"


def test_transaction_is_one_change_announced_once_durable(tmp_path):
    ws = open_workspace(tmp_path / "ws")
    seen: list[Changes] = []
    ws.subscribe(seen.append)
    post = Post(text="x", planned_at=at(5))
    with ws.transaction():
        ws.posts.save(post)
        ws.attempts.save({"id": "a1", "post_id": post.id, "outcome": None})
        assert seen == []
    assert {c.table for c in seen} == {"posts", "attempts"}
    with pytest.raises(RuntimeError), ws.transaction():
        ws.posts.save(Post(text="rolled back"))
        ws.attempts.save({"id": "a2", "post_id": post.id, "outcome": None})
        raise RuntimeError("crash in the middle")
    assert len(ws.posts) == 1 and ws.attempts.get("a2") is None
    ws.close()
    ws = open_workspace(tmp_path / "ws")
    assert len(ws.posts) == 1 and ws.attempts.get("a1")["post_id"] == post.id
    ws.close()


def test_attempts_by_post_and_the_open_ones(workspace):
    workspace.attempts.save({"id": "a1", "post_id": "p1", "outcome": None})
    workspace.attempts.save({"id": "a2", "post_id": "p1", "outcome": "published"})
    workspace.attempts.save({"id": "a3", "post_id": "p2", "outcome": None})
    assert {a["id"] for a in workspace.attempts.for_post("p1")} == {"a1", "a2"}
    assert {a["id"] for a in workspace.attempts.open_attempts()} == {"a1", "a3"}
    workspace.attempts.save({"id": "a1", "post_id": "p1", "outcome": "failed"})
    assert {a["id"] for a in workspace.attempts.open_attempts()} == {"a3"}


def test_accounts_and_settings_round_trip(tmp_path):
    ws = open_workspace(tmp_path / "ws")
    account = ws.accounts.save(Account(network="mastodon", name="@marie@piaille.fr"))
    ws.settings.set_value("zone", "Europe/Paris")
    ws.settings.set_value("zone", "America/Montreal")
    ws.close()
    ws = open_workspace(tmp_path / "ws")
    assert ws.accounts.get(account.id).name == "@marie@piaille.fr"
    assert [a.id for a in ws.accounts.all()] == [account.id]
    assert ws.settings.get_value("zone") == "America/Montreal"
    assert ws.settings.get_value("missing", 5) == 5
    ws.close()


def test_drafts_are_apart_from_the_calendar(workspace):
    early = Post(text="first idea", created_at=at(1))
    late = Post(text="second idea", created_at=at(2))
    planned = Post(text="planned", planned_at=at(2))
    workspace.posts.save_many([late, planned, early])
    assert [p.text for p in workspace.posts.drafts()] == ["first idea", "second idea"]
    assert [p.text for p in workspace.posts.between(at(1), at(31))] == ["planned"]
    assert workspace.posts.count_between(at(1), at(31)) == 1


def test_posts_by_target_state_follow_every_change(tmp_path):
    ws = open_workspace(tmp_path / "ws")
    done = Post(text="done", targets=[Target("a1", "mastodon", S.PUBLISHED)])
    mixed = Post(text="mixed", targets=[Target("a1", "mastodon", S.PUBLISHED),
                                        Target("a2", "bluesky", S.RETRY_WAIT)])
    waiting = Post(text="waiting", targets=[Target("a2", "bluesky", S.SCHEDULED)])
    ws.posts.save_many([done, mixed, waiting])
    in_play = {S.SCHEDULED, S.RETRY_WAIT, S.PUBLISHING}
    assert {p.text for p in ws.posts.with_target_states(in_play)} == {"mixed", "waiting"}
    mixed.targets[1].state = S.PUBLISHED
    ws.posts.save(mixed)
    ws.close()
    ws = open_workspace(tmp_path / "ws")
    assert [p.text for p in ws.posts.with_target_states(in_play)] == ["waiting"]
    assert {p.text for p in ws.posts.with_target_states([S.PUBLISHED])} == {"done", "mixed"}
    ws.posts.delete(waiting.id)
    assert ws.posts.with_target_states(in_play) == []
    # The derived key is an index, not a field: TinyDB queries do not see it.
    assert ws.db.table("posts").search(Query().target_states == "published") == []
    ws.close()


def test_planned_drafts_apart_from_the_unscheduled_pile(workspace):
    idea = Post(text="idea", targets=[Target("a1", "mastodon", S.DRAFT)])
    dated = Post(text="dated", planned_at=at(3), targets=[Target("a1", "mastodon", S.DRAFT)])
    workspace.posts.save_many([idea, dated])
    assert {p.text for p in workspace.posts.with_target_states([S.DRAFT])} == {"idea", "dated"}
    assert [p.text for p in workspace.posts.with_target_states([S.DRAFT], planned=True)] == ["dated"]
    dated.planned_at = None  # unscheduled again: back in the pile
    workspace.posts.save(dated)
    assert workspace.posts.with_target_states([S.DRAFT], planned=True) == []
