# SPDX-License-Identifier: GPL-3.0-or-later
"""Somewhere public to put a picture for a few minutes: Instagram and Threads do not accept an
upload, they fetch ``image_url`` themselves.

Two kinds the user can configure:

- ``wordpress``: a WordPress site already connected in cmdesk; the picture goes to its media
  library and its ``source_url`` is used, then it is deleted once the post is out;
- ``put``: any endpoint that stores a file on ``PUT <upload URL>/<name>`` and serves it at
  ``<public URL>/<name>`` (a presigned-style S3 or R2 bucket, a WebDAV folder behind a web server),
  with an optional Authorization header kept in the keyring; deleted with ``DELETE`` afterwards.

File names are random so nobody can guess a picture's address before the post is out.
"""

from __future__ import annotations

import base64
import json
import secrets as _random
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from cmdesk.core.connectors.base import PreparedMedia, SignInField
from cmdesk.core.connectors.errors import ConnectorError, Permanent
from cmdesk.core.connectors.http import is_loopback
from cmdesk.core.connectors.responses import check, json_body
from cmdesk.core.i18n import translate

_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp"}


@dataclass
class HostedFile:
    url: str  # where the network fetches it
    handle: dict[str, Any]  # what ``delete`` needs; stored in the attempt's progress


class MediaHost(ABC):
    @abstractmethod
    def put(self, media: PreparedMedia) -> HostedFile:
        """Make ``media`` public and return its address."""

    @abstractmethod
    def delete(self, handle: dict[str, Any]) -> None:
        """Take a hosted file down again."""

    def delete_quietly(self, handles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Delete what can be deleted; return the handles that could not (tried again later)."""
        left = []
        for handle in handles:
            try:
                self.delete(handle)
            except ConnectorError:
                left.append(handle)
        return left


def _name(media: PreparedMedia) -> str:
    return f"cmdesk-{_random.token_urlsafe(12)}{_EXTENSIONS.get(media.mime, '.jpg')}"


def _must_be_safe(url: str, label: str) -> str:
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if not parts.hostname or not (parts.scheme == "https" or is_loopback(parts.hostname)):
        raise Permanent(translate("MediaHost", "{label} must be an https:// address.")
                        .format(label=label))
    return url


class PutHost(MediaHost):
    def __init__(self, upload_url: str, public_url: str, auth: str, http: Any) -> None:
        self.upload_url, self.public_url, self.auth, self.http = upload_url, public_url, auth, http

    def _headers(self) -> dict[str, str]:
        return {"Authorization": self.auth} if self.auth else {}

    def put(self, media: PreparedMedia) -> HostedFile:
        name = _name(media)
        check(self.http.request("PUT", f"{self.upload_url}/{name}", data=media.data,
                                headers={**self._headers(), "Content-Type": media.mime}))
        return HostedFile(f"{self.public_url}/{name}", {"kind": "put", "name": name})

    def delete(self, handle: dict[str, Any]) -> None:
        response = self.http.request("DELETE", f"{self.upload_url}/{handle['name']}",
                                     headers=self._headers())
        if response.status_code != 404:  # already gone is what we wanted
            check(response)


class WordPressHost(MediaHost):
    def __init__(self, site: str, username: str, password: str, http: Any) -> None:
        self.site, self.http = site, http
        token = base64.b64encode(f"{username}:{password}".encode()).decode()
        self._auth = {"Authorization": f"Basic {token}"}

    def put(self, media: PreparedMedia) -> HostedFile:
        name = _name(media)
        body = json_body(self.http.request(
            "POST", f"{self.site}/wp-json/wp/v2/media", data=media.data, headers={
                **self._auth, "Content-Type": media.mime,
                "Content-Disposition": f'attachment; filename="{name}"'}),
            required=("id", "source_url"))
        return HostedFile(body["source_url"], {"kind": "wordpress", "id": body["id"]})

    def delete(self, handle: dict[str, Any]) -> None:
        response = self.http.request("DELETE", f"{self.site}/wp-json/wp/v2/media/{handle['id']}",
                                     params={"force": "true"}, headers=self._auth)
        if response.status_code != 404:
            check(response)


# ---- configuration ----------------------------------------------------------------------------
def host_fields() -> tuple[SignInField, ...]:
    """Sign-in fields of a network that needs public media (the GUI shows ``media_wordpress``
    as a choice among the WordPress sites connected in cmdesk)."""
    return (
        SignInField("media_wordpress", translate("SignIn", "Media host: WordPress site"),
                    required=False, help=translate(
                        "SignIn", "Pictures are put in this site's media library while the "
                        "network fetches them, then deleted.")),
        SignInField("media_put_url", translate("SignIn", "Or upload URL (PUT)"), required=False,
                    placeholder="https://bucket.example.com/cmdesk", help=translate(
                        "SignIn", "A folder that accepts HTTP PUT: an S3-style bucket, WebDAV...")),
        SignInField("media_public_url", translate("SignIn", "Public URL of that folder"),
                    required=False, placeholder="https://media.example.com/cmdesk"),
        SignInField("media_put_auth", translate("SignIn", "Authorization header for uploads"),
                    secret=True, required=False,
                    help=translate("SignIn", "Optional; kept in the system keyring only.")),
    )


def config_from_values(values: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """Check the media-host fields; return (settings for the store, secrets for the keyring)."""
    wordpress = (values.get("media_wordpress") or "").strip()
    if wordpress:
        site = _must_be_safe(values.get("media_wordpress_site") or "",
                             translate("SignIn", "The WordPress site address"))
        return {"kind": "wordpress", "account_id": wordpress, "site": site}, {}
    put_url = (values.get("media_put_url") or "").strip()
    public = (values.get("media_public_url") or "").strip()
    if not put_url or not public:
        raise Permanent(translate(
            "MediaHost", "This network fetches pictures from a public address: choose a "
            "WordPress site, or give both an upload URL and its public URL."))
    config = {"kind": "put",
              "upload_url": _must_be_safe(put_url, translate("SignIn", "The upload URL")),
              "public_url": _must_be_safe(public, translate("SignIn", "The public URL"))}
    auth = (values.get("media_put_auth") or "").strip()
    return config, ({"media_auth": auth} if auth else {})


def open_host(config: dict[str, Any], vault: dict[str, Any], secrets: Any, http: Any) -> MediaHost:
    """The host an account is configured with. ``vault``: the account's own keyring entry."""
    if config.get("kind") == "put":
        return PutHost(config["upload_url"], config["public_url"], vault.get("media_auth", ""), http)
    if config.get("kind") == "wordpress":
        raw = secrets.get(f"account:{config['account_id']}")
        if not raw:
            raise Permanent(translate(
                "MediaHost", "The WordPress site used as media host is no longer signed in."))
        creds = json.loads(raw) if isinstance(raw, str) else dict(raw)
        password = creds.get("app_password") or creds.get("password") or ""
        return WordPressHost(config["site"], creds.get("username", ""), password, http)
    raise Permanent(translate("MediaHost", "No media host is configured for this account."))


def host_many(host: MediaHost, media: list[PreparedMedia]) -> list[HostedFile]:
    """Host every picture, or none: a failure takes down what was already put."""
    done: list[HostedFile] = []
    try:
        for item in media:
            done.append(host.put(item))
    except ConnectorError:
        host.delete_quietly([h.handle for h in done])
        raise
    return done
