# SPDX-License-Identifier: GPL-3.0-or-later
"""Exactly once under crashes and faults: 1,000 targets on the Mastodon and Bluesky contract
servers (in this process, so they outlive the publisher), the publisher in a subprocess killed
with SIGKILL at random points and restarted, with 500s, 429s with reset headers, dropped
connections and accept-then-reset injected all along. Afterwards every target is published
exactly once on its server, or failed with a reason, or unconfirmed; never two posts.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from cmdesk.core.model import TargetState
from cmdesk.core.secrets import MemorySecretStore
from cmdesk.core.store import open_workspace
from tests.contract.bluesky import bluesky_routes, rate_limited
from tests.contract.mastodon import mastodon_routes
from tests.contract.server import AcceptThenReset, ContractServer, Drop, Status
from tests.integration.harness import (
    bluesky_account,
    bluesky_texts,
    due_posts,
    mastodon_account,
    mastodon_texts,
    secrets_dump,
    wait_until,
)

ROOT = Path(__file__).resolve().parents[2]
POSTS = 250  # x 4 accounts = 1,000 targets
KILLS = int(os.environ.get("CMDESK_KILLS", "30"))
# To see what the killed publishers logged: CMDESK_CHILD_LOG=/tmp/child.log
LOG = (open(os.environ["CMDESK_CHILD_LOG"], "a") if os.environ.get("CMDESK_CHILD_LOG")
       else subprocess.DEVNULL)
S = TargetState
MASTODON_CREATE = r"/api/v1/statuses$"
BLUESKY_CREATE = r"createRecord"


def _faults(rng: random.Random, network: str):
    reset = datetime.now(timezone.utc) + timedelta(seconds=1)
    if network == "mastodon":
        limit = Status(429, headers={"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
                                     "X-RateLimit-Reset": reset.strftime("%Y-%m-%dT%H:%M:%S.000Z")})
    else:
        limit = rate_limited(1)
    return rng.choice([Status(500), Status(503), limit, Drop(), AcceptThenReset(), AcceptThenReset()])


@pytest.mark.slow
def test_a_thousand_targets_go_out_exactly_once_through_kills_and_faults(tmp_path):
    rng = random.Random(20261122)
    with ContractServer() as masto, ContractServer() as bsky:
        mastodon_routes(masto)
        bluesky_routes(bsky)
        secrets = MemorySecretStore()
        accounts = [mastodon_account(masto, secrets, f"@brand{i}") for i in range(3)]
        accounts.append(bluesky_account(bsky, secrets))
        ws_dir = tmp_path / "ws"
        ws = open_workspace(ws_dir)
        for account in accounts:
            ws.accounts.save(account)
        ws.settings.set_value("catch_up_policy", "publish")
        posts = due_posts(accounts, POSTS)
        ws.posts.save_many(posts)
        ws.close()
        feed = json.dumps(secrets_dump(secrets, accounts))

        def spawn() -> subprocess.Popen:
            child = subprocess.Popen(
                [sys.executable, "-m", "tests.integration.publisher_child", str(ws_dir)],
                cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=LOG,
                text=True)
            child.stdin.write(feed)
            child.stdin.close()
            return child

        def traffic() -> int:
            return len(masto.requests) + len(bsky.requests)

        kills = 0
        for round_ in range(KILLS):
            for _ in range(rng.randint(1, 4)):
                masto.inject(_faults(rng, "mastodon"), path=MASTODON_CREATE)
                bsky.inject(_faults(rng, "bluesky"), path=BLUESKY_CREATE)
            child = spawn()
            seen = traffic()
            # Kill at a random point: after a random number of requests reached the servers.
            wait_until(lambda: traffic() >= seen + rng.randint(1, 60) or child.poll() is not None,
                       timeout_s=20)
            if child.poll() is None:
                os.kill(child.pid, signal.SIGKILL)
                kills += 1
            child.wait(10)
            child.stdout.close()
        child = spawn()  # the last run goes to the end
        out = child.stdout.read()  # returns when the child exits (pytest-timeout guards it)
        assert child.wait(30) == 0 and "settled" in out
        assert kills >= KILLS // 2

        masto_counts, bsky_counts = mastodon_texts(masto), bluesky_texts(bsky)
        ws = open_workspace(ws_dir)
        try:
            by_state = {}
            for post in ws.posts.all():
                for t in post.targets:
                    by_state[t.state] = by_state.get(t.state, 0) + 1
                    account = next(a for a in accounts if a.id == t.account_id)
                    if account.network == "mastodon":
                        n = masto_counts[(account.settings["account_id"], post.text)]
                    else:
                        n = bsky_counts[post.text]
                    assert n <= 1, f"{post.text} went out {n} times on {account.name}"
                    if t.state == S.PUBLISHED:
                        assert n == 1 and t.remote_id
                    elif t.state == S.FAILED:
                        assert n == 0 and t.error
                    else:
                        assert t.state == S.UNCONFIRMED, t.state
            assert sum(by_state.values()) == POSTS * 4
            assert by_state.get(S.PUBLISHED, 0) >= POSTS * 4 * 0.95, by_state
            assert ws.attempts.open_attempts() == []
        finally:
            ws.close()
        # Nothing beyond the published (and possibly the unconfirmed) targets is on the servers.
        on_servers = sum(masto_counts.values()) + sum(bsky_counts.values())
        assert by_state[S.PUBLISHED] <= on_servers <= by_state[S.PUBLISHED] + by_state.get(
            S.UNCONFIRMED, 0)
