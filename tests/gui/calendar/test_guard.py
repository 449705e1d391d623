# SPDX-License-Identifier: GPL-3.0-or-later
"""The write guard keeps what the publisher has done (no Qt needed)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from cmdesk.core.model import Post, Target, TargetState
from cmdesk.gui.calendar.guard import guarded

WHEN = datetime(2030, 1, 1, 9, tzinfo=timezone.utc)


class Posts:
    def __init__(self, *posts: Post) -> None:
        self.by_id = {p.id: p for p in posts}

    def get(self, post_id: str) -> Post | None:
        return self.by_id.get(post_id)


def post(state: TargetState, when=WHEN) -> Post:
    return Post(planned_at=when, targets=[Target("a", "mastodon", state)])


def test_a_published_post_is_not_moved_or_rescheduled_but_may_be_deleted():
    stored = post(TargetState.PUBLISHED)
    moved = Post.from_doc(stored.to_doc())
    moved.planned_at = WHEN + timedelta(days=1)
    rescheduled = Post.from_doc(stored.to_doc())
    rescheduled.targets[0].state = TargetState.SCHEDULED
    for stale in (moved, rescheduled):
        saves, deletes, kept = guarded(Posts(stored), [stale], [])
        assert saves == [] and kept == {stored.id: stored}
    saves, deletes, kept = guarded(Posts(stored), [], [stored.id])
    assert deletes == [stored.id] and kept == {}


def test_a_post_being_published_is_neither_changed_nor_deleted():
    stored = post(TargetState.PUBLISHING)
    saves, deletes, kept = guarded(Posts(stored), [post(TargetState.SCHEDULED)], [stored.id])
    assert deletes == [] and stored.id in kept


def test_ordinary_writes_pass():
    stored = post(TargetState.SCHEDULED)
    moved = Post.from_doc(stored.to_doc())
    moved.planned_at = WHEN + timedelta(hours=3)
    new = post(TargetState.SCHEDULED)
    saves, deletes, kept = guarded(Posts(stored), [moved, new], [stored.id])
    assert saves == [moved, new] and deletes == [stored.id] and kept == {}


def test_only_the_plan_is_laid_onto_the_stored_post():
    from cmdesk.gui.calendar.guard import with_plan_of

    stored = post(TargetState.FAILED)
    stored.text, stored.targets[0].error = "edited elsewhere", "timeout"
    wanted = Post.from_doc(stored.to_doc())
    wanted.text = "stale"
    wanted.planned_at = WHEN + timedelta(days=2)
    wanted.zone = "Europe/Paris"
    wanted.targets[0].state, wanted.targets[0].error = TargetState.SCHEDULED, None
    merged = with_plan_of(stored, wanted)
    assert merged.text == "edited elsewhere"
    assert (merged.planned_at, merged.zone) == (wanted.planned_at, "Europe/Paris")
    assert (merged.targets[0].state, merged.targets[0].error) == (TargetState.SCHEDULED, None)
