# SPDX-License-Identifier: GPL-3.0-or-later
"""`cmdesk accounts` end to end: a real subprocess, the Mastodon contract server, the real keyring
and a scripted browser; then a publish, after which no token may be found in any file or log."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import stat
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import keyring
import pytest

from cmdesk.commands.accounts import FieldError, read_fields, state_of
from cmdesk.core.connectors.base import PostPart, PublishRequest, SignInField
from cmdesk.core.model import Account, to_iso
from cmdesk.core.secrets import SERVICE
from cmdesk.core.services import build_services
from tests.contract.mastodon import mastodon_routes
from tests.contract.server import ContractServer

NOW = datetime(2026, 5, 1, 12, tzinfo=timezone.utc)


def _browser_script(tmp_path: Path) -> str:
    """An executable that behaves like a browser whose user clicks "Authorize"."""
    script = tmp_path / "fake-browser"
    script.write_text(f"#!{sys.executable}\nimport sys, requests\nrequests.get(sys.argv[1], timeout=20)\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def _cmdesk(data: Path, *args: str, env: dict | None = None, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cmdesk", "--data-dir", str(data), "accounts", *args],
                          input=stdin, capture_output=True, text=True, timeout=120,
                          env=env or os.environ.copy())


@pytest.mark.peer
def test_add_list_test_publish_remove_and_no_token_anywhere(tmp_path, caplog):
    data = tmp_path / "ws"
    env = dict(os.environ, BROWSER=_browser_script(tmp_path))
    outputs: list[str] = []
    with ContractServer() as server:
        mastodon_routes(server)
        added = _cmdesk(data, "add", "mastodon", "--server", server.url, "--name", "Brand", env=env)
        outputs += [added.stdout, added.stderr]
        assert added.returncode == 0, added.stderr
        account_id = re.search(r"id (\w+)\.", added.stdout)[1]
        secret_key = f"account:{account_id}"
        token = keyring.get_password(SERVICE, secret_key)
        assert token and list(server.state["tokens"])[0] in token

        listed = _cmdesk(data, "list")
        outputs.append(listed.stdout)
        assert re.search(rf"{account_id}\s+mastodon\s+Brand\s+connected", listed.stdout)
        tested = _cmdesk(data, "test", account_id[:8])
        outputs.append(tested.stdout)
        assert tested.returncode == 0 and "works" in tested.stdout

        # A publish through the services, logging everything.
        caplog.set_level(logging.DEBUG)
        services = build_services(data)
        try:
            account = services.workspace.accounts.get(account_id)
            connector = services.connectors.for_account(account)
            connector.publish(PublishRequest(attempt_id="a1", idempotency_key="k1",
                                             parts=[PostPart("Hello from the CLI test")]))
        finally:
            services.close()
        assert len(server.state["statuses"]) == 1

        # The token dies on the server: test says so and list shows it.
        server.state["tokens"].clear()
        tested = _cmdesk(data, "test", account_id)
        assert tested.returncode == 1 and "needs a new sign-in" in tested.stderr
        assert "needs sign-in" in _cmdesk(data, "list").stdout

        removed = _cmdesk(data, "remove", account_id)
        outputs += [removed.stdout, removed.stderr]
        assert removed.returncode == 0, removed.stderr
        assert keyring.get_password(SERVICE, secret_key) is None
        assert "No accounts yet" in _cmdesk(data, "list").stdout

    secret = json.loads(token)
    files = [p for p in data.rglob("*") if p.is_file()]
    assert files  # the store was written
    for value in (secret["access_token"], secret["client_secret"]):
        for path in files:
            assert value.encode() not in path.read_bytes(), path
        assert value not in caplog.text
        assert all(value not in out for out in outputs)


def test_add_without_a_keyring_explains_and_saves_nothing(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env.update(HOME=str(tmp_path), XDG_RUNTIME_DIR=str(tmp_path))
    done = _cmdesk(tmp_path / "ws", "add", "mastodon", "--server", "https://mastodon.example", env=env)
    assert done.returncode == 3 and "No system keyring is available" in done.stderr
    assert "No accounts yet" in _cmdesk(tmp_path / "ws", "list", env=env).stdout


def test_unknown_account_is_a_clear_error(tmp_path):
    done = _cmdesk(tmp_path / "ws", "test", "nope")
    assert done.returncode == 1 and "No account matches nope" in done.stderr


FIELDS = (SignInField("handle", "Handle"), SignInField("app_password", "App password", secret=True),
          SignInField("note", "Note", required=False))


def test_secret_fields_come_from_standard_input_one_per_line():
    values = read_fields(FIELDS, {"handle": "me.bsky.social"}, io.StringIO("abcd-efgh-ijkl-mnop\n\n"), tty=False)
    assert values == {"handle": "me.bsky.social", "app_password": "abcd-efgh-ijkl-mnop", "note": ""}


def test_a_secret_given_as_an_argument_is_refused():
    with pytest.raises(FieldError, match="never as an argument"):
        read_fields(FIELDS, {"handle": "me", "app_password": "oops"}, io.StringIO(""), tty=False)


def test_on_a_terminal_secrets_are_asked_without_echo():
    asked = []

    def prompt(label):
        asked.append(label)
        return "typed"

    read_fields(FIELDS[1:2], {}, io.StringIO(""), tty=True, prompt=prompt)
    assert asked == ["App password: "]


def test_a_missing_required_field_is_refused():
    with pytest.raises(FieldError, match="Handle is required"):
        read_fields(FIELDS, {}, io.StringIO("\n"), tty=False)


@pytest.mark.parametrize("status, expires, shown", [
    ("connected", None, "connected"),
    ("connected", NOW + timedelta(days=12, hours=3), "expires in 12 days"),
    ("connected", NOW + timedelta(hours=5), "expires in 5 hours"),
    ("connected", NOW - timedelta(minutes=1), "needs sign-in"),
    ("needs_auth", None, "needs sign-in"),
    ("disabled", None, "disabled"),
])
def test_list_states(status, expires, shown):
    account = Account(network="x", name="@a", status=status, expires_at=to_iso(expires))
    assert state_of(account, NOW) == shown


@pytest.mark.peer
def test_adding_the_same_account_again_renews_it_in_place(tmp_path):
    data = tmp_path / "ws"
    env = dict(os.environ, BROWSER=_browser_script(tmp_path))
    with ContractServer() as server:
        mastodon_routes(server)
        first = _cmdesk(data, "add", "mastodon", "--server", server.url, "--name", "Brand", env=env)
        account_id = re.search(r"id (\w+)\.", first.stdout)[1]
        server.state["tokens"].clear()  # the old token died
        again = _cmdesk(data, "add", "mastodon", "--server", server.url, env=env)
        assert again.returncode == 0 and f"Signed in again to Brand, id {account_id}." in again.stdout
        listed = _cmdesk(data, "list").stdout
        assert listed.count("mastodon") == 1 and "connected" in listed
        assert _cmdesk(data, "test", account_id).returncode == 0  # the new token, under the old id
        assert _cmdesk(data, "remove", account_id).returncode == 0
