# SPDX-License-Identifier: GPL-3.0-or-later
"""WordPress from the shell: `cmdesk accounts add wordpress --server <site>` against the real
WordPress with the application password on standard input and the real keyring; the password is
then in the keyring and nowhere in the workspace files or the command's output."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import keyring
import pytest

from cmdesk.core.secrets import SERVICE

pytestmark = pytest.mark.peer


def cmdesk(data, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cmdesk", "--data-dir", str(data), "accounts",
                           *args], input=stdin, capture_output=True, text=True, timeout=120,
                          env=os.environ.copy())


def test_add_test_remove_with_the_password_only_in_the_keyring(wordpress_site, tmp_path):
    data = tmp_path / "ws"
    added = cmdesk(data, "add", "wordpress", "--server", wordpress_site.url, "--set",
                   f"user={wordpress_site.user}", stdin=wordpress_site.app_password + "\n")
    assert added.returncode == 0, added.stderr
    account_id = re.search(r"id (\w+)\.", added.stdout)[1]
    stored = json.loads(keyring.get_password(SERVICE, f"account:{account_id}"))
    assert stored["app_password"] == wordpress_site.app_password
    tested = cmdesk(data, "test", account_id)
    assert tested.returncode == 0, tested.stderr
    for path in (p for p in data.rglob("*") if p.is_file()):
        assert wordpress_site.app_password.encode() not in path.read_bytes(), path
    assert wordpress_site.app_password not in added.stdout + added.stderr + tested.stdout

    removed = cmdesk(data, "remove", account_id)
    assert removed.returncode == 0, removed.stderr
    assert keyring.get_password(SERVICE, f"account:{account_id}") is None


def test_a_wrong_password_is_explained_and_nothing_is_saved(wordpress_site, tmp_path):
    data = tmp_path / "ws"
    added = cmdesk(data, "add", "wordpress", "--server", wordpress_site.url, "--set",
                   f"user={wordpress_site.user}", stdin="abcd efgh ijkl mnop qrst uvwx\n")
    assert added.returncode != 0
    assert "application password" in added.stderr
    assert "No accounts yet" in cmdesk(data, "list").stdout
