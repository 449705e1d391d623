# SPDX-License-Identifier: GPL-3.0-or-later
from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from cmdesk.core.media import FitSpec


@pytest.fixture
def spec():
    return FitSpec("test", max_bytes=1_000_000, max_side=1024)


def marked_photo(path, size=(1200, 800), orientation=None, gps=False, fmt="JPEG"):
    """A picture with a red block in its upright top-left corner and a blue one bottom-right.

    With ``orientation``, the pixels are stored turned so that applying the EXIF orientation
    brings the red block back to the top-left, as a phone camera does.
    """
    upright = Image.new("RGB", size, (200, 200, 200))
    draw = ImageDraw.Draw(upright)
    w, h = size
    draw.rectangle((0, 0, w // 5, h // 5), fill=(255, 0, 0))
    draw.rectangle((w - w // 5, h - h // 5, w, h), fill=(0, 0, 255))
    stored = upright
    exif = Image.Exif()
    if orientation == 6:  # stored turned 90 deg counter-clockwise; viewer turns it clockwise
        stored = upright.transpose(Image.Transpose.ROTATE_90)
        exif[0x0112] = 6
    if gps:
        exif[0x8825] = {1: "N", 2: (45.0, 45.0, 0.0), 3: "E", 4: (4.0, 50.0, 0.0)}
    stored.save(path, fmt, exif=exif.tobytes() if len(exif) else b"", quality=95)
    return path
