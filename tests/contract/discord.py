# SPDX-License-Identifier: GPL-3.0-or-later
"""Discord webhook shapes: GET the webhook, execute it with ``?wait=true`` (JSON, or multipart
``files[n]`` + ``payload_json`` with ``attachments`` descriptions), GET a message it sent; errors
{message, code} and 429 with X-RateLimit-* headers and a ``retry_after`` body.

``server.state["messages"]`` is what the channel really shows, so a test counts duplicates.
"""

from __future__ import annotations

import json
import threading
from typing import Any

from tests.contract.server import ContractServer, Request, Response, Status

WEBHOOK_ID, WEBHOOK_TOKEN = "112233445566778899", "tOkEn-abc_DEF123"
GUILD_ID, CHANNEL_ID = "900000000000000001", "900000000000000002"
PATH = rf"/api/webhooks/{WEBHOOK_ID}/(?P<token>[\w-]+)"


def webhook_url(server: ContractServer, token: str = WEBHOOK_TOKEN) -> str:
    return f"{server.url}/api/webhooks/{WEBHOOK_ID}/{token}"


def rate_limited(after_s: float) -> Status:
    return Status(429, headers={"X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0",
                                "X-RateLimit-Reset-After": f"{after_s:.3f}",
                                "X-RateLimit-Bucket": "abcd1234", "X-RateLimit-Scope": "shared",
                                "Retry-After": str(int(after_s))},
                  json={"message": "You are being rate limited.", "retry_after": after_s,
                        "global": False})


def discord_routes(server: ContractServer) -> ContractServer:
    st = server.state
    st.update(messages={}, next_id=1_200_000_000_000_000_000, token=WEBHOOK_TOKEN,
              sent=threading.Event())

    def denied(m) -> Response | None:
        if m.group("token") != st["token"]:
            return Response(401, json={"message": "Invalid Webhook Token", "code": 50027})
        return None

    @server.route("GET", PATH)
    def get_webhook(req: Request, m) -> Response:
        return denied(m) or Response(json={
            "id": WEBHOOK_ID, "type": 1, "name": "Annonces", "channel_id": CHANNEL_ID,
            "guild_id": GUILD_ID, "token": st["token"], "application_id": None})

    @server.route("POST", PATH)
    def execute(req: Request, m) -> Response:
        if (refused := denied(m)):
            return refused
        if req.json is not None:
            payload, files = req.json, {}
        else:
            payload = json.loads((req.form.get("payload_json") or ["{}"])[0])
            files = req.files
        content = payload.get("content") or ""
        if len(content) > 2000:
            return Response(400, json={"message": "Invalid Form Body", "code": 50035,
                                       "errors": {"content": {"_errors": [{
                                           "code": "BASE_TYPE_MAX_LENGTH",
                                           "message": "Must be 2000 or fewer in length."}]}}})
        attachments = []
        for meta in payload.get("attachments") or []:
            part = (files.get(f"files[{meta['id']}]") or [None])[0]
            if part is None:
                return Response(400, json={"message": "Invalid Form Body", "code": 50035})
            attachments.append({"id": str(meta["id"]), "filename": meta.get("filename"),
                                "description": meta.get("description"),
                                "size": len(part["data"]), "content_type": part["content_type"]})
        if not content and not attachments:
            return Response(400, json={"message": "Cannot send an empty message", "code": 50006})
        st["next_id"] += 1
        message: dict[str, Any] = {"id": str(st["next_id"]), "type": 0, "content": content,
                                   "channel_id": CHANNEL_ID, "webhook_id": WEBHOOK_ID,
                                   "attachments": attachments, "reactions": [],
                                   "author": {"id": WEBHOOK_ID, "username": "Annonces",
                                              "bot": True}}
        st["messages"][message["id"]] = message
        st["sent"].set()
        if (req.query.get("wait") or ["false"])[0] != "true":
            return Response(204)
        return Response(json=message)

    @server.route("GET", PATH + r"/messages/(?P<message>\d+)")
    def get_message(req: Request, m) -> Response:
        if (refused := denied(m)):
            return refused
        message = st["messages"].get(m.group("message"))
        if message is None:
            return Response(404, json={"message": "Unknown Message", "code": 10008})
        return Response(json=message)

    return server
