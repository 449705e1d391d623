# SPDX-License-Identifier: GPL-3.0-or-later
"""The time index agrees with a plain dict model after any sequence of saves, moves, deletes,
batch changes, compactions and reopenings (hypothesis drives the sequence)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from cmdesk.core.model import Post
from cmdesk.core.store import open_workspace

EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
IDS = [f"post{i}" for i in range(12)]
minutes = st.one_of(st.none(), st.integers(0, 60 * 24 * 90))  # None = draft; 90 days
ids = st.sampled_from(IDS)


def moment(m: int | None) -> datetime | None:
    return None if m is None else EPOCH + timedelta(minutes=m)


class StoreVsModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        import tempfile
        from pathlib import Path

        self._tmp = tempfile.TemporaryDirectory()
        self.directory = Path(self._tmp.name) / "ws"
        self.ws = open_workspace(self.directory, compact_bytes=4096)
        self.model: dict[str, int | None] = {}

    @rule(post_id=ids, m=minutes)
    def save(self, post_id, m):
        self.ws.posts.save(Post(id=post_id, text=f"{post_id} 🗓", planned_at=moment(m)))
        self.model[post_id] = m

    @rule(batch=st.dictionaries(ids, minutes, min_size=1, max_size=5))
    def save_many(self, batch):
        self.ws.posts.save_many([Post(id=i, planned_at=moment(m)) for i, m in batch.items()])
        self.model.update(batch)

    @rule(post_id=ids)
    def delete(self, post_id):
        assert self.ws.posts.delete(post_id) == (post_id in self.model)
        self.model.pop(post_id, None)

    @rule(batch=st.lists(ids, max_size=4))
    def delete_many(self, batch):
        self.ws.posts.delete_many(batch)
        for i in batch:
            self.model.pop(i, None)

    @precondition(lambda self: self.model)
    @rule()
    def compact(self):
        self.ws.compact()

    @rule()
    def reopen(self):
        self.ws.close()
        self.ws = open_workspace(self.directory, compact_bytes=4096)

    @invariant()
    def ranges_match(self):
        for lo, hi in [(0, 60 * 24 * 90 + 1), (0, 60 * 24 * 7), (60 * 24 * 30, 60 * 24 * 31), (500, 501)]:
            expected = sorted((m, i) for i, m in self.model.items() if m is not None and lo <= m < hi)
            got = [(round((p.planned_at - EPOCH).total_seconds() / 60), p.id)
                   for p in self.ws.posts.between(moment(lo), moment(hi))]
            assert [m for m, _ in got] == sorted(m for m, _ in got)  # in time order
            assert sorted(got) == expected  # ties (same minute) in no promised order
        assert sorted(p.id for p in self.ws.posts.drafts()) == sorted(i for i, m in self.model.items() if m is None)
        assert len(self.ws.posts) == len(self.model)

    def teardown(self):
        self.ws.close()
        self._tmp.cleanup()


StoreVsModel.TestCase.settings = settings(
    max_examples=30, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_time_index_matches_a_dict_model = StoreVsModel.TestCase
