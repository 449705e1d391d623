# SPDX-License-Identifier: GPL-3.0-or-later
"""Per-network text counting: ``measure(network, text)`` says how much of the network's budget a
text uses, counted the way that network counts it.

Example::

    m = measure("bluesky", "Bonjour 👋")
    m.used, m.limit, m.bytes_used, m.ok

``config`` carries what an account learned from its server, e.g. a Mastodon instance's
``{"max_characters": 1000, "characters_reserved_per_url": 23}``; ``limit`` overrides the main
limit outright (the composer passes the connector's capabilities here).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from cmdesk.core.text.entities import Entity, find_entities, hashtags, links
from cmdesk.core.text.fediverse import URL_PLACEHOLDER_LENGTH, mastodon_length
from cmdesk.core.text.graphemes import grapheme_count, normalize, utf8_len
from cmdesk.core.text.measurement import (
    BLUESKY_BYTE_LIMIT,
    DEFAULT_LIMITS,
    INSTAGRAM_HASHTAG_LIMIT,
    TELEGRAM_CAPTION_LIMIT,
    THREADS_LINK_LIMIT,
    Measurement,
)
from cmdesk.core.text.plain import code_points, telegram_length, threads_length
from cmdesk.core.text.weighted import x_length

__all__ = [
    "DEFAULT_LIMITS",
    "Entity",
    "Measurement",
    "find_entities",
    "hashtags",
    "links",
    "measure",
    "normalize",
]


def measure(
    network: str,
    text: str,
    *,
    spoiler: str = "",
    limit: int | None = None,
    config: Mapping[str, Any] | None = None,
    with_media: bool = False,
) -> Measurement:
    """Count ``text`` for ``network``. Unknown networks count code points with no limit."""
    # The composer asks the same question several times per pause (counters, pre-flight,
    # thread parts): answer repeats from a small cache. Measurement is immutable, so sharing is safe.
    items = tuple(sorted((config or {}).items()))
    return _measure(network, text, spoiler, limit, items, with_media)


@lru_cache(maxsize=512)
def _measure(network: str, text: str, spoiler: str, limit: int | None,
             config_items: tuple[tuple[str, Any], ...], with_media: bool) -> Measurement:
    config = dict(config_items)
    text = normalize(text)
    spoiler = normalize(spoiler)
    if limit is None:
        limit = config.get("max_characters") or DEFAULT_LIMITS.get(network) or None
    if network == "mastodon":
        url_length = int(config.get("characters_reserved_per_url", URL_PLACEHOLDER_LENGTH))
        return Measurement(network, mastodon_length(text, spoiler, url_length), limit, "graphemes")
    if network == "bluesky":
        return Measurement(network, grapheme_count(text), limit, "graphemes",
                           bytes_used=utf8_len(text),
                           bytes_limit=int(config.get("max_bytes", BLUESKY_BYTE_LIMIT)))
    if network == "x":
        used, invalid = x_length(text)
        return Measurement(network, used, limit, "weighted", invalid_characters=invalid)
    if network == "threads":
        return Measurement(network, threads_length(text), limit, "bytes-for-emoji",
                           links=len(links(text)), link_limit=THREADS_LINK_LIMIT)
    if network == "telegram":
        if with_media:
            limit = int(config.get("caption_limit", TELEGRAM_CAPTION_LIMIT))
        return Measurement(network, telegram_length(text), limit, "utf16")
    if network == "instagram":
        return Measurement(network, code_points(text), limit, "characters",
                           hashtags=len(hashtags(text)),
                           hashtag_limit=int(config.get("max_hashtags", INSTAGRAM_HASHTAG_LIMIT)))
    return Measurement(network, code_points(text), limit, "characters")
