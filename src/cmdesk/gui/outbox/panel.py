# SPDX-License-Identifier: GPL-3.0-or-later
"""OutboxPanel(services, runner, parent=None): the dock's widget.

Every call to the publisher runs through the TaskRunner (never on the GUI thread); publisher and
store events arrive on worker threads and come here as queued signals.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cmdesk.core.publish import events as ev
from cmdesk.core.publish.outbox import PLANNED_DAYS, PUBLISHED_DAYS
from cmdesk.core.schedule.planner import workspace_zone
from cmdesk.gui.outbox.outbox_model import RowRole, OutboxModel

REFRESH_DELAY_MS = 150  # many store changes in a burst (a batch going out) -> one reload


class _Bridge(QObject):
    """Called from any thread; emitting a signal hands the event to the GUI thread."""

    event_received = Signal(object)
    store_changed = Signal()

    def publisher_event(self, event) -> None:
        self.event_received.emit(event)

    def store_event(self, changes) -> None:
        # Settings too: a new workspace zone changes every time shown.
        if changes.table in ("posts", "accounts", "settings"):
            self.store_changed.emit()


class OutboxPanel(QWidget):
    rows_loaded = Signal(int)  # how many rows are shown (tests and the status bar listen)
    action_failed = Signal(str)

    def __init__(self, services, runner, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.publisher = services.publisher
        self.model = OutboxModel(self)
        self._generation = 0  # of the latest outbox read; older results are dropped
        self._build()
        self._bridge = _Bridge(self)
        self._bridge.event_received.connect(self._on_event)
        self._bridge.store_changed.connect(self.schedule_refresh)
        self._unsubscribe = [
            self.publisher.subscribe(self._bridge.publisher_event),
            services.workspace.subscribe(self._bridge.store_event),
        ]
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._watch_network()
        self.refresh()

    # ---- the OS network status feeds the publisher ---------------------------------------------
    def _watch_network(self) -> None:
        info = QNetworkInformation.instance()
        if info is None and QNetworkInformation.loadDefaultBackend():
            info = QNetworkInformation.instance()
        if info is None:  # offscreen, minimal containers: the publisher's own probes decide
            return
        info.reachabilityChanged.connect(self._on_reachability)
        self._on_reachability(info.reachability())

    def _on_reachability(self, reachability) -> None:
        # Only "disconnected" is certain; "local" or "site" may still reach a self-hosted
        # server, so those are left to the per-host probes.
        if reachability == QNetworkInformation.Reachability.Unknown:
            return
        online = reachability != QNetworkInformation.Reachability.Disconnected
        publisher = self.publisher
        self.runner.run_background(lambda: publisher.set_online(online))

    # ---- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.filter = QComboBox(self)
        for key, label in (("all", self.tr("Everything")), ("next", self.tr("Due next")),
                           ("network", self.tr("Waiting for the network")),
                           ("attention", self.tr("Failed or needs you"))):
            self.filter.addItem(label, key)
        self.filter.currentIndexChanged.connect(
            lambda _: self.model.set_filter(self.filter.currentData()))
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.now_button = QPushButton(self.tr("Publish now"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        # The user's decisions: a post we cannot tell went out, a post that fell due too late.
        self.confirm_button = QPushButton(self.tr("It went out"), self)
        self.again_button = QPushButton(self.tr("Send again"), self)
        self.give_up_button = QPushButton(self.tr("Give up"), self)
        self.skip_button = QPushButton(self.tr("Skip"), self)
        self.retry_button.clicked.connect(lambda: self._act("retry"))
        self.now_button.clicked.connect(lambda: self._act("publish_now"))
        self.cancel_button.clicked.connect(lambda: self._act("cancel"))
        self.confirm_button.clicked.connect(lambda: self._act("confirm_published"))
        self.again_button.clicked.connect(lambda: self._act("retry_anyway"))
        self.give_up_button.clicked.connect(lambda: self._act("give_up"))
        self.skip_button.clicked.connect(lambda: self._act("skip_late"))
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.retry_button, self.now_button, self.cancel_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        decisions = QHBoxLayout()
        for b in (self.confirm_button, self.again_button, self.give_up_button, self.skip_button):
            decisions.addWidget(b)
        decisions.addStretch(1)
        self.scope = QLabel(self.tr(
            "What needs you, what is planned for the next {planned} days and what went out in the "
            "last {published} days. The calendar shows the rest.").format(
                planned=PLANNED_DAYS, published=PUBLISHED_DAYS), self)
        self.scope.setWordWrap(True)
        self.scope.setEnabled(False)  # drawn muted: an explanation, not a control
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.scope)
        layout.addLayout(buttons)
        layout.addLayout(decisions)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self._update_buttons()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], RowRole) if rows else None

    def select_post(self, post_id: str, account_id: str | None = None) -> bool:
        for r in range(self.model.rowCount()):
            row = self.model.row_at(r)
            if row.post_id == post_id and account_id in (None, row.account_id):
                self.table.selectRow(r)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.selected()
        state = row.state if row else None
        self.retry_button.setEnabled(state in ("failed", "retry_wait", "waiting_network",
                                               "needs_auth"))
        self.now_button.setEnabled(state in ("scheduled", "due", "retry_wait", "waiting_network",
                                             "failed"))
        self.cancel_button.setEnabled(state in ("scheduled", "due", "retry_wait",
                                                "waiting_network", "needs_auth", "handed_off"))
        for b in (self.confirm_button, self.again_button, self.give_up_button):
            b.setEnabled(state == "unconfirmed")
        self.skip_button.setEnabled(bool(row and row.needs_decision))

    # ---- data --------------------------------------------------------------------------------
    def schedule_refresh(self) -> None:
        self._timer.start()

    def refresh(self) -> None:
        if self._unsubscribe:  # detached panels (closing window) no longer read the store
            workspace, publisher = self.services.workspace, self.publisher
            self._generation = generation = self._generation + 1
            # The rows and the zone the calendar shows them in, read together off the GUI thread.
            self.runner.run_storage(
                lambda: (generation, publisher.outbox(), workspace_zone(workspace)), self._show)

    def _show(self, loaded) -> None:
        generation, rows, zone = loaded
        if generation != self._generation:  # a newer read is on its way: this one is stale
            return
        row = self.selected()
        keep = (row.post_id, row.account_id) if row else None
        self.model.set_rows(rows, zone)
        if keep:
            self.select_post(*keep)
        self._update_buttons()
        self.rows_loaded.emit(self.model.rowCount())

    def _act(self, action: str) -> None:
        row = self.selected()
        if row is None:
            return
        publisher = self.publisher
        if action == "publish_now":
            work = lambda: publisher.publish_now(row.post_id)  # noqa: E731
        else:
            work = lambda: getattr(publisher, action)(row.post_id, row.account_id)  # noqa: E731
        self.message.clear()
        self.runner.run_storage(work, lambda _: self.refresh(), self._failed)

    def _failed(self, error: BaseException) -> None:
        self.message.setText(str(error))
        self.action_failed.emit(str(error))

    def _on_event(self, event) -> None:
        if event.kind == ev.PROGRESS:
            remaining = int(event.data.get("remaining", 0))
            total = event.count + remaining
            self.progress.setRange(0, max(1, total))
            self.progress.setValue(event.count)
            self.progress.setFormat(self.tr("%v of %m sent"))
            self.progress.setVisible(remaining > 0)
        elif event.kind == ev.BACK_ONLINE:
            self.message.setText(self.tr("Back online: %n post(s) sent.", "", event.count))
        elif event.message:
            self.message.setText(event.message)
        self.schedule_refresh()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.detach()
        super().closeEvent(event)

    def detach(self) -> None:
        self._timer.stop()
        for unsubscribe in self._unsubscribe:
            try:
                unsubscribe()
            except ValueError:
                pass
        self._unsubscribe = []
