# SPDX-License-Identifier: GPL-3.0-or-later
"""Bluesky end to end from the shell: `cmdesk accounts add bluesky` against the real PDS with the
app password on standard input and the real keyring, a publish through the services, then no app
password or session token in any file, log or output."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from datetime import datetime, timezone

import keyring
import pytest

from cmdesk.core.connectors.base import PostPart, PublishRequest
from cmdesk.core.secrets import SERVICE
from cmdesk.core.services import build_services

pytestmark = pytest.mark.peer


def cmdesk(data, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cmdesk", "--data-dir", str(data), "accounts",
                           *args], input=stdin, capture_output=True, text=True, timeout=120,
                          env=os.environ.copy())


def test_add_publish_remove_with_secrets_only_in_the_keyring(pds, tmp_path, caplog):
    user = pds.create_account()
    data = tmp_path / "ws"
    outputs = []
    added = cmdesk(data, "add", "bluesky", "--server", pds.url, "--set",
                   f"identifier={user['handle']}", stdin=user["app_password"] + "\n")
    outputs += [added.stdout, added.stderr]
    assert added.returncode == 0, added.stderr
    account_id = re.search(r"id (\w+)\.", added.stdout)[1]
    secret = json.loads(keyring.get_password(SERVICE, f"account:{account_id}"))
    assert cmdesk(data, "test", account_id).returncode == 0

    caplog.set_level(logging.DEBUG)
    services = build_services(data)
    try:
        connector = services.connectors.for_account(services.workspace.accounts.get(account_id))
        done = connector.publish(PublishRequest(
            "a1", "k1", [PostPart("Depuis la ligne de commande 🎉 https://example.fr")],
            planned_at=datetime(2026, 11, 22, 10, tzinfo=timezone.utc)))
    finally:
        services.close()
    record = pds.get_record(user["did"], done.remote_id.rsplit("/", 1)[1])
    assert record["value"]["text"].startswith("Depuis la ligne de commande")

    removed = cmdesk(data, "remove", account_id)
    outputs += [removed.stdout, removed.stderr]
    assert removed.returncode == 0, removed.stderr
    assert keyring.get_password(SERVICE, f"account:{account_id}") is None

    files = [p for p in data.rglob("*") if p.is_file()]
    assert files
    for value in (user["app_password"], secret["accessJwt"], secret["refreshJwt"]):
        for path in files:
            assert value.encode() not in path.read_bytes(), path
        assert value not in caplog.text
        assert all(value not in out for out in outputs)
