# SPDX-License-Identifier: GPL-3.0-or-later
"""Telegram Bot API shapes for a channel: getMe, getChat, getChatMember, sendMessage, sendPhoto
(multipart) and sendMediaGroup (multipart with attach://), with the Bot API's own error bodies
{ok: false, error_code, description, parameters: {retry_after}}.

``server.state["messages"]`` lists what was really posted, so a test counts duplicates.
"""

from __future__ import annotations

import json
import threading
from typing import Any

from tests.contract.server import ContractServer, Request, Response, Status

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
BOT_ID = 123456789
CHANNEL, CHAT_ID = "@cmdesk_news", -1001234567890


def tg_error(code: int, description: str, **parameters: Any) -> Response:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return Response(code, json=body)


def flood(retry_after: int) -> Status:
    """Flood control as Telegram answers it: the wait is in the body, not in a header."""
    return Status(429, json={"ok": False, "error_code": 429,
                             "description": f"Too Many Requests: retry after {retry_after}",
                             "parameters": {"retry_after": retry_after}})


def _field(req: Request, name: str) -> Any:
    if req.json is not None:
        return req.json.get(name)
    value = (req.form.get(name) or [None])[0]
    if value is not None and name in ("media", "entities", "caption_entities",
                                      "reply_parameters"):
        return json.loads(value)
    return value


def telegram_routes(server: ContractServer) -> ContractServer:
    st = server.state
    st.update(messages=[], next_id=100, admin=True, sent=threading.Event())
    prefix = r"/bot(?P<token>[^/]+)/"

    def wrap(handler):
        def checked(req: Request, m) -> Response:
            if m.group("token") != TOKEN:
                return tg_error(401, "Unauthorized")
            chat = _field(req, "chat_id")
            if chat is not None and str(chat) not in (CHANNEL, str(CHAT_ID)):
                return tg_error(400, "Bad Request: chat not found")
            return handler(req)
        return checked

    def post(kind: str, req: Request, **extra: Any) -> dict[str, Any]:
        st["next_id"] += 1
        message = {"message_id": st["next_id"], "date": 1795322883,
                   "chat": {"id": CHAT_ID, "title": "Cmdesk news", "type": "channel",
                            "username": CHANNEL[1:]}, **extra}
        reply = _field(req, "reply_parameters")
        if reply:
            message["reply_to_message"] = {"message_id": reply["message_id"]}
        st["messages"].append({"kind": kind, **message})
        st["sent"].set()
        return message

    def ok(result: Any) -> Response:
        return Response(json={"ok": True, "result": result})

    @server.route("POST", prefix + "getMe")
    @wrap
    def get_me(req: Request) -> Response:
        return ok({"id": BOT_ID, "is_bot": True, "first_name": "Cmdesk", "username": "cmdesk_bot"})

    @server.route("POST", prefix + "getChat")
    @wrap
    def get_chat(req: Request) -> Response:
        return ok({"id": CHAT_ID, "type": "channel", "title": "Cmdesk news",
                   "username": CHANNEL[1:]})

    @server.route("POST", prefix + "getChatMember")
    @wrap
    def get_member(req: Request) -> Response:
        if not st["admin"]:
            return ok({"status": "left", "user": {"id": BOT_ID, "is_bot": True}})
        return ok({"status": "administrator", "can_post_messages": True,
                   "user": {"id": BOT_ID, "is_bot": True}})

    @server.route("POST", prefix + "sendMessage")
    @wrap
    def send_message(req: Request) -> Response:
        text = _field(req, "text") or ""
        if not text or len(text.encode("utf-16-le")) // 2 > 4096:
            return tg_error(400, "Bad Request: message is too long" if text
                            else "Bad Request: message text is empty")
        return ok(post("text", req, text=text, entities=_field(req, "entities") or []))

    @server.route("POST", prefix + "sendPhoto")
    @wrap
    def send_photo(req: Request) -> Response:
        photo = (req.files.get("photo") or [None])[0]
        if photo is None:
            return tg_error(400, "Bad Request: there is no photo in the request")
        return ok(post("photo", req, photo=[{"file_id": "F0", "file_size": len(photo["data"])}],
                       caption=_field(req, "caption"),
                       caption_entities=_field(req, "caption_entities") or []))

    @server.route("POST", prefix + "sendMediaGroup")
    @wrap
    def send_group(req: Request) -> Response:
        media = _field(req, "media") or []
        if not 2 <= len(media) <= 10:
            return tg_error(400, "Bad Request: wrong number of media")
        names = [item["media"].removeprefix("attach://") for item in media]
        missing = [n for n in names if n not in req.files]
        if missing:
            return tg_error(400, f"Bad Request: file {missing[0]} not found")
        messages = []
        for item, name in zip(media, names):
            messages.append(post("album", req, photo=[{"file_id": name}],
                                 caption=item.get("caption"), media_group_id="g1"))
        return ok(messages)

    return server
