# SPDX-License-Identifier: GPL-3.0-or-later
"""A loaded month of chips, and how it is read from the store (on the storage thread).

The store hands out cards (read from entry headers); a chip is made straight from one and the
Post itself is decoded later, off the storage thread, so a month shows as soon as its cards are
read.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from cmdesk.core.model import Post
from cmdesk.core.schedule import planner
from cmdesk.core.store.cards import PostCard
from cmdesk.gui.calendar.chips import Chip

def clone(post: Post) -> Post:
    return Post.from_doc(post.to_doc())


@dataclass
class Window:
    """The scheduled posts of local days [first, last) in the workspace zone."""

    first: date
    last: date
    by_day: dict[date, list[Chip]] = field(default_factory=dict)
    day_of: dict[str, date] = field(default_factory=dict)

    def covers(self, day: date) -> bool:
        return self.first <= day < self.last

    def add(self, chip: Chip) -> None:
        day = chip.local.date()
        chips = self.by_day.setdefault(day, [])
        keys = [c.sort_key for c in chips]
        chips.insert(bisect.bisect(keys, chip.sort_key), chip)
        self.day_of[chip.id] = day

    def remove(self, post_id: str) -> None:
        day = self.day_of.pop(post_id, None)
        if day is not None:
            self.by_day[day] = [c for c in self.by_day[day] if c.id != post_id]


def load_window(posts, first: date, last: date, zone: str, tz) -> Window:
    """The scheduled posts of local days [first, last) in ``zone``, as undecoded chips."""
    start, end = planner.day_bounds(first, last, zone)
    window = Window(first, last)
    for card in posts.cards_between(start, end):  # sorted by time; unreadable ones left out
        chip = Chip.of_card(card, tz)
        day = chip.local.date()
        window.by_day.setdefault(day, []).append(chip)
        window.day_of[chip.id] = day
    return window


DECODE_CHUNK = 200  # posts decoded between two checks that the result is still wanted


def decode_posts(cards: list[PostCard], wanted: Callable[[], bool] = lambda: True) -> list[Post]:
    """Posts from cards, in order; stops early (a shorter list) once ``wanted()`` is false."""
    posts: list[Post] = []
    for start in range(0, len(cards), DECODE_CHUNK):
        if not wanted():
            break
        posts.extend(card.post() for card in cards[start:start + DECODE_CHUNK])
    return posts


def month_key(day: date) -> tuple[int, int]:
    return (day.year, day.month)


def shift_month(key: tuple[int, int], delta: int) -> tuple[int, int]:
    index = key[0] * 12 + key[1] - 1 + delta
    return (index // 12, index % 12 + 1)
