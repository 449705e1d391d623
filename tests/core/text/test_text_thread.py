# SPDX-License-Identifier: GPL-3.0-or-later
"""Thread splitting: every part fits every chosen network, numbering included, nothing is cut
through a link, hashtag, mention or grapheme, and no text is lost."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cmdesk.core.text import find_entities, measure
from cmdesk.core.text.thread import fits_networks, split_thread

LINK = "https://cmdesk.fr/" + "chemin-tres-long/" * 6 + "fin"
SENTENCE = "Notre équipe prépare une nouvelle version de l'application."


def body(part: str) -> str:
    return regex.sub(r" \d+/\d+$", "", part)


def words(text: str) -> list[str]:
    return text.split()


def test_short_text_stays_one_unnumbered_post():
    assert split_thread("Bonjour !", fits_networks(["x"])) == ["Bonjour !"]


def test_parts_fit_every_network_with_numbering_and_keep_every_word():
    text = " ".join([SENTENCE] * 12 + [LINK, "#Lancement", "@alice@mastodon.social"] + [SENTENCE] * 3)
    parts = split_thread(text, fits_networks(["x", "bluesky", "mastodon"]))
    assert len(parts) > 2
    for k, part in enumerate(parts, 1):
        assert part.endswith(f" {k}/{len(parts)}")
        for network in ("x", "bluesky", "mastodon"):
            assert measure(network, part).ok, (network, part)
    assert words(" ".join(body(p) for p in parts)) == words(text)
    whole = [e.text for e in find_entities(text)]
    seen = [e.text for p in parts for e in find_entities(body(p))]
    assert seen == whole  # no link, tag or mention cut in two


def test_prefers_sentence_ends():
    text = " ".join([SENTENCE] * 10)
    for part in split_thread(text, fits_networks(["x"])):
        assert body(part).endswith("application.")


def test_an_overlong_word_is_cut_between_graphemes():
    word = "👨‍👩‍👧‍👦" * 200  # 200 graphemes, 5000 bytes: over Bluesky's byte budget
    parts = split_thread(word, fits_networks(["bluesky"]))
    assert len(parts) >= 2
    assert "".join(body(p) for p in parts) == word
    assert all(measure("bluesky", p).ok for p in parts)


def test_ten_parts_or_more_count_the_wider_numbering():
    text = " ".join(["mot"] * 1200)
    parts = split_thread(text, fits_networks(["x"]))
    assert len(parts) >= 10
    assert parts[-1].endswith(f" {len(parts)}/{len(parts)}")
    assert all(measure("x", p).ok for p in parts)


WORDS = st.sampled_from(["le", "été", "déjà", "😀", "👍🏽", "Noël.", "fin!", "#tag", "@zoé",
                         "https://exemple.fr/page", "anticonstitutionnellement", "の"])


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=250), st.sampled_from(["x", "bluesky", "mastodon", "threads"]))
def test_split_fits_and_loses_nothing(items, network):
    text = " ".join(items)
    parts = split_thread(text, fits_networks([network]))
    assert all(measure(network, p).ok for p in parts)
    rebuilt = " ".join(body(p) for p in parts) if len(parts) > 1 else parts[0]
    assert words(rebuilt) == words(text)
