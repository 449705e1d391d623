# SPDX-License-Identifier: GPL-3.0-or-later
"""AT Protocol plumbing for the Bluesky connector: XRPC calls with a refreshing session, errors,
record keys (TIDs) and the PDS endpoint from a DID document.

Tokens: ``createSession`` gives an access JWT (about 2 h) and a refresh JWT (about 90 days). A
call answered ``ExpiredToken`` is refreshed once and sent again (safe: the PDS refused it before
applying anything). When the refresh JWT is gone too, the stored app password opens a new
session, so the user only signs in again when the app password was revoked.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from datetime import datetime, timezone
from typing import Any

import requests

from cmdesk.core.connectors.errors import AuthExpired, ConnectorError
from cmdesk.core.connectors.redact import redact
from cmdesk.core.connectors.responses import check, unexpected
from cmdesk.core.i18n import translate

DEFAULT_SERVER = "https://bsky.social"
PLC_DIRECTORY = "https://plc.directory"
TOKEN_ERRORS = frozenset({"ExpiredToken", "InvalidToken"})
_B32 = "234567abcdefghijklmnopqrstuvwxyz"  # base32-sortable, as TIDs are written


_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _lock_for(key: str) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(key, threading.Lock())


class TokenExpired(Exception):
    """Internal: the PDS refused our access (or refresh) token; refresh and try again."""


def tid(micros: int, clock_id: int) -> str:
    """A TID record key: 53 bits of microseconds since 1970, 10 bits of clock id, 13 chars."""
    value = ((micros & ((1 << 53) - 1)) << 10) | (clock_id & 0x3FF)
    return "".join(_B32[(value >> (5 * i)) & 31] for i in reversed(range(13)))


def record_keys(idempotency_key: str, count: int, *, at: datetime) -> list[str]:
    """Our own record keys for the ``count`` parts of one attempt, chosen before sending.

    The same key and instant always give the same TIDs, so after a crash the lookup asks for the
    very records the lost request would have made, and a second create at that key is refused
    by the PDS instead of duplicating the post. The hash spreads posts planned for the same
    minute over a second and over the clock ids so they never collide.
    """
    digest = int.from_bytes(hashlib.sha256(idempotency_key.encode()).digest()[:8], "big")
    base = int(at.astimezone(timezone.utc).timestamp()) * 1_000_000 + digest % 900_000
    clock_id = (digest >> 20) & 0x3FF
    return [tid(base + i, clock_id) for i in range(count)]


def token_scope(jwt: str) -> str:
    """The ``scope`` claim of a session JWT (read, not verified: the PDS verifies it)."""
    try:
        body = jwt.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except (IndexError, ValueError):
        return ""
    return str(claims.get("scope") or "") if isinstance(claims, dict) else ""


def utc_stamp(moment: datetime | None = None) -> str:
    moment = (moment or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def xrpc_error(response: requests.Response) -> tuple[str, str]:
    """(error code, message) of an XRPC error body, empty strings when absent."""
    try:
        doc = response.json()
    except ValueError:
        return "", ""
    if not isinstance(doc, dict):
        return "", ""
    return str(doc.get("error") or ""), str(doc.get("message") or "")


def raise_for(response: requests.Response) -> None:
    """Raise the typed error of a failed XRPC answer, with the PDS's own words as the reason."""
    if response.status_code < 400:
        return
    code, message = xrpc_error(response)
    if code in TOKEN_ERRORS:
        raise TokenExpired(code)
    try:
        check(response)
    except ConnectorError as error:
        if code or message:
            error.reason = redact(": ".join(p for p in (code, message) if p))[:300]
            error.args = (error.reason,)
        raise


def pds_endpoint(did_doc: Any) -> str | None:
    """The #atproto_pds service endpoint of a DID document."""
    if not isinstance(did_doc, dict):
        return None
    for service in did_doc.get("service") or []:
        if isinstance(service, dict) and str(service.get("id", "")).endswith("#atproto_pds"):
            endpoint = service.get("serviceEndpoint")
            if isinstance(endpoint, str) and endpoint:
                return endpoint.rstrip("/")
    return None


def resolve_did_doc(http: Any, did: str, *, plc: str = PLC_DIRECTORY) -> Any:
    if did.startswith("did:plc:"):
        url = f"{plc}/{did}"
    elif did.startswith("did:web:"):
        url = f"https://{did[len('did:web:'):]}/.well-known/did.json"
    else:
        return None
    response = http.get(url)
    raise_for(response)
    try:
        return response.json()
    except ValueError:
        raise unexpected(response, creates=False) from None


