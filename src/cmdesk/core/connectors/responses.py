# SPDX-License-Identifier: GPL-3.0-or-later
"""Turns HTTP answers and transport failures into the typed connector errors.

Connectors call :func:`check` on every response and :func:`json_body` to read a 2xx body; the
session (cmdesk.core.connectors.http) calls :func:`transport_error` when no answer came back.

Decision on a 2xx whose body is not the documented shape ("the server answered something
unexpected"): for a request that creates something it is :class:`Unconfirmed`, because the server
said yes and we cannot tell what it made (the lookup settles it); for any other request it is
:class:`Transient`, because such bodies come from captive portals and proxies that go away.
"""

from __future__ import annotations

import email.utils
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta, timezone
from typing import Any

import requests

from cmdesk.core.connectors.errors import (
    AuthExpired,
    ConnectorError,
    Offline,
    Permanent,
    RateLimited,
    Transient,
    Unconfirmed,
)
from cmdesk.core.connectors.redact import redact
from cmdesk.core.i18n import translate

REASON_MAX_CHARS = 300
DEFAULT_RATE_LIMIT_WAIT_S = 60  # a 429 that names no time: wait a minute, then try again
_EPOCH_THRESHOLD = 1_000_000_000  # below: a number of seconds to wait; above: a Unix time

Now = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


# ---- rate limits -------------------------------------------------------------------------
def _parse_instant(value: str, now: datetime) -> datetime | None:
    """A reset header value: seconds to wait, a Unix time, an ISO 8601 time or an HTTP date."""
    value = value.strip()
    try:
        number = float(value)
    except ValueError:
        pass
    else:
        if number >= _EPOCH_THRESHOLD:
            return datetime.fromtimestamp(number, timezone.utc)
        return now + timedelta(seconds=max(number, 0.0))
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


# Every header a network uses to say when to come back. Retry-After and Discord's Reset-After
# are always relative; the Reset headers are a Unix time (X, Discord), an ISO time (Mastodon) or,
# in the IETF draft, seconds (Bluesky): _parse_instant tells them apart by size.
_RETRY_HEADERS = (
    "Retry-After",
    "X-RateLimit-Reset-After",
    "X-RateLimit-Reset",
    "RateLimit-Reset",
    "x-rate-limit-reset",
)


def retry_at(headers: Any, now: Now = _utc_now) -> datetime:
    """When to try again after a 429: the latest time any header names (waiting for the latest
    one clears every bucket), or a minute from now when none does."""
    current = now()
    found = [
        moment
        for name in _RETRY_HEADERS
        if (value := headers.get(name)) and (moment := _parse_instant(str(value), current))
    ]
    return max(found) if found else current + timedelta(seconds=DEFAULT_RATE_LIMIT_WAIT_S)


