# SPDX-License-Identifier: GPL-3.0-or-later
"""The HTTP chokepoint's cost: a status posted through ``make_session()`` (URL check, typed
errors, masked debug log) and through the whole Mastodon connector, against a bare
requests.Session posting the same thing to the same loopback contract server in the same run.

Target (issue "Connectors and accounts"): the chokepoint adds well under 1.5 x to a loopback
request, so on a real network (tens of ms per request) it is noise.
"""

from __future__ import annotations

import logging
import statistics
import time
import uuid

import requests

from cmdesk.core.connectors.base import PostPart, PublishRequest
from cmdesk.core.connectors.http import make_session
from cmdesk.core.connectors.mastodon import MastodonConnector
from cmdesk.core.model import Account
from cmdesk.core.secrets import MemorySecretStore
from tests.contract.mastodon import ACCOUNT, issue_token, mastodon_routes
from tests.contract.server import ContractServer

ROUNDS = 5
PER_ROUND = 100


def _timed(fn) -> float:
    """Median seconds per call over ROUNDS rounds of PER_ROUND calls."""
    samples = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for i in range(PER_ROUND):
            fn(i)
        samples.append((time.perf_counter() - started) / PER_ROUND)
    return statistics.median(samples)


def run() -> list[str]:
    logging.getLogger("cmdesk.http").setLevel(logging.DEBUG)  # the masked log is part of the cost
    logging.getLogger("cmdesk.http").addHandler(logging.NullHandler())
    with ContractServer() as server:
        mastodon_routes(server)
        token = issue_token(server)
        url = server.url + "/api/v1/statuses"
        auth = {"Authorization": f"Bearer {token}"}
        bare = requests.Session()
        ours = make_session()
        secrets = MemorySecretStore()
        account = Account(network="mastodon", name="@b", server=server.url,
                          settings={"account_id": ACCOUNT["id"]})
        secrets.set(account.secret_key, {"access_token": token})
        connector = MastodonConnector(account, secrets, make_session())

        def publish(i: int) -> None:
            connector.publish(PublishRequest(attempt_id=str(i), idempotency_key=uuid.uuid4().hex,
                                             parts=[PostPart(f"connector {i} {uuid.uuid4().hex}")]))

        baseline = _timed(lambda i: bare.post(url, json={"status": f"bare {i}"}, headers=auth).json())
        session = _timed(lambda i: ours.post(url, json={"status": f"ours {i}"}, headers=auth,
                                             creates=True).json())
        whole = _timed(publish)
    return [
        f"bare requests.Session POST (baseline): {baseline * 1e3:.2f} ms per status",
        f"make_session() POST: {session * 1e3:.2f} ms = {session / baseline:.2f} x baseline",
        f"MastodonConnector.publish: {whole * 1e3:.2f} ms = {whole / baseline:.2f} x baseline",
    ]
