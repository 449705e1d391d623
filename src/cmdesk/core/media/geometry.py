# SPDX-License-Identifier: GPL-3.0-or-later
"""Quarter turns and mirrors as data, so a crop chosen on the upright picture can be cut from the
pixels as stored.

Turning a 24 MP photo upright before cropping moves every pixel once more than needed; cutting
the matching box from the stored pixels, resampling, and turning only the small result gives the
same picture (the resampling kernel is symmetric) for a fraction of the memory traffic.
"""

from __future__ import annotations

from PIL import Image

T = Image.Transpose
Box = tuple[float, float, float, float]

# EXIF orientation -> the transposition that makes the stored pixels upright (as exif_transpose).
_EXIF = {2: T.FLIP_LEFT_RIGHT, 3: T.ROTATE_180, 4: T.FLIP_TOP_BOTTOM, 5: T.TRANSPOSE,
         6: T.ROTATE_270, 7: T.TRANSVERSE, 8: T.ROTATE_90}
_SWAPS = {T.ROTATE_90, T.ROTATE_270, T.TRANSPOSE, T.TRANSVERSE}
_INVERSE = {T.ROTATE_90: T.ROTATE_270, T.ROTATE_270: T.ROTATE_90}


def upright_ops(orientation: int, rotate: int, flip: bool) -> list[Image.Transpose]:
    """The transpositions, in order, from stored pixels to what the user sees: EXIF orientation,
    then the user's quarter turns clockwise, then the user's mirror."""
    ops = [_EXIF[orientation]] if orientation in _EXIF else []
    ops += [T.ROTATE_270] * (rotate % 4)  # 270 counter-clockwise = 90 clockwise
    if flip:
        ops.append(T.FLIP_LEFT_RIGHT)
    return ops


def swaps_axes(ops: list[Image.Transpose]) -> bool:
    return sum(op in _SWAPS for op in ops) % 2 == 1


def _map(op: Image.Transpose, box: Box, size: tuple[int, int]) -> tuple[Box, tuple[int, int]]:
    """Where ``box`` of an image of ``size`` lands once ``op`` is applied (and the new size)."""
    x0, y0, x1, y1 = box
    w, h = size
    if op == T.FLIP_LEFT_RIGHT:
        return (w - x1, y0, w - x0, y1), size
    if op == T.FLIP_TOP_BOTTOM:
        return (x0, h - y1, x1, h - y0), size
    if op == T.ROTATE_180:
        return (w - x1, h - y1, w - x0, h - y0), size
    if op == T.ROTATE_90:  # counter-clockwise: (x, y) -> (y, w - x)
        return (y0, w - x1, y1, w - x0), (h, w)
    if op == T.ROTATE_270:  # clockwise: (x, y) -> (h - y, x)
        return (h - y1, x0, h - y0, x1), (h, w)
    if op == T.TRANSPOSE:  # (x, y) -> (y, x)
        return (y0, x0, y1, x1), (h, w)
    return (h - y1, w - x1, h - y0, w - x0), (h, w)  # TRANSVERSE: (x, y) -> (h - y, w - x)


def stored_box(ops: list[Image.Transpose], box: Box, upright_size: tuple[int, int]) -> Box:
    """The box of the stored pixels that ``ops`` turn into ``box`` of the upright picture."""
    size = upright_size
    for op in reversed(ops):
        box, size = _map(_INVERSE.get(op, op), box, size)
    return box


def apply(ops: list[Image.Transpose], picture: Image.Image) -> Image.Image:
    for op in ops:
        picture = picture.transpose(op)
    return picture
