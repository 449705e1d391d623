# SPDX-License-Identifier: GPL-3.0-or-later
"""Open a picture without trusting it: size checked from the header before any pixel is decoded.

A 20,000 × 20,000 PNG is 1.6 GB once decoded, and a decompression bomb is a few kilobytes on disk
that claims the same: both are refused from the header, before Pillow allocates anything.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from cmdesk.core.media import errors

# No picture is ever decoded at more than this (200 MB of RGBA at most in memory).
MAX_DECODED_PIXELS = 50_000_000
# Phone sensors reach 200 MP; their JPEGs decode at 1/2, 1/4 or 1/8 scale straight from the DCT
# (draft), so a large JPEG stays usable while decoding under MAX_DECODED_PIXELS. Formats that
# must decode at full size are refused above it.
MAX_PIXELS_SCALABLE = 210_000_000
MAX_PIXELS_FULL = MAX_DECODED_PIXELS
SCALABLE_FORMATS = {"JPEG"}

# Pillow's own bomb check (an error at twice this) stays as a last line of defence behind ours.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS_SCALABLE

_heif_registered = False


def _register_heif() -> None:
    global _heif_registered
    if not _heif_registered:
        try:
            from pillow_heif import register_heif_opener

            register_heif_opener()
        except ImportError:  # HEIC stays unsupported; other formats still work
            pass
        _heif_registered = True


# Orientation tags 5-8 rotate by a quarter turn: width and height swap once upright.
_SWAPS_AXES = {5, 6, 7, 8}


@dataclass(frozen=True)
class Probe:
    """What the header says: enough to plan a decode without decoding."""

    format: str
    width: int  # as stored
    height: int
    orientation: int  # EXIF orientation, 1 when absent
    animated: bool

    @property
    def upright_size(self) -> tuple[int, int]:
        if self.orientation in _SWAPS_AXES:
            return self.height, self.width
        return self.width, self.height


def open_image(path: str | Path) -> tuple[Image.Image, Probe]:
    """Open lazily (no pixels decoded yet) and check the size. Raises MediaError."""
    _register_heif()
    path = str(path)
    if not Path(path).is_file():
        raise errors.missing(path)
    try:
        with warnings.catch_warnings():
            # Our own limits below replace Pillow's bomb warning with a clear message.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)
    except Image.DecompressionBombError:
        raise errors.too_many_pixels(path, 0, 0, MAX_PIXELS_SCALABLE // 1_000_000) from None
    except UnidentifiedImageError:
        raise errors.not_an_image(path) from None
    except OSError:
        raise errors.not_an_image(path) from None
    fmt = image.format or ""
    limit = MAX_PIXELS_SCALABLE if fmt in SCALABLE_FORMATS else MAX_PIXELS_FULL
    if image.width * image.height > limit:
        image.close()
        raise errors.too_many_pixels(path, image.width, image.height, limit // 1_000_000)
    try:
        orientation = int(image.getexif().get(0x0112, 1) or 1)
    except Exception:  # a broken EXIF block must not make a good picture unusable
        orientation = 1
    probe = Probe(fmt, image.width, image.height, orientation, bool(getattr(image, "is_animated", False)))
    return image, probe


def load_pixels(image: Image.Image, path: str) -> Image.Image:
    """Decode the pixels as stored (EXIF orientation not applied). Raises MediaError on damaged
    data."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image.load()
            return image
    except (OSError, SyntaxError, ValueError):
        raise errors.truncated(path) from None
