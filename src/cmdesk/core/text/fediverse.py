# SPDX-License-Identifier: GPL-3.0-or-later
"""Mastodon's rule: grapheme clusters over spoiler + text, each http(s) link counts as a fixed
``characters_reserved_per_url`` (23), and ``@user@domain`` counts as ``@user``.

Mirrors the server's StatusLengthValidator, so a post we call fitting is never refused with a 422
for its length: the server finds links with twitter-text's extractor (protocol required), so we
use the same extractor (``links(rule="twitter")``), not the plain preview rule. A link to
an unknown top-level domain ("https://cmdesk.example") is therefore counted letter by letter, as
the server counts it.
"""

from __future__ import annotations

from cmdesk.core.text.entities import find_entities
from cmdesk.core.text.graphemes import grapheme_count

URL_PLACEHOLDER_LENGTH = 23


def mastodon_length(text: str, spoiler: str = "", url_length: int = URL_PLACEHOLDER_LENGTH) -> int:
    pieces: list[str] = []
    extra = 0
    cursor = 0
    for entity in find_entities(text, link_rule="twitter"):
        if entity.kind == "hashtag":
            continue
        pieces.append(text[cursor:entity.start])
        if entity.kind == "link":
            extra += url_length
        else:
            pieces.append(entity.user)
        cursor = entity.end
    pieces.append(text[cursor:])
    # Counting the pieces separately would be wrong only if a cluster spanned an entity edge,
    # which cannot happen: entities start at @ or h and end before whitespace or punctuation.
    return grapheme_count(spoiler) + sum(grapheme_count(p) for p in pieces) + extra
