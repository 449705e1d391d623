# SPDX-License-Identifier: GPL-3.0-or-later
"""Wall-clock planning: DST gaps and overlaps, zones seen from elsewhere, slots and the queue."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from cmdesk.core.model import Account, Post, Slot, Target, TargetState
from cmdesk.core.schedule import planner

PARIS = "Europe/Paris"
SPRING = date(2026, 3, 29)  # clocks go 02:00 -> 03:00
FALL = date(2026, 10, 25)  # clocks go 03:00 -> 02:00


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def test_nonexistent_spring_forward_time_moves_one_hour_later_and_says_so():
    r = planner.resolve_local(SPRING, time(2, 30), PARIS)
    assert r.kind == "shifted"
    assert planner.to_local(r.instant, PARIS).time() == time(3, 30)
    assert r.instant == utc(2026, 3, 29, 1, 30)
    assert "03:30" in r.note and "02:30" in r.note


def test_ambiguous_fall_back_time_takes_the_first_occurrence_and_says_which():
    r = planner.resolve_local(FALL, time(2, 30), PARIS)
    assert r.kind == "first"
    assert r.instant == utc(2026, 10, 25, 0, 30)  # still summer time, UTC+2
    assert "UTC+02:00" in r.note


def test_ordinary_time_is_exact_and_silent():
    r = planner.resolve_local(date(2026, 7, 1), time(9, 0), PARIS)
    assert (r.kind, r.note, r.instant) == ("exact", "", utc(2026, 7, 1, 7, 0))


def test_post_planned_in_paris_seen_from_montreal_shows_montreal_wall_clock():
    r = planner.resolve_local(date(2026, 6, 10), time(15, 0), PARIS)
    seen = planner.to_local(r.instant, "America/Montreal")
    assert (seen.date(), seen.time()) == (date(2026, 6, 10), time(9, 0))
    # An early-morning Paris post is still the previous evening in Montreal.
    early = planner.resolve_local(date(2026, 6, 10), time(4, 0), PARIS)
    assert planner.local_day(early.instant, "America/Montreal") == date(2026, 6, 9)


def test_moving_across_the_spring_change_keeps_the_wall_clock_time():
    before = planner.resolve_local(date(2026, 3, 27), time(9, 0), PARIS).instant
    moved = planner.move_to_day(before, date(2026, 3, 30), PARIS).instant
    assert planner.to_local(moved, PARIS).time() == time(9, 0)
    assert moved - before == timedelta(days=3, hours=-1)  # the instant absorbs the DST hour


def test_day_bounds_cover_a_23_hour_day():
    start, end = planner.day_bounds(SPRING, SPRING + timedelta(days=1), PARIS)
    assert end - start == timedelta(hours=23)


def test_snap_rounds_to_quarter_hours_and_never_leaves_the_day():
    assert planner.snap(time(10, 7)) == time(10, 0)
    assert planner.snap(time(10, 8)) == time(10, 15)
    assert planner.snap(time(23, 59)) == time(23, 45)


def test_month_grid_starts_on_the_locale_first_weekday():
    monday = planner.month_grid(2026, 11, 0)
    sunday = planner.month_grid(2026, 11, 6)
    assert monday[0] == date(2026, 10, 26) and monday[0].weekday() == 0
    assert sunday[0] == date(2026, 11, 1) and len(sunday) == 42


def test_slot_keeps_its_wall_clock_time_across_dst():
    slot = Slot(weekday=6, time="09:00", zone=PARIS)  # Sundays
    found = list(planner.slot_instants(slot, utc(2026, 3, 20), utc(2026, 4, 6)))
    assert [planner.to_local(r.instant, PARIS).time() for r in found] == [time(9, 0)] * 3
    assert [r.instant.hour for r in found] == [8, 7, 7]  # UTC shifts, the wall clock does not


def test_add_to_queue_takes_the_next_free_slot_of_the_post_accounts():
    acct = Account(network="mastodon", name="@a@x", slots=[
        Slot(weekday=0, time="09:00", zone=PARIS), Slot(weekday=2, time="14:00", zone=PARIS)])
    other = Account(network="bluesky", name="b", slots=[Slot(weekday=1, time="08:00", zone=PARIS)])
    now = utc(2026, 6, 1, 8, 0)  # Monday 10:00 in Paris: Monday's slot has passed
    busy = Post(targets=[Target(acct.id, "mastodon", TargetState.SCHEDULED)],
                planned_at=utc(2026, 6, 3, 12, 0))  # Wednesday 14:00 Paris is taken
    post = Post(targets=[Target(acct.id, "mastodon")])
    r = planner.add_to_queue(post, [acct, other], [busy], now)
    assert r is not None and post.planned_at == utc(2026, 6, 8, 7, 0)  # next Monday 09:00
    assert post.targets[0].state == TargetState.SCHEDULED and post.zone == PARIS


def test_add_to_queue_without_slots_plans_nothing():
    post = Post(targets=[Target("nope", "x")])
    assert planner.add_to_queue(post, [], [], utc(2026, 1, 1)) is None
    assert post.planned_at is None


def test_default_time_is_the_first_free_slot_that_day_else_ten():
    slots = [Slot(weekday=2, time="08:30", zone=PARIS), Slot(weekday=2, time="17:00", zone=PARIS)]
    day = date(2026, 6, 3)
    taken = {planner.resolve_local(day, time(8, 30), PARIS).instant}
    r = planner.default_time_on(day, PARIS, slots, taken, utc(2026, 1, 1))
    assert planner.to_local(r.instant, PARIS).time() == time(17, 0)
    r = planner.default_time_on(date(2026, 6, 4), PARIS, slots, taken, utc(2026, 1, 1))
    assert planner.to_local(r.instant, PARIS).time() == time(10, 0)


def test_published_and_in_flight_posts_refuse_to_move():
    assert planner.move_refusal(Post(targets=[Target("a", "x", TargetState.SCHEDULED)])) == ""
    published = Post(targets=[Target("a", "x", TargetState.PUBLISHED)])
    assert "published" in planner.move_refusal(published)
    assert planner.move_refusal(Post(targets=[Target("a", "x", TargetState.UNCONFIRMED)]))


def test_workspace_zone_falls_back_to_the_system_zone(workspace):
    assert planner.workspace_zone(workspace) == planner.system_zone()
    workspace.settings.set_value(planner.TIMEZONE_KEY, "America/Montreal")
    assert planner.workspace_zone(workspace) == "America/Montreal"
    workspace.settings.set_value(planner.TIMEZONE_KEY, "Mars/Olympus")
    assert planner.workspace_zone(workspace) == planner.system_zone()


def test_schedule_and_unschedule_move_target_states():
    post = Post(targets=[Target("a", "x")])
    planner.schedule(post, datetime(2026, 5, 1, 10, tzinfo=ZoneInfo(PARIS)), PARIS)
    assert post.planned_at == utc(2026, 5, 1, 8) and post.targets[0].state == "scheduled"
    planner.unschedule(post)
    assert post.planned_at is None and post.targets[0].state == "draft"
