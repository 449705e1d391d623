# SPDX-License-Identifier: GPL-3.0-or-later
"""Link, hashtag and mention detection used by counting and previews."""

from __future__ import annotations

from cmdesk.core.text import find_entities


def kinds(text):
    return [(e.kind, e.text) for e in find_entities(text)]


def test_links_hashtags_mentions_in_order():
    text = "Salut @alice@mastodon.social, voir https://cmdesk.example/a?b=1. #LancementProduit !"
    assert kinds(text) == [("mention", "@alice@mastodon.social"),
                           ("link", "https://cmdesk.example/a?b=1"),
                           ("hashtag", "#LancementProduit")]


def test_trailing_punctuation_and_parentheses():
    assert kinds("(https://example.com/x)") == [("link", "https://example.com/x")]
    assert kinds("https://fr.wikipedia.org/wiki/Paris_(ville).") == [
        ("link", "https://fr.wikipedia.org/wiki/Paris_(ville)")]


def test_not_entities():
    assert kinds("email me at bob@example.com") == []
    assert kinds("#123 is a number, not a tag") == []
    assert kinds("a fragment https://example.com/#top stays in the link") == [
        ("link", "https://example.com/#top")]
    assert kinds("example.com and ftp://example.com") == []


def test_accented_hashtags_and_mentions():
    assert kinds("#Été2026 avec @zoé") == [("hashtag", "#Été2026"), ("mention", "@zoé")]
