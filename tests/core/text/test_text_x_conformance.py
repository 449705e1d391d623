# SPDX-License-Identifier: GPL-3.0-or-later
"""X counting against the published twitter-text config v3 conformance vectors."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from twitter_text import parse_tweet

from cmdesk.core.text import measure

VECTORS = json.loads((Path(__file__).parent / "vectors" / "twitter_text_v3_weighted.json")
                     .read_text(encoding="utf-8"))["tests"]


@pytest.mark.parametrize("case", VECTORS, ids=[c["description"][:60] for c in VECTORS])
def test_weighted_length_matches_twitter_text(case):
    m = measure("x", case["text"])
    assert m.used == case["weightedLength"]
    assert m.ok == case["valid"]


def test_vectors_cover_emoji_cjk_urls_and_normalisation():
    descriptions = " ".join(c["description"].lower() for c in VECTORS)
    for topic in ("emoji", "cjk", "url", "normalized"):
        assert topic in descriptions


PIECES = st.sampled_from(
    ["a", "é", "e\u0301", " ", "  ", "\n", "\t", ".", ",", "@", "#", "$", "/", ":", "-", "の", "😷",
     "👨‍👩‍👧‍👦", "🇫🇷", "\u200d", "\u2019", "example.com", "https://t.co/abc", "www.exemple.fr/page",
     "@alice", "#tag", "\u202a", "x" * 170]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=120).map("".join))
def test_counting_in_cached_chunks_equals_one_pass(text):
    # weighted.py counts long texts chunk by chunk; that must never change the figure.
    assert measure("x", text).used == parse_tweet(unicodedata.normalize("NFC", text)).weightedLength
