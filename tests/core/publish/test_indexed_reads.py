# SPDX-License-Identifier: GPL-3.0-or-later
"""The publisher reads only the posts in play: years of published posts and a pile of unscheduled
drafts are never decoded by start(), a pass or the outbox (they cost seconds at 100,000 posts)."""

from __future__ import annotations

import pytest

from cmdesk.core.clock import FakeClock
from cmdesk.core.model import Post, Target, TargetState
from cmdesk.core.publish.engine import Publisher
from tests.core.publish.fakes import FakeFactory, FakeNetwork, add_account, later, target, utc

S = TargetState
NOW = utc(2026, 6, 1, 8, 0)


def _post(account, at, state, text, **target_fields) -> Post:
    return Post(text=text, planned_at=at,
                targets=[Target(account.id, account.network, state=state, **target_fields)])


@pytest.fixture
def decoded(monkeypatch):
    """Ids of every post decoded from the store while the test runs."""
    seen: list[str] = []
    original = Post.from_doc.__func__

    def spy(cls, doc):
        seen.append(doc["id"])
        return original(cls, doc)

    monkeypatch.setattr(Post, "from_doc", classmethod(spy))
    return seen


def test_start_pass_and_outbox_decode_only_posts_in_play(workspace, decoded):
    acc = add_account(workspace)
    history = [_post(acc, later(NOW, days=-40 - i), S.PUBLISHED, f"old {i}", remote_id=str(i))
               for i in range(300)]
    pile = [_post(acc, None, S.DRAFT, f"idea {i}") for i in range(200)]
    in_play = {
        "due": _post(acc, later(NOW, minutes=-1), S.SCHEDULED, "due now"),
        "later": _post(acc, later(NOW, hours=3), S.SCHEDULED, "later today"),
        "planned draft": _post(acc, later(NOW, hours=5), S.DRAFT, "draft given a time"),
        "failed": _post(acc, later(NOW, days=-90), S.FAILED, "refused long ago", error="Too long"),
        "crash": _post(acc, later(NOW, minutes=-2), S.PUBLISHING, "cut by a crash"),
        "recent": _post(acc, later(NOW, days=-2), S.PUBLISHED, "sent this week", remote_id="r"),
    }
    workspace.posts.save_many([*history, *pile, *in_play.values()])
    decoded.clear()

    net = FakeNetwork()
    pub = Publisher(workspace, FakeFactory(net), clock=FakeClock(NOW), probe=lambda host: True,
                    media_fit=lambda: None)
    pub.start(threads=False)
    try:
        pub.tick()
        rows = pub.outbox()
    finally:
        pub.stop()

    allowed = {p.id for p in in_play.values()}
    assert set(decoded) <= allowed, "decoded posts the publisher has no business with"
    # ...and it still did its job with them:
    assert target(workspace, in_play["due"].id).state == S.PUBLISHED
    assert target(workspace, in_play["planned draft"].id).state == S.SCHEDULED
    # Never journaled before the crash: recovered to due, then sent as planned.
    assert target(workspace, in_play["crash"].id).state == S.PUBLISHED
    assert {r.text for r in rows} == {p.text for p in in_play.values()}
    assert len(net.sent) == 2  # the due post and the one a crash interrupted, once each


def test_hand_off_limits_count_only_handed_off_posts(pub, workspace, clock, decoded):
    acc = add_account(workspace)
    workspace.posts.save_many([_post(acc, later(NOW, days=-40 - i), S.PUBLISHED, f"old {i}",
                                     remote_id=str(i)) for i in range(300)])
    pub.tick()  # the publisher reads each post it is told changed, once; not what is tested here
    decoded.clear()
    offered = [Post(text=f"p{i}", planned_at=later(clock.now(), hours=2, minutes=i), hand_off=True,
                    targets=[Target(acc.id, acc.network)]) for i in range(26)]
    workspace.posts.save_many(offered)
    pub.tick()
    states = [target(workspace, p.id).state for p in offered]
    assert states.count(S.HANDED_OFF) == 25 and states.count(S.SCHEDULED) == 1  # the daily limit
    assert set(decoded) <= {p.id for p in offered}


def test_the_outbox_lists_the_next_two_weeks_and_everything_that_needs_a_look(workspace, decoded):
    from cmdesk.core.publish.outbox import PLANNED_DAYS, outbox_rows

    acc = add_account(workspace)
    far_plan = [_post(acc, later(NOW, days=PLANNED_DAYS + 1 + i), S.SCHEDULED, f"far {i}")
                for i in range(200)]
    shown = {
        "overdue": _post(acc, later(NOW, days=-20), S.SCHEDULED, "due since a long trip"),
        "soon": _post(acc, later(NOW, days=PLANNED_DAYS - 1), S.SCHEDULED, "in the next two weeks"),
        "handed off": _post(acc, later(NOW, days=3), S.HANDED_OFF, "held by the network"),
        "failed later": _post(acc, later(NOW, days=60), S.FAILED, "refused", error="Too long"),
    }
    workspace.posts.save_many([*far_plan, *shown.values()])
    decoded.clear()

    rows = outbox_rows(workspace, NOW)
    assert {r.text for r in rows} == {p.text for p in shown.values()}
    assert set(decoded) <= {p.id for p in shown.values()}, "decoded the far plan"
    everything = outbox_rows(workspace, NOW, published_days=None)
    assert len(everything) == len(far_plan) + len(shown)
