# SPDX-License-Identifier: GPL-3.0-or-later
"""Week view drops set the time (15-minute snapping); drafts schedule and unschedule by drag;
pictures dropped from the file manager become a post."""

from __future__ import annotations

from datetime import date, time

from PIL import Image
from PySide6.QtCore import QLocale, QPoint

from cmdesk.core.model import Post, Target, TargetState
from cmdesk.core.schedule import planner

from .conftest import at, drop, files_mime, ids_mime, scheduled, settle, stored


def wall(post):
    local = planner.to_local(post.planned_at, "Europe/Paris")
    return local.date(), local.time()


def point_in_week(grid, day: date, hour: float) -> QPoint:
    index = grid.days().index(day)
    col = grid.column(index)
    return QPoint(col.center().x(), int(hour * grid.hour_h))


def test_week_drop_sets_the_time_under_the_pointer_snapped_to_15_minutes(
        make_calendar, services, qtbot):
    account = services.workspace.accounts.get("m1")
    post = scheduled("Webinar", at(date(2030, 5, 7), 9, 0), account)
    cal = make_calendar([post], day=date(2030, 5, 7), view="week")
    grid = cal.week.grid
    assert grid.days()[0] == date(2030, 5, 5)  # en_US weeks start on Sunday
    drop(grid, point_in_week(grid, date(2030, 5, 9), 14 + 22 / 60), ids_mime(post.id))
    qtbot.waitUntil(lambda: wall(stored(services, post.id)) == (date(2030, 5, 9), time(14, 15)))
    cal.undo_stack.undo()
    qtbot.waitUntil(lambda: wall(stored(services, post.id)) == (date(2030, 5, 7), time(9, 0)))


def test_french_weeks_start_on_monday(qtbot, services, runner):
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        from cmdesk.gui.calendar import CalendarWidget

        cal = CalendarWidget(services, runner)
        qtbot.addWidget(cal)
        cal.set_view("week")
        cal.go_to_date(date(2030, 5, 8))
        qtbot.waitUntil(lambda: cal.data.is_loaded(date(2030, 5, 8)) and not cal.data._loading)
        assert cal.week.grid.days()[0] == date(2030, 5, 6)
        assert cal.month.days()[0].weekday() == 0
        assert cal.title.text().startswith("6 mai")
    finally:
        QLocale.setDefault(QLocale.c())


def test_drag_a_draft_onto_a_day_schedules_it_and_back_unschedules(make_calendar, services, qtbot):
    draft = Post(text="Someday", zone="Europe/Paris", targets=[Target("m1", "mastodon")])
    cal = make_calendar([draft])
    qtbot.waitUntil(lambda: cal.drafts.list.chip_model.rowCount() == 1)
    # Wednesday 2030-05-08: the account's 08:30 slot is free, so the draft goes there.
    drop(cal.month, cal.month.day_rect(date(2030, 5, 8)).center(), ids_mime(draft.id))
    assert cal.drafts.list.chip_model.rowCount() == 0
    qtbot.waitUntil(lambda: stored(services, draft.id).planned_at is not None)
    post = stored(services, draft.id)
    assert wall(post) == (date(2030, 5, 8), time(8, 30))
    assert post.targets[0].state == TargetState.SCHEDULED
    # A day without a slot: 10:00.
    cal.undo_stack.undo()
    qtbot.waitUntil(lambda: stored(services, draft.id).planned_at is None)
    drop(cal.month, cal.month.day_rect(date(2030, 5, 9)).center(), ids_mime(draft.id))
    qtbot.waitUntil(lambda: stored(services, draft.id).planned_at is not None)
    assert wall(stored(services, draft.id)) == (date(2030, 5, 9), time(10, 0))
    # Dropping it on the drafts list takes it off the calendar again.
    drop(cal.drafts.list, cal.drafts.list.rect().center(), ids_mime(draft.id))
    qtbot.waitUntil(lambda: stored(services, draft.id).planned_at is None)
    assert stored(services, draft.id).targets[0].state == TargetState.DRAFT
    assert cal.drafts.list.chip_model.rowCount() == 1


def test_dropping_a_picture_from_the_file_manager_creates_a_post(make_calendar, services,
                                                                 qtbot, tmp_path):
    picture = tmp_path / "sunset.png"
    Image.new("RGB", (80, 50), (250, 120, 40)).save(picture)
    notes = tmp_path / "notes.txt"
    notes.write_text("not a picture")
    cal = make_calendar()
    refused = drop(cal.month, cal.month.day_rect(date(2030, 5, 10)).center(), files_mime(notes))
    assert not refused.isAccepted()
    drop(cal.month, cal.month.day_rect(date(2030, 5, 10)).center(), files_mime(picture))
    settle(qtbot, cal)
    (post,) = list(services.workspace.posts.all())
    assert post.media[0].path == str(picture)
    assert wall(post) == (date(2030, 5, 10), time(10, 0))
    chip = cal.data.chips_on(date(2030, 5, 10))[0]
    qtbot.waitUntil(lambda: cal.thumbs.get(chip.thumb) is not None)  # made off the GUI thread
    cal.undo_stack.undo()
    qtbot.waitUntil(lambda: list(services.workspace.posts.all()) == [])


def test_dragging_near_the_bottom_edge_scrolls_the_week(make_calendar, services, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QDragMoveEvent

    account = services.workspace.accounts.get("m1")
    post = scheduled("Evening", at(date(2030, 5, 7), 9, 0), account)
    cal = make_calendar([post], day=date(2030, 5, 7), view="week")
    grid, bar = cal.week.grid, cal.week.scroll_area.verticalScrollBar()
    start = bar.value()
    viewport = cal.week.scroll_area.viewport()
    near_bottom = grid.mapFrom(viewport, QPoint(grid.column(2).center().x(),
                                                viewport.height() - 5))
    mime = ids_mime(post.id)
    event = QDragMoveEvent(near_bottom, Qt.DropAction.MoveAction, mime,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    grid.dragMoveEvent(event)
    qtbot.waitUntil(lambda: bar.value() > start + grid.hour_h)
    grid.dragLeaveEvent(None)
    assert not grid._autoscroll.isActive()  # leaving the grid stops the scrolling


def test_pictures_dropped_on_the_drafts_list_start_a_draft(make_calendar, services, qtbot,
                                                          tmp_path):
    picture = tmp_path / "menu.jpg"
    Image.new("RGB", (40, 40), (10, 200, 90)).save(picture)
    cal = make_calendar()
    event = drop(cal.drafts.list, cal.drafts.list.rect().center(), files_mime(picture))
    assert event.isAccepted()
    qtbot.waitUntil(lambda: len(list(services.workspace.posts.all())) == 1)
    (post,) = services.workspace.posts.all()
    assert post.planned_at is None and post.media[0].path == str(picture)
    assert cal.drafts.list.chip_model.rowCount() == 1
    cal.undo_stack.undo()
    qtbot.waitUntil(lambda: list(services.workspace.posts.all()) == [])
