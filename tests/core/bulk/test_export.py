# SPDX-License-Identifier: GPL-3.0-or-later
"""Exports: a CSV that imports back to the same posts, and an .ics calendars accept."""

from __future__ import annotations

from datetime import datetime, timezone

import icalendar

from cmdesk.core.bulk.csv_export import export_csv
from cmdesk.core.bulk.csv_import import read_csv
from cmdesk.core.bulk.ics_export import export_ics
from cmdesk.core.model import Account, MediaRef, Post, Target, TargetState


def sample(tmp_path):
    img = tmp_path / "photo, 1.jpg"
    img.write_bytes(b"x")
    accounts = [Account(network="mastodon", name="@a@m.social", id="m1"),
                Account(network="bluesky", name="Maison Brioche, Lyon", id="b1")]
    posts = [
        Post(text='Quote "this", then\na new line; ok', zone="Europe/Paris",
             planned_at=datetime(2026, 3, 29, 1, 30, tzinfo=timezone.utc),
             targets=[Target("m1", "mastodon", TargetState.SCHEDULED),
                      Target("b1", "bluesky", TargetState.SCHEDULED)],
             media=[MediaRef(str(img), alt="Un chat | noir")], tags=["promo", "été"],
             campaign="Printemps"),
        Post(text="Montreal", zone="America/Montreal",
             planned_at=datetime(2026, 11, 1, 5, 30, tzinfo=timezone.utc),
             targets=[Target("b1", "bluesky", TargetState.SCHEDULED)]),
        Post(text="A draft", zone="Europe/Paris", targets=[Target("m1", "mastodon")]),
    ]
    return accounts, posts


def essence(post: Post):
    return (post.text, post.planned_at, post.zone,
            sorted((t.account_id, t.network, str(t.state)) for t in post.targets),
            [(m.path, m.alt) for m in post.media], post.tags, post.campaign)


def test_csv_round_trip_gives_back_the_same_posts(tmp_path):
    accounts, posts = sample(tmp_path)
    path = tmp_path / "out.csv"
    assert export_csv(path, posts, accounts) == 3
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    plan = read_csv(path, accounts, default_zone="UTC")
    assert plan.bad_rows == []
    expected = [essence(p) for p in posts]
    # "|" separates alt texts in a cell, so an alt text's own "|" comes back as "/".
    media = [(posts[0].media[0].path, "Un chat / noir")]
    expected[0] = expected[0][:4] + (media,) + expected[0][5:]
    assert [essence(p) for p in plan.posts()] == expected


def test_ics_has_one_event_per_scheduled_post_at_its_instant(tmp_path):
    accounts, posts = sample(tmp_path)
    path = tmp_path / "out.ics"
    assert export_ics(path, posts, accounts) == 2
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert [str(e["uid"]) for e in events] == [f"{posts[0].id}@cmdesk", f"{posts[1].id}@cmdesk"]
    assert events[0].decoded("dtstart") == posts[0].planned_at
    assert str(events[0]["summary"]) == 'Quote "this", then'
    assert "@a@m.social (mastodon)" in str(events[0]["description"])
    assert "Maison Brioche, Lyon (bluesky)" in str(events[0]["description"])
    assert cal["version"] == "2.0" and "prodid" in cal
