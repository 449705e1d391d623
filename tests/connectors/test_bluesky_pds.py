# SPDX-License-Identifier: GPL-3.0-or-later
"""Bluesky against a REAL PDS on loopback: what we publish is read back from the repository
(text, facets at UTF-8 byte offsets, alt text, aspect ratio, identical image bytes, thread refs),
a crash never makes a second post, and sessions refresh or fail with a clear reason."""

from __future__ import annotations

import io
from datetime import datetime, timezone

import pytest
import requests
from PIL import Image

from cmdesk.core.connectors.base import PostPart, PreparedMedia, PublishRequest
from cmdesk.core.connectors.bluesky import BlueskyConnector
from cmdesk.core.connectors.errors import AuthExpired, Permanent
from cmdesk.core.connectors.http import make_session
from tests.connectors.byo_support import MemorySecrets

pytestmark = pytest.mark.peer

PLANNED = datetime(2026, 11, 22, 9, 30, tzinfo=timezone.utc)


def picture(size: tuple[int, int], fmt: str, color: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, color)
    image.putpixel((1, 1), (255 - color[0], 3, 7))  # not a flat colour: proves bytes, not looks
    image.save(out, fmt)
    return out.getvalue()


@pytest.fixture(autouse=True)
def local_plc(pds, monkeypatch):
    monkeypatch.setattr(BlueskyConnector, "PLC", pds.plc)


@pytest.fixture
def user(pds):
    return pds.create_account()


@pytest.fixture
def secrets():
    return MemorySecrets()


@pytest.fixture
def connector(pds, user, secrets):
    account = BlueskyConnector.sign_in(
        {"identifier": user["handle"], "password": user["app_password"], "server": pds.url},
        secrets=secrets, http=make_session())
    return BlueskyConnector(account, secrets, make_session())


def request(*parts: PostPart, key: str = "key-1") -> PublishRequest:
    return PublishRequest(attempt_id="a1", idempotency_key=key, parts=list(parts),
                          planned_at=PLANNED)


def rkey(uri: str) -> str:
    return uri.rsplit("/", 1)[-1]


def test_sign_in_with_an_app_password_keeps_tokens_out_of_the_account(pds, user, secrets):
    account = BlueskyConnector.sign_in(
        {"identifier": "@" + user["handle"], "password": user["app_password"], "server": pds.url},
        secrets=secrets, http=make_session())
    assert account.server == pds.url  # the PDS the user named
    assert (account.name, account.settings["did"]) == (user["handle"], user["did"])
    stored = secrets.get(account.secret_key)
    assert stored["accessJwt"] and stored["refreshJwt"]
    assert user["app_password"] not in str(account.to_doc())
    assert BlueskyConnector(account, secrets, make_session()).check().display_name == user["handle"]


def test_without_a_server_the_did_document_names_the_pds(pds, user, secrets, monkeypatch):
    monkeypatch.setattr(BlueskyConnector, "ENTRYWAY", pds.url)  # stands in for bsky.social
    account = BlueskyConnector.sign_in(
        {"identifier": user["handle"], "password": user["app_password"], "server": ""},
        secrets=secrets, http=make_session())
    port = pds.url.rsplit(":", 1)[1]
    # Read from the PLC directory: the PDS calls itself http://localhost:<port>.
    assert account.server == f"http://localhost:{port}"
    assert BlueskyConnector(account, secrets, make_session()).check().ok


def test_a_wrong_app_password_is_refused_with_the_pds_reason(pds, user, secrets):
    with pytest.raises(AuthExpired) as caught:
        BlueskyConnector.sign_in({"identifier": user["handle"], "password": "wrong-pass-word",
                                  "server": pds.url}, secrets=secrets, http=make_session())
    assert "Invalid identifier or password" in caught.value.reason
    assert secrets.data == {}


def test_the_main_password_is_refused_so_cmdesk_never_keeps_it(pds, user, secrets):
    with pytest.raises(Permanent) as caught:
        BlueskyConnector.sign_in({"identifier": user["handle"], "password": user["password"],
                                  "server": pds.url}, secrets=secrets, http=make_session())
    assert "app password" in caught.value.reason and secrets.data == {}


