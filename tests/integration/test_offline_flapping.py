# SPDX-License-Identifier: GPL-3.0-or-later
"""Offline flapping: 100 cycles of the network going down (connections refused) and up while
posts fall due, through the real Mastodon connector and the connectivity monitor's own probe.
Every post goes out exactly once, in due order per account."""

from __future__ import annotations

import threading
from datetime import timedelta

from cmdesk.core.connectors.registry import ConnectorFactory
from cmdesk.core.connectors.mastodon import plain_text
from cmdesk.core.model import TargetState, utc_now
from cmdesk.core.publish import events as ev
from cmdesk.core.publish.backoff import Backoff
from cmdesk.core.publish.engine import Publisher
from cmdesk.core.secrets import MemorySecretStore
from tests.contract.mastodon import mastodon_routes
from tests.contract.server import ContractServer
from tests.integration.flaky_proxy import FlakyProxy
from tests.integration.harness import due_posts, mastodon_account, wait_until

CYCLES = 100
POSTS = 120  # per account
S = TargetState


def test_posts_survive_a_hundred_network_flaps_exactly_once_and_in_order(workspace):
    with ContractServer() as server:
        mastodon_routes(server)
        proxy = FlakyProxy(int(server.url.rsplit(":", 1)[1]))
        secrets = MemorySecretStore()
        accounts = []
        for i in range(2):
            account = mastodon_account(server, secrets, f"@brand{i}")
            account.server = proxy.url  # the account's host is the one that flaps
            accounts.append(workspace.accounts.save(account))
        start = utc_now() + timedelta(milliseconds=300)
        posts = due_posts(accounts, POSTS, start=start, step_ms=25)
        workspace.posts.save_many(posts)
        publisher = Publisher(workspace, ConnectorFactory(secrets),
                              backoff=Backoff(base_s=0.02, cap_s=0.1, max_tries=50),
                              probe_retry_s=0.01, recovery_retry_s=0.02)
        backs = []
        publisher.subscribe(lambda e: backs.append(e.count) if e.kind == ev.BACK_ONLINE else None)
        publisher.start()
        host = f"127.0.0.1:{proxy.port}"
        try:
            for _ in range(CYCLES):
                seen = len(server.requests)
                proxy.down()
                # Down until the publisher noticed (a send or a probe was refused), at most 50 ms.
                wait_until(lambda: host in publisher.monitor.down_hosts(), timeout_s=0.05)
                proxy.up()
                # Up until some traffic went through again, at most 50 ms.
                wait_until(lambda: len(server.requests) > seen, timeout_s=0.05)
            done = threading.Event()

            def all_published(_e=None):
                if all(t.state == S.PUBLISHED for p in workspace.posts.all() for t in p.targets):
                    done.set()

            publisher.subscribe(all_published)
            all_published()
            assert done.wait(60), {t.state for p in workspace.posts.all() for t in p.targets}
        finally:
            publisher.stop()
            proxy.close()
        expected = [p.text for p in posts]
        for account in accounts:
            sent = [plain_text(s["content"]) for s in server.state["statuses"].values()
                    if s["account"]["id"] == account.settings["account_id"]]
            assert sent == expected  # each exactly once, in due order
        assert backs and sum(backs) >= 1  # the flushes were announced
