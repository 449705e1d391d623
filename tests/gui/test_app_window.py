# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window: opens on this month, has the menus, follows --view/--date, remembers state,
and asks before quitting when posts are due."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QMessageBox

from cmdesk.core.model import Account, Post, Target, TargetState
from tests.gui.shell_support import make_window, services  # noqa: F401 (fixtures)


def test_opens_on_the_current_month_with_every_menu(make_window):
    window = make_window()
    today = date.today()
    assert (window.current_date.year, window.current_date.month) == (today.year, today.month)
    month = QLocale().toString(QDate(today.year, today.month, 1), "MMMM yyyy")
    assert month in window.windowTitle()
    titles = [m.objectName() for m in window.actions_.menus]
    assert titles == [
        "menu-file",
        "menu-edit",
        "menu-view",
        "menu-post",
        "menu-settings",
        "menu-help",
    ]
    assert window.centralWidget() is window.calendar
    assert window.outbox_dock.widget() is not None
    # Undo and redo follow the calendar's own history, when it has one.
    stack = getattr(window.calendar, "undo_stack", None)
    if stack is not None:
        assert window.undo_group.activeStack() is stack


def test_view_and_date_options_apply_and_are_remembered(make_window, services):
    window = make_window(view="week", day=date(2031, 3, 14))
    assert window.current_view == "week"
    assert window.actions_.views["week"].isChecked()
    assert window.current_date == date(2031, 3, 14)
    window.set_view("agenda")
    window.resize(700, 500)  # within the offscreen screen (800 x 600)
    window.save_state()
    again = make_window()
    assert again.current_view == "agenda"
    assert again.current_date == date(2031, 3, 14)  # saved today, so it comes back today
    assert (again.width(), again.height()) == (700, 500)


def test_a_date_left_on_another_day_gives_way_to_today(make_window, services):
    window = make_window(day=date(2031, 3, 14))
    window.save_state()
    window.settings.setValue("window/saved_on", "2020-01-01")
    again = make_window()
    assert again.current_date == date.today()


def test_quit_asks_when_posts_are_due_soon_and_keeps_running_on_no(
    make_window, services, qtbot, monkeypatch
):
    account = Account(network="mastodon", name="@a@example.org")
    services.workspace.accounts.save(account)
    soon = datetime.now(UTC) + timedelta(minutes=5)
    post = Post(
        text="Soon",
        planned_at=soon,
        targets=[Target(account.id, "mastodon", state=TargetState.SCHEDULED)],
    )
    services.workspace.posts.save(post)
    window = make_window()
    asked = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    confirmed = []
    window.quit_confirmed.connect(lambda: confirmed.append(True))
    window.quitting = False
    window.request_quit()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert "1" in asked[0] and confirmed == []
    assert window.quitting is False

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.quit_confirmed, timeout=10_000):
        window.request_quit()


def test_quit_without_due_posts_does_not_ask(make_window, qtbot, monkeypatch):
    window = make_window()
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: (_ for _ in ()).throw(AssertionError("asked"))
    )
    with qtbot.waitSignal(window.quit_confirmed, timeout=10_000):
        window.request_quit()


def test_status_bar_shows_the_next_due_post(make_window, services, qtbot):
    window = make_window()
    account = Account(network="bluesky", name="shop.bsky.social")
    services.workspace.accounts.save(account)
    post = Post(
        text="Brioche du jour 🥐",
        planned_at=datetime.now(UTC) + timedelta(hours=3),
        targets=[Target(account.id, "bluesky", state=TargetState.SCHEDULED)],
    )
    # A write made elsewhere (the publisher, another dialog) reaches the status bar by itself.
    window.runner.run_storage(lambda: services.workspace.posts.save(post))
    qtbot.waitUntil(lambda: "Brioche du jour" in window.status.next_due.text(), timeout=10_000)
