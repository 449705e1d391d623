# SPDX-License-Identifier: GPL-3.0-or-later
"""Encoding under a byte limit: the highest JPEG quality that fits, found by search.

JPEG size grows monotonically (in practice) with quality, so a bisection over the quality scale
finds the best one in at most ~6 encodes; the first try at the ceiling usually fits outright.
Nothing here writes metadata: EXIF (and its GPS block) never reaches the output.
"""

from __future__ import annotations

import io

from PIL import Image

QUALITY_CEILING = 92  # above this, files grow fast for differences nobody sees
QUALITY_FLOOR = 45  # below this, artefacts show; shrink the picture instead


def encode_jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    # 4:2:0 chroma subsampling: what every network re-encodes to anyway, and a third smaller.
    image.save(buffer, "JPEG", quality=quality, subsampling="4:2:0", optimize=False)
    return buffer.getvalue()


def encode_png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()


def best_jpeg_under(image: Image.Image, max_bytes: int) -> tuple[bytes, int] | None:
    """(data, quality) of the highest quality in [floor, ceiling] under max_bytes, or None."""
    data = encode_jpeg(image, QUALITY_CEILING)
    if len(data) <= max_bytes:
        return data, QUALITY_CEILING
    best: tuple[bytes, int] | None = None
    lo, hi = QUALITY_FLOOR, QUALITY_CEILING - 1
    while lo <= hi:
        quality = (lo + hi) // 2
        data = encode_jpeg(image, quality)
        if len(data) <= max_bytes:
            best = (data, quality)
            lo = quality + 1
        else:
            hi = quality - 1
    return best
