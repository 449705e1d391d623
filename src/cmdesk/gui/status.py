# SPDX-License-Identifier: GPL-3.0-or-later
"""The status bar: are we online, what goes out next, is the publisher running."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, QTimeZone, Signal
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from cmdesk.core.model import Post

log = logging.getLogger(__name__)


class StatusPanel(QWidget):
    """Three labels added to a QStatusBar; everything here is fed by the main window.

    ``online_changed`` repeats what the OS says about connectivity (when it knows), so the shell
    can tell the publisher before a request times out.
    """

    online_changed = Signal(bool)

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.last_online: bool | None = None
        self.online = QLabel()
        self.next_due = QLabel()
        self.publisher = QLabel()
        for label in (self.next_due, self.publisher):
            bar.addWidget(label)
        bar.addPermanentWidget(self.online)
        self.set_next_due(None)
        self.set_publisher_state("starting")
        self._watch_network()

    def _watch_network(self) -> None:
        # The OS knows about connectivity before any request fails; not every platform
        # (offscreen, minimal containers) has a backend, hence "unknown".
        info = QNetworkInformation.instance()
        if info is None and QNetworkInformation.loadDefaultBackend():
            info = QNetworkInformation.instance()
        if info is None:
            self.online.setText(self.tr("Network: unknown"))
            return
        info.reachabilityChanged.connect(self._on_reachability)
        self._on_reachability(info.reachability())

    def _on_reachability(self, reachability) -> None:
        online = reachability == QNetworkInformation.Reachability.Online
        unknown = reachability == QNetworkInformation.Reachability.Unknown
        self.set_online(None if unknown else online)
        if not unknown and online != self.last_online:
            self.last_online = online
            self.online_changed.emit(online)

    def set_online(self, online: bool | None) -> None:
        if online is None:
            self.online.setText(self.tr("Network: unknown"))
        else:
            self.online.setText(
                self.tr("Online") if online else self.tr("Offline: posts will wait")
            )

    def set_next_due(self, post: Post | None, zone: str | None = None) -> None:
        if post is None or post.planned_at is None:
            self.next_due.setText(self.tr("No post scheduled"))
            return
        # In the workspace zone, like the calendar: one post, one time on screen.
        tz = QTimeZone(zone.encode("ascii")) if zone else QTimeZone.systemTimeZone()
        moment = QDateTime.fromSecsSinceEpoch(
            int(post.planned_at.timestamp()), tz if tz.isValid() else QTimeZone.systemTimeZone()
        )
        when = QLocale().toString(moment, QLocale.FormatType.ShortFormat)
        excerpt = post.text.replace("\n", " ")
        excerpt = excerpt if len(excerpt) <= 40 else excerpt[:39] + "…"
        self.next_due.setText(self.tr("Next: {when}: {text}").format(when=when, text=excerpt))

    def set_publisher_state(self, state: str) -> None:
        texts = {
            "starting": self.tr("Publisher: starting"),
            "running": self.tr("Publisher: running"),
            "stopped": self.tr("Publisher: stopped"),
            "missing": self.tr("Publisher: not in this build, nothing is sent"),
            "screenshot": self.tr("Publisher: off (screenshot)"),
        }
        self.publisher.setText(texts.get(state, state))


def next_due(posts: list[Post], now: datetime) -> Post | None:
    """The first post after ``now`` with a target still waiting to go out."""
    waiting = {"scheduled", "due", "retry_wait", "waiting_network"}
    for post in posts:
        if (
            post.planned_at
            and post.planned_at >= now
            and any(str(t.state) in waiting for t in post.targets)
        ):
            return post
    return None
