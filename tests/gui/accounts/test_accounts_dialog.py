# SPDX-License-Identifier: GPL-3.0-or-later
"""Settings > Accounts as a user meets it: the list and its states, adding an account through
the browser and a pasted address, testing it, cancelling a sign-in, removing, and no keyring."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

from cmdesk.core.model import Account, Post, Target, to_iso
from cmdesk.core.secrets import KeyringUnavailable, MemorySecretStore
from cmdesk.core.services import build_services
from cmdesk.gui.accounts import AccountsDialog
from tests.contract.facebook import APP_ID, APP_SECRET, PAGE_TOKEN
from tests.contract.linkedin import CLIENT_ID


def _query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def _add_facebook(qtbot, dialog) -> Account:
    add = dialog.add_dialog or dialog.add_account()
    add.choose("facebook")
    opened: list[str] = []
    add.open_url = opened.append
    add.form.set_value("client_id", APP_ID)
    add.form.set_value("client_secret", APP_SECRET)
    add.sign_in()
    qtbot.waitUntil(lambda: not add.paste.isHidden(), timeout=10000)
    query = _query(opened[0])
    assert query["client_id"] == APP_ID
    add.paste.setText(f"{query['redirect_uri']}?code=good-code&state={query['state']}#_=_")
    with qtbot.waitSignal(add.account_added, timeout=10000) as added:
        add.paste_button.click()
    qtbot.waitUntil(lambda: len(dialog.row_texts()) == 1, timeout=10000)
    return added.args[0]


def test_the_list_shows_each_account_and_its_state(open_dialog, services):
    soon = to_iso(datetime.now(timezone.utc) + timedelta(days=5, hours=1))
    services.workspace.accounts.save(Account("linkedin", "Ada Lovelace", expires_at=soon))
    services.workspace.accounts.save(Account("facebook", "Brand Page"))
    services.workspace.accounts.save(Account("threads", "@brand", status="needs_auth"))
    dialog = open_dialog()
    assert dialog.row_texts() == [("Facebook Page", "Brand Page", "Connected"),
                                  ("LinkedIn", "Ada Lovelace", "Expires in 5 days"),
                                  ("Threads", "@brand", "Needs sign-in")]
    assert dialog.empty.isHidden()
    assert not dialog.test_button.isEnabled()  # nothing selected yet


def test_an_empty_list_says_how_to_start(open_dialog):
    dialog = open_dialog()
    assert dialog.row_texts() == [] and not dialog.empty.isHidden()


def test_add_a_facebook_page_through_the_browser_and_a_pasted_address(qtbot, open_dialog, services, facebook):
    dialog = open_dialog()
    add = dialog.add_account()
    add.choose("facebook")
    assert "App Review" in add.requirements.text()
    account = _add_facebook(qtbot, dialog)
    assert dialog.row_texts() == [("Facebook Page", "Brand Page", "Connected")]
    assert services.secrets.get(account.secret_key)["page_token"] == PAGE_TOKEN
    stored = (services.paths.data).rglob("*")
    assert not any(APP_SECRET.encode() in p.read_bytes() for p in stored if p.is_file())


def test_required_fields_are_asked_for_before_anything_is_sent(qtbot, open_dialog, facebook):
    dialog = open_dialog()  # keep it: the add dialog is its child
    add = dialog.add_account()
    add.choose("facebook")
    add.sign_in()
    assert add.error.text() == "Please fill in: App ID, App secret"
    assert facebook.requests == [] and add.sign_in_button.isEnabled()


def test_test_connection_and_a_revoked_token(qtbot, open_dialog, facebook):
    dialog = open_dialog()
    _add_facebook(qtbot, dialog)
    assert dialog.select(dialog.accounts[0].id)
    with qtbot.waitSignal(dialog.action_finished, timeout=10000) as done:
        dialog.test_button.click()
    assert done.args[0] == "Brand Page: the connection works."
    facebook.state["revoked"] = True
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.row_texts()[0][2] == "Needs sign-in", timeout=10000)
    assert "needs to sign in again" in dialog.status.text()


def test_remove_asks_first_mentions_planned_posts_and_deletes_the_sign_in(qtbot, open_dialog, services, facebook):
    dialog = open_dialog()
    account = _add_facebook(qtbot, dialog)
    services.workspace.posts.save(Post(text="planned", planned_at=datetime.now(timezone.utc) + timedelta(days=1),
                                       targets=[Target(account.id, "facebook")]))
    asked: list[str] = []
    dialog.confirm = lambda title, text: asked.append(text) or False
    dialog.select(account.id)
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert "1 planned post still targets this account" in asked[0]
    assert len(dialog.row_texts()) == 1  # the user said no
    dialog.confirm = lambda title, text: True
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: dialog.row_texts() == [], timeout=10000)
    assert services.secrets.get(account.secret_key) is None
    assert facebook.state["revoked"] is True
    assert services.workspace.posts.all()  # the user's posts stay


def test_cancel_stops_a_browser_sign_in_waiting_on_loopback(qtbot, open_dialog, services, linkedin):
    dialog = open_dialog()  # keep it: the add dialog is its child
    add = dialog.add_account()
    add.choose("linkedin")
    opened: list[str] = []
    add.open_url = opened.append
    add.form.set_value("client_id", CLIENT_ID)
    add.form.set_value("redirect_uri", "loopback")
    add.sign_in()
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    assert add.paste.isHidden() and not add.cancel_button.isHidden()
    assert "Waiting for you to approve" in add.waiting.text()
    add.cancel_button.click()
    qtbot.waitUntil(lambda: add.sign_in_button.isEnabled(), timeout=10000)
    assert add.error.text() == "Sign-in cancelled."
    assert services.workspace.accounts.all() == []


def test_no_keyring_is_explained_and_session_only_can_be_chosen(qtbot, tmp_path, runner, monkeypatch):
    import cmdesk.core.secrets as secrets_module

    real = secrets_module.open_secret_store

    def no_keyring(session_only=False, **kwargs):
        if not session_only:
            raise KeyringUnavailable("No system keyring is available to keep your passwords safe.")
        return real(session_only=True)

    monkeypatch.setattr(secrets_module, "open_secret_store", no_keyring)
    services = build_services(tmp_path / "data")
    dialog = AccountsDialog(services, runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.banner.isHidden(), timeout=10000)
    assert "No system keyring" in dialog.banner_text.text()
    dialog.session_button.click()
    assert dialog.banner.isHidden()
    assert isinstance(services.secrets, MemorySecretStore)
    assert dialog.status.text() == "Sign-ins are kept in memory until cmdesk quits."
    services.close()


def test_signing_in_again_keeps_the_account_so_planned_posts_still_target_it(qtbot, open_dialog, services, facebook):
    dialog = open_dialog()
    account = _add_facebook(qtbot, dialog)
    account.status = "needs_auth"
    services.workspace.accounts.save(account)
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.row_texts()[0][2] == "Needs sign-in", timeout=10000)
    dialog.select(account.id)
    again = dialog.sign_in_again()
    assert again.network.currentData() == "facebook" and not again.network.isEnabled()
    _add_facebook(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.row_texts() == [("Facebook Page", "Brand Page", "Connected")], timeout=10000)
    assert [a.id for a in services.workspace.accounts.all()] == [account.id]
    assert services.secrets.get(account.secret_key)["page_token"] == PAGE_TOKEN
    assert list(services.secrets._values) == [account.secret_key]  # no stray entry left behind


def test_the_shell_finds_the_dialog_and_every_network_gets_a_form(open_dialog):
    from cmdesk.gui.plugins import plugin

    assert plugin("accounts") is AccountsDialog
    dialog = open_dialog()
    add = dialog.add_account()
    for network in ("linkedin", "facebook", "instagram", "threads"):
        add.choose(network)
        assert add.requirements.text() and add.form.editors, network
        secret_fields = [f.name for f in add.form.fields if f.secret]
        assert "client_secret" in secret_fields, network
    add.choose("instagram")
    assert "media_wordpress" in add.form.editors and "media_put_url" in add.form.editors


def test_a_change_made_elsewhere_shows_without_reopening(qtbot, open_dialog, services):
    account = services.workspace.accounts.save(Account("facebook", "Brand Page"))
    dialog = open_dialog()
    assert dialog.row_texts()[0][2] == "Connected"
    account.status = "needs_auth"  # what the publisher does when a token is revoked
    services.workspace.accounts.save(account)
    qtbot.waitUntil(lambda: dialog.row_texts()[0][2] == "Needs sign-in", timeout=10000)
    listeners = len(services.workspace._listeners)
    dialog.reject()  # a closed dialog stops following the store
    assert len(services.workspace._listeners) == listeners - 1
