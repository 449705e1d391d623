# SPDX-License-Identifier: GPL-3.0-or-later
"""``cmdesk --headless`` publishes: a due post goes out to the Mastodon contract server, with the
token read from a real keyring, and SIGTERM stops it cleanly.

The headless process runs in a private D-Bus session with its own unlocked gnome-keyring (and a
private HOME), so the test is the same under scripts/run-tests.sh and a bare pytest.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from cmdesk.core.model import Account, Post, Target, TargetState, utc_now
from cmdesk.core.store import open_workspace
from tests.contract.mastodon import issue_token, mastodon_routes
from tests.contract.server import ContractServer
from tests.integration.harness import wait_until

ROOT = Path(__file__).resolve().parents[2]
# Inside the private session: unlock a fresh keyring, store the test token read from stdin
# through cmdesk's own secret store, then become the headless publisher (same pid).
WRAPPER = """
printf 'cmdesk-tests' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$PY" -c '
import json, sys
from cmdesk.core.secrets import open_secret_store
feed = json.load(sys.stdin)
open_secret_store().set(feed["key"], feed["value"])
' || exit 3
echo $$
exec "$PY" -m cmdesk --headless --data-dir "$WS"
"""


def test_headless_publishes_a_due_post_once_and_stops_on_sigterm(tmp_path):
    with ContractServer() as server:
        mastodon_routes(server)
        ws_dir = tmp_path / "ws"
        ws = open_workspace(ws_dir)
        account = ws.accounts.save(Account(network="mastodon", name="@brand", server=server.url,
                                           settings={"account_id": "109"}))
        post = ws.posts.save(Post(text="from the headless publisher",
                                  planned_at=utc_now() - timedelta(seconds=1),
                                  targets=[Target(account.id, "mastodon")]))
        ws.close()
        home = tmp_path / "home"
        home.mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "XDG_"))}
        env.update(HOME=str(home), PY=sys.executable, WS=str(ws_dir), PYTHONUNBUFFERED="1")
        child = subprocess.Popen(["dbus-run-session", "--", "bash", "-c", WRAPPER], cwd=ROOT,
                                 env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        try:
            child.stdin.write(json.dumps({"key": account.secret_key, "value": {
                "access_token": issue_token(server), "client_id": "c", "client_secret": "s"}}))
            child.stdin.close()
            pid = int(child.stdout.readline())  # the headless publisher's own pid
            assert wait_until(lambda: len(server.state["statuses"]) == 1 or child.poll() is not None,
                              60)
            assert child.poll() is None, child.stderr.read()
            os.kill(pid, signal.SIGTERM)
            assert child.wait(30) == 0, child.stderr.read()
        finally:
            if child.poll() is None:
                child.kill()
                child.wait(10)
            child.stdout.close()
            child.stderr.close()
        statuses = list(server.state["statuses"].values())
    assert [s["content"] for s in statuses] == ["<p>from the headless publisher</p>"]
    ws = open_workspace(ws_dir)
    try:
        t = ws.posts.get(post.id).targets[0]
        assert t.state == TargetState.PUBLISHED and t.remote_id == statuses[0]["id"]
    finally:
        ws.close()
    log = (ws_dir / "logs" / "cmdesk.log").read_text(encoding="utf-8")
    assert "headless mode stopped" in log
