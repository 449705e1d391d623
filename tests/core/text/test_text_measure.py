# SPDX-License-Identifier: GPL-3.0-or-later
"""measure(): each network counted by its own rule, with the examples the networks publish."""

from __future__ import annotations

import unicodedata

import pytest

from cmdesk.core.text import measure

NETWORKS = ["mastodon", "bluesky", "x", "linkedin", "facebook", "instagram", "threads",
            "telegram", "discord", "wordpress"]


# Mastodon's own validator spec (spec/validators/status_length_validator_spec.rb).
def test_mastodon_spec_examples():
    assert not measure("mastodon", "a" * 520).ok
    assert not measure("mastodon", "b" * 251, spoiler="a" * 250).ok
    link = ("a" * 476) + f" http://{'b' * 30}.com/example"
    assert measure("mastodon", link).used == 476 + 1 + 23
    assert measure("mastodon", link).ok
    mention = ("a" * 475) + f" @alice@{'b' * 30}.com"
    assert measure("mastodon", mention).used == 475 + 1 + len("@alice")
    assert measure("mastodon", mention).ok


def test_mastodon_counts_only_http_links_and_reads_the_instance_limit():
    assert measure("mastodon", "see example.com").used == len("see example.com")
    assert measure("mastodon", "see https://example.com").used == 4 + 23
    wide = measure("mastodon", "a" * 900, config={"max_characters": 1000})
    assert (wide.used, wide.limit, wide.ok) == (900, 1000, True)
    assert measure("mastodon", "https://a.example.com", config={"characters_reserved_per_url": 30}).used == 30
    # The server's extractor knows top-level domains: an unknown one is not a link there.
    assert measure("mastodon", "https://cmdesk.invalidtld/x").used == len("https://cmdesk.invalidtld/x")


def test_mastodon_mentions_follow_the_servers_username_rule():
    assert measure("mastodon", "@alice@mastodon.social").used == len("@alice")
    assert measure("mastodon", "merci @Bob_2@example.fr !").used == len("merci @Bob_2 !")
    # Usernames are ASCII on Mastodon: this is no mention, so nothing is discounted.
    assert measure("mastodon", "@zoé@exemple.fr").used == len("@zoé@exemple.fr")
    assert measure("mastodon", "bob@example.fr").used == len("bob@example.fr")  # an e-mail


def test_mastodon_counts_graphemes_family_emoji_is_one():
    family = "👨‍👩‍👧‍👦"
    assert measure("mastodon", family).used == 1
    assert measure("mastodon", "🇫🇷").used == 1


def test_bluesky_has_two_budgets_graphemes_and_bytes():
    family = "👨‍👩‍👧‍👦"  # 1 grapheme, 25 bytes
    assert measure("bluesky", family * 120).ok  # exactly 3000 bytes
    m = measure("bluesky", family * 121)
    assert (m.used, m.limit) == (121, 300)
    assert m.bytes_used == 25 * 121 and m.bytes_limit == 3000
    assert not m.ok  # under 300 graphemes, but 3000 bytes exceeded
    assert measure("bluesky", "a" * 300).ok and not measure("bluesky", "a" * 301).ok


@pytest.mark.parametrize(("text", "graphemes", "utf8"), [
    ("Hello!", 6, 6),
    ("\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F467", 1, 25),
    ("\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F467\U0001F525 good!\u2705", 9, 38),
])
def test_bluesky_matches_the_atproto_rich_text_vectors(text, graphemes, utf8):
    # bluesky-social/atproto packages/api tests, "calculates bytelength and grapheme length".
    m = measure("bluesky", text)
    assert (m.used, m.bytes_used) == (graphemes, utf8)


def test_bluesky_links_count_in_full():
    url = "https://example.com/" + "p" * 100
    assert measure("bluesky", url).used == len(url)


def test_x_weights_emoji_cjk_and_links():
    assert measure("x", "😷").used == 2
    assert measure("x", "の").used == 2
    assert measure("x", "voir https://example.com/" + "x" * 80).used == 5 + 23
    assert measure("x", "a" * 280).ok and not measure("x", "a" * 281).ok


def test_x_refuses_invalid_characters_whatever_the_length():
    m = measure("x", "ABC\u202a\uffffABC\ufffe")
    assert m.invalid_characters and not m.ok


def test_threads_counts_an_emoji_as_its_utf8_bytes():
    assert measure("threads", "😀").used == 4
    assert measure("threads", "👍🏽").used == 8
    assert measure("threads", "é").used == 1
    m = measure("threads", " ".join(f"https://e{i}.example" for i in range(6)))
    assert (m.links, m.link_limit, m.ok) == (6, 5, False)


def test_telegram_counts_utf16_units_and_caption_limit_with_media():
    assert measure("telegram", "😀").used == 2
    assert measure("telegram", "a" * 2000).ok
    captioned = measure("telegram", "a" * 2000, with_media=True)
    assert (captioned.limit, captioned.ok) == (1024, False)


def test_instagram_caps_hashtags_at_30():
    text = " ".join(f"#tag{i}" for i in range(31))
    m = measure("instagram", text)
    assert (m.hashtags, m.hashtag_limit, m.ok) == (31, 30, False)
    assert measure("instagram", " ".join(f"#tag{i}" for i in range(30))).ok


@pytest.mark.parametrize(("network", "limit"), [("linkedin", 3000), ("discord", 2000),
                                                ("instagram", 2200), ("telegram", 4096)])
def test_plain_limits(network, limit):
    assert measure(network, "a" * limit).ok
    assert not measure(network, "a" * (limit + 1)).ok


def test_wordpress_has_no_limit():
    m = measure("wordpress", "a" * 100_000)
    assert m.limit is None and m.ok


@pytest.mark.parametrize("network", NETWORKS)
def test_french_accents_count_the_same_in_nfd_and_nfc(network):
    text = "Élégante journée à Noël, où l'été déçoit ; ça coûte cher, même à Zoë."
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    a, b = measure(network, text), measure(network, nfd)
    assert (a.used, a.bytes_used) == (b.used, b.bytes_used)
    assert a.used == len(text) or network == "x"  # every network sees one unit per letter


def test_explicit_limit_overrides_the_default():
    m = measure("x", "a" * 300, limit=4000)
    assert m.ok and m.limit == 4000


def test_near_and_share_for_the_counters():
    assert measure("x", "a" * 260).near
    assert not measure("x", "a" * 100).near
    assert not measure("x", "a" * 300).near  # over is not "near"
    assert measure("bluesky", "👨‍👩‍👧‍👦" * 100).share == pytest.approx(2500 / 3000)
