# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared set-up for the end-to-end publisher tests: Mastodon and Bluesky contract servers in
this process, signed-in accounts, and a workspace full of due posts."""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import timedelta

from cmdesk.core.connectors.bluesky import BlueskyConnector
from cmdesk.core.connectors.http import make_session
from cmdesk.core.model import Account, Post, Target, utc_now
from cmdesk.core.secrets import MemorySecretStore
from tests.contract.bluesky import APP_PASSWORD, HANDLE
from tests.contract.mastodon import issue_token


def mastodon_account(server, secrets, name: str) -> Account:
    account_id = str(900 + len(server.state["tokens"]))
    token = issue_token(server, account_id)
    account = Account(network="mastodon", name=name, server=server.url,
                      settings={"account_id": account_id})
    secrets.set(account.secret_key, {"access_token": token, "client_id": "c", "client_secret": "s"})
    return account


def bluesky_account(server, secrets) -> Account:
    return BlueskyConnector.sign_in({"identifier": HANDLE, "password": APP_PASSWORD,
                                     "server": server.url}, secrets=secrets, http=make_session())


def secrets_dump(secrets: MemorySecretStore, accounts: list[Account]) -> dict:
    return {a.secret_key: secrets.get(a.secret_key) for a in accounts}


def due_posts(accounts: list[Account], count: int, *, start=None, step_ms: int = 0,
              prefix: str = "post") -> list[Post]:
    """``count`` posts, each to every account, planned from ``start`` (default: just now)."""
    start = start or utc_now() - timedelta(seconds=2)
    return [Post(text=f"{prefix} {i:04d}", planned_at=start + timedelta(milliseconds=i * step_ms),
                 targets=[Target(a.id, a.network) for a in accounts]) for i in range(count)]


def mastodon_texts(server) -> Counter:
    """(account id, text) -> how many statuses the server holds, from its own records."""
    from cmdesk.core.connectors.mastodon import plain_text

    return Counter((s["account"]["id"], plain_text(s["content"]))
                   for s in list(server.state["statuses"].values()))


def bluesky_texts(server) -> Counter:
    return Counter(r["value"]["text"] for r in server.state["records"].values())


def wait_until(predicate, timeout_s: float, poll_s: float = 0.01) -> bool:
    """Wait on a condition (not a fixed delay): True as soon as it holds, False at the deadline."""
    deadline = time.monotonic() + timeout_s
    tick = threading.Event()
    while not predicate():
        if time.monotonic() >= deadline:
            return False
        tick.wait(poll_s)
    return True
