# SPDX-License-Identifier: GPL-3.0-or-later
"""Mastodon: statuses with images (alt text, focal point), polls, content warnings, threads,
native scheduling (hand-off), metrics, and exactly-once through Idempotency-Key.

Exactly-once: every status of an attempt carries a key derived from the attempt's key (the first
part uses it as is), so repeating the attempt within the server's one-hour memory returns the
statuses already made instead of new ones. Each status made is checkpointed in
``request.progress`` so a retry resumes a thread where it stopped, even after the hour.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta, timezone
from typing import Any

from cmdesk.core.connectors import mastodon_signin
from cmdesk.core.connectors.base import (
    AccountCheck,
    Connector,
    PostPart,
    PreparedMedia,
    PublishRequest,
    PublishResult,
)
from cmdesk.core.connectors.capabilities import Capabilities
from cmdesk.core.connectors.errors import AuthExpired, Gone, Permanent, Transient, Unconfirmed
from cmdesk.core.connectors.responses import check, json_body
from cmdesk.core.i18n import translate
from cmdesk.core.model import Account, from_iso, to_iso

MIN_LEAD = timedelta(minutes=5)
# Repeat with the same keys only well inside the server's one hour, to allow for clock skew.
IDEMPOTENT_REPEAT_WINDOW = timedelta(minutes=50)
LOOKUP_PAGE = 40
LOOKUP_MAX_PAGES = 5
LOOKUP_MARGIN = timedelta(minutes=2)  # server and laptop clocks disagree a little


def part_key(request: PublishRequest, index: int) -> str:
    """Stable per-part Idempotency-Key: the attempt's key for the first part."""
    return request.idempotency_key if index == 0 else f"{request.idempotency_key}-{index}"


def focus(media: PreparedMedia) -> str | None:
    """Mastodon's focal point: x and y in [-1, 1], y pointing up, from top-left fractions."""
    if media.focal is None:
        return None
    fx, fy = media.focal
    return f"{2 * fx - 1:.2f},{1 - 2 * fy:.2f}"


def plain_text(content_html: str) -> str:
    """A status's HTML as comparable text: tags dropped, breaks as spaces, whitespace folded."""
    text = re.sub(r"<br\s*/?>|</p>\s*<p>", " ", content_html or "")
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return " ".join(text.split())


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


