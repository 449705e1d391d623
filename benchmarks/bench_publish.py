# SPDX-License-Identifier: GPL-3.0-or-later
"""Publishing: punctuality and reconnect, on loopback Mastodon contract servers, through the real
Mastodon connector, the journaled store and the threaded publisher.

- Punctuality: 1,000 targets due at the same instant across 10 accounts, no rate limits.
  Lateness = arrival of the request at the server minus the planned instant. Target: p99 of the
  first request of each account <= 100 ms. Baseline: one bare requests.post on the same server.
- Reconnect: 500 targets queued offline across 5 accounts, the server limiting each account to
  RATE requests per WINDOW_S, saying so in X-RateLimit-Remaining/Reset (429 beyond). Targets:
  network back -> first request <= 2 s; -> last request within 10% of the rate-limit floor (the
  time the limit alone imposes: (ceil(100 / RATE) - 1) windows).
"""

from __future__ import annotations

import math
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import requests

from cmdesk.core.connectors.registry import ConnectorFactory
from cmdesk.core.model import Post, Target, TargetState, utc_now
from cmdesk.core.publish.engine import Publisher
from cmdesk.core.secrets import MemorySecretStore
from cmdesk.core.store import open_workspace
from tests.contract.mastodon import mastodon_routes
from tests.contract.server import ContractServer, Response
from tests.integration.harness import mastodon_account, wait_until

RATE, WINDOW_S = 20, 4.0  # windows long next to a send, as real limits are (Mastodon: 300 per 5 min)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def _record_arrivals(server: ContractServer) -> list[tuple[float, str]]:
    """(arrival time, bearer token) of every status create, stamped before the body is read."""
    arrivals: list[tuple[float, str]] = []
    handle = server._handle

    def stamped(h) -> None:
        if h.command == "POST" and h.path == "/api/v1/statuses":
            arrivals.append((time.time(), h.headers.get("Authorization", "")[7:]))
        handle(h)

    server._handle = stamped
    return arrivals


