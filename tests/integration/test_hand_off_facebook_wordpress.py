# SPDX-License-Identifier: GPL-3.0-or-later
"""Hand-off through the publisher to Facebook (``scheduled_publish_time``, Graph contract
server) and WordPress (``status=future``, the real WordPress on loopback): the network's copy
follows a move, an edit and a delete, and a move too close to now brings the post home, where it
is published once."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from cmdesk.core.clock import FakeClock
from cmdesk.core.connectors.facebook import FacebookConnector
from cmdesk.core.connectors.wordpress import WordPressConnector
from cmdesk.core.model import TargetState, utc_now
from cmdesk.core.publish import confirm
from cmdesk.core.secrets import MemorySecretStore
from tests.connectors.byo_support import PastingBrowser, point_at, session
from tests.connectors.peer_proxy import forwarding_proxy
from tests.contract.facebook import APP_ID, APP_SECRET, facebook_routes
from tests.contract.server import AcceptThenReset, ContractServer, Delay
from tests.integration.hand_off_support import edit, planned_post, start_publisher, target_of

S = TargetState


def minute(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")


@dataclass
class Network:
    """What the network holds for this test's posts: copies waiting ({id: (text, minute)})
    and posts already out (texts); ``goes_out(id)`` is the network's own scheduler running."""

    account: Any
    publisher: Any
    held: Any
    published: Any
    goes_out: Any
    deleted_there: Any
    break_next_create: Any  # break_next_create(fault): the next create meets ``fault``
    tag: str
    clock: FakeClock


def facebook(workspace, monkeypatch, request, tag: str, clock: FakeClock):
    server = ContractServer().start()
    request.addfinalizer(server.stop)
    facebook_routes(server)
    point_at(monkeypatch, FacebookConnector, server.url)
    secrets = MemorySecretStore()
    account = workspace.accounts.save(FacebookConnector.sign_in(
        {"client_id": APP_ID, "client_secret": APP_SECRET, "redirect_uri": "", "page": ""},
        secrets=secrets, http=session(), browser=PastingBrowser()))
    posts = server.state["posts"]
    return Network(
        account, start_publisher(workspace, secrets, clock),
        held=lambda: {i: (p["message"], minute(datetime.fromtimestamp(
            int(p["scheduled_publish_time"]), UTC)))
            for i, p in posts.items() if p.get("published") == "false"},
        published=lambda: [p["message"] for p in posts.values() if p.get("published") != "false"],
        goes_out=lambda remote_id: posts[remote_id].update(published="true"),
        deleted_there=posts.pop, tag=tag, clock=clock,
        break_next_create=lambda fault: server.inject(fault, path=r"/v23.0/\d+/feed$"))


def wordpress(workspace, monkeypatch, request, tag: str, clock: FakeClock):
    site = request.getfixturevalue("wordpress_site")
    proxy = request.getfixturevalue("wordpress_proxy")
    secrets = MemorySecretStore()
    account = workspace.accounts.save(WordPressConnector.sign_in(
        {"server": proxy.url, "user": site.user, "app_password": site.app_password},
        secrets=secrets, http=session()))

    def ours(status: str) -> list[dict]:
        # The site is shared by the session: only this test's posts (their text has its tag).
        found = site.api("GET", "posts", params={"status": status, "context": "edit",
                                                 "search": tag, "per_page": 100})
        found.raise_for_status()
        return found.json()

    return Network(
        account, start_publisher(workspace, secrets, clock),
        held=lambda: {str(p["id"]): (p["title"]["raw"], p["date_gmt"][:16]) for p in ours("future")},
        published=lambda: [p["title"]["raw"] for p in ours("publish")],
        goes_out=lambda remote_id: site.api("POST", f"posts/{remote_id}", json={
            "status": "publish", "date_gmt": minute(utc_now() - timedelta(minutes=1)) + ":00"}).raise_for_status(),
        deleted_there=lambda remote_id: site.api(
            "DELETE", f"posts/{remote_id}", params={"force": "true"}).raise_for_status(),
        tag=tag, clock=clock,
        # The create comes after a look for the post by its slug, on the same path.
        break_next_create=lambda fault: proxy.inject(Delay(0), fault, path=r"/wp-json/wp/v2/posts$"))


@pytest.fixture
def wordpress_proxy(wordpress_site):
    """A loopback proxy in front of the real WordPress, which breaks a request on demand."""
    with forwarding_proxy(wordpress_site.url) as proxy:
        yield proxy


@pytest.fixture(params=[facebook, pytest.param(wordpress, marks=pytest.mark.peer)],
                ids=["facebook", "wordpress"])
