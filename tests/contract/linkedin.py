# SPDX-License-Identifier: GPL-3.0-or-later
"""LinkedIn REST shapes: OAuth (secret or native PKCE), userinfo, organizations, the Images API
(initialize, PUT, status), Posts (201 + x-restli-id), comments, socialActions, share statistics.
Every /rest call is refused without LinkedIn-Version and X-Restli-Protocol-Version, as LinkedIn
does."""

from __future__ import annotations

import itertools
import time
import re
from urllib.parse import unquote

from tests.contract.server import ContractServer, Request, Response

CLIENT_ID, CLIENT_SECRET = "78linkedinapp", "li-secret"
MEMBER_SUB, ORG_ID = "aBcD123", "5515"
TOKEN = "li-access-token"
LITTLE_TEXT_RESERVED = set("|{}@[]()<>#*_~")


def _error(status: int, message: str, code: int | None = None) -> Response:
    body = {"status": status, "message": message}
    if code is not None:
        body["serviceErrorCode"] = code
    return Response(status, json=body)


_TEMPLATES = re.compile(r"\{hashtag\|\\#\|[^}]*\}|@\[[^\]]*\]\(urn:li:(?:person|organization):[\w-]+\)")


def _unescaped_reserved(text: str) -> bool:
    """True when ``text`` holds a reserved character that is neither escaped nor a template."""
    stripped, i = _TEMPLATES.sub("", text), 0
    while i < len(stripped):
        if stripped[i] == "\\":
            i += 2
            continue
        if stripped[i] in LITTLE_TEXT_RESERVED:
            return True
        i += 1
    return False


