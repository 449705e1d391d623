# SPDX-License-Identifier: GPL-3.0-or-later
"""Bluesky rich text: links, mentions and hashtags as facets with UTF-8 byte offsets.

Bluesky shows nothing as a link, mention or tag unless the record carries a facet for it, and a
facet points into the text by UTF-8 byte offsets (start included, end excluded), not by
characters: "Été 🎉 https://x.fr" has its link at byte 13, character 7. ``detect`` finds the spans
(pure, for the composer's preview too); ``to_facets`` builds the record's ``facets`` list, with a
resolver for mentions, because a mention facet needs the account's DID, not its handle.

The rules follow the Bluesky app's own detection (packages/api rich-text in the atproto repo):
a mention is ``@`` + a handle that is a domain name, after a start, a space or "("; a tag is
``#`` + at most 64 grapheme clusters (and 640 UTF-8 bytes, the lexicon's limits) that are not all
digits or punctuation, after a start or a space; trailing punctuation belongs to the sentence, not
to the tag.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import regex

from cmdesk.core.text.entities import links
from cmdesk.core.text.graphemes import grapheme_count

# app.bsky.richtext.facet#tag: maxGraphemes 64, maxLength 640 (bytes). Graphemes, not code points:
# a tag of 64 skin-toned emoji is 128 code points and still valid.
MAX_TAG_GRAPHEMES = 64
MAX_TAG_BYTES = 640

_MENTION = regex.compile(r"(?:^|(?<=[\s(]))@(?P<handle>[a-zA-Z0-9.-]+)(?![\w.-]*\w)")
# A handle is a domain name: labels of letters, digits and inner hyphens, a last label that starts
# with a letter (so "@12.30" is a time, not a mention).
_HANDLE = regex.compile(
    r"(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
)
_INVISIBLE = "\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2"
_TAG = regex.compile(
    rf"(?:^|(?<=\s))[#＃](?P<tag>(?!\ufe0f)[^\s{_INVISIBLE}]*"
    rf"[^\d\s\p{{P}}{_INVISIBLE}][^\s{_INVISIBLE}]*)"
)
_TRAILING_PUNCT = regex.compile(r"\p{P}+$")

LINK = "app.bsky.richtext.facet#link"
MENTION = "app.bsky.richtext.facet#mention"
TAG = "app.bsky.richtext.facet#tag"


@dataclass(frozen=True)
class Span:
    """One detected facet: ``kind`` is link | mention | tag; ``value`` is the URI, the handle
    (without @, lower case) or the tag (without #)."""

    kind: str
    start: int  # character index into the text, inclusive
    end: int  # exclusive
    byte_start: int
    byte_end: int
    value: str


def _byte_offsets(text: str) -> Callable[[int], int]:
    # Prefix sums once, so a long text with many facets stays linear.
    sums = [0]
    for char in text:
        sums.append(sums[-1] + len(char.encode("utf-8", "surrogatepass")))
    return sums.__getitem__


def detect(text: str) -> list[Span]:
    """Links, mentions and tags of ``text``, sorted, never overlapping (a link wins)."""
    to_byte = _byte_offsets(text)
    found: list[tuple[str, int, int, str]] = []
    taken = bytearray(len(text) + 1)  # 1 where a facet already covers the character

    def take(kind: str, start: int, end: int, value: str) -> None:
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            found.append((kind, start, end, value))

    for entity in links(text):
        take("link", entity.start, entity.end, entity.text)
    for match in _MENTION.finditer(text):
        handle = match.group("handle").rstrip(".-")
        end = match.start("handle") + len(handle)
        if _HANDLE.fullmatch(handle):
            take("mention", match.start(), end, handle.lower())
    for match in _TAG.finditer(text):
        tag = _TRAILING_PUNCT.sub("", match.group("tag"))
        end = match.start("tag") + len(tag)
        if tag and len(tag.encode()) <= MAX_TAG_BYTES and grapheme_count(tag) <= MAX_TAG_GRAPHEMES:
            take("tag", match.start(), end, tag)
    return [Span(kind, start, end, to_byte(start), to_byte(end), value)
            for kind, start, end, value in sorted(found, key=lambda f: f[1])]


def to_facets(text: str, resolve: Callable[[str], str | None] | None = None) -> list[dict[str, Any]]:
    """The ``facets`` of an app.bsky.feed.post record for ``text``.

    ``resolve(handle) -> did or None``: a mention whose handle does not resolve (or with no
    resolver) stays plain text, as in the Bluesky app, rather than pointing at the wrong account.
    """
    facets = []
    for span in detect(text):
        if span.kind == "link":
            feature = {"$type": LINK, "uri": span.value}
        elif span.kind == "tag":
            feature = {"$type": TAG, "tag": span.value}
        else:
            did = resolve(span.value) if resolve else None
            if not did:
                continue
            feature = {"$type": MENTION, "did": did}
        facets.append({"index": {"byteStart": span.byte_start, "byteEnd": span.byte_end},
                       "features": [feature]})
    return facets
