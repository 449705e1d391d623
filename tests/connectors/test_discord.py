# SPDX-License-Identifier: GPL-3.0-or-later
"""Discord webhooks against the contract server: exact requests (wait=true, JSON or multipart
files[n] + payload_json with descriptions as alt text), every failure typed, and a lookup that
relies only on the message ids we kept."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from cmdesk.core.connectors.base import PostPart, PreparedMedia, PublishRequest
from cmdesk.core.connectors.discord import DiscordConnector
from cmdesk.core.connectors.errors import (
    AuthExpired,
    Permanent,
    RateLimited,
    Transient,
    Unconfirmed,
)
from cmdesk.core.connectors.http import make_session
from tests.connectors.byo_support import MemorySecrets
from tests.contract.discord import (
    CHANNEL_ID,
    GUILD_ID,
    WEBHOOK_ID,
    WEBHOOK_TOKEN,
    discord_routes,
    rate_limited,
    webhook_url,
)
from tests.contract.server import AcceptThenReset, ContractServer, Delay, Garbage, Status

EXECUTE = rf"/api/webhooks/{WEBHOOK_ID}/{WEBHOOK_TOKEN}"


@pytest.fixture
def server():
    with ContractServer() as s:
        discord_routes(s)
        yield s


@pytest.fixture
def secrets():
    return MemorySecrets()


def connect(server, secrets, **session):
    account = DiscordConnector.sign_in({"webhook_url": webhook_url(server) + "?x=1"},
                                       secrets=secrets, http=make_session())
    server.requests.clear()
    return DiscordConnector(account, secrets, make_session(**session))


@pytest.fixture
def connector(server, secrets):
    return connect(server, secrets)


def request(*parts: PostPart) -> PublishRequest:
    return PublishRequest(attempt_id="a1", idempotency_key="k1", parts=list(parts))


def test_sign_in_reads_the_webhook_and_keeps_its_url_in_the_keyring_only(server, secrets):
    connector = connect(server, secrets)
    account = connector.account
    assert (account.name, account.settings["channel_id"]) == ("Annonces", CHANNEL_ID)
    assert WEBHOOK_TOKEN not in json.dumps(account.to_doc())
    assert secrets.get(account.secret_key) == {"webhook_url": webhook_url(server)}


@pytest.mark.parametrize("url", ["https://example.com/api/webhooks/1/abc",
                                 "https://discord.com/channels/1/2", "not a url"])
def test_sign_in_refuses_what_is_not_a_webhook_before_sending_anything(server, secrets, url):
    with pytest.raises(Permanent):
        DiscordConnector.sign_in({"webhook_url": url}, secrets=secrets, http=make_session())
    assert server.requests == [] and secrets.data == {}


def test_text_is_json_with_wait_and_no_pings(server, connector):
    result = connector.publish(request(PostPart("Été 🎉 @everyone à 18 h")))
    sent = server.requests_to("POST", EXECUTE)[0]
    assert sent.query == {"wait": ["true"]}
    assert sent.json == {"content": "Été 🎉 @everyone à 18 h", "allowed_mentions": {"parse": []}}
    assert result.remote_url == f"https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/{result.remote_id}"


def test_a_forum_channel_post_names_its_thread(server, connector):
    req = request(PostPart("Nouveau sujet"))
    req.options["thread_name"] = "Programme de juin"
    connector.publish(req)
    assert server.requests_to("POST", EXECUTE)[0].json["thread_name"] == "Programme de juin"


def test_pictures_are_multipart_files_with_descriptions_as_alt_text(server, connector):
    media = [PreparedMedia(b"\xff\xd8one", "image/jpeg", 4, 4, alt="Une scène", filename="a.jpg"),
             PreparedMedia(b"\x89PNGtwo", "image/png", 4, 4, alt="", filename="b.png")]
    connector.publish(request(PostPart("Photos", media)))
    sent = server.requests_to("POST", EXECUTE)[0]
    assert json.loads(sent.form["payload_json"][0]) == {
        "content": "Photos", "allowed_mentions": {"parse": []},
        "attachments": [{"id": 0, "filename": "a.jpg", "description": "Une scène"},
                        {"id": 1, "filename": "b.png"}]}
    assert [(sent.files[f"files[{i}]"][0]["data"], sent.files[f"files[{i}]"][0]["content_type"])
            for i in range(2)] == [(b"\xff\xd8one", "image/jpeg"), (b"\x89PNGtwo", "image/png")]
    message = next(iter(server.state["messages"].values()))
    assert [a["description"] for a in message["attachments"]] == ["Une scène", None]


def test_over_2000_characters_is_refused_before_sending(server, connector):
    with pytest.raises(Permanent):
        connector.publish(request(PostPart("é" * 2001)))
    assert server.requests == []


def test_rate_limit_headers_give_the_retry_time(server, connector):
    server.inject(rate_limited(12.5))
    with pytest.raises(RateLimited) as caught:
        connector.publish(request(PostPart("Bonjour")))
    wait = caught.value.retry_at - datetime.now(timezone.utc)
    assert timedelta(seconds=11) < wait <= timedelta(seconds=12.5)
    assert server.state["messages"] == {}


def test_a_deleted_or_reset_webhook_is_auth_expired(server, connector):
    server.state["token"] = "reset-token"
    with pytest.raises(AuthExpired) as caught:
        connector.publish(request(PostPart("Bonjour")))
    assert "Invalid Webhook Token" in caught.value.reason
    assert WEBHOOK_TOKEN not in caught.value.reason


def test_a_deleted_webhook_is_auth_expired(server, connector):
    server.inject(Status(404, json={"message": "Unknown Webhook", "code": 10015}))
    with pytest.raises(AuthExpired) as caught:
        connector.publish(request(PostPart("Bonjour")))
    assert "Unknown Webhook" in caught.value.reason


def test_a_missing_message_is_a_permanent_not_found(server, connector):
    with pytest.raises(Permanent):
        connector.metrics("1200000000000000999")


def test_server_errors_are_transient_and_garbage_after_a_send_is_unconfirmed(server, connector):
    server.inject(Status(503, json={"message": "upstream"}))
    with pytest.raises(Transient):
        connector.publish(request(PostPart("Bonjour")))
    server.inject(Garbage())
    with pytest.raises(Unconfirmed):
        connector.publish(request(PostPart("Bonjour")))


def test_lookup_uses_the_kept_id_and_says_when_it_cannot_know(server, connector):
    kept: list[dict] = []
    req = request(PostPart("Bonjour"))
    req.checkpoint = lambda progress: kept.append(dict(progress))
    assert connector.lookup(req) is None  # never started
    done = connector.publish(req)
    assert kept[0] == {"discord_sending": 0}
    assert connector.lookup(req).remote_id == done.remote_id
    assert server.requests_to("GET", EXECUTE + rf"/messages/{done.remote_id}")

    del server.state["messages"][done.remote_id]  # a moderator deletes it
    gone = connector.lookup(req)
    assert gone.remote_id == done.remote_id and gone.extra["deleted"]  # out once: never again

    lost = request(PostPart("Perdu"))
    server.inject(AcceptThenReset())
    with pytest.raises(Unconfirmed):
        connector.publish(lost)
    with pytest.raises(Unconfirmed):
        connector.lookup(lost)
    assert len(server.state["messages"]) == 1  # "Perdu" went out; "Bonjour" was deleted


def test_a_timeout_after_sending_is_unconfirmed(server, secrets):
    connector = connect(server, secrets, timeout=(2.0, 0.3))
    server.inject(Delay(0.6))
    with pytest.raises(Unconfirmed):
        connector.publish(request(PostPart("Lent")))
    assert server.state["sent"].wait(5)


def test_metrics_add_up_the_reactions(server, connector):
    done = connector.publish(request(PostPart("Réagissez")))
    server.state["messages"][done.remote_id]["reactions"] = [
        {"count": 3, "emoji": {"name": "🎉"}}, {"count": 2, "emoji": {"name": "👍"}}]
    assert connector.metrics(done.remote_id) == {"reactions": 5}