def linkedin_routes(server: ContractServer) -> ContractServer:
    st = server.state
    st.update(posts={}, comments={}, images={}, uploads={}, processing_polls=0, tokens={TOKEN},
              read_forbidden=False, revoked=[], refresh_token="li-refresh")
    ids = itertools.count(7_100_000_000_000_000_001)

    def rest_ok(req: Request) -> Response | None:
        auth = req.header("authorization") or ""
        if auth[7:] not in st["tokens"]:
            return _error(401, "Invalid access token", 65600)
        if not req.header("linkedin-version"):
            return _error(400, "A version must be present. Please specify a version by adding "
                               "the LinkedIn-Version header.", 0)
        if req.header("x-restli-protocol-version") != "2.0.0":
            return _error(400, "Restli protocol version 2.0.0 required")
        return None

    @server.route("POST", r"/oauth/v2/accessToken")
    def token(req: Request, m) -> Response:
        f = {k: v[0] for k, v in req.form.items()}
        if f.get("client_id") != CLIENT_ID:
            return Response(401, json={"error": "invalid_client", "error_description": "Client authentication failed"})
        if f.get("grant_type") == "refresh_token":
            if f.get("refresh_token") != st["refresh_token"] or f.get("client_secret") != CLIENT_SECRET:
                return Response(400, json={"error": "invalid_request", "error_description": "bad refresh token"})
            st["tokens"].add("li-refreshed")
            return Response(json={"access_token": "li-refreshed", "expires_in": 5_184_000,
                                  "refresh_token": "li-refresh-2", "refresh_token_expires_in": 20_000_000})
        native = "code_verifier" in f
        if not native and f.get("client_secret") != CLIENT_SECRET:
            return Response(401, json={"error": "invalid_client", "error_description": "Client authentication failed"})
        if f.get("code") != "good-code" or not f.get("redirect_uri"):
            return Response(400, json={"error": "invalid_request", "error_description": "Unable to retrieve access token: authorization code not found"})
        body = {"access_token": TOKEN, "expires_in": 5_184_000, "scope": "openid,profile,w_member_social"}
        if st["refresh_token"]:
            body.update(refresh_token=st["refresh_token"], refresh_token_expires_in=31_536_000)
        return Response(json=body)

    @server.route("POST", r"/oauth/v2/revoke")
    def revoke(req: Request, m) -> Response:
        st["revoked"].append(req.form.get("token", [""])[0])
        st["tokens"].discard(req.form.get("token", [""])[0])
        return Response(200, body=b"")

    @server.route("GET", r"/v2/userinfo")
    def userinfo(req: Request, m) -> Response:
        if (req.header("authorization") or "")[7:] not in st["tokens"]:
            return _error(401, "Invalid access token", 65600)
        return Response(json={"sub": MEMBER_SUB, "name": "Ada Lovelace", "email_verified": True})

    @server.route("GET", r"/rest/organizations/(?P<org>\d+)")
    def organization(req: Request, m) -> Response:
        refused = rest_ok(req)
        if refused:
            return refused
        if m["org"] != ORG_ID:
            return _error(403, "Not enough permissions to access: organizations.GET.20261001", 100)
        return Response(json={"id": int(ORG_ID), "localizedName": "Acme Corp",
                              "vanityName": "acme"})

    @server.route("POST", r"/rest/images")
    def init_upload(req: Request, m) -> Response:
        refused = rest_ok(req)
        if refused:
            return refused
        if req.query.get("action") != ["initializeUpload"]:
            return _error(400, "Unsupported action")
        owner = ((req.json or {}).get("initializeUploadRequest") or {}).get("owner")
        if not owner:
            return _error(422, "/initializeUploadRequest/owner :: field is required but not found")
        n = next(ids)
        urn = f"urn:li:image:D4E{n}"
        st["images"][urn] = {"owner": owner, "status": "WAITING_UPLOAD", "polls": 0}
        return Response(json={"value": {"uploadUrlExpiresAt": 1_900_000_000_000,
                                        "uploadUrl": f"{server.url}/dms-uploads/{n}",
                                        "image": urn}})

    @server.route("PUT", r"/dms-uploads/(?P<n>\d+)")
    def upload(req: Request, m) -> Response:
        if (req.header("authorization") or "")[7:] not in st["tokens"]:
            return _error(401, "Invalid access token")
        urn = f"urn:li:image:D4E{m['n']}"
        st["uploads"][urn] = req.body
        st["images"][urn]["status"] = "PROCESSING"
        return Response(201, body=b"")

    @server.route("GET", r"/rest/images/(?P<urn>[^/]+)")
    def image_status(req: Request, m) -> Response:
        refused = rest_ok(req)
        if refused:
            return refused
        image = st["images"].get(unquote(m["urn"]))
        if image is None:
            return _error(404, "Not found")
        if image["status"] == "PROCESSING":
            image["polls"] += 1
            if image["polls"] > st["processing_polls"]:
                image["status"] = "AVAILABLE"
        return Response(json={"id": unquote(m["urn"]), "status": image["status"]})

    @server.route("POST", r"/rest/posts")
    def create_post(req: Request, m) -> Response:
        refused = rest_ok(req)
        if refused:
            return refused
        body = req.json or {}
        missing = [k for k in ("author", "commentary", "visibility", "distribution", "lifecycleState")
                   if k not in body]
        if missing:
            return _error(422, f"/{missing[0]} :: field is required but not found", 100)
        if len(body["commentary"]) > 3000:
            return _error(422, "/commentary :: length exceeds 3000", 100)
        if _unescaped_reserved(body["commentary"]):
            return _error(422, "/commentary :: little text format is invalid", 100)
        content = body.get("content") or {}
        urns = [content["media"]["id"]] if "media" in content else [
            i["id"] for i in (content.get("multiImage") or {}).get("images", [])]
        for urn in urns:
            if st["uploads"].get(urn) is None:
                return _error(422, f"{urn} is not uploaded", 100)
        if "poll" in content:
            poll = content["poll"]
            if not 2 <= len(poll.get("options", [])) <= 4 or "question" not in poll:
                return _error(422, "/content/poll :: invalid poll", 100)
        urn = f"urn:li:share:{next(ids)}"
        st["posts"][urn] = {**body, "createdAt": int(time.time() * 1000)}
        return Response(201, body=b"", headers={"x-restli-id": urn})

    @server.route("GET", r"/rest/posts")
    def list_posts(req: Request, m) -> Response:
        refused = rest_ok(req)
        if refused:
            return refused
        if st["read_forbidden"]:
            return _error(403, "Not enough permissions to access: posts.FINDER-author", 100)
        author = req.query.get("author", [""])[0]
        elements = [{"id": urn, **post} for urn, post in reversed(st["posts"].items())
                    if post["author"] == author]
        return Response(json={"elements": elements[: int(req.query.get("count", ["10"])[0])],
                              "paging": {"start": 0, "count": 10}})

    @server.route("POST", r"/rest/socialActions/(?P<urn>[^/]+)/comments")
    def comment(req: Request, m) -> Response:
        refused = rest_ok(req)
        if refused:
            return refused
        target = unquote(m["urn"])
        if target not in st["posts"] or (req.json or {}).get("object") != target:
            return _error(404, "Not found")
        cid = f"urn:li:comment:({target},{next(ids)})"
        st["comments"][cid] = req.json
        return Response(201, json={"id": cid.rsplit(",", 1)[1][:-1], "$URN": cid},
                        headers={"x-restli-id": cid})

    @server.route("GET", r"/rest/socialActions/(?P<urn>[^/]+)")
    def social_actions(req: Request, m) -> Response:
        refused = rest_ok(req)
        if refused:
            return refused
        return Response(json={"likesSummary": {"totalLikes": 5, "likedByCurrentUser": False},
                              "commentsSummary": {"totalFirstLevelComments": 2, "aggregatedTotalComments": 3},
                              "target": unquote(m["urn"])})

    @server.route("GET", r"/rest/organizationalEntityShareStatistics")
    def share_stats(req: Request, m) -> Response:
        refused = rest_ok(req)
        if refused:
            return refused
        shares = req.query.get("shares", [""])[0]
        if not (shares.startswith("List(urn:li:share:") and shares.endswith(")")):
            return _error(400, "Invalid query parameters passed to request")
        return Response(json={"elements": [{"totalShareStatistics": {
            "impressionCount": 100, "clickCount": 7, "shareCount": 1, "likeCount": 5,
            "commentCount": 2, "engagement": 0.13}}]})

    return server
