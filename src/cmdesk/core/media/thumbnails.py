# SPDX-License-Identifier: GPL-3.0-or-later
"""Small previews for calendar chips and media lists, cached like any derived picture."""

from __future__ import annotations

from pathlib import Path

from cmdesk.core.media.fit import FittedImage, fit
from cmdesk.core.media.spec import FitSpec


def thumbnail(path: str | Path, max_side: int = 256, cache_dir: str | Path | None = None) -> FittedImage:
    """An upright JPEG (or PNG with transparency) no larger than ``max_side``. Raises MediaError."""
    spec = FitSpec(network=f"thumbnail-{max_side}", max_bytes=2_000_000, max_side=max_side)
    return fit(path, spec.network, spec=spec, cache_dir=cache_dir)
