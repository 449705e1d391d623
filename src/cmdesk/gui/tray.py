# SPDX-License-Identifier: GPL-3.0-or-later
"""The tray icon: publishing goes on with the window closed, and the user hears about it."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from cmdesk.gui.notifications import ASKS_FOR_OUTBOX, Notice, needs_account_name, notice_for
from cmdesk.gui.theme import app_icon

log = logging.getLogger(__name__)

NOTICE_MS = 8000


class EventBridge(QObject):
    """Carries publisher events from its threads to the GUI thread (queued signal delivery)."""

    event_received = Signal(object)

    def __call__(self, event) -> None:  # the publisher listener, called on any thread
        self.event_received.emit(event)


class Tray(QObject):
    show_requested = Signal()
    quit_requested = Signal()
    notified = Signal(object)  # the Notice shown: the status bar and tests listen to it
    outbox_requested = Signal()  # the user clicked a notice that needs a decision

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.icon.setToolTip("cmdesk")
        menu = QMenu()
        self._menu = menu  # QSystemTrayIcon does not own its menu
        show = QAction(self.tr("Show cmdesk"), menu)
        show.triggered.connect(self.show_requested)
        quit_action = QAction(self.tr("Quit"), menu)
        quit_action.triggered.connect(self.quit_requested)
        menu.addAction(show)
        menu.addSeparator()
        menu.addAction(quit_action)
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(self._on_activated)
        # A click on a notice that needs the user opens the window on the outbox.
        self.last_notice: Notice | None = None
        self.icon.messageClicked.connect(self._on_message_clicked)
        # (account id, callback(name)) -> None; set by the shell, which can reach the store.
        self.account_names: Callable[[str, Callable[[str], None]], None] | None = None
        self.bridge = EventBridge(self)
        self.bridge.event_received.connect(self.on_publisher_event)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        if self.available():
            self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def _on_activated(self, reason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_requested.emit()

    def _on_message_clicked(self) -> None:
        if self.last_notice is not None and self.last_notice.kind in ASKS_FOR_OUTBOX:
            self.outbox_requested.emit()
        else:
            self.show_requested.emit()

    def on_publisher_event(self, event) -> None:
        account_id = needs_account_name(event)
        if account_id and self.account_names is not None:
            # Events carry ids; the user knows accounts by name. The lookup is storage work.
            self.account_names(account_id, lambda name: self._notify_event(event, name))
        else:
            self._notify_event(event, "")

    def _notify_event(self, event, account_name: str) -> None:
        notice = notice_for(event, account_name)
        if notice is not None:
            self.notify(notice)

    def notify(self, notice: Notice) -> None:
        log.info("notification: %s: %s", notice.title, notice.message)
        if self.icon.isVisible() and QSystemTrayIcon.supportsMessages():
            icon = (
                QSystemTrayIcon.MessageIcon.Warning
                if notice.critical
                else QSystemTrayIcon.MessageIcon.Information
            )
            self.icon.showMessage(notice.title, notice.message, icon, NOTICE_MS)
        self.last_notice = notice
        self.notified.emit(notice)
