# SPDX-License-Identifier: GPL-3.0-or-later
"""fit(): the file a network gets from a picture on the user's disk.

Upright (EXIF orientation applied), cropped as the user chose, in sRGB, scaled to the network's
maximum dimensions, encoded in a format it accepts under its byte limit, metadata stripped.

Speed comes from never decoding pixels that are thrown away: JPEG decodes at 1/2, 1/4 or 1/8
scale straight from the DCT (Pillow's draft mode) when the output is that much smaller, so a
24 MP photo fitted to 2,048 px decodes a quarter of its pixels.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from math import gcd
from pathlib import Path

from PIL import Image, ImageCms

from cmdesk.core.media import errors, geometry
from cmdesk.core.media.encode import best_jpeg_under, encode_png
from cmdesk.core.media.resample import map_bands, resize_box
from cmdesk.core.media.safe_open import MAX_DECODED_PIXELS, load_pixels, open_image
from cmdesk.core.media.spec import FitSpec, spec_for
from cmdesk.core.model import Crop

PIPELINE_VERSION = 2  # part of the cache key: bump when the output of fit() changes
SHRINK_STEP = 0.8  # when even the lowest quality is too big, the picture shrinks by this much
# When the JPEG's own 1/2, 1/4 or 1/8 reduction lands within this fraction of the target size,
# take it as the output size rather than decode at full scale and resample: 5 % fewer pixels are
# invisible in a feed (networks rescale anyway) and the decode is several times cheaper.
DRAFT_TOLERANCE = 0.95

_SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True)
class FittedImage:
    data: bytes
    width: int
    height: int
    mime: str
    quality: int | None = None  # JPEG quality chosen by the search

    @property
    def aspect_ratio(self) -> tuple[int, int]:
        """Width:height in lowest terms (Bluesky stores it with the image)."""
        d = gcd(self.width, self.height) or 1
        return self.width // d, self.height // d


def fit(source_path: str | Path, network: str, crop: Crop | None = None, *, rotate: int = 0,
        flip: bool = False, spec: FitSpec | None = None, cache_dir: str | Path | None = None
        ) -> FittedImage:
    """The encoded picture for ``network``. ``crop`` is in fractions of the upright image
    (after ``rotate`` quarter turns clockwise and ``flip``). Raises MediaError."""
    spec = spec or spec_for(network)
    if cache_dir is not None:
        from cmdesk.core.media.cache import MediaCache

        return MediaCache(cache_dir).fit(source_path, spec, crop, rotate, flip)
    return fit_uncached(str(source_path), spec, crop, rotate, flip)


def fit_uncached(path: str, spec: FitSpec, crop: Crop | None, rotate: int = 0,
                 flip: bool = False) -> FittedImage:
    image, probe = open_image(path)
    try:
        if probe.animated and "image/gif" in spec.formats and crop is None and not rotate and not flip:
            passthrough = _animated_passthrough(path, probe, spec)
            if passthrough is not None:
                return passthrough
        crop = crop or Crop()
        ops = geometry.upright_ops(probe.orientation, rotate, flip)
        swapped = geometry.swaps_axes(ops)
        width, height = (probe.height, probe.width) if swapped else (probe.width, probe.height)
        crop_w, crop_h = max(1.0, crop.width * width), max(1.0, crop.height * height)
        scale = _scale_for(crop_w, crop_h, spec)
        if probe.format == "JPEG":
            _draft(image, probe.width, probe.height, scale)
        # Pixels stay as stored until they are few: the crop is cut, resampled, and only then
        # turned upright and colour-managed (a phone photo's Display P3 to sRGB on 24 MP costs
        # more than the whole rest of the pipeline).
        picture, icc = _resamplable(load_pixels(image, path))
        decoded_scale = picture.width / probe.width
        scale = min(scale, decoded_scale)  # never upscale what draft already reduced
        upright = (picture.height, picture.width) if swapped else picture.size
        box = geometry.stored_box(ops, _crop_box(crop, upright), upright)
        target = (max(1, round(crop_w * scale)), max(1, round(crop_h * scale)))
        if swapped:
            target = (target[1], target[0])
        if (box[2] - box[0], box[3] - box[1]) == target:
            picture = picture.crop(box)
        else:
            picture = resize_box(picture, target, box)
        return _encode(_to_srgb(geometry.apply(ops, picture), icc), spec, path)
    finally:
        image.close()


def _draft(image: Image.Image, width: int, height: int, scale: float) -> None:
    """Ask the JPEG decoder for at least the pixels we need (less the tolerance), and never
    more than MAX_DECODED_PIXELS; draft picks the largest DCT reduction giving that size."""
    want = min(1.0, scale * DRAFT_TOLERANCE)
    reduction = 1
    while width * height / reduction**2 > MAX_DECODED_PIXELS and reduction < 8:
        reduction *= 2
    want = min(want, 1 / reduction)
    if want < 1:
        image.draft("RGB", (max(1, math.floor(width * want)), max(1, math.floor(height * want))))


def _scale_for(crop_w: float, crop_h: float, spec: FitSpec) -> float:
    scale = min(1.0, spec.max_side / max(crop_w, crop_h))
    if spec.max_pixels:
        scale = min(scale, math.sqrt(spec.max_pixels / (crop_w * crop_h)))
    return scale


def _crop_box(crop: Crop, size: tuple[int, int]) -> tuple[int, int, int, int]:
    w, h = size
    left = min(max(0, round(crop.x * w)), w - 1)
    top = min(max(0, round(crop.y * h)), h - 1)
    right = max(left + 1, min(w, round((crop.x + crop.width) * w)))
    bottom = max(top + 1, min(h, round((crop.y + crop.height) * h)))
    return left, top, right, bottom


def _resamplable(picture: Image.Image) -> tuple[Image.Image, bytes | None]:
    """The picture in a mode Pillow resamples well (RGB, RGBA or L), and the ICC profile still to
    apply to it. Palette, 16-bit, grey+alpha and CMYK pictures are converted first, as before
    resampling they must be anyway (CMYK through its profile when it has one)."""
    icc = picture.info.get("icc_profile") if picture.mode in ("RGB", "RGBA", "CMYK") else None
    if picture.mode == "CMYK" and icc:
        picture, icc = _apply_profile(picture, icc), None
    if picture.mode in ("RGB", "RGBA", "L"):
        return picture, icc
    has_alpha = picture.mode in ("RGBA", "LA", "PA") or (picture.mode == "P" and "transparency" in picture.info)
    return picture.convert("RGBA" if has_alpha else "RGB"), icc


def _to_srgb(picture: Image.Image, icc: bytes | None) -> Image.Image:
    if icc:
        picture = _apply_profile(picture, icc)
    return picture.convert("RGB") if picture.mode == "L" else picture


def _apply_profile(picture: Image.Image, icc: bytes) -> Image.Image:
    out_mode = "RGBA" if picture.mode == "RGBA" else "RGB"
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        ImageCms.buildTransform(source, _SRGB, picture.mode, out_mode)  # unusable: raises here
    except (ImageCms.PyCMSError, OSError, ValueError):
        return picture  # an unreadable profile: keep the pixels as they are rather than refuse

    def convert(band: Image.Image) -> Image.Image:
        # One transform per band: a LittleCMS transform is not to be shared between threads.
        return ImageCms.applyTransform(band, ImageCms.buildTransform(source, _SRGB, band.mode, out_mode))

    return map_bands(picture, convert)


def _encode(picture: Image.Image, spec: FitSpec, path: str) -> FittedImage:
    if picture.mode == "RGBA":
        if "image/png" in spec.formats:
            data = encode_png(picture)
            if len(data) <= spec.max_bytes:
                return FittedImage(data, picture.width, picture.height, "image/png")
        background = Image.new("RGB", picture.size, (255, 255, 255))
        background.paste(picture, mask=picture.getchannel("A"))
        picture = background
    while True:
        found = best_jpeg_under(picture, spec.max_bytes)
        if found is not None:
            data, quality = found
            return FittedImage(data, picture.width, picture.height, "image/jpeg", quality)
        if min(picture.size) < 64:
            raise errors.cannot_fit(path, spec.network, spec.max_bytes)
        smaller = (max(1, int(picture.width * SHRINK_STEP)), max(1, int(picture.height * SHRINK_STEP)))
        picture = picture.resize(smaller, Image.LANCZOS)


def _animated_passthrough(path: str, probe, spec: FitSpec) -> FittedImage | None:
    """An animated GIF the network takes as it is: send the file untouched (GIF has no EXIF)."""
    data = Path(path).read_bytes()
    if probe.format == "GIF" and len(data) <= spec.max_bytes and max(probe.width, probe.height) <= spec.max_side:
        return FittedImage(data, probe.width, probe.height, "image/gif")
    return None
