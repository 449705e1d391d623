# SPDX-License-Identifier: GPL-3.0-or-later
"""Months load as cards and decode to Posts later; the decoding stops when not wanted."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from cmdesk.core.model import Post
from cmdesk.gui.calendar.windows import DECODE_CHUNK, decode_posts

from .conftest import at, scheduled


def test_decoding_stops_between_chunks_once_unwanted(services):
    posts = services.workspace.posts
    first = datetime(2030, 5, 1, tzinfo=UTC)
    posts.save_many([Post(text=str(i), planned_at=first + timedelta(minutes=i))
                     for i in range(DECODE_CHUNK * 3)])
    docs = posts.cards_between(first, first + timedelta(days=30))
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


def test_painting_a_month_never_decodes_its_posts(make_calendar, services, qtbot, monkeypatch):
    account = services.workspace.accounts.get("b1")
    posts = [scheduled(f"P{i}", at(date(2030, 5, 1 + i % 28), 8 + i % 10), account)
             for i in range(300)]
    decoded = []
    real = Post.from_doc
    monkeypatch.setattr(Post, "from_doc", lambda doc: decoded.append(doc["id"]) or real(doc))
    cal = make_calendar(posts)
    decoded.clear()  # the drafts list and the saves
    cal.data._decode_timer.stop()  # the background pass is tested above
    cal.month.repaint()
    cal.set_view("agenda")
    cal.agenda.viewport().repaint()
    cal.set_view("week")
    cal.week.repaint()
    assert sum(len(cal.data.chips_on(date(2030, 5, d))) for d in range(1, 29)) == 300
    assert decoded == []
