# SPDX-License-Identifier: GPL-3.0-or-later
"""Threads API: the container flow of tests/contract/meta_containers.py with Threads' names
(threads, threads_publish, text), its 500-character rule (an emoji weighs its UTF-8 bytes),
the 5-link limit and polls."""

from __future__ import annotations

import json
import re

import regex

from tests.contract.facebook import err
from tests.contract.meta_containers import Flavor, container_routes
from tests.contract.server import ContractServer, Response

LINK_RX = re.compile(r"https?://\S+")


def _weight(text: str) -> int:
    return sum(len(g.encode()) if regex.match(r"\p{Extended_Pictographic}", g) else 1
               for g in regex.findall(r"\X", text))


def _validate(f: dict[str, str]) -> Response | None:
    kind = f.get("media_type")
    if kind not in ("TEXT", "IMAGE", "CAROUSEL"):
        return err(100, "Param media_type must be one of {TEXT, IMAGE, VIDEO, CAROUSEL}")
    if kind == "IMAGE" and not f.get("image_url"):
        return err(100, "Param image_url is required for IMAGE")
    if _weight(f.get("text", "")) > 500:
        return err(100, "Param text must be at most 500 characters long")
    if len(LINK_RX.findall(f.get("text", ""))) > 5:
        return err(100, "THREADS_API__LINK_LIMIT_EXCEEDED")
    if f.get("poll_attachment"):
        if kind != "TEXT":
            return err(100, "Polls are only available on text posts")
        options = json.loads(f["poll_attachment"])
        if not {"option_a", "option_b"} <= set(options) or any(len(o) > 25 for o in options.values()):
            return err(100, "Invalid poll_attachment")
    return None


THREADS = Flavor(
    version="/v1.0", token_path=r"/oauth/access_token", exchange_grant="th_exchange_token",
    refresh_grant="th_refresh_token", create_edge="threads", publish_edge="threads_publish",
    text_field="text", user_key="id", validate=_validate,
    limit_edge="threads_publishing_limit", quota_total=250,
    permalink="https://www.threads.net/@brand/post/", metrics=("views", "likes", "replies", "reposts", "quotes", "shares"),
)


def threads_routes(server: ContractServer, media_files: dict) -> ContractServer:
    return container_routes(server, THREADS, media_files)
