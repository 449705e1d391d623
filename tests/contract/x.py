# SPDX-License-Identifier: GPL-3.0-or-later
"""X API v2 shapes for a public (Native App) OAuth 2 client: authorize + PKCE, token with
rotating refresh tokens, media upload + alt text, tweets with media/poll/reply, user timeline,
public metrics, problem+json errors and x-rate-limit-* headers.

State in ``server.state``: ``tweets`` (id -> tweet, creation order), ``media``, ``codes``,
``tokens`` (access -> expiry), ``refresh_tokens`` (live ones), ``client_id`` (the registered
Native App), ``redirect_uris`` (exact matches), ``now`` (a callable the tests may move).
Sources: XDOC openapi.json, fundamentals/authentication/oauth-2-0/*.mdx, rate-limits.mdx.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlencode

from tests.contract.server import ContractServer, Request, Response

CLIENT_ID = "x-native-client-id"
USER = {"id": "2244994945", "name": "Brand", "username": "brand"}
ACCESS_TTL = timedelta(hours=2)


def problem(status: int, title: str, detail: str, type_: str = "about:blank", **headers: str) -> Response:
    return Response(status, json={"title": title, "detail": detail, "type": type_, "status": status},
                    headers={"Content-Type": "application/problem+json", **headers})


def issue_tokens(server: ContractServer) -> dict[str, Any]:
    st = server.state
    access, refresh = "xat-" + secrets.token_urlsafe(16), "xrt-" + secrets.token_urlsafe(16)
    st["tokens"][access] = st["now"]() + ACCESS_TTL
    st["refresh_tokens"].add(refresh)
    return {"token_type": "bearer", "expires_in": int(ACCESS_TTL.total_seconds()),
            "access_token": access, "refresh_token": refresh,
            "scope": "tweet.read tweet.write users.read media.write offline.access"}


def x_routes(server: ContractServer) -> ContractServer:
    st = server.state
    st.update(tweets={}, media={}, codes={}, tokens={}, refresh_tokens=set(), client_id=CLIENT_ID,
              redirect_uris=set(), next_id=1_800_000_000_000_000_000, user=dict(USER),
              now=lambda: datetime.now(timezone.utc))

    def new_id() -> str:
        st["next_id"] += 1
        return str(st["next_id"])

    def limits() -> dict[str, str]:
        reset = int((st["now"]() + timedelta(minutes=15)).timestamp())
        return {"x-rate-limit-limit": "100", "x-rate-limit-remaining": "99", "x-rate-limit-reset": str(reset)}

    def ok(doc: Any, status: int = 200) -> Response:
        return Response(status, json=doc, headers=limits())

    def authed(req: Request) -> bool:
        auth = req.header("authorization") or ""
        expiry = st["tokens"].get(auth[7:]) if auth.lower().startswith("bearer ") else None
        return expiry is not None and st["now"]() < expiry

    unauthorized = problem(401, "Unauthorized", "Unauthorized")

    @server.route("GET", r"/i/oauth2/authorize")
    def authorize(req, m):
        q = {k: v[0] for k, v in req.query.items()}
        if q.get("client_id") != st["client_id"] or q.get("redirect_uri") not in st["redirect_uris"]:
            return Response(400, body=b"<p>Something went wrong. You weren't able to give access to the App.</p>",
                            headers={"Content-Type": "text/html"})
        if q.get("code_challenge_method") != "S256" or not q.get("code_challenge"):
            return Response(400, body=b"<p>invalid code_challenge</p>", headers={"Content-Type": "text/html"})
        code = "xcode-" + secrets.token_urlsafe(12)
        st["codes"][code] = {"redirect_uri": q["redirect_uri"], "challenge": q["code_challenge"],
                             "scope": q.get("scope", "")}
        return Response(302, headers={"Location": q["redirect_uri"] + "?" + urlencode({"state": q.get("state", ""), "code": code})})

    def oauth_error(description: str) -> Response:
        return Response(400, json={"error": "invalid_request", "error_description": description})

    @server.route("POST", r"/2/oauth2/token")
    def token(req, m):
        f = {k: v[0] for k, v in req.form.items()}
        if f.get("client_id") != st["client_id"]:
            return Response(401, json={"error": "unauthorized_client", "error_description": "Missing valid authorization header"})
        if f.get("grant_type") == "authorization_code":
            grant = st["codes"].pop(f.get("code"), None)
            if grant is None or grant["redirect_uri"] != f.get("redirect_uri"):
                return oauth_error("Value passed for the authorization code was invalid.")
            verifier = (f.get("code_verifier") or "").encode()
            if base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip(b"=").decode() != grant["challenge"]:
                return oauth_error("Value passed for the code verifier did not match the code challenge.")
            return ok(issue_tokens(server))
        if f.get("grant_type") == "refresh_token":
            if f.get("refresh_token") not in st["refresh_tokens"]:
                return oauth_error("Value passed for the token was invalid.")
            st["refresh_tokens"].discard(f["refresh_token"])  # rotation: the old one dies
            return ok(issue_tokens(server))
        return oauth_error("Missing required parameter [grant_type].")

    @server.route("POST", r"/2/oauth2/revoke")
    def revoke(req, m):
        f = {k: v[0] for k, v in req.form.items()}
        st["tokens"].pop(f.get("token"), None)
        st["refresh_tokens"].discard(f.get("token"))
        return ok({"revoked": True})

    @server.route("GET", r"/2/users/me")
    def me(req, m):
        return ok({"data": st["user"]}) if authed(req) else unauthorized

    @server.route("POST", r"/2/media/upload")
    def upload(req, m):
        if not authed(req):
            return unauthorized
        files = req.files.get("media") or []
        category = (req.form.get("media_category") or [""])[0]
        if not files or category != "tweet_image":
            return problem(400, "Invalid Request", "One or more parameters to your request was invalid.")
        if len(files[0]["data"]) > 5 * 1024 * 1024:
            return problem(400, "Invalid Request", "File size exceeds 5242880 bytes.")
        media_id = new_id()
        st["media"][media_id] = {"id": media_id, "data": files[0]["data"], "alt": None,
                                 "content_type": files[0]["content_type"]}
        return ok({"data": {"id": media_id, "media_key": f"3_{media_id}", "size": len(files[0]["data"]),
                            "expires_after_secs": 86400,
                            "image": {"image_type": files[0]["content_type"], "w": 32, "h": 24}}})

    @server.route("POST", r"/2/media/metadata")
    def metadata(req, m):
        if not authed(req):
            return unauthorized
        doc = req.json or {}
        item = st["media"].get(str(doc.get("id")))
        alt = ((doc.get("metadata") or {}).get("alt_text") or {}).get("text")
        if item is None or alt is None or len(alt) > 1000:
            return problem(400, "Invalid Request", "One or more parameters to your request was invalid.")
        item["alt"] = alt
        return ok({"data": {"id": item["id"], "associated_metadata": True}})

    @server.route("POST", r"/2/tweets")
    def create(req, m):
        if not authed(req):
            return unauthorized
        doc = req.json or {}
        text = doc.get("text") or ""
        media_ids = (doc.get("media") or {}).get("media_ids") or []
        if doc.get("poll") and media_ids:
            return problem(400, "Invalid Request", "One or more parameters to your request was invalid.")
        if not text and not media_ids:
            return problem(400, "Invalid Request", "One or more parameters to your request was invalid.")
        if any(t["text"] == text and text for t in st["tweets"].values()):
            return problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.")
        if any(str(i) not in st["media"] for i in media_ids):
            return problem(400, "Invalid Request", "Your media IDs are invalid.")
        reply = (doc.get("reply") or {}).get("in_reply_to_tweet_id")
        if reply and str(reply) not in st["tweets"]:
            return problem(403, "Forbidden", "You attempted to reply to a Tweet that is deleted or not visible to you.")
        tweet_id = new_id()
        st["tweets"][tweet_id] = {
            "id": tweet_id, "text": text, "edit_history_tweet_ids": [tweet_id],
            "created_at": st["now"]().strftime("%Y-%m-%dT%H:%M:%S.000Z"), "author_id": st["user"]["id"],
            "referenced_tweets": [{"type": "replied_to", "id": str(reply)}] if reply else None,
            "attachments": {"media_keys": [f"3_{i}" for i in media_ids]} if media_ids else None,
            "poll": doc.get("poll"),
            "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": 0, "quote_count": 0,
                               "bookmark_count": 0, "impression_count": 0},
        }
        return ok({"data": {"id": tweet_id, "text": text, "edit_history_tweet_ids": [tweet_id]}}, 201)

    def shape(tweet: dict[str, Any], fields: set[str]) -> dict[str, Any]:
        out = {"id": tweet["id"], "text": tweet["text"], "edit_history_tweet_ids": tweet["edit_history_tweet_ids"]}
        for name in fields:
            if tweet.get(name) is not None:
                out[name] = tweet[name]
        return out

    def fields_of(req: Request) -> set[str]:
        return set((req.query.get("tweet.fields") or [""])[0].split(",")) - {""}

    @server.route("GET", r"/2/tweets/(?P<id>\d+)")
    def get_tweet(req, m):
        if not authed(req):
            return unauthorized
        tweet = st["tweets"].get(m["id"])
        if tweet is None:
            return ok({"errors": [{"value": m["id"], "detail": f"Could not find tweet with id: [{m['id']}].",
                                   "title": "Not Found Error", "resource_type": "tweet", "parameter": "id",
                                   "resource_id": m["id"], "type": "https://api.twitter.com/2/problems/resource-not-found"}]})
        return ok({"data": shape(tweet, fields_of(req))})

    @server.route("GET", r"/2/users/(?P<id>\d+)/tweets")
    def timeline(req, m):
        if not authed(req):
            return unauthorized
        limit = int((req.query.get("max_results") or ["10"])[0])
        if not 5 <= limit <= 100:
            return problem(400, "Invalid Request", "The `max_results` query parameter value is not between 5 and 100")
        start = (req.query.get("start_time") or [None])[0]
        mine = [t for t in reversed(st["tweets"].values()) if t["author_id"] == m["id"]]
        if start:
            since = datetime.fromisoformat(start.replace("Z", "+00:00"))
            mine = [t for t in mine if datetime.fromisoformat(t["created_at"].replace("Z", "+00:00")) >= since]
        data = [shape(t, fields_of(req)) for t in mine[:limit]]
        meta = {"result_count": len(data)}
        if data:
            meta.update(newest_id=data[0]["id"], oldest_id=data[-1]["id"])
        return ok({"data": data, "meta": meta} if data else {"meta": meta})

    return server
