# SPDX-License-Identifier: GPL-3.0-or-later
"""Scheduled posts as an iCalendar file any calendar app can import or subscribe to."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

import icalendar

from cmdesk import __version__
from cmdesk.core.bulk.csv_export import write_atomically
from cmdesk.core.i18n import translate
from cmdesk.core.model import Account, Post, utc_now

EVENT_LENGTH = timedelta(minutes=15)  # posts are instants; calendars want a visible block
SUMMARY_CHARS = 80


def _summary(post: Post) -> str:
    first = (post.text.strip().splitlines() or [translate("IcsExport", "(image post)")])[0]
    return first if len(first) <= SUMMARY_CHARS else first[: SUMMARY_CHARS - 1] + "\u2026"


def build_calendar(posts: Iterable[Post], accounts: Iterable[Account],
                   name: str = "cmdesk") -> icalendar.Calendar:
    names = {a.id: f"{a.name} ({a.network})" for a in accounts}
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//cmdesk//cmdesk {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = utc_now()
    for post in sorted((p for p in posts if p.planned_at), key=lambda p: p.planned_at):
        event = icalendar.Event()
        # A stable UID lets a subscribed calendar update the event when the post moves.
        event.add("uid", f"{post.id}@cmdesk")
        event.add("dtstamp", stamp)
        event.add("dtstart", post.planned_at)
        event.add("dtend", post.planned_at + EVENT_LENGTH)
        event.add("last-modified", post.updated_at)
        event.add("summary", _summary(post))
        where = ", ".join(names.get(t.account_id, t.network) for t in post.targets)
        event.add("description", post.text + (f"\n\n{where}" if where else ""))
        if post.tags:
            event.add("categories", post.tags)
        event.add("x-cmdesk-zone", post.zone)
        cal.add_component(event)
    return cal


def export_ics(path: str | Path, posts: Iterable[Post], accounts: Iterable[Account]) -> int:
    cal = build_calendar(list(posts), accounts)
    write_atomically(Path(path), cal.to_ical())
    return len(cal.subcomponents)
