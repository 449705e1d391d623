# SPDX-License-Identifier: GPL-3.0-or-later
"""X (API v2): posts with images and alt text, polls, threads as reply chains, lookup by
timeline, public metrics.

X has no idempotency key, so exactly-once rests on checkpoints (each post made is saved in
``request.progress`` before the next is sent) and on lookup by text after a crash. X refuses an
identical text with 403 "duplicate content": that is Permanent with X's own words, never a
proof that our post went out.
"""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import datetime, timedelta, timezone
from typing import Any

from cmdesk.core.connectors import x_auth
from cmdesk.core.connectors.base import (
    AccountCheck,
    Connector,
    PostPart,
    PublishRequest,
    PublishResult,
)
from cmdesk.core.connectors.capabilities import Capabilities
from cmdesk.core.connectors.errors import AuthExpired, Permanent, Unconfirmed
from cmdesk.core.connectors.responses import check, json_body
from cmdesk.core.i18n import translate
from cmdesk.core.model import Account, from_iso, to_iso

LOOKUP_RESULTS = 20  # each post read is billed: look at few, from just before the attempt
LOOKUP_MARGIN = timedelta(minutes=2)
POLL_MINUTES = (5, 10080)
METRIC_FIELDS = {"retweets": "retweet_count", "replies": "reply_count", "likes": "like_count",
                 "quotes": "quote_count", "bookmarks": "bookmark_count",
                 "impressions": "impression_count"}


def _duplicate(exc: Permanent) -> bool:
    return "duplicate content" in exc.reason.lower()


def comparable(text: str) -> str:
    """Text as X gives it back: links become t.co, & comes back as &amp;, NFC applied."""
    text = unicodedata.normalize("NFC", html.unescape(text or ""))
    text = re.sub(r"https?://\S+", "<link>", text)
    return " ".join(text.split())


