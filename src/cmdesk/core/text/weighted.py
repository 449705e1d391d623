# SPDX-License-Identifier: GPL-3.0-or-later
"""X's weighted length (twitter-text config v3), through the ``twitter-text-parser`` package.

The package passes every weighted-length vector of twitter/twitter-text's conformance suite
(tests/core/text/test_text_x_conformance.py keeps it honest): NFC first, links 23, emoji 2, CJK 2.

It costs about 7 µs per character, so a 3,000-character LinkedIn post also shown for X would
stall the composer on every pause. The weight is additive across whitespace (no link, emoji or
character weight spans a space, and a link's detection only looks at the character before it,
which stays a space), so the text is counted in chunks cut after whitespace and each chunk's
count is cached: typing re-counts only the chunk being edited.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from twitter_text import parse_tweet
from twitter_text.has_invalid_characters import has_invalid_characters

CHUNK_CHARS = 160  # long enough that most chunks end at a space, short enough to re-count fast
_CHUNK = regex.compile(rf"(?s).{{1,{CHUNK_CHARS}}}(?:\S*\s+|\S*$)")


def x_length(text: str) -> tuple[int, bool]:
    """The weighted length, and whether the text holds characters X refuses outright."""
    if not text:
        return 0, False
    total = sum(_chunk_length(chunk) for chunk in _CHUNK.findall(text))
    return total, has_invalid_characters(text)


@lru_cache(maxsize=4096)
def _chunk_length(chunk: str) -> int:
    return parse_tweet(chunk).weightedLength
