# SPDX-License-Identifier: GPL-3.0-or-later
"""The HTTP chokepoint: what it refuses, how failures become typed errors, what it logs."""

from __future__ import annotations

import logging
import socket
from datetime import datetime, timedelta, timezone

import pytest
import requests
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from urllib3.exceptions import MaxRetryError, NameResolutionError

from cmdesk import __version__
from cmdesk.core.connectors.errors import (
    AuthExpired,
    Offline,
    Permanent,
    RateLimited,
    Transient,
    Unconfirmed,
)
from cmdesk.core.connectors.http import InsecureRequest, check_url, make_session
from cmdesk.core.connectors.redact import redact
from cmdesk.core.connectors.responses import check, json_body, retry_at, transport_error
from tests.contract.server import (
    AcceptThenReset,
    ContractServer,
    Delay,
    Drop,
    Garbage,
    Response,
    Status,
)

NOW = datetime(2026, 3, 1, 12, 0, 0, tzinfo=timezone.utc)
TOKEN = "tok_9f8e7d6c5b4a3210fedcba"


@pytest.fixture
def server():
    with ContractServer() as s:
        s.state["made"] = 0

        @s.route("POST", r"/make")
        def make(req, m):
            s.state["made"] += 1
            return Response(200, json={"id": str(s.state["made"])})

        @s.route("GET", r"/echo")
        def echo(req, m):
            return Response(200, json={"ua": req.header("user-agent"), "access_token": TOKEN})

        @s.route("GET", r"/elsewhere")
        def elsewhere(req, m):
            return Response(302, headers={"Location": "http://example.com/steal"})

        yield s


def test_every_request_carries_our_user_agent(server):
    body = make_session().get(server.url + "/echo").json()
    assert body["ua"] == f"cmdesk/{__version__}"


@pytest.mark.parametrize("url", [
    "http://example.com/api", "http://10.0.0.1/api", "ftp://example.com/", "file:///etc/passwd",
])
def test_plain_http_to_another_machine_is_refused_before_connecting(url):
    with pytest.raises(InsecureRequest) as caught:
        make_session().get(url)
    assert "example.com" in str(caught.value) or "Unsupported" in str(caught.value) or "10.0.0.1" in str(caught.value)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8/x", "http://127.5.6.7/x", "http://localhost:9/x", "http://[::1]:9/x",
    "https://mastodon.example/x",
])
def test_loopback_and_https_are_allowed(url):
    check_url(url)  # raises if refused


def test_tls_verification_cannot_be_turned_off(server):
    session = make_session()
    with pytest.raises(InsecureRequest):
        session.verify = False
    with pytest.raises(InsecureRequest):
        session.get(server.url + "/echo", verify=False)
    assert session.verify is True


def test_a_redirect_to_plain_http_elsewhere_is_refused(server):
    with pytest.raises(InsecureRequest):
        make_session().get(server.url + "/elsewhere")


def test_connection_refused_is_offline():
    with socket.socket() as sock:  # a port that was free a moment ago: nobody listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(Offline):
        make_session().post(f"http://127.0.0.1:{port}/make", creates=True)


def test_dns_failure_is_offline():
    cause = NameResolutionError("nowhere.invalid", None, socket.gaierror(-2, "Name or service not known"))
    exc = requests.ConnectionError(MaxRetryError(None, "https://nowhere.invalid/", cause))
    assert isinstance(transport_error(exc, host="nowhere.invalid", creates=True), Offline)


@pytest.mark.parametrize("fault", [AcceptThenReset(), Drop()])
def test_reset_after_sending_a_create_is_unconfirmed(server, fault):
    server.inject(fault)
    with pytest.raises(Unconfirmed):
        make_session().post(server.url + "/make", creates=True)


def test_reset_on_a_read_is_transient_and_safe_to_retry(server):
    server.inject(Drop())
    with pytest.raises(Transient) as caught:
        make_session().get(server.url + "/echo")
    assert not isinstance(caught.value, Offline)


def test_timeout_after_sending_a_create_is_unconfirmed_and_a_read_transient(server):
    session = make_session(timeout=(2.0, 0.2))
    server.inject(Delay(1.0), Delay(1.0))
    with pytest.raises(Unconfirmed):
        session.post(server.url + "/make", creates=True)
    with pytest.raises(Transient):
        session.get(server.url + "/echo")


def test_no_automatic_retry_of_a_post(server):
    server.inject(AcceptThenReset())
    with pytest.raises(Unconfirmed):
        make_session().post(server.url + "/make", creates=True)
    assert len(server.requests_to("POST", "/make")) == 1


# ---- status codes --------------------------------------------------------------------------
def _answer(server, status, headers=None, json=None):
    server.inject(Status(status, headers=headers or {}, json=json))
    return make_session().post(server.url + "/make")


def test_401_is_auth_expired(server):
    with pytest.raises(AuthExpired) as caught:
        check(_answer(server, 401, json={"error": "The access token is invalid"}))
    assert caught.value.reason == "The access token is invalid"


