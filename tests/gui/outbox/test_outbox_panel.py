# SPDX-License-Identifier: GPL-3.0-or-later
"""The outbox dock: rows per target, filters, Retry / Publish now / Cancel off the GUI thread,
and progress while a batch goes out."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from cmdesk.core.clock import FakeClock
from cmdesk.core.connectors.errors import Permanent
from cmdesk.core.model import TargetState
from cmdesk.core.publish import events as ev
from cmdesk.core.publish.engine import Publisher
from cmdesk.gui.outbox import OutboxPanel
from cmdesk.gui.tasks import TaskRunner
from tests.core.publish.fakes import FakeFactory, FakeNetwork, add_account, add_post, later, target, utc

S = TargetState


@pytest.fixture
def setup(qtbot, workspace):
    clock = FakeClock(utc(2026, 6, 1, 8, 0))
    net = FakeNetwork()
    pub = Publisher(workspace, FakeFactory(net), clock=clock, probe=lambda h: True)
    pub.start(threads=False)
    runner = TaskRunner()
    services = SimpleNamespace(workspace=workspace, publisher=pub)
    panel = OutboxPanel(services, runner)
    qtbot.addWidget(panel)
    yield SimpleNamespace(pub=pub, net=net, clock=clock, panel=panel, ws=workspace)
    panel.detach()
    runner.shutdown()
    pub.stop()


def _reload(qtbot, panel):
    with qtbot.waitSignal(panel.rows_loaded, timeout=5000):
        panel.refresh()


def test_rows_filters_and_retry(qtbot, setup):
    s = setup
    acc = add_account(s.ws, name="@brand")
    bad = add_post(s.ws, s.clock.now(), [acc], text="refused post")
    add_post(s.ws, later(s.clock.now(), hours=2), [acc], text="later post")
    s.net.script.append(Permanent("Text is too long"))
    s.pub.tick()
    _reload(qtbot, s.panel)
    texts = {s.panel.model.row_at(r).text: r for r in range(s.panel.model.rowCount())}
    assert set(texts) == {"refused post", "later post"}
    problem = s.panel.model.index(texts["refused post"], 5).data()
    assert "Text is too long" in problem
    s.panel.filter.setCurrentIndex(s.panel.filter.findData("attention"))
    assert s.panel.model.rowCount() == 1
    assert s.panel.select_post(bad.id)
    assert s.panel.retry_button.isEnabled() and not s.panel.cancel_button.isEnabled()
    with qtbot.waitSignal(s.panel.rows_loaded, timeout=5000):
        s.panel.retry_button.click()
    assert target(s.ws, bad.id).state == S.DUE
    s.pub.tick()
    assert target(s.ws, bad.id).state == S.PUBLISHED


def test_publish_now_and_cancel_buttons(qtbot, setup):
    s = setup
    acc = add_account(s.ws)
    now_post = add_post(s.ws, later(s.clock.now(), days=1), [acc], text="now please")
    drop_post = add_post(s.ws, later(s.clock.now(), days=1), [acc], text="drop it")
    s.pub.tick()
    _reload(qtbot, s.panel)
    s.panel.select_post(now_post.id)
    assert s.panel.now_button.isEnabled()
    with qtbot.waitSignal(s.panel.rows_loaded, timeout=5000):
        s.panel.now_button.click()
    s.pub.tick()
    assert target(s.ws, now_post.id).state == S.PUBLISHED
    s.panel.select_post(drop_post.id)
    with qtbot.waitSignal(s.panel.rows_loaded, timeout=5000):
        s.panel.cancel_button.click()
    assert target(s.ws, drop_post.id).state == S.FAILED
    assert [t for _, t in s.net.sent] == ["now please"]


def test_refused_action_shows_the_reason(qtbot, setup):
    s = setup
    acc = add_account(s.ws)
    post = add_post(s.ws, s.clock.now(), [acc], text="sent")
    s.pub.tick()
    _reload(qtbot, s.panel)
    s.panel.select_post(post.id)
    with qtbot.waitSignal(s.panel.action_failed, timeout=5000) as blocker:
        s.panel._act("cancel")  # the button is disabled; the publisher refuses anyway
    assert "published" in blocker.args[0]
    assert s.panel.message.text() == blocker.args[0]


def test_progress_and_events_come_through_from_worker_threads(qtbot, setup):
    import threading

    s = setup
    worker = threading.Thread(target=lambda: s.pub.emit(
        ev.PublishEvent(ev.PROGRESS, "p", count=3, data={"remaining": 7})))
    with qtbot.waitSignal(s.panel._bridge.event_received, timeout=5000):
        worker.start()
    worker.join()
    assert s.panel.progress.isVisibleTo(s.panel) and s.panel.progress.maximum() == 10
    assert s.panel.progress.value() == 3
    with qtbot.waitSignal(s.panel._bridge.event_received, timeout=5000):
        s.pub.emit(ev.PublishEvent(ev.BACK_ONLINE, count=4))
    assert "4" in s.panel.message.text()


def test_os_network_status_reaches_the_publisher(qtbot, setup):
    from PySide6.QtNetwork import QNetworkInformation

    s = setup
    s.panel._on_reachability(QNetworkInformation.Reachability.Disconnected)
    qtbot.waitUntil(lambda: not s.pub.monitor.os_online, timeout=5000)
    acc = add_account(s.ws)
    post = add_post(s.ws, s.clock.now(), [acc])
    s.pub.tick()
    assert target(s.ws, post.id).state == S.WAITING_NETWORK
    s.panel._on_reachability(QNetworkInformation.Reachability.Site)
    qtbot.waitUntil(lambda: s.pub.monitor.os_online, timeout=5000)
    s.pub.tick()
    assert target(s.ws, post.id).state == S.PUBLISHED


def test_unconfirmed_and_late_decisions(qtbot, setup):
    from cmdesk.core.connectors.errors import Unconfirmed

    s = setup
    acc = add_account(s.ws)
    doubt = add_post(s.ws, s.clock.now(), [acc], text="did it go?")
    late = add_post(s.ws, later(s.clock.now(), hours=-5), [acc], text="too late")
    s.net.script.append(Unconfirmed("reset"))
    s.net.lookup_script.extend([Unconfirmed("cannot tell")] * 5)
    for _ in range(6):
        s.pub.tick()
        s.clock.advance(600)
    _reload(qtbot, s.panel)
    s.panel.select_post(doubt.id)
    assert s.panel.confirm_button.isEnabled() and not s.panel.skip_button.isEnabled()
    with qtbot.waitSignal(s.panel.rows_loaded, timeout=5000):
        s.panel.confirm_button.click()
    assert target(s.ws, doubt.id).state == S.PUBLISHED
    s.panel.select_post(late.id)
    assert s.panel.skip_button.isEnabled() and not s.panel.confirm_button.isEnabled()
    assert s.panel.model.index(s.panel.table.currentIndex().row(), 0).data() == "Late: your decision"
    with qtbot.waitSignal(s.panel.rows_loaded, timeout=5000):
        s.panel.skip_button.click()
    assert target(s.ws, late.id).state == S.FAILED and s.net.sent == []


def test_times_show_in_the_workspace_zone_like_the_calendar(qtbot, setup):
    from PySide6.QtCore import QDateTime, QLocale, QTimeZone

    s = setup
    acc = add_account(s.ws, name="@brand")
    planned = later(s.clock.now(), hours=2)  # 10:00 UTC
    add_post(s.ws, planned, [acc], text="tokyo post")
    s.pub.tick()  # scheduled: the outbox lists it

    def shown(zone: bytes) -> str:
        moment = QDateTime.fromSecsSinceEpoch(int(planned.timestamp()), QTimeZone(zone))
        return QLocale().toString(moment, QLocale.FormatType.ShortFormat)

    s.ws.settings.set_value("timezone", "Asia/Tokyo")
    _reload(qtbot, s.panel)
    cell = s.panel.model.index(0, 1).data()
    assert cell == shown(b"Asia/Tokyo") != shown(b"UTC")  # 19:00 in Tokyo, not 10:00
    # Changing the workspace zone (Preferences) refreshes the panel by itself.
    with qtbot.waitSignal(s.panel.rows_loaded, timeout=5000):
        s.ws.settings.set_value("timezone", "America/New_York")
    assert s.panel.model.index(0, 1).data() == shown(b"America/New_York")
