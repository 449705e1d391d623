# SPDX-License-Identifier: GPL-3.0-or-later
"""What a connector receives for a picture: the user's turn, flip and per-network crop applied,
the focal point moved into the cropped frame, encoded once and cached."""

from __future__ import annotations

import io

from PIL import Image

from cmdesk.core.model import Crop, MediaRef, Post, Target
from cmdesk.core.publish.prepare import build_request, default_fit


def test_turned_cropped_picture_reaches_the_connector(tmp_path):
    path = tmp_path / "photo.jpg"
    Image.new("RGB", (1200, 800), (40, 120, 200)).save(path, quality=90)
    ref = MediaRef(str(path), alt="La boutique", rotate=1,
                   crops={"mastodon": Crop(0.0, 0.5, 1.0, 0.5)}, focal=(0.5, 0.75))
    post = Post(text="Bonjour", media=[ref], targets=[Target("a", "mastodon")])
    cache = tmp_path / "cache"
    request = build_request(post, "mastodon", "att", "key", lambda: default_fit(cache))
    picture = request.parts[0].media[0]
    # A quarter turn makes it 800 x 1200; the lower half of that is 800 x 600.
    assert (picture.width, picture.height) == (800, 600)
    assert Image.open(io.BytesIO(picture.data)).size == (800, 600)
    assert picture.alt == "La boutique"
    assert picture.focal == (0.5, 0.5)
    assert any((cache / "media").rglob("*.json"))  # a retry re-encodes nothing


def test_asking_about_a_post_whose_picture_was_deleted_uses_its_text(tmp_path):
    from types import SimpleNamespace

    from cmdesk.core.publish.prepare import request_to_ask

    post = Post(text="Bonjour", media=[MediaRef(str(tmp_path / "gone.jpg"))],
                targets=[Target("a", "mastodon")])
    saved = []
    pub = SimpleNamespace(fit=lambda: default_fit(tmp_path / "cache"),
                          records=SimpleNamespace(save_progress=lambda a, p: saved.append(p)))
    attempt = {"id": "att", "network": "mastodon", "idempotency_key": "key", "progress": {"mode": "hand_off"}}
    request = request_to_ask(pub, post, attempt)
    assert [(p.text, p.media) for p in request.parts] == [("Bonjour", [])]
    assert (request.idempotency_key, request.progress) == ("key", {"mode": "hand_off"})
    assert post.media  # the stored post keeps its picture
