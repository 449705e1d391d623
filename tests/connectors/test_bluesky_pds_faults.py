# SPDX-License-Identifier: GPL-3.0-or-later
"""Bluesky faults on the way to the REAL PDS (a breaking proxy in front of it): a post the PDS
made while our connection broke is found by its record key, and sending it again makes no second
post, even for a thread cut in the middle."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from cmdesk.core.connectors.base import PostPart, PublishRequest
from cmdesk.core.connectors.bluesky import BlueskyConnector
from cmdesk.core.connectors.errors import Unconfirmed
from cmdesk.core.connectors.http import make_session
from tests.connectors.byo_support import MemorySecrets
from tests.connectors.peer_proxy import forwarding_proxy
from tests.contract.server import AcceptThenReset, Delay, Drop

pytestmark = pytest.mark.peer
CREATE = r"/xrpc/com\.atproto\.repo\.createRecord$"
PLANNED = datetime(2026, 11, 22, 11, 0, tzinfo=timezone.utc)


@pytest.fixture
def user(pds):
    return pds.create_account()


@pytest.fixture
def proxy(pds):
    with forwarding_proxy(pds.url) as server:
        yield server


@pytest.fixture
def connector(proxy, user):
    secrets = MemorySecrets()
    account = BlueskyConnector.sign_in(
        {"identifier": user["handle"], "password": user["app_password"], "server": proxy.url},
        secrets=secrets, http=make_session())
    return BlueskyConnector(account, secrets, make_session())


def request(*texts: str, key: str) -> PublishRequest:
    return PublishRequest("a1", key, [PostPart(t) for t in texts], planned_at=PLANNED)


def texts(pds, user) -> list[str]:
    return sorted(r["value"]["text"] for r in pds.list_records(user["did"]))


def test_a_post_made_while_the_answer_was_lost_is_found_and_never_doubled(
        pds, user, proxy, connector):
    proxy.inject(AcceptThenReset(), path=CREATE)
    with pytest.raises(Unconfirmed):
        connector.publish(request("Réponse perdue", key="lost"))
    assert texts(pds, user) == ["Réponse perdue"]  # the PDS did make it

    found = connector.lookup(request("Réponse perdue", key="lost"))
    assert found is not None
    # Sent again anyway (say, the user chose "publish again"): the PDS refuses the taken key.
    assert connector.publish(request("Réponse perdue", key="lost")).remote_id == found.remote_id
    assert texts(pds, user) == ["Réponse perdue"]


def test_a_thread_cut_after_its_second_part_is_finished_once(pds, user, proxy, connector):
    # The first part goes through; the second is made but its answer is lost.
    proxy.inject(Delay(0), AcceptThenReset(), path=CREATE)
    parts = ("1/3", "2/3", "3/3")
    with pytest.raises(Unconfirmed):
        connector.publish(request(*parts, key="cut"))
    assert texts(pds, user) == ["1/3", "2/3"]
    assert connector.lookup(request(*parts, key="cut")) is None  # not all of it went out

    done = connector.publish(request(*parts, key="cut"))
    assert texts(pds, user) == ["1/3", "2/3", "3/3"]
    third = pds.get_record(user["did"], done.part_ids[2].rsplit("/", 1)[1])["value"]
    assert third["reply"]["root"]["uri"] == done.part_ids[0]
    assert third["reply"]["parent"]["uri"] == done.part_ids[1]


def test_a_create_dropped_before_the_pds_saw_it_is_sent_once_later(pds, user, proxy, connector):
    proxy.inject(Drop(), path=CREATE)
    with pytest.raises(Unconfirmed):
        connector.publish(request("Pas encore", key="drop"))
    assert texts(pds, user) == [] and connector.lookup(request("Pas encore", key="drop")) is None
    connector.publish(request("Pas encore", key="drop"))
    assert texts(pds, user) == ["Pas encore"]
