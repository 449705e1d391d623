# SPDX-License-Identifier: GPL-3.0-or-later
"""The one HTTP chokepoint every connector goes through.

``make_session()`` gives a requests.Session with default timeouts, our User-Agent, TLS
verification that cannot be turned off, plain http refused except to loopback, no automatic
retries (a retried POST could publish twice; the publisher decides), transport failures raised as
typed connector errors, and a masked, truncated debug log of every exchange.

A connector passes ``creates=True`` on a request that makes something on the network, so a
connection that breaks after the request left becomes Unconfirmed rather than Transient.
"""

from __future__ import annotations

import ipaddress
import logging
import time
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from cmdesk import __version__
from cmdesk.core.connectors.redact import redact, remember_secret
from cmdesk.core.connectors.responses import body_preview, transport_error
from cmdesk.core.i18n import translate

log = logging.getLogger("cmdesk.http")

CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 60.0  # media uploads are processed before the answer comes
LOG_BODY_CHARS = 1000
USER_AGENT = f"cmdesk/{__version__}"


class InsecureRequest(ValueError):
    """A request that would send data without TLS to another machine, or without verification."""


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> None:
    """Refuse what cmdesk never does: plain http to another machine, or any other scheme."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        return
    if parts.scheme == "http" and is_loopback(parts.hostname):
        return
    if parts.scheme == "http":
        raise InsecureRequest(translate(
            "Connectors", "Refusing to send to {host} without encryption: use an https:// address."
        ).format(host=parts.hostname or "?"))
    raise InsecureRequest(translate("Connectors", "Unsupported address: {url}").format(url=redact(url)))


class _LogFilter(logging.Filter):
    """urllib3 logs request lines at DEBUG ("POST /bot<token>/sendMessage"): mask them too."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        return True


_filter = _LogFilter()
for _name in ("urllib3.connectionpool", "urllib3.util.retry", "requests_oauthlib", "oauthlib"):
    logging.getLogger(_name).addFilter(_filter)


class Session(requests.Session):
    """requests.Session with the rules above. Use ``make_session()``."""

    def __init__(self, *, timeout: tuple[float, float] | None = None) -> None:
        super().__init__()
        self.timeout = timeout or (CONNECT_TIMEOUT_S, READ_TIMEOUT_S)
        self.headers["User-Agent"] = USER_AGENT
        # max_retries=0: urllib3 must never resend a request on its own.
        for prefix in ("https://", "http://"):
            self.mount(prefix, HTTPAdapter(max_retries=0))

    # TLS verification is a property so that switching it off fails loudly.
    @property
    def verify(self) -> Any:
        return self.__dict__.get("_verify", True)

    @verify.setter
    def verify(self, value: Any) -> None:
        if value is False or value is None:
            raise InsecureRequest(translate("Connectors", "TLS verification cannot be turned off."))
        self.__dict__["_verify"] = value

    def request(self, method: str, url: str, *args: Any, creates: bool = False,
                **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if kwargs.get("verify", True) in (False, None) and "verify" in kwargs:
            raise InsecureRequest(translate("Connectors", "TLS verification cannot be turned off."))
        check_url(url)
        kwargs.setdefault("timeout", self.timeout)
        host = urlsplit(url).hostname or "?"
        started = time.monotonic()
        try:
            response = super().request(method, url, *args, **kwargs)
        except requests.RequestException as exc:
            error = transport_error(exc, host=host, creates=creates)
            log.info("%s %s -> no answer (%s): %s", method.upper(), redact(url),
                     type(exc).__name__, type(error).__name__)
            raise error from None  # the original message may carry the URL: keep it out
        if log.isEnabledFor(logging.DEBUG):  # masking a body is not free: only when logged
            log.debug("%s %s -> %s in %.0f ms: %s", method.upper(), redact(response.url or url),
                      response.status_code, (time.monotonic() - started) * 1000,
                      body_preview(response, LOG_BODY_CHARS))
        return response

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        # Redirects come through here too: a 302 to plain http elsewhere is refused as well.
        check_url(request.url or "")
        # A token we send may come back inside an error body: mask its literal value from now on.
        credentials = request.headers.get("Authorization", "")
        remember_secret(credentials.split(" ", 1)[-1])
        if kwargs.get("verify") in (False, None):
            kwargs["verify"] = True
        return super().send(request, **kwargs)


def make_session(*, timeout: tuple[float, float] | None = None) -> Session:
    """The session every connector uses (ConnectorFactory.http())."""
    return Session(timeout=timeout)
