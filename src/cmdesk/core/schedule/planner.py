# SPDX-License-Identifier: GPL-3.0-or-later
"""Wall-clock planning over aware instants: the workspace zone, DST gaps and overlaps, slots.

A post stores one instant (UTC) and the IANA zone it was planned in. The user, however, thinks
in wall-clock time in the workspace zone ("Tuesday 10:00"), and some wall-clock times do not
exist (the spring-forward gap) or exist twice (the fall-back overlap). The rules, applied
everywhere a wall-clock time becomes an instant (calendar drops, CSV rows, slots):

* nonexistent time (e.g. 02:30 on the last Sunday of March in Europe/Paris): shifted forward by
  the length of the gap (02:30 -> 03:30), and the caller is told so with ``Resolved.note``;
* ambiguous time (02:30 on the last Sunday of October in Paris): the first occurrence (still
  summer time, UTC+2), and the caller is told which one was chosen.

Posting slots are stored as weekday + "HH:MM" + zone and are resolved with the same rules on each
date, so a 09:00 slot stays at 09:00 across DST changes instead of drifting by an hour.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cmdesk.core.i18n import translate
from cmdesk.core.model import Post, Slot, TargetState

TIMEZONE_KEY = "timezone"  # workspace setting: an IANA zone name
DEFAULT_TIME = time(10, 0)  # where a post lands on a day without a free slot
SNAP_MINUTES = 15
QUEUE_HORIZON_DAYS = 366  # how far "Add to queue" looks before giving up


def system_zone() -> str:
    try:
        import tzlocal

        name = tzlocal.get_localzone_name()
    except Exception:  # noqa: BLE001 - a broken system setting must not stop the app
        name = None
    return name if name and is_valid_zone(name) else "UTC"


def is_valid_zone(name: str) -> bool:
    if not name or name != name.strip():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def workspace_zone(workspace) -> str:
    """The zone the calendar shows: the workspace setting, else the system's."""
    name = workspace.settings.get_value(TIMEZONE_KEY)
    return name if name and is_valid_zone(name) else system_zone()


@dataclass(frozen=True)
class Resolved:
    """An instant made from a wall-clock time, with a message when the time had to be adjusted."""

    instant: datetime  # aware, UTC
    note: str = ""  # translated; empty when the wall-clock time was unambiguous
    kind: str = "exact"  # "exact" | "shifted" (nonexistent) | "first" (ambiguous)


def resolve_local(day: date, wall: time, zone: str) -> Resolved:
    """The instant for ``day`` at ``wall`` in ``zone`` under the DST rules of this module."""
    tz = ZoneInfo(zone)
    first = datetime.combine(day, wall.replace(tzinfo=None, fold=0), tzinfo=tz)
    second = first.replace(fold=1)
    instant = first.astimezone(timezone.utc)
    back = instant.astimezone(tz)
    if (back.date(), back.time()) != (day, wall.replace(tzinfo=None, fold=0)):
        # In the gap, fold=0 uses the offset from before the change, which is exactly "shift
        # forward by the gap length" once read back on the new offset.
        note = translate(
            "Planner",
            "{time} does not exist on {date} in {zone} (clocks go forward); planned at {shifted}.",
        ).format(time=wall.strftime("%H:%M"), date=day.isoformat(), zone=zone,
                 shifted=back.strftime("%H:%M"))
        return Resolved(instant, note, "shifted")
    if first.utcoffset() != second.utcoffset():
        note = translate(
            "Planner",
            "{time} happens twice on {date} in {zone} (clocks go back); using the first one "
            "(UTC{offset}).",
        ).format(time=wall.strftime("%H:%M"), date=day.isoformat(), zone=zone,
                 offset=_offset_text(first.utcoffset()))
        return Resolved(instant, note, "first")
    return Resolved(instant)


