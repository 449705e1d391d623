# SPDX-License-Identifier: GPL-3.0-or-later
"""The last check before a calendar write: never undo what the publisher has done meanwhile.

The calendar writes what it shows, and what it shows can be a few milliseconds (or, for an undo,
minutes) older than the store. If the publisher has published a post, or is publishing it, since
then, writing the calendar's copy would put its targets back to "scheduled" at some time: the post
would go out twice. Such writes are dropped and the caller shows the store's version instead.
Runs on the storage thread, right before the write. No Qt here.
"""

from __future__ import annotations

from cmdesk.core.model import Post, TargetState

TAKEN = frozenset({TargetState.PUBLISHED, TargetState.PUBLISHING, TargetState.UNCONFIRMED})


def _taken(post: Post) -> bool:
    return any(t.state in TAKEN for t in post.targets)


def _same_plan(a: Post, b: Post) -> bool:
    return a.planned_at == b.planned_at and [(t.account_id, t.state) for t in a.targets] == [
        (t.account_id, t.state) for t in b.targets]


def guarded(posts, saves: list[Post], deletes: list[str]
            ) -> tuple[list[Post], list[str], dict[str, Post]]:
    """The saves and deletes that are safe, and the stored posts that were kept as they are."""
    kept: dict[str, Post] = {}
    safe_saves = []
    for post in saves:
        current = posts.get(post.id)
        if current is not None and _taken(current) and not _same_plan(current, post):
            kept[post.id] = current
        else:
            safe_saves.append(post)
    safe_deletes = []
    for post_id in deletes:
        current = posts.get(post_id)
        if current is not None and any(t.state in (TargetState.PUBLISHING,
                                                   TargetState.UNCONFIRMED)
                                       for t in current.targets):
            kept[post_id] = current  # deleting it mid-publish would lose what went out
        else:
            safe_deletes.append(post_id)
    return safe_saves, safe_deletes, kept
