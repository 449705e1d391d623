# SPDX-License-Identifier: GPL-3.0-or-later
"""Sign-in end to end: OAuth PKCE through a test "browser", the loopback redirect, the code
exchange checked by the server, the token in the real keyring and nowhere in the store."""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import parse_qs, urlencode, urlsplit

import keyring
import pytest
import requests

from cmdesk.core.connectors.errors import Permanent
from cmdesk.core.connectors.http import InsecureRequest, make_session
from cmdesk.core.connectors.mastodon import MastodonConnector
from cmdesk.core.connectors.oauth import LoopbackRedirect, Pkce, SignInError, run_browser_flow
from cmdesk.core.connectors.responses import check
from cmdesk.core.secrets import SERVICE, MemorySecretStore, open_secret_store
from cmdesk.core.store import open_workspace
from tests.contract.mastodon import mastodon_routes
from tests.contract.server import ContractServer, Garbage, Status


@pytest.fixture
def server():
    with ContractServer() as s:
        mastodon_routes(s)
        s.state["instance"]["configuration"]["statuses"]["max_characters"] = 1000
        yield s


class Browser:
    """Follows the authorize URL like a browser whose user clicks "Authorize"."""

    def __init__(self) -> None:
        self.opened: list[str] = []

    def __call__(self, url: str) -> None:
        self.opened.append(url)
        requests.get(url, timeout=10)  # the 302 lands on cmdesk's loopback listener


def _files_text(root) -> str:
    return "".join(p.read_text(errors="replace") for p in root.rglob("*") if p.is_file())


@pytest.mark.peer
def test_mastodon_sign_in_end_to_end_stores_the_token_only_in_the_keyring(server, tmp_path):
    secrets = open_secret_store()
    browser = Browser()
    account = MastodonConnector.sign_in({"server": server.url + "/"}, secrets=secrets,
                                        http=make_session(), browser=browser)
    try:
        (app_req,) = server.requests_to("POST", "/api/v1/apps")
        redirect = app_req.form["redirect_uris"][0]
        assert redirect.startswith("http://127.0.0.1:") and redirect.endswith("/callback")
        query = parse_qs(urlsplit(browser.opened[0]).query)
        assert query["code_challenge_method"] == ["S256"] and query["redirect_uri"] == [redirect]
        assert len(query["state"][0]) >= 20
        (token_req,) = server.requests_to("POST", "/oauth/token")
        verifier = token_req.form["code_verifier"][0]
        digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        assert digest == query["code_challenge"][0]  # and the server checked it too
        stored = secrets.get(account.secret_key)
        assert stored["access_token"] in server.state["tokens"]
        assert stored["access_token"] in keyring.get_password(SERVICE, account.secret_key)
        assert (account.name, account.server) == ("@brand@mastodon.example", server.url)
        assert account.settings["max_characters"] == 1000
        assert MastodonConnector.capabilities_for(account).text_limit == 1000
        ws = open_workspace(tmp_path / "ws")
        ws.accounts.save(account)
        ws.close()
        text = _files_text(tmp_path)
        assert account.id in text
        for value in (stored["access_token"], stored["client_secret"], verifier):
            assert value not in text
    finally:
        secrets.delete(account.secret_key)


def test_a_wrong_verifier_is_refused_by_the_server(server):
    http = make_session()
    app = check(http.post(server.url + "/api/v1/apps", data={
        "client_name": "t", "redirect_uris": "http://127.0.0.1:1/callback", "scopes": "read"})).json()
    pkce = Pkce.new()
    resp = http.get(server.url + "/oauth/authorize?" + urlencode({
        "response_type": "code", "client_id": app["client_id"], "redirect_uri": "http://127.0.0.1:1/callback",
        "scope": "read", "code_challenge": pkce.challenge, "code_challenge_method": "S256"}),
        allow_redirects=False)
    code = parse_qs(urlsplit(resp.headers["Location"]).query)["code"][0]
    answer = http.post(server.url + "/oauth/token", data={
        "grant_type": "authorization_code", "code": code, "redirect_uri": "http://127.0.0.1:1/callback",
        "client_id": app["client_id"], "client_secret": app["client_secret"],
        "code_verifier": Pkce.new().verifier})
    assert answer.status_code == 400 and "PKCE" in answer.json()["error_description"]


def test_a_forged_redirect_with_another_state_is_refused():
    with LoopbackRedirect() as listener:
        def forger(url: str) -> None:
            requests.get(listener.redirect_uri + "?code=stolen&state=not-ours", timeout=5)

        with pytest.raises(SignInError, match="state"):
            run_browser_flow("https://auth.example/authorize", listener, client_id="c",
                             scope="read", browser=forger)


def test_denying_in_the_browser_is_a_clear_cancel():
    with LoopbackRedirect() as listener:
        def deny(url: str) -> None:
            state = parse_qs(urlsplit(url).query)["state"][0]
            page = requests.get(listener.redirect_uri + "?error=access_denied&state=" + state, timeout=5)
            assert "did not complete" in page.text

        with pytest.raises(SignInError, match="cancelled"):
            run_browser_flow("https://auth.example/authorize", listener, client_id="c",
                             scope="read", browser=deny)


def test_a_browser_that_never_comes_back_times_out():
    with LoopbackRedirect() as listener:
        with pytest.raises(SignInError, match="timed out"):
            run_browser_flow("https://auth.example/authorize", listener, client_id="c",
                             scope="read", browser=lambda url: None, timeout_s=0.2)


def test_the_listener_binds_loopback_only():
    with LoopbackRedirect() as listener:
        assert urlsplit(listener.redirect_uri).hostname == "127.0.0.1"


def test_a_refused_code_exchange_fails_sign_in_and_stores_nothing(server):
    secrets = MemorySecretStore()
    server.inject(Status(400, json={"error": "invalid_grant", "error_description": "Code expired"}),
                  path="/oauth/token")
    with pytest.raises(Permanent, match="Code expired"):
        MastodonConnector.sign_in({"server": server.url}, secrets=secrets, http=make_session(),
                                  browser=Browser())
    assert secrets._values == {}


def test_sign_in_refuses_plain_http_to_a_real_server():
    with pytest.raises(InsecureRequest):
        MastodonConnector.sign_in({"server": "http://mastodon.example"}, secrets=MemorySecretStore(),
                                  http=make_session(), browser=Browser())


def test_an_idle_speculative_connection_does_not_block_the_redirect():
    import socket

    with LoopbackRedirect() as listener:
        port = urlsplit(listener.redirect_uri).port
        with socket.create_connection(("127.0.0.1", port)):  # a browser preconnect, silent
            def browser(url: str) -> None:
                state = parse_qs(urlsplit(url).query)["state"][0]
                requests.get(listener.redirect_uri + f"?code=c0de&state={state}", timeout=5)

            code, _ = run_browser_flow("https://auth.example/authorize", listener, client_id="c",
                                       scope="read", browser=browser, timeout_s=5)
    assert code == "c0de"


@pytest.mark.parametrize("answer", [Status(404, json={"error": "Not Found"}), Garbage()])
def test_an_address_that_is_not_mastodon_says_so(server, answer):
    server.inject(answer, path="/api/v1/apps")
    with pytest.raises(Permanent, match="does not look like a Mastodon server"):
        MastodonConnector.sign_in({"server": server.url}, secrets=MemorySecretStore(),
                                  http=make_session(), browser=Browser())
