# SPDX-License-Identifier: GPL-3.0-or-later
"""The ``browser`` a connector's sign-in calls from a worker thread.

It asks the GUI thread to open the consent page, then either returns at once (the network comes
back to cmdesk's loopback listener) or waits for the address the user pastes (networks that only
accept an HTTPS redirect). Cancel wakes whichever is waiting.
"""

from __future__ import annotations

import threading
from urllib.parse import parse_qs, urlencode, urlsplit

from PySide6.QtCore import QObject, Signal

from cmdesk.core.connectors.byo_app import is_loopback_redirect
from cmdesk.core.connectors.oauth import SIGN_IN_TIMEOUT_S, SignInError
from cmdesk.core.i18n import translate


class BrowserBridge(QObject):
    url_requested = Signal(str)  # queued to the GUI thread, which opens the system browser

    def __init__(self, *, paste_mode: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paste_mode = paste_mode
        self.last_url: str | None = None
        self._answered = threading.Event()
        self._pasted: str | None = None
        self._cancelled = False

    def __call__(self, url: str) -> str | None:
        self.last_url = url
        self.url_requested.emit(url)
        if not self.paste_mode:
            return None
        if not self._answered.wait(SIGN_IN_TIMEOUT_S) or self._cancelled:
            raise SignInError(translate("AccountsDialog", "Sign-in cancelled."))
        return self._pasted

    def submit(self, text: str) -> None:
        self._pasted = text
        self._answered.set()

    def cancel(self) -> str | None:
        """Stop waiting. Returns the loopback address to call so a listener stops too, if any."""
        self._cancelled = True
        self._answered.set()
        if self.paste_mode or not self.last_url:
            return None
        query = {k: v[0] for k, v in parse_qs(urlsplit(self.last_url).query).items()}
        redirect = query.get("redirect_uri", "")
        if not is_loopback_redirect(redirect):
            return None
        # The listener treats a denial like the user pressing "Cancel" on the consent page.
        return f"{redirect}?{urlencode({'error': 'access_denied', 'state': query.get('state', '')})}"
