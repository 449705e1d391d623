# SPDX-License-Identifier: GPL-3.0-or-later
"""Facebook Pages Graph API shapes (login exchange, Page token, photos, feed, scheduling,
comments, metrics), plus Graph-style error answers shared by the Instagram and Threads servers."""

from __future__ import annotations

import json
import time
from typing import Any

from tests.contract.server import ContractServer, Request, Response, Status

V = "/v23.0"
APP_ID, APP_SECRET = "4242", "app-secret-xyz"
PAGE_ID, PAGE_TOKEN, USER_TOKEN = "1001", "page-token-1", "long-user-token"


def graph_error(code: int, message: str = "error", *, status: int = 400,
                headers: dict[str, str] | None = None, subcode: int | None = None) -> Status:
    """An injectable Graph error answer (Meta answers 400 even for throttling)."""
    error: dict[str, Any] = {"message": message, "type": "OAuthException", "code": code,
                             "fbtrace_id": "Axyz"}
    if subcode is not None:
        error["error_subcode"] = subcode
    return Status(status, headers=headers or {}, json={"error": error})


def buc_usage(minutes: int, owner: str = PAGE_ID) -> dict[str, str]:
    """X-Business-Use-Case-Usage as Meta sends it: a JSON object per business id."""
    return {"X-Business-Use-Case-Usage": json.dumps({owner: [{
        "type": "pages", "call_count": 100, "total_cputime": 30, "total_time": 40,
        "estimated_time_to_regain_access": minutes}]})}


def err(code: int, message: str, status: int = 400, subcode: int | None = None) -> Response:
    error = {"message": message, "type": "OAuthException", "code": code}
    if subcode is not None:
        error["error_subcode"] = subcode
    return Response(status, json={"error": error})


def bearer(req: Request, valid: set[str]) -> bool:
    auth = req.header("authorization") or ""
    return auth.startswith("Bearer ") and auth[7:] in valid and "access_token" not in req.query


