# SPDX-License-Identifier: GPL-3.0-or-later
"""The publisher as its own process, for the SIGKILL tests: ``python -m
tests.integration.publisher_child WORKSPACE`` with the test secrets as JSON on stdin.

It publishes until every target is settled (published, failed or unconfirmed), then exits 0.
The test kills it at random points; the contract servers live in the test process.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
from pathlib import Path

from cmdesk.core.connectors.registry import ConnectorFactory
from cmdesk.core.publish.backoff import Backoff
from cmdesk.core.publish.engine import Publisher
from cmdesk.core.secrets import MemorySecretStore
from cmdesk.core.store import open_workspace

SETTLED = {"published", "failed", "unconfirmed"}


def settled(workspace) -> bool:
    return all(t.state in SETTLED for p in workspace.posts.all() for t in p.targets)


def main() -> int:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(asctime)s %(threadName)s %(name)s %(message)s")
    secrets = MemorySecretStore()
    for key, value in json.load(sys.stdin).items():
        secrets.set(key, value)
    workspace = open_workspace(Path(sys.argv[1]))
    # Fast retries: the faults are injected by the dozen and the test must finish in minutes.
    publisher = Publisher(workspace, ConnectorFactory(secrets), clock=None,
                          backoff=Backoff(base_s=0.05, cap_s=0.4, max_tries=12),
                          probe_retry_s=0.05, recovery_retry_s=0.1)
    done = threading.Event()

    def check(_event=None) -> None:
        if settled(workspace):
            done.set()

    publisher.subscribe(check)
    publisher.start()
    print("started", flush=True)
    while not done.wait(0.2):
        check()
    publisher.stop()
    workspace.close()
    print("settled", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
