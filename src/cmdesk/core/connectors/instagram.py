# SPDX-License-Identifier: GPL-3.0-or-later
"""Instagram (professional accounts) through the Instagram API with Instagram Login, with the
user's own Meta developer app and a media host: Instagram fetches every picture from a public
address. Container flow and crash recovery: cmdesk.core.connectors.meta_container."""

from __future__ import annotations

from cmdesk.core.connectors import byo_app, media_host
from cmdesk.core.connectors.base import PostPart, PublishRequest
from cmdesk.core.connectors.capabilities import Capabilities
from cmdesk.core.connectors.errors import Permanent
from cmdesk.core.connectors.meta_container import ContainerConnector
from cmdesk.core.connectors.meta_graph import GRAPH_VERSION, post_comments
from cmdesk.core.i18n import translate


class InstagramConnector(ContainerConnector):
    capabilities = Capabilities(
        network="instagram",
        display_name="Instagram",
        text_limit=2200,
        max_media=10,
        media_formats=("image/jpeg",),
        max_image_bytes=8_000_000,
        min_image_width=320,
        max_image_side=1440,
        aspect_range=(0.8, 1.91),  # 4:5 portrait to 1.91:1 landscape
        alt_text_limit=1000,
        idempotency="container",
        metrics=("likes", "comments", "views", "reach", "saved", "shares"),
        threads=True,  # parts after the first become comments under the post
        auth="byo-app",
        needs_public_media=True,
        requirements=translate(
            "Requirements",
            "Instagram needs a professional (business or creator) account and a Meta developer "
            "app of your own with the Instagram API and Instagram Login. Until the app passes "
            "App Review, only accounts added as testers on the app can sign in. Instagram "
            "fetches pictures from a public web address, so you also need a media host: a "
            "WordPress site connected in cmdesk, or a storage folder that accepts uploads. "
            "Every post needs at least one picture.",
        ),
        extra={"max_hashtags": 30, "max_mentions": 20},
    )

    AUTH_URL = "https://www.instagram.com/oauth/authorize"
    TOKEN_URL = "https://api.instagram.com/oauth/access_token"
    GRAPH = "https://graph.instagram.com"
    VERSION = GRAPH_VERSION
    SCOPES = "instagram_business_basic,instagram_business_content_publish"
    EXCHANGE_GRANT = "ig_exchange_token"
    REFRESH_GRANT = "ig_refresh_token"
    ME_FIELDS = "user_id,username"
    CREATE_EDGE = "media"
    PUBLISH_EDGE = "media_publish"
    TEXT_FIELD = "caption"
    LIMIT_EDGE = "content_publishing_limit"
    LIST_FIELDS = "id,caption,timestamp,permalink"

    sign_in_fields = byo_app.app_fields(redirect_help=translate(
        "SignIn", "Must be listed in the app's Instagram Login settings. Meta only accepts HTTPS "
        "addresses: after you approve, copy the address your browser shows and paste it back.",
    )) + media_host.host_fields()

    def _parts(self, request: PublishRequest) -> list[PostPart]:
        if not request.parts[0].media:
            raise Permanent(translate("Instagram", "An Instagram post needs at least one picture."))
        return request.parts[:1]

    def _item_fields(self, url: str, alt: str, *, carousel: bool) -> dict[str, str]:
        fields = {"image_url": url}
        if carousel:
            fields["is_carousel_item"] = "true"
        if alt:
            fields["alt_text"] = alt
        return fields

    def _after(self, request: PublishRequest, media_id: str) -> list[str]:
        return post_comments(self._call, media_id, [p.text for p in request.parts[1:]], request)


CONNECTOR = InstagramConnector
