# SPDX-License-Identifier: GPL-3.0-or-later
"""Crop rectangles in fractions of the (turned) picture, kept to an aspect ratio.

Pure arithmetic, no Qt: the canvas turns mouse positions into fractions and calls these.
"""

from __future__ import annotations

from dataclasses import replace

from cmdesk.core.model import Crop

MIN_SIDE = 0.04  # a crop handle cannot collapse the rectangle below 4 % of the picture

PRESETS: dict[str, float | None] = {
    "1:1": 1.0,
    "4:5": 4 / 5,
    "1.91:1": 1.91,
    "16:9": 16 / 9,
    "9:16": 9 / 16,
    "3:4": 3 / 4,
    "free": None,
}


def presets_for(aspect_range: tuple[float, float] | None) -> list[str]:
    """The presets a network accepts: all of them without a declared range."""
    if aspect_range is None:
        return list(PRESETS)
    low, high = aspect_range
    return [name for name, ratio in PRESETS.items() if ratio is not None and low - 1e-3 <= ratio <= high + 1e-3]


def ratio_of(crop: Crop, width: int, height: int) -> float:
    return (crop.width * width) / (crop.height * height)


def centered(ratio: float | None, width: int, height: int,
             focus: tuple[float, float] | None = None) -> Crop:
    """The largest crop of ``ratio`` (pixels w/h) centred on ``focus`` (default the middle)."""
    if ratio is None:
        return Crop()
    fw, fh = 1.0, (width / ratio) / height
    if fh > 1.0:
        fw, fh = (height * ratio) / width, 1.0
    cx, cy = focus or (0.5, 0.5)
    return _clamped(Crop(cx - fw / 2, cy - fh / 2, fw, fh))


def moved(crop: Crop, dx: float, dy: float) -> Crop:
    return _clamped(replace(crop, x=crop.x + dx, y=crop.y + dy))


def resized(crop: Crop, corner: str, point: tuple[float, float], ratio: float | None,
            width: int, height: int) -> Crop:
    """Drag ``corner`` ("tl", "tr", "bl", "br") to ``point``; the opposite corner stays put."""
    ax = crop.x + crop.width if "l" in corner else crop.x
    ay = crop.y + crop.height if "t" in corner else crop.y
    px = min(max(point[0], 0.0), 1.0)
    py = min(max(point[1], 0.0), 1.0)
    fw = max(MIN_SIDE, abs(px - ax))
    fh = max(MIN_SIDE, abs(py - ay))
    if ratio is not None:
        # Follow whichever side the pointer pulls further, then fit the ratio inside the room
        # the fixed corner leaves.
        room_w = ax if "l" in corner else 1.0 - ax
        room_h = ay if "t" in corner else 1.0 - ay
        fh_from_w = fw * width / ratio / height
        if fh_from_w >= fh:
            fh = fh_from_w
        else:
            fw = fh * height * ratio / width
        shrink = min(1.0, room_w / fw if fw else 1.0, room_h / fh if fh else 1.0)
        fw, fh = fw * shrink, fh * shrink
    else:
        fw = min(fw, ax if "l" in corner else 1.0 - ax)
        fh = min(fh, ay if "t" in corner else 1.0 - ay)
    x = ax - fw if "l" in corner else ax
    y = ay - fh if "t" in corner else ay
    return Crop(x, y, fw, fh)


def _clamped(crop: Crop) -> Crop:
    w = min(crop.width, 1.0)
    h = min(crop.height, 1.0)
    x = min(max(crop.x, 0.0), 1.0 - w)
    y = min(max(crop.y, 0.0), 1.0 - h)
    return Crop(x, y, w, h)