def test_403_invalid_token_is_auth_expired_but_other_403_is_permanent(server):
    with pytest.raises(AuthExpired):
        check(_answer(server, 403, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'}))
    with pytest.raises(Permanent) as caught:
        check(_answer(server, 403, json={"detail": "You are not allowed to create a Tweet with duplicate content."}))
    assert "duplicate content" in caught.value.reason


@pytest.mark.parametrize("headers, expected", [
    ({"Retry-After": "120"}, NOW + timedelta(seconds=120)),
    ({"Retry-After": "Sun, 01 Mar 2026 12:05:00 GMT"}, NOW + timedelta(minutes=5)),
    ({"X-RateLimit-Reset": "2026-03-01T12:10:00.000Z"}, NOW + timedelta(minutes=10)),  # Mastodon
    ({"x-rate-limit-reset": str(int((NOW + timedelta(minutes=15)).timestamp()))}, NOW + timedelta(minutes=15)),  # X
    ({"RateLimit-Reset": "30"}, NOW + timedelta(seconds=30)),  # IETF draft: seconds
    ({"X-RateLimit-Reset-After": "1.5"}, NOW + timedelta(seconds=1.5)),  # Discord
    ({"Retry-After": "10", "X-RateLimit-Reset": "2026-03-01T12:01:00Z"}, NOW + timedelta(minutes=1)),
    ({}, NOW + timedelta(seconds=60)),
])
def test_429_waits_until_the_time_the_headers_name(server, headers, expected):
    response = _answer(server, 429, headers=headers)
    with pytest.raises(RateLimited) as caught:
        check(response, now=lambda: NOW)
    assert caught.value.retry_at == expected
    assert retry_at(response.headers, now=lambda: NOW) == expected


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_is_transient(server, status):
    with pytest.raises(Transient):
        check(_answer(server, status))


@pytest.mark.parametrize("body, reason", [
    ({"error": "Validation failed: Text character limit of 500 exceeded"}, "Validation failed: Text character limit of 500 exceeded"),
    ({"error": "invalid_grant", "error_description": "The code has expired."}, "The code has expired."),
    ({"message": "Record not found"}, "Record not found"),
    ({"title": "Forbidden", "detail": "Not allowed.", "type": "about:blank", "status": 403}, "Not allowed."),
    ({"errors": [{"message": "first"}, {"message": "second"}]}, "first; second"),
    ({"error": {"message": "(#100) Invalid parameter", "code": 100}}, "(#100) Invalid parameter"),
])
def test_other_4xx_is_permanent_with_the_networks_own_words(server, body, reason):
    with pytest.raises(Permanent) as caught:
        check(_answer(server, 422, json=body))
    assert caught.value.reason == reason


def test_a_2xx_garbage_body_is_unconfirmed_on_create_and_transient_on_read(server):
    server.inject(Garbage(), Garbage())
    session = make_session()
    with pytest.raises(Unconfirmed, match="unexpected"):
        json_body(session.post(server.url + "/make", creates=True), creates=True, required=["id"])
    with pytest.raises(Transient, match="unexpected"):
        json_body(session.get(server.url + "/echo"), required=["ua"])


def test_a_2xx_missing_a_documented_field_is_unexpected(server):
    with pytest.raises(Transient, match="unexpected"):
        json_body(make_session().get(server.url + "/echo"), required=["id"])


# ---- nothing secret in logs or errors --------------------------------------------------------
def test_no_token_reaches_the_log_or_an_error_message(server, caplog):
    caplog.set_level(logging.DEBUG)
    session = make_session()
    session.headers["Authorization"] = f"Bearer {TOKEN}"
    session.get(server.url + f"/echo?access_token={TOKEN}")  # the body echoes the token too
    server.inject(Status(422, json={"error": f"bad token {TOKEN} given", "access_token": TOKEN}))
    with pytest.raises(Permanent) as refused:
        check(session.post(server.url + "/make", data={"password": TOKEN}))
    session.get(server.url + "/echo", params={"client_secret": TOKEN, "page": "2"})
    server.inject(Drop())
    with pytest.raises(Unconfirmed) as broke:
        session.post(server.url + f"/make?token={TOKEN}", creates=True)
    for where in (caplog.text, str(refused.value), refused.value.reason, str(broke.value)):
        assert TOKEN not in where
    assert "/echo" in caplog.text  # the exchange itself was logged


@pytest.mark.parametrize("url, secret", [
    ("https://discord.com/api/webhooks/123456/AbC-dEf_123456789xyz", "AbC-dEf_123456789xyz"),
    ("https://api.telegram.org/bot123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"),
])
def test_tokens_in_url_paths_are_masked_in_refusals(url, secret, caplog):
    caplog.set_level(logging.DEBUG)
    with pytest.raises(InsecureRequest) as caught:
        make_session().get(url.replace("https://", "gopher://"))
    assert secret not in str(caught.value)


# ---- masking, for any token ------------------------------------------------------------------
_TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
tokens = st.text(alphabet=_TOKEN_CHARS, min_size=12, max_size=80)
_PLACES = [
    "Authorization: Bearer {t}",
    "headers={{'Authorization': 'Bot {t}'}}",
    "GET https://h/api?client_id=abc&access_token={t}&x=1",
    "grant_type=refresh_token&refresh_token={t}",
    '{{"access_token": "{t}", "token_type": "Bearer"}}',
    '{{"password":"{t}"}}',
    "POST https://discord.com/api/webhooks/123456789/{t}?wait=true",
    "POST https://api.telegram.org/bot987654:{t}/sendPhoto",
]


@settings(max_examples=60, deadline=None)
@given(token=tokens, place=st.sampled_from(_PLACES))
def test_a_token_in_any_known_place_is_masked(token, place):
    assume(token not in place.format(t=""))  # a "token" spelled like the field name stays visible
    assert token not in redact(place.format(t=token))


@settings(max_examples=40, deadline=None)
@given(seconds=st.integers(min_value=0, max_value=999_999))
def test_retry_after_seconds_is_exact(seconds):
    assert retry_at({"Retry-After": str(seconds)}, now=lambda: NOW) == NOW + timedelta(seconds=seconds)
