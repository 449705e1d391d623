# SPDX-License-Identifier: GPL-3.0-or-later
"""Telegram against the Bot API contract server: the exact requests (UTF-16 entity offsets for
French text with emoji, multipart photos, attach:// albums, replies), every failure typed, and a
lookup that never claims more than the Bot API can know."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmdesk.core.connectors.base import PostPart, PreparedMedia, PublishRequest
from cmdesk.core.connectors.errors import (
    AuthExpired,
    Permanent,
    RateLimited,
    Transient,
    Unconfirmed,
)
from cmdesk.core.connectors.http import make_session
from cmdesk.core.connectors.telegram import TelegramConnector, entities
from tests.connectors.byo_support import MemorySecrets
from tests.contract.server import AcceptThenReset, ContractServer, Delay, Garbage, Status
from tests.contract.telegram import CHANNEL, CHAT_ID, TOKEN, flood, telegram_routes

TEXT = "Été 🎉 à Lyon : https://example.fr/fête #Musique 👩‍👩‍👧 #Été2026"


@pytest.fixture
def server(monkeypatch):
    with ContractServer() as s:
        telegram_routes(s)
        monkeypatch.setattr(TelegramConnector, "API", s.url)
        yield s


@pytest.fixture
def secrets():
    return MemorySecrets()


def connect(server, secrets, **session):
    account = TelegramConnector.sign_in({"bot_token": TOKEN, "channel": CHANNEL},
                                        secrets=secrets, http=make_session())
    server.requests.clear()
    return TelegramConnector(account, secrets, make_session(**session))


@pytest.fixture
def connector(server, secrets):
    return connect(server, secrets)


def photo(name: str = "a.jpg") -> PreparedMedia:
    return PreparedMedia(b"\xff\xd8" + name.encode(), "image/jpeg", 10, 10, alt="ignored",
                         filename=name)


def request(*parts: PostPart) -> PublishRequest:
    return PublishRequest(attempt_id="a1", idempotency_key="k1", parts=list(parts))


def utf16_slice(text: str, entity: dict) -> str:
    raw = text.encode("utf-16-le")
    return raw[entity["offset"] * 2:(entity["offset"] + entity["length"]) * 2].decode("utf-16-le")


def test_sign_in_checks_the_bot_is_a_channel_admin_and_keeps_the_token_secret(server, secrets):
    connector = connect(server, secrets)
    account = connector.account
    assert (account.name, account.settings["chat_id"]) == ("Cmdesk news", CHAT_ID)
    assert TOKEN not in json.dumps(account.to_doc())
    assert secrets.get(account.secret_key) == {"bot_token": TOKEN}


def test_sign_in_refuses_a_bot_that_cannot_post(server, secrets):
    server.state["admin"] = False
    with pytest.raises(AuthExpired) as caught:
        connect(server, secrets)
    assert "administrator" in caught.value.reason and TOKEN not in caught.value.reason
    assert secrets.data == {}


def test_entity_offsets_are_utf16_code_units():
    found = entities(TEXT)
    assert [utf16_slice(TEXT, e) for e in found] == ["https://example.fr/fête", "#Musique",
                                                     "#Été2026"]
    assert [e["type"] for e in found] == ["url", "hashtag", "hashtag"]
    assert found[0]["offset"] == 16  # "🎉" is two UTF-16 units: character 15, unit 16


@given(st.text(alphabet=st.sampled_from(list("aé 🎉👩‍👩‍👧\u0301中\n")), max_size=15))
def test_entity_offsets_cut_the_link_and_tag_whatever_comes_before(before):
    text = f"{before} https://example.fr/é #Fête"
    assert [utf16_slice(text, e) for e in entities(text)][-2:] == ["https://example.fr/é", "#Fête"]


def test_text_goes_out_with_entities(server, connector):
    result = connector.publish(request(PostPart(TEXT)))
    sent = server.requests_to("POST", rf"/bot{TOKEN}/sendMessage")[0].json
    assert sent == {"chat_id": CHAT_ID, "text": TEXT, "entities": entities(TEXT)}
    assert result.remote_url == f"https://t.me/{CHANNEL[1:]}/{result.remote_id}"


def test_one_photo_is_multipart_with_its_caption(server, connector):
    connector.publish(request(PostPart("Légende #photo", [photo()])))
    sent = server.requests_to("POST", rf"/bot{TOKEN}/sendPhoto")[0]
    assert sent.files["photo"][0]["data"] == b"\xff\xd8a.jpg"
    assert sent.form["caption"] == ["Légende #photo"]
    assert json.loads(sent.form["caption_entities"][0]) == [
        {"type": "hashtag", "offset": 8, "length": 6}]


def test_several_photos_are_one_album_with_attach_names(server, connector):
    result = connector.publish(request(PostPart("Album 📸", [photo("a.jpg"), photo("b.png")])))
    sent = server.requests_to("POST", rf"/bot{TOKEN}/sendMediaGroup")[0]
    assert json.loads(sent.form["media"][0]) == [
        {"type": "photo", "media": "attach://f0", "caption": "Album 📸", "caption_entities": []},
        {"type": "photo", "media": "attach://f1"}]
    assert [sent.files[n][0]["data"] for n in ("f0", "f1")] == [b"\xff\xd8a.jpg", b"\xff\xd8b.png"]
    assert len(server.state["messages"]) == 2 and result.part_ids == [result.remote_id]


def test_thread_parts_reply_to_the_first_message(server, connector):
    result = connector.publish(request(PostPart("1/2"), PostPart("2/2")))
    second = server.state["messages"][1]
    assert second["reply_to_message"]["message_id"] == int(result.part_ids[0])


def test_caption_and_text_limits_are_checked_before_sending(server, connector):
    with pytest.raises(Permanent):
        connector.publish(request(PostPart("é" * 1025, [photo()])))
    with pytest.raises(Permanent):
        connector.publish(request(PostPart("🎉" * 2049)))  # 2049 emoji = 4098 UTF-16 units
    assert server.requests == []
    connector.publish(request(PostPart("é" * 4096)))  # exactly at the limit goes out


def test_flood_control_waits_for_retry_after(server, connector):
    server.inject(flood(37))
    with pytest.raises(RateLimited) as caught:
        connector.publish(request(PostPart("Bonjour")))
    wait = caught.value.retry_at - datetime.now(timezone.utc)
    assert timedelta(seconds=35) < wait <= timedelta(seconds=37)
    assert "retry after 37" in caught.value.reason


def test_a_revoked_token_is_auth_expired_without_the_token_in_the_reason(server, connector,
                                                                          secrets):
    secrets.set(connector.account.secret_key, {"bot_token": "123:revoked-token-value"})
    fresh = TelegramConnector(connector.account, secrets, make_session())
    with pytest.raises(AuthExpired) as caught:
        fresh.publish(request(PostPart("Bonjour")))
    assert caught.value.reason == "Unauthorized"


def test_a_bot_removed_from_the_channel_is_auth_expired_with_telegrams_words(server, connector):
    server.inject(Status(403, json={"ok": False, "error_code": 403,
                                    "description": "Forbidden: bot was kicked from the channel chat"}))
    with pytest.raises(AuthExpired) as caught:
        connector.publish(request(PostPart("Bonjour")))
    assert caught.value.reason == "Forbidden: bot was kicked from the channel chat"
    assert server.state["messages"] == []


def test_server_errors_are_transient_and_garbage_after_a_send_is_unconfirmed(server, connector):
    server.inject(Status(502, json={"ok": False, "error_code": 502,
                                    "description": "Bad Gateway"}))
    with pytest.raises(Transient):
        connector.publish(request(PostPart("Bonjour")))
    server.inject(Garbage())
    with pytest.raises(Unconfirmed):
        connector.publish(request(PostPart("Bonjour")))


def test_the_lookup_knows_only_what_was_kept(server, connector):
    kept: list[dict] = []
    req = request(PostPart("Bonjour"))
    req.checkpoint = lambda progress: kept.append(dict(progress))
    assert connector.lookup(req) is None  # never started
    done = connector.publish(req)
    assert kept[0] == {"tg_sending": 0}  # the mark is kept before the send
    assert connector.lookup(req).remote_id == done.remote_id

    lost = request(PostPart("Perdu"))
    server.inject(AcceptThenReset())
    with pytest.raises(Unconfirmed):
        connector.publish(lost)
    assert len(server.state["messages"]) == 2  # it did go out, and nobody can prove it
    with pytest.raises(Unconfirmed):
        connector.lookup(lost)


def test_a_timeout_after_sending_is_unconfirmed(server, secrets):
    connector = connect(server, secrets, timeout=(2.0, 0.3))
    server.inject(Delay(0.6))
    with pytest.raises(Unconfirmed):
        connector.publish(request(PostPart("Lent")))
    assert server.state["sent"].wait(5)
