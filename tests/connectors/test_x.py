# SPDX-License-Identifier: GPL-3.0-or-later
"""The X connector against the X contract server: public-client PKCE sign-in, rotating refresh
tokens, media with alt text, polls, threads, errors and lookup."""

from __future__ import annotations

import logging
import socket
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from cmdesk.core.connectors.base import PostPart
from cmdesk.core.connectors.errors import AuthExpired, Permanent, RateLimited, Unconfirmed
from cmdesk.core.connectors.http import make_session
from cmdesk.core.connectors.x import XConnector
from cmdesk.core.model import Account, to_iso
from cmdesk.core.secrets import MemorySecretStore
from tests.connectors.mastodon_fixtures import image, jpeg, request
from tests.contract.server import AcceptThenReset, ContractServer, Drop, Status
from tests.contract.x import CLIENT_ID, USER, issue_tokens, x_routes


@pytest.fixture
def server():
    with ContractServer() as s:
        yield x_routes(s)


@pytest.fixture
def connector(server):
    tokens = issue_tokens(server)
    secrets = MemorySecretStore()
    account = Account(network="x", name="@brand", server=server.url,
                      settings={"user_id": USER["id"], "username": "brand"})
    secrets.set(account.secret_key, {
        "client_id": CLIENT_ID, "access_token": tokens["access_token"],
        "refresh_token": tokens["refresh_token"],
        "expires_at": to_iso(datetime.now(timezone.utc) + timedelta(hours=2))})
    return XConnector(account, secrets, make_session())


def tweets(server):
    return list(server.state["tweets"].values())


def secret(connector):
    return connector.secrets.get(connector.account.secret_key)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_sign_in_as_a_public_client_keeps_everything_in_the_secret_store(server):
    port = _free_port()
    server.state["redirect_uris"].add(f"http://127.0.0.1:{port}/callback")
    opened = []

    def browser(url):
        opened.append(url)
        requests.get(url, timeout=10)

    secrets = MemorySecretStore()
    account = XConnector.sign_in({"client_id": CLIENT_ID, "port": str(port), "server": server.url},
                                 secrets=secrets, http=make_session(), browser=browser)
    query = parse_qs(urlsplit(opened[0]).query)
    assert "offline.access" in query["scope"][0].split() and query["code_challenge_method"] == ["S256"]
    (exchange,) = server.requests_to("POST", "/2/oauth2/token")
    assert set(exchange.form) == {"code", "grant_type", "client_id", "redirect_uri", "code_verifier"}
    assert exchange.header("authorization") is None  # public client: no secret anywhere
    stored = secrets.get(account.secret_key)
    assert stored["client_id"] == CLIENT_ID and stored["refresh_token"] in server.state["refresh_tokens"]
    assert (account.name, account.settings["user_id"], account.expires_at) == ("@brand", USER["id"], None)
    assert CLIENT_ID not in str(account.to_doc())


def test_a_post_with_images_uploads_then_sets_alt_text_then_posts(server, connector):
    result = connector.publish(request(PostPart("Look", media=[image("A red square"), image(color="blue")])))
    uploads = server.requests_to("POST", "/2/media/upload")
    assert [u.form["media_category"] for u in uploads] == [["tweet_image"], ["tweet_image"]]
    assert uploads[0].files["media"][0]["data"] == jpeg("red")
    (meta,) = server.requests_to("POST", "/2/media/metadata")  # the blue one has no alt text
    media_ids = list(server.state["media"])
    assert meta.json == {"id": media_ids[0], "metadata": {"alt_text": {"text": "A red square"}}}
    (sent,) = server.requests_to("POST", "/2/tweets")
    assert sent.json == {"text": "Look", "media": {"media_ids": media_ids}}
    assert result.remote_url == f"https://x.com/brand/status/{result.remote_id}"


def test_a_poll_and_a_thread(server, connector):
    req = request("Vote!", "Details below", poll={"options": ["A", "B"], "expires_in": 2 * 3600})
    result = connector.publish(req)
    first, second = (r.json for r in server.requests_to("POST", "/2/tweets"))
    assert first == {"text": "Vote!", "poll": {"options": ["A", "B"], "duration_minutes": 120}}
    assert second == {"text": "Details below", "reply": {"in_reply_to_tweet_id": result.part_ids[0]}}


def test_duplicate_content_is_permanent_with_xs_words(connector):
    connector.publish(request("Same words"))
    with pytest.raises(Permanent, match="duplicate content"):
        connector.publish(request("Same words"))


def test_a_problem_json_400_is_permanent_with_its_detail(server, connector):
    server.inject(Status(400, json={"title": "Invalid Request", "detail": "Your media IDs are invalid.",
                                    "type": "about:blank", "status": 400}), path="/2/tweets")
    with pytest.raises(Permanent) as caught:
        connector.publish(request("Hello"))
    assert caught.value.reason == "Your media IDs are invalid."


def test_429_waits_until_x_rate_limit_reset(server, connector):
    server.inject(Status(429, headers={"x-rate-limit-remaining": "0", "x-rate-limit-reset": "1924992000"},
                         json={"title": "Too Many Requests", "detail": "Too Many Requests", "status": 429}))
    with pytest.raises(RateLimited) as caught:
        connector.publish(request("Hello"))
    assert caught.value.retry_at == datetime(2031, 1, 1, tzinfo=timezone.utc)


