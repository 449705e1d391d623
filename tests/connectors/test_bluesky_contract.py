# SPDX-License-Identifier: GPL-3.0-or-later
"""Bluesky against the contract server: the faults a real PDS cannot be made to show on demand
(rate limits, lost answers, resets, timeouts, garbage), metrics from getPosts, and exactly one
post whatever breaks."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

from cmdesk.core.connectors.base import PostPart, PreparedMedia, PublishRequest
from cmdesk.core.connectors.bluesky import BlueskyConnector
from cmdesk.core.connectors.errors import (
    AuthExpired,
    Offline,
    RateLimited,
    Transient,
    Unconfirmed,
)
from cmdesk.core.connectors.http import make_session
from tests.connectors.byo_support import MemorySecrets
from tests.contract.bluesky import (
    CREATE,
    bluesky_routes,
    expired_token,
    rate_limited,
    sign_in,
)
from tests.contract.server import AcceptThenReset, ContractServer, Delay, Drop, Garbage, Status

TID = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
PLANNED = datetime(2026, 11, 22, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def server():
    with ContractServer() as s:
        bluesky_routes(s)
        yield s


@pytest.fixture
def secrets():
    return MemorySecrets()


def connect(server, secrets, **session):
    account = sign_in(server, secrets)
    server.requests.clear()
    return BlueskyConnector(account, secrets, make_session(**session))


@pytest.fixture
def connector(server, secrets):
    return connect(server, secrets)


def request(*texts: str, key: str = "k1") -> PublishRequest:
    return PublishRequest(attempt_id="a1", idempotency_key=key,
                          parts=[PostPart(t) for t in texts], planned_at=PLANNED)


def test_create_record_carries_our_tid_the_text_and_the_blob(server, connector):
    part = PostPart("Bonjour @friend.test", [PreparedMedia(b"\xff\xd8jpeg", "image/jpeg", 4, 3,
                                                            alt="Un chat")])
    result = connector.publish(PublishRequest("a1", "k1", [part], planned_at=PLANNED))
    upload = server.requests_to("POST", r"/xrpc/com\.atproto\.repo\.uploadBlob")[0]
    assert (upload.header("content-type"), upload.body) == ("image/jpeg", b"\xff\xd8jpeg")
    body = server.requests_to("POST", CREATE)[0].json
    assert TID.match(body["rkey"]) and body["collection"] == "app.bsky.feed.post"
    assert result.remote_id.endswith("/" + body["rkey"])
    record = body["record"]
    assert record["facets"][0]["features"] == [
        {"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:friend"}]
    assert record["embed"]["images"][0]["alt"] == "Un chat"
    assert record["embed"]["images"][0]["aspectRatio"] == {"width": 4, "height": 3}


def test_the_record_key_is_kept_before_the_create_is_sent(server, connector):
    seen = []
    req = request("Bonjour")
    req.checkpoint = lambda progress: seen.append((dict(progress), len(server.requests)))
    connector.publish(req)
    keys, requests_before = seen[0]
    assert requests_before == 0 and keys["rkeys"][0] == server.requests_to("POST", CREATE)[0].json["rkey"]


def test_metrics_come_from_get_posts(server, connector):
    result = connector.publish(request("Bonjour"))
    server.state["counts"][result.remote_id] = {"likeCount": 7, "repostCount": 2,
                                                "replyCount": 1, "quoteCount": 3}
    assert connector.metrics(result.remote_id) == {"likes": 7, "reposts": 2, "replies": 1,
                                                   "quotes": 3, "bookmarks": 0}


def test_rate_limit_headers_give_the_retry_time(server, connector):
    server.inject(rate_limited(reset_in_s=300), path=CREATE)
    with pytest.raises(RateLimited) as caught:
        connector.publish(request("Bonjour"))
    wait = caught.value.retry_at - datetime.now(timezone.utc)
    assert timedelta(seconds=290) < wait <= timedelta(seconds=301)
    assert server.state["records"] == {}


def test_an_expired_token_is_refreshed_once_and_the_post_made_once(server, connector, secrets):
    server.inject(expired_token(), path=CREATE)
    connector.publish(request("Bonjour"))
    assert server.state["refreshes"] == 1 and len(server.state["records"]) == 1
    assert secrets.get(connector.account.secret_key)["refreshJwt"] == "refresh-2"


def test_a_refused_session_and_password_end_in_auth_expired(server, connector, secrets):
    server.state["access"].clear()
    server.state["refresh"].clear()
    key = connector.account.secret_key
    secrets.set(key, {**secrets.get(key), "password": "revoked-pass"})
    with pytest.raises(AuthExpired) as caught:
        connector.publish(request("Bonjour"))
    assert "revoked-pass" not in str(caught.value) and server.state["records"] == {}


def test_an_answer_lost_after_the_create_is_unconfirmed_then_found_then_never_repeated(
        server, connector):
    server.inject(AcceptThenReset(), path=CREATE)
    with pytest.raises(Unconfirmed):
        connector.publish(request("Bonjour"))
    found = connector.lookup(request("Bonjour"))
    assert found is not None and len(server.state["records"]) == 1
    assert connector.publish(request("Bonjour")).remote_id == found.remote_id
    assert len(server.state["records"]) == 1


def test_a_reset_before_the_create_is_unconfirmed_and_the_lookup_says_not_sent(server, connector):
    server.inject(Drop(), path=CREATE)
    with pytest.raises(Unconfirmed):
        connector.publish(request("Bonjour"))
    assert connector.lookup(request("Bonjour")) is None
    connector.publish(request("Bonjour"))
    assert len(server.state["records"]) == 1


def test_a_timeout_on_the_create_is_unconfirmed_and_the_lookup_settles_it(server, secrets):
    connector = connect(server, secrets, timeout=(2.0, 0.3))
    server.inject(Delay(0.6), path=CREATE)  # the server applies it, late
    with pytest.raises(Unconfirmed):
        connector.publish(request("Bonjour"))
    assert server.state["created"].wait(5)
    assert connector.lookup(request("Bonjour")) is not None


def test_a_server_error_that_made_nothing_stays_transient(server, connector):
    server.inject(Status(502, json={"error": "UpstreamFailure", "message": "bad gateway"}),
                  path=CREATE)
    with pytest.raises(Transient) as caught:
        connector.publish(request("Bonjour"))
    assert "UpstreamFailure" in caught.value.reason and server.state["records"] == {}


def test_garbage_after_a_create_is_unconfirmed(server, connector):
    server.inject(Garbage(), path=CREATE)
    with pytest.raises(Unconfirmed):
        connector.publish(request("Bonjour"))


def test_an_unreachable_pds_is_offline(server, secrets):
    connector = connect(server, secrets)
    server.stop()
    with pytest.raises(Offline):
        connector.publish(request("Bonjour"))


def test_a_lookup_without_a_planned_time_or_kept_key_cannot_tell(connector):
    with pytest.raises(Unconfirmed):
        connector.lookup(PublishRequest("a1", "k1", [PostPart("Bonjour")]))


def test_sign_out_ends_the_session_and_forgets_the_tokens(server, connector, secrets):
    connector.sign_out()
    assert server.state["refresh"] == set()
    assert secrets.get(connector.account.secret_key) is None


def test_two_connectors_of_one_account_refresh_once_not_twice(server, connector, secrets):
    other = BlueskyConnector(connector.account, secrets, make_session())
    connector.check()
    other.check()  # both now hold access-1 in memory
    server.state["access"].clear()  # it expires
    connector.publish(request("Un", key="k-a"))
    other.publish(request("Deux", key="k-b"))  # finds the pair the first one stored
    assert server.state["refreshes"] == 1 and server.state["sessions"] == 2
    assert len(server.state["records"]) == 2
