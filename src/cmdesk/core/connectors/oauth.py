# SPDX-License-Identifier: GPL-3.0-or-later
"""OAuth 2 authorization code flow with PKCE for a desktop app (RFC 8252).

The app listens once on 127.0.0.1 (a free port, or a fixed one where the network requires the
redirect to match a registered URI exactly), opens the authorize URL in the system browser and
waits for the redirect carrying ``code`` and ``state``. Only the loopback interface is bound, the
state is checked (a redirect forged by another page is refused), and the S256 verifier never
leaves this process until the code exchange.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import socket
import threading
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

from cmdesk.core.connectors.errors import Permanent
from cmdesk.core.i18n import translate

SIGN_IN_TIMEOUT_S = 300.0  # the user may need to log in to the network first
CALLBACK_PATH = "/callback"

Browser = Callable[[str], object]


class SignInError(Permanent):
    """The sign-in did not complete (cancelled, timed out, refused); ``reason`` says why."""


@dataclass(frozen=True)
class Pkce:
    verifier: str
    challenge: str
    method: str = "S256"

    @classmethod
    def new(cls) -> Pkce:
        verifier = secrets.token_urlsafe(64)[:96]  # 43..128 unreserved characters (RFC 7636)
        digest = hashlib.sha256(verifier.encode("ascii")).digest()
        return cls(verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii"))


def system_browser(url: str) -> None:
    if not webbrowser.open(url):
        raise SignInError(translate("OAuth", "Could not open a web browser. Open this address "
                                    "yourself to sign in: {url}").format(url=url))


class _IPv6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


class LoopbackRedirect:
    """A one-shot HTTP listener on 127.0.0.1 that receives the authorization redirect.

    Use as a context manager; ``redirect_uri`` is known as soon as it is entered, so it can be
    registered (Mastodon registers the app at runtime) before the browser opens.
    """

    def __init__(self, port: int = 0, *, host: str = "127.0.0.1",
                 path: str = CALLBACK_PATH) -> None:
        self._port = port
        self._host = host
        self._path = path or "/"
        self._server: HTTPServer | None = None
        self._done = threading.Event()
        self._params: dict[str, str] = {}

    @property
    def redirect_uri(self) -> str:
        assert self._server is not None, "enter the context first"
        host = f"[{self._host}]" if ":" in self._host else self._host
        return f"http://{host}:{self._server.server_address[1]}{self._path}"

    def __enter__(self) -> LoopbackRedirect:
        owner = self

        class _Handler(BaseHTTPRequestHandler):
            # Browsers open speculative connections and may send nothing on them: each
            # connection gets its own thread and a read timeout, so an idle one never blocks
            # the redirect arriving on another.
            timeout = 10

            def log_message(self, *args: object) -> None:  # the query holds the code: never log it
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                split = urlsplit(self.path)
                if split.path != owner._path or owner._done.is_set():
                    self.send_error(404)
                    return
                owner._params = {k: v[0] for k, v in parse_qs(split.query).items()}
                ok = "code" in owner._params
                page = (translate("OAuth", "Signed in. You can close this window and return to cmdesk.")
                        if ok else translate("OAuth", "Sign-in did not complete. Return to cmdesk."))
                body = f"<!doctype html><meta charset=utf-8><title>cmdesk</title><p>{page}</p>".encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                owner._done.set()

        try:
            server_class = _IPv6Server if ":" in self._host else ThreadingHTTPServer
            self._server = server_class((self._host, self._port), _Handler)
            self._server.daemon_threads = True
        except OSError:
            raise SignInError(translate(
                "OAuth", "Port {port} on this computer is busy, so the browser cannot come back "
                "to cmdesk. Close the program using it and try again.").format(port=self._port)) from None
        self._server.timeout = 0.2
        threading.Thread(target=self._serve, daemon=True, name="oauth-redirect").start()
        return self

    def _serve(self) -> None:
        # handle_request() returns every 0.2 s so the thread notices when the flow is over.
        while not self._done.is_set():
            server = self._server
            if server is None:
                return
            try:
                server.handle_request()
            except (OSError, ValueError):  # closed under our feet by __exit__
                return

    def wait(self, state: str, timeout_s: float = SIGN_IN_TIMEOUT_S) -> str:
        """The authorization code, once the browser comes back with the right state."""
        if not self._done.wait(timeout_s):
            raise SignInError(translate("OAuth", "Sign-in timed out: the browser did not come back."))
        params = self._params
        if "error" in params:
            if params["error"] == "access_denied":
                raise SignInError(translate("OAuth", "Sign-in was cancelled in the browser."))
            raise SignInError(params.get("error_description") or params["error"])
        if not secrets.compare_digest(params.get("state", ""), state):
            raise SignInError(translate("OAuth", "Sign-in refused: the answer did not come from "
                                        "the request cmdesk made (state mismatch)."))
        code = params.get("code")
        if not code:
            raise SignInError(translate("OAuth", "Sign-in did not return an authorization code."))
        return code

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self._server is not None:
            self._server.server_close()
            self._server = None


def authorize_url(endpoint: str, *, client_id: str, redirect_uri: str, scope: str, state: str,
                  pkce: Pkce, **extra: str) -> str:
    params = {"response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri,
              "scope": scope, "state": state, "code_challenge": pkce.challenge,
              "code_challenge_method": pkce.method, **extra}
    return f"{endpoint}?{urlencode(params)}"


def run_browser_flow(endpoint: str, listener: LoopbackRedirect, *, client_id: str, scope: str,
                     browser: Browser | None = None, timeout_s: float = SIGN_IN_TIMEOUT_S,
                     **extra: str) -> tuple[str, Pkce]:
    """Open the authorize page and wait for the redirect: returns (code, pkce) for the exchange."""
    pkce, state = Pkce.new(), secrets.token_urlsafe(24)
    url = authorize_url(endpoint, client_id=client_id, redirect_uri=listener.redirect_uri,
                        scope=scope, state=state, pkce=pkce, **extra)
    (browser or system_browser)(url)
    return listener.wait(state, timeout_s), pkce
