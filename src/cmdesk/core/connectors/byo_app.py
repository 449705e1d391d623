# SPDX-License-Identifier: GPL-3.0-or-later
""""Bring your own developer app": the sign-in path of networks whose token exchange needs a
client secret (LinkedIn, Facebook, Instagram, Threads).

A desktop binary cannot keep a secret, so the user registers their own app with the network and
types its id and secret into cmdesk; both go to the keyring with the tokens, never to the store.
The browser step ends on the redirect URL registered on that app:

- a loopback URL (``http://127.0.0.1:<port>/...``) where the network allows one: cmdesk listens
  there and reads the code itself;
- otherwise an HTTPS URL (Meta and LinkedIn demand one): the browser lands on a page that may not
  even load, and the user pastes the address it shows back into cmdesk.
"""

from __future__ import annotations

import json
import secrets as _random
import sys
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from cmdesk.core.connectors.base import SignInField
from cmdesk.core.connectors.errors import AuthExpired, Permanent
from cmdesk.core.connectors.http import is_loopback
from cmdesk.core.i18n import translate

DEFAULT_REDIRECT = "https://localhost/cmdesk"


def app_fields(*, redirect_help: str) -> tuple[SignInField, ...]:
    """The three fields every bring-your-own-app network asks for."""
    return (
        SignInField("client_id", translate("SignIn", "App ID"),
                    placeholder="123456789012345",
                    help=translate("SignIn", "The ID of your own developer app, from its settings.")),
        SignInField("client_secret", translate("SignIn", "App secret"), secret=True,
                    help=translate("SignIn", "Kept in the system keyring only.")),
        SignInField("redirect_uri", translate("SignIn", "Redirect URL"), required=False,
                    placeholder=DEFAULT_REDIRECT, help=redirect_help),
    )


def is_loopback_redirect(uri: str) -> bool:
    """A plain-http redirect to this machine, where cmdesk can listen itself (RFC 8252 section 7.3:
    a loopback IP literal such as 127.0.0.1 or [::1] is preferred; "localhost" works but is not
    recommended). Which hosts count as this machine is http's rule, the same one that lets plain
    http through, so the two can never disagree."""
    parts = urlsplit(uri)
    return parts.scheme == "http" and is_loopback(parts.hostname)


def redirect_of(values: dict[str, str]) -> str:
    return (values.get("redirect_uri") or "").strip() or DEFAULT_REDIRECT


def needs_paste(values: dict[str, str]) -> bool:
    """True when the user will have to paste the final address (no loopback redirect)."""
    redirect = redirect_of(values)
    return redirect.lower() != "loopback" and not is_loopback_redirect(redirect)


def new_state() -> str:
    return _random.token_urlsafe(24)


def parse_redirect(text: str, state: str) -> str:
    """The authorization code from what the user pasted: the whole address, or the code alone."""
    text = (text or "").strip()
    if not text:
        raise Permanent(translate("SignIn", "Nothing was pasted: sign-in cancelled."))
    if "://" not in text and "code=" not in text:
        return text.split("#")[0]
    query = parse_qs(urlsplit(text).query or text.split("?", 1)[-1])
    if "error" in query:
        detail = (query.get("error_description") or query["error"])[0]
        raise Permanent(translate("SignIn", "The network refused the sign-in: {detail}")
                        .format(detail=detail))
    if query.get("state", [state])[0] != state:
        raise Permanent(translate("SignIn", "This address belongs to another sign-in attempt."))
    code = (query.get("code") or [""])[0].split("#")[0]
    if not code:
        raise Permanent(translate("SignIn", "The pasted address has no code in it."))
    return code


def paste_in_terminal(url: str) -> str:
    """The default ``browser`` (``cmdesk accounts add``): open the page, read the pasted address.
    The GUI passes its own, which asks in the dialog."""
    from cmdesk.core.connectors.oauth import system_browser

    try:
        system_browser(url)
    except Permanent as exc:
        print(exc.reason, file=sys.stderr)
    print(translate("SignIn", "After approving, paste the address your browser shows, then "
                    "press Enter:"), file=sys.stderr)
    return sys.stdin.readline().strip()


def authorize(auth_url: str, params: dict[str, str], *, redirect_uri: str,
              browser: Any = None) -> str:
    """Open the consent page and return the authorization code: read by cmdesk itself when the
    app's redirect is a loopback address, else from what ``browser(url)`` returns (the address
    the user pasted)."""
    state = new_state()
    url = f"{auth_url}?{urlencode({**params, 'redirect_uri': redirect_uri, 'state': state})}"
    if is_loopback_redirect(redirect_uri):
        return _listen(redirect_uri, url, state, browser)
    if redirect_uri.lower() == "loopback":
        raise Permanent(translate(
            "SignIn", "Enter the loopback address registered on your app, for example "
            "http://127.0.0.1:8765/callback, or leave the field empty to paste the address."))
    pasted = (browser or paste_in_terminal)(url)
    if not isinstance(pasted, str):
        raise Permanent(translate(
            "SignIn", "Paste the address your browser shows after you approve the app."))
    return parse_redirect(pasted, state)


def _listen(redirect_uri: str, url: str, state: str, browser: Any) -> str:
    """Listen on the registered loopback address itself (the network sends the browser back to
    exactly that host, port and path) while the browser shows the consent page."""
    from cmdesk.core.connectors.oauth import LoopbackRedirect, system_browser

    parts = urlsplit(redirect_uri)
    with LoopbackRedirect(parts.port or 80, host=parts.hostname or "127.0.0.1",
                          path=parts.path or "/") as listener:
        (browser or system_browser)(url)
        return listener.wait(state)


# ---- the secret blob of an account ------------------------------------------------------------
@dataclass
class Vault:
    """The keyring entry of one account: app id and secret plus the tokens, as one JSON value."""

    secrets: Any
    key: str

    def load(self) -> dict[str, Any]:
        raw = self.secrets.get(self.key)
        if not raw:
            raise AuthExpired(translate("SignIn", "No saved sign-in for this account: sign in again."))
        return json.loads(raw) if isinstance(raw, str) else dict(raw)

    def save(self, data: dict[str, Any]) -> None:
        self.secrets.set(self.key, data)  # the secret store serialises it

    def update(self, **changes: Any) -> dict[str, Any]:
        data = self.load()
        data.update(changes)
        self.save(data)
        return data

    def forget(self) -> None:
        self.secrets.delete(self.key)
