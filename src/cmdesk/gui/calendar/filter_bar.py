# SPDX-License-Identifier: GPL-3.0-or-later
"""Filter the calendar by account or network, tag or campaign, state, and text."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from cmdesk.core.model import Account
from cmdesk.gui.calendar.chips import NETWORK_NAMES, NETWORK_STYLE
from cmdesk.gui.calendar.filtering import DISPLAY_STATES, PostFilter

TYPING_DELAY_MS = 150  # refilter once the user pauses, not on every key


class FilterBar(QWidget):
    filter_changed = Signal(object)  # PostFilter

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar-filters")
        self.who = QComboBox()
        self.who.setObjectName("filter-who")
        self.state = QComboBox()
        self.state.setObjectName("filter-state")
        self.state.addItem(self.tr("All states"), "")
        for state in DISPLAY_STATES:
            self.state.addItem(self.state_label(state), state)
        self.tag = QLineEdit()
        self.tag.setObjectName("filter-tag")
        self.tag.setPlaceholderText(self.tr("Tag or campaign"))
        self.tag.setClearButtonEnabled(True)
        self.search = QLineEdit()
        self.search.setObjectName("filter-search")
        self.search.setPlaceholderText(self.tr("Search text"))
        self.search.setClearButtonEnabled(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.who, 2), (self.state, 1), (self.tag, 1), (self.search, 2)):
            layout.addWidget(widget, stretch)
        self._timer = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._timer.timeout.connect(self.emit_filter)
        self.who.currentIndexChanged.connect(self.emit_filter)
        self.state.currentIndexChanged.connect(self.emit_filter)
        self.tag.textChanged.connect(lambda _t: self._timer.start())
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.set_accounts([])

    def state_label(self, state: str) -> str:
        return {
            "draft": self.tr("Draft"),
            "scheduled": self.tr("Scheduled"),
            "late": self.tr("Late"),
            "waiting": self.tr("Waiting for network"),
            "handed_off": self.tr("Handed off"),
            "published": self.tr("Published"),
            "failed": self.tr("Failed"),
        }[state]

    def set_accounts(self, accounts: list[Account]) -> None:
        current = self.who.currentData()
        self.who.blockSignals(True)
        self.who.clear()
        self.who.addItem(self.tr("All accounts"), "")
        networks = sorted({a.network for a in accounts}, key=list(NETWORK_STYLE).index)
        for network in networks:
            name = NETWORK_NAMES.get(network, network)
            self.who.addItem(self.tr("Network: {name}").format(name=name), f"net:{network}")
        for account in sorted(accounts, key=lambda a: a.name.lower()):
            network = NETWORK_NAMES.get(account.network, account.network)
            self.who.addItem(f"{account.name} ({network})", f"acct:{account.id}")
        index = self.who.findData(current)
        self.who.setCurrentIndex(max(0, index))
        self.who.blockSignals(False)

    def current(self) -> PostFilter:
        who = self.who.currentData() or ""
        return PostFilter(
            account_id=who[5:] if who.startswith("acct:") else "",
            network=who[4:] if who.startswith("net:") else "",
            tag=self.tag.text().strip(),
            state=self.state.currentData() or "",
            text=self.search.text().strip(),
        )

    def emit_filter(self) -> None:
        self._timer.stop()
        self.filter_changed.emit(self.current())