def facebook_routes(server: ContractServer) -> ContractServer:
    st = server.state
    st.update(posts={}, photos={}, comments={}, next_id=2000, revoked=False,
              pages=[{"id": PAGE_ID, "name": "Brand Page", "access_token": PAGE_TOKEN}])

    def new_id() -> str:
        st["next_id"] += 1
        return str(st["next_id"])

    def q(req: Request, name: str) -> str:
        return (req.query.get(name) or req.form.get(name) or [""])[0]

    def page_auth(req: Request) -> bool:
        return bearer(req, {PAGE_TOKEN}) and not st["revoked"]

    @server.route("GET", V + r"/oauth/access_token")
    def token(req: Request, m) -> Response:
        if q(req, "client_id") != APP_ID or q(req, "client_secret") != APP_SECRET:
            return err(101, "Error validating application. Invalid application ID.")
        if q(req, "grant_type") == "fb_exchange_token":
            if q(req, "fb_exchange_token") != "short-user-token":
                return err(190, "Invalid OAuth access token.")
            return Response(json={"access_token": USER_TOKEN, "token_type": "bearer",
                                  "expires_in": 5_184_000})
        if q(req, "code") != "good-code" or not q(req, "redirect_uri"):
            return err(100, "Invalid verification code format.")
        return Response(json={"access_token": "short-user-token", "token_type": "bearer",
                              "expires_in": 3600})

    @server.route("GET", V + r"/me/accounts")
    def accounts(req: Request, m) -> Response:
        if not bearer(req, {USER_TOKEN}):
            return err(190, "Invalid OAuth access token.", 401)
        return Response(json={"data": st["pages"], "paging": {}})

    @server.route("DELETE", V + r"/me/permissions")
    def revoke(req: Request, m) -> Response:
        st["revoked"] = True
        return Response(json={"success": True})

    @server.route("POST", V + r"/(?P<page>\d+)/photos")
    def photos(req: Request, m) -> Response:
        if not page_auth(req):
            return err(190, "Error validating access token: Session has expired", 401)
        if "source" not in req.files:
            return err(324, "Requires upload file")
        pid = new_id()
        st["photos"][pid] = {"form": {k: v[0] for k, v in req.form.items()},
                             "bytes": req.files["source"][0]["data"]}
        return Response(json={"id": pid})

    @server.route("POST", V + r"/(?P<page>\d+)/feed")
    def feed(req: Request, m) -> Response:
        if not page_auth(req):
            return err(190, "Error validating access token: Session has expired", 401)
        form = {k: v[0] for k, v in req.form.items()}
        if not form.get("message") and not form.get("attached_media") and not form.get("link"):
            return err(100, "(#100) The post is empty.")
        if form.get("scheduled_publish_time"):
            ahead = int(form["scheduled_publish_time"]) - time.time()
            if form.get("published") != "false" or not 600 <= ahead <= 30 * 86_400:
                return err(100, "(#100) The specified scheduled publish time is invalid.")
        post_id = f"{m['page']}_{new_id()}"
        st["posts"][post_id] = {**form, "created_time": time.strftime("%Y-%m-%dT%H:%M:%S+0000")}
        return Response(json={"id": post_id})

    @server.route("GET", V + r"/(?P<page>\d+)/(?P<edge>published_posts|scheduled_posts)")
    def listing(req: Request, m) -> Response:
        scheduled = m["edge"] == "scheduled_posts"
        data = [{"id": i, "message": p.get("message", ""), "created_time": p["created_time"]}
                for i, p in reversed(st["posts"].items())
                if bool(p.get("scheduled_publish_time")) == scheduled]
        return Response(json={"data": data[: int(q(req, "limit") or 25)]})

    @server.route("POST", V + r"/(?P<post>\d+_\d+)/comments")
    def comment(req: Request, m) -> Response:
        if m["post"] not in st["posts"]:
            return err(100, "Unsupported post request.")
        cid = f"{m['post'].split('_')[1]}_{new_id()}"
        st["comments"][cid] = {"post": m["post"], "message": req.form["message"][0]}
        return Response(json={"id": cid})

    @server.route("GET", V + r"/(?P<post>\d+_\d+)/insights")
    def insights(req: Request, m) -> Response:
        if not st.get("read_insights", True):
            return err(10, "(#10) This endpoint requires the 'read_insights' permission", 403)
        metric = q(req, "metric")
        return Response(json={"data": [{"name": metric, "period": "lifetime",
                                        "values": [{"value": 321}]}]})

    @server.route("POST", V + r"/(?P<post>\d+_\d+)")
    def update(req: Request, m) -> Response:
        if m["post"] not in st["posts"]:
            return err(100, "Unsupported post request.")
        st["posts"][m["post"]].update({k: v[0] for k, v in req.form.items()})
        return Response(json={"success": True})

    @server.route("DELETE", V + r"/(?P<post>\d+_\d+)")
    def delete(req: Request, m) -> Response:
        if st["posts"].pop(m["post"], None) is None:
            return err(100, "Unsupported delete request. Object with ID does not exist.", subcode=33)
        return Response(json={"success": True})

    @server.route("GET", V + r"/(?P<node>\d+(_\d+)?)")
    def node(req: Request, m) -> Response:
        if not page_auth(req):
            return err(190, "Error validating access token: Session has expired", 401)
        if m["node"] == PAGE_ID:
            return Response(json={"id": PAGE_ID, "name": "Brand Page"})
        if m["node"] not in st["posts"]:
            return err(100, "Unsupported get request. Object with ID does not exist.", subcode=33)
        return Response(json={"id": m["node"],
                              "is_published": st["posts"][m["node"]].get("published") != "false",
                              "reactions": {"data": [], "summary": {"total_count": 12}},
                              "comments": {"data": [], "summary": {"total_count": 3}},
                              "shares": {"count": 2}})

    return server