class XConnector(Connector):
    capabilities = Capabilities(
        network="x",
        display_name="X",
        text_limit=280,
        max_media=4,
        media_formats=("image/jpeg", "image/png", "image/gif", "image/webp"),
        max_image_bytes=5_242_880,
        alt_text_limit=1000,
        idempotency="none",
        metrics=tuple(METRIC_FIELDS),
        threads=True,
        polls=True,
        poll_options=(2, 4),
        auth="oauth-pkce",
        requirements="Your own X developer app (a Native App with OAuth 2.0 turned on and the "
                     "callback http://127.0.0.1:8765/callback). cmdesk asks for its Client ID and "
                     "keeps it in your keyring. X bills each post to that app.",
        extra={"text_unit": "weighted", "text_rule": "weighted-280", "poll_option_chars": 25,
               "poll_min_s": POLL_MINUTES[0] * 60, "poll_max_s": POLL_MINUTES[1] * 60},
    )
    sign_in_fields = x_auth.SIGN_IN_FIELDS

    @classmethod
    def sign_in(cls, values: dict[str, str], *, secrets: Any, http: Any,
                browser: Any = None) -> Account:
        return x_auth.sign_in(values, secrets=secrets, http=http, browser=browser)

    def __init__(self, account: Account, secrets: Any, http: Any) -> None:
        super().__init__(account, secrets, http)
        self.now = lambda: datetime.now(timezone.utc)  # tests move it

    def _call(self, method: str, path: str, *, creates: bool = False,
              required: tuple[str, ...] = (), **kwargs: Any) -> Any:
        url = self.account.server + path
        for attempt in (0, 1):
            token = x_auth.access_token(self.account, self.secrets, self.http, self.now(),
                                        force=attempt == 1)
            response = self.http.request(method, url, headers={"Authorization": f"Bearer {token}"},
                                         creates=creates, **kwargs)
            # A 401 means nothing was applied: refresh once and send it again.
            if response.status_code != 401 or attempt == 1:
                break
            if not (self.secrets.get(self.account.secret_key) or {}).get("refresh_token"):
                break
        return json_body(response, creates=creates, required=required)

    # ---- account ------------------------------------------------------------------------------
    def check(self) -> AccountCheck:
        try:
            me = self._call("GET", "/2/users/me", required=("data",))["data"]
        except AuthExpired as exc:
            return AccountCheck(ok=False, detail=exc.reason)
        return AccountCheck(ok=True, display_name=me.get("name") or me.get("username", ""))

    def sign_out(self) -> None:
        secret = self.secrets.get(self.account.secret_key) or {}
        for hint in ("refresh_token", "access_token"):
            if secret.get(hint):
                check(self.http.post(self.account.server + "/2/oauth2/revoke", data={
                    "token": secret[hint], "token_type_hint": hint,
                    "client_id": secret.get("client_id", "")}))

    # ---- publishing ---------------------------------------------------------------------------
    def _media_ids(self, request: PublishRequest, index: int, part: PostPart) -> list[str]:
        uploaded: dict[str, list[str]] = dict(request.progress.get("media") or {})
        ids = list(uploaded.get(str(index), []))
        for media in part.media[len(ids):]:
            doc = self._call("POST", "/2/media/upload", data={"media_category": "tweet_image"},
                             files={"media": (media.filename, media.data, media.mime)},
                             required=("data",))
            media_id = str(doc["data"]["id"])
            if media.alt:
                self._call("POST", "/2/media/metadata", json={
                    "id": media_id, "metadata": {"alt_text": {"text": media.alt}}})
            ids.append(media_id)
            uploaded[str(index)] = ids
            request.save_progress(media=uploaded)
        return ids

    def _body(self, request: PublishRequest, index: int, part: PostPart, media_ids: list[str],
              reply_to: str | None) -> dict[str, Any]:
        body: dict[str, Any] = {"text": part.text}
        if media_ids:
            body["media"] = {"media_ids": media_ids}
        if reply_to:
            body["reply"] = {"in_reply_to_tweet_id": reply_to}
        if index == 0 and request.poll:
            minutes = int(request.poll.get("expires_in", 86400)) // 60
            body["poll"] = {"options": list(request.poll["options"]),
                            "duration_minutes": max(POLL_MINUTES[0], min(POLL_MINUTES[1], minutes))}
        return body

    def _url(self, tweet_id: str) -> str:
        return f"https://x.com/{self.account.settings.get('username', 'i')}/status/{tweet_id}"

    def publish(self, request: PublishRequest) -> PublishResult:
        retry = bool(request.progress.get("sent_at"))  # this attempt was tried before
        if not retry:
            request.save_progress(sent_at=to_iso(self.now()))
        ids = list(request.progress.get("part_ids") or [])
        for index, part in enumerate(request.parts):
            if index < len(ids):
                continue
            media_ids = self._media_ids(request, index, part)
            reply_to = ids[-1] if ids else None
            try:
                doc = self._call("POST", "/2/tweets", creates=True, required=("data",),
                                 json=self._body(request, index, part, media_ids, reply_to))
            except Permanent as exc:
                # On a retry, "duplicate content" usually means our earlier try did get through
                # (a 5xx or a reset hid it): adopt that post rather than fail a published one.
                earlier = self._earlier_try(request, index, reply_to) if retry and _duplicate(exc) else None
                if earlier is None:
                    raise
                doc = {"data": {"id": earlier}}
            if not isinstance(doc["data"], dict) or not doc["data"].get("id"):
                raise Unconfirmed(translate("Connectors", "The server answered something unexpected."))
            ids.append(str(doc["data"]["id"]))
            request.save_progress(part_ids=ids)
        return PublishResult(remote_id=ids[0], remote_url=self._url(ids[0]), part_ids=ids)

    def _since_attempt(self, request: PublishRequest) -> list[dict[str, Any]]:
        """The account's posts since the attempt started (newest first; one page)."""
        sent_at = from_iso(request.progress.get("sent_at"))
        params: dict[str, Any] = {"max_results": LOOKUP_RESULTS,
                                  "tweet.fields": "created_at,referenced_tweets"}
        if sent_at is not None:
            params["start_time"] = (sent_at - LOOKUP_MARGIN).strftime("%Y-%m-%dT%H:%M:%SZ")
        doc = self._call("GET", f"/2/users/{self.account.settings['user_id']}/tweets", params=params)
        return [t for t in doc.get("data") or [] if isinstance(t, dict)]

    @staticmethod
    def _match(tweets: list[dict[str, Any]], text: str, reply_to: str | None) -> str | None:
        want = comparable(text)
        for tweet in reversed(tweets):  # oldest first: the first try came before any other
            replied = {"type": "replied_to", "id": reply_to} in (tweet.get("referenced_tweets") or [])
            if comparable(tweet.get("text", "")) == want and (reply_to is None or replied):
                return str(tweet["id"])
        return None

    def _earlier_try(self, request: PublishRequest, index: int, reply_to: str | None) -> str | None:
        return self._match(self._since_attempt(request), request.parts[index].text, reply_to)

    def lookup(self, request: PublishRequest) -> PublishResult | None:
        """Compare the account's posts since the attempt started with the parts, following the
        reply chain. None when not (fully) out; parts found are saved so publish resumes."""
        tweets = self._since_attempt(request)
        found: list[str] = []
        for part in request.parts:
            match = self._match(tweets, part.text, found[-1] if found else None)
            if match is None:
                break
            found.append(match)
        if found and len(found) == len(request.parts):
            return PublishResult(remote_id=found[0], remote_url=self._url(found[0]), part_ids=found)
        if found:
            request.save_progress(part_ids=found)
            return None
        if len(tweets) >= LOOKUP_RESULTS:
            raise Unconfirmed(translate("X", "Too many posts since this one was sent to tell "
                                        "whether it went out; check the account on X."))
        return None

    def metrics(self, remote_id: str) -> dict[str, int]:
        doc = self._call("GET", f"/2/tweets/{remote_id}", params={"tweet.fields": "public_metrics"})
        if not isinstance(doc.get("data"), dict):
            raise Permanent(translate("X", "X no longer shows this post (deleted or hidden)."))
        counts = doc["data"].get("public_metrics") or {}
        return {name: int(counts.get(field) or 0) for name, field in METRIC_FIELDS.items()}


CONNECTOR = XConnector