def _limit(server: ContractServer) -> None:
    """RATE creates per WINDOW_S per token; the window starts at the token's first request."""
    windows: dict[str, list[float]] = {}
    for i, (method, rx, handler) in enumerate(server.routes):
        if method == "POST" and rx.pattern.startswith("/api/v1/statuses"):
            def limited(req, m, handler=handler):
                token = (req.header("authorization") or "")[7:]
                now = time.time()
                start, count = windows.get(token, [now, 0])
                if now - start >= WINDOW_S:
                    start, count = start + WINDOW_S * ((now - start) // WINDOW_S), 0
                reset = datetime.fromtimestamp(start + WINDOW_S, timezone.utc)
                stamp = reset.strftime("%Y-%m-%dT%H:%M:%S.") + f"{reset.microsecond // 1000:03d}Z"
                if count >= RATE:
                    windows[token] = [start, count]
                    return Response(429, json={"error": "Too many requests"}, headers={
                        "X-RateLimit-Limit": str(RATE), "X-RateLimit-Remaining": "0",
                        "X-RateLimit-Reset": stamp})
                windows[token] = [start, count + 1]
                response = handler(req, m)
                response.headers.update({"X-RateLimit-Limit": str(RATE),
                                         "X-RateLimit-Remaining": str(RATE - count - 1),
                                         "X-RateLimit-Reset": stamp})
                return response

            server.routes[i] = (method, rx, limited)


def _setup(server: ContractServer, root: Path, accounts_n: int, per_account: int, planned):
    secrets = MemorySecretStore()
    ws = open_workspace(root)
    accounts = [ws.accounts.save(mastodon_account(server, secrets, f"@bench{i}"))
                for i in range(accounts_n)]
    ws.settings.set_value("catch_up_policy", "publish")
    ws.posts.save_many([Post(text=f"{a.name} {i}", planned_at=planned, targets=[Target(a.id, a.network)])
                        for a in accounts for i in range(per_account)])
    tokens = {secrets.get(a.secret_key)["access_token"]: a.id for a in accounts}
    return ws, secrets, tokens


def _all_published(ws) -> bool:
    return all(t.state == TargetState.PUBLISHED for p in ws.posts.all() for t in p.targets)


def _bare_post_ms(server: ContractServer, token: str) -> float:
    session = requests.Session()
    times = []
    for i in range(50):
        started = time.perf_counter()
        session.post(server.url + "/api/v1/statuses", json={"status": f"baseline {i}"},
                     headers={"Authorization": f"Bearer {token}"}, timeout=10)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def punctuality(root: Path) -> list[str]:
    with ContractServer() as server:
        mastodon_routes(server)
        planned = utc_now() + timedelta(seconds=4)
        ws, secrets, tokens = _setup(server, root, 10, 100, planned)
        baseline = _bare_post_ms(server, next(iter(tokens)))
        arrivals = _record_arrivals(server)
        publisher = Publisher(ws, ConnectorFactory(secrets))
        publisher.start()
        try:
            finished = wait_until(lambda: len(arrivals) >= 1000 and _all_published(ws), 300, 0.05)
        finally:
            publisher.stop()
            ws.close()
    at = planned.timestamp()
    late_ms = [(t - at) * 1000 for t, _ in arrivals]
    firsts: dict[str, float] = {}
    for t, token in arrivals:
        firsts.setdefault(token, (t - at) * 1000)
    first = list(firsts.values())
    return [
        f"punctuality: 1,000 targets due at one instant, 10 accounts ({'all' if finished else 'NOT all'} published)",
        f"  baseline: one bare POST on the same loopback server: {baseline:.1f} ms",
        f"  first request per account: p50 {_pct(first, .5):.1f} ms, p99 {_pct(first, .99):.1f} ms late "
        f"(target p99 <= 100 ms: {'OK' if _pct(first, .99) <= 100 else 'MISSED'}; "
        f"{_pct(first, .99) / baseline:.1f} x a bare POST)",
        f"  first request per account, sorted (ms): {', '.join(f'{v:.0f}' for v in sorted(first))}",
        f"  every request: p50 {_pct(late_ms, .5):.0f} ms, p99 {_pct(late_ms, .99):.0f} ms late "
        f"(100 per account, sent one after another: {_pct(late_ms, .99) / 100 / baseline:.1f} x a bare POST each)",
    ]


def reconnect(root: Path) -> list[str]:
    with ContractServer() as server:
        mastodon_routes(server)
        _limit(server)
        ws, secrets, tokens = _setup(server, root, 5, 100, utc_now() - timedelta(seconds=5))
        arrivals = _record_arrivals(server)
        publisher = Publisher(ws, ConnectorFactory(secrets))
        publisher.set_online(False)  # the OS says: no network
        publisher.start()
        try:
            queued = wait_until(lambda: all(
                t.state == TargetState.WAITING_NETWORK for p in ws.posts.all() for t in p.targets), 60, 0.05)
            back = time.time()
            publisher.set_online(True)
            finished = wait_until(lambda: _all_published(ws), 300, 0.05)
        finally:
            publisher.stop()
            ws.close()
    creates = sorted(t for t, _ in arrivals)
    sent_ok = 500
    floor = (math.ceil(100 / RATE) - 1) * WINDOW_S
    to_first = creates[0] - back
    to_last = creates[-1] - back
    return [
        f"reconnect: 500 targets queued offline ({'yes' if queued else 'NO'}), 5 accounts, "
        f"server limit {RATE} per {WINDOW_S:.0f} s per account ({'all' if finished else 'NOT all'} published)",
        f"  network back -> first request: {to_first * 1000:.0f} ms (target <= 2000 ms: "
        f"{'OK' if to_first <= 2 else 'MISSED'})",
        f"  network back -> last request: {to_last:.2f} s; rate-limit floor {floor:.2f} s; "
        f"ratio {to_last / floor:.2f} (target <= 1.10: {'OK' if to_last <= floor * 1.1 else 'MISSED'})",
        f"  requests: {len(creates)} creates for {sent_ok} posts ({len(creates) - sent_ok} answered 429)",
    ]


def run() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        lines = punctuality(Path(tmp) / "punctual")
        lines += reconnect(Path(tmp) / "reconnect")
    return lines
