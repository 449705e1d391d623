# SPDX-License-Identifier: GPL-3.0-or-later
"""Settings > Accounts: every connected account with its state, and what to do with it.

Network and keyring work runs through TaskRunner.run_background, store writes through
run_storage; callbacks come back on the GUI thread. When no keyring is usable the dialog says so
and offers to keep sign-ins for this session only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cmdesk.core.connectors.errors import AuthExpired
from cmdesk.core.connectors.registry import connector_class
from cmdesk.core.model import Account, to_iso
from cmdesk.core.secrets import KeyringUnavailable
from cmdesk.gui.accounts import operations
from cmdesk.gui.accounts.add_dialog import AddAccountDialog, error_text
from cmdesk.gui.accounts.states import network_icon, state_colour, state_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AccountsDialog(QDialog):
    accounts_loaded = Signal()
    action_finished = Signal(str)  # the message shown in the status line
    # Emitted from the store's writer thread; queued, so the slot runs on the GUI thread.
    _accounts_changed = Signal()

    def __init__(self, services: Any, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.accounts: list[Account] = []
        self.load_count = 0  # how many times the list was (re)loaded; tests wait on it
        self.add_dialog: AddAccountDialog | None = None
        # Asked before removing; tests answer it without a modal box.
        self.confirm: Callable[[str, str], bool] = self._ask
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(720, 440)

        self.banner = QFrame(self)
        self.banner.setObjectName("keyringBanner")
        self.banner.setStyleSheet("#keyringBanner { background: #fff4e5; border: 1px solid #e0a040;"
                                  " border-radius: 4px; } #keyringBanner QLabel { color: #4a3000; }")
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.session_button = QPushButton(self.tr("Keep sign-ins for this session only"), self.banner)
        banner_row = QHBoxLayout(self.banner)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.session_button, 0, Qt.AlignmentFlag.AlignTop)
        self.banner.hide()

        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Network"), self.tr("Account"), self.tr("State")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.empty = QLabel(self.tr("No account yet. Choose \"Add account…\" to connect one."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.add_button = QPushButton(self.tr("Add account…"), self)
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.reconnect_button = QPushButton(self.tr("Sign in again…"), self)
        self.sign_out_button = QPushButton(self.tr("Sign out"), self)
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        side = QVBoxLayout()
        for button in (self.add_button, self.test_button, self.reconnect_button,
                       self.sign_out_button, self.remove_button):
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        lists = QVBoxLayout()
        lists.addWidget(self.tree, 1)
        lists.addWidget(self.empty)
        middle.addLayout(lists, 1)
        middle.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(middle, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)

        self.add_button.clicked.connect(self.add_account)
        self.test_button.clicked.connect(self.test_selected)
        self.reconnect_button.clicked.connect(self.sign_in_again)
        self.sign_out_button.clicked.connect(self.sign_out_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.session_button.clicked.connect(self.use_session_only)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()
        # The publisher may mark an account "needs sign-in" while the dialog is open: follow it.
        self._accounts_changed.connect(self.refresh, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = services.workspace.subscribe(self._store_changed)
        self.finished.connect(self._detach)
        self.destroyed.connect(self._detach)
        self.refresh()
        self._probe_keyring()

    def _store_changed(self, changes) -> None:
        if getattr(changes, "table", None) == "accounts":
            self._accounts_changed.emit()

    def _detach(self, *_: object) -> None:
        unsubscribe, self._unsubscribe = self._unsubscribe, None
        if unsubscribe is not None:
            try:
                unsubscribe()
            except ValueError:
                pass  # already gone
    # ---- list -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.runner.run_storage(self.services.workspace.accounts.all, self._show,
                                self._report_error)

    def _show(self, accounts: list[Account]) -> None:
        selected = self.selected()
        self.accounts = sorted(accounts, key=lambda a: (a.network, a.name.lower()))
        self.tree.clear()
        for account in self.accounts:
            try:
                network_name = connector_class(account.network).capabilities.display_name
            except (KeyError, ImportError):
                network_name = account.network
            item = QTreeWidgetItem([network_name, account.name, state_text(account)])
            item.setIcon(0, network_icon(account.network))
            item.setData(0, ID_ROLE, account.id)
            colour = state_colour(account)
            if colour is not None:
                item.setForeground(2, colour)
            self.tree.addTopLevelItem(item)
            if selected is not None and account.id == selected.id:
                item.setSelected(True)
        for column in (0, 2):
            self.tree.resizeColumnToContents(column)
        self.empty.setVisible(not self.accounts)
        self._update_buttons()
        self.load_count += 1
        self.accounts_loaded.emit()

    def selected(self) -> Account | None:
        items = self.tree.selectedItems()
        if not items:
            return None
        wanted = items[0].data(0, ID_ROLE)
        return next((a for a in self.accounts if a.id == wanted), None)

    def select(self, account_id: str) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, ID_ROLE) == account_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def row_texts(self) -> list[tuple[str, str, str]]:
        return [tuple(self.tree.topLevelItem(i).text(c) for c in range(3))
                for i in range(self.tree.topLevelItemCount())]

    def _update_buttons(self, busy: bool = False) -> None:
        chosen = self.selected() is not None and not busy
        for button in (self.test_button, self.reconnect_button, self.sign_out_button,
                       self.remove_button):
            button.setEnabled(chosen)

    # ---- actions ----------------------------------------------------------------------------
    def add_account(self, replacing: Account | None = None) -> AddAccountDialog:
        sites = [a for a in self.accounts if a.network == "wordpress"]
        self.add_dialog = AddAccountDialog(self.services, self.runner, sites, self,
                                           replacing=replacing)
        self.add_dialog.account_added.connect(self._added)
        self.add_dialog.keyring_unavailable.connect(self._show_keyring_problem)
        self.add_dialog.open()
        return self.add_dialog

    def sign_in_again(self) -> AddAccountDialog | None:
        account = self.selected()
        return self.add_account(replacing=account) if account is not None else None

    def _added(self, account: Account) -> None:
        self._say(self.tr("{name} is connected.").format(name=account.name))
        self.refresh()

    def test_selected(self) -> None:
        account = self.selected()
        if account is None:
            return
        self._busy(self.tr("Testing {name}…").format(name=account.name))
        self.runner.run_background(lambda: operations.check(self.services, account),
                                   lambda found: self._tested(account, found),
                                   lambda error: self._test_failed(account, error), owner=self)

    def _tested(self, account: Account, found) -> None:
        account.status = "connected"
        if found.expires_at is not None:
            account.expires_at = to_iso(found.expires_at)
        self._save(account, self.tr("{name}: the connection works.").format(
            name=found.display_name or account.name))

    def _test_failed(self, account: Account, error: BaseException) -> None:
        if isinstance(error, AuthExpired):
            account.status = "needs_auth"
            self._save(account, self.tr("{name} needs to sign in again: {reason}").format(
                name=account.name, reason=error.reason))
        else:
            self._report_error(error)

    def sign_out_selected(self) -> None:
        account = self.selected()
        if account is None:
            return
        self._busy(self.tr("Signing {name} out…").format(name=account.name))
        self.runner.run_background(lambda: operations.sign_out(self.services, account),
                                   lambda _: self._signed_out(account), self._report_error)

    def _signed_out(self, account: Account) -> None:
        account.status = "needs_auth"
        account.expires_at = None
        self._save(account, self.tr("{name} is signed out.").format(name=account.name))

    def remove_selected(self) -> None:
        account = self.selected()
        if account is None:
            return
        self.runner.run_storage(lambda: operations.pending_posts(self.services, account.id),
                                lambda count: self._confirm_remove(account, count),
                                self._report_error)

    def _confirm_remove(self, account: Account, pending: int) -> None:
        text = self.tr("Remove {name} from cmdesk? Its sign-in is deleted from the keyring.").format(
            name=account.name)
        if pending == 1:
            text += "\n\n" + self.tr(
                "1 planned post still targets this account; it stays in your calendar but will "
                "not be published there.")
        elif pending > 1:
            text += "\n\n" + self.tr(
                "{count} planned posts still target this account; they stay in your calendar but "
                "will not be published there.").format(count=pending)
        if not self.confirm(self.tr("Remove account"), text):
            return
        self._busy(self.tr("Removing {name}…").format(name=account.name))
        self.runner.run_background(lambda: operations.forget(self.services, account),
                                   lambda _: self._forgotten(account), self._report_error)

    def _forgotten(self, account: Account) -> None:
        self.runner.run_storage(lambda: self.services.workspace.accounts.delete(account.id),
                                lambda _: self._done(self.tr("{name} was removed.").format(
                                    name=account.name)), self._report_error)

    # ---- keyring ----------------------------------------------------------------------------
    def _probe_keyring(self) -> None:
        def probe() -> None:
            self.services.secrets  # opening the store is what fails when no keyring answers

        self.runner.run_background(probe, lambda _: None, self._keyring_error)

    def _keyring_error(self, error: BaseException) -> None:
        if isinstance(error, KeyringUnavailable):
            self._show_keyring_problem(str(error))
        else:
            self._report_error(error)

    def _show_keyring_problem(self, message: str) -> None:
        self.banner_text.setText(message)
        self.banner.show()

    def use_session_only(self) -> None:
        self.services.use_session_secrets()
        self.banner.hide()
        self._say(self.tr("Sign-ins are kept in memory until cmdesk quits."))

    # ---- plumbing ---------------------------------------------------------------------------
    def _save(self, account: Account, message: str) -> None:
        self.runner.run_storage(lambda: self.services.workspace.accounts.save(account),
                                lambda _: self._done(message), self._report_error)

    def _busy(self, message: str) -> None:
        self.status.setText(message)
        self._update_buttons(busy=True)

    def _done(self, message: str) -> None:
        self._say(message)
        self.refresh()

    def _say(self, message: str) -> None:
        self.status.setText(message)
        self._update_buttons()
        self.action_finished.emit(message)

    def _report_error(self, error: BaseException) -> None:
        if isinstance(error, KeyringUnavailable):
            self._show_keyring_problem(str(error))
        self._say(error_text(error))

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
