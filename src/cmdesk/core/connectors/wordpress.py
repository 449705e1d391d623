# SPDX-License-Identifier: GPL-3.0-or-later
"""WordPress through its REST API, signed in with an application password (HTTP Basic).

WordPress has no idempotency key, but it lets the client choose the post's ``slug``: ours is
derived from the attempt's idempotency key, so after a crash ``?slug=<ours>&status=any`` tells
whether the post exists, and ``publish`` asks before creating. WordPress holds a post until a
time (``status=future`` + ``date_gmt``), so it is a hand-off network: the post goes out even when
the computer is off.
"""

from __future__ import annotations

import hashlib
import html
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlsplit

from cmdesk.core.connectors.base import (
    AccountCheck,
    Connector,
    PublishRequest,
    PublishResult,
    SignInField,
)
from cmdesk.core.connectors.capabilities import Capabilities, NativeScheduling
from cmdesk.core.connectors.credential import Credential
from cmdesk.core.connectors.errors import AuthExpired, ConnectorError, Gone, Permanent
from cmdesk.core.connectors.redact import redact
from cmdesk.core.connectors.responses import check, unexpected
from cmdesk.core.i18n import translate
from cmdesk.core.model import Account
from cmdesk.core.text.entities import links
from cmdesk.core.text.graphemes import normalize

MIN_LEAD_S = 60  # a "future" date already past is published at once by WordPress
TITLE_MAX_CHARS = 120


def slug_for(idempotency_key: str) -> str:
    return "cm-" + hashlib.sha256(idempotency_key.encode()).hexdigest()[:16]


def to_html(text: str) -> str:
    """Plain text as paragraphs, with links made clickable (WordPress does not do it itself)."""
    paragraphs = []
    for block in normalize(text).replace("\r\n", "\n").split("\n\n"):
        if not block.strip():
            continue
        out, last = [], 0
        for link in links(block):
            out.append(html.escape(block[last:link.start]))
            url = html.escape(link.text)
            out.append(f'<a href="{url}">{url}</a>')
            last = link.end
        out.append(html.escape(block[last:]))
        paragraphs.append("<p>" + "".join(out).strip().replace("\n", "<br>\n") + "</p>")
    return "\n\n".join(paragraphs)


def split_title(text: str, title: str | None) -> tuple[str, str]:
    """(title, body): the ``title`` option, else the first line of the text."""
    text = normalize(text).strip()
    if title:
        return title.strip(), text
    first, _, rest = text.partition("\n")
    first = first.strip()
    if len(first) > TITLE_MAX_CHARS:  # a long first line is a paragraph, not a title
        return first[: TITLE_MAX_CHARS - 1].rstrip() + "…", text
    return first, rest.strip()


def _raise_for(response: Any, *, auth: bool = False) -> None:
    """WordPress errors are {code, message, data: {status}}: keep its message as the reason."""
    if response.status_code < 400:
        return
    try:
        doc = response.json()
    except ValueError:
        doc = None
    words = ""
    if isinstance(doc, dict):
        words = redact(html.unescape(str(doc.get("message") or doc.get("code") or "")))[:300]
    if auth and response.status_code in (401, 403):
        raise AuthExpired(translate(
            "WordPress", "WordPress refused the user name or application password ({reason})."
        ).format(reason=words or response.status_code))
    try:
        check(response)
    except ConnectorError as error:
        if words:
            error.reason, error.args = words, (words,)
        raise