# ---- the network's own words -------------------------------------------------------------
def _texts(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key in ("message", "detail", "title", "error_description", "error", "description"):
            if key in value:
                yield from _texts(value[key])
                return
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def network_message(response: requests.Response) -> str:
    """The reason the network gave, from the common JSON shapes ({error}, {error_description},
    {message}, {detail}, {errors: [...]}), else the start of the body, else the status line."""
    texts: list[str] = []
    try:
        doc = response.json()
    except ValueError:
        doc = None
    if isinstance(doc, dict):
        # error_description is the human half of an OAuth error; prefer it to the error code.
        for key in ("error_description", "error", "message", "detail", "title", "errors", "description"):
            if key in doc:
                texts = [t for t in _texts(doc[key]) if t]
                if texts:
                    break
    elif isinstance(doc, (list, str)):
        texts = [t for t in _texts(doc) if t]
    text = "; ".join(dict.fromkeys(texts))  # keep order, drop repeats
    if not text:
        body = (response.text or "").strip()
        looks_like_text = body and not body.lstrip().startswith("<")
        text = body if looks_like_text else f"HTTP {response.status_code} {response.reason or ''}".strip()
    text = redact(text)
    return text if len(text) <= REASON_MAX_CHARS else text[: REASON_MAX_CHARS - 1] + "…"


def _is_invalid_token(response: requests.Response, message: str) -> bool:
    challenge = response.headers.get("WWW-Authenticate", "").lower()
    lowered = message.lower()
    return "invalid_token" in challenge or (
        "token" in lowered and any(w in lowered for w in ("invalid", "expired", "revoked"))
    )


def check(response: requests.Response, *, now: Now = _utc_now) -> requests.Response:
    """Return a 2xx (or 3xx) response; raise the typed error for anything else."""
    status = response.status_code
    if status < 400:
        return response
    message = network_message(response)
    if status == 401 or (status == 403 and _is_invalid_token(response, message)):
        raise AuthExpired(message)
    if status == 429:
        raise RateLimited(retry_at(response.headers, now), message)
    if status >= 500 or status == 408:
        raise Transient(message)
    raise Permanent(message)


def unexpected(response: requests.Response | None, *, creates: bool) -> ConnectorError:
    """The error for a 2xx whose body we cannot use (see the module docstring for why)."""
    reason = translate("Connectors", "The server answered something unexpected.")
    if response is not None:
        reason = f"{reason} (HTTP {response.status_code})"
    return Unconfirmed(reason) if creates else Transient(reason)


def json_body(response: requests.Response, *, creates: bool = False,
              required: Iterable[str] = ()) -> Any:
    """The JSON of a checked response; a dict with ``required`` keys when any are named."""
    check(response)
    try:
        doc = response.json()
    except ValueError:
        raise unexpected(response, creates=creates) from None
    required = tuple(required)
    if required and not (isinstance(doc, dict) and all(doc.get(k) is not None for k in required)):
        raise unexpected(response, creates=creates)
    return doc


# ---- no answer at all --------------------------------------------------------------------
def _nothing_sent(exc: requests.RequestException) -> bool:
    """True when the failure happened before the request could reach the server."""
    if isinstance(exc, (requests.ConnectTimeout, requests.exceptions.InvalidURL)):
        return True
    if isinstance(exc, requests.exceptions.SSLError):
        return True  # the handshake failed: no byte of the request left
    # requests wraps urllib3's MaxRetryError, which wraps the socket error: walk every link.
    chain: list[BaseException] = []
    todo: list[object] = [exc]
    while todo:
        current = todo.pop()
        if not isinstance(current, BaseException) or any(current is seen for seen in chain):
            continue
        chain.append(current)
        todo += [getattr(current, "reason", None), current.__cause__, current.__context__, *current.args]
    names = {type(e).__name__ for e in chain}
    return bool(names & {"NewConnectionError", "NameResolutionError", "ConnectTimeoutError"}) or any(
        isinstance(e, OSError) and getattr(e, "errno", None) in _UNREACHABLE_ERRNOS
        for e in chain
    )


_UNREACHABLE_ERRNOS = {101, 110, 111, 113, -2, -3, -5}  # ENETUNREACH ETIMEDOUT ECONNREFUSED EHOSTUNREACH EAI_*


def transport_error(exc: requests.RequestException, *, host: str, creates: bool) -> ConnectorError:
    """The typed error for a request that got no answer.

    Refused, unresolvable or unreachable: nothing was sent, so Offline. Anything after the request
    left (a timeout waiting for the answer, a reset): on a request that creates something the
    server may have applied it, so Unconfirmed; otherwise it is safe to try again, so Transient.
    """
    if isinstance(exc, requests.exceptions.SSLError):
        return Transient(translate("Connectors", "The secure connection to {host} failed.").format(host=host))
    if _nothing_sent(exc):
        return Offline(translate("Connectors", "Could not reach {host}.").format(host=host))
    if creates:
        return Unconfirmed(translate(
            "Connectors", "The connection to {host} broke after the request was sent; "
            "it may have been applied.").format(host=host))
    if isinstance(exc, requests.Timeout):
        return Transient(translate("Connectors", "{host} did not answer in time.").format(host=host))
    return Transient(translate("Connectors", "The connection to {host} broke.").format(host=host))


def body_preview(response: requests.Response, limit: int) -> str:
    """The start of a body for the log, masked."""
    try:
        text = response.text
    except (RuntimeError, ValueError):
        return "<unreadable>"
    if response.headers.get("Content-Type", "").startswith(("image/", "video/", "application/octet")):
        return f"<{len(response.content)} bytes>"
    text = redact(text[: limit * 2])  # mask before cutting so a token is never cut in half
    return text if len(text) <= limit else text[:limit] + "…"

