# SPDX-License-Identifier: GPL-3.0-or-later
"""LinkedIn (a member's profile or an organization page) through the versioned REST API, with
the user's own LinkedIn developer app.

Sign-in: the standard flow needs the app secret and an HTTPS redirect registered on the app, so
the user pastes the final address back; if LinkedIn enabled native PKCE for the app, a loopback
redirect works and no secret is needed. Every call carries ``LinkedIn-Version`` and
``X-Restli-Protocol-Version``; a created post's URN comes back in the ``x-restli-id`` header.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import quote

from cmdesk.core.connectors import byo_app
from cmdesk.core.connectors.base import (
    AccountCheck,
    Connector,
    PublishRequest,
    PublishResult,
    SignInField,
)
from cmdesk.core.connectors.capabilities import Capabilities
from cmdesk.core.connectors.errors import (
    AuthExpired,
    ConnectorError,
    Permanent,
    RateLimited,
    Unconfirmed,
)
from cmdesk.core.connectors.linkedin_media import upload_images
from cmdesk.core.connectors.linkedin_text import little_text
from cmdesk.core.connectors.oauth import LoopbackRedirect, run_browser_flow
from cmdesk.core.connectors.responses import check, json_body
from cmdesk.core.i18n import translate
from cmdesk.core.model import Account, from_iso, to_iso

# Each LinkedIn-Version is served for about a year: move this forward when LinkedIn retires it.
API_VERSION = "202610"
MEMBER_SCOPES = "openid profile w_member_social"
ORG_SCOPES = "w_organization_social r_organization_social rw_organization_admin"
POLL_DURATIONS = ((86_400, "ONE_DAY"), (3 * 86_400, "THREE_DAYS"), (7 * 86_400, "SEVEN_DAYS"),
                  (14 * 86_400, "FOURTEEN_DAYS"))
REFRESH_BEFORE = timedelta(days=7)
LOOKUP_SLACK = timedelta(minutes=15)


class LinkedInConnector(Connector):
    capabilities = Capabilities(
        network="linkedin",
        display_name="LinkedIn",
        text_limit=3000,
        max_media=20,
        media_formats=("image/jpeg", "image/png", "image/gif"),
        max_image_bytes=8_000_000,
        max_image_pixels=36_152_319,
        alt_text_limit=4086,
        idempotency="none",
        metrics=("likes", "comments", "impressions", "clicks", "shares"),
        threads=True,  # parts after the first become comments under the post
        polls=True,
        poll_options=(2, 4),
        auth="byo-app",
        requirements=translate(
            "Requirements",
            "LinkedIn needs a developer app of your own (linkedin.com/developers) with the "
            "\"Share on LinkedIn\" and \"Sign In with LinkedIn using OpenID Connect\" products. "
            "To post as a company page, the app also needs the Community Management API "
            "(approved by LinkedIn) and you must be an administrator or content admin of the "
            "page. LinkedIn only accepts HTTPS redirect addresses: after you approve, paste the "
            "address your browser shows back into cmdesk. If LinkedIn enabled native PKCE for "
            "your app, type \"loopback\" as the redirect URL and no secret is needed.",
        ),
        extra={"text_format": "little-text", "poll_question_chars": 140, "poll_option_chars": 30},
    )

    AUTH_URL = "https://www.linkedin.com/oauth/v2/authorization"
    NATIVE_AUTH_URL = "https://www.linkedin.com/oauth/native-pkce/authorization"
    TOKEN_URL = "https://www.linkedin.com/oauth/v2/accessToken"
    REVOKE_URL = "https://www.linkedin.com/oauth/v2/revoke"
    API = "https://api.linkedin.com"

    sign_in_fields = (
        SignInField("client_id", translate("SignIn", "Client ID"), placeholder="78abcdefghijkl",
                    help=translate("SignIn", "From the Auth tab of your LinkedIn developer app.")),
        SignInField("client_secret", translate("SignIn", "Client secret"), secret=True,
                    required=False, help=translate(
                        "SignIn", "Kept in the system keyring only. Not needed with native PKCE.")),
        SignInField("redirect_uri", translate("SignIn", "Redirect URL"), required=False,
                    placeholder=byo_app.DEFAULT_REDIRECT, help=translate(
                        "SignIn", "An HTTPS address listed on the app, or \"loopback\" if LinkedIn "
                        "enabled native PKCE for it.")),
        SignInField("organization", translate("SignIn", "Company page (optional)"), required=False,
                    placeholder="https://www.linkedin.com/company/12345/", help=translate(
                        "SignIn", "Leave empty to post as yourself.")),
    )

    # ---- sign-in ------------------------------------------------------------------------
    @classmethod
    def sign_in(cls, values: dict[str, str], *, secrets: Any, http: Any,
                browser: Any = None) -> Account:
        org = _organization_id(values.get("organization") or "")
        scope = f"{MEMBER_SCOPES} {ORG_SCOPES}" if org else MEMBER_SCOPES
        client_id = values["client_id"].strip()
        secret = (values.get("client_secret") or "").strip()
        form = {"grant_type": "authorization_code", "client_id": client_id}
        if not byo_app.needs_paste(values):
            with LoopbackRedirect() as listener:
                code, pkce = run_browser_flow(cls.NATIVE_AUTH_URL, listener, client_id=client_id,
                                              scope=scope, browser=browser)
                form.update(code=code, redirect_uri=listener.redirect_uri,
                            code_verifier=pkce.verifier)
        else:
            if not secret:
                raise Permanent(translate(
                    "LinkedIn", "The client secret is needed unless LinkedIn enabled native PKCE."))
            redirect = byo_app.redirect_of(values)
            code = byo_app.authorize(cls.AUTH_URL, {"response_type": "code", "client_id": client_id,
                                                    "scope": scope},
                                     redirect_uri=redirect, browser=browser)
            form.update(code=code, redirect_uri=redirect, client_secret=secret)
        tokens = _tokens(json_body(http.request("POST", cls.TOKEN_URL, data=form),
                                   required=("access_token",)))
        headers = {"Authorization": f"Bearer {tokens['access_token']}"}
        me = json_body(http.request("GET", f"{cls.API}/v2/userinfo", headers=headers),
                       required=("sub",))
        name, author = me.get("name") or me["sub"], f"urn:li:person:{me['sub']}"
        if org:
            page = json_body(http.request("GET", f"{cls.API}/rest/organizations/{org}",
                                          headers={**headers, **_rest_headers()}))
            name, author = page.get("localizedName") or name, f"urn:li:organization:{org}"
        account = Account(network="linkedin", name=name, server=cls.API,
                          settings={"author": author, "member": f"urn:li:person:{me['sub']}"},
                          expires_at=tokens.pop("expires_at"))
        byo_app.Vault(secrets, account.secret_key).save(
            {"client_id": client_id, "client_secret": secret, **tokens})
        return account

    # ---- helpers ------------------------------------------------------------------------
    @property
    def _author(self) -> str:
        return self.account.settings["author"]

    def _vault(self) -> byo_app.Vault:
        return byo_app.Vault(self.secrets, self.account.secret_key)

    def _headers(self) -> dict[str, str]:
        token = self._vault().load()["access_token"]
        return {"Authorization": f"Bearer {token}", **_rest_headers(
            self.account.settings.get("api_version"))}

    def _send(self, method: str, path: str, *, creates: bool = False, **kwargs: Any) -> Any:
        response = self.http.request(method, f"{self.account.server or self.API}{path}",
                                     creates=creates, headers=self._headers(), **kwargs)
        if response.status_code == 429:
            raise _daily_quota(response)
        return check(response)

    def _create(self, path: str, body: dict[str, Any]) -> str:
        response = self._send("POST", path, creates=True, json=body)
        urn = response.headers.get("x-restli-id")
        if not urn:
            try:
                urn = response.json().get("id")
            except ValueError:
                urn = None
        if not urn:
            raise Unconfirmed(translate("LinkedIn", "LinkedIn accepted the post but did not say "
                                        "which one it created."))
        return urn

    def _content(self, request: PublishRequest, images: list[str]) -> dict[str, Any] | None:
        media = request.parts[0].media
        if request.poll:
            if images:
                raise Permanent(translate("LinkedIn", "A LinkedIn poll cannot carry pictures."))
            return {"poll": _poll(request.poll, request.parts[0].text)}
        if len(images) == 1:
            return {"media": {"id": images[0], "altText": media[0].alt}}
        if images:
            return {"multiImage": {"images": [{"id": urn, "altText": m.alt}
                                              for urn, m in zip(images, media)]}}
        return None

    # ---- contract -----------------------------------------------------------------------
    def publish(self, request: PublishRequest) -> PublishResult:
        self._keep_fresh()
        images = upload_images(self, request)
        urn = request.progress.get("post_urn")
        if urn is None:
            body: dict[str, Any] = {
                "author": self._author,
                "commentary": little_text(request.parts[0].text),
                "visibility": "PUBLIC",
                "distribution": {"feedDistribution": "MAIN_FEED", "targetEntities": [],
                                 "thirdPartyDistributionChannels": []},
                "lifecycleState": "PUBLISHED",
                "isReshareDisabledByAuthor": False,
            }
            content = self._content(request, images)
            if content:
                body["content"] = content
            urn = self._create("/rest/posts", body)
            request.save_progress(post_urn=urn)
        comments: list[str] = request.progress.setdefault("comments", [])
        for part in request.parts[1 + len(comments):]:
            comments.append(self._create(f"/rest/socialActions/{quote(urn, safe='')}/comments", {
                "actor": self._author, "object": urn,
                "message": {"text": little_text(part.text)}}))
            request.save_progress(comments=comments)
        return PublishResult(remote_id=urn, remote_url=f"https://www.linkedin.com/feed/update/{urn}",
                             part_ids=[urn, *comments])

    def lookup(self, request: PublishRequest) -> PublishResult | None:
        if request.progress.get("post_urn"):
            urn = request.progress["post_urn"]
            return PublishResult(remote_id=urn, remote_url=f"https://www.linkedin.com/feed/update/{urn}")
        try:
            found = self._send("GET", "/rest/posts", params={
                "q": "author", "author": self._author, "count": "10"}).json()
        except Permanent as exc:
            # Reading a member's own posts needs a permission LinkedIn rarely grants.
            raise Unconfirmed(exc.reason) from None
        wanted = little_text(request.parts[0].text)
        for post in found.get("elements") or []:
            if post.get("commentary") == wanted and _created_since(post.get("createdAt"),
                                                                   request.planned_at):
                urn = post["id"]
                return PublishResult(remote_id=urn, remote_url=f"https://www.linkedin.com/feed/update/{urn}")
        return None

    def metrics(self, remote_id: str) -> dict[str, int]:
        actions = self._send("GET", f"/rest/socialActions/{quote(remote_id, safe='')}").json()
        found = {"likes": int((actions.get("likesSummary") or {}).get("totalLikes", 0)),
                 "comments": int((actions.get("commentsSummary") or {})
                                 .get("totalFirstLevelComments", 0))}
        if self._author.startswith("urn:li:organization:"):
            kind = "ugcPosts" if ":ugcPost:" in remote_id else "shares"
            # Rest.li list syntax: the parentheses stay literal, the URN inside is encoded.
            query = (f"q=organizationalEntity&organizationalEntity={quote(self._author, safe='')}"
                     f"&{kind}=List({quote(remote_id, safe='')})")
            stats = self._send("GET", f"/rest/organizationalEntityShareStatistics?{query}").json()
            total = ((stats.get("elements") or [{}])[0].get("totalShareStatistics") or {})
            found.update(impressions=int(total.get("impressionCount", 0)),
                         clicks=int(total.get("clickCount", 0)),
                         shares=int(total.get("shareCount", 0)))
        return found

    def check(self) -> AccountCheck:
        expires = self._keep_fresh(strict=True)
        if self._author.startswith("urn:li:organization:"):
            org = self._author.rsplit(":", 1)[1]
            name = self._send("GET", f"/rest/organizations/{org}").json().get("localizedName")
        else:
            name = self._send("GET", "/v2/userinfo").json().get("name")
        return AccountCheck(ok=True, display_name=name or self.account.name, expires_at=expires)

    def _keep_fresh(self, *, strict: bool = False) -> datetime | None:
        """Use the refresh token (partners only get one) before the 60-day access token ends;
        the keyring entry remembers the new end. Without one, the user signs in again."""
        vault = self._vault().load()
        expires = from_iso(vault.get("expires_at") or self.account.expires_at)
        near = expires is None or expires - datetime.now(timezone.utc) < REFRESH_BEFORE
        if not vault.get("refresh_token") or not near:
            return expires
        try:
            tokens = _tokens(json_body(self.http.request("POST", self.TOKEN_URL, data={
                "grant_type": "refresh_token", "refresh_token": vault["refresh_token"],
                "client_id": vault["client_id"], "client_secret": vault.get("client_secret", "")}),
                required=("access_token",)))
        except ConnectorError as exc:
            if strict or isinstance(exc, AuthExpired):
                raise
            return expires  # the current token still works: publish with it
        self._vault().update(**tokens)
        self.account.expires_at = tokens["expires_at"]
        return from_iso(tokens["expires_at"])

    def sign_out(self) -> None:
        vault = self._vault()
        try:
            data = vault.load()
            if data.get("client_secret"):
                self.http.request("POST", self.REVOKE_URL, data={
                    "client_id": data["client_id"], "client_secret": data["client_secret"],
                    "token": data["access_token"]})
        except ConnectorError:
            pass  # offline or already revoked: forgetting the token locally still signs out
        vault.forget()


def _rest_headers(version: str | None = None) -> dict[str, str]:
    return {"LinkedIn-Version": version or API_VERSION, "X-Restli-Protocol-Version": "2.0.0"}


def _tokens(body: dict[str, Any]) -> dict[str, Any]:
    tokens = {"access_token": body["access_token"], "expires_at": None}
    if body.get("expires_in"):
        tokens["expires_at"] = to_iso(datetime.now(timezone.utc)
                                      + timedelta(seconds=int(body["expires_in"])))
    if body.get("refresh_token"):
        tokens["refresh_token"] = body["refresh_token"]
    return tokens


def _organization_id(text: str) -> str:
    digits = "".join(c if c.isdigit() else " " for c in text).split()
    if text.strip() and not digits:
        raise Permanent(translate("LinkedIn", "Give the company page as its number or its "
                                  "address (linkedin.com/company/12345)."))
    return digits[-1] if digits else ""


def _created_since(millis: Any, planned_at: datetime | None) -> bool:
    """An identical text posted well before the planned time is an older post, not this one."""
    if planned_at is None or not isinstance(millis, (int, float)):
        return True
    return datetime.fromtimestamp(millis / 1000, timezone.utc) >= planned_at - LOOKUP_SLACK


def _daily_quota(response: Any) -> RateLimited:
    """LinkedIn's quotas are per day and reset at midnight UTC; it rarely says when."""
    now = datetime.now(timezone.utc)
    retry_after = response.headers.get("Retry-After", "")
    if retry_after.isdigit():
        at = now + timedelta(seconds=int(retry_after))
    else:
        at = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return RateLimited(at, translate("LinkedIn", "LinkedIn's daily limit is reached."))


def _poll(poll: dict[str, Any], text: str) -> dict[str, Any]:
    question = (poll.get("question") or (text.splitlines()[0] if text else "")).strip()
    options = [str(o) for o in poll.get("options") or []]
    if not 2 <= len(options) <= 4 or any(not 1 <= len(o) <= 30 for o in options):
        raise Permanent(translate("LinkedIn", "A LinkedIn poll has 2 to 4 options of at most 30 "
                                  "characters."))
    if not 1 <= len(question) <= 140:
        raise Permanent(translate("LinkedIn", "A LinkedIn poll question has at most 140 characters."))
    seconds = int(poll.get("expires_in") or 86_400)
    duration = next((name for limit, name in POLL_DURATIONS if seconds <= limit), "FOURTEEN_DAYS")
    return {"question": question, "options": [{"text": o} for o in options],
            "settings": {"duration": duration}}


CONNECTOR = LinkedInConnector
