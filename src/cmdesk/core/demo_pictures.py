# SPDX-License-Identifier: GPL-3.0-or-later
"""Sample pictures for the demo workspace: a soft gradient, some bokeh and a caption."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SIZE = (1200, 900)
_FONT_CANDIDATES = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    Path("/System/Library/Fonts/Supplemental/Arial Bold.ttf"),
    Path("C:/Windows/Fonts/arialbd.ttf"),
]


def _font(size: int) -> ImageFont.ImageFont:
    for candidate in _FONT_CANDIDATES:
        if candidate.exists():
            return ImageFont.truetype(str(candidate), size)
    return ImageFont.load_default(size=size)


def render_picture(
    caption: str, colours: tuple[tuple[int, int, int], tuple[int, int, int]]
) -> Image.Image:
    dark, light = colours
    # A diagonal light, like a window beside the counter.
    vertical = Image.linear_gradient("L")
    mask = Image.blend(vertical, vertical.rotate(90), 0.5).resize(SIZE)
    image = Image.composite(Image.new("RGB", SIZE, light), Image.new("RGB", SIZE, dark), mask)
    rng = random.Random(caption)  # the same caption always gives the same picture
    # Blur only the alpha: blurring RGBA would pull in the transparent black and ring each disc.
    bokeh = Image.new("L", SIZE, 0)
    draw = ImageDraw.Draw(bokeh)
    for _ in range(18):
        x, y, r = rng.randrange(SIZE[0]), rng.randrange(SIZE[1]), rng.randrange(30, 140)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.randrange(25, 70))
    glow = Image.new("RGB", SIZE, (255, 252, 235))
    image = Image.composite(glow, image, bokeh.filter(ImageFilter.GaussianBlur(12))).convert("RGBA")
    draw = ImageDraw.Draw(image)
    font = _font(72)
    box = draw.textbbox((0, 0), caption, font=font)
    x, y = 60, SIZE[1] - (box[3] - box[1]) - 80
    draw.text((x + 3, y + 3), caption, font=font, fill=(0, 0, 0, 140))
    draw.text((x, y), caption, font=font, fill=(255, 255, 255, 255))
    return image.convert("RGB")