def test_text_with_link_mention_tag_and_two_images_reads_back_identically(pds, user, connector):
    friend = pds.create_account()
    text = (f"Été 🎉 à Lyon : https://example.fr/programme?j=1 avec @{friend['handle']} "
            "#Fête @nobody-here.test")
    jpeg = picture((64, 48), "JPEG", (200, 30, 30))
    png = picture((30, 90), "PNG", (20, 120, 220))
    media = [PreparedMedia(jpeg, "image/jpeg", 64, 48, alt="Une scène rouge"),
             PreparedMedia(png, "image/png", 30, 90, alt="Bleu, en hauteur",
                           filename="b.png")]
    result = connector.publish(request(PostPart(text, media)))

    record = pds.get_record(user["did"], rkey(result.remote_id))["value"]
    raw = text.encode()
    link = b"https://example.fr/programme?j=1"
    mention = ("@" + friend["handle"]).encode()
    assert record["text"] == text
    assert record["facets"] == [
        {"index": {"byteStart": raw.index(link), "byteEnd": raw.index(link) + len(link)},
         "features": [{"$type": "app.bsky.richtext.facet#link",
                       "uri": "https://example.fr/programme?j=1"}]},
        {"index": {"byteStart": raw.index(mention), "byteEnd": raw.index(mention) + len(mention)},
         "features": [{"$type": "app.bsky.richtext.facet#mention", "did": friend["did"]}]},
        {"index": {"byteStart": raw.index("#Fête".encode()),
                   "byteEnd": raw.index("#Fête".encode()) + len("#Fête".encode())},
         "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "Fête"}]},
    ]  # the unknown handle stays plain text
    images = record["embed"]["images"]
    assert [i["alt"] for i in images] == ["Une scène rouge", "Bleu, en hauteur"]
    assert [i["aspectRatio"] for i in images] == [{"width": 64, "height": 48},
                                                 {"width": 30, "height": 90}]
    assert [i["image"]["mimeType"] for i in images] == ["image/jpeg", "image/png"]
    cids = [i["image"]["ref"]["$link"] for i in images]
    assert [pds.blob(user["did"], c) for c in cids] == [jpeg, png]
    assert result.remote_url == f"https://bsky.app/profile/{user['handle']}/post/{rkey(result.remote_id)}"


def test_a_thread_of_three_chains_root_and_parent_by_uri_and_cid(pds, user, connector):
    result = connector.publish(request(PostPart("1/3 début"), PostPart("2/3 milieu"),
                                       PostPart("3/3 fin")))
    records = [pds.get_record(user["did"], rkey(uri)) for uri in result.part_ids]
    refs = [{"uri": r["uri"], "cid": r["cid"]} for r in records]
    assert [r["value"]["text"] for r in records] == ["1/3 début", "2/3 milieu", "3/3 fin"]
    assert "reply" not in records[0]["value"]
    assert records[1]["value"]["reply"] == {"root": refs[0], "parent": refs[0]}
    assert records[2]["value"]["reply"] == {"root": refs[0], "parent": refs[1]}
    assert result.remote_id == refs[0]["uri"]


def test_after_a_crash_the_lookup_finds_the_post_and_a_resend_makes_no_duplicate(
        pds, user, connector):
    assert connector.lookup(request(PostPart("Une seule fois"), key="crash")) is None
    sent = connector.publish(request(PostPart("Une seule fois"), key="crash"))

    # A new process: nothing remembered but the stored attempt (key and planned time).
    again = request(PostPart("Une seule fois"), key="crash")
    assert connector.lookup(again).remote_id == sent.remote_id
    resent = connector.publish(request(PostPart("Une seule fois"), key="crash"))
    assert resent.remote_id == sent.remote_id
    texts = [r["value"]["text"] for r in pds.list_records(user["did"])]
    assert texts.count("Une seule fois") == 1


def test_a_thread_cut_by_a_crash_is_finished_without_repeating_its_first_part(
        pds, user, connector):
    first = connector.publish(request(PostPart("A"), key="cut"))  # as if we died after part 1
    parts = [PostPart("A"), PostPart("B")]
    assert connector.lookup(request(*parts, key="cut")) is None  # not all of it went out
    done = connector.publish(request(*parts, key="cut"))
    assert done.part_ids[0] == first.remote_id
    texts = sorted(r["value"]["text"] for r in pds.list_records(user["did"]))
    assert texts == ["A", "B"]


def test_different_attempts_get_different_record_keys(connector):
    one = connector.publish(request(PostPart("même texte"), key="k-one"))
    two = connector.publish(request(PostPart("même texte"), key="k-two"))
    assert rkey(one.remote_id) != rkey(two.remote_id)


def test_an_expired_access_token_is_refreshed_and_the_new_pair_is_stored(
        pds, user, connector, secrets):
    key = connector.account.secret_key
    old = secrets.get(key)
    expired = pds.expired_copy(old["accessJwt"])
    secrets.set(key, {**old, "accessJwt": expired})
    fresh = BlueskyConnector(connector.account, secrets, make_session())
    fresh.publish(request(PostPart("après rafraîchissement")))
    now = secrets.get(key)
    # The refresh JWT rotates on every refresh (it carries a unique id).
    assert now["accessJwt"] != expired and now["refreshJwt"] != old["refreshJwt"]
    assert [r["value"]["text"] for r in pds.list_records(user["did"])] == ["après rafraîchissement"]


def test_a_dead_refresh_token_falls_back_to_the_app_password(pds, connector, secrets):
    key = connector.account.secret_key
    old = secrets.get(key)
    expired = {**old, "accessJwt": pds.expired_copy(old["accessJwt"]),
               "refreshJwt": pds.expired_copy(old["refreshJwt"])}
    secrets.set(key, expired)
    assert BlueskyConnector(connector.account, secrets, make_session()).check().ok
    assert secrets.get(key)["accessJwt"] != expired["accessJwt"]


def test_a_revoked_app_password_ends_in_auth_expired(pds, user, connector, secrets):
    key = connector.account.secret_key
    old = secrets.get(key)
    secrets.set(key, {**old, "accessJwt": pds.expired_copy(old["accessJwt"]),
                      "refreshJwt": pds.expired_copy(old["refreshJwt"]), "password": "revoked"})
    with pytest.raises(AuthExpired):
        BlueskyConnector(connector.account, secrets, make_session()).check()


def test_a_text_over_300_graphemes_is_refused_by_the_pds_as_permanent(pds, user, connector):
    with pytest.raises(Permanent):
        connector.publish(request(PostPart("é" * 301)))
    assert pds.list_records(user["did"]) == []


def test_sign_out_revokes_the_session_on_the_pds_and_forgets_it(pds, connector, secrets):
    refresh = secrets.get(connector.account.secret_key)["refreshJwt"]
    connector.sign_out()
    assert secrets.get(connector.account.secret_key) is None
    answer = requests.post(f"{pds.url}/xrpc/com.atproto.server.refreshSession", timeout=30,
                           headers={"Authorization": f"Bearer {refresh}"})
    assert answer.status_code == 400 and answer.json()["error"] in ("ExpiredToken", "InvalidToken")
