# SPDX-License-Identifier: GPL-3.0-or-later
"""The state machine refuses every jump that could mean a second post or a lost one."""

from __future__ import annotations

import pytest

from cmdesk.core.model import Target, TargetState
from cmdesk.core.publish.states import ALLOWED, IllegalTransition, move
from tests.core.publish.fakes import utc

S = TargetState
NOW = utc(2026, 6, 1, 8, 0)


@pytest.mark.parametrize("start", list(S))
@pytest.mark.parametrize("end", list(S))
def test_every_pair_is_either_allowed_and_recorded_or_refused_untouched(start, end):
    t = Target("a", "mastodon", state=start)
    if end == start or end in ALLOWED[start]:
        move(t, end, NOW, "why")
        assert t.state == end
        assert t.history[-1].state == str(end) and t.history[-1].note == "why"
        assert t.history[-1].at == "2026-06-01T08:00:00.000000Z"
    else:
        with pytest.raises(IllegalTransition):
            move(t, end, NOW, "why")
        assert t.state == start and t.history == []


def test_published_is_final():
    assert ALLOWED[S.PUBLISHED] == frozenset()


def test_every_state_is_reachable_from_draft():
    seen, frontier = {S.DRAFT}, [S.DRAFT]
    while frontier:
        for nxt in ALLOWED[frontier.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    assert seen == set(S)
