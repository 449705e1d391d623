# SPDX-License-Identifier: GPL-3.0-or-later
"""Every EXIF orientation, quarter turn and mirror gives the picture the user framed: the crop is
chosen on the upright picture, whatever order the pipeline works in."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops, ImageCms, ImageDraw, ImageOps, ImageStat

from cmdesk.core.media import FitSpec, fit
from cmdesk.core.model import Crop

# The transposition a camera applies when it stores a picture with this orientation tag
# (the inverse of what a viewer does to show it upright).
STORED_AS = {1: None, 2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
             4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE,
             6: Image.Transpose.ROTATE_90, 7: Image.Transpose.TRANSVERSE,
             8: Image.Transpose.ROTATE_270}
CROP = Crop(0.1, 0.2, 0.6, 0.5)  # off-centre and not square: any wrong turn shows


def _upright() -> Image.Image:
    picture = Image.linear_gradient("L").resize((600, 400)).convert("RGB")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, 150, 100), fill=(255, 0, 0))
    draw.ellipse((300, 150, 420, 260), fill=(0, 0, 255))
    draw.rectangle((500, 300, 600, 400), fill=(0, 200, 0))
    return picture


def _expected(upright: Image.Image, rotate: int, flip: bool, side: int) -> Image.Image:
    """What the user framed, the slow obvious way: turn, mirror, crop, then resample."""
    picture = upright
    for _ in range(rotate):
        picture = picture.transpose(Image.Transpose.ROTATE_270)
    if flip:
        picture = picture.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    w, h = picture.size
    picture = picture.crop((round(CROP.x * w), round(CROP.y * h), round((CROP.x + CROP.width) * w),
                            round((CROP.y + CROP.height) * h)))
    scale = side / max(picture.size)
    return picture.resize((round(picture.width * scale), round(picture.height * scale)), Image.LANCZOS)


@pytest.mark.parametrize("orientation", range(1, 9))
@pytest.mark.parametrize("rotate, flip", [(0, False), (1, False), (2, True), (3, True)])
def test_the_crop_is_the_one_framed_on_the_upright_picture(tmp_path, orientation, rotate, flip):
    upright = _upright()
    op = STORED_AS[orientation]
    stored = upright if op is None else upright.transpose(op)
    exif = Image.Exif()
    exif[0x0112] = orientation
    path = tmp_path / "photo.png"
    stored.save(path, exif=exif.tobytes())
    assert ImageOps.exif_transpose(Image.open(path)).tobytes() == upright.tobytes()  # as a viewer shows it
    fitted = fit(path, "test", crop=CROP, rotate=rotate, flip=flip,
                 spec=FitSpec("test", max_bytes=1_000_000, max_side=150))
    out = Image.open(io.BytesIO(fitted.data)).convert("RGB")
    expected = _expected(upright, rotate, flip, 150)
    assert out.size == expected.size == (fitted.width, fitted.height)
    # Only JPEG noise apart (a wrong turn or box differs by tens of levels on average).
    assert max(ImageStat.Stat(ImageChops.difference(out, expected)).mean) < 3


def test_a_tagged_phone_photo_is_colour_managed_and_upright(tmp_path):
    upright = _upright().resize((1200, 800))
    exif = Image.Exif()
    exif[0x0112] = 6
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path = tmp_path / "phone.jpg"
    upright.transpose(Image.Transpose.ROTATE_90).save(path, quality=95, exif=exif.tobytes(),
                                                      icc_profile=icc)
    fitted = fit(path, "test", crop=CROP, spec=FitSpec("test", max_bytes=1_000_000, max_side=300))
    out = Image.open(io.BytesIO(fitted.data))
    assert "icc_profile" not in out.info and out.mode == "RGB"  # sRGB, said by saying nothing
    expected = _expected(upright, 0, False, 300)
    assert out.size == expected.size
    assert max(ImageStat.Stat(ImageChops.difference(out.convert("RGB"), expected)).mean) < 3
