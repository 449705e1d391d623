# SPDX-License-Identifier: GPL-3.0-or-later
"""WordPress faults on the way to the REAL WordPress: a loopback proxy in front of the site
forwards every request, and breaks the connection, delays or answers for it on demand. The post
that WordPress made while our connection broke is found by its slug, and never made twice."""

from __future__ import annotations

import uuid

import pytest

from cmdesk.core.connectors.base import PostPart, PublishRequest
from cmdesk.core.connectors.errors import RateLimited, Transient, Unconfirmed
from cmdesk.core.connectors.http import make_session
from cmdesk.core.connectors.wordpress import WordPressConnector, slug_for
from tests.connectors.byo_support import MemorySecrets
from tests.connectors.peer_proxy import forwarding_proxy
from tests.contract.server import AcceptThenReset, Delay, Drop, Garbage, Status

pytestmark = pytest.mark.peer
POSTS = r"/wp-json/wp/v2/posts$"


def on_create(proxy, fault) -> None:
    """``fault`` for the create: publish() first asks by slug on the same path, and that
    request must pass (a zero delay is a fault that changes nothing)."""
    proxy.inject(Delay(0), fault, path=POSTS)


@pytest.fixture
def proxy(wordpress_site):
    with forwarding_proxy(wordpress_site.url) as server:
        yield server


@pytest.fixture
def connector(proxy, wordpress_site):
    secrets = MemorySecrets()
    account = WordPressConnector.sign_in(
        {"server": proxy.url, "user": wordpress_site.user,
         "app_password": wordpress_site.app_password}, secrets=secrets, http=make_session())
    return WordPressConnector(account, secrets, make_session())


def request(text: str) -> PublishRequest:
    return PublishRequest(attempt_id="a1", idempotency_key=uuid.uuid4().hex, parts=[PostPart(text)])


def with_slug(site, req: PublishRequest) -> list[dict]:
    return site.api("GET", "posts", params={"slug": slug_for(req.idempotency_key),
                                            "status": "any", "context": "edit"}).json()


def test_a_post_made_while_the_connection_broke_is_found_and_not_made_again(
        proxy, wordpress_site, connector):
    req = request("Perdu en route")
    on_create(proxy, AcceptThenReset())
    with pytest.raises(Unconfirmed):
        connector.publish(req)
    made = with_slug(wordpress_site, req)
    assert len(made) == 1  # WordPress did make it

    found = connector.lookup(req)
    assert found is not None and found.remote_id == str(made[0]["id"])
    assert connector.publish(req).remote_id == found.remote_id
    assert len(with_slug(wordpress_site, req)) == 1


def test_a_create_refused_before_it_reached_wordpress_is_sent_once_later(
        proxy, wordpress_site, connector):
    req = request("Pas encore parti")
    on_create(proxy, Drop())
    with pytest.raises(Unconfirmed):  # from the client's side, the reset could be either
        connector.publish(req)
    assert with_slug(wordpress_site, req) == [] and connector.lookup(req) is None
    connector.publish(req)
    assert len(with_slug(wordpress_site, req)) == 1


def test_server_errors_rate_limits_and_garbage_are_typed(proxy, wordpress_site, connector):
    on_create(proxy, Status(503, json={"code": "maintenance", "message": "Briefly unavailable",
                                       "data": {"status": 503}}))
    with pytest.raises(Transient) as caught:
        connector.publish(request("A"))
    assert caught.value.reason == "Briefly unavailable"
    on_create(proxy, Status(429, headers={"Retry-After": "120"}))
    with pytest.raises(RateLimited):
        connector.publish(request("B"))
    req = request("C")
    on_create(proxy, Garbage())
    with pytest.raises(Unconfirmed):  # WordPress may have made it: the lookup will tell
        connector.publish(req)
    assert connector.lookup(req) is None  # it did not (the proxy answered instead)
