# SPDX-License-Identifier: GPL-3.0-or-later
"""fit(): the file each network gets is upright, cropped, scaled, under its limit, and clean."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from cmdesk.core.media import FitSpec, fit
from cmdesk.core.media.encode import encode_jpeg
from cmdesk.core.model import Crop
from tests.core.media.conftest import marked_photo


def _open(fitted):
    return Image.open(io.BytesIO(fitted.data))


def _is_red(pixel):
    r, g, b = pixel[:3]
    return r > 200 and g < 60 and b < 60


def test_phone_photo_comes_out_upright(tmp_path, spec):
    path = marked_photo(tmp_path / "phone.jpg", size=(1200, 800), orientation=6)
    fitted = fit(path, "test", spec=spec)
    image = _open(fitted)
    assert (fitted.width, fitted.height) == image.size == (1024, 683)
    assert _is_red(image.getpixel((10, 10)))


def test_gps_and_all_exif_are_stripped(tmp_path, spec):
    path = marked_photo(tmp_path / "gps.jpg", gps=True)
    assert Image.open(path).getexif().get_ifd(0x8825)  # the source does carry GPS
    image = _open(fit(path, "test", spec=spec))
    assert len(image.getexif()) == 0
    assert "exif" not in image.info


@pytest.mark.parametrize("crop, ratio", [
    (Crop(0.1, 0.0, 0.5, 1.0), 0.75),  # 600 x 800 of a 1200 x 800 photo -> 3:4
    (Crop(0.0, 0.0, 1.0, 0.5625 * 1.5), 16 / 9),  # full width, 675 px high -> 16:9
    (Crop(0.2, 0.1, 0.5, 0.75), 1.0),
])
def test_crop_fractions_give_the_size_and_ratio_asked(tmp_path, spec, crop, ratio):
    path = marked_photo(tmp_path / "p.jpg", size=(1200, 800))
    fitted = fit(path, "test", crop=crop, spec=spec)
    assert fitted.width / fitted.height == pytest.approx(ratio, rel=0.01)
    assert max(fitted.width, fitted.height) <= spec.max_side
    assert _open(fitted).size == (fitted.width, fitted.height)


def test_crop_is_taken_in_upright_coordinates(tmp_path, spec):
    path = marked_photo(tmp_path / "phone.jpg", size=(1000, 1000), orientation=6)
    top_left = _open(fit(path, "test", crop=Crop(0, 0, 0.2, 0.2), spec=spec))
    assert _is_red(top_left.getpixel((top_left.width // 2, top_left.height // 2)))


def test_rotate_and_flip_apply_before_the_crop(tmp_path, spec):
    path = marked_photo(tmp_path / "p.jpg", size=(1000, 600))
    turned = fit(path, "test", rotate=1, spec=spec)  # a quarter turn clockwise
    assert (turned.width, turned.height) == (600, 1000)
    # After a clockwise turn the red block (top-left) sits top-right.
    assert _is_red(_open(turned).getpixel((turned.width - 10, 10)))
    flipped = _open(fit(path, "test", flip=True, spec=spec))
    assert _is_red(flipped.getpixel((flipped.width - 10, 10)))


def test_quality_is_the_highest_that_fits_the_byte_limit(tmp_path):
    noisy = Image.effect_noise((1600, 1200), 60).convert("RGB")
    path = tmp_path / "noisy.png"
    noisy.save(path)
    limit = 300_000
    fitted = fit(path, "test", spec=FitSpec("test", max_bytes=limit, max_side=1600))
    assert fitted.mime == "image/jpeg" and len(fitted.data) <= limit
    assert 45 <= fitted.quality < 92
    # One step up in quality no longer fits: the search did not stop early.
    assert len(encode_jpeg(_open(fitted).convert("RGB"), fitted.quality + 1)) > limit * 0.97


def test_a_picture_too_big_even_at_low_quality_shrinks(tmp_path):
    noisy = Image.effect_noise((1600, 1200), 90).convert("RGB")
    path = tmp_path / "noisy.png"
    noisy.save(path)
    fitted = fit(path, "test", spec=FitSpec("test", max_bytes=60_000, max_side=1600))
    assert len(fitted.data) <= 60_000 and fitted.width < 1600


def test_transparent_png_stays_png_where_accepted_else_flattens_on_white(tmp_path):
    image = Image.new("RGBA", (400, 300), (0, 0, 0, 0))
    image.paste((10, 120, 10, 255), (100, 100, 200, 200))
    path = tmp_path / "logo.png"
    image.save(path)
    kept = fit(path, "test", spec=FitSpec("test", max_bytes=1_000_000, formats=("image/png", "image/jpeg")))
    assert kept.mime == "image/png" and _open(kept).mode == "RGBA"
    flat = fit(path, "test", spec=FitSpec("test", max_bytes=1_000_000, formats=("image/jpeg",)))
    assert flat.mime == "image/jpeg"
    assert _open(flat).getpixel((5, 5)) >= (250, 250, 250)


@pytest.mark.parametrize("fmt, suffix", [("PNG", "png"), ("WEBP", "webp"), ("GIF", "gif")])
def test_common_formats_open(tmp_path, spec, fmt, suffix):
    path = tmp_path / f"p.{suffix}"
    Image.new("RGB", (640, 480), (30, 60, 90)).save(path, fmt)
    fitted = fit(path, "test", spec=spec)
    assert (fitted.width, fitted.height) == (640, 480) and fitted.mime == "image/jpeg"


def test_heic_phone_photo_opens(tmp_path, spec):
    import pillow_heif
    path = tmp_path / "iphone.heic"
    pillow_heif.from_pillow(Image.new("RGB", (800, 600), (255, 0, 0))).save(path, quality=90)
    fitted = fit(path, "test", spec=spec)
    assert (fitted.width, fitted.height) == (800, 600)
    assert _is_red(_open(fitted).getpixel((400, 300)))


def test_animated_gif_goes_through_untouched_when_accepted(tmp_path):
    frames = []
    for i in range(4):
        frame = Image.new("RGB", (120, 80), (255, 255, 255))
        frame.paste((255, 0, 0), (i * 20, 10, i * 20 + 30, 40))
        frames.append(frame)
    path = tmp_path / "anim.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    fitted = fit(path, "test", spec=FitSpec("test", max_bytes=1_000_000, formats=("image/gif", "image/jpeg")))
    assert fitted.mime == "image/gif" and fitted.data == path.read_bytes()


def test_aspect_ratio_is_reported_in_lowest_terms(tmp_path, spec):
    path = marked_photo(tmp_path / "p.jpg", size=(1200, 800))
    fitted = fit(path, "test", spec=FitSpec("t", max_bytes=10**6, max_side=1200))
    assert fitted.aspect_ratio == (3, 2)


def test_very_large_jpeg_decodes_reduced_not_refused(tmp_path, spec):
    # 100 MP: refused for formats that decode at full size, but a JPEG decodes at 1/2 scale.
    path = tmp_path / "huge.jpg"
    Image.new("RGB", (12000, 8400), (90, 90, 90)).save(path, quality=50)
    fitted = fit(path, "test", spec=spec)
    assert max(fitted.width, fitted.height) == 1024
