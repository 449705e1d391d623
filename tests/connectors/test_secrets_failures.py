# SPDX-License-Identifier: GPL-3.0-or-later
"""What happens when no keyring can keep a secret: a clear message, never a silent plain file."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked

from cmdesk.core import i18n
from cmdesk.core.secrets import KeyringUnavailable, MemorySecretStore, open_secret_store

SCRIPT = """
import sys
from cmdesk.core.secrets import KeyringUnavailable, open_secret_store
try:
    store = open_secret_store()
except KeyringUnavailable as exc:
    print("UNAVAILABLE:", exc)
    store = open_secret_store(session_only=True)
    store.set("account:x", {"token": "in-memory-only"})
    print("SESSION:", store.get("account:x"))
    sys.exit(3)
print("OPENED:", type(store).__name__)
"""


def _run(tmp_path: Path, **env_changes: str | None) -> subprocess.CompletedProcess:
    env = dict(os.environ, HOME=str(tmp_path), XDG_RUNTIME_DIR=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    for name, value in env_changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True,
                          timeout=60)


def _no_file_holds_the_secret(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            assert b"in-memory-only" not in path.read_bytes(), path


@pytest.mark.parametrize("bus", [None, "unix:path=/nonexistent/bus"])
def test_no_dbus_session_gives_a_clear_message_and_session_only_works(tmp_path, bus):
    done = _run(tmp_path, DBUS_SESSION_BUS_ADDRESS=bus)
    assert done.returncode == 3, done.stderr
    assert "UNAVAILABLE: No system keyring is available" in done.stdout
    assert "session only" in done.stdout
    assert "SESSION: {'token': 'in-memory-only'}" in done.stdout
    _no_file_holds_the_secret(tmp_path)


def test_the_null_backend_is_refused(tmp_path):
    done = _run(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    assert done.returncode == 3 and "UNAVAILABLE" in done.stdout, done.stderr


class _Fake(KeyringBackend):
    priority = 1

    def __init__(self, fail: Exception | None = None, gate: threading.Event | None = None) -> None:
        super().__init__()
        self.fail, self.gate, self.values = fail, gate, {}

    def get_password(self, service, username):
        if self.gate is not None:
            self.gate.wait(30)
        if self.fail is not None:
            raise self.fail
        return self.values.get((service, username))

    def set_password(self, service, username, password):
        self.values[(service, username)] = password

    def delete_password(self, service, username):
        self.values.pop((service, username), None)


def test_a_plain_file_backend_is_never_used_silently():
    class PlaintextKeyring(_Fake):
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    with pytest.raises(KeyringUnavailable):
        open_secret_store(backend=PlaintextKeyring())


def test_a_locked_keyring_says_so():
    with pytest.raises(KeyringUnavailable, match="locked"):
        open_secret_store(backend=_Fake(KeyringLocked("Failed to unlock the collection!")))


def test_a_dismissed_prompt_says_so():
    from secretstorage.exceptions import PromptDismissedException

    with pytest.raises(KeyringUnavailable, match="dismissed"):
        open_secret_store(backend=_Fake(PromptDismissedException("Prompt dismissed.")))


def test_a_hanging_keyring_times_out_instead_of_freezing():
    gate = threading.Event()
    try:
        with pytest.raises(KeyringUnavailable, match="did not answer"):
            open_secret_store(backend=_Fake(gate=gate), timeout_s=0.2, unlock_timeout_s=0.3)
    finally:
        gate.set()


def test_a_keyring_that_hangs_later_times_out_on_each_call():
    backend = _Fake()
    store = open_secret_store(backend=backend, timeout_s=0.2)
    backend.gate = threading.Event()
    try:
        with pytest.raises(KeyringUnavailable, match="did not answer"):
            store.get("account:a")
    finally:
        backend.gate.set()
    store.timeout_s = 30  # the recovery below must not race a loaded machine
    assert store.get("account:a") is None  # once it answers again, so do we


def test_a_backend_error_never_quotes_the_secret():
    backend = _Fake()
    store = open_secret_store(backend=backend)
    backend.fail = RuntimeError("could not store 'tok-abcdef-123456'")
    with pytest.raises(KeyringUnavailable) as caught:
        store.get("account:a")
    assert "tok-abcdef-123456" not in str(caught.value)


def test_the_explanation_is_translated():
    i18n.install(lambda context, text: "[fr] " + text)
    try:
        with pytest.raises(KeyringUnavailable, match=r"^\[fr\] "):
            open_secret_store(backend=_Fake(KeyringLocked("locked")))
    finally:
        i18n.install(lambda context, text: text)


def test_session_only_store_is_memory():
    store = open_secret_store(session_only=True)
    assert isinstance(store, MemorySecretStore) and store.session_only
    store.set("k", {"a": [1, 2]})
    assert store.get("k") == {"a": [1, 2]}
    store.delete("k")
    store.delete("k")
    assert store.get("k") is None


@pytest.mark.peer
def test_a_real_keyring_that_was_never_unlocked_gives_a_clear_message(tmp_path):
    """A private D-Bus session whose gnome-keyring nobody unlocked: the unlock cannot happen
    (no one to answer the prompt), and the user is told so instead of waiting forever."""
    run_dir = tmp_path / "run"
    run_dir.mkdir(mode=0o700)
    env = dict(os.environ, HOME=str(tmp_path), XDG_RUNTIME_DIR=str(run_dir),
               XDG_DATA_HOME=str(tmp_path / "data"))
    bus = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
                         capture_output=True, text=True, env=env, timeout=30, check=True).stdout.split()
    env["DBUS_SESSION_BUS_ADDRESS"], bus_pid = bus[0], int(bus[1])
    daemon = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--components=secrets"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        subprocess.run(["gdbus", "wait", "--session", "--timeout", "20", "org.freedesktop.secrets"],
                       env=env, timeout=30, check=True)
        done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True,
                              timeout=60)
    finally:
        daemon.terminate()
        daemon.wait(10)
        os.kill(bus_pid, 15)
    assert done.returncode == 3, done.stderr
    assert re.search(r"UNAVAILABLE: No system keyring .*\((the keyring is locked|the unlock prompt was dismissed)\)",
                     done.stdout)
    _no_file_holds_the_secret(tmp_path)
