# SPDX-License-Identifier: GPL-3.0-or-later
"""The last step before a calendar write: never undo what others did to the post meanwhile.

The calendar writes what it shows, and what it shows can be a few milliseconds (or, for an undo,
minutes) older than the store. Two rules, applied on the storage thread right before the write:

* the calendar only ever changes *when* a post goes out (time, zone, target scheduling states), so
  those fields are laid onto the stored post: a text edited in the composer after a move survives
  the undo of that move;
* if the publisher has published a post, or is publishing it, writing an older plan would put its
  targets back to "scheduled": the post would go out twice. Such writes are dropped and the caller
  shows the store's version instead.

No Qt here.
"""

from __future__ import annotations

from cmdesk.core.model import Post, TargetState

TAKEN = frozenset({TargetState.PUBLISHED, TargetState.PUBLISHING, TargetState.UNCONFIRMED})


def _taken(post: Post) -> bool:
    return any(t.state in TAKEN for t in post.targets)


def _same_plan(a: Post, b: Post) -> bool:
    return a.planned_at == b.planned_at and [(t.account_id, t.state) for t in a.targets] == [
        (t.account_id, t.state) for t in b.targets]


def with_plan_of(stored: Post, wanted: Post) -> Post:
    """``stored`` with the time, zone and target scheduling of ``wanted``; the rest untouched."""
    merged = Post.from_doc(stored.to_doc())
    merged.planned_at, merged.zone = wanted.planned_at, wanted.zone
    plans = {t.account_id: t for t in wanted.targets}
    for target in merged.targets:
        plan = plans.get(target.account_id)
        if plan is not None:
            target.state, target.error, target.not_before = plan.state, plan.error, plan.not_before
    return merged


def guarded(posts, saves: list[Post], deletes: list[str]
            ) -> tuple[list[Post], list[str], dict[str, Post]]:
    """What to save and delete, and the stored posts that were kept as they are."""
    kept: dict[str, Post] = {}
    safe_saves = []
    for post in saves:
        current = posts.get(post.id)
        if current is None:
            safe_saves.append(post)  # new, or restored after a delete: the calendar's copy
        elif _taken(current) and not _same_plan(current, post):
            kept[post.id] = current
        else:
            safe_saves.append(with_plan_of(current, post))
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
