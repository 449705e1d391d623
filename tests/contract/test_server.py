# SPDX-License-Identifier: GPL-3.0-or-later
"""The contract server itself: faults do what the connector tests rely on."""

import pytest
import requests

from tests.contract.server import AcceptThenReset, ContractServer, Drop, Response, Status


@pytest.fixture
def server():
    with ContractServer() as s:
        s.state["made"] = 0

        @s.route("POST", r"/make")
        def make(req, m):
            s.state["made"] += 1
            return Response(200, json={"id": s.state["made"], "got": req.json})

        yield s


def test_handler_answers_and_records(server):
    r = requests.post(server.url + "/make", json={"a": 1}, timeout=5)
    assert r.json() == {"id": 1, "got": {"a": 1}}
    assert server.requests_to("POST", "/make")[0].json == {"a": 1}


def test_status_fault_answers_without_applying(server):
    server.inject(Status(429, headers={"Retry-After": "7"}))
    r = requests.post(server.url + "/make", json={}, timeout=5)
    assert (r.status_code, r.headers["Retry-After"], server.state["made"]) == (429, "7", 0)


def test_drop_resets_before_applying(server):
    server.inject(Drop())
    with pytest.raises(requests.ConnectionError):
        requests.post(server.url + "/make", json={}, timeout=5)
    assert server.state["made"] == 0


def test_accept_then_reset_applies_but_never_answers(server):
    server.inject(AcceptThenReset())
    with pytest.raises(requests.ConnectionError):
        requests.post(server.url + "/make", json={}, timeout=5)
    assert server.state["made"] == 1