def _offset_text(offset: timedelta | None) -> str:
    minutes = int((offset or timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


# Public: other views (``cmdesk outbox``) write offsets exactly as the planner's messages do.
offset_text = _offset_text


def to_local(instant: datetime, zone: str) -> datetime:
    return instant.astimezone(ZoneInfo(zone))


def local_day(instant: datetime, zone: str) -> date:
    return instant.astimezone(ZoneInfo(zone)).date()


def day_bounds(first: date, last_exclusive: date, zone: str) -> tuple[datetime, datetime]:
    """UTC instants covering local days [first, last_exclusive) in ``zone`` (DST-proof)."""
    tz = ZoneInfo(zone)
    start = datetime.combine(first, time(0), tzinfo=tz).astimezone(timezone.utc)
    end = datetime.combine(last_exclusive, time(0), tzinfo=tz).astimezone(timezone.utc)
    return start, end


def move_to_day(instant: datetime, day: date, zone: str) -> Resolved:
    """Same wall-clock time as ``instant`` has in ``zone``, on ``day`` (a calendar drop)."""
    wall = instant.astimezone(ZoneInfo(zone)).time().replace(tzinfo=None, fold=0)
    return resolve_local(day, wall, zone)


def snap(wall: time, minutes: int = SNAP_MINUTES) -> time:
    """Round a wall-clock time to the nearest step (week-view drops), never past 23:45."""
    total = wall.hour * 60 + wall.minute + (1 if wall.second >= 30 else 0)
    snapped = min(int(round(total / minutes)) * minutes, 24 * 60 - minutes)
    return time(snapped // 60, snapped % 60)


def week_start(day: date, first_weekday: int) -> date:
    """The first day of ``day``'s week; ``first_weekday`` uses Python's Monday=0."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def month_grid(year: int, month: int, first_weekday: int) -> list[date]:
    """The 42 days (6 weeks) a month view shows, starting on the locale's first weekday."""
    start = week_start(date(year, month, 1), first_weekday)
    return [start + timedelta(days=i) for i in range(42)]


def parse_wall(text: str) -> time:
    hours, minutes = text.strip().split(":")[:2]
    return time(int(hours), int(minutes))


def slot_instants(slot: Slot, start: datetime, end: datetime) -> Iterator[Resolved]:
    """Every occurrence of ``slot`` in [start, end), in time order."""
    tz = ZoneInfo(slot.zone)
    wall = parse_wall(slot.time)
    day = start.astimezone(tz).date() - timedelta(days=1)
    last = end.astimezone(tz).date() + timedelta(days=1)
    day += timedelta(days=(slot.weekday - day.weekday()) % 7)
    while day <= last:
        resolved = resolve_local(day, wall, slot.zone)
        if start <= resolved.instant < end:
            yield resolved
        day += timedelta(days=7)


def next_free_slot(slots: Iterable[Slot], after: datetime, taken: set[datetime],
                   horizon_days: int = QUEUE_HORIZON_DAYS) -> Resolved | None:
    """The earliest slot occurrence strictly after ``after`` whose instant is not ``taken``."""
    slots = list(slots)
    if not slots:
        return None
    window = timedelta(days=14)
    start = after + timedelta(microseconds=1)
    limit = after + timedelta(days=horizon_days)
    while start < limit:
        end = min(start + window, limit)
        found = sorted(
            (r for s in slots for r in slot_instants(s, start, end)), key=lambda r: r.instant
        )
        for resolved in found:
            if resolved.instant not in taken:
                return resolved
        start = end
    return None


def default_time_on(day: date, zone: str, slots: Iterable[Slot], taken: set[datetime],
                    now: datetime) -> Resolved:
    """Where a new post dropped on ``day`` goes: its first free slot that day, else 10:00."""
    start, end = day_bounds(day, day + timedelta(days=1), zone)
    start = max(start, now)
    free = sorted(
        (r for s in slots for r in slot_instants(s, start, end) if r.instant not in taken),
        key=lambda r: r.instant,
    )
    return free[0] if free else resolve_local(day, DEFAULT_TIME, zone)


def add_to_queue(post: Post, accounts: Iterable, scheduled: Iterable[Post],
                 now: datetime) -> Resolved | None:
    """Plan ``post`` at the next free slot of its accounts ("Add to queue").

    A slot is taken when another post already targets one of the same accounts at that instant.
    Returns None when the accounts have no slot (the caller tells the user to add one).
    """
    wanted = {t.account_id for t in post.targets}
    slots = [s for a in accounts if a.id in wanted for s in a.slots]
    taken = {
        p.planned_at for p in scheduled
        if p.id != post.id and p.planned_at and wanted & {t.account_id for t in p.targets}
    }
    resolved = next_free_slot(slots, now, taken)
    if resolved is not None:
        schedule(post, resolved.instant, zone=slot_zone(slots, resolved))
    return resolved


def slot_zone(slots: list[Slot], resolved: Resolved) -> str:
    for slot in slots:
        if resolved.instant.astimezone(ZoneInfo(slot.zone)).strftime("%H:%M") == slot.time:
            return slot.zone
    return slots[0].zone


def schedule(post: Post, instant: datetime, zone: str) -> Post:
    """Give ``post`` a time; its draft targets become scheduled."""
    post.planned_at = instant.astimezone(timezone.utc)
    post.zone = zone
    for target in post.targets:
        if target.state == TargetState.DRAFT:
            target.state = TargetState.SCHEDULED
    return post


def unschedule(post: Post) -> Post:
    """Back to the drafts list; scheduled targets become drafts again."""
    post.planned_at = None
    for target in post.targets:
        if target.state in (TargetState.SCHEDULED, TargetState.DUE):
            target.state = TargetState.DRAFT
    return post


def move_refusal(post: Post) -> str:
    """Why ``post`` may not be moved or unscheduled, or "" when it may.

    A published post already went out at its time: moving it would make the calendar lie. A post
    being published right now (or whose outcome is unknown) may go out any second.
    """
    states = {t.state for t in post.targets}
    if TargetState.PUBLISHED in states:
        return translate("Planner", "This post is already published; it cannot be moved. "
                                    "Duplicate it (Ctrl-drag) to post it again.")
    if states & {TargetState.PUBLISHING, TargetState.UNCONFIRMED}:
        return translate("Planner", "This post is being published right now; wait until it "
                                    "is done before moving it.")
    return ""
