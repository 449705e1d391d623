# SPDX-License-Identifier: GPL-3.0-or-later
"""Publisher events (from its own threads) become notifications on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from cmdesk.core.publish.events import (
    BACK_ONLINE,
    FAILED,
    NEEDS_AUTH,
    PROGRESS,
    PUBLISHED,
    PublishEvent,
)
from cmdesk.gui.notifications import notice_for
from cmdesk.gui.tray import Tray


def test_events_from_a_publisher_thread_arrive_on_the_gui_thread(qtbot):
    tray = Tray()
    gui_thread = QThread.currentThread()
    received = []
    tray.notified.connect(lambda notice: received.append((notice, QThread.currentThread())))
    event = PublishEvent(FAILED, "p1", "a1", message="Mastodon refused the post: too long")
    with qtbot.waitSignal(tray.notified, timeout=5_000):
        threading.Thread(target=tray.bridge, args=(event,)).start()
    notice, thread = received[0]
    assert thread is gui_thread
    assert notice.kind == "failed" and notice.critical
    assert notice.message == "Mastodon refused the post: too long"


@pytest.mark.parametrize(
    ("event", "kind", "words"),
    [
        (PublishEvent(PUBLISHED, account_id="a"), "published", "live"),
        ({"kind": "needs_auth", "account": "@shop@piaille.fr"}, "needs_auth", "@shop@piaille.fr"),
        (PublishEvent(BACK_ONLINE, count=3), "back_online", "3"),
    ],
)
def test_each_kind_reads_as_a_sentence(event, kind, words):
    notice = notice_for(event)
    assert notice.kind == kind
    assert words in notice.message


def test_a_late_post_notice_opens_the_outbox_when_clicked(qtbot):
    from cmdesk.core.publish.events import LATE_NEEDS_DECISION

    tray = Tray()
    event = PublishEvent(
        LATE_NEEDS_DECISION, "p", "a", message="A post is 2 h late: publish it now or skip it?"
    )
    with qtbot.waitSignal(tray.notified, timeout=5_000) as shown:
        tray.on_publisher_event(event)
    assert shown.args[0].critical and "2 h late" in shown.args[0].message
    with qtbot.waitSignal(tray.outbox_requested, timeout=5_000):
        tray.icon.messageClicked.emit()
    tray.notify(notice_for(PublishEvent(PUBLISHED, message="Live on Mastodon")))
    with qtbot.waitSignal(tray.show_requested, timeout=5_000):
        tray.icon.messageClicked.emit()


def test_progress_and_unknown_events_do_not_notify():
    assert notice_for(PublishEvent(PROGRESS, count=1)) is None
    assert notice_for({"kind": "something_new"}) is None
    assert notice_for(PublishEvent(NEEDS_AUTH)).critical


def test_closing_the_window_hides_it_to_the_tray_with_a_notice_once(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings
    from PySide6.QtWidgets import QSystemTrayIcon

    from cmdesk.core.paths import AppPaths
    from cmdesk.core.services import Services
    from cmdesk.gui.main_window import MainWindow
    from cmdesk.gui.tasks import TaskRunner

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    messages = []
    monkeypatch.setattr(
        QSystemTrayIcon, "showMessage", lambda self, title, text, *a: messages.append(title)
    )
    services = Services(AppPaths.under(tmp_path / "ws"))
    runner = TaskRunner()
    window = MainWindow(
        services, runner, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.tray = Tray()
    quits = []
    window.quit_confirmed.connect(lambda: quits.append(True))
    for _ in range(2):
        window.show()
        qtbot.waitExposed(window)
        window.close()
        assert not window.isVisible()
    assert messages == ["cmdesk is still running"]  # told once, not at every close
    assert quits == []  # still running: the publisher goes on
    window.quitting = True
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    runner.shutdown()
    services.close()
