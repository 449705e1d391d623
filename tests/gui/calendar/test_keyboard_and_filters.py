# SPDX-License-Identifier: GPL-3.0-or-later
"""Everything the mouse does, the keyboard does too; filters narrow every view."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cmdesk.core.model import TargetState, utc_now
from cmdesk.core.schedule import planner

from .conftest import at, scheduled, settle, stored

CTRL = Qt.KeyboardModifier.ControlModifier


def day_of(post):
    return planner.local_day(post.planned_at, "Europe/Paris")


def test_arrows_select_ctrl_x_ctrl_v_move_delete_removes_undo_restores(make_calendar, services,
                                                                      qtbot):
    account = services.workspace.accounts.get("m1")
    first = scheduled("First", at(date(2030, 5, 7), 9, 0), account)
    second = scheduled("Second", at(date(2030, 5, 7), 11, 0), account)
    cal = make_calendar([first, second])
    month = cal.month
    month.setFocus()
    cal.go_to_date(date(2030, 5, 6))
    QTest.keyClick(month, Qt.Key.Key_Right)
    assert cal.selection.day == date(2030, 5, 7) and cal.selection.ids == [first.id]
    QTest.keyClick(month, Qt.Key.Key_Down)
    assert cal.selection.ids == [second.id]
    # What a screen reader reads out: the day, its post count, the selected post.
    assert "2 posts" in month.accessibleDescription()
    assert "Second" in month.accessibleDescription()
    QTest.keyClick(month, Qt.Key.Key_X, CTRL)
    for _ in range(3):
        QTest.keyClick(month, Qt.Key.Key_Right)
    assert cal.selection.day == date(2030, 5, 10)
    QTest.keyClick(month, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: day_of(stored(services, second.id)) == date(2030, 5, 10))
    assert day_of(stored(services, first.id)) == date(2030, 5, 7)
    # Enter opens the selected post.
    with qtbot.waitSignal(cal.open_post_requested) as opened:
        QTest.keyClick(month, Qt.Key.Key_Return)
    assert opened.args == [second.id]
    QTest.keyClick(month, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: stored(services, second.id) is None)
    QTest.keyClick(month, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: stored(services, second.id) is not None)
    QTest.keyClick(month, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: stored(services, second.id) is None)


def test_arrow_past_the_month_edge_turns_the_page(make_calendar):
    cal = make_calendar()
    cal.month.setFocus()
    cal.go_to_date(date(2030, 5, 31))
    QTest.keyClick(cal.month, Qt.Key.Key_Right)
    assert cal.current_date == date(2030, 6, 1) and cal.month.anchor.month == 6
    QTest.keyClick(cal.month, Qt.Key.Key_PageDown)
    assert cal.current_date == date(2030, 7, 1)
    QTest.keyClick(cal.month, Qt.Key.Key_PageUp)
    QTest.keyClick(cal.month, Qt.Key.Key_PageUp)
    assert cal.current_date == date(2030, 5, 1)
    QTest.keyClick(cal.month, Qt.Key.Key_Home)
    assert cal.current_date == planner.local_day(utc_now(), "Europe/Paris")


def test_filters_by_network_tag_state_and_text(make_calendar, services, qtbot):
    masto = services.workspace.accounts.get("m1")
    sky = services.workspace.accounts.get("b1")
    day = date(2030, 5, 14)
    a = scheduled("Spring sale starts", at(day, 9), masto)
    a.tags = ["promo"]
    b = scheduled("Team photo", at(day, 10), sky)
    b.campaign = "Culture"
    c = scheduled("Oops", at(day, 11), sky, TargetState.FAILED)
    cal = make_calendar([a, b, c])
    ids = lambda: [chip.id for chip in cal.data.chips_on(day)]  # noqa: E731
    assert ids() == [a.id, b.id, c.id]
    bar = cal.filters
    bar.who.setCurrentIndex(bar.who.findData("net:bluesky"))
    assert ids() == [b.id, c.id]
    bar.state.setCurrentIndex(bar.state.findData("failed"))
    assert ids() == [c.id]
    bar.state.setCurrentIndex(0)
    bar.who.setCurrentIndex(0)
    bar.tag.setText("culture")
    bar.emit_filter()
    assert ids() == [b.id]
    bar.tag.clear()
    bar.search.setText("SALE")
    qtbot.waitUntil(lambda: ids() == [a.id])  # after the typing pause
    cal.set_view("agenda")
    assert [c.id for c in cal.agenda.chip_model.chips] == [a.id]


def test_agenda_lists_the_month_in_time_order_and_opens_on_enter(make_calendar, services, qtbot):
    account = services.workspace.accounts.get("b1")
    posts = [scheduled(f"P{i}", at(date(2030, 5, 1 + i % 28), 8 + i % 12), account)
             for i in range(300)]
    cal = make_calendar(posts, view="agenda")
    model = cal.agenda.chip_model
    qtbot.waitUntil(lambda: model.rowCount() == 300)
    times = [c.local for c in model.chips]
    assert times == sorted(times)
    cal.agenda.setFocus()
    cal.agenda.scrollToBottom()
    bottom = cal.agenda.verticalScrollBar().value()
    assert bottom > 0
    cal.agenda.setCurrentIndex(model.index(290))
    QTest.keyClick(cal.agenda, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: model.rowCount() == 299)
    assert cal.agenda.verticalScrollBar().value() >= bottom - 40  # still where the user was
    cal.agenda.setCurrentIndex(model.index(5))
    with qtbot.waitSignal(cal.open_post_requested) as opened:
        QTest.keyClick(cal.agenda, Qt.Key.Key_Return)
    assert opened.args == [model.chips[5].id]
    QTest.keyClick(cal.agenda, Qt.Key.Key_Delete)
    settle(qtbot, cal)
    assert model.rowCount() == 298
    QTest.keyClick(cal.agenda, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: model.rowCount() == 299)
