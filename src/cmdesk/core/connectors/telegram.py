# SPDX-License-Identifier: GPL-3.0-or-later
"""Telegram channels through the Bot API, with a bot the user made (@BotFather) and added to
the channel as an administrator.

The Bot API cannot read a channel's history, so the ``message_id`` it returns is the only proof
a post went out: each one is kept (``request.save_progress``) as soon as it comes back, and a
mark is kept before each send. After a crash the lookup knows "never sent" (no mark) and "sent"
(an id); in between, the network cannot tell, and we say so (Unconfirmed).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

from cmdesk.core.connectors.base import (
    AccountCheck,
    Connector,
    PostPart,
    PublishRequest,
    PublishResult,
    SignInField,
)
from cmdesk.core.connectors.capabilities import Capabilities
from cmdesk.core.connectors.credential import Credential
from cmdesk.core.connectors.errors import (
    AuthExpired,
    Permanent,
    RateLimited,
    Unconfirmed,
)
from cmdesk.core.connectors.responses import check, network_message, unexpected
from cmdesk.core.i18n import translate
from cmdesk.core.model import Account
from cmdesk.core.text.entities import find_entities
from cmdesk.core.text.graphemes import normalize, utf16_len

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
ALBUM_MAX = 10
_ENTITY_TYPES = {"link": "url", "hashtag": "hashtag"}


def entities(text: str) -> list[dict[str, Any]]:
    """Links and hashtags as Bot API MessageEntity objects, offsets in UTF-16 code units."""
    found = []
    for entity in find_entities(text):
        kind = _ENTITY_TYPES.get(entity.kind)
        if kind:
            found.append({"type": kind, "offset": utf16_len(text[:entity.start]),
                          "length": utf16_len(entity.text)})
    return found


class TelegramConnector(Connector):
    capabilities = Capabilities(
        network="telegram",
        display_name="Telegram",
        text_limit=TEXT_LIMIT,
        caption_limit=CAPTION_LIMIT,
        max_media=ALBUM_MAX,
        media_formats=("image/jpeg", "image/png", "image/webp"),
        max_image_bytes=10_000_000,
        aspect_range=(1 / 20, 20.0),
        alt_text_limit=None,  # Telegram has no alt text
        idempotency="none",
        threads=True,  # later parts answer the first one in the channel
        auth="bot-token",
        requirements=translate(
            "Requirements",
            "Telegram needs a bot of your own: create it with @BotFather, then add it to your "
            "channel as an administrator allowed to post messages. Give the bot token and the "
            "channel (@name, or its numeric id starting with -100).",
        ),
    )

    API = "https://api.telegram.org"

    sign_in_fields = (
        SignInField("bot_token", translate("SignIn", "Bot token"), secret=True,
                    placeholder="123456789:AA…"),
        SignInField("channel", translate("SignIn", "Channel"), placeholder="@mychannel",
                    help=translate("SignIn", "@name of a public channel, or the numeric id "
                                             "(-100…) of a private one.")),
    )

    # ---- sign-in ------------------------------------------------------------------------
    @classmethod
    def sign_in(cls, values: dict[str, str], *, secrets: Any, http: Any,
                browser: Any = None) -> Account:
        token = values["bot_token"].strip()
        channel = values["channel"].strip()
        if not channel.startswith("@") and not channel.lstrip("-").isdigit():
            channel = "@" + channel.rsplit("/", 1)[-1]  # "t.me/name" or "name"
        account = Account(network="telegram", name=channel, server=cls.API,
                          settings={"chat_id": channel})
        probe = cls(account, None, http, token=token)
        me = probe._call("getMe")
        chat = probe._call("getChat", {"chat_id": channel})
        member = probe._call("getChatMember", {"chat_id": channel, "user_id": me.get("id")})
        if member.get("status") != "administrator" or member.get("can_post_messages") is False:
            raise AuthExpired(translate(
                "Telegram", "The bot @{bot} is not an administrator of {channel} allowed to post: "
                "add it in the channel's settings.").format(bot=me.get("username", "?"),
                                                            channel=channel))
        account.name = str(chat.get("title") or channel)
        account.settings.update(chat_id=chat.get("id", channel), channel=channel,
                                bot=me.get("username"))
        probe._token.save_to(secrets, account.secret_key)
        return account

    def __init__(self, account: Account, secrets: Any, http: Any, *,
                 token: str | None = None) -> None:
        super().__init__(account, secrets, http)
        self._token = Credential(secrets, account.secret_key, "bot_token",
                                 translate("Telegram", "No bot token: sign in again."), token)

    # ---- requests -----------------------------------------------------------------------
    def _url(self, method: str) -> str:
        return f"{(self.account.server or self.API).rstrip('/')}/bot{self._token.get()}/{method}"

    def _call(self, method: str, body: dict[str, Any] | None = None, *,
              files: dict[str, Any] | None = None, creates: bool = False) -> Any:
        if files:
            data = {k: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
                    for k, v in (body or {}).items()}
            response = self.http.post(self._url(method), data=data, files=files, creates=creates)
        else:
            response = self.http.post(self._url(method), json=body or {}, creates=creates)
        return _result(response, creates=creates)

    # ---- contract -----------------------------------------------------------------------
    def check(self) -> AccountCheck:
        chat = self._call("getChat", {"chat_id": self.account.settings["chat_id"]})
        return AccountCheck(ok=True, display_name=str(chat.get("title") or self.account.name))

    def publish(self, request: PublishRequest) -> PublishResult:
        _validate(request.parts)
        sent: list[int] = list(request.progress.get("tg_messages") or [])
        for index, part in enumerate(request.parts):
            if index < len(sent):
                continue
            request.save_progress(tg_sending=index)  # from here on, a crash leaves a doubt
            reply_to = sent[0] if sent else None
            sent.append(self._send(part, reply_to))
            request.save_progress(tg_messages=sent)
        return self._result(sent)

    def lookup(self, request: PublishRequest) -> PublishResult | None:
        sent = list(request.progress.get("tg_messages") or [])
        if sent and len(sent) == len(request.parts):
            return self._result(sent)
        if request.progress.get("tg_sending", -1) < len(sent):
            return None  # the next send never started: nothing can have gone out
        raise Unconfirmed(translate(
            "Telegram", "Telegram cannot tell whether the post went out: check the channel."))

    def sign_out(self) -> None:
        # A bot token cannot be revoked through the Bot API (only in @BotFather): forget it.
        self.secrets.delete(self.account.secret_key)

    # ---- steps --------------------------------------------------------------------------
    def _send(self, part: PostPart, reply_to: int | None) -> int:
        chat = self.account.settings["chat_id"]
        text = normalize(part.text)
        body: dict[str, Any] = {"chat_id": chat}
        if reply_to is not None:
            body["reply_parameters"] = {"message_id": reply_to}
        if not part.media:
            body.update(text=text, entities=entities(text))
            return _message_id(self._call("sendMessage", body, creates=True))
        if len(part.media) == 1:
            media = part.media[0]
            if text:
                body.update(caption=text, caption_entities=entities(text))
            result = self._call("sendPhoto", body, creates=True,
                                files={"photo": (media.filename, media.data, media.mime)})
            return _message_id(result)
        album = [{"type": "photo", "media": f"attach://f{i}"} for i in range(len(part.media))]
        if text:
            album[0].update(caption=text, caption_entities=entities(text))
        body["media"] = album
        files = {f"f{i}": (m.filename, m.data, m.mime) for i, m in enumerate(part.media)}
        result = self._call("sendMediaGroup", body, files=files, creates=True)
        if not isinstance(result, list) or not result:
            raise unexpected(None, creates=True)
        return _message_id(result[0])

    def _result(self, ids: list[int]) -> PublishResult:
        channel = str(self.account.settings.get("channel") or "")
        url = None
        if channel.startswith("@"):
            url = f"https://t.me/{channel[1:]}/{ids[0]}"
        elif channel.startswith("-100"):
            url = f"https://t.me/c/{channel[4:]}/{ids[0]}"
        return PublishResult(remote_id=str(ids[0]), remote_url=url,
                             part_ids=[str(i) for i in ids])


def _validate(parts: list[PostPart]) -> None:
    for part in parts:
        limit = CAPTION_LIMIT if part.media else TEXT_LIMIT
        if utf16_len(normalize(part.text)) > limit:
            raise Permanent(translate(
                "Telegram", "Too long for Telegram: {limit} characters at most {where}.").format(
                limit=limit, where=translate("Telegram", "under pictures") if part.media
                else translate("Telegram", "in a message")))
        if len(part.media) > ALBUM_MAX:
            raise Permanent(translate("Telegram", "Telegram takes 10 pictures at most per post."))
        if not part.text.strip() and not part.media:
            raise Permanent(translate("Telegram", "Telegram cannot send an empty message."))


def _message_id(message: Any) -> int:
    if not isinstance(message, dict) or not isinstance(message.get("message_id"), int):
        raise unexpected(None, creates=True)
    return message["message_id"]


def _result(response: Any, *, creates: bool) -> Any:
    """The ``result`` of a Bot API answer, or its typed error."""
    try:
        doc = response.json()
    except ValueError:
        doc = None
    if response.status_code == 429:
        retry = ((doc or {}).get("parameters") or {}).get("retry_after") if isinstance(doc, dict) else None
        if retry is not None:
            raise RateLimited(datetime.now(timezone.utc) + timedelta(seconds=float(retry)),
                              network_message(response))
    if response.status_code in (401, 403):
        # 401: the token was revoked; 403: the bot was removed from the channel. Either way the
        # user must act before anything can be posted.
        raise AuthExpired(network_message(response))
    check(response)
    if not isinstance(doc, dict) or doc.get("ok") is not True or "result" not in doc:
        raise unexpected(response, creates=creates)
    return doc["result"]


CONNECTOR = TelegramConnector
