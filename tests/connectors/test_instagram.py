# SPDX-License-Identifier: GPL-3.0-or-later
"""Instagram against the container contract server and a PUT media host: the exact requests,
containers that take time (the connector never waits), exactly-once after a lost answer, and the
hosted pictures taken down afterwards."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta, timezone

import pytest

from cmdesk.core.connectors.base import PostPart, PreparedMedia, PublishRequest
from cmdesk.core.connectors.errors import Permanent, RateLimited, Transient, Unconfirmed
from cmdesk.core.connectors.instagram import InstagramConnector
from cmdesk.core.model import to_iso
from tests.connectors.byo_support import MemorySecrets, PastingBrowser, point_at, session
from tests.contract.facebook import buc_usage, graph_error
from tests.contract.instagram import instagram_routes
from tests.contract.media_hosts import BUCKET_AUTH, media_host_routes
from tests.contract.meta_containers import APP_ID, APP_SECRET, LONG_TOKEN, REFRESHED_TOKEN
from tests.contract.server import AcceptThenReset, ContractServer, Status


@pytest.fixture
def media():
    with ContractServer() as s:
        yield media_host_routes(s)


@pytest.fixture
def server(media, monkeypatch):
    with ContractServer() as s:
        instagram_routes(s, media.state["files"])
        point_at(monkeypatch, InstagramConnector, s.url)
        yield s


@pytest.fixture
def values(media):
    return {"client_id": APP_ID, "client_secret": APP_SECRET,
            "media_put_url": media.url + "/bucket", "media_public_url": media.url + "/public",
            "media_put_auth": BUCKET_AUTH}


@pytest.fixture
def secrets():
    return MemorySecrets()


@pytest.fixture
def connector(server, secrets, values):
    account = InstagramConnector.sign_in(values, secrets=secrets, http=session(),
                                         browser=PastingBrowser())
    server.requests.clear()
    return InstagramConnector(account, secrets, session())


class Saved:
    """Stands in for the publisher: keeps each checkpoint as it would store it."""

    def __init__(self) -> None:
        self.progress: dict = {}

    def __call__(self, progress: dict) -> None:
        self.progress = copy.deepcopy(progress)


def request(*texts: str, pictures: int = 1, saved: Saved | None = None) -> PublishRequest:
    parts = [PostPart(t) for t in texts]
    parts[0].media = [PreparedMedia(b"\xff\xd8jpeg%d" % i, "image/jpeg", 1080, 1350,
                                    alt=f"picture {i}") for i in range(pictures)]
    return PublishRequest(attempt_id="a1", idempotency_key="k1", parts=parts, checkpoint=saved)


def creates(server):
    return [r.form for r in server.requests_to("POST", r"/v23.0/\d+/media")]


def test_sign_in_keeps_secrets_in_the_keyring_and_the_host_in_settings(server, secrets, values):
    account = InstagramConnector.sign_in(values, secrets=secrets, http=session(),
                                         browser=PastingBrowser())
    assert account.name == "@brand"
    assert account.settings["media_host"] == {"kind": "put", "upload_url": values["media_put_url"],
                                              "public_url": values["media_public_url"]}
    stored = secrets.blob(account.secret_key)
    assert (stored["client_secret"], stored["media_auth"], stored["access_token"]) == (
        APP_SECRET, BUCKET_AUTH, LONG_TOKEN)
    exchange = server.requests_to("POST", "/oauth/access_token")[0].form
    assert exchange["grant_type"] == ["authorization_code"] and exchange["code"] == ["good-code"]
    expires = datetime.fromisoformat(account.expires_at.replace("Z", "+00:00"))
    assert timedelta(days=59) < expires - datetime.now(timezone.utc) < timedelta(days=61)


def test_sign_in_without_a_media_host_is_refused_before_the_browser_opens(server, secrets, values):
    browser = PastingBrowser()
    with pytest.raises(Permanent, match="public address"):
        InstagramConnector.sign_in({**values, "media_put_url": ""}, secrets=secrets,
                                   http=session(), browser=browser)
    assert browser.opened == [] and secrets.data == {}


def test_sign_in_refuses_a_plain_http_public_host(server, secrets, values):
    with pytest.raises(Permanent, match="https"):
        InstagramConnector.sign_in({**values, "media_public_url": "http://media.example.com/x"},
                                   secrets=secrets, http=session(), browser=PastingBrowser())


def test_one_picture_is_hosted_published_then_taken_down(server, media, connector):
    result = connector.publish(request("Hello #brand"))
    put = media.requests_to("PUT", r"/bucket/.*")[0]
    assert put.header("authorization") == BUCKET_AUTH and put.header("content-type") == "image/jpeg"
    name = put.path.rsplit("/", 1)[1]
    assert creates(server) == [{"image_url": [f"{media.url}/public/{name}"],
                                "caption": ["Hello #brand"], "alt_text": ["picture 0"]}]
    published = server.requests_to("POST", r"/v23.0/\d+/media_publish")[0]
    assert published.form["creation_id"] == [next(iter(server.state["containers"]))]
    assert published.header("authorization") == f"Bearer {LONG_TOKEN}"
    assert media.state["files"] == {} and media.state["deleted"] == [name]
    assert result.remote_url == f"https://www.instagram.com/p/{result.remote_id}"


def test_a_carousel_makes_item_containers_then_one_carousel(server, connector):
    connector.publish(request("Three", pictures=3))
    forms = creates(server)
    assert [f.get("is_carousel_item") for f in forms[:3]] == [["true"]] * 3
    assert all("caption" not in f for f in forms[:3])
    children = list(server.state["containers"])[:3]
    assert forms[3] == {"caption": ["Three"], "media_type": ["CAROUSEL"],
                        "children": [",".join(children)]}


def test_a_container_still_processing_sends_the_publisher_back_shortly(server, media, connector):
    server.state["processing_polls"] = 1
    saved = Saved()
    req = request("Slow", saved=saved)
    with pytest.raises(RateLimited) as caught:
        connector.publish(req)
    assert caught.value.retry_at - datetime.now(timezone.utc) < timedelta(minutes=1)
    assert saved.progress["parts"][0]["container"] in server.state["containers"]
    assert len(media.state["files"]) == 1  # still needed until Meta has fetched it
    # The publisher comes back with what it stored: the same container is published.
    retry = request("Slow")
    retry.progress = saved.progress
    result = connector.publish(retry)
    assert len(server.state["containers"]) == 1 and list(server.state["media"]) == [result.remote_id]
    assert len(media.requests_to("PUT", r"/bucket/.*")) == 1 and media.state["files"] == {}


def test_a_lost_publish_answer_is_found_again_never_published_twice(server, connector):
    saved = Saved()
    server.inject(AcceptThenReset(), path=r"/media_publish$")
    with pytest.raises(Unconfirmed):
        connector.publish(request("Once only", saved=saved))
    after_crash = request("Once only")
    after_crash.progress = saved.progress
    found = connector.lookup(after_crash)
    assert found is not None and found.remote_id == next(iter(server.state["media"]))
    again = connector.publish(after_crash)
    assert again.remote_id == found.remote_id and len(server.state["media"]) == 1
    assert len(server.requests_to("POST", r"/v23.0/\d+/media_publish")) == 1


def test_lookup_of_a_container_never_published_says_no(server, connector):
    saved = Saved()
    server.inject(Status(503, json={"error": {"code": 2, "message": "Service unavailable"}}),
                  path=r"/media_publish$")
    with pytest.raises(Transient):
        connector.publish(request("Not yet", saved=saved))
    pending = request("Not yet")
    pending.progress = saved.progress
    assert connector.lookup(pending) is None


def test_a_post_without_a_picture_is_refused(server, connector):
    with pytest.raises(Permanent, match="at least one picture"):
        connector.publish(request("Text only", pictures=0))
    assert server.requests == []


def test_throttling_on_container_creation_waits_the_estimated_time(server, media, connector):
    server.inject(graph_error(4, "Application request limit reached", headers=buc_usage(3)),
                  path=r"/media$")
    with pytest.raises(RateLimited) as caught:
        connector.publish(request("Busy"))
    assert caught.value.retry_at - datetime.now(timezone.utc) > timedelta(minutes=2)
    assert server.state["containers"] == {}


def test_a_media_host_that_refuses_the_upload_is_a_clear_failure(server, media, connector, secrets):
    blob = secrets.blob(connector.account.secret_key)
    secrets.set(connector.account.secret_key, {**blob, "media_auth": "Bearer wrong"})
    with pytest.raises(Permanent):
        connector.publish(request("Nowhere to host"))
    assert server.state["containers"] == {}


def test_parts_after_the_first_become_comments(server, connector):
    result = connector.publish(request("Post", "first comment"))
    assert [c["message"] for c in server.state["comments"].values()] == ["first comment"]
    assert result.part_ids[0] == result.remote_id and len(result.part_ids) == 2


def test_metrics_read_the_insights(server, connector):
    result = connector.publish(request("Counted"))
    got = connector.metrics(result.remote_id)
    assert got == {"likes": 12, "comments": 13, "views": 10, "reach": 11, "saved": 14, "shares": 15}
    metric = server.requests_to("GET", r"/v23.0/\d+/insights")[0].query["metric"][0]
    assert set(metric.split(",")) == set(got)


def test_check_refreshes_a_token_close_to_its_end(server, connector, secrets):
    connector.account.expires_at = to_iso(datetime.now(timezone.utc) + timedelta(days=3))
    found = connector.check()
    assert found.ok and found.display_name == "@brand"
    assert found.expires_at - datetime.now(timezone.utc) > timedelta(days=59)
    assert secrets.blob(connector.account.secret_key)["access_token"] == REFRESHED_TOKEN
    refresh = server.requests_to("GET", "/refresh_access_token")[0]
    assert refresh.query["grant_type"] == ["ig_refresh_token"]


def test_a_refused_container_takes_the_hosted_picture_down(server, media, connector):
    saved = Saved()
    req = request("Refused later", saved=saved)
    server.state["processing_polls"] = 5
    with pytest.raises(RateLimited):
        connector.publish(req)
    assert len(media.state["files"]) == 1
    container = saved.progress["parts"][0]["container"]
    server.state["containers"][container]["status_code"] = "ERROR"
    with pytest.raises(Permanent, match="ERROR"):
        connector.publish(req)
    assert media.state["files"] == {}


def test_recovery_by_lookup_also_takes_the_hosted_picture_down(server, media, connector):
    saved = Saved()
    server.inject(AcceptThenReset(), path=r"/media_publish$")
    with pytest.raises(Unconfirmed):
        connector.publish(request("Out", saved=saved))
    assert len(media.state["files"]) == 1
    after_crash = request("Out")
    after_crash.progress = saved.progress
    assert connector.lookup(after_crash) is not None
    assert media.state["files"] == {}


def test_a_used_up_daily_quota_waits_before_hosting_anything(server, media, connector):
    server.state["quota_usage"] = 50
    with pytest.raises(RateLimited) as caught:
        connector.publish(request("Too many today"))
    assert caught.value.retry_at - datetime.now(timezone.utc) > timedelta(minutes=55)
    assert media.state["files"] == {} and server.state["containers"] == {}
    quota = server.requests_to("GET", r"/v23.0/\d+/content_publishing_limit")[0]
    assert quota.query["fields"] == ["quota_usage,config"]


def test_publishing_renews_a_token_near_its_end_once(server, connector, secrets):
    connector.account.expires_at = to_iso(datetime.now(timezone.utc) + timedelta(days=2))
    connector.publish(request("First"))
    connector.publish(request("Second"))
    assert len(server.requests_to("GET", "/refresh_access_token")) == 1
    assert secrets.blob(connector.account.secret_key)["access_token"] == REFRESHED_TOKEN
    published = server.requests_to("POST", r"/v23.0/\d+/media_publish")
    assert published[-1].header("authorization") == f"Bearer {REFRESHED_TOKEN}"


def test_a_failed_renewal_does_not_stop_a_token_that_still_works(server, connector):
    connector.account.expires_at = to_iso(datetime.now(timezone.utc) + timedelta(days=2))
    server.inject(graph_error(1, "An unknown error occurred", status=500), path="refresh_access_token")
    assert connector.publish(request("Still fine")).remote_id in server.state["media"]


def test_a_carousel_waits_for_its_items_before_it_is_made(server, connector):
    server.state["processing_polls"] = 1  # each item needs one more look before it is ready
    saved = Saved()
    req = request("Three", pictures=3, saved=saved)
    with pytest.raises(RateLimited):
        connector.publish(req)
    assert len(server.state["containers"]) == 3  # the items, no carousel yet
    for _ in range(8):  # the publisher comes back until every item is ready
        try:
            result = connector.publish(req)
            break
        except RateLimited:
            assert len(server.state["containers"]) <= 4  # then the carousel itself processes
    assert len(server.state["containers"]) == 4 and result.remote_id in server.state["media"]
    assert len([f for f in creates(server) if f.get("is_carousel_item")]) == 3  # none made twice
