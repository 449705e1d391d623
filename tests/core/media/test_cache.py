# SPDX-License-Identifier: GPL-3.0-or-later
"""The derived-file cache: content-addressed, rebuilt after deletion, never serving stale data."""

from __future__ import annotations

import shutil

from PIL import Image

from cmdesk.core.media import fit
from cmdesk.core.model import Crop
from tests.core.media.conftest import marked_photo


def test_second_fit_is_served_from_the_cache(tmp_path, spec):
    path = marked_photo(tmp_path / "p.jpg")
    cache = tmp_path / "cache"
    first = fit(path, "test", spec=spec, cache_dir=cache)
    entries = list((cache / "media").rglob("*"))
    assert any(p.suffix == ".json" for p in entries)
    second = fit(path, "test", spec=spec, cache_dir=cache)
    assert second == first
    assert list((cache / "media").rglob("*")) == entries  # nothing new written


def test_deleting_the_cache_rebuilds_the_same_file(tmp_path, spec):
    path = marked_photo(tmp_path / "p.jpg")
    cache = tmp_path / "cache"
    first = fit(path, "test", spec=spec, cache_dir=cache)
    shutil.rmtree(cache)
    assert fit(path, "test", spec=spec, cache_dir=cache) == first


def test_a_changed_source_or_crop_misses_the_cache(tmp_path, spec):
    path = marked_photo(tmp_path / "p.jpg")
    cache = tmp_path / "cache"
    first = fit(path, "test", spec=spec, cache_dir=cache)
    cropped = fit(path, "test", crop=Crop(0, 0, 0.5, 0.5), spec=spec, cache_dir=cache)
    assert cropped.width < first.width
    Image.new("RGB", (300, 200), (0, 255, 0)).save(path)
    assert fit(path, "test", spec=spec, cache_dir=cache).width == 300


def test_the_original_file_is_never_modified(tmp_path, spec):
    path = marked_photo(tmp_path / "p.jpg", gps=True)
    before = path.read_bytes()
    fit(path, "test", crop=Crop(0.1, 0.1, 0.5, 0.5), rotate=1, flip=True, spec=spec, cache_dir=tmp_path / "c")
    assert path.read_bytes() == before
