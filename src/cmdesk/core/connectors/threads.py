# SPDX-License-Identifier: GPL-3.0-or-later
"""Threads through the Threads API, with the user's own Meta developer app and a media host
(Threads fetches pictures from a public address). A thread is a chain of posts, each a container
published as a reply to the one before. Container flow: cmdesk.core.connectors.meta_container."""

from __future__ import annotations

import json

from cmdesk.core.connectors import byo_app, media_host
from cmdesk.core.connectors.base import PostPart, PublishRequest
from cmdesk.core.connectors.capabilities import Capabilities
from cmdesk.core.connectors.errors import Permanent
from cmdesk.core.connectors.meta_container import ContainerConnector
from cmdesk.core.i18n import translate

LINK_LIMIT = 5
POLL_KEYS = ("option_a", "option_b", "option_c", "option_d")


class ThreadsConnector(ContainerConnector):
    capabilities = Capabilities(
        network="threads",
        display_name="Threads",
        text_limit=500,  # with every emoji counted as its UTF-8 byte length
        max_media=20,
        media_formats=("image/jpeg", "image/png"),
        max_image_bytes=8_000_000,
        min_image_width=320,
        max_image_side=1440,
        aspect_range=(0.1, 10.0),
        alt_text_limit=1000,
        idempotency="container",
        metrics=("views", "likes", "replies", "reposts", "quotes", "shares"),
        threads=True,
        polls=True,
        poll_options=(2, 4),
        auth="byo-app",
        needs_public_media=True,
        requirements=translate(
            "Requirements",
            "Threads needs a Meta developer app of your own with the Threads API use case. "
            "Until the app passes App Review, only Threads profiles added as testers on the app "
            "can sign in. Threads fetches pictures from a public web address, so you also need a "
            "media host: a WordPress site connected in cmdesk, or a storage folder that accepts "
            "uploads.",
        ),
        extra={"counting": "bytes-for-emoji", "max_links": LINK_LIMIT, "poll_option_chars": 25},
    )

    AUTH_URL = "https://threads.net/oauth/authorize"
    TOKEN_URL = "https://graph.threads.net/oauth/access_token"
    GRAPH = "https://graph.threads.net"
    VERSION = "v1.0"
    SCOPES = "threads_basic,threads_content_publish,threads_manage_insights"
    EXCHANGE_GRANT = "th_exchange_token"
    REFRESH_GRANT = "th_refresh_token"
    ME_FIELDS = "id,username"
    CREATE_EDGE = "threads"
    PUBLISH_EDGE = "threads_publish"
    TEXT_FIELD = "text"
    LIMIT_EDGE = "threads_publishing_limit"
    LIST_FIELDS = "id,text,timestamp,permalink"

    sign_in_fields = byo_app.app_fields(redirect_help=translate(
        "SignIn", "Must be listed as a redirect callback URL on the app. Meta only accepts HTTPS "
        "addresses: after you approve, copy the address your browser shows and paste it back.",
    )) + media_host.host_fields()

    def _part_fields(self, part: PostPart, index: int, request: PublishRequest,
                     reply_to: str | None) -> dict[str, str]:
        fields = {"media_type": "TEXT", "text": part.text}
        if reply_to:
            fields["reply_to_id"] = reply_to
        if index == 0 and request.poll:
            if part.media:
                raise Permanent(translate("Threads", "A Threads poll cannot carry pictures."))
            options = list(request.poll.get("options") or [])
            if not 2 <= len(options) <= 4:
                raise Permanent(translate("Threads", "A Threads poll has 2 to 4 options."))
            fields["poll_attachment"] = json.dumps(dict(zip(POLL_KEYS, options)))
        link = request.options.get("link")
        if index == 0 and link and not part.media:
            fields["link_attachment"] = link
        return fields

    def _item_fields(self, url: str, alt: str, *, carousel: bool) -> dict[str, str]:
        fields = {"media_type": "IMAGE", "image_url": url}
        if carousel:
            fields["is_carousel_item"] = "true"
        if alt:
            fields["alt_text"] = alt
        return fields


CONNECTOR = ThreadsConnector
