# SPDX-License-Identifier: GPL-3.0-or-later
"""The simpler rules: code points (LinkedIn, Facebook, Instagram, Discord, WordPress), UTF-16 code
units (Telegram), and Threads, where an emoji costs its UTF-8 byte length."""

from __future__ import annotations

from cmdesk.core.text.graphemes import graphemes, is_emoji, utf8_len, utf16_len


def code_points(text: str) -> int:
    return len(text)


def telegram_length(text: str) -> int:
    # Bot API limits count after entity parsing in UTF-16 code units (the offsets' unit too).
    return utf16_len(text)


def threads_length(text: str) -> int:
    total = 0
    for cluster in graphemes(text):
        total += utf8_len(cluster) if is_emoji(cluster) else len(cluster)
    return total
