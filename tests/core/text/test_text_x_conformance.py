# SPDX-License-Identifier: GPL-3.0-or-later
"""X counting against the published twitter-text config v3 conformance vectors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
