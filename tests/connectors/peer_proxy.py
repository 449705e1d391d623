# SPDX-License-Identifier: GPL-3.0-or-later
"""A loopback proxy in front of a real peer: every request is forwarded, and the contract
server's faults (reset after the peer applied it, drop before, garbage, statuses) can be injected
on the way. This puts a REAL server behind the failures a test needs on demand."""

from __future__ import annotations

from contextlib import contextmanager

import requests

from tests.contract.server import ContractServer, Response

_FORWARDED_REQUEST = ("authorization", "content-type", "content-disposition")
_FORWARDED_ANSWER = ("content-type", "x-wp-total", "ratelimit-limit", "ratelimit-remaining",
                     "ratelimit-reset")


@contextmanager
def forwarding_proxy(target: str):
    with ContractServer() as server:
        def forward(req, m):
            query = [(k, v) for k, values in req.query.items() for v in values]
            headers = {k: v for k, v in req.headers.items() if k in _FORWARDED_REQUEST}
            answer = requests.request(req.method, target + req.path, params=query,
                                      data=req.body, headers=headers, timeout=60)
            return Response(answer.status_code, body=answer.content, headers={
                k: v for k, v in answer.headers.items() if k.lower() in _FORWARDED_ANSWER})

        for method in ("GET", "POST", "PUT", "DELETE"):
            server.route(method, r"/.*")(forward)
        yield server
