# SPDX-License-Identifier: GPL-3.0-or-later
"""Mastodon sign-in: app registration at runtime, OAuth PKCE through the browser, and the
instance's own limits (forks raise the text limit) kept in ``account.settings``."""

from __future__ import annotations

import dataclasses
from typing import Any
from urllib.parse import urlsplit

from cmdesk.core.connectors.base import SignInField
from cmdesk.core.connectors.capabilities import Capabilities, NativeScheduling
from cmdesk.core.connectors.errors import Permanent, Transient
from cmdesk.core.connectors.http import check_url
from cmdesk.core.connectors.oauth import Browser, LoopbackRedirect, run_browser_flow
from cmdesk.core.connectors.responses import json_body
from cmdesk.core.i18n import translate
from cmdesk.core.model import Account

SCOPES = "read:accounts read:statuses write:statuses write:media"
APP_NAME = "cmdesk"
APP_WEBSITE = "https://github.com/cmdesk/cmdesk"

# Defaults from platforms.md (Mastodon 4.x); each account overrides them with its instance's.
CAPABILITIES = Capabilities(
    network="mastodon",
    display_name="Mastodon",
    text_limit=500,
    max_media=4,
    media_formats=("image/jpeg", "image/png", "image/gif", "image/webp"),
    max_image_bytes=16_777_216,
    max_image_pixels=33_177_600,
    alt_text_limit=1500,
    native_scheduling=NativeScheduling(min_lead_s=300, daily_limit=25, total_limit=300),
    idempotency="idempotency-key",
    metrics=("replies", "reblogs", "favourites", "quotes"),
    threads=True,
    polls=True,
    poll_options=(2, 4),
    auth="oauth-pkce",
    requirements="An account on any Mastodon server (version 4.3 or later for the secure "
                 "browser sign-in). cmdesk registers itself with your server when you sign in.",
    extra={"url_length": 23, "poll_option_chars": 50, "poll_min_s": 300,
           "poll_max_s": 2_629_746, "idempotency_window_s": 3600},
)

# Wrapped in translate() so lupdate extracts them; the form translates them again when shown.
SIGN_IN_FIELDS = (
    SignInField("server", translate("SignIn", "Server address"), placeholder="mastodon.social",
                help=translate("SignIn", "The address of the Mastodon server your account is on.")),
)


def normalize_server(text: str) -> str:
    text = (text or "").strip().rstrip("/")
    if not text:
        raise Permanent(translate("Mastodon", "Enter the address of your Mastodon server."))
    if "://" not in text:
        text = "https://" + text.lstrip("@").split("@")[-1]  # "@me@example.social" works too
    parts = urlsplit(text)
    if not parts.hostname:
        raise Permanent(translate("Mastodon", "This is not a server address: {text}").format(text=text))
    base = f"{parts.scheme}://{parts.netloc}"
    check_url(base)
    return base


def limits_from_instance(doc: dict[str, Any]) -> dict[str, Any]:
    """The settings worth keeping from GET /api/v2/instance (absent fields keep defaults)."""
    conf = doc.get("configuration") or {}
    statuses, media, polls = (conf.get(k) or {} for k in ("statuses", "media_attachments", "polls"))
    found = {
        "max_characters": statuses.get("max_characters"),
        "max_media": statuses.get("max_media_attachments"),
        "url_length": statuses.get("characters_reserved_per_url"),
        "image_size_limit": media.get("image_size_limit"),
        "image_matrix_limit": media.get("image_matrix_limit"),
        "description_limit": media.get("description_limit"),
        "mime_types": [t for t in media.get("supported_mime_types") or [] if t.startswith("image/")] or None,
        "poll_max_options": polls.get("max_options"),
        "poll_option_chars": polls.get("max_characters_per_option"),
        "poll_min_s": polls.get("min_expiration"),
        "poll_max_s": polls.get("max_expiration"),
        "version": doc.get("version"),
    }
    return {k: v for k, v in found.items() if v is not None}


def capabilities_for(account: Account) -> Capabilities:
    s = account.settings
    base = CAPABILITIES
    return dataclasses.replace(
        base,
        text_limit=int(s.get("max_characters", base.text_limit)),
        max_media=int(s.get("max_media", base.max_media)),
        media_formats=tuple(s.get("mime_types", base.media_formats)),
        max_image_bytes=int(s.get("image_size_limit", base.max_image_bytes)),
        max_image_pixels=int(s.get("image_matrix_limit", base.max_image_pixels)),
        alt_text_limit=int(s.get("description_limit", base.alt_text_limit)),
        poll_options=(2, int(s.get("poll_max_options", 4))),
        extra={**base.extra, **{k: s[k] for k in ("url_length", "poll_option_chars", "poll_min_s",
                                                  "poll_max_s") if k in s}},
    )


def sign_in(values: dict[str, str], *, secrets: Any, http: Any, browser: Browser | None = None,
            timeout_s: float | None = None) -> Account:
    base = normalize_server(values.get("server", ""))
    with LoopbackRedirect() as listener:
        answer = http.post(f"{base}/api/v1/apps", data={
            "client_name": APP_NAME, "redirect_uris": listener.redirect_uri, "scopes": SCOPES,
            "website": APP_WEBSITE})
        not_mastodon = Permanent(translate(
            "Mastodon", "{server} does not look like a Mastodon server.").format(server=base))
        if answer.status_code in (404, 405):
            raise not_mastodon
        try:
            app = json_body(answer, required=("client_id", "client_secret"))
        except Transient:  # a 2xx that is not an app: a web page, not the API
            if answer.status_code >= 300:
                raise
            raise not_mastodon from None
        extra = {} if timeout_s is None else {"timeout_s": timeout_s}
        code, pkce = run_browser_flow(f"{base}/oauth/authorize", listener, client_id=app["client_id"],
                                      scope=SCOPES, browser=browser, **extra)
        token = json_body(http.post(f"{base}/oauth/token", data={
            "grant_type": "authorization_code", "code": code, "redirect_uri": listener.redirect_uri,
            "client_id": app["client_id"], "client_secret": app["client_secret"],
            "code_verifier": pkce.verifier, "scope": SCOPES}), required=("access_token",))
    auth = {"Authorization": f"Bearer {token['access_token']}"}
    me = json_body(http.get(f"{base}/api/v1/accounts/verify_credentials", headers=auth),
                   required=("id", "acct"))
    instance = json_body(http.get(f"{base}/api/v2/instance"))
    domain = instance.get("domain") or urlsplit(base).hostname
    acct = me["acct"] if "@" in me["acct"] else f"{me['acct']}@{domain}"
    account = Account(network="mastodon", name=f"@{acct}", server=base,
                      settings={"account_id": str(me["id"]), "username": me.get("username", ""),
                                **limits_from_instance(instance)})
    # The token never expires on Mastodon; the app credentials are needed to revoke it.
    secrets.set(account.secret_key, {"access_token": token["access_token"],
                                     "client_id": app["client_id"],
                                     "client_secret": app["client_secret"],
                                     "scope": token.get("scope", SCOPES)})
    return account
