# SPDX-License-Identifier: GPL-3.0-or-later
"""Adding and removing an account with the real Secret Service (gnome-keyring in the D-Bus session
that scripts/run-tests.sh starts): the app secret and the Page token live in the keyring, where
another client sees them, and nowhere in the data folder."""

from __future__ import annotations

import keyring
import pytest

from cmdesk.core.secrets import SERVICE
from cmdesk.core.services import build_services
from tests.contract.facebook import APP_SECRET, PAGE_TOKEN, USER_TOKEN
from tests.gui.accounts.test_accounts_dialog import _add_facebook

pytestmark = pytest.mark.peer


def test_a_new_account_is_kept_in_the_keyring_and_removed_from_it(qtbot, tmp_path, runner, facebook):
    from cmdesk.gui.accounts import AccountsDialog

    services = build_services(tmp_path / "data")
    dialog = AccountsDialog(services, runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.load_count > 0, timeout=10000)
    account = _add_facebook(qtbot, dialog)
    try:
        stored = keyring.get_password(SERVICE, account.secret_key)
        assert APP_SECRET in stored and PAGE_TOKEN in stored
        files = [p for p in (tmp_path / "data").rglob("*") if p.is_file()]
        for secret in (APP_SECRET, PAGE_TOKEN, USER_TOKEN):
            assert not any(secret.encode() in p.read_bytes() for p in files), secret
        dialog.confirm = lambda title, text: True
        dialog.select(account.id)
        dialog.remove_button.click()
        qtbot.waitUntil(lambda: dialog.row_texts() == [], timeout=10000)
        assert keyring.get_password(SERVICE, account.secret_key) is None
    finally:
        try:
            keyring.delete_password(SERVICE, account.secret_key)
        except keyring.errors.PasswordDeleteError:
            pass
        services.close()
