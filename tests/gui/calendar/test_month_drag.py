# SPDX-License-Identifier: GPL-3.0-or-later
"""Month view: chips where they belong, drops that keep the time of day, undo and redo."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from cmdesk.core.model import TargetState, utc_now
from cmdesk.core.schedule import planner

from .conftest import at, drop, ids_mime, scheduled, settle, stored


def local_time(post):
    local = planner.to_local(post.planned_at, "Europe/Paris")
    return local.date(), local.time()


def test_drop_on_another_day_keeps_the_time_and_undo_redo_follow(make_calendar, services, qtbot):
    account = services.workspace.accounts.get("m1")
    post = scheduled("Launch day", at(date(2030, 5, 7), 9, 45), account)
    cal = make_calendar([post])
    month = cal.month
    assert month.chip_rect(post.id) is not None
    target = month.day_rect(date(2030, 5, 21)).center()
    event = drop(month, target, ids_mime(post.id))
    assert event.isAccepted()
    # Optimistic: the chip is on the new day before the store has answered.
    assert [c.id for c in cal.data.chips_on(date(2030, 5, 21))] == [post.id]
    assert cal.data.chips_on(date(2030, 5, 7)) == []
    qtbot.waitUntil(lambda: local_time(stored(services, post.id)) == (date(2030, 5, 21),
                                                                      time(9, 45)))
    cal.undo_stack.undo()
    qtbot.waitUntil(lambda: local_time(stored(services, post.id))[0] == date(2030, 5, 7))
    assert [c.id for c in cal.data.chips_on(date(2030, 5, 7))] == [post.id]
    cal.undo_stack.redo()
    qtbot.waitUntil(lambda: local_time(stored(services, post.id))[0] == date(2030, 5, 21))
    assert cal.undo_stack.undoText().startswith("Move")


def test_ctrl_drop_duplicates_with_fresh_targets(make_calendar, services, qtbot):
    account = services.workspace.accounts.get("m1")
    post = scheduled("Evergreen", at(date(2030, 5, 7), 18, 0), account, TargetState.PUBLISHED)
    cal = make_calendar([post])
    drop(cal.month, cal.month.day_rect(date(2030, 5, 14)).center(), ids_mime(post.id), ctrl=True)
    settle(qtbot, cal)
    posts = sorted(services.workspace.posts.all(), key=lambda p: p.planned_at)
    assert len(posts) == 2 and posts[0].id == post.id
    copy = posts[1]
    assert copy.text == "Evergreen" and local_time(copy) == (date(2030, 5, 14), time(18, 0))
    assert [t.state for t in copy.targets] == [TargetState.SCHEDULED]
    cal.undo_stack.undo()
    qtbot.waitUntil(lambda: len(list(services.workspace.posts.all())) == 1)


def test_moving_a_published_post_is_refused_with_a_reason(make_calendar, services, qtbot):
    account = services.workspace.accounts.get("m1")
    post = scheduled("Done", at(date(2030, 5, 7), 8, 0), account, TargetState.PUBLISHED)
    cal = make_calendar([post])
    with qtbot.waitSignal(cal.message_shown) as blocker:
        event = drop(cal.month, cal.month.day_rect(date(2030, 5, 9)).center(), ids_mime(post.id))
    assert not event.isAccepted() and "published" in blocker.args[0]
    assert cal.undo_stack.count() == 0
    assert local_time(stored(services, post.id))[0] == date(2030, 5, 7)


def test_moving_into_the_past_asks_first(make_calendar, services, qtbot):
    account = services.workspace.accounts.get("m1")
    post = scheduled("Soon", at(date(2030, 5, 7), 8, 0), account)
    cal = make_calendar([post])
    asked = []
    cal.gestures.confirm_past = lambda count: asked.append(count) or False
    cal.gestures.now = lambda: at(date(2030, 5, 10), 12, 0)
    drop(cal.month, cal.month.day_rect(date(2030, 5, 8)).center(), ids_mime(post.id))
    assert asked == [1] and cal.undo_stack.count() == 0
    cal.gestures.confirm_past = lambda count: True
    drop(cal.month, cal.month.day_rect(date(2030, 5, 8)).center(), ids_mime(post.id))
    qtbot.waitUntil(lambda: local_time(stored(services, post.id))[0] == date(2030, 5, 8))


def test_a_crowded_day_shows_plus_n_which_opens_the_whole_day(make_calendar, services, qtbot):
    account = services.workspace.accounts.get("b1")
    day = date(2030, 5, 15)
    posts = [scheduled(f"Post {i}", at(day, 8, i), account) for i in range(12)]
    cal = make_calendar(posts)
    rect = cal.month.more_rect(day)
    assert rect is not None
    shown = sum(1 for p in posts if cal.month.chip_rect(p.id) is not None)
    assert 0 < shown < 12
    cal.month.repaint()  # the "+N" row paints without error on a crowded day
    hit = cal.month.hit(rect.center())
    assert hit.kind == "more"
    # Hovering a chip shows the whole post, which the chip only starts.
    first = cal.month.chip_rect(posts[0].id).center()
    QApplication.sendEvent(cal.month, QHelpEvent(QEvent.Type.ToolTip, first,
                                                 cal.month.mapToGlobal(first)))
    assert "Post 0" in QToolTip.text() and "brand.bsky.social" in QToolTip.text()
    popup = cal.open_day(day)
    assert popup.list.chip_model.rowCount() == 12
    assert [c.first_line for c in popup.list.chip_model.chips][:2] == ["Post 0", "Post 1"]
    popup.close()


def test_drop_during_dst_change_keeps_wall_clock_and_says_so(make_calendar, services, qtbot):
    account = services.workspace.accounts.get("m1")
    post = scheduled("Night owl", at(date(2030, 3, 20), 2, 30), account)
    cal = make_calendar([post], day=date(2030, 3, 1))
    with qtbot.waitSignal(cal.message_shown) as blocker:
        drop(cal.month, cal.month.day_rect(date(2030, 3, 31)).center(), ids_mime(post.id))
    assert "03:30" in blocker.args[0]
    qtbot.waitUntil(lambda: local_time(stored(services, post.id)) == (date(2030, 3, 31),
                                                                      time(3, 30)))


def test_a_failed_write_rolls_back_and_tells_the_user(make_calendar, services, qtbot,
                                                       monkeypatch):
    account = services.workspace.accounts.get("m1")
    post = scheduled("Fragile", at(date(2030, 5, 7), 9, 0), account)
    cal = make_calendar([post])

    def broken(posts):
        raise OSError("disk full")

    monkeypatch.setattr(services.workspace.posts, "save_many", broken)
    with qtbot.waitSignal(cal.message_shown) as blocker:
        drop(cal.month, cal.month.day_rect(date(2030, 5, 9)).center(), ids_mime(post.id))
    qtbot.waitUntil(lambda: "disk full" in cal.banner.text())
    assert "undone" in cal.banner.text()
    qtbot.waitUntil(lambda: [c.id for c in cal.data.chips_on(date(2030, 5, 7))] == [post.id])
    assert cal.data.chips_on(date(2030, 5, 9)) == []
    assert blocker.args and cal.undo_stack.count() == 0  # nothing left to undo or redo


def test_switching_months_and_views_keeps_the_focused_day(make_calendar, qtbot):
    cal = make_calendar()
    cal.next()
    assert cal.current_date == date(2030, 6, 1) and cal.title.text().startswith("June 2030")
    cal.previous()
    cal.set_view("week")
    cal.next()
    assert cal.current_date == date(2030, 5, 8)
    cal.set_view("agenda")
    assert cal.stack.currentWidget() is cal.agenda
    cal.today()
    assert cal.current_date == planner.local_day(utc_now(), "Europe/Paris")


def test_click_selects_ctrl_click_adds_double_click_opens(make_calendar, services, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    account = services.workspace.accounts.get("m1")
    a = scheduled("A", at(date(2030, 5, 7), 9, 0), account)
    b = scheduled("B", at(date(2030, 5, 8), 9, 0), account)
    cal = make_calendar([a, b])
    month = cal.month
    QTest.mouseClick(month, Qt.MouseButton.LeftButton, pos=month.chip_rect(a.id).center())
    assert cal.selection.ids == [a.id] and cal.selection.day == date(2030, 5, 7)
    QTest.mouseClick(month, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     month.chip_rect(b.id).center())
    assert cal.selection.ids == [a.id, b.id]
    # Both selected chips move together, each keeping its time of day.
    drop(month, month.day_rect(date(2030, 5, 20)).center(), ids_mime(*cal.selection.ids))
    qtbot.waitUntil(lambda: local_time(stored(services, b.id)) == (date(2030, 5, 20),
                                                                   time(9, 0)))
    assert local_time(stored(services, a.id)) == (date(2030, 5, 20), time(9, 0))
    with qtbot.waitSignal(cal.open_post_requested) as opened:
        QTest.mouseDClick(month, Qt.MouseButton.LeftButton, pos=month.chip_rect(a.id).center())
    assert opened.args == [a.id]


def test_week_row_with_several_posts_shows_plus_n(make_calendar, services, qtbot):
    account = services.workspace.accounts.get("m1")
    day = date(2030, 5, 7)
    posts = [scheduled(f"W{i}", at(day, 14, 10 * i), account) for i in range(3)]
    cal = make_calendar(posts, day=day, view="week")
    grid = cal.week.grid
    (rect, chip, more), = [item for item in grid.items() if item[1].local.date() == day]
    assert chip.id == posts[0].id and more == 2
    hit = grid.hit(rect.topRight() + QPoint(-3, 3))
    assert hit.kind == "more" and hit.day == day


def test_paris_post_in_a_montreal_workspace_shows_and_moves_in_montreal_time(
        make_calendar, services, qtbot):
    services.workspace.settings.set_value("timezone", "America/Montreal")
    account = services.workspace.accounts.get("m1")
    post = scheduled("Bonjour Montréal", at(date(2030, 5, 10), 4, 0), account)  # Paris 04:00
    cal = make_calendar([post], zone="America/Montreal")
    (chip,) = cal.data.chips_on(date(2030, 5, 9))  # still the evening before in Montreal
    assert chip.id == post.id and (chip.local.hour, chip.local.minute) == (22, 0)
    drop(cal.month, cal.month.day_rect(date(2030, 5, 12)).center(), ids_mime(post.id))
    qtbot.waitUntil(lambda: stored(services, post.id).zone == "America/Montreal")
    moved = planner.to_local(stored(services, post.id).planned_at, "America/Montreal")
    assert (moved.date(), moved.time()) == (date(2030, 5, 12), time(22, 0))
    assert local_time(stored(services, post.id)) == (date(2030, 5, 13), time(4, 0))


def test_a_drop_right_before_quitting_is_still_written(make_calendar, services, runner):
    account = services.workspace.accounts.get("m1")
    post = scheduled("Last minute", at(date(2030, 5, 7), 9, 0), account)
    cal = make_calendar([post])
    drop(cal.month, cal.month.day_rect(date(2030, 5, 8)).center(), ids_mime(post.id))
    # No event-loop turn: the application quits at once (aboutToQuit flushes deferred writes).
    QApplication.instance().aboutToQuit.emit()
    runner.shutdown()  # waits for the storage thread, as the app does on its way out
    assert local_time(stored(services, post.id))[0] == date(2030, 5, 8)
