# SPDX-License-Identifier: GPL-3.0-or-later
"""A loopback HTTP server that speaks a network's documented API shapes, with injectable faults.

Routes are registered per network (tests/contract/<network>.py adds handlers and state). Every
request is recorded (method, path, query, headers, raw body, parsed form/JSON/multipart) so tests
check the exact requests sent. Faults are queued and consumed by the next matching requests:

- ``Status(500)`` / ``Status(429, headers={...}, body=...)``: answer that instead of the handler;
- ``Delay(seconds)``: answer late (the server sleeps, never the test);
- ``Drop()``: close the connection before the handler runs (nothing applied);
- ``AcceptThenReset()``: run the handler (the post IS created) then close without answering;
- ``Garbage()``: answer 200 with a body that is not what the API documents.

The server binds 127.0.0.1 only, runs in a daemon thread and stops itself at context exit.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import re
import socket
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    form: dict[str, list[str]] = field(default_factory=dict)
    json: Any = None
    files: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # name -> parts

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclass
class Response:
    status: int = 200
    json: Any = None
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Status:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    json: Any = None


@dataclass
class Delay:
    seconds: float


@dataclass
class Drop:
    pass


@dataclass
class AcceptThenReset:
    pass


@dataclass
class Garbage:
    body: bytes = b"<html>502 Bad Gateway</html>"


Handler = Callable[[Request, re.Match], Response]


def _parse_multipart(content_type: str, body: bytes) -> tuple[dict, dict]:
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
    )
    form: dict[str, list[str]] = {}
    files: dict[str, list[dict[str, Any]]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        filename = part.get_param("filename", header="content-disposition")
        payload = part.get_payload(decode=True) or b""
        if filename is not None:
            files.setdefault(name, []).append(
                {"filename": filename, "content_type": part.get_content_type(), "data": payload}
            )
        else:
            form.setdefault(name, []).append(payload.decode("utf-8"))
    return form, files


class ContractServer:
    """Use as a context manager: ``with ContractServer() as server: server.url``."""

    def __init__(self) -> None:
        self.routes: list[tuple[str, re.Pattern, Handler]] = []
        self.requests: list[Request] = []
        self._faults: deque[tuple[re.Pattern | None, object]] = deque()
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self.state: dict[str, Any] = {}  # per-network fake data (posts, media, tokens)
        self._stopping = threading.Event()  # ends injected delays at once when the server stops

    # ---- set-up -------------------------------------------------------------------------
    def route(self, method: str, pattern: str) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.routes.append((method.upper(), re.compile(pattern + r"$"), handler))
            return handler

        return register

    def inject(self, *faults: object, path: str | None = None) -> None:
        """Queue faults for the next requests (whose path matches ``path``, a regex, if given)."""
        with self._lock:
            for fault in faults:
                self._faults.append((re.compile(path) if path else None, fault))

    def requests_to(self, method: str, pattern: str) -> list[Request]:
        rx = re.compile(pattern + r"$")
        return [r for r in self.requests if r.method == method.upper() and rx.match(r.path)]

    @property
    def url(self) -> str:
        assert self._httpd is not None
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    # ---- life cycle ---------------------------------------------------------------------
    def start(self) -> ContractServer:
        self._stopping.clear()
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body leave in two writes: with Nagle on, the body waits for the
            # client's delayed ACK (~40 ms per request).
            disable_nagle_algorithm = True

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def _any(self) -> None:
                server._handle(self)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _any

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        # A short poll interval: shutdown() waits up to one interval, once per test.
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> ContractServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- serving ------------------------------------------------------------------------
    def _next_fault(self, path: str) -> object | None:
        with self._lock:
            for i, (rx, fault) in enumerate(self._faults):
                if rx is None or rx.search(path):
                    del self._faults[i]
                    return fault
        return None

    def _read(self, h: BaseHTTPRequestHandler) -> Request:
        split = urlsplit(h.path)
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in h.headers.items()}
        req = Request(h.command, split.path, parse_qs(split.query), headers, body)
        ctype = headers.get("content-type", "")
        if ctype.startswith("application/json") and body:
            try:
                req.json = json.loads(body)
            except ValueError:
                req.json = None
        elif ctype.startswith("application/x-www-form-urlencoded"):
            req.form = parse_qs(body.decode("utf-8"), keep_blank_values=True)
        elif ctype.startswith("multipart/form-data"):
            req.form, req.files = _parse_multipart(ctype, body)
        return req

    def _send(self, h: BaseHTTPRequestHandler, resp: Response) -> None:
        body = resp.body if resp.body is not None else (
            b"" if resp.json is None else json.dumps(resp.json).encode()
        )
        h.send_response(resp.status)
        if resp.json is not None and "Content-Type" not in resp.headers:
            h.send_header("Content-Type", "application/json; charset=utf-8")
        for k, v in resp.headers.items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    @staticmethod
    def _reset(h: BaseHTTPRequestHandler) -> None:
        # SO_LINGER 0 makes close() send RST: the client sees a reset, not a clean EOF.
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        h.close_connection = True
        h.connection.close()

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        req = self._read(h)
        with self._lock:
            self.requests.append(req)
        fault = self._next_fault(req.path)
        if isinstance(fault, Delay):
            # The server answers late, as a slow network would; the test itself never waits on
            # a clock, and stopping the server cuts the delay short.
            self._stopping.wait(fault.seconds)
            fault = None
        if isinstance(fault, Drop):
            self._reset(h)
            return
        if isinstance(fault, Status):
            self._send(h, Response(fault.status, json=fault.json if fault.json is not None else {"error": "injected"}, headers=fault.headers))
            return
        if isinstance(fault, Garbage):
            self._send(h, Response(200, body=fault.body, headers={"Content-Type": "text/html"}))
            return
        for method, rx, handler in self.routes:
            match = rx.match(req.path)
            if method == req.method and match:
                with self._lock:
                    resp = handler(req, match)
                if isinstance(fault, AcceptThenReset):
                    self._reset(h)
                    return
                self._send(h, resp)
                return
        self._send(h, Response(404, json={"error": f"no route {req.method} {req.path}"}))
