# SPDX-License-Identifier: GPL-3.0-or-later
"""A calendar on a fresh workspace in Europe/Paris, with two accounts, in a known locale."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from cmdesk.core.model import Account, Post, Slot, Target, TargetState
from cmdesk.core.services import build_services
from cmdesk.gui.calendar.canvas import posts_mime

PARIS = ZoneInfo("Europe/Paris")
MONTH = date(2030, 5, 1)  # far enough ahead that nothing is "in the past"


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=PARIS)


def scheduled(text: str, when: datetime, account: Account, state=TargetState.SCHEDULED) -> Post:
    return Post(text=text, planned_at=when, zone="Europe/Paris",
                targets=[Target(account.id, account.network, state)])


@pytest.fixture
def locale_en():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def services(tmp_path):
    services = build_services(tmp_path / "data")
    ws = services.workspace
    ws.settings.set_value("timezone", "Europe/Paris")
    ws.accounts.save(Account(network="mastodon", name="@brand@mastodon.social", id="m1",
                             slots=[Slot(weekday=2, time="08:30", zone="Europe/Paris")]))
    ws.accounts.save(Account(network="bluesky", name="brand.bsky.social", id="b1"))
    yield services
    services.close()


@pytest.fixture
def make_calendar(qtbot, services, runner, locale_en):
    def make(posts=(), day: date = MONTH, view: str = "month", zone: str = "Europe/Paris"):
        if posts:
            services.workspace.posts.save_many(list(posts))
        from cmdesk.gui.calendar import CalendarWidget

        widget = CalendarWidget(services, runner)
        qtbot.addWidget(widget)
        widget.resize(1200, 820)
        widget.set_view(view)
        widget.go_to_date(day)
        widget.show()
        qtbot.waitExposed(widget)
        qtbot.waitUntil(lambda: widget.data.is_loaded(day) and widget.data.zone == zone
                        and len(widget.data.accounts) == 2)
        return widget

    return make


def stored(services, post_id: str) -> Post | None:
    return services.workspace.posts.get(post_id)


def drop(view, pos: QPoint, mime: QMimeData, ctrl: bool = False) -> QDropEvent:
    """Deliver a real drop event, as Qt would at the end of a drag."""
    modifiers = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    event = QDropEvent(QPointF(pos), Qt.DropAction.MoveAction | Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, modifiers)
    view.dropEvent(event)
    return event


def ids_mime(*ids: str) -> QMimeData:
    return posts_mime(list(ids))


def files_mime(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def settle(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: widget.data.pending_writes == 0)
