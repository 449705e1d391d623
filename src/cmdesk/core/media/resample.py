# SPDX-License-Identifier: GPL-3.0-or-later
"""Resizing (and colour transforms) in horizontal bands on every core.

Pillow releases the GIL while it resamples, so bands resized in threads use all cores. Each band
resamples from the same source box with Pillow's exact box arithmetic (filter support reaches
outside the band), so the joined result matches a single resize to within rounding.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PIL import Image

MIN_PARALLEL_PIXELS = 1_000_000  # below this, thread hand-off costs more than it saves
_workers = max(1, min(4, os.cpu_count() or 1))
_pool = ThreadPoolExecutor(max_workers=_workers, thread_name_prefix="cmdesk-resample") if _workers > 1 else None


def resize_box(image: Image.Image, size: tuple[int, int], box: tuple[float, float, float, float],
               resample: int = Image.LANCZOS) -> Image.Image:
    """``image.resize(size, resample, box=box)``, split across cores when it is worth it."""
    out_w, out_h = size
    if _pool is None or out_w * out_h < MIN_PARALLEL_PIXELS or out_h < 2 * _workers:
        return image.resize(size, resample, box=box)
    x0, y0, x1, y1 = box
    step = (y1 - y0) / out_h
    edges = [round(i * out_h / _workers) for i in range(_workers + 1)]

    def band(i: int) -> Image.Image:
        top, bottom = edges[i], edges[i + 1]
        return image.resize((out_w, bottom - top), resample,
                            box=(x0, y0 + top * step, x1, y0 + bottom * step))

    result = Image.new(image.mode, size)
    for i, part in enumerate(_pool.map(band, range(_workers))):
        result.paste(part, (0, edges[i]))
    return result


def map_bands(image: Image.Image, fn: Callable[[Image.Image], Image.Image]) -> Image.Image:
    """``fn(image)`` for a per-pixel ``fn`` (a colour transform), run on horizontal bands across
    cores when it is worth it; ``fn`` gets each band on its own (nothing shared between threads)."""
    if _pool is None or image.width * image.height < MIN_PARALLEL_PIXELS or image.height < 2 * _workers:
        return fn(image)
    w, h = image.size
    edges = [round(i * h / _workers) for i in range(_workers + 1)]
    parts = list(_pool.map(lambda i: fn(image.crop((0, edges[i], w, edges[i + 1]))), range(_workers)))
    result = Image.new(parts[0].mode, image.size)
    for top, part in zip(edges, parts):
        result.paste(part, (0, top))
    return result
