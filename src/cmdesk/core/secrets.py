# SPDX-License-Identifier: GPL-3.0-or-later
"""Secrets in the OS keyring (service "cmdesk"), one JSON value per key (``account.secret_key``).

Keyring calls are serialized (Secret Service backends are not thread-safe) and bounded by a
timeout, because a keyring waiting on an unlock prompt nobody sees would otherwise freeze the
publisher. When no usable keyring exists, :func:`open_secret_store` raises
:class:`KeyringUnavailable` with a plain explanation; the caller may then ask, explicitly, for a
session-only store that keeps secrets in memory until the app quits. Nothing here ever writes a
secret to a plain file.
"""

from __future__ import annotations

import json
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, Callable, TypeVar

from cmdesk.core.connectors.redact import remember_secret
from cmdesk.core.i18n import translate

log = logging.getLogger(__name__)

SERVICE = "cmdesk"
KEYRING_TIMEOUT_S = 20.0
# The first call may show the desktop's unlock prompt: give a person time to type a password.
KEYRING_UNLOCK_TIMEOUT_S = 120.0
_PROBE_KEY = "cmdesk:probe"  # read once at open: proves the keyring answers and is unlocked

T = TypeVar("T")


class KeyringUnavailable(RuntimeError):
    """No keyring can hold secrets right now; ``str(exc)`` is a translated explanation."""


def _explain(detail: str = "") -> KeyringUnavailable:
    message = translate(
        "Secrets",
        "No system keyring is available to keep your passwords and tokens safe. "
        "Start or unlock your desktop keyring (GNOME Keyring, KWallet, macOS Keychain or "
        "Windows Credential Manager) and try again, or choose to keep secrets for this session "
        "only (you will have to sign in again after quitting).",
    )
    if detail:
        message = f"{message} ({detail})"
    return KeyringUnavailable(message)


class SecretStore:
    """get/set/delete of JSON-serialisable values by key."""

    session_only = False

    def get(self, key: str) -> Any:
        raise NotImplementedError

    def set(self, key: str, value: Any) -> None:
        raise NotImplementedError

    def delete(self, key: str) -> None:
        raise NotImplementedError


class MemorySecretStore(SecretStore):
    """Session-only: secrets live in this process and vanish when it ends."""

    session_only = True

    def __init__(self) -> None:
        self._values: dict[str, str] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> Any:
        with self._lock:
            text = self._values.get(key)
        value = None if text is None else json.loads(text)
        remember_secret(value)
        return value

    def set(self, key: str, value: Any) -> None:
        remember_secret(value)
        with self._lock:
            self._values[key] = json.dumps(value)

    def delete(self, key: str) -> None:
        with self._lock:
            self._values.pop(key, None)


def _is_usable(backend: Any) -> bool:
    """False for the backends that cannot keep a secret safely: fail, null, and keyrings.alt's
    plain or weakly encrypted files (the silent downgrade we refuse)."""
    module = type(backend).__module__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")):
        return False
    children = getattr(backend, "backends", None)
    if children is not None:  # the chainer: usable if any link is
        return any(_is_usable(child) for child in children)
    try:
        return float(backend.priority) > 0
    except Exception:  # noqa: BLE001 - a backend whose priority raises is not viable
        return False


class KeyringSecretStore(SecretStore):
    def __init__(self, backend: Any, *, timeout_s: float = KEYRING_TIMEOUT_S) -> None:
        self._backend = backend
        self.timeout_s = timeout_s
        self._lock = threading.Lock()
        # One worker thread: calls are serial, and a hung call cannot block the caller past the
        # timeout (the worker stays stuck, so later calls time out too until the keyring answers).
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="keyring")

    def _call(self, fn: Callable[..., T], *args: Any, timeout_s: float | None = None) -> T:
        with self._lock:
            future = self._executor.submit(fn, *args)
            try:
                return future.result(timeout=timeout_s or self.timeout_s)
            except FutureTimeout:
                raise _explain(translate("Secrets", "the keyring did not answer")) from None
            except KeyringUnavailable:
                raise
            except Exception as exc:  # noqa: BLE001 - backends raise anything from D-Bus to OSError
                if type(exc).__name__ in ("PasswordDeleteError",):
                    raise
                # Name the kind of failure, never the message: it may quote what we tried to store.
                log.warning("keyring call failed: %s", type(exc).__name__)
                raise _explain(_failure_detail(exc)) from None

    def probe(self, timeout_s: float | None = None) -> None:
        self._call(self._backend.get_password, SERVICE, _PROBE_KEY, timeout_s=timeout_s)

    def get(self, key: str) -> Any:
        text = self._call(self._backend.get_password, SERVICE, key)
        if text is None:
            return None
        try:
            value = json.loads(text)
        except ValueError:  # written by hand or by another tool: hand back the plain text
            value = text
        remember_secret(value)
        return value

    def set(self, key: str, value: Any) -> None:
        remember_secret(value)
        self._call(self._backend.set_password, SERVICE, key, json.dumps(value))

    def delete(self, key: str) -> None:
        try:
            self._call(self._backend.delete_password, SERVICE, key)
        except Exception as exc:  # noqa: BLE001
            if type(exc).__name__ != "PasswordDeleteError":
                raise
            # Already gone: deleting is idempotent.


def _failure_detail(exc: BaseException) -> str:
    name = type(exc).__name__
    text = str(exc)
    if name in ("KeyringLocked", "LockedException") or "locked" in text.lower():
        return translate("Secrets", "the keyring is locked")
    if "dismissed" in text.lower() or name == "PromptDismissedException":
        return translate("Secrets", "the unlock prompt was dismissed")
    return name


def open_secret_store(session_only: bool = False, *, backend: Any = None,
                      timeout_s: float = KEYRING_TIMEOUT_S,
                      unlock_timeout_s: float = KEYRING_UNLOCK_TIMEOUT_S) -> SecretStore:
    """The keyring store, or a session-only memory store when the caller opts into it.

    Raises KeyringUnavailable (translated) when no safe keyring answers; the caller decides
    whether to offer session-only secrets instead.
    """
    if session_only:
        return MemorySecretStore()
    if backend is None:
        import keyring

        try:
            backend = keyring.get_keyring()
        except Exception as exc:  # noqa: BLE001 - keyring's own discovery can raise on a broken setup
            raise _explain(type(exc).__name__) from None
    if not _is_usable(backend):
        raise _explain(translate("Secrets", "no secure keyring backend was found"))
    store = KeyringSecretStore(backend, timeout_s=timeout_s)
    store.probe(unlock_timeout_s)
    return store
