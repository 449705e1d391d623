# SPDX-License-Identifier: GPL-3.0-or-later
"""``cmdesk --headless`` publishes: a due post goes out to the Mastodon contract server, with the
token read from the real keyring (the D-Bus session scripts/run-tests.sh starts), and SIGTERM
stops it cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from cmdesk.core.model import Account, Post, Target, TargetState, utc_now
from cmdesk.core.secrets import open_secret_store
from cmdesk.core.store import open_workspace
from tests.contract.mastodon import issue_token, mastodon_routes
from tests.contract.server import ContractServer
from tests.integration.harness import wait_until

pytestmark = pytest.mark.peer
ROOT = Path(__file__).resolve().parents[2]


def test_headless_publishes_a_due_post_once_and_stops_on_sigterm(tmp_path):
    secrets = open_secret_store()
    with ContractServer() as server:
        mastodon_routes(server)
        ws_dir = tmp_path / "ws"
        ws = open_workspace(ws_dir)
        account = ws.accounts.save(Account(network="mastodon", name="@brand", server=server.url,
                                           settings={"account_id": "109"}))
        secrets.set(account.secret_key, {"access_token": issue_token(server), "client_id": "c",
                                         "client_secret": "s"})
        post = ws.posts.save(Post(text="from the headless publisher",
                                  planned_at=utc_now() - timedelta(seconds=1),
                                  targets=[Target(account.id, "mastodon")]))
        ws.close()
        child = subprocess.Popen([sys.executable, "-m", "cmdesk", "--headless", "--data-dir",
                                  str(ws_dir)], cwd=ROOT, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True,
                                 env=dict(os.environ, PYTHONUNBUFFERED="1"))
        try:
            assert wait_until(lambda: len(server.state["statuses"]) == 1, 60), child.stderr
            child.send_signal(signal.SIGTERM)
            assert child.wait(30) == 0
        finally:
            if child.poll() is None:
                child.kill()
            child.stderr.close()
            secrets.delete(account.secret_key)
        statuses = list(server.state["statuses"].values())
    assert [s["content"] for s in statuses] == ["<p>from the headless publisher</p>"]
    ws = open_workspace(ws_dir)
    try:
        t = ws.posts.get(post.id).targets[0]
        assert t.state == TargetState.PUBLISHED and t.remote_id == statuses[0]["id"]
    finally:
        ws.close()
