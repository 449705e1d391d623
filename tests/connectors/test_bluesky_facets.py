# SPDX-License-Identifier: GPL-3.0-or-later
"""Bluesky facets: the byte offsets always cut exactly the link, mention or tag out of the UTF-8
text, whatever accents and emoji come before; what Bluesky would not link stays plain."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cmdesk.core.text.facets import detect, to_facets


def cut(text: str, facet: dict) -> str:
    index = facet["index"]
    return text.encode()[index["byteStart"]:index["byteEnd"]].decode()


def test_offsets_are_utf8_bytes_not_characters():
    text = "Été 🎉 https://x.fr/a. #Fête! (@alice.test)"
    facets = to_facets(text, {"alice.test": "did:plc:alice"}.get)
    assert [cut(text, f) for f in facets] == ["https://x.fr/a", "#Fête", "@alice.test"]
    assert facets[0]["index"] == {"byteStart": 11, "byteEnd": 25}  # character 6, byte 11
    assert [f["features"][0] for f in facets] == [
        {"$type": "app.bsky.richtext.facet#link", "uri": "https://x.fr/a"},
        {"$type": "app.bsky.richtext.facet#tag", "tag": "Fête"},
        {"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:alice"},
    ]


def test_what_bluesky_does_not_link_stays_plain():
    text = "rdv @12.30, mail a@b.com, #123, mi#lieu, @unknown.test"
    spans = detect(text)
    assert [(s.kind, s.value) for s in spans] == [("mention", "unknown.test")]
    assert to_facets(text, lambda handle: None) == []  # unresolved mention: no facet


def test_a_hashtag_inside_a_link_is_part_of_the_link():
    text = "voir https://ex.fr/page#section"
    assert [s.kind for s in detect(text)] == ["link"]


def test_a_tag_longer_than_64_characters_is_not_a_tag():
    assert detect("#" + "a" * 65) == []
    assert [s.value for s in detect("#" + "a" * 64)] == ["a" * 64]


def test_the_tag_limit_counts_graphemes_and_bytes_not_code_points():
    thumbs = "\U0001F44D\U0001F3FD"  # thumbs up + skin tone: one grapheme, two code points, 8 bytes
    assert [s.value for s in detect("#" + thumbs * 64)] == [thumbs * 64]  # 512 bytes: a tag
    assert detect("#" + thumbs * 65) == []
    scotland = "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"  # 28 bytes
    assert len(detect("#" + scotland * 22)) == 1  # 616 bytes
    assert detect("#" + scotland * 23) == []  # 23 graphemes but 644 bytes, over the 640 allowed


_prefix = st.text(alphabet=st.sampled_from(list("aé 🎉👩‍👩‍👧\u0301中")), max_size=12)


@given(_prefix, _prefix)
def test_offsets_cut_the_entity_whatever_comes_before(before, between):
    text = f"{before} https://example.org/p {between} #tag @bob.test"
    facets = to_facets(text, lambda handle: "did:plc:bob")
    assert [cut(text, f) for f in facets][-3:] == ["https://example.org/p", "#tag", "@bob.test"]
