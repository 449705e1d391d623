# SPDX-License-Identifier: GPL-3.0-or-later
"""Discord channels through a webhook URL (Channel settings > Integrations > Webhooks).

The URL is the credential (it carries the webhook's token), so it lives in the keyring only.
Messages are sent with ``?wait=true``, which makes Discord answer with the message (and report a
refused one) instead of a bare 204. A webhook cannot list the channel, so the returned message
id, kept as soon as it comes back, is the only way to tell later that a post went out.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

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
from cmdesk.core.connectors.errors import AuthExpired, Permanent, Unconfirmed
from cmdesk.core.connectors.http import is_loopback
from cmdesk.core.connectors.responses import json_body, network_message
from cmdesk.core.i18n import translate
from cmdesk.core.model import Account
from cmdesk.core.text.graphemes import normalize

TEXT_LIMIT = 2000
FILES_MAX = 10
DESCRIPTION_LIMIT = 1024  # an attachment's description: Discord's alt text
_WEBHOOK_PATH = re.compile(r"^/api(?:/v\d+)?/webhooks/(?P<id>\d+)/(?P<token>[\w-]+)/?$")
# 10015 Unknown Webhook (deleted), 50027 Invalid Webhook Token: only the user can fix these.
_DEAD_WEBHOOK_CODES = {10015, 50027}


class DiscordConnector(Connector):
    capabilities = Capabilities(
        network="discord",
        display_name="Discord",
        text_limit=TEXT_LIMIT,
        max_media=FILES_MAX,
        media_formats=("image/jpeg", "image/png", "image/webp", "image/gif"),
        max_image_bytes=10 * 1024 * 1024,
        alt_text_limit=DESCRIPTION_LIMIT,
        idempotency="none",
        metrics=("reactions",),
        auth="webhook",
        requirements=translate(
            "Requirements",
            "Discord needs a webhook of the channel you post to: Channel settings > "
            "Integrations > Webhooks > New webhook > Copy webhook URL. Anyone with that address "
            "can post there, so cmdesk keeps it in your system keyring.",
        ),
    )

    HOSTS = ("discord.com", "discordapp.com", "canary.discord.com", "ptb.discord.com")

    sign_in_fields = (
        SignInField("webhook_url", translate("SignIn", "Webhook URL"), secret=True,
                    placeholder="https://discord.com/api/webhooks/…"),
    )

    # ---- sign-in ------------------------------------------------------------------------
    @classmethod
    def parse_webhook(cls, url: str) -> tuple[str, str]:
        """(webhook id, URL without query) of a pasted webhook URL; Permanent if it is none."""
        parts = urlsplit(url.strip())
        match = _WEBHOOK_PATH.match(parts.path)
        host_ok = parts.hostname in cls.HOSTS or is_loopback(parts.hostname)
        if not match or not host_ok:
            raise Permanent(translate(
                "Discord", "This is not a Discord webhook address (it starts with "
                "https://discord.com/api/webhooks/)."))
        return match.group("id"), f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"

    @classmethod
    def sign_in(cls, values: dict[str, str], *, secrets: Any, http: Any,
                browser: Any = None) -> Account:
        webhook_id, url = cls.parse_webhook(values["webhook_url"])
        account = Account(network="discord", name="Discord", settings={"webhook_id": webhook_id})
        probe = cls(account, None, http, url=url)
        info = probe._json("GET", "")
        account.name = str(info.get("name") or "Discord")
        account.settings.update(channel_id=info.get("channel_id"), guild_id=info.get("guild_id"))
        probe._url.save_to(secrets, account.secret_key)
        return account

    def __init__(self, account: Account, secrets: Any, http: Any, *,
                 url: str | None = None) -> None:
        super().__init__(account, secrets, http)
        self._url = Credential(secrets, account.secret_key, "webhook_url", translate(
            "Discord", "No webhook address: connect the Discord channel again."), url)

    # ---- requests -----------------------------------------------------------------------
    def _json(self, method: str, path: str, *, creates: bool = False, **kwargs: Any) -> Any:
        response = self.http.request(method, self._url.get() + path, creates=creates, **kwargs)
        if response.status_code in (401, 403, 404):
            try:
                code = int((response.json() or {}).get("code") or 0)
            except (ValueError, AttributeError, TypeError):
                code = 0
            if code in _DEAD_WEBHOOK_CODES or response.status_code == 401:
                raise AuthExpired(translate(
                    "Discord", "Discord no longer accepts this webhook ({reason}): it was deleted "
                    "or reset. Connect the channel again.").format(reason=network_message(response)))
        return json_body(response, creates=creates, required=("id",))

    # ---- contract -----------------------------------------------------------------------
    def check(self) -> AccountCheck:
        info = self._json("GET", "")
        return AccountCheck(ok=True, display_name=str(info.get("name") or self.account.name))

    def publish(self, request: PublishRequest) -> PublishResult:
        for part in request.parts:
            _validate(part)
        sent: list[str] = list(request.progress.get("discord_messages") or [])
        for index, part in enumerate(request.parts):
            if index < len(sent):
                continue
            request.save_progress(discord_sending=index)  # from here on a crash leaves a doubt
            message = self._send(part, request.options if index == 0 else {})
            sent.append(str(message["id"]))
            request.save_progress(discord_messages=sent)
        return self._result(sent)

    def lookup(self, request: PublishRequest) -> PublishResult | None:
        sent = list(request.progress.get("discord_messages") or [])
        if request.progress.get("discord_sending", -1) < len(sent) and \
                len(sent) < len(request.parts):
            return None  # the next send never started
        if len(sent) == len(request.parts):
            result = self._result(sent)
            try:
                self._json("GET", f"/messages/{sent[0]}")
            except Permanent:
                # Gone from the channel (a moderator deleted it): it did go out, so it must
                # not be sent again.
                result.extra["deleted"] = True
            return result
        raise Unconfirmed(translate(
            "Discord", "Discord cannot tell whether the message went out: check the channel."))

    def metrics(self, remote_id: str) -> dict[str, int]:
        message = self._json("GET", f"/messages/{remote_id}")
        return {"reactions": sum(int(r.get("count") or 0) for r in message.get("reactions") or [])}

    def sign_out(self) -> None:
        # The webhook belongs to the channel: deleting it would break it for everyone else.
        self.secrets.delete(self.account.secret_key)

    # ---- steps --------------------------------------------------------------------------
    def _send(self, part: PostPart, options: dict[str, Any]) -> dict[str, Any]:
        payload: dict[str, Any] = {"content": normalize(part.text),
                                   # never ping @everyone or a role from a scheduled post
                                   "allowed_mentions": {"parse": []}}
        if options.get("thread_name"):  # a forum channel opens a new thread per post
            payload["thread_name"] = str(options["thread_name"])[:100]
        if not part.media:
            return self._json("POST", "", params={"wait": "true"}, json=payload, creates=True)
        payload["attachments"] = [
            {"id": i, "filename": m.filename, **({"description": m.alt} if m.alt else {})}
            for i, m in enumerate(part.media)]
        files = {f"files[{i}]": (m.filename, m.data, m.mime) for i, m in enumerate(part.media)}
        return self._json("POST", "", params={"wait": "true"}, creates=True, files=files,
                          data={"payload_json": json.dumps(payload, ensure_ascii=False)})

    def _result(self, ids: list[str]) -> PublishResult:
        guild, channel = self.account.settings.get("guild_id"), self.account.settings.get("channel_id")
        url = f"https://discord.com/channels/{guild}/{channel}/{ids[0]}" if guild and channel else None
        return PublishResult(remote_id=ids[0], remote_url=url, part_ids=ids)


def _validate(part: PostPart) -> None:
    if len(normalize(part.text)) > TEXT_LIMIT:
        raise Permanent(translate("Discord", "Too long for Discord: 2000 characters at most."))
    if len(part.media) > FILES_MAX:
        raise Permanent(translate("Discord", "Discord takes 10 pictures at most per message."))
    if not part.text.strip() and not part.media:
        raise Permanent(translate("Discord", "Discord cannot send an empty message."))
    if any(len(m.alt or "") > DESCRIPTION_LIMIT for m in part.media):
        raise Permanent(translate("Discord", "A picture description is longer than 1024 characters."))


CONNECTOR = DiscordConnector
