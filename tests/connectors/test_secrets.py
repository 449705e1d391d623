# SPDX-License-Identifier: GPL-3.0-or-later
"""Secrets against the real Secret Service (gnome-keyring in the D-Bus session that
scripts/run-tests.sh starts)."""

from __future__ import annotations

import uuid

import keyring
import pytest

from cmdesk.core.secrets import SERVICE, KeyringSecretStore, open_secret_store

pytestmark = pytest.mark.peer


@pytest.fixture
def key():
    name = f"account:test-{uuid.uuid4().hex}"
    yield name
    try:
        keyring.delete_password(SERVICE, name)
    except keyring.errors.PasswordDeleteError:
        pass


def test_the_real_keyring_is_the_one_used():
    store = open_secret_store()
    assert isinstance(store, KeyringSecretStore) and not store.session_only
    backend = keyring.get_keyring()
    chain = getattr(backend, "backends", [backend])
    assert any("SecretService" in type(b).__module__ for b in chain)


def test_store_read_update_delete_a_token(key):
    store = open_secret_store()
    assert store.get(key) is None
    store.set(key, {"access_token": "first-token-value", "scopes": ["read", "write"]})
    assert store.get(key) == {"access_token": "first-token-value", "scopes": ["read", "write"]}
    # Another client of the same keyring (e.g. the next start of the app) sees it.
    assert "first-token-value" in keyring.get_password(SERVICE, key)
    store.set(key, {"access_token": "second-token-value"})
    assert open_secret_store().get(key) == {"access_token": "second-token-value"}
    store.delete(key)
    assert store.get(key) is None and keyring.get_password(SERVICE, key) is None
    store.delete(key)  # deleting what is gone is not an error


def test_plain_strings_round_trip(key):
    store = open_secret_store()
    store.set(key, "app-password-éà 🔑")
    assert store.get(key) == "app-password-éà 🔑"


def test_a_value_not_written_as_json_comes_back_as_text(key):
    keyring.set_password(SERVICE, key, "typed-by-hand{")
    assert open_secret_store().get(key) == "typed-by-hand{"
