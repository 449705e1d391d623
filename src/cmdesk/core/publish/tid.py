# SPDX-License-Identifier: GPL-3.0-or-later
"""atproto TIDs: the sortable record keys Bluesky posts are created under.

Choosing the key before sending is what makes a Bluesky create idempotent: a second create with
the same key is refused, and getRecord on it tells whether the first one landed.
"""

from __future__ import annotations

import random
import threading
import time

_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
_lock = threading.Lock()
_last = 0


def new_tid() -> str:
    """53 bits of microseconds since the epoch, then 10 random clock-id bits; 13 characters."""
    global _last
    with _lock:
        micros = max(time.time_ns() // 1000, _last + 1)  # strictly increasing in this process
        _last = micros
    value = (micros << 10) | random.getrandbits(10)
    out = []
    for _ in range(13):
        out.append(_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(out))
