# SPDX-License-Identifier: GPL-3.0-or-later
"""Properties every counter must keep, whatever the user types."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from cmdesk.core.text import measure

NETWORKS = ["mastodon", "bluesky", "x", "linkedin", "facebook", "instagram", "threads",
            "telegram", "discord"]
# Letters (with accents typed either way), digits, spaces, punctuation that ends no URL, emoji,
# CJK: what posts are made of. '.', ':' and '/' are left out so no link appears by accident
# (a link's fixed 23 makes appending a character to a growing URL legitimately shrink a count).
PIECES = st.sampled_from(
    ["a", "Z", "é", "e\u0301", "ç", "c\u0327", "Ë", " ", "\n", ",", "!", "'", "1", "😀", "👍🏽",
     "👨‍👩‍👧‍👦", "🇫🇷", "の", "#", "@", "_", "«", "»", "\u00a0"]
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)
NETWORK = st.sampled_from(NETWORKS)


@settings(max_examples=150, deadline=None)
@given(NETWORK, TEXTS)
def test_nfd_and_nfc_count_the_same(network, text):
    nfc, nfd = unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)
    a, b = measure(network, nfc), measure(network, nfd)
    assert (a.used, a.bytes_used, a.hashtags) == (b.used, b.bytes_used, b.hashtags)


@settings(max_examples=150, deadline=None)
@given(NETWORK, TEXTS, PIECES)
def test_appending_never_decreases_the_count(network, text, piece):
    assert measure(network, text + piece).used >= measure(network, text).used


# A path ends on a letter or digit: both networks leave a trailing "~" or "-" out of the link.
URL_PATHS = st.from_regex(r"\A([a-z0-9_~/-]{0,300}[a-z0-9])?\Z")
HOSTS = st.from_regex(r"\A[a-z][a-z0-9]{0,20}(\.[a-z][a-z0-9]{0,10}){0,2}\.(com|org|fr|social)\Z")


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["mastodon", "x"]), TEXTS, HOSTS, URL_PATHS, HOSTS, URL_PATHS,
       st.sampled_from(["http", "https"]))
def test_a_link_counts_the_same_whatever_its_length(network, text, host1, path1, host2, path2, scheme):
    before = f"{text} {scheme}://{host1}/{path1} fin"
    after = f"{text} https://{host2}/{path2} fin"
    assert measure(network, before).used == measure(network, after).used


@settings(max_examples=100, deadline=None)
@given(TEXTS, HOSTS, URL_PATHS)
def test_bluesky_counts_links_in_full(text, host, path):
    url = f"https://{host}/{path}"
    assert measure("bluesky", f"{text} {url}").used == measure("bluesky", text).used + 1 + len(url)