class WordPressConnector(Connector):
    capabilities = Capabilities(
        network="wordpress",
        display_name="WordPress",
        text_limit=100_000,  # no limit in WordPress itself
        max_media=20,
        media_formats=("image/jpeg", "image/png", "image/webp", "image/gif"),
        max_image_bytes=2_000_000,  # PHP's default upload_max_filesize is 2 MB
        alt_text_limit=1000,
        native_scheduling=NativeScheduling(min_lead_s=MIN_LEAD_S),
        idempotency="slug",
        metrics=("comments",),
        auth="app-password",
        requirements=translate(
            "Requirements",
            "WordPress needs the site address, your user name and an application password "
            "(Users > Profile > Application Passwords; WordPress 5.6 or later, over HTTPS). "
            "Scheduled posts are handed to WordPress, which publishes them itself.",
        ),
    )

    sign_in_fields = (
        SignInField("server", translate("SignIn", "Site address"), placeholder="https://blog.example.org"),
        SignInField("user", translate("SignIn", "User name")),
        SignInField("app_password", translate("SignIn", "Application password"), secret=True,
                    placeholder="abcd efgh ijkl mnop qrst uvwx"),
    )

    # ---- sign-in ------------------------------------------------------------------------
    @classmethod
    def sign_in(cls, values: dict[str, str], *, secrets: Any, http: Any,
                browser: Any = None) -> Account:
        site = values["server"].strip().rstrip("/")
        if "://" not in site:
            site = "https://" + site
        user, password = values["user"].strip(), values["app_password"].strip()
        account = Account(network="wordpress", name=urlsplit(site).netloc, server=site,
                          settings={"user": user})
        probe = cls(account, None, http, password=password)
        me = probe._find_api()
        account.settings["user_id"] = me.get("id")
        account.name = f"{me.get('name') or user} @ {urlsplit(site).netloc}"
        # The media host (media_host.WordPressHost) reads this entry too: it needs the user.
        probe._password.save_to(secrets, account.secret_key, username=user)
        return account

    def __init__(self, account: Account, secrets: Any, http: Any, *,
                 password: str | None = None) -> None:
        super().__init__(account, secrets, http)
        self._password = Credential(secrets, account.secret_key, "app_password", translate(
            "WordPress", "Not signed in to WordPress: sign in again."), password)

    # ---- requests -----------------------------------------------------------------------
    def _auth(self) -> tuple[str, str]:
        return self.account.settings["user"], self._password.get()

    def _url(self, route: str) -> str:
        site = self.account.server.rstrip("/")
        if self.account.settings.get("rest_route"):
            return f"{site}/?rest_route=/wp/v2/{route}"  # sites with "plain" permalinks
        return f"{site}/wp-json/wp/v2/{route}"

    def _find_api(self) -> dict[str, Any]:
        """users/me through /wp-json/, else through ?rest_route= (a site without pretty
        permalinks has no /wp-json/ path); a clear refusal when no WordPress answers at all."""
        for plain in (False, True):
            self.account.settings["rest_route"] = plain
            response = self.http.request("GET", self._url("users/me"), auth=self._auth(),
                                         params={"context": "edit"})
            if response.status_code in (401, 403):
                _raise_for(response, auth=True)
            try:
                me = response.json()
            except ValueError:
                continue  # a web page, not the REST API
            if response.status_code == 404:
                continue
            _raise_for(response)
            if isinstance(me, dict) and "id" in me:
                if not plain:
                    del self.account.settings["rest_route"]
                return me
        raise Permanent(translate(
            "WordPress", "No WordPress site answers at {site}: check the address.").format(
            site=self.account.server))

    def _call(self, method: str, route: str, *, creates: bool = False, auth_check: bool = False,
              raw: bool = False, **kwargs: Any) -> Any:
        response = self.http.request(method, self._url(route), auth=self._auth(), creates=creates,
                                     **kwargs)
        _raise_for(response, auth=auth_check or response.status_code == 401)
        if raw:
            return response
        try:
            return response.json()
        except ValueError:
            raise unexpected(response, creates=creates) from None

    # ---- contract -----------------------------------------------------------------------
    def check(self) -> AccountCheck:
        me = self._call("GET", "users/me", params={"context": "edit"}, auth_check=True)
        return AccountCheck(ok=True, display_name=str(me.get("name") or self.account.name))

    def publish(self, request: PublishRequest) -> PublishResult:
        existing = self.lookup(request)  # no idempotency in WordPress: ask before creating
        if existing is not None:
            return existing
        return self._create(request, {"status": "publish"})

    def lookup(self, request: PublishRequest) -> PublishResult | None:
        found = self._call("GET", "posts", params={
            "slug": slug_for(request.idempotency_key), "status": "any", "context": "edit"})
        if not isinstance(found, list):
            raise unexpected(None, creates=False)
        return self._result(found[0]) if found else None

    def hand_off(self, request: PublishRequest, at: datetime) -> PublishResult:
        extra = {"status": "future", "date_gmt": _gmt(_ahead(at))}
        existing = self.lookup(request)
        if existing is not None:
            return existing
        return self._create(request, extra)

    def update_hand_off(self, remote_id: str, request: PublishRequest, at: datetime) -> PublishResult:
        self._held(remote_id)
        body = self._body(request, {"status": "future", "date_gmt": _gmt(_ahead(at))})
        body.pop("slug", None)
        return self._result(self._call("POST", f"posts/{remote_id}", json=body))

    def cancel_hand_off(self, remote_id: str) -> None:
        self._held(remote_id)  # never trash an article WordPress has already published
        # To the trash, not deleted: the user can still get the text back from WordPress.
        self._call("DELETE", f"posts/{remote_id}")

    def hand_off_outcome(self, remote_id: str, request: PublishRequest) -> PublishResult | None:
        try:
            self._held(remote_id)
        except Gone as gone:
            if gone.published:
                return PublishResult(remote_id=remote_id, remote_url=gone.url, part_ids=[remote_id])
            raise
        return None

    def _held(self, remote_id: str) -> dict[str, Any]:
        """The post as WordPress holds it for later; Gone once it is published (it went out),
        trashed or deleted."""
        found = self._call("GET", "posts", params={
            "include": remote_id, "status": "future,draft,pending,publish,private", "context": "edit"})
        if not isinstance(found, list):
            raise unexpected(None, creates=False)
        if found and found[0].get("status") in ("publish", "private"):
            raise Gone(translate("WordPress", "WordPress has already published this post."),
                       published=True, url=found[0].get("link"))
        if not found:
            raise Gone(translate("WordPress", "WordPress no longer holds this post: it was "
                                              "trashed or deleted there."))
        return found[0]

    def metrics(self, remote_id: str) -> dict[str, int]:
        response = self._call("GET", "comments", params={"post": remote_id, "per_page": 1},
                              raw=True)
        return {"comments": int(response.headers.get("X-WP-Total") or 0)}

    def sign_out(self) -> None:
        self.secrets.delete(self.account.secret_key)

    # ---- steps --------------------------------------------------------------------------
    def _create(self, request: PublishRequest, extra: dict[str, Any]) -> PublishResult:
        media = self._upload_all(request)
        body = self._body(request, extra, media)
        return self._result(self._call("POST", "posts", json=body, creates=True))

    def _upload_all(self, request: PublishRequest) -> list[dict[str, Any]]:
        done: list[dict[str, Any]] = list(request.progress.get("wp_media") or [])
        images = [m for part in request.parts for m in part.media]
        for media in images[len(done):]:
            uploaded = self._call(
                "POST", "media", data=media.data, params={"alt_text": media.alt or ""},
                headers={"Content-Type": media.mime,
                         "Content-Disposition": f'attachment; filename="{_safe_name(media.filename)}"'})
            if "id" not in uploaded:
                raise unexpected(None, creates=False)
            done.append({"id": uploaded["id"], "url": uploaded.get("source_url") or "",
                         "alt": media.alt or ""})
            request.save_progress(wp_media=done)  # never upload the same picture twice
        return done

    def _body(self, request: PublishRequest, extra: dict[str, Any],
              media: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        options = request.options
        text = "\n\n".join(p.text for p in request.parts)
        title, body_text = split_title(text, options.get("title"))
        content = to_html(body_text)
        for image in (media or [])[1:]:  # the first one is the featured image
            content += (f'\n\n<figure class="wp-block-image"><img src="{html.escape(image["url"])}" '
                        f'alt="{html.escape(image["alt"])}"/></figure>')
        body: dict[str, Any] = {"title": title, "content": content,
                                "slug": slug_for(request.idempotency_key), **extra}
        if media:
            body["featured_media"] = media[0]["id"]
        if options.get("excerpt"):
            body["excerpt"] = options["excerpt"]
        for taxonomy in ("categories", "tags"):
            names = options.get(taxonomy) or []
            if names:
                body[taxonomy] = [self._term(taxonomy, name) for name in names]
        return body

    def _term(self, taxonomy: str, name: str) -> int:
        """The id of a category or tag by name, created when the site does not have it yet."""
        name = name.strip().lstrip("#")
        found = self._call("GET", taxonomy, params={"search": name, "per_page": 100})
        for term in found if isinstance(found, list) else []:
            if html.unescape(str(term.get("name", ""))).casefold() == name.casefold():
                return int(term["id"])
        response = self.http.request("POST", self._url(taxonomy), auth=self._auth(),
                                     json={"name": name})
        if response.status_code == 400:  # created meanwhile (or only the slug matched)
            doc = response.json() if response.content else {}
            term_id = (doc.get("data") or {}).get("term_id") if isinstance(doc, dict) else None
            if term_id:
                return int(term_id)
        _raise_for(response)
        return int(response.json()["id"])

    def _result(self, post: dict[str, Any]) -> PublishResult:
        if "id" not in post:
            raise unexpected(None, creates=True)
        return PublishResult(remote_id=str(post["id"]), remote_url=post.get("link"),
                             part_ids=[str(post["id"])],
                             extra={"status": post.get("status"), "date_gmt": post.get("date_gmt")})


def _ahead(at: datetime) -> datetime:
    if at.tzinfo is None:
        raise ValueError("naive datetime")
    if at - datetime.now(timezone.utc) < timedelta(seconds=MIN_LEAD_S):
        raise Permanent(translate(
            "WordPress", "Too late to hand this post to WordPress: it is due in less than a minute."))
    return at


def _gmt(at: datetime) -> str:
    return at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def _safe_name(filename: str) -> str:
    # A header value: no quotes or line breaks from a user's file name.
    return "".join(c for c in filename if c.isascii() and c.isprintable() and c not in '"\\\r\n') or "image.jpg"


CONNECTOR = WordPressConnector
