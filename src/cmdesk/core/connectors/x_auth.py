# SPDX-License-Identifier: GPL-3.0-or-later
"""X sign-in as a public (Native App) OAuth 2 client with PKCE, and the token upkeep: access
tokens last two hours, and each refresh returns a new refresh token while killing the old one,
so refreshes are serialized per account and the new pair is saved before it is used."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from typing import Any

from cmdesk.core.connectors.base import SignInField
from cmdesk.core.connectors.errors import AuthExpired, Permanent
from cmdesk.core.connectors.http import check_url
from cmdesk.core.connectors.oauth import Browser, LoopbackRedirect, run_browser_flow
from cmdesk.core.connectors.responses import json_body
from cmdesk.core.i18n import translate
from cmdesk.core.model import Account, to_iso

API_BASE = "https://api.x.com"
AUTHORIZE_URL = "https://x.com/i/oauth2/authorize"
SCOPES = "tweet.read tweet.write users.read media.write offline.access"
DEFAULT_PORT = 8765  # X matches the callback exactly: the user registers this one
REFRESH_MARGIN = timedelta(minutes=2)

# Wrapped in translate() so lupdate extracts them; the form translates them again when shown.
SIGN_IN_FIELDS = (
    SignInField("client_id", translate("SignIn", "Client ID of your X developer app"),
                help=translate("SignIn", "From developer.x.com: a Native App with OAuth 2.0 "
                               "turned on. It is kept in your keyring.")),
    SignInField("port", translate("SignIn", "Callback port"), required=False,
                placeholder=str(DEFAULT_PORT),
                help=translate("SignIn", "The port of the callback URL registered in your app: "
                               "http://127.0.0.1:<port>/callback")),
)

_refresh_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _lock_for(key: str) -> threading.Lock:
    with _locks_guard:
        return _refresh_locks.setdefault(key, threading.Lock())


def _token_secret(doc: dict[str, Any], client_id: str, now: datetime) -> dict[str, Any]:
    expires = now + timedelta(seconds=int(doc.get("expires_in") or 7200))
    return {"client_id": client_id, "access_token": doc["access_token"],
            "refresh_token": doc.get("refresh_token"), "expires_at": to_iso(expires),
            "scope": doc.get("scope", SCOPES)}


def sign_in(values: dict[str, str], *, secrets: Any, http: Any, browser: Browser | None = None,
            timeout_s: float | None = None) -> Account:
    client_id = (values.get("client_id") or "").strip()
    if not client_id:
        raise Permanent(translate("X", "Enter the Client ID of your X developer app."))
    base = (values.get("server") or API_BASE).rstrip("/")  # tests point it at a contract server
    check_url(base)
    authorize = AUTHORIZE_URL if base == API_BASE else f"{base}/i/oauth2/authorize"
    try:
        port = int(values.get("port") or DEFAULT_PORT)
    except ValueError:
        raise Permanent(translate("X", "The callback port must be a number.")) from None
    now = datetime.now(timezone.utc)
    with LoopbackRedirect(port) as listener:
        extra = {} if timeout_s is None else {"timeout_s": timeout_s}
        code, pkce = run_browser_flow(authorize, listener, client_id=client_id, scope=SCOPES,
                                      browser=browser, **extra)
        # A public client: no secret, the verifier proves we started the flow.
        doc = json_body(http.post(f"{base}/2/oauth2/token", data={
            "code": code, "grant_type": "authorization_code", "client_id": client_id,
            "redirect_uri": listener.redirect_uri, "code_verifier": pkce.verifier}),
            required=("access_token",))
    me = json_body(http.get(f"{base}/2/users/me",
                            headers={"Authorization": f"Bearer {doc['access_token']}"}),
                   required=("data",))["data"]
    secret = _token_secret(doc, client_id, now)
    account = Account(network="x", name=f"@{me['username']}", server=base,
                      settings={"user_id": str(me["id"]), "username": me["username"]},
                      # Without offline.access the session ends with the access token.
                      expires_at=None if secret["refresh_token"] else secret["expires_at"])
    secrets.set(account.secret_key, secret)
    return account


def access_token(account: Account, secrets: Any, http: Any, now: datetime, *,
                 force: bool = False) -> str:
    """A live access token, refreshed first when it is (nearly) expired or ``force``."""
    with _lock_for(account.secret_key):
        secret = secrets.get(account.secret_key)
        if not isinstance(secret, dict) or not secret.get("access_token"):
            raise AuthExpired(translate("X", "No saved sign-in for this account: sign in again."))
        expires = secret.get("expires_at")
        due = force or (expires is not None and datetime.fromisoformat(
            expires.replace("Z", "+00:00")) - now < REFRESH_MARGIN)
        if not due:
            return secret["access_token"]
        if not secret.get("refresh_token"):
            raise AuthExpired(translate("X", "The X session ended: sign in again."))
        try:
            doc = json_body(http.post(f"{account.server}/2/oauth2/token", data={
                "grant_type": "refresh_token", "refresh_token": secret["refresh_token"],
                "client_id": secret["client_id"]}), required=("access_token",))
        except Permanent as exc:  # invalid_grant: the refresh token was revoked or rotated away
            raise AuthExpired(exc.reason) from None
        fresh = _token_secret(doc, secret["client_id"], now)
        fresh["refresh_token"] = fresh["refresh_token"] or secret["refresh_token"]
        secrets.set(account.secret_key, fresh)  # saved before use: the old refresh token is dead
        return fresh["access_token"]
