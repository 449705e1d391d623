# SPDX-License-Identifier: GPL-3.0-or-later
"""The one error the media pipeline raises: a plain, translated sentence the user can act on."""

from __future__ import annotations

from cmdesk.core.i18n import translate


class MediaError(Exception):
    """A picture cmdesk cannot use. ``str(error)`` is the translated message."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.path = path


def not_an_image(path: str) -> MediaError:
    return MediaError(translate("Media", "“{name}” is not a picture cmdesk can read (JPEG, PNG, WebP, GIF or HEIC).")
                      .format(name=_name(path)), path)


def truncated(path: str) -> MediaError:
    return MediaError(translate("Media", "“{name}” is damaged or incomplete: the picture data stops early.")
                      .format(name=_name(path)), path)


def too_many_pixels(path: str, width: int, height: int, limit_mp: int) -> MediaError:
    if not width:  # a decompression bomb: the header's size is not worth repeating
        return MediaError(
            translate("Media", "“{name}” claims to be larger than the {limit} megapixels cmdesk can process.")
            .format(name=_name(path), limit=limit_mp), path)
    return MediaError(
        translate("Media", "“{name}” is {width} × {height} pixels, more than the {limit} megapixels cmdesk can "
           "process. Export a smaller copy and try again.")
        .format(name=_name(path), width=width, height=height, limit=limit_mp), path)


def missing(path: str) -> MediaError:
    return MediaError(translate("Media", "“{name}” cannot be found. Was it moved or deleted?").format(name=_name(path)), path)


def cannot_fit(path: str, network: str, max_bytes: int) -> MediaError:
    return MediaError(
        translate("Media", "“{name}” cannot be made smaller than {size} for {network} without ruining it.")
        .format(name=_name(path), size=f"{max_bytes / 1_000_000:.1f} MB", network=network), path)


def _name(path: str) -> str:
    from pathlib import Path

    return Path(path).name
