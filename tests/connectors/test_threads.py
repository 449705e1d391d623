# SPDX-License-Identifier: GPL-3.0-or-later
"""Threads against its contract server: text posts, reply chains, polls, the link limit,
pictures hosted in a connected WordPress media library, and exactly-once container publishing."""

from __future__ import annotations

import copy
import json
from datetime import datetime, timedelta, timezone

import pytest

from cmdesk.core.connectors.base import PostPart, PreparedMedia, PublishRequest
from cmdesk.core.connectors.errors import (
    AuthExpired,
    Permanent,
    RateLimited,
    Transient,
    Unconfirmed,
)
from cmdesk.core.connectors.threads import ThreadsConnector
from cmdesk.core.text import measure
from tests.connectors.byo_support import MemorySecrets, PastingBrowser, point_at, session
from tests.contract.facebook import buc_usage, graph_error
from tests.contract.media_hosts import WP_PASSWORD, WP_USER, media_host_routes
from tests.contract.meta_containers import APP_ID, APP_SECRET, USER_ID
from tests.contract.server import AcceptThenReset, ContractServer, Delay, Garbage, Status
from tests.contract.threads import threads_routes

WP_ACCOUNT = "wp-account-1"


@pytest.fixture
def wordpress():
    with ContractServer() as s:
        yield media_host_routes(s)


@pytest.fixture
def server(wordpress, monkeypatch):
    with ContractServer() as s:
        threads_routes(s, wordpress.state["files"])
        point_at(monkeypatch, ThreadsConnector, s.url)
        yield s


@pytest.fixture
def secrets():
    store = MemorySecrets()
    # The WordPress site connected in cmdesk, as its own connector keeps it.
    store.set(f"account:{WP_ACCOUNT}", {"username": WP_USER, "app_password": WP_PASSWORD})
    return store


@pytest.fixture
def connector(server, wordpress, secrets):
    values = {"client_id": APP_ID, "client_secret": APP_SECRET,
              "media_wordpress": WP_ACCOUNT, "media_wordpress_site": wordpress.url}
    account = ThreadsConnector.sign_in(values, secrets=secrets, http=session(),
                                       browser=PastingBrowser())
    server.requests.clear()
    return ThreadsConnector(account, secrets, session())


def request(*texts: str, pictures: int = 0, poll=None, progress=None) -> PublishRequest:
    parts = [PostPart(t) for t in texts]
    parts[0].media = [PreparedMedia(b"\x89PNG%d" % i, "image/png", 1000, 1000, alt=f"alt {i}",
                                    filename="p.png") for i in range(pictures)]
    req = PublishRequest(attempt_id="a1", idempotency_key="k1", parts=parts, poll=poll)
    req.progress = progress or {}
    return req


def containers(server):
    return [{k: v[0] for k, v in r.form.items()}
            for r in server.requests_to("POST", rf"/v1.0/{USER_ID}/threads")]


def test_sign_in_uses_the_threads_grants_and_the_wordpress_host(server, connector, wordpress):
    assert connector.account.name == "@brand"
    assert connector.account.settings["media_host"] == {
        "kind": "wordpress", "account_id": WP_ACCOUNT, "site": wordpress.url}
    assert connector.account.settings["user_id"] == USER_ID


def test_a_text_post_is_one_text_container_published_once(server, connector):
    result = connector.publish(request("Hello Threads"))
    assert containers(server) == [{"media_type": "TEXT", "text": "Hello Threads"}]
    assert len(server.requests_to("POST", rf"/v1.0/{USER_ID}/threads_publish")) == 1
    assert result.remote_url.endswith(result.remote_id)


def test_a_thread_chains_each_part_as_a_reply_to_the_one_before(server, connector):
    result = connector.publish(request("one", "two", "three"))
    sent = containers(server)
    assert [c.get("reply_to_id") for c in sent] == [None, *result.part_ids[:2]]
    assert [server.state["media"][i]["text"] for i in result.part_ids] == ["one", "two", "three"]


def test_a_poll_rides_on_the_text_post(server, connector):
    connector.publish(request("Coffee or tea?", poll={"options": ["Coffee", "Tea", "Both"]}))
    assert json.loads(containers(server)[0]["poll_attachment"]) == {
        "option_a": "Coffee", "option_b": "Tea", "option_c": "Both"}


