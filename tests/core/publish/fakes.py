# SPDX-License-Identifier: GPL-3.0-or-later
"""A scripted connector for publisher unit tests: answers come from a queue, the 'network' is a
dict of posts keyed by idempotency key (so a duplicate would be visible)."""

from __future__ import annotations

import threading
from collections import deque
from datetime import datetime, timedelta, timezone

from cmdesk.core.connectors.base import Connector, PublishResult
from cmdesk.core.connectors.capabilities import Capabilities, NativeScheduling
from cmdesk.core.model import Account, Post, Target

CAPS = {
    "mastodon": Capabilities("mastodon", "Mastodon", 500, idempotency="idempotency-key",
                             native_scheduling=NativeScheduling(300, daily_limit=25, total_limit=300)),
    "bluesky": Capabilities("bluesky", "Bluesky", 300, idempotency="record-key"),
}


class FakeNetwork:
    def __init__(self) -> None:
        self.posts: dict[str, dict] = {}  # idempotency key -> {"text", "n"}
        self.sent: list[tuple[str, str]] = []  # (account id, text) in arrival order
        self.scheduled: dict[str, dict] = {}
        self.script: deque = deque()  # exceptions (raised before applying) or "apply-then-X"
        self.lookup_script: deque = deque()
        self.lock = threading.Lock()
        self.counter = 0


class FakeConnector(Connector):
    capabilities = CAPS["mastodon"]

    def __init__(self, account: Account, net: FakeNetwork) -> None:
        super().__init__(account, None, None)
        self.net = net

    def check(self):
        raise NotImplementedError

    def publish(self, request):
        with self.net.lock:
            step = self.net.script.popleft() if self.net.script else None
            if isinstance(step, Exception):
                raise step
            key = request.idempotency_key
            if key not in self.net.posts:
                self.net.counter += 1
                self.net.posts[key] = {"text": request.parts[0].text, "id": str(self.net.counter)}
                self.net.sent.append((self.account.id, request.parts[0].text))
            remote = self.net.posts[key]["id"]
            if isinstance(step, tuple) and step[0] == "apply-then":
                raise step[1]
            return PublishResult(remote, f"https://example.test/{remote}")

    def lookup(self, request):
        with self.net.lock:
            if self.net.lookup_script:
                step = self.net.lookup_script.popleft()
                if isinstance(step, Exception):
                    raise step
            found = self.net.posts.get(request.idempotency_key)
            return PublishResult(found["id"], f"https://example.test/{found['id']}") if found else None

    def hand_off(self, request, at):
        with self.net.lock:
            step = self.net.script.popleft() if self.net.script else None
            if isinstance(step, Exception):
                raise step
            self.net.counter += 1
            rid = f"s{self.net.counter}"
            self.net.scheduled[rid] = {"text": request.parts[0].text, "at": at}
            return PublishResult(rid)

    def update_hand_off(self, remote_id, request, at):
        self.net.scheduled[remote_id] = {"text": request.parts[0].text, "at": at}
        return PublishResult(remote_id)

    def cancel_hand_off(self, remote_id):
        self.net.scheduled.pop(remote_id, None)


class FakeFactory:
    def __init__(self, net: FakeNetwork) -> None:
        self.net = net

    def for_account(self, account):
        return FakeConnector(account, self.net)

    def capabilities(self, network):
        return CAPS.get(network, CAPS["mastodon"])


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def add_account(ws, network="mastodon", name="@brand", server="https://masto.test") -> Account:
    return ws.accounts.save(Account(network=network, name=name, server=server))


def add_post(ws, at: datetime | None, accounts: list[Account], text="hello", **kw) -> Post:
    post = Post(text=text, planned_at=at, targets=[Target(a.id, a.network) for a in accounts], **kw)
    return ws.posts.save(post)


def target(ws, post_id: str, account_id: str | None = None) -> Target:
    post = ws.posts.get(post_id)
    return next(t for t in post.targets if account_id is None or t.account_id == account_id)


def later(moment: datetime, **kw) -> datetime:
    return moment + timedelta(**kw)
