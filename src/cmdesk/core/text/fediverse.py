# SPDX-License-Identifier: GPL-3.0-or-later
"""Mastodon's rule: grapheme clusters over spoiler + text, each http(s) link counts as a fixed
``characters_reserved_per_url`` (23), and ``@user@domain`` counts as ``@user``.

Mirrors the server's StatusLengthValidator, so a post we call fitting is never refused with a 422
for its length. The server finds links with twitter-text's extractor (protocol required), so we
use the same one (``links(rule="twitter")``): a link to an unknown top-level domain
("https://cmdesk.example") counts letter by letter there, and here. Mentions follow the
server's Account::MENTION_RE: ASCII usernames, so "@zoé@exemple.fr" is not a mention and
counts in full.
"""

from __future__ import annotations

import regex

from cmdesk.core.text.entities import Entity, hashtags, links
from cmdesk.core.text.graphemes import grapheme_count

URL_PLACEHOLDER_LENGTH = 23
_MENTION = regex.compile(
    r"(?<![=/\w])@(?P<user>[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?P<domain>@\w+(?:[.-]+\w+)*)?",
    regex.IGNORECASE,
)


def mastodon_entities(text: str) -> list[Entity]:
    """Links, mentions and hashtags as Mastodon's server finds them, sorted; a later entity
    overlapping an earlier one is dropped, as the server's remove_overlapping_entities does."""
    found = links(text, "twitter")
    found += [Entity("mention", m.start(), m.end(), m.group()) for m in _MENTION.finditer(text)]
    found += hashtags(text)
    kept: list[Entity] = []
    for entity in sorted(found, key=lambda e: (e.start, e.kind != "link")):
        if not kept or entity.start >= kept[-1].end:
            kept.append(entity)
    return kept


def mastodon_length(text: str, spoiler: str = "", url_length: int = URL_PLACEHOLDER_LENGTH) -> int:
    pieces: list[str] = []
    extra = 0
    cursor = 0
    for entity in mastodon_entities(text):
        if entity.kind == "hashtag":
            continue
        pieces.append(text[cursor:entity.start])
        if entity.kind == "link":
            extra += url_length
        else:
            pieces.append("@" + _MENTION.match(entity.text).group("user"))
        cursor = entity.end
    pieces.append(text[cursor:])
    # Counting the pieces separately would be wrong only if a cluster spanned an entity edge,
    # which cannot happen: entities start at @ or h and end before whitespace or punctuation.
    return grapheme_count(spoiler) + sum(grapheme_count(p) for p in pieces) + extra