def test_pictures_go_through_the_wordpress_library_and_are_deleted_after(server, connector, wordpress):
    connector.publish(request("Gallery", pictures=2))
    uploads = wordpress.requests_to("POST", "/wp-json/wp/v2/media")
    assert len(uploads) == 2 and uploads[0].header("authorization").startswith("Basic ")
    assert 'filename="cmdesk-' in uploads[0].header("content-disposition")
    sent = containers(server)
    assert [c["image_url"].startswith(wordpress.url + "/public/cmdesk-") for c in sent[:2]] == [True, True]
    assert sent[0]["is_carousel_item"] == "true" and sent[0]["alt_text"] == "alt 0"
    assert sent[2]["media_type"] == "CAROUSEL" and sent[2]["text"] == "Gallery"
    deletes = wordpress.requests_to("DELETE", r"/wp-json/wp/v2/media/\d+")
    assert [d.query["force"] for d in deletes] == [["true"], ["true"]]
    assert wordpress.state["files"] == {}


def test_the_link_limit_refusal_is_final(server, connector):
    text = " ".join(f"https://example.com/{i}" for i in range(6))
    with pytest.raises(Permanent, match="LINK_LIMIT"):
        connector.publish(request(text))


def test_emoji_weigh_their_utf8_bytes(connector):
    assert ThreadsConnector.capabilities.extra["counting"] == "bytes-for-emoji"
    text = "🎉" * 125  # 4 bytes each: exactly 500
    assert measure("threads", text).used == 500
    connector.publish(request(text))
    with pytest.raises(Permanent, match="500"):
        connector.publish(request(text + "🎉"))


def test_after_a_lost_answer_the_second_part_is_not_posted_twice(server, connector):
    saved, armed = {}, []

    def keep(progress):
        if progress["parts"][0].get("media_id") and not armed:
            armed.append(True)
            # Part one is out: the answer to part two's publish will be lost.
            server.inject(AcceptThenReset(), path=r"/threads_publish$")
        saved.clear()
        saved.update(copy.deepcopy(progress))

    req = request("first", "second")
    req.checkpoint = keep
    with pytest.raises(Unconfirmed):
        connector.publish(req)
    result = connector.publish(request("first", "second", progress=copy.deepcopy(saved)))
    texts = [m["text"] for m in server.state["media"].values()]
    assert texts == ["first", "second"] and len(result.part_ids) == 2
    assert server.state["media"][result.part_ids[1]]["reply_to_id"] == result.part_ids[0]


def test_metrics_and_an_expired_token(server, connector):
    result = connector.publish(request("Counted"))
    assert connector.metrics(result.remote_id)["replies"] == 12
    server.state["tokens"].clear()
    with pytest.raises(AuthExpired):
        connector.publish(request("No more"))


@pytest.mark.parametrize("fault, error", [
    (Status(500, json={"error": {"message": "An unknown error occurred", "code": 1}}), Transient),
    (Garbage(), Unconfirmed),
    (Delay(1.5), Unconfirmed),
    (graph_error(613, "Calls to this api have exceeded the rate limit.", headers=buc_usage(2, USER_ID)),
     RateLimited),
])
def test_failures_creating_a_container_are_typed(server, connector, fault, error):
    if isinstance(fault, Delay):
        connector.http = session(read_timeout_s=0.5)  # the answer comes after 1.5 s
    server.inject(fault, path=r"/threads$")
    with pytest.raises(error):
        connector.publish(request("x"))
    assert server.state["media"] == {}


def test_a_container_meta_refused_is_final(server, connector):
    req = request("x")
    connector.publish(req)
    container = req.progress["parts"][0]["container"]
    server.state["containers"][container]["status_code"] = "ERROR"
    retry = request("x", progress={"parts": [{"hosted": [], "container": container}]})
    with pytest.raises(Permanent, match="ERROR"):
        connector.publish(retry)


def test_lookup_ignores_an_older_post_with_the_same_text(server, connector):
    connector.publish(request("Weekly reminder"))
    next_week = request("Weekly reminder")
    next_week.planned_at = datetime.now(timezone.utc) + timedelta(days=7)
    assert connector.lookup(next_week) is None
