# SPDX-License-Identifier: GPL-3.0-or-later
"""Months load as documents and decode to Posts later; the decoding stops when not wanted."""

from __future__ import annotations

from datetime import date

from cmdesk.core.model import Account, Post
from cmdesk.gui.calendar.windows import DECODE_CHUNK, decode_posts

from .conftest import at, scheduled


def test_decoding_stops_between_chunks_once_unwanted():
    docs = [Post(text=str(i)).to_doc() for i in range(DECODE_CHUNK * 3)]
    assert [p.text for p in decode_posts(docs)] == [str(i) for i in range(len(docs))]
    calls = []

    def wanted() -> bool:
        calls.append(1)
        return len(calls) < 2

    assert len(decode_posts(docs, wanted)) == DECODE_CHUNK


def test_a_shown_month_is_decoded_in_the_background(make_calendar, services, qtbot):
    account = services.workspace.accounts.get("b1")
    # One crowded day: most of its chips are never painted, so only the background pass decodes.
    posts = [scheduled(f"P{i}", at(date(2030, 5, 15), 8, i), account) for i in range(50)]
    cal = make_calendar(posts)
    chips = cal.data.chips_on(date(2030, 5, 15))
    assert len(chips) == 50
    qtbot.waitUntil(lambda: all(c.decoded for c in chips))
    assert sorted(c.post.text for c in chips) == sorted(p.text for p in posts)


def test_a_damaged_document_does_not_blank_the_month():
    from zoneinfo import ZoneInfo

    from cmdesk.gui.calendar.windows import load_window

    good = scheduled("Fine", at(date(2030, 5, 3), 9), Account(network="x", name="n", id="a"))
    damaged = {"id": "bad", "planned_at": "not a date", "targets": []}

    class Posts:
        def docs_between(self, start, end):
            return [damaged, good.to_doc()]

    window = load_window(Posts(), date(2030, 5, 1), date(2030, 6, 1), "Europe/Paris",
                         ZoneInfo("Europe/Paris"))
    assert [c.id for c in window.by_day[date(2030, 5, 3)]] == [good.id]
