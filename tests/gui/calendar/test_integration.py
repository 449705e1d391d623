# SPDX-License-Identifier: GPL-3.0-or-later
"""The calendar with the rest of the app: outside changes show up, the composer opens, the
queue fills the next free slot."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from cmdesk.core.model import Account, Post, Target, TargetState
from cmdesk.core.schedule import planner

from .conftest import at, drop, ids_mime, scheduled, settle, stored


def test_a_post_saved_elsewhere_appears_without_reloading(make_calendar, services, qtbot):
    cal = make_calendar()
    account = services.workspace.accounts.get("b1")
    post = scheduled("From the composer", at(date(2030, 5, 20), 16), account)
    services.workspace.posts.save(post)  # as the composer or the publisher would
    qtbot.waitUntil(lambda: [c.id for c in cal.data.chips_on(date(2030, 5, 20))] == [post.id])
    post.targets[0].state = TargetState.PUBLISHED
    services.workspace.posts.save(post)
    qtbot.waitUntil(lambda: cal.data.find(post.id).post.targets[0].state == "published")
    services.workspace.posts.delete(post.id)
    qtbot.waitUntil(lambda: cal.data.chips_on(date(2030, 5, 20)) == [])
    services.workspace.accounts.save(Account(network="x", name="@brand", id="x1"))
    qtbot.waitUntil(lambda: cal.filters.who.findData("acct:x1") >= 0)


def test_enter_on_an_empty_day_opens_the_composer_at_ten(make_calendar, qtbot):
    cal = make_calendar()
    cal.month.setFocus()
    cal.go_to_date(date(2030, 5, 16))
    QTest.keyClick(cal.month, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in cal.findChildren(QDialog)))
    dialog = next(d for d in cal.findChildren(QDialog) if d.isVisible())
    assert type(dialog).__name__ == "ComposerDialog"
    # Once loaded, the composer holds a new post planned at 10:00 that day.
    qtbot.waitUntil(lambda: dialog._post.planned_at is not None)
    assert dialog._post.planned_at == at(date(2030, 5, 16), 10, 0)
    dialog.reject()


def test_add_to_queue_uses_the_next_free_slot(make_calendar, services, qtbot):
    draft = Post(text="Queue me", zone="Europe/Paris", targets=[Target("m1", "mastodon")])
    cal = make_calendar([draft])
    qtbot.waitUntil(lambda: cal.data.find(draft.id) is not None)
    cal.gestures.now = lambda: at(date(2030, 5, 8), 9, 0)  # Wednesday, after the 08:30 slot
    assert cal.gestures.add_to_queue([draft.id])
    settle(qtbot, cal)
    local = planner.to_local(stored(services, draft.id).planned_at, "Europe/Paris")
    assert (local.date(), local.time()) == (date(2030, 5, 15), time(8, 30))
    cal.undo_stack.undo()
    qtbot.waitUntil(lambda: stored(services, draft.id).planned_at is None)


def test_queue_without_slots_explains_what_to_do(make_calendar, services, qtbot):
    draft = Post(text="No slots", zone="Europe/Paris", targets=[Target("b1", "bluesky")])
    cal = make_calendar([draft])
    qtbot.waitUntil(lambda: cal.data.find(draft.id) is not None)
    with qtbot.waitSignal(cal.message_shown) as shown:
        assert not cal.gestures.add_to_queue([draft.id])
    assert "slot" in shown.args[0]
    with qtbot.waitSignal(cal.message_shown) as shown:
        cal.add_to_queue()  # Post > Add to queue with nothing selected
    assert "Select" in shown.args[0]


def test_undoing_a_move_never_reschedules_a_post_published_meanwhile(make_calendar, services,
                                                                    qtbot):
    account = services.workspace.accounts.get("m1")
    post = scheduled("Going out", at(date(2030, 5, 7), 9, 0), account)
    cal = make_calendar([post])
    drop(cal.month, cal.month.day_rect(date(2030, 5, 9)).center(), ids_mime(post.id))
    settle(qtbot, cal)
    published = stored(services, post.id)
    published.targets[0].state = TargetState.PUBLISHED  # the publisher, on its own thread
    services.workspace.posts.save(published)
    with qtbot.waitSignal(cal.message_shown) as shown:
        cal.undo_stack.undo()
    assert "published meanwhile" in shown.args[0]
    kept = stored(services, post.id)
    assert kept.targets[0].state == TargetState.PUBLISHED
    assert planner.local_day(kept.planned_at, "Europe/Paris") == date(2030, 5, 9)
    chip = cal.data.find(post.id)
    assert chip.local.date() == date(2030, 5, 9) and chip.post.targets[0].state == "published"


def test_a_month_that_cannot_be_read_says_so(make_calendar, services, qtbot, monkeypatch):
    cal = make_calendar()

    def broken(start, end):
        raise OSError("disk unreadable")

    monkeypatch.setattr(services.workspace.posts, "cards_between", broken)
    with qtbot.waitSignal(cal.message_shown) as shown:
        cal.go_to_date(date(2031, 9, 1))
    assert "disk unreadable" in shown.args[0]


def test_undoing_a_move_keeps_a_text_edited_since(make_calendar, services, qtbot):
    account = services.workspace.accounts.get("m1")
    post = scheduled("First draft", at(date(2030, 5, 7), 9, 0), account)
    cal = make_calendar([post])
    drop(cal.month, cal.month.day_rect(date(2030, 5, 9)).center(), ids_mime(post.id))
    settle(qtbot, cal)
    edited = stored(services, post.id)
    edited.text = "Final text"  # saved by the composer
    services.workspace.posts.save(edited)
    cal.undo_stack.undo()
    settle(qtbot, cal)
    restored = stored(services, post.id)
    assert restored.text == "Final text"
    assert planner.local_day(restored.planned_at, "Europe/Paris") == date(2030, 5, 7)
    qtbot.waitUntil(lambda: cal.data.find(post.id).first_line == "Final text")