def net(request, workspace, monkeypatch):
    network = request.param(workspace, monkeypatch, request, uuid.uuid4().hex[:10], FakeClock(utc_now()))
    yield network
    network.publisher.stop()


def test_the_copy_on_the_network_follows_moves_edits_and_deletes(net, workspace):
    at = (net.clock.now() + timedelta(hours=2)).replace(microsecond=0)
    post = planned_post(workspace, net.account, at, text=f"Launch {net.tag}")
    net.publisher.tick()
    t = target_of(workspace, post)
    assert t.state == S.HANDED_OFF
    assert net.held() == {t.remote_id: (f"Launch {net.tag}", minute(at))}

    edit(workspace, post, planned_at=at + timedelta(days=1))
    net.publisher.tick()
    assert net.held() == {t.remote_id: (f"Launch {net.tag}", minute(at + timedelta(days=1)))}

    edit(workspace, post, text=f"Launch moved {net.tag}")
    net.publisher.tick()
    t = target_of(workspace, post)
    assert t.state == S.HANDED_OFF
    assert net.held() == {t.remote_id: (f"Launch moved {net.tag}", minute(at + timedelta(days=1)))}

    workspace.posts.delete(post.id)
    net.publisher.tick()
    assert net.held() == {} and net.published() == []


def test_a_move_too_close_to_now_brings_it_home_and_it_is_published_once(net, workspace):
    post = planned_post(workspace, net.account, net.clock.now() + timedelta(hours=2),
                        text=f"Soon {net.tag}")
    net.publisher.tick()
    assert target_of(workspace, post).state == S.HANDED_OFF
    edit(workspace, post, planned_at=net.clock.now() - timedelta(seconds=1))  # dragged to "now"
    net.publisher.tick()
    net.publisher.tick()
    assert net.held() == {} and net.published() == [f"Soon {net.tag}"]
    assert target_of(workspace, post).state == S.PUBLISHED


@pytest.mark.parametrize("move", [timedelta(seconds=-1), timedelta(days=1)], ids=["now", "a-day-later"])
def test_a_copy_the_network_already_published_is_shown_published_and_left_alone(net, workspace, move):
    post = planned_post(workspace, net.account, net.clock.now() + timedelta(hours=2), text=f"Out {net.tag}")
    net.publisher.tick()
    out = target_of(workspace, post).remote_id
    net.goes_out(out)
    edit(workspace, post, planned_at=net.clock.now() + move)  # too close: cancel; later: update
    net.publisher.tick()
    net.publisher.tick()
    t = target_of(workspace, post)
    assert t.state == S.PUBLISHED and t.remote_id == out and t.remote_url
    # The network's own post is kept (neither deleted nor trashed) and not sent a second time.
    assert net.held() == {} and net.published() == [f"Out {net.tag}"]


def test_at_its_time_the_post_the_network_published_is_shown_published(net, workspace):
    post = planned_post(workspace, net.account, net.clock.now() + timedelta(hours=2),
                        text=f"On time {net.tag}")
    net.publisher.tick()
    out = target_of(workspace, post).remote_id
    net.clock.advance(timedelta(hours=2) + confirm.AFTER)
    net.publisher.tick()
    assert target_of(workspace, post).state == S.HANDED_OFF  # the network is late: asked again
    net.goes_out(out)
    net.clock.advance(confirm.AGAIN)
    net.publisher.tick()
    t = target_of(workspace, post)
    assert t.state == S.PUBLISHED and t.remote_id == out and t.remote_url
    assert net.published() == [f"On time {net.tag}"]


@pytest.mark.parametrize("move", [timedelta(seconds=-1), timedelta(days=1)], ids=["now", "a-day-later"])
def test_a_copy_deleted_on_the_network_is_left_to_the_user_not_left_handed_off(net, workspace, move):
    post = planned_post(workspace, net.account, net.clock.now() + timedelta(hours=2),
                        text=f"Deleted there {net.tag}")
    net.publisher.tick()
    net.deleted_there(target_of(workspace, post).remote_id)
    edit(workspace, post, planned_at=net.clock.now() + move)
    net.publisher.tick()
    net.publisher.tick()
    t = target_of(workspace, post)
    assert t.state == S.UNCONFIRMED and t.error
    assert net.held() == {} and net.published() == []


def test_a_hand_off_whose_answer_was_lost_is_found_not_made_twice(net, workspace):
    post = planned_post(workspace, net.account, net.clock.now() + timedelta(hours=2),
                        text=f"Answer lost {net.tag}")
    net.break_next_create(AcceptThenReset())
    net.publisher.tick()
    net.publisher.tick()
    t = target_of(workspace, post)
    assert t.state == S.HANDED_OFF and list(net.held()) == [t.remote_id]
