# SPDX-License-Identifier: GPL-3.0-or-later
"""Facebook Pages through the Graph API, with the user's own Meta developer app.

Sign-in: Facebook Login (code + app secret) -> long-lived user token -> the Page's own token,
which does not expire while the user keeps their role on the Page. Photos are uploaded directly
(multipart), so Facebook needs no public media host. Facebook can hold a post until a time
(``scheduled_publish_time``), which makes it a hand-off network.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

from cmdesk.core.connectors import byo_app
from cmdesk.core.connectors.base import (
    AccountCheck,
    Connector,
    PostPart,
    PublishRequest,
    PublishResult,
    SignInField,
)
from cmdesk.core.connectors.capabilities import Capabilities, NativeScheduling
from cmdesk.core.connectors.errors import AuthExpired, ConnectorError, Gone, Permanent
from cmdesk.core.connectors.meta_graph import (
    GRAPH_VERSION,
    bearer,
    created_since,
    graph_json,
    need,
    post_comments,
)
from cmdesk.core.i18n import translate
from cmdesk.core.model import Account

MIN_LEAD_S = 10 * 60  # Facebook refuses a scheduled time closer than 10 minutes
VIEWS_METRIC = "post_total_media_view_unique"  # replaced post_impressions_unique in 2026
SCOPES = "pages_show_list,pages_manage_posts,pages_read_engagement,read_insights"


class FacebookConnector(Connector):
    capabilities = Capabilities(
        network="facebook",
        display_name="Facebook Page",
        text_limit=63_206,
        max_media=10,
        media_formats=("image/jpeg", "image/png", "image/gif"),
        max_image_bytes=10_000_000,
        alt_text_limit=1000,
        native_scheduling=NativeScheduling(min_lead_s=MIN_LEAD_S, max_lead_s=30 * 86_400),
        idempotency="none",
        metrics=("reactions", "comments", "shares", "views"),
        threads=True,  # parts after the first become comments under the post
        auth="byo-app",
        requirements=translate(
            "Requirements",
            "Facebook needs a Meta developer app of your own (developers.facebook.com) with "
            "Facebook Login, and you must have a role on the Page you post to. Until the app "
            "passes Meta's App Review, only people with a role on the app itself can sign in. "
            "Add the redirect URL below to the app's valid OAuth redirect URIs. Posts can be "
            "handed to Facebook at least 10 minutes ahead, so they go out with your computer off.",
        ),
    )

    AUTH_URL = f"https://www.facebook.com/{GRAPH_VERSION}/dialog/oauth"
    GRAPH = "https://graph.facebook.com"

    sign_in_fields = byo_app.app_fields(redirect_help=translate(
            "SignIn",
            "Must be listed in the app's Facebook Login settings. Meta only accepts HTTPS "
            "addresses: after you approve, copy the address your browser shows and paste it back.",
        ),
    ) + (
        SignInField("page", translate("SignIn", "Page name or ID"), required=False,
                    help=translate("SignIn", "Leave empty if you manage a single Page.")),
    )

    # ---- sign-in ------------------------------------------------------------------------
    @classmethod
    def sign_in(cls, values: dict[str, str], *, secrets: Any, http: Any,
                browser: Any = None) -> Account:
        base = f"{cls.GRAPH}/{GRAPH_VERSION}"
        redirect = byo_app.redirect_of(values)
        client = {"client_id": values["client_id"].strip(),
                  "client_secret": values["client_secret"].strip()}
        code = byo_app.authorize(cls.AUTH_URL, {"client_id": client["client_id"],
                                                "response_type": "code", "scope": SCOPES},
                                 redirect_uri=redirect, browser=browser)
        short = graph_json(http, "GET", f"{base}/oauth/access_token",
                           params={**client, "redirect_uri": redirect, "code": code})
        long = graph_json(http, "GET", f"{base}/oauth/access_token", params={
            **client, "grant_type": "fb_exchange_token",
            "fb_exchange_token": need(short, "access_token")})
        user_token = need(long, "access_token")
        pages = graph_json(http, "GET", f"{base}/me/accounts",
                           params={"fields": "id,name,access_token"},
                           headers=bearer(user_token)).get("data") or []
        page = _choose_page(pages, (values.get("page") or "").strip())
        account = Account(network="facebook", name=page["name"], server=cls.GRAPH,
                          settings={"page_id": page["id"]})
        byo_app.Vault(secrets, account.secret_key).save(
            {**client, "user_token": user_token, "page_token": page["access_token"]})
        return account

    # ---- helpers ------------------------------------------------------------------------
    @property
    def _base(self) -> str:
        return f"{self.account.server or self.GRAPH}/{GRAPH_VERSION}"

    @property
    def _page(self) -> str:
        return self.account.settings["page_id"]

    def _headers(self) -> dict[str, str]:
        return bearer(byo_app.Vault(self.secrets, self.account.secret_key).load()["page_token"])

    def _call(self, method: str, path: str, *, creates: bool = False, **kwargs: Any) -> dict:
        return graph_json(self.http, method, f"{self._base}/{path}", creates=creates,
                          headers=self._headers(), **kwargs)

    def _upload_photos(self, part: PostPart, *, temporary: bool = False) -> list[str]:
        ids = []
        for media in part.media:
            data = {"published": "false"}
            if temporary:
                data["temporary"] = "true"
            if media.alt:
                data["alt_text_custom"] = media.alt
            body = self._call("POST", f"{self._page}/photos", data=data,
                              files={"source": (media.filename, media.data, media.mime)})
            ids.append(str(need(body, "id")))
        return ids

    def _feed_data(self, request: PublishRequest, photo_ids: list[str]) -> dict[str, str]:
        data = {"message": request.parts[0].text}
        link = request.options.get("link")
        if link and not photo_ids:
            data["link"] = link
        if photo_ids:
            data["attached_media"] = json.dumps([{"media_fbid": i} for i in photo_ids])
        return data

    def _result(self, post_id: str, comment_ids: list[str]) -> PublishResult:
        return PublishResult(remote_id=post_id, remote_url=f"https://www.facebook.com/{post_id}",
                             part_ids=[post_id, *comment_ids])

    # ---- contract -----------------------------------------------------------------------
    def check(self) -> AccountCheck:
        body = self._call("GET", self._page, params={"fields": "id,name"})
        return AccountCheck(ok=True, display_name=str(body.get("name") or self.account.name))

    def publish(self, request: PublishRequest) -> PublishResult:
        photos = request.progress.get("photos")
        if photos is None:
            photos = self._upload_photos(request.parts[0])
            request.save_progress(photos=photos)
        post_id = request.progress.get("post_id")
        if post_id is None:
            body = self._call("POST", f"{self._page}/feed", creates=True,
                              data=self._feed_data(request, photos))
            post_id = str(need(body, "id", creates=True))
            request.save_progress(post_id=post_id)
        return self._result(post_id, post_comments(self._call, post_id,
                                                  [p.text for p in request.parts[1:]], request))

    def lookup(self, request: PublishRequest) -> PublishResult | None:
        if request.progress.get("post_id"):
            return self._result(request.progress["post_id"], [])
        text = request.parts[0].text
        handed_off = request.progress.get("mode") == "hand_off"
        for edge in ("published_posts", "scheduled_posts"):
            body = self._call("GET", f"{self._page}/{edge}",
                              params={"fields": "id,message,created_time", "limit": "10"})
            for post in body.get("data") or []:
                if (post.get("message") or "") != text:
                    continue
                if edge == "scheduled_posts" and handed_off:
                    # Made before its time: its creation says nothing of the plan.
                    return PublishResult(remote_id=str(post["id"]), extra={"scheduled": True},
                                         remote_url=f"https://www.facebook.com/{post['id']}")
                if created_since(post.get("created_time"), request.planned_at):
                    return self._result(str(post["id"]), [])
        return None

    def hand_off(self, request: PublishRequest, at: datetime) -> PublishResult:
        _check_lead(at)
        if len(request.parts) > 1:
            raise Permanent(translate("Facebook", "A post handed to Facebook cannot carry comments."))
        request.save_progress(mode="hand_off")  # lookup then looks among scheduled posts
        photos = self._upload_photos(request.parts[0], temporary=True)
        data = self._feed_data(request, photos)
        data.update(published="false", scheduled_publish_time=str(int(at.timestamp())))
        body = self._call("POST", f"{self._page}/feed", creates=True, data=data)
        return self._result(str(need(body, "id", creates=True)), [])

    def update_hand_off(self, remote_id: str, request: PublishRequest, at: datetime) -> PublishResult:
        _check_lead(at)
        self._held(remote_id)
        if request.parts[0].media:
            # Photos attached to a scheduled post cannot be swapped in place: replace the post.
            self.cancel_hand_off(remote_id)
            request.save_progress(deleted=remote_id)  # the publisher finishes it after a crash
            return self.hand_off(request, at)
        self._call("POST", remote_id, data={"message": request.parts[0].text,
                                            "scheduled_publish_time": str(int(at.timestamp()))})
        return self._result(remote_id, [])

    def cancel_hand_off(self, remote_id: str) -> None:
        self._held(remote_id)  # never delete a post Facebook has already published
        self._call("DELETE", remote_id)

    def hand_off_outcome(self, remote_id: str, request: PublishRequest) -> PublishResult | None:
        try:
            self._held(remote_id)
        except Gone as gone:
            if gone.published:
                return self._result(remote_id, [])
            raise
        return None

    def _held(self, remote_id: str) -> None:
        if self._call("GET", remote_id, params={"fields": "is_published"}).get("is_published"):
            raise Gone(translate("Facebook", "Facebook has already published this post."),
                       published=True, url=f"https://www.facebook.com/{remote_id}")

    def metrics(self, remote_id: str) -> dict[str, int]:
        body = self._call("GET", remote_id, params={
            "fields": "reactions.summary(total_count),comments.summary(total_count),shares"})
        found = {
            "reactions": _total(body, "reactions"),
            "comments": _total(body, "comments"),
            "shares": int((body.get("shares") or {}).get("count", 0)),
        }
        try:
            # Views come from insights, which need read_insights; counts above do not.
            insights = self._call("GET", f"{remote_id}/insights",
                                  params={"metric": VIEWS_METRIC}).get("data") or []
            values = (insights[0].get("values") or [{}]) if insights else [{}]
            found["views"] = int(values[0].get("value") or 0)
        except (Permanent, AuthExpired):
            pass
        return found

    def sign_out(self) -> None:
        vault = byo_app.Vault(self.secrets, self.account.secret_key)
        try:
            user_token = vault.load().get("user_token")
            if user_token:
                graph_json(self.http, "DELETE", f"{self._base}/me/permissions",
                           headers=bearer(user_token))
        except ConnectorError:
            pass  # revoked already, or offline: forgetting the tokens locally still signs out
        vault.forget()


def _total(body: dict[str, Any], edge: str) -> int:
    return int(((body.get(edge) or {}).get("summary") or {}).get("total_count", 0))


def _check_lead(at: datetime) -> None:
    if at < datetime.now(timezone.utc) + timedelta(seconds=MIN_LEAD_S):
        raise Permanent(translate(
            "Facebook", "Facebook can only hold a post planned at least 10 minutes ahead."))


def _choose_page(pages: list[dict[str, Any]], wanted: str) -> dict[str, Any]:
    usable = [p for p in pages if p.get("id") and p.get("access_token")]
    if wanted:
        usable = [p for p in usable if wanted in (str(p["id"]), p.get("name"))]
    if len(usable) == 1:
        return usable[0]
    if not usable:
        raise Permanent(translate(
            "Facebook", "No Page found: check that you have a role on it and granted the app access."))
    names = ", ".join(p.get("name", p["id"]) for p in usable)
    raise Permanent(translate("Facebook", "You manage several Pages ({names}): type the one to use.")
                    .format(names=names))


CONNECTOR = FacebookConnector
