# SPDX-License-Identifier: GPL-3.0-or-later
"""X's weighted length (twitter-text config v3), through the ``twitter-text-parser`` package.

The package passes every weighted-length vector of twitter/twitter-text's conformance suite
(tests/core/text/test_x_conformance.py keeps it honest): NFC first, links 23, emoji 2, CJK 2.
"""

from __future__ import annotations

from twitter_text import parse_tweet

MAX_WEIGHTED_LENGTH = 280


def x_length(text: str) -> tuple[int, bool]:
    """The weighted length, and whether the text holds characters X refuses outright."""
    if not text:
        return 0, False
    result = parse_tweet(text)
    # parse_tweet says "invalid" for both reasons; within the length, it can only be characters.
    too_long = result.weightedLength > MAX_WEIGHTED_LENGTH
    return result.weightedLength, not result.valid and not too_long and _has_invalid(text)


def _has_invalid(text: str) -> bool:
    from twitter_text.has_invalid_characters import has_invalid_characters

    return has_invalid_characters(text)
