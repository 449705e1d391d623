# SPDX-License-Identifier: GPL-3.0-or-later
"""What the publisher reads at 100,000 posts: start() + one pass, then one outbox() call.

The workspace: 1% scheduled posts in the next weeks, 10% unscheduled drafts, the rest published
over three years. The publisher reads only the posts in play from the store's indexes. Baseline,
measured in the same run: decoding every post once (``posts.all()``), which is what start() and
the outbox each did before. Target: both well under the baseline (a fraction of it). Then a
later pass (after an edit), beside one that looks at every planned post again, as each pass did
before planned posts slept until their instant.
"""

from __future__ import annotations

import tempfile
import time
from datetime import timedelta
from pathlib import Path

from tests.core.publish.fakes import FakeFactory, FakeNetwork, add_account, utc

from cmdesk.core.clock import FakeClock
from cmdesk.core.model import Post, Target, TargetState
from cmdesk.core.publish.engine import Publisher
from cmdesk.core.store import open_workspace

POSTS = 100_000
S = TargetState


def _fill(ws, now) -> str:
    acc = add_account(ws)
    posts = []
    for i in range(POSTS):
        if i % 100 == 0:
            at, state = now + timedelta(hours=i // 100 + 1), S.SCHEDULED
        elif i % 10 == 0:
            at, state = None, S.DRAFT
        else:
            at, state = now - timedelta(minutes=15 * i), S.PUBLISHED
        posts.append(Post(text=f"post {i}", planned_at=at,
                          targets=[Target(acc.id, acc.network, state=state)]))
    for start in range(0, POSTS, 5000):
        ws.posts.save_many(posts[start:start + 5000])
    return acc.id


def run() -> list[str]:
    now = utc(2026, 6, 1, 8, 0)
    with tempfile.TemporaryDirectory(prefix="cmdesk-bench-reads-") as tmp:
        ws = open_workspace(Path(tmp))
        try:
            acc_id = _fill(ws, now)
            t0 = time.perf_counter()
            everything = sum(1 for _ in ws.posts.all())
            scan = time.perf_counter() - t0
            pub = Publisher(ws, FakeFactory(FakeNetwork()), clock=FakeClock(now),
                            probe=lambda host: True, media_fit=lambda: None)
            t0 = time.perf_counter()
            pub.start(threads=False)
            pub.tick()
            started = time.perf_counter() - t0
            t0 = time.perf_counter()
            rows = pub.outbox()
            outbox = time.perf_counter() - t0
            # A later pass, as after each edit in the calendar: the planned posts sleep until
            # their instant (dormant.py), so it reads only what changed.
            ws.posts.save(Post(text="an edit", planned_at=None,
                               targets=[Target(acc_id, "mastodon", state=S.DRAFT)]))
            t0 = time.perf_counter()
            pub.tick()
            again = time.perf_counter() - t0
            pub.wake_dormant()  # what every pass did before: look at every planned post
            t0 = time.perf_counter()
            pub.tick()
            every = time.perf_counter() - t0
            pub.stop()
        finally:
            ws.close()
    return [
        f"baseline: decoding all {everything} posts once takes {scan * 1000:.0f} ms",
        f"start() + one pass: {started * 1000:.1f} ms = {started / scan:.3f} x baseline",
        f"outbox(): {len(rows)} rows in {outbox * 1000:.1f} ms = {outbox / scan:.3f} x baseline",
        (f"a later pass (after an edit): {again * 1000:.2f} ms; one that looks at every planned "
         f"post again (as before posts slept): {every * 1000:.1f} ms = {every / again:.0f} x slower"),
    ]