def test_an_expired_access_token_is_refreshed_first_and_the_rotated_pair_saved(server, connector):
    old = secret(connector)
    connector.now = lambda: datetime.now(timezone.utc) + timedelta(hours=3)
    connector.publish(request("After a nap"))
    new = secret(connector)
    assert new["access_token"] != old["access_token"] and new["refresh_token"] != old["refresh_token"]
    assert old["refresh_token"] not in server.state["refresh_tokens"]  # rotated away
    (refresh,) = server.requests_to("POST", "/2/oauth2/token")
    assert refresh.form == {"grant_type": ["refresh_token"], "refresh_token": [old["refresh_token"]],
                            "client_id": [CLIENT_ID]}
    assert len(tweets(server)) == 1


def test_a_401_refreshes_once_and_sends_again(server, connector):
    server.state["tokens"].clear()  # revoked server-side, refresh token still good
    connector.publish(request("Second chance"))
    assert len(server.requests_to("POST", "/2/tweets")) == 2 and len(tweets(server)) == 1


def test_a_dead_refresh_token_means_sign_in_again(server, connector):
    server.state["tokens"].clear()
    server.state["refresh_tokens"].clear()
    with pytest.raises(AuthExpired):
        connector.publish(request("Nope"))
    assert tweets(server) == []


@pytest.mark.parametrize("text", ["Read https://example.com/a?b=1 & more", "Plain one"])
def test_accept_then_reset_is_unconfirmed_and_lookup_finds_it(server, connector, text):
    req = request(text)
    server.inject(AcceptThenReset(), path="/2/tweets")
    with pytest.raises(Unconfirmed):
        connector.publish(req)
    # X gives the text back with t.co links and HTML entities.
    (made,) = tweets(server)
    made["text"] = made["text"].replace("https://example.com/a?b=1", "https://t.co/abc123").replace("&", "&amp;")
    found = connector.lookup(req)
    assert found is not None and found.remote_id == made["id"]
    assert len(server.requests_to("POST", "/2/tweets")) == 1


def test_lookup_says_no_when_nothing_went_out(server, connector):
    req = request("Lost in transit")
    server.inject(Drop(), path="/2/tweets")
    with pytest.raises(Unconfirmed):
        connector.publish(req)
    assert connector.lookup(req) is None
    connector.publish(req)
    assert len(tweets(server)) == 1


def test_lookup_of_a_half_thread_records_the_part_out_so_publish_resumes(server, connector):
    req = request("thread one", "thread two")

    def checkpoint(progress):  # part one is out: the connection drops before part two arrives
        if progress.get("part_ids") and not server.state.get("dropped"):
            server.state["dropped"] = True
            server.inject(Drop(), path="/2/tweets")

    req.checkpoint = checkpoint
    with pytest.raises(Unconfirmed):
        connector.publish(req)
    req.progress.pop("part_ids")  # the crash came before the checkpoint reached the disk
    assert connector.lookup(req) is None
    first = tweets(server)[0]["id"]
    assert req.progress["part_ids"] == [first]
    result = connector.publish(req)
    assert result.part_ids[0] == first and len(tweets(server)) == 2
    assert tweets(server)[1]["referenced_tweets"] == [{"type": "replied_to", "id": first}]


def test_metrics_and_check_and_sign_out(server, connector):
    result = connector.publish(request("Metrics"))
    server.state["tweets"][result.remote_id]["public_metrics"].update(like_count=7, reply_count=2)
    metrics = connector.metrics(result.remote_id)
    assert (metrics["likes"], metrics["replies"], metrics["retweets"]) == (7, 2, 0)
    assert connector.check().ok
    connector.sign_out()
    assert server.state["tokens"] == {} and server.state["refresh_tokens"] == set()


def test_no_token_in_the_log(server, connector, caplog):
    caplog.set_level(logging.DEBUG)
    connector.now = lambda: datetime.now(timezone.utc) + timedelta(hours=3)  # forces a refresh
    connector.publish(request(PostPart("Logged", media=[image("alt")])))
    for value in list(secret(connector).values()):
        if value and len(str(value)) > 10 and value != CLIENT_ID:
            assert str(value) not in caplog.text
    assert "/2/tweets" in caplog.text


def test_a_retry_told_duplicate_adopts_the_post_its_first_try_made(server, connector):
    req = request("Went out behind a reset")
    server.inject(AcceptThenReset(), path="/2/tweets")
    with pytest.raises(Unconfirmed):
        connector.publish(req)
    result = connector.publish(req)  # a retry without lookup: X says "duplicate content"
    (made,) = tweets(server)
    assert result.remote_id == made["id"]


def test_a_duplicate_of_an_older_post_stays_permanent(server, connector):
    connector.publish(request("Said it last week"))
    for tweet in tweets(server):
        tweet["created_at"] = "2020-01-01T00:00:00.000Z"
    with pytest.raises(Permanent, match="duplicate content"):
        connector.publish(request("Said it last week"))  # a first try: nothing to adopt
    retry = request("Said it last week")
    retry.progress["sent_at"] = to_iso(datetime.now(timezone.utc))
    with pytest.raises(Permanent, match="duplicate content"):
        connector.publish(retry)  # a retry, but the twin is older than the attempt
