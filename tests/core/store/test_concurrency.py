# SPDX-License-Identifier: GPL-3.0-or-later
"""Readers during writes: a multi-document change is seen whole or not at all, from any thread."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from cmdesk.core.model import Post

WHEN = datetime(2026, 9, 1, tzinfo=UTC)
ROUNDS = 150


def test_readers_never_see_half_of_a_change(workspace):
    pair = [Post(id="left", text="0", planned_at=WHEN), Post(id="right", text="0", planned_at=WHEN)]
    workspace.posts.save_many(pair)
    finished = threading.Event()
    problems: list[str] = []
    reads = [0, 0]

    def write():
        try:
            for n in range(1, ROUNDS + 1):
                for post in pair:
                    post.text = str(n)
                    # Moving both posts also moves them in the time index in the same change.
                    post.planned_at = WHEN + timedelta(minutes=n)
                workspace.posts.save_many(pair)
        finally:
            finished.set()

    def read_calendar():
        while not finished.is_set():
            seen = workspace.posts.between(WHEN, WHEN + timedelta(days=1))
            if len(seen) != 2 or seen[0].text != seen[1].text or seen[0].planned_at != seen[1].planned_at:
                problems.append(f"calendar saw {[(p.id, p.text, p.planned_at) for p in seen]}")
            reads[0] += 1

    def read_tinydb():
        table = workspace.db.table("posts")
        while not finished.is_set():
            docs = table.all()
            if len({d["text"] for d in docs}) != 1:
                problems.append(f"table saw {[(d['id'], d['text']) for d in docs]}")
            reads[1] += 1

    threads = [threading.Thread(target=f) for f in (write, read_calendar, read_tinydb)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert problems == []
    assert reads[0] > 0 and reads[1] > 0
    assert {p.text for p in workspace.posts.all()} == {str(ROUNDS)}


def test_writers_from_several_threads_are_serialised(workspace):
    def write(prefix):
        for i in range(40):
            workspace.posts.save(Post(id=f"{prefix}{i}", text=prefix))

    threads = [threading.Thread(target=write, args=(p,)) for p in "abc"]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(workspace.posts) == 120
    ids = [d.doc_id for d in workspace.db.table("posts").all()]
    assert len(set(ids)) == 120  # no two documents were given the same TinyDB id
