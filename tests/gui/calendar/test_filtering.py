# SPDX-License-Identifier: GPL-3.0-or-later
"""Which state a chip shows and which chips the filter bar lets through."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from cmdesk.core.model import Post, Target
from cmdesk.core.model import TargetState as S
from cmdesk.gui.calendar.chips import Chip
from cmdesk.gui.calendar.filtering import PostFilter, state_of

NOW = datetime(2030, 1, 1, 12, tzinfo=timezone.utc)


def post(*states, minutes=60):
    return Post(planned_at=NOW + timedelta(minutes=minutes),
                targets=[Target(f"a{i}", "x", s) for i, s in enumerate(states)])


def display_state(p: Post, now: datetime) -> str:
    chip = Chip.of(p, timezone.utc)
    return state_of(chip.states, chip.planned_at, now)


def test_display_states():
    assert display_state(Post(), NOW) == "draft"
    assert display_state(post(S.DRAFT), NOW) == "draft"
    assert display_state(post(S.SCHEDULED), NOW) == "scheduled"
    assert display_state(post(S.SCHEDULED, minutes=-10), NOW) == "late"
    assert display_state(post(S.SCHEDULED, minutes=-1), NOW) == "scheduled"  # jitter, not late
    assert display_state(post(S.PUBLISHED, S.FAILED), NOW) == "failed"
    assert display_state(post(S.PUBLISHED, S.WAITING_NETWORK), NOW) == "waiting"
    assert display_state(post(S.PUBLISHED, S.PUBLISHED), NOW) == "published"
    assert display_state(post(S.HANDED_OFF, S.PUBLISHED), NOW) == "handed_off"
    assert display_state(post(S.NEEDS_AUTH), NOW) == "failed"


def test_text_search_looks_into_variants_and_threads():
    p = Chip.of(Post(text="Hello", variants={"x": "Short hello"}, thread=["More about cats"]),
                timezone.utc)
    assert PostFilter(text="cats").accepts(p, NOW)
    assert PostFilter(text="short").accepts(p, NOW)
    assert not PostFilter(text="dogs").accepts(p, NOW)
