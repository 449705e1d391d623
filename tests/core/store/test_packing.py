# SPDX-License-Identifier: GPL-3.0-or-later
"""Posts that went out everywhere are kept packed, read back whole, and unpacked again when they
change; a body in a format this version does not know is refused, not misread."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cmdesk.core.model import MediaRef, Post, Target, Transition
from cmdesk.core.model import TargetState as S
from cmdesk.core.store import entries, open_workspace, packing

AT = datetime(2025, 5, 4, 9, tzinfo=UTC)


def sent_post() -> Post:
    url = "https://mastodon.social/@maisonbrioche/113374190538458392"
    targets = [Target(f"acct-{n}", n, S.PUBLISHED, remote_id="113374190538458392",
                      remote_url=url, published_at="2025-05-04T09:00:00.412345Z",
                      history=[Transition("2025-05-04T09:00:00.000000Z", "due"),
                               Transition("2025-05-04T09:00:00.412345Z", "published", url)])
               for n in ("mastodon", "bluesky", "linkedin")]
    return Post(text="Brunch du dimanche 🥐 à Lyon, réservez vite ! " * 6, planned_at=AT,
                zone="Europe/Paris", media=[MediaRef("/home/léa/brunch.jpg", alt="Croissants")],
                targets=targets, tags=["brunch"])


def stored_entry(ws, post_id: str) -> bytes:
    engine = ws.db.engine
    [doc_id] = engine.index("posts").equality["id"].lookup(post_id)
    return engine.tables["posts"][doc_id]


def body(entry: bytes) -> bytes:
    return entry[entry.index(entries.SEP) + 1:]


def test_a_post_sent_everywhere_is_packed_and_reads_back_whole(tmp_path):
    ws = open_workspace(tmp_path / "ws")
    post = ws.posts.save(sent_post())
    plain = len(entries.encode_doc(post.to_doc()))
    packed = body(stored_entry(ws, post.id))
    assert packed.startswith(packing.TAG) and len(packed) < plain / 2
    ws.close()
    ws = open_workspace(tmp_path / "ws")  # from the journal
    assert ws.posts.get(post.id) == post
    ws.compact()
    ws.close()
    ws = open_workspace(tmp_path / "ws")  # from the snapshot
    assert ws.posts.get(post.id) == post
    [card] = ws.posts.cards_between(AT, datetime(2025, 6, 1, tzinfo=UTC))
    assert card.first_line.startswith("Brunch du dimanche") and card.post() == post


def test_a_post_still_on_its_way_stays_plain_and_a_retried_one_unpacks(tmp_path):
    ws = open_workspace(tmp_path / "ws")
    post = sent_post()
    post.targets[2].state = S.FAILED
    ws.posts.save(post)
    assert body(stored_entry(ws, post.id)).startswith(b"{")
    post.targets[2].state = S.PUBLISHED
    ws.posts.save(post)
    assert body(stored_entry(ws, post.id)).startswith(packing.TAG)
    post.targets[2].state = S.DUE  # the user sends one again
    ws.posts.save(post)
    assert body(stored_entry(ws, post.id)).startswith(b"{")
    assert ws.posts.get(post.id) == post


def test_a_body_in_an_unknown_format_is_refused():
    entry = b'["posts",1,{"id":"x"}]\tz9AAAA\n'
    with pytest.raises(ValueError, match="newer cmdesk"):
        entries.decode(entry)


def test_a_short_document_is_not_packed():
    assert packing.pack(b'{"id":"x"}') == b'{"id":"x"}'
