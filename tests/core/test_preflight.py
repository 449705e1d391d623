# SPDX-License-Identifier: GPL-3.0-or-later
"""Pre-flight: what each network would refuse, found before the post is scheduled."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PIL import Image

from cmdesk.core import i18n
from cmdesk.core.connectors.capabilities import Capabilities
from cmdesk.core.model import Crop, MediaRef, Post
from cmdesk.core.preflight import (
    MediaInfo,
    capabilities_for,
    check_media,
    check_post,
    has_errors,
    probe_media,
)

INSTAGRAM = Capabilities(network="instagram", display_name="Instagram", text_limit=2200,
                         max_media=10, media_formats=("image/jpeg",), max_image_bytes=8_000_000,
                         aspect_range=(0.8, 1.91), min_image_width=320, alt_text_limit=1000)
BLUESKY = Capabilities(network="bluesky", display_name="Bluesky", text_limit=300, max_media=4,
                       media_formats=("image/jpeg", "image/png"), max_image_bytes=2_000_000,
                       alt_text_limit=2000)
CAPS = {"instagram": INSTAGRAM, "bluesky": BLUESKY}


def codes(issues):
    return sorted((i.network, i.code, str(i.severity)) for i in issues)


def picture(tmp_path, name, size, fmt="JPEG"):
    path = tmp_path / name
    Image.new("RGB", size, "teal").save(path, fmt)
    return str(path)


def test_text_too_long_is_an_error_with_a_readable_message():
    post = Post(text="a" * 301)
    issues = check_post(post, ["bluesky"], caps_for=CAPS.get)
    assert codes(issues) == [("bluesky", "too_long", "error")]
    assert "Bluesky" in issues[0].message and "1" in issues[0].message and "300" in issues[0].message
    assert has_errors(issues)


def test_variant_and_thread_parts_are_checked_per_network():
    post = Post(text="court", variants={"bluesky": "b" * 400}, thread=["ok", "c" * 2300])
    issues = check_post(post, ["bluesky", "instagram"], caps_for=CAPS.get)
    assert sorted((i.network, i.part) for i in issues) == [("bluesky", 0), ("bluesky", 2), ("instagram", 2)]


def test_media_checks(tmp_path):
    square = MediaRef(picture(tmp_path, "square.jpg", (1080, 1080)), alt="Un carré bleu")
    tall = MediaRef(picture(tmp_path, "tall.png", (400, 1200), "PNG"))
    tiny = MediaRef(picture(tmp_path, "tiny.jpg", (200, 200)), alt="petit")
    post = Post(text="Photos", media=[square, tall, tiny])
    issues = check_post(post, ["instagram", "bluesky"], caps_for=CAPS.get)
    assert codes(issues) == sorted([
        ("instagram", "converted", "warning"),  # PNG: the pipeline sends a JPEG
        ("instagram", "aspect", "error"),  # 1:3 is taller than 4:5
        ("instagram", "no_alt", "warning"),
        ("instagram", "too_small", "error"),
        ("bluesky", "no_alt", "warning"),
    ])
    by_code = {i.code: i for i in issues if i.network == "instagram"}
    assert by_code["aspect"].media_index == 1 and by_code["too_small"].media_index == 2


def test_missing_alt_text_becomes_an_error_when_the_setting_says_so(tmp_path):
    post = Post(text="x", media=[MediaRef(picture(tmp_path, "a.jpg", (800, 800)))])
    assert codes(check_post(post, ["bluesky"], caps_for=CAPS.get, alt_required=True)) == [
        ("bluesky", "no_alt", "error")]


def test_crop_for_the_network_fixes_the_aspect(tmp_path):
    ref = MediaRef(picture(tmp_path, "wide.jpg", (3000, 1000)), alt="panorama",
                   crops={"instagram": Crop(0.25, 0, 0.5, 1)})
    assert probe_media(ref, "instagram") == MediaInfo("image/jpeg", 1500, 1000, probe_media(ref).size)
    assert check_post(Post(text="p", media=[ref]), ["instagram"], caps_for=CAPS.get) == []
    assert codes(check_post(Post(text="p", media=[replace(ref, crops={})]), ["instagram"],
                            caps_for=CAPS.get)) == [("instagram", "aspect", "error")]


def test_too_many_pictures_and_unreadable_ones(tmp_path):
    refs = [MediaRef(str(tmp_path / f"{i}.jpg"), alt="x") for i in range(5)]
    issues = check_media("bluesky", refs, [None] * 5, BLUESKY)
    assert [i.code for i in issues] == ["too_many_images"] + ["unreadable"] * 5


def test_animated_gif_over_the_limit_is_an_error_a_still_one_a_warning():
    big_still = MediaInfo("image/png", 1000, 1000, 3_000_000)
    big_anim = MediaInfo("image/gif", 500, 500, 3_000_000, animated=True)
    refs = [MediaRef("a.png", alt="a"), MediaRef("b.gif", alt="b")]
    assert codes(check_media("bluesky", refs, [big_still, big_anim], BLUESKY)) == [
        ("bluesky", "converted", "warning"), ("bluesky", "format", "error"),
        ("bluesky", "too_large", "error")]


def test_messages_are_translated():
    i18n.install(lambda context, text: "«" + text + "»" if context == "Preflight" else text)
    try:
        issues = check_post(Post(text="a" * 301), ["bluesky"], caps_for=CAPS.get)
    finally:
        i18n.install(lambda context, text: text)
    assert issues[0].message.startswith("«Bluesky")


@pytest.mark.parametrize("network", ["mastodon", "bluesky", "x", "instagram", "telegram"])
def test_capabilities_always_answer(network):
    caps = capabilities_for(network)
    assert caps.network == network and caps.text_limit > 0 and caps.max_media >= 1
