# SPDX-License-Identifier: GPL-3.0-or-later
"""Hostile or broken files get a clear message, never a crash, a hang or a memory blow-up."""

from __future__ import annotations

import zlib
import struct

import pytest
from PIL import Image

from cmdesk.core import i18n
from cmdesk.core.media import MediaError, fit
from tests.core.media.conftest import marked_photo


def _png_header_claiming(width, height):
    """A valid-looking PNG whose header claims a size, with almost no data: a bomb's shape."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def test_a_text_file_is_not_a_picture(tmp_path, spec):
    path = tmp_path / "notes.jpg"
    path.write_text("ceci n'est pas une image")
    with pytest.raises(MediaError, match="not a picture"):
        fit(path, "test", spec=spec)


def test_a_truncated_jpeg_is_reported_as_damaged(tmp_path, spec):
    path = marked_photo(tmp_path / "cut.jpg", size=(1600, 1200))
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])
    with pytest.raises(MediaError, match="damaged or incomplete"):
        fit(path, "test", spec=spec)


@pytest.mark.parametrize("size", [(20_000, 20_000), (10_000, 10_000), (100_000, 100_000)])
def test_huge_or_bomb_pngs_are_refused_from_the_header(tmp_path, spec, size):
    path = tmp_path / "bomb.png"
    path.write_bytes(_png_header_claiming(*size))
    assert path.stat().st_size < 1000
    with pytest.raises(MediaError, match="megapixels"):
        fit(path, "test", spec=spec)


def test_a_missing_file_says_so(tmp_path, spec):
    with pytest.raises(MediaError, match="cannot be found"):
        fit(tmp_path / "gone.jpg", "test", spec=spec)


def test_messages_are_translated(tmp_path, spec):
    path = tmp_path / "notes.png"
    path.write_text("x")
    i18n.install(lambda context, text: "TRADUIT " + text if context == "Media" else text)
    try:
        with pytest.raises(MediaError, match="^TRADUIT"):
            fit(path, "test", spec=spec)
    finally:
        i18n.install(lambda context, text: text)


def test_bad_input_leaves_the_source_untouched(tmp_path, spec):
    path = tmp_path / "cut.jpg"
    Image.new("RGB", (800, 600)).save(path)
    path.write_bytes(path.read_bytes()[:500])
    before = path.read_bytes()
    with pytest.raises(MediaError):
        fit(path, "test", spec=spec, cache_dir=tmp_path / "cache")
    assert path.read_bytes() == before
