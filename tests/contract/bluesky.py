# SPDX-License-Identifier: GPL-3.0-or-later
"""Bluesky PDS/AppView shapes for fault tests: createSession, refreshSession, getSession,
resolveHandle, uploadBlob, createRecord with a caller-chosen rkey, getRecord, listRecords and
getPosts (metrics, which the real local PDS cannot answer: it has no AppView).

Like the real PDS (checked against @atproto/pds 0.5.35): a second create at a taken rkey answers
500 InternalServerError and changes nothing; a missing record is 400 RecordNotFound; an expired
access token is 400 ExpiredToken. ``server.state["records"]`` maps rkey -> record, so an
exactly-once test counts what was really created.

Use::

    with ContractServer() as server:
        bluesky_routes(server)
        account = sign_in(server, secrets)            # a real BlueskyConnector sign-in
        server.inject(AcceptThenReset(), path=CREATE)  # the post is made, the answer lost
        ...
        assert len(server.state["records"]) == 1
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from typing import Any

from tests.contract.server import ContractServer, Request, Response, Status

DID = "did:plc:contracttestaccount0000"
HANDLE = "brand.test"
APP_PASSWORD = "abcd-efgh-ijkl-mnop"
X = "/xrpc/"


CREATE = r"/xrpc/com\.atproto\.repo\.createRecord"


def sign_in(server: ContractServer, secrets: Any, http: Any = None) -> Any:
    """The account BlueskyConnector.sign_in makes against this server (tokens in ``secrets``)."""
    from cmdesk.core.connectors.bluesky import BlueskyConnector
    from cmdesk.core.connectors.http import make_session

    return BlueskyConnector.sign_in(
        {"identifier": HANDLE, "password": APP_PASSWORD, "server": server.url},
        secrets=secrets, http=http or make_session())


def xrpc_error(status: int, error: str, message: str = "") -> Response:
    return Response(status, json={"error": error, "message": message or error})


def rate_limited(reset_in_s: int = 120) -> Status:
    """A 429 as the PDS sends it: RateLimit-* headers, Reset in epoch seconds."""
    return Status(429, headers={
        "RateLimit-Limit": "3000", "RateLimit-Remaining": "0",
        "RateLimit-Reset": str(int(time.time()) + reset_in_s),
        "RateLimit-Policy": "3000;w=300"}, json={"error": "RateLimitExceeded",
                                                   "message": "Rate Limit Exceeded"})


def expired_token() -> Status:
    return Status(400, json={"error": "ExpiredToken", "message": "Token has expired"})


def _cid(data: Any) -> str:
    raw = data if isinstance(data, bytes) else json.dumps(data, sort_keys=True).encode()
    return "bafyrei" + hashlib.sha256(raw).hexdigest()[:52]


def bluesky_routes(server: ContractServer) -> ContractServer:
    st = server.state
    st.update(records={}, blobs={}, sessions=0, refreshes=0, access=set(), refresh=set(),
              handles={HANDLE: DID, "friend.test": "did:plc:friend"},
              counts={},  # uri -> {likeCount, ...}
              created=threading.Event())  # set at each record made: wait on it, never sleep

    def issue() -> dict[str, Any]:
        st["sessions"] += 1
        access, refresh = f"access-{st['sessions']}", f"refresh-{st['sessions']}"
        st["access"].add(access)
        st["refresh"].add(refresh)
        return {"did": DID, "handle": HANDLE, "accessJwt": access, "refreshJwt": refresh,
                "didDoc": {"id": DID, "service": [{"id": "#atproto_pds",
                                                    "type": "AtprotoPersonalDataServer",
                                                    "serviceEndpoint": server.url}]}}

    def token(req: Request) -> str:
        auth = req.header("authorization") or ""
        return auth[7:] if auth.startswith("Bearer ") else ""

    def authed(req: Request) -> Response | None:
        value = token(req)
        if not value:
            return xrpc_error(401, "AuthenticationRequired", "Authentication Required")
        if value not in st["access"]:
            return xrpc_error(400, "ExpiredToken", "Token has expired")
        return None

    @server.route("POST", X + r"com\.atproto\.server\.createSession")
    def create_session(req: Request, m) -> Response:
        body = req.json or {}
        if body.get("identifier") not in (HANDLE, DID) or body.get("password") != APP_PASSWORD:
            return xrpc_error(401, "AuthenticationRequired", "Invalid identifier or password")
        return Response(json=issue())

    @server.route("POST", X + r"com\.atproto\.server\.refreshSession")
    def refresh_session(req: Request, m) -> Response:
        if token(req) not in st["refresh"]:
            return xrpc_error(400, "ExpiredToken", "Token has expired")
        st["refresh"].discard(token(req))  # refresh tokens rotate
        st["refreshes"] += 1
        return Response(json={k: v for k, v in issue().items() if k != "didDoc"})

    @server.route("GET", X + r"com\.atproto\.server\.getSession")
    def get_session(req: Request, m) -> Response:
        return authed(req) or Response(json={"did": DID, "handle": HANDLE, "active": True})

    @server.route("POST", X + r"com\.atproto\.server\.deleteSession")
    def delete_session(req: Request, m) -> Response:
        st["refresh"].discard(token(req))
        return Response(200)

    @server.route("GET", X + r"com\.atproto\.identity\.resolveHandle")
    def resolve(req: Request, m) -> Response:
        did = st["handles"].get((req.query.get("handle") or [""])[0])
        return Response(json={"did": did}) if did else xrpc_error(400, "HandleNotFound",
                                                                   "Unable to resolve handle")

    @server.route("POST", X + r"com\.atproto\.repo\.uploadBlob")
    def upload(req: Request, m) -> Response:
        if (denied := authed(req)):
            return denied
        if len(req.body) > 5_242_880:
            return xrpc_error(413, "PayloadTooLarge", "request entity too large")
        cid = _cid(req.body)
        st["blobs"][cid] = req.body
        return Response(json={"blob": {"$type": "blob", "ref": {"$link": cid},
                                       "mimeType": req.header("content-type"),
                                       "size": len(req.body)}})

    @server.route("POST", X + r"com\.atproto\.repo\.createRecord")
    def create_record(req: Request, m) -> Response:
        if (denied := authed(req)):
            return denied
        body = req.json or {}
        rkey = body.get("rkey") or f"auto{len(st['records'])}"
        if body.get("repo") != DID or body.get("collection") != "app.bsky.feed.post":
            return xrpc_error(400, "InvalidRequest", "Invalid repo or collection")
        record = body.get("record") or {}
        if not isinstance(record.get("text"), str) or not record.get("createdAt"):
            return xrpc_error(400, "InvalidRequest", "Invalid app.bsky.feed.post record")
        if rkey in st["records"]:  # the repository refuses a taken key: 500, like the real PDS
            return xrpc_error(500, "InternalServerError", "Internal Server Error")
        uri = f"at://{DID}/app.bsky.feed.post/{rkey}"
        st["records"][rkey] = {"uri": uri, "cid": _cid(record), "value": record}
        st["created"].set()
        return Response(json={"uri": uri, "cid": _cid(record),
                              "commit": {"cid": "bafyreicommit", "rev": "3n2usrfhpik27"},
                              "validationStatus": "valid"})

    @server.route("GET", X + r"com\.atproto\.repo\.getRecord")
    def get_record(req: Request, m) -> Response:
        rkey = (req.query.get("rkey") or [""])[0]
        found = st["records"].get(rkey)
        if found is None:
            return xrpc_error(400, "RecordNotFound", f"Could not locate record: {rkey}")
        return Response(json=found)

    @server.route("GET", X + r"com\.atproto\.repo\.listRecords")
    def list_records(req: Request, m) -> Response:
        return Response(json={"records": list(st["records"].values())})

    @server.route("GET", X + r"app\.bsky\.feed\.getPosts")
    def get_posts(req: Request, m) -> Response:
        if (denied := authed(req)):
            return denied
        posts = []
        for uri in req.query.get("uris") or []:
            rkey = uri.rsplit("/", 1)[-1]
            if rkey in st["records"]:
                counts = st["counts"].get(uri, {})
                posts.append({"uri": uri, "cid": st["records"][rkey]["cid"],
                              "author": {"did": DID, "handle": HANDLE},
                              "record": st["records"][rkey]["value"],
                              "likeCount": counts.get("likeCount", 0),
                              "repostCount": counts.get("repostCount", 0),
                              "replyCount": counts.get("replyCount", 0),
                              "quoteCount": counts.get("quoteCount", 0),
                              "bookmarkCount": counts.get("bookmarkCount", 0),
                              "indexedAt": "2026-11-22T09:30:01.000Z"})
        return Response(json={"posts": posts})

    return server
