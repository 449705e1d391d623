# SPDX-License-Identifier: GPL-3.0-or-later
"""Crop arithmetic: ratios are kept and the rectangle never leaves the picture."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmdesk.core.model import Crop
from cmdesk.gui.studio import geometry

fractions = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
ratios = st.sampled_from([r for r in geometry.PRESETS.values() if r is not None])
sizes = st.tuples(st.integers(200, 6000), st.integers(200, 6000))
corners = st.sampled_from(["tl", "tr", "bl", "br"])


def _inside(crop: Crop) -> bool:
    eps = 1e-9
    return (crop.x >= -eps and crop.y >= -eps and crop.x + crop.width <= 1 + eps
            and crop.y + crop.height <= 1 + eps and crop.width > 0 and crop.height > 0)


def test_instagram_range_offers_only_its_shapes():
    assert geometry.presets_for((0.8, 1.91)) == ["1:1", "4:5", "1.91:1", "16:9"]
    assert geometry.presets_for(None)[-1] == "free"


@given(ratio=ratios, size=sizes)
def test_centered_crop_has_the_ratio_and_fills_one_side(ratio, size):
    crop = geometry.centered(ratio, *size)
    assert _inside(crop)
    assert geometry.ratio_of(crop, *size) == pytest.approx(ratio, rel=1e-6)
    assert max(crop.width, crop.height) == pytest.approx(1.0)


@given(ratio=ratios, size=sizes, corner=corners, px=fractions, py=fractions)
def test_dragging_a_corner_keeps_the_ratio_inside_the_picture(ratio, size, corner, px, py):
    start = geometry.centered(ratio, *size)
    start = Crop(start.x + start.width * 0.1, start.y + start.height * 0.1, start.width * 0.6, start.height * 0.6)
    crop = geometry.resized(start, corner, (px, py), ratio, *size)
    assert _inside(crop)
    assert geometry.ratio_of(crop, *size) == pytest.approx(ratio, rel=1e-6)


@given(dx=st.floats(-2, 2), dy=st.floats(-2, 2))
def test_moving_never_leaves_the_picture(dx, dy):
    crop = geometry.moved(Crop(0.2, 0.3, 0.5, 0.4), dx, dy)
    assert _inside(crop) and (crop.width, crop.height) == (0.5, 0.4)
