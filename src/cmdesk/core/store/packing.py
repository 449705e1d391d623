# SPDX-License-Identifier: GPL-3.0-or-later
"""Cold documents (posts that went out everywhere) kept compressed, in memory and on disk.

A published post carries its remote ids, URLs and history: about 2.9 kB of JSON, against 1.3 kB
while it waits. Most of a workspace that is a few years old is such posts, read again only when
someone opens one (the calendar paints them from their entry headers). Deflated with a
dictionary of the keys every post repeats and written as base64 (a line must hold no LF or TAB),
one takes about 1 kB: the difference between 340 MB and about 220 MB resident at 100,000 posts.

A packed body starts with its format tag; a plain one with ``{``. The dictionary of a tag never
changes: a new dictionary gets a new tag, and readers keep every old one.
"""

from __future__ import annotations

import base64
import zlib

TAG = b"z1"
# Byte strings a packed document is likely to repeat, most frequent last (zlib prefers the end).
_DICTIONARY = (
    b'{"id":"","schema":1,"text":"","media":[{"path":"/home/","alt":"","crops":{"instagram":'
    b'[0.1,0.0,0.8,1.0]}}],"targets":[{"account_id":"","network":"mastodon","state":"published",'
    b'"remote_id":"","remote_url":"https://","published_at":"20","history":[{"at":"20","state":'
    b'"due","note":""},{"at":"20","state":"publishing","note":""},{"at":"20","state":"published",'
    b'"note":"https://"}],"lateness_s":0.4}],"planned_at":"20","zone":"Europe/Paris","tags":[],'
    b'"campaign":"","created_at":"20","updated_at":"20"}'
)
_DICTIONARIES = {TAG: _DICTIONARY}
MIN_BYTES = 512  # below this, deflate and base64 save too little to be worth a decode


def pack(body: bytes) -> bytes:
    """``body`` (a document's JSON) as a packed body; unchanged when packing would not pay."""
    if len(body) < MIN_BYTES:
        return body
    deflate = zlib.compressobj(1, zdict=_DICTIONARY)  # level 1: writes stay cheap
    packed = TAG + base64.b64encode(deflate.compress(body) + deflate.flush())
    return packed if len(packed) < len(body) else body


def unpack(body: bytes) -> bytes:
    """The JSON of a body, packed or not (a trailing LF is allowed)."""
    if body[:1] == b"{":
        return body
    dictionary = _DICTIONARIES.get(bytes(body[:2]))
    if dictionary is None:
        raise ValueError(f"unknown document format {bytes(body[:2])!r}: written by a newer cmdesk?")
    inflate = zlib.decompressobj(zdict=dictionary)
    return inflate.decompress(base64.b64decode(body[2:].rstrip(b"\n"), validate=True))
