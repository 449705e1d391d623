# SPDX-License-Identifier: GPL-3.0-or-later
"""Bluesky (AT Protocol) with a handle and an app password.

Exactly once: every post gets a record key (TID) of our own, derived from the attempt's
idempotency key and stored before anything is sent. A crash leaves no doubt: ``getRecord`` on that
key says whether the post went out, and a create that is sent twice is refused by the PDS (the
key is taken) instead of making a second post. Threads are records whose ``reply`` names the
first post (root) and the previous one (parent), by URI and CID.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from cmdesk.core.connectors.atproto import (
    DEFAULT_SERVER,
    PLC_DIRECTORY,
    XrpcSession,
    create_session,
    pds_endpoint,
    record_keys,
    resolve_did_doc,
    token_scope,
    utc_stamp,
)
from cmdesk.core.connectors.base import (
    AccountCheck,
    Connector,
    PostPart,
    PublishRequest,
    PublishResult,
    SignInField,
)
from cmdesk.core.connectors.capabilities import Capabilities
from cmdesk.core.connectors.errors import ConnectorError, Permanent, Transient, Unconfirmed
from cmdesk.core.i18n import translate
from cmdesk.core.model import Account
from cmdesk.core.text.facets import to_facets
from cmdesk.core.text.graphemes import normalize

POST = "app.bsky.feed.post"
FULL_ACCESS_SCOPE = "com.atproto.access"  # a session opened with the main password
METRICS = {"likeCount": "likes", "repostCount": "reposts", "replyCount": "replies",
           "quoteCount": "quotes", "bookmarkCount": "bookmarks"}


class BlueskyConnector(Connector):
    capabilities = Capabilities(
        network="bluesky",
        display_name="Bluesky",
        text_limit=300,  # graphemes; and 3000 UTF-8 bytes (extra["byte_limit"])
        max_media=4,
        media_formats=("image/jpeg", "image/png", "image/webp"),
        max_image_bytes=2_000_000,
        alt_text_limit=2000,
        idempotency="record-key",
        metrics=tuple(METRICS.values()),
        threads=True,
        auth="app-password",
        requirements=translate(
            "Requirements",
            "Bluesky needs your handle and an app password (Settings > Privacy and security > "
            "App passwords), never your main password. Your computer must be on when a post is "
            "due: Bluesky cannot hold a post until a time.",
        ),
        extra={"byte_limit": 3000},
    )

    ENTRYWAY = DEFAULT_SERVER  # where to sign in when the user names no server
    PLC = PLC_DIRECTORY  # where did:plc documents are read (tests point both at their own)

    sign_in_fields = (
        SignInField("identifier", translate("SignIn", "Handle or e-mail"),
                    placeholder="name.bsky.social"),
        SignInField("password", translate("SignIn", "App password"), secret=True,
                    placeholder="xxxx-xxxx-xxxx-xxxx"),
        SignInField("server", translate("SignIn", "Server"), required=False,
                    placeholder=DEFAULT_SERVER,
                    help=translate("SignIn", "Leave empty for bsky.social; give your own PDS "
                                             "address if you host one.")),
    )

    # ---- sign-in ------------------------------------------------------------------------
    @classmethod
    def sign_in(cls, values: dict[str, str], *, secrets: Any, http: Any,
                browser: Any = None) -> Account:
        given = (values.get("server") or "").strip().rstrip("/")
        server = given or cls.ENTRYWAY
        identifier = values["identifier"].strip().lstrip("@")
        password = values["password"].strip()
        session = create_session(http, server, identifier, password)
        if token_scope(session["accessJwt"]) == FULL_ACCESS_SCOPE:
            # The account's own password opens everything (settings, deletion): cmdesk must
            # not keep it. An app password can be revoked alone and cannot delete the account.
            _end_session(http, server, session)
            raise Permanent(translate(
                "Bluesky", "This is your main Bluesky password. Create an app password "
                "(Settings > Privacy and security > App passwords) and use it here instead."))
        did, handle = session["did"], session.get("handle") or identifier
        # The entryway (bsky.social) is not where the repository lives: the DID document says.
        # A server the user named is their PDS: no need to ask the directory.
        endpoint = pds_endpoint(session.get("didDoc"))
        if endpoint is None and not given:
            try:
                endpoint = pds_endpoint(resolve_did_doc(http, did, plc=cls.PLC))
            except ConnectorError:
                endpoint = None  # the entryway also serves the account's requests
        account = Account(network="bluesky", name=handle, server=endpoint or server,
                          settings={"did": did, "handle": handle, "entryway": server})
        secrets.set(account.secret_key, {
            "accessJwt": session["accessJwt"], "refreshJwt": session["refreshJwt"],
            "identifier": identifier, "password": password, "server": account.server,
        })
        return account

    def __init__(self, account: Account, secrets: Any, http: Any) -> None:
        super().__init__(account, secrets, http)
        self.xrpc = XrpcSession(http, account.server or DEFAULT_SERVER, secrets, account.secret_key)

    @property
    def did(self) -> str:
        return self.account.settings["did"]

    # ---- contract -----------------------------------------------------------------------
    def check(self) -> AccountCheck:
        body = self.xrpc.get("com.atproto.server.getSession") or {}
        handle = str(body.get("handle") or self.account.name)
        return AccountCheck(ok=True, display_name=handle)

    def publish(self, request: PublishRequest) -> PublishResult:
        keys = self._keys(request)
        done: list[dict[str, str]] = list(request.progress.get("refs") or [])
        resolved: dict[str, str | None] = {}
        for index, part in enumerate(request.parts):
            if index < len(done):
                continue  # made before a crash: never again
            reply = None
            if done:
                reply = {"root": done[0], "parent": done[-1]}
            record = self._record(part, request, reply, resolved)
            done.append(self._create(keys[index], record))
            request.save_progress(refs=done)
        return self._result(done)

    def lookup(self, request: PublishRequest) -> PublishResult | None:
        keys = self._keys(request, save=False)
        refs = []
        for key in keys:
            found = self._get(key)
            if found is None:
                break
            refs.append(found)
        if not refs:
            return None
        if len(refs) < len(keys):
            # Part of a thread went out: publishing again finishes it (the parts already made are
            # found by their keys), so report "not done" rather than a thread cut short.
            request.save_progress(refs=refs)
            return None
        return self._result(refs)

    def metrics(self, remote_id: str) -> dict[str, int]:
        body = self.xrpc.get("app.bsky.feed.getPosts", uris=remote_id) or {}
        posts = body.get("posts") or []
        if not posts:
            return {}
        return {name: int(posts[0].get(field) or 0) for field, name in METRICS.items()
                if field in posts[0]}

    def sign_out(self) -> None:
        tokens = self.secrets.get(self.account.secret_key) or {}
        if tokens.get("refreshJwt"):
            _end_session(self.http, self.xrpc.server, tokens)
        self.secrets.delete(self.account.secret_key)

    # ---- steps --------------------------------------------------------------------------
    def _keys(self, request: PublishRequest, *, save: bool = True) -> list[str]:
        keys = request.progress.get("rkeys")
        if keys and len(keys) == len(request.parts):
            return list(keys)
        at = request.planned_at
        if at is None:
            if not save:
                raise Unconfirmed(translate(
                    "Bluesky", "No record key was kept for this post: check the profile."))
            at = datetime.now(timezone.utc)
        keys = record_keys(request.idempotency_key, len(request.parts), at=at)
        if save:
            request.save_progress(rkeys=keys)  # durable before the first byte leaves
        return keys

    def _record(self, part: PostPart, request: PublishRequest, reply: dict | None,
                resolved: dict[str, str | None]) -> dict[str, Any]:
        text = normalize(part.text)
        record: dict[str, Any] = {"$type": POST, "text": text, "createdAt": utc_stamp()}
        facets = to_facets(text, lambda handle: self._resolve(handle, resolved))
        if facets:
            record["facets"] = facets
        language = request.options.get("language")
        if language:
            record["langs"] = [language]
        if reply:
            record["reply"] = reply
        if part.media:
            record["embed"] = {"$type": "app.bsky.embed.images",
                               "images": [self._image(m) for m in part.media]}
        return record

    def _image(self, media: Any) -> dict[str, Any]:
        body = self.xrpc.call("POST", "com.atproto.repo.uploadBlob", data=media.data,
                              headers={"Content-Type": media.mime}) or {}
        if "blob" not in body:
            raise Permanent(translate("Bluesky", "Bluesky did not keep the image."))
        image = {"image": body["blob"], "alt": media.alt or ""}
        if media.width >= 1 and media.height >= 1:
            image["aspectRatio"] = {"width": int(media.width), "height": int(media.height)}
        return image

    def _resolve(self, handle: str, cache: dict[str, str | None]) -> str | None:
        if handle not in cache:
            try:
                body = self.xrpc.get("com.atproto.identity.resolveHandle", handle=handle) or {}
                cache[handle] = body.get("did")
            except Permanent:
                cache[handle] = None  # unknown handle: stays plain text
        return cache[handle]

    def _create(self, rkey: str, record: dict[str, Any]) -> dict[str, str]:
        try:
            body = self.xrpc.post("com.atproto.repo.createRecord", {
                "repo": self.did, "collection": POST, "rkey": rkey, "record": record,
            }, creates=True) or {}
        except (Permanent, Transient):
            # Refused (the PDS answers 500 when the key is taken): maybe a lost earlier try
            # already made this very record. Ours by construction of the key: take it.
            existing = self._get(rkey)
            if existing is not None:
                return existing
            raise
        if not body.get("uri") or not body.get("cid"):
            raise Unconfirmed(translate("Bluesky", "Bluesky answered without the post's address."))
        return {"uri": body["uri"], "cid": body["cid"]}

    def _get(self, rkey: str) -> dict[str, str] | None:
        try:
            body = self.xrpc.get("com.atproto.repo.getRecord", repo=self.did, collection=POST,
                                 rkey=rkey) or {}
        except Permanent as error:
            if "RecordNotFound" in error.reason or "not found" in error.reason.lower():
                return None
            raise
        if not body.get("uri") or not body.get("cid"):
            return None
        return {"uri": body["uri"], "cid": body["cid"]}

    def _result(self, refs: list[dict[str, str]]) -> PublishResult:
        first = refs[0]["uri"]
        rkey = first.rsplit("/", 1)[-1]
        handle = self.account.settings.get("handle") or self.did
        return PublishResult(remote_id=first,
                             remote_url=f"https://bsky.app/profile/{handle}/post/{rkey}",
                             part_ids=[r["uri"] for r in refs],
                             extra={"cids": [r["cid"] for r in refs]})


def _end_session(http: Any, server: str, session: dict[str, Any]) -> None:
    try:
        http.post(f"{server}/xrpc/com.atproto.server.deleteSession",
                  headers={"Authorization": f"Bearer {session['refreshJwt']}"})
    except ConnectorError:
        pass  # offline: the session expires by itself, and we keep nothing of it


CONNECTOR = BlueskyConnector