class XrpcSession:
    """XRPC calls to one PDS with the tokens kept in ``secrets`` under ``secret_key``."""

    def __init__(self, http: Any, server: str, secrets: Any, secret_key: str) -> None:
        self.http = http
        self.server = server.rstrip("/")
        self.secrets = secrets
        self.secret_key = secret_key
        self._tokens: dict[str, str] | None = None

    # ---- tokens -------------------------------------------------------------------------
    @property
    def tokens(self) -> dict[str, str]:
        if self._tokens is None:
            stored = self.secrets.get(self.secret_key)
            if not stored or not stored.get("accessJwt"):
                raise AuthExpired(translate("Bluesky", "Not signed in to Bluesky: sign in again."))
            self._tokens = dict(stored)
        return self._tokens

    def save(self, session: dict[str, Any]) -> None:
        tokens = dict(self._tokens or self.secrets.get(self.secret_key) or {})
        tokens.update(accessJwt=session["accessJwt"], refreshJwt=session["refreshJwt"])
        self.secrets.set(self.secret_key, tokens)
        self._tokens = tokens

    def refresh(self, refused: str) -> None:
        """New tokens for the refused access token ``refused``, once per account at a time.

        Refresh JWTs rotate: two lanes publishing for one account must not both spend the same
        one. The second waits, then finds the pair the first stored and uses it.
        """
        with _lock_for(self.secret_key):
            stored = self.secrets.get(self.secret_key) or {}
            if stored.get("accessJwt") and stored["accessJwt"] != refused:
                self._tokens = dict(stored)
                return
            self._refresh()

    def _refresh(self) -> None:
        tokens = self.tokens
        response = self.http.post(f"{self.server}/xrpc/com.atproto.server.refreshSession",
                                  headers={"Authorization": f"Bearer {tokens['refreshJwt']}"})
        code, _ = xrpc_error(response)
        if response.status_code < 400:
            self.save(_session_body(response))
            return
        if code not in TOKEN_ERRORS and response.status_code not in (400, 401):
            raise_for(response)
        if not tokens.get("password") or not tokens.get("identifier"):
            raise AuthExpired(translate("Bluesky", "The Bluesky session ended: sign in again."))
        self.save(create_session(self.http, self.server, tokens["identifier"], tokens["password"]))

    # ---- calls --------------------------------------------------------------------------
    def call(self, method: str, nsid: str, *, creates: bool = False, **kwargs: Any) -> Any:
        """One XRPC call, refreshed once on ExpiredToken; returns the JSON body (or None)."""
        for attempt in (0, 1):
            access = self.tokens["accessJwt"]
            headers = dict(kwargs.pop("headers", None) or {})
            headers["Authorization"] = f"Bearer {access}"
            response = self.http.request(method, f"{self.server}/xrpc/{nsid}", headers=headers,
                                         creates=creates, **kwargs)
            kwargs["headers"] = {k: v for k, v in headers.items() if k != "Authorization"}
            try:
                raise_for(response)
            except TokenExpired:
                if attempt:
                    raise AuthExpired(translate("Bluesky", "Bluesky refused the session: sign in again.")) from None
                self.refresh(access)
                continue
            if not response.content:
                return None
            try:
                return response.json()
            except ValueError:
                raise unexpected(response, creates=creates) from None
        raise AssertionError("unreachable")

    def get(self, nsid: str, **params: Any) -> Any:
        return self.call("GET", nsid, params=params)

    def post(self, nsid: str, body: Any, *, creates: bool = False) -> Any:
        return self.call("POST", nsid, json=body, creates=creates)


def _session_body(response: requests.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        raise unexpected(response, creates=False) from None
    if not isinstance(body, dict) or not body.get("accessJwt") or not body.get("refreshJwt"):
        raise unexpected(response, creates=False)
    return body


def create_session(http: Any, server: str, identifier: str, password: str) -> dict[str, Any]:
    """createSession; a wrong identifier or password is AuthExpired with the PDS's words."""
    response = http.post(f"{server.rstrip('/')}/xrpc/com.atproto.server.createSession",
                         json={"identifier": identifier, "password": password})
    if response.status_code in (400, 401):
        code, message = xrpc_error(response)
        if code in ("AuthenticationRequired", "AuthFactorTokenRequired", "InvalidRequest", "") \
                or response.status_code == 401:
            raise AuthExpired(translate(
                "Bluesky", "Bluesky did not accept this handle and app password ({reason})."
            ).format(reason=redact(message or code or str(response.status_code))))
    raise_for(response)
    return _session_body(response)

