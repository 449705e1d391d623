# SPDX-License-Identifier: GPL-3.0-or-later
"""Instagram API with Instagram Login: the container flow of tests/contract/meta_containers.py
with Instagram's names (media, media_publish, caption) and its refusals."""

from __future__ import annotations

from tests.contract.facebook import err
from tests.contract.meta_containers import Flavor, container_routes
from tests.contract.server import ContractServer, Response


def _validate(f: dict[str, str]) -> Response | None:
    if f.get("media_type") == "CAROUSEL":
        if not 2 <= len(f.get("children", "").split(",")) <= 10:
            return err(100, "The carousel must have between 2 and 10 items")
    elif not f.get("image_url"):
        return err(100, "The parameter image_url is required")
    if f.get("is_carousel_item") == "true" and f.get("caption"):
        return err(100, "Carousel items cannot have a caption")
    if len(f.get("caption", "")) > 2200:
        return err(100, "The caption is too long")
    return None


INSTAGRAM = Flavor(
    version="/v23.0", token_path=r"/oauth/access_token", exchange_grant="ig_exchange_token",
    refresh_grant="ig_refresh_token", create_edge="media", publish_edge="media_publish",
    text_field="caption", user_key="user_id", validate=_validate,
    limit_edge="content_publishing_limit", quota_total=50,
    permalink="https://www.instagram.com/p/", metrics=("views", "reach", "likes", "comments", "saved", "shares"),
)


def instagram_routes(server: ContractServer, media_files: dict) -> ContractServer:
    return container_routes(server, INSTAGRAM, media_files)
