# SPDX-License-Identifier: GPL-3.0-or-later
"""Add an account: pick a network, read what it needs, fill its form, sign in.

Browser sign-ins run in a background task: the dialog opens the system browser and waits, with a
Cancel button; where the network only redirects to an HTTPS page, a field takes the address the
user pastes back. Nothing is saved until the network has said yes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cmdesk.core.accounts import renewed
from cmdesk.core.connectors import byo_app
from cmdesk.core.connectors.errors import ConnectorError
from cmdesk.core.connectors.registry import available_networks, connector_class
from cmdesk.core.model import Account
from cmdesk.core.secrets import KeyringUnavailable
from cmdesk.gui.accounts.bridge import BrowserBridge
from cmdesk.gui.accounts.form import SignInForm
from cmdesk.gui.accounts.states import network_icon

log = logging.getLogger(__name__)

BROWSER_AUTH = ("oauth-pkce", "byo-app")


def error_text(error: BaseException) -> str:
    """What to tell the user. Only texts we wrote reach the screen (never a raw exception that
    could quote a request)."""
    if isinstance(error, (ConnectorError, KeyringUnavailable)):
        return getattr(error, "reason", "") or str(error)
    log.error("sign-in failed", exc_info=error)
    return QCoreApplication.translate("AddAccountDialog", "Sign-in failed ({kind}).").format(
        kind=type(error).__name__)


class AddAccountDialog(QDialog):
    account_added = Signal(object)  # the saved Account
    keyring_unavailable = Signal(str)

    def __init__(self, services: Any, runner: Any, wordpress_sites: list[Account],
                 parent: QWidget | None = None, *, replacing: Account | None = None) -> None:
        super().__init__(parent)
        self.services, self.runner, self.sites = services, runner, wordpress_sites
        # Signing an existing account in again keeps its id, so planned posts still target it.
        self.replacing = replacing
        self.open_url: Callable[[str], object] = lambda url: QDesktopServices.openUrl(QUrl(url))
        self.bridge: BrowserBridge | None = None
        self.form: SignInForm | None = None
        self.setWindowTitle(self.tr("Add an account"))
        self.resize(560, 620)

        self.network = QComboBox(self)
        for name in available_networks():
            caps = connector_class(name).capabilities
            self.network.addItem(network_icon(name), caps.display_name, name)
        self.requirements = QLabel(self)
        self.requirements.setWordWrap(True)
        self.requirements.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form_area = QScrollArea(self)
        self.form_area.setWidgetResizable(True)

        self.waiting = QLabel(self)
        self.waiting.setWordWrap(True)
        self.waiting.setOpenExternalLinks(True)
        self.paste = QLineEdit(self)
        self.paste.setPlaceholderText("https://…?code=…")
        self.paste_button = QPushButton(self.tr("Continue"), self)
        self.cancel_button = QPushButton(self.tr("Cancel sign-in"), self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.sign_in_button = QPushButton(self.tr("Sign in"), self)
        self.sign_in_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Network:"), self))
        top.addWidget(self.network, 1)
        paste_row = QHBoxLayout()
        paste_row.addWidget(self.paste, 1)
        paste_row.addWidget(self.paste_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.requirements)
        layout.addWidget(self.form_area, 1)
        layout.addWidget(self.waiting)
        layout.addLayout(paste_row)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.network.currentIndexChanged.connect(self._network_changed)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.paste_button.clicked.connect(self._submit_paste)
        self.paste.returnPressed.connect(self._submit_paste)
        self.cancel_button.clicked.connect(self.cancel)
        self._network_changed()
        self._set_busy(False)
        if replacing is not None:
            self.setWindowTitle(self.tr("Sign in again: {name}").format(name=replacing.name))
            self.choose(replacing.network)
            self.network.setEnabled(False)

    # ---- choosing a network -----------------------------------------------------------------
    def choose(self, network: str) -> None:
        self.network.setCurrentIndex(self.network.findData(network))

    def _network_changed(self) -> None:
        network = self.network.currentData()
        if network is None:
            return
        cls = connector_class(network)
        self.requirements.setText(
            QCoreApplication.translate("Requirements", cls.capabilities.requirements)
            if cls.capabilities.requirements else "")
        self.form = SignInForm(cls.sign_in_fields, self.sites, self.form_area)
        self.form_area.setWidget(self.form)
        self.error.clear()

    # ---- signing in -------------------------------------------------------------------------
    def sign_in(self) -> None:
        assert self.form is not None
        missing = self.form.missing()
        if missing:
            self.error.setText(self.tr("Please fill in: {fields}").format(fields=", ".join(missing)))
            return
        network, values = self.network.currentData(), self.form.values()
        cls = connector_class(network)
        uses_browser = cls.capabilities.auth in BROWSER_AUTH
        paste_mode = cls.capabilities.auth == "byo-app" and byo_app.needs_paste(values)
        self.bridge = BrowserBridge(paste_mode=paste_mode, parent=self)
        self.bridge.url_requested.connect(self._open_browser)
        bridge, services, replacing = self.bridge, self.services, self.replacing

        def work() -> Account:
            account = cls.sign_in(values, secrets=services.secrets,
                                  http=services.connectors.http(), browser=bridge)
            if replacing is not None:
                return renewed(services.secrets, replacing, account)
            return account

        self.error.clear()
        self.waiting.setText(self.tr("Opening the sign-in page in your browser…") if uses_browser
                             else self.tr("Signing in…"))
        self._set_busy(True)
        self.runner.run_background(work, lambda account: self._signed_in(bridge, account),
                                   lambda error: self._failed(bridge, error), owner=self)

    def _open_browser(self, url: str) -> None:
        self.open_url(url)
        link = f'<a href="{url}">{self.tr("open it again")}</a>'
        if self.bridge is not None and self.bridge.paste_mode:
            self.waiting.setText(self.tr(
                "Approve cmdesk in your browser ({link}). Your browser then goes to the redirect "
                "address, which may show an error page: copy that whole address and paste it "
                "here.").format(link=link))
            self.paste.setVisible(True)
            self.paste_button.setVisible(True)
            self.paste.setFocus()
        else:
            self.waiting.setText(self.tr(
                "Waiting for you to approve cmdesk in your browser ({link})…").format(link=link))

    def _submit_paste(self) -> None:
        if self.bridge is not None and self.paste.text().strip():
            self.paste_button.setEnabled(False)
            self.bridge.submit(self.paste.text().strip())

    def cancel(self) -> None:
        if self.bridge is None:
            return
        wake = self.bridge.cancel()
        if wake:
            http = self.services.connectors.http()
            self.runner.run_background(lambda: http.get(wake, timeout=5), lambda _: None,
                                       lambda _: None)
        self.waiting.setText(self.tr("Cancelling…"))

    def _signed_in(self, bridge: BrowserBridge, account: Account) -> None:
        if not shiboken6.isValid(self) or bridge is not self.bridge or bridge._cancelled:
            return  # an abandoned attempt finishing late must not add an account
        self.runner.run_storage(lambda: self.services.workspace.accounts.save(account),
                                self._saved, lambda error: self._failed(bridge, error))

    def _saved(self, account: Account) -> None:
        if not shiboken6.isValid(self):
            return
        self.bridge = None
        self._set_busy(False)
        if self.form is not None:
            self.form.clear_secrets()
        self.account_added.emit(account)
        self.accept()

    def _failed(self, bridge: BrowserBridge, error: BaseException) -> None:
        # A sign-in can end after its window was closed and deleted: nothing left to update.
        if not shiboken6.isValid(self) or bridge is not self.bridge:
            return
        cancelled = bridge._cancelled
        self.bridge = None
        self._set_busy(False)
        if isinstance(error, KeyringUnavailable):
            self.keyring_unavailable.emit(str(error))
        self.error.setText(self.tr("Sign-in cancelled.") if cancelled else error_text(error))

    def _set_busy(self, busy: bool) -> None:
        self.network.setEnabled(not busy and self.replacing is None)
        self.form_area.setEnabled(not busy)
        self.sign_in_button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.waiting.setVisible(busy)
        paste = busy and self.bridge is not None and self.bridge.paste_mode and \
            self.bridge.last_url is not None
        self.paste.setVisible(paste)
        self.paste_button.setVisible(paste)
        self.paste_button.setEnabled(True)
        if not busy:
            self.paste.clear()

    def reject(self) -> None:
        self.cancel()
        super().reject()