class MastodonConnector(Connector):
    capabilities = mastodon_signin.CAPABILITIES
    sign_in_fields = mastodon_signin.SIGN_IN_FIELDS

    @classmethod
    def sign_in(cls, values: dict[str, str], *, secrets: Any, http: Any,
                browser: Any = None) -> Account:
        return mastodon_signin.sign_in(values, secrets=secrets, http=http, browser=browser)

    @classmethod
    def capabilities_for(cls, account: Account) -> Capabilities:
        return mastodon_signin.capabilities_for(account)

    def __init__(self, account: Account, secrets: Any, http: Any) -> None:
        super().__init__(account, secrets, http)
        self.now = lambda: datetime.now(timezone.utc)  # tests move it

    # ---- plumbing -----------------------------------------------------------------------------
    def _secret(self) -> dict[str, Any]:
        value = self.secrets.get(self.account.secret_key)
        if not isinstance(value, dict) or not value.get("access_token"):
            raise AuthExpired(translate("Mastodon", "No saved sign-in for this account: sign in again."))
        return value

    def _call(self, method: str, path: str, *, creates: bool = False, key: str | None = None,
              required: tuple[str, ...] = (), **kwargs: Any) -> Any:
        headers = {"Authorization": f"Bearer {self._secret()['access_token']}"}
        if key:
            headers["Idempotency-Key"] = key
        response = self.http.request(method, self.account.server + path, headers=headers,
                                     creates=creates, **kwargs)
        return json_body(response, creates=creates, required=required)

    # ---- account ------------------------------------------------------------------------------
    def check(self) -> AccountCheck:
        try:
            me = self._call("GET", "/api/v1/accounts/verify_credentials", required=("id",))
        except AuthExpired as exc:
            return AccountCheck(ok=False, detail=exc.reason)
        return AccountCheck(ok=True, display_name=me.get("display_name") or me.get("acct", ""))

    def sign_out(self) -> None:
        secret = self._secret()
        response = self.http.post(self.account.server + "/oauth/revoke", data={
            "client_id": secret.get("client_id", ""), "client_secret": secret.get("client_secret", ""),
            "token": secret["access_token"]})
        check(response)

    # ---- publishing ---------------------------------------------------------------------------
    def _media_ids(self, request: PublishRequest, index: int, part: PostPart) -> list[str]:
        """Upload the part's images once per attempt (ids checkpointed), and make sure the server
        has finished processing them; a retry picks up the same ids."""
        uploaded: dict[str, list[str]] = dict(request.progress.get("media") or {})
        ids = list(uploaded.get(str(index), []))
        pending = list(request.progress.get("media_pending") or [])
        for media in part.media[len(ids):]:
            fields = {"description": media.alt} if media.alt else {}
            if (point := focus(media)) is not None:
                fields["focus"] = point
            response = self.http.post(self.account.server + "/api/v2/media",
                                      headers={"Authorization": f"Bearer {self._secret()['access_token']}"},
                                      data=fields, files={"file": (media.filename, media.data, media.mime)})
            doc = json_body(response, required=("id",))
            ids.append(str(doc["id"]))
            if response.status_code == 202 or not doc.get("url"):
                pending.append(str(doc["id"]))
            uploaded[str(index)] = ids
            request.save_progress(media=uploaded, media_pending=pending)
        still = [mid for mid in pending if mid in ids and not self._media_ready(mid)]
        if still:
            request.save_progress(media_pending=still)
            # Never wait here: the publisher retries later and the ids above are reused.
            raise Transient(translate("Mastodon", "The server is still processing the image."))
        return ids

    def _media_ready(self, media_id: str) -> bool:
        doc = self._call("GET", f"/api/v1/media/{media_id}", required=("id",))
        return bool(doc.get("url"))

    def _fields(self, request: PublishRequest, index: int, part: PostPart,
                media_ids: list[str], reply_to: str | None) -> dict[str, Any]:
        options = request.options
        fields: dict[str, Any] = {"status": part.text}
        for name in ("visibility", "language"):
            if options.get(name):
                fields[name] = options[name]
        cw = options.get("cw") or options.get("spoiler_text")
        if cw:
            fields["spoiler_text"] = cw
        if options.get("sensitive"):
            fields["sensitive"] = True
        if media_ids:
            fields["media_ids"] = media_ids
        if reply_to:
            fields["in_reply_to_id"] = reply_to
        elif options.get("in_reply_to_id"):
            fields["in_reply_to_id"] = options["in_reply_to_id"]
        if index == 0 and request.poll:
            fields["poll"] = {"options": list(request.poll["options"]),
                              "expires_in": int(request.poll.get("expires_in", 86400)),
                              "multiple": bool(request.poll.get("multiple", False)),
                              "hide_totals": bool(request.poll.get("hide_totals", False))}
        return fields

    def publish(self, request: PublishRequest) -> PublishResult:
        sent_at = from_iso(request.progress.get("sent_at"))
        if sent_at is not None and request.progress.get("mode") == "publish" and (
                self.now() - sent_at >= IDEMPOTENT_REPEAT_WINDOW):
            # A retry after the server forgot our keys: an earlier try hidden by a 5xx or a
            # reset would be posted twice, so look for it first (one read).
            earlier = self._status_match(request, sent_at)
            if earlier is not None:
                return earlier
        if sent_at is None or request.progress.get("mode") != "publish":
            request.save_progress(mode="publish", sent_at=to_iso(sent_at or self.now()))
        ids = list(request.progress.get("part_ids") or [])
        urls = list(request.progress.get("part_urls") or [])
        for index, part in enumerate(request.parts):
            if index < len(ids):
                continue  # made by an earlier try of this attempt
            media_ids = self._media_ids(request, index, part)
            fields = self._fields(request, index, part, media_ids, ids[-1] if ids else None)
            status = self._call("POST", "/api/v1/statuses", creates=True, key=part_key(request, index),
                                json=fields, required=("id",))
            ids.append(str(status["id"]))
            urls.append(status.get("url") or "")
            request.save_progress(part_ids=ids, part_urls=urls)
        return PublishResult(remote_id=ids[0], remote_url=urls[0] or None, part_ids=ids)

    # ---- after a crash ------------------------------------------------------------------------
    def lookup(self, request: PublishRequest) -> PublishResult | None:
        """Did this attempt go out?

        Within 50 minutes of the first send, the same Idempotency-Keys are still remembered, so
        repeating the attempt is exact: the server returns the statuses it made (and completes a
        thread it did not finish). Later, the account's recent statuses are compared by text
        (and by reply chain for a thread). None: not out, or only partly; the parts found are
        recorded in ``request.progress`` so ``publish`` resumes after them.
        """
        sent_at = from_iso(request.progress.get("sent_at"))
        if request.progress.get("mode") == "hand_off":
            # Never repeat a hand-off here: that would publish now what was meant for later.
            return self._scheduled_match(request) or self._status_match(request, sent_at)
        if sent_at is not None and self.now() - sent_at < IDEMPOTENT_REPEAT_WINDOW:
            return self.publish(request)
        return self._status_match(request, sent_at) or self._scheduled_match(request)

    def _status_match(self, request: PublishRequest, sent_at: datetime | None) -> PublishResult | None:
        statuses = self._recent_statuses(sent_at)
        found: list[dict[str, Any]] = []
        for index, part in enumerate(request.parts):
            parent = found[-1]["id"] if found else None
            match = next((s for s in reversed(statuses) if _same_text(plain_text(s.get("content", "")), part.text)
                          and (index == 0 or s.get("in_reply_to_id") == parent)), None)
            if match is None:
                break
            found.append(match)
        if found and len(found) == len(request.parts):
            ids = [str(s["id"]) for s in found]
            return PublishResult(remote_id=ids[0], remote_url=found[0].get("url"), part_ids=ids)
        if found:
            request.save_progress(part_ids=[str(s["id"]) for s in found],
                                  part_urls=[s.get("url") or "" for s in found])
        return None

    def _recent_statuses(self, since: datetime | None) -> list[dict[str, Any]]:
        """The account's own statuses, newest first, back to ``since`` (or one page)."""
        account_id = self.account.settings.get("account_id") or self._call(
            "GET", "/api/v1/accounts/verify_credentials", required=("id",))["id"]
        out: list[dict[str, Any]] = []
        max_id: str | None = None
        for _ in range(LOOKUP_MAX_PAGES):
            params: dict[str, Any] = {"limit": LOOKUP_PAGE, "exclude_reblogs": "true"}
            if max_id:
                params["max_id"] = max_id
            page = self._call("GET", f"/api/v1/accounts/{account_id}/statuses", params=params)
            if not isinstance(page, list):
                raise Unconfirmed(translate("Connectors", "The server answered something unexpected."))
            out += [s for s in page if isinstance(s, dict) and not s.get("reblog")]
            oldest = from_iso(page[-1].get("created_at")) if page else None
            if since is None or not page or len(page) < LOOKUP_PAGE or (
                    oldest is not None and oldest < since - LOOKUP_MARGIN):
                return out
            max_id = str(page[-1]["id"])
        raise Unconfirmed(translate("Mastodon", "Too many posts since this one was sent to tell "
                                    "whether it went out; check the account on the server."))

    def _scheduled_match(self, request: PublishRequest) -> PublishResult | None:
        """A scheduled status made by this attempt: by its Idempotency-Key (kept in ``params``),
        else by text."""
        if len(request.parts) != 1:
            return None
        pending = self._call("GET", "/api/v1/scheduled_statuses", params={"limit": 40})
        items = [i for i in pending if isinstance(i, dict)] if isinstance(pending, list) else []
        by_key = [i for i in items if (i.get("params") or {}).get("idempotency") == request.idempotency_key]
        by_text = [i for i in items if _same_text((i.get("params") or {}).get("text") or "",
                                                  request.parts[0].text)]
        for item in by_key or by_text[:1]:
            return PublishResult(remote_id=str(item["id"]),
                                 extra={"scheduled": True, "scheduled_at": item.get("scheduled_at")})
        return None

    # ---- hand-off to the server's scheduler ----------------------------------------------------
    def _check_hand_off(self, request: PublishRequest, at: datetime) -> None:
        if len(request.parts) != 1:
            raise Permanent(translate("Mastodon", "Mastodon cannot hold a thread for later: "
                                      "cmdesk will publish it itself at its time."))
        if at - self.now() < MIN_LEAD:
            raise Permanent(translate("Mastodon", "Mastodon can hold a post only if it is at least "
                                      "5 minutes ahead."))

    def hand_off(self, request: PublishRequest, at: datetime) -> PublishResult:
        self._check_hand_off(request, at)
        request.save_progress(mode="hand_off", sent_at=to_iso(self.now()))
        fields = self._fields(request, 0, request.parts[0],
                              self._media_ids(request, 0, request.parts[0]), None)
        fields["scheduled_at"] = to_iso(at)
        try:
            item = self._call("POST", "/api/v1/statuses", creates=True, key=part_key(request, 0),
                              json=fields, required=("id", "scheduled_at"))
        except Permanent as exc:
            raise _limit_error(exc) from None
        return PublishResult(remote_id=str(item["id"]),
                             extra={"scheduled": True, "scheduled_at": item["scheduled_at"]})

    def update_hand_off(self, remote_id: str, request: PublishRequest, at: datetime) -> PublishResult:
        """Same content: move it (PUT). Changed content: Mastodon cannot edit a scheduled status,
        so delete it first, then schedule the new one: a failure in between leaves no copy
        rather than two, and the publisher still holds the post."""
        self._check_hand_off(request, at)
        try:
            item = self._call("GET", f"/api/v1/scheduled_statuses/{remote_id}", required=("id",))
        except Permanent:
            raise Gone(_gone_reason()) from None
        params = item.get("params") or {}
        wanted = self._fields(request, 0, request.parts[0], [], None)
        same = (params.get("text") == wanted["status"] and not request.parts[0].media
                and not params.get("media_ids") and (params.get("poll") or None) == wanted.get("poll")
                and (params.get("spoiler_text") or "") == wanted.get("spoiler_text", "")
                and params.get("visibility", "public") == wanted.get("visibility", "public"))
        if same:
            moved = self._call("PUT", f"/api/v1/scheduled_statuses/{remote_id}",
                               json={"scheduled_at": to_iso(at)}, required=("id", "scheduled_at"))
            return PublishResult(remote_id=str(moved["id"]),
                                 extra={"scheduled": True, "scheduled_at": moved["scheduled_at"]})
        self.cancel_hand_off(remote_id)
        # Durable before the new copy is asked for: after a crash here the publisher knows the
        # old copy is gone by our hand (not published by the server) and makes the new one.
        request.save_progress(deleted=remote_id)
        return self.hand_off(request, at)

    def cancel_hand_off(self, remote_id: str) -> None:
        try:
            self._call("DELETE", f"/api/v1/scheduled_statuses/{remote_id}")
        except Permanent:
            raise Gone(_gone_reason()) from None

    def hand_off_outcome(self, remote_id: str, request: PublishRequest) -> PublishResult | None:
        try:
            self._call("GET", f"/api/v1/scheduled_statuses/{remote_id}", required=("id",))
            return None  # still waiting on the server
        except Permanent:
            pass
        # The status gets a new id when it goes out: found by its text, from its planned time.
        found = self._status_match(request, request.planned_at)
        if found is None:
            raise Gone(_gone_reason())
        return found

    def metrics(self, remote_id: str) -> dict[str, int]:
        status = self._call("GET", f"/api/v1/statuses/{remote_id}", required=("id",))
        return {name: int(status.get(f"{name}_count") or 0) for name in self.capabilities.metrics}


def _gone_reason() -> str:
    return translate("Mastodon", "The server no longer holds this scheduled post: it was "
                     "already published or deleted there.")


def _limit_error(exc: Permanent) -> Permanent:
    if "limit" in exc.reason.lower() and "scheduled" in exc.reason.lower():
        return Permanent(translate(
            "Mastodon", "Mastodon holds at most 25 scheduled posts per day and 300 in total for an "
            "account; this one would go over. ({reason})").format(reason=exc.reason))
    return exc


CONNECTOR = MastodonConnector
