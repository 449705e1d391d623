# SPDX-License-Identifier: GPL-3.0-or-later
"""Mastodon's documented API shapes (4.3+), for connector and publisher tests.

``mastodon_routes(server)`` installs the routes and keeps everything in ``server.state``:
``statuses`` (id -> Status, in creation order), ``scheduled`` (id -> ScheduledStatus),
``media``, ``apps``, ``codes``, ``tokens`` (access token -> account id), ``revoked``,
``instance`` (the /api/v2/instance document), ``idempotency`` and ``now`` (a callable the tests
may replace to move the server's clock, e.g. past the one-hour Idempotency-Key lifetime).
``issue_token(server)`` returns a valid token without going through OAuth.

Sources: MDOC methods/{apps,oauth,statuses,media,scheduled_statuses}.md, entities/Instance.md,
api/rate-limits.md, and app/models/scheduled_status.rb (25 per day, 300 in total).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlencode, urlsplit


from tests.contract.mastodon_shapes import _content, _error, _fields, _length, _truthy, default_instance
from tests.contract.server import ContractServer, Request, Response

ACCOUNT = {"id": "109", "username": "brand", "acct": "brand", "display_name": "Brand",
           "url": "https://mastodon.example/@brand"}
IDEMPOTENCY_TTL = timedelta(hours=1)
MIN_LEAD = timedelta(minutes=5)
DAILY_LIMIT, TOTAL_LIMIT = 25, 300


def issue_token(server: ContractServer, account_id: str = ACCOUNT["id"]) -> str:
    token = "mtok-" + secrets.token_urlsafe(16)
    server.state["tokens"][token] = account_id
    return token


def mastodon_routes(server: ContractServer) -> ContractServer:
    st = server.state
    st.update(statuses={}, scheduled={}, media={}, apps={}, codes={}, tokens={}, revoked=[],
              idempotency={}, instance=default_instance(), next_id=1000, media_processing=0,
              now=lambda: datetime.now(timezone.utc), account=dict(ACCOUNT),
              scheduled_by={})  # scheduled status id -> the account that will post it

    def new_id() -> str:
        st["next_id"] += 1
        return str(st["next_id"])

    def now() -> datetime:
        return st["now"]()

    def rate_headers() -> dict[str, str]:
        reset = (now() + timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        return {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "299", "X-RateLimit-Reset": reset}

    def authed(req: Request) -> str | None:
        auth = req.header("authorization") or ""
        return st["tokens"].get(auth[7:]) if auth.startswith("Bearer ") else None

    def ok(json: Any, status: int = 200) -> Response:
        return Response(status, json=json, headers=rate_headers())

    unauthorized = _error(401, "The access token is invalid")

    # ---- apps and OAuth --------------------------------------------------------------------
    @server.route("POST", r"/api/v1/apps")
    def create_app(req, m):
        f = _fields(req)
        uris = f.get("redirect_uris") or ""
        uris = uris if isinstance(uris, list) else uris.split()
        if not f.get("client_name") or not uris:
            return _error(422, "Validation failed: Application name can't be blank, Redirect URI can't be blank")
        app = {"id": new_id(), "name": f["client_name"], "website": f.get("website"),
               "scopes": (f.get("scopes") or "read").split(), "redirect_uris": uris,
               "redirect_uri": "\n".join(uris), "client_id": "cid-" + secrets.token_hex(8),
               "client_secret": "csec-" + secrets.token_hex(12), "vapid_key": "BExample"}
        st["apps"][app["client_id"]] = app
        return ok(app)

    @server.route("GET", r"/oauth/authorize")
    def authorize(req, m):
        """The user's browser lands here; the fake user approves at once."""
        q = {k: v[0] for k, v in req.query.items()}
        app = st["apps"].get(q.get("client_id"))
        if app is None or q.get("redirect_uri") not in app["redirect_uris"]:
            return Response(400, body=b"<p>The redirect URI included is not valid.</p>",
                            headers={"Content-Type": "text/html"})
        if q.get("response_type") != "code" or q.get("code_challenge_method", "S256") != "S256":
            return Response(400, body=b"<p>unsupported</p>", headers={"Content-Type": "text/html"})
        if not set(q.get("scope", "read").split()) <= set(app["scopes"]):
            return Response(400, body=b"<p>invalid scope</p>", headers={"Content-Type": "text/html"})
        code = "code-" + secrets.token_urlsafe(12)
        st["codes"][code] = {"client_id": app["client_id"], "redirect_uri": q["redirect_uri"],
                             "challenge": q.get("code_challenge"), "scope": q.get("scope", "read")}
        params = {"code": code}
        if "state" in q:
            params["state"] = q["state"]
        sep = "&" if urlsplit(q["redirect_uri"]).query else "?"
        return Response(302, headers={"Location": q["redirect_uri"] + sep + urlencode(params)})

    def grant_error(description: str) -> Response:
        return Response(400, json={"error": "invalid_grant", "error_description": description})

    @server.route("POST", r"/oauth/token")
    def token(req, m):
        f = _fields(req)
        app = st["apps"].get(f.get("client_id"))
        if app is None or (f.get("client_secret") and f["client_secret"] != app["client_secret"]):
            return Response(401, json={"error": "invalid_client", "error_description": "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."})
        if f.get("grant_type") != "authorization_code":
            return Response(400, json={"error": "unsupported_grant_type", "error_description": "The authorization grant type is not supported by the authorization server."})
        grant = st["codes"].pop(f.get("code"), None)
        if grant is None or grant["client_id"] != app["client_id"] or grant["redirect_uri"] != f.get("redirect_uri"):
            return grant_error("The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.")
        if grant["challenge"]:
            verifier = f.get("code_verifier") or ""
            digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if digest != grant["challenge"]:
                return grant_error("The provided authorization grant is invalid: PKCE verification failed.")
        access = issue_token(server)
        return ok({"access_token": access, "token_type": "Bearer", "scope": grant["scope"],
                   "created_at": int(now().timestamp())})

    @server.route("POST", r"/oauth/revoke")
    def revoke(req, m):
        f = _fields(req)
        app = st["apps"].get(f.get("client_id"))
        if app is None or f.get("client_secret") != app["client_secret"]:
            return Response(403, json={"error": "unauthorized_client", "error_description": "You are not authorized to revoke this token"})
        if st["tokens"].pop(f.get("token"), None) is not None:
            st["revoked"].append(f["token"])
        return ok({})

    # ---- account and instance --------------------------------------------------------------
    @server.route("GET", r"/api/v1/accounts/verify_credentials")
    def verify(req, m):
        if authed(req) is None:
            return unauthorized
        return ok(dict(st["account"], source={"privacy": "public", "language": "en"}))

    @server.route("GET", r"/api/v2/instance")
    def instance(req, m):
        return ok(st["instance"])

    # ---- media -----------------------------------------------------------------------------
    def media_doc(item: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in item.items() if not k.startswith("_")}

    @server.route("POST", r"/api/v2/media")
    def upload(req, m):
        if authed(req) is None:
            return unauthorized
        files = req.files.get("file") or []
        if not files:
            return _error(422, "Validation failed: File can't be blank")
        f = files[0]
        limits = st["instance"]["configuration"]["media_attachments"]
        if f["content_type"] not in limits["supported_mime_types"]:
            return _error(422, "Validation failed: File content type is invalid, File is invalid")
        if len(f["data"]) > limits["image_size_limit"]:
            return _error(422, "Validation failed: File file size must be less than 16 MB")
        focus = (req.form.get("focus") or [None])[0]
        fx, fy = (float(v) for v in focus.split(",")) if focus else (0.0, 0.0)
        media_id = new_id()
        processing = st["media_processing"] > 0
        item = {"id": media_id, "type": "image", "description": (req.form.get("description") or [None])[0],
                "url": None if processing else f"https://files.mastodon.example/{media_id}.jpg",
                "preview_url": f"https://files.mastodon.example/{media_id}_small.jpg",
                "meta": {"focus": {"x": fx, "y": fy}}, "blurhash": "UFBWY:8_0Jxv",
                "_data": f["data"], "_filename": f["filename"], "_content_type": f["content_type"],
                "_polls_left": st["media_processing"]}
        st["media"][media_id] = item
        return ok(media_doc(item), 202 if processing else 200)

    @server.route("GET", r"/api/v1/media/(?P<id>\w+)")
    def media_status(req, m):
        if authed(req) is None:
            return unauthorized
        item = st["media"].get(m["id"])
        if item is None:
            return _error(404, "Record not found")
        if item["_polls_left"] > 0:
            item["_polls_left"] -= 1
            if item["_polls_left"] > 0:
                return ok(media_doc(item), 206)
        item["url"] = f"https://files.mastodon.example/{item['id']}.jpg"
        return ok(media_doc(item))

    # ---- statuses --------------------------------------------------------------------------
    def validate(f: dict[str, Any]) -> Response | None:
        conf = st["instance"]["configuration"]
        text, media_ids, poll = f.get("status") or "", f.get("media_ids") or [], f.get("poll")
        if not text.strip() and not media_ids:
            return _error(422, "Validation failed: Text can't be blank")
        if media_ids and poll:
            return _error(422, "Validation failed: Cannot attach files to a poll")
        limit = conf["statuses"]["max_characters"]
        if _length(f.get("spoiler_text") or "", 23) + _length(text, conf["statuses"]["characters_reserved_per_url"]) > limit:
            return _error(422, f"Validation failed: Text character limit of {limit} exceeded")
        if len(media_ids) > conf["statuses"]["max_media_attachments"]:
            return _error(422, "Validation failed: Media attachments is too long")
        for mid in media_ids:
            item = st["media"].get(str(mid))
            if item is None:
                return _error(422, "Validation failed: Media attachments are invalid")
            if item["url"] is None:
                return _error(422, "Cannot attach files that have not finished processing. Try again in a moment!")
        if poll:
            options = poll.get("options") or []
            if not 2 <= len(options) <= conf["polls"]["max_options"]:
                return _error(422, "Validation failed: Poll options must have between 2 and 4 items")
        if f.get("visibility", "public") not in ("public", "unlisted", "private", "direct"):
            return _error(422, "Validation failed: Visibility is not included in the list")
        if f.get("in_reply_to_id") and str(f["in_reply_to_id"]) not in st["statuses"]:
            return _error(404, "Record not found")
        return None

    def make_status(f: dict[str, Any], account_id: str) -> dict[str, Any]:
        status_id = new_id()
        poll = f.get("poll")
        status = {
            "id": status_id, "created_at": now().strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "in_reply_to_id": str(f["in_reply_to_id"]) if f.get("in_reply_to_id") else None,
            "sensitive": _truthy(f.get("sensitive")) or bool(f.get("spoiler_text")),
            "spoiler_text": f.get("spoiler_text") or "", "visibility": f.get("visibility", "public"),
            "language": f.get("language"), "uri": f"https://mastodon.example/users/brand/statuses/{status_id}",
            "url": f"https://mastodon.example/@brand/{status_id}", "replies_count": 0,
            "reblogs_count": 0, "favourites_count": 0, "quotes_count": 0,
            "content": _content(f.get("status") or ""), "reblog": None,
            "account": dict(st["account"], id=account_id),
            "media_attachments": [media_doc(st["media"][str(i)]) for i in f.get("media_ids") or []],
            "poll": None if not poll else {
                "id": new_id(), "multiple": _truthy(poll.get("multiple")),
                "expires_at": (now() + timedelta(seconds=int(poll.get("expires_in", 86400)))).isoformat(),
                "options": [{"title": o, "votes_count": 0} for o in poll["options"]]},
        }
        st["statuses"][status_id] = status
        return status

    st["make_status"] = make_status  # publish_due() reuses it

    def schedule(f: dict[str, Any], key: str | None, account_id: str) -> Response:
        at = datetime.fromisoformat(str(f["scheduled_at"]).replace("Z", "+00:00"))
        if at < now() + MIN_LEAD:
            return _error(422, "Validation failed: Scheduled at The scheduled date must be in the future")
        same_day = [s for s in st["scheduled"].values() if s["scheduled_at"][:10] == at.strftime("%Y-%m-%d")]
        if len(same_day) >= DAILY_LIMIT:
            return _error(422, f"Validation failed: Scheduled at You have exceeded the limit of {DAILY_LIMIT} scheduled posts for that day")
        if len(st["scheduled"]) >= TOTAL_LIMIT:
            return _error(422, f"Validation failed: Scheduled at You have exceeded the limit of {TOTAL_LIMIT} scheduled posts")
        sid = new_id()
        params = {k: v for k, v in f.items() if k not in ("scheduled_at", "status")}
        params.update(text=f.get("status") or "", idempotency=key)
        item = {"id": sid, "scheduled_at": at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "params": params,
                "media_attachments": [media_doc(st["media"][str(i)]) for i in f.get("media_ids") or []]}
        st["scheduled"][sid] = item
        st["scheduled_by"][sid] = account_id
        return ok(item)

    @server.route("POST", r"/api/v1/statuses")
    def create_status(req, m):
        account_id = authed(req)
        if account_id is None:
            return unauthorized
        key = req.header("idempotency-key")
        slot = (account_id, key)
        if key:
            seen = st["idempotency"].get(slot)
            if seen is not None and now() - seen[0] < IDEMPOTENCY_TTL:
                return seen[1]
        f = _fields(req)
        problem = validate(f)
        if problem is not None:
            return problem
        resp = schedule(f, key, account_id) if f.get("scheduled_at") else ok(make_status(f, account_id))
        if key and resp.status == 200:
            st["idempotency"][slot] = (now(), resp)
        return resp

    @server.route("GET", r"/api/v1/statuses/(?P<id>\w+)")
    def get_status(req, m):
        status = st["statuses"].get(m["id"])
        return ok(status) if status else _error(404, "Record not found")

    @server.route("DELETE", r"/api/v1/statuses/(?P<id>\w+)")
    def delete_status(req, m):
        if authed(req) is None:
            return unauthorized
        status = st["statuses"].pop(m["id"], None)
        return ok(dict(status, text="")) if status else _error(404, "Record not found")

    @server.route("GET", r"/api/v1/accounts/(?P<id>\w+)/statuses")
    def account_statuses(req, m):
        limit = min(int((req.query.get("limit") or ["20"])[0]), 40)
        max_id = (req.query.get("max_id") or [None])[0]
        mine = [s for s in reversed(st["statuses"].values()) if s["account"]["id"] == m["id"]]
        if max_id:
            mine = [s for s in mine if int(s["id"]) < int(max_id)]
        return ok(mine[:limit])

    # ---- scheduled statuses ----------------------------------------------------------------
    @server.route("GET", r"/api/v1/scheduled_statuses")
    def list_scheduled(req, m):
        if authed(req) is None:
            return unauthorized
        return ok(sorted(st["scheduled"].values(), key=lambda s: s["scheduled_at"]))

    @server.route("GET", r"/api/v1/scheduled_statuses/(?P<id>\w+)")
    def get_scheduled(req, m):
        if authed(req) is None:
            return unauthorized
        item = st["scheduled"].get(m["id"])
        return ok(item) if item else _error(404, "Record not found")

    @server.route("PUT", r"/api/v1/scheduled_statuses/(?P<id>\w+)")
    def move_scheduled(req, m):
        if authed(req) is None:
            return unauthorized
        item = st["scheduled"].get(m["id"])
        if item is None:
            return _error(404, "Record not found")
        f = _fields(req)
        at = datetime.fromisoformat(str(f.get("scheduled_at", "")).replace("Z", "+00:00"))
        if at < now() + MIN_LEAD:
            return _error(422, "Validation failed: Scheduled at The scheduled date must be in the future")
        item["scheduled_at"] = at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        return ok(item)

    @server.route("DELETE", r"/api/v1/scheduled_statuses/(?P<id>\w+)")
    def delete_scheduled(req, m):
        if authed(req) is None:
            return unauthorized
        return ok({}) if st["scheduled"].pop(m["id"], None) else _error(404, "Record not found")

    return server


def publish_due(server: ContractServer) -> list[str]:
    """Let the server's scheduler run: every scheduled status whose time has come becomes a
    status. Returns the new status ids."""
    st = server.state
    made = []
    for sid, item in list(st["scheduled"].items()):
        if datetime.fromisoformat(item["scheduled_at"].replace("Z", "+00:00")) <= st["now"]():
            del st["scheduled"][sid]
            fields = dict(item["params"], status=item["params"]["text"])
            made.append(st["make_status"](fields, st["scheduled_by"].pop(sid, st["account"]["id"]))["id"])
    return made
