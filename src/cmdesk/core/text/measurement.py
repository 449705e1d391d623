# SPDX-License-Identifier: GPL-3.0-or-later
"""The result of counting a text for one network, and the limits each network applies by default."""

from __future__ import annotations

from dataclasses import dataclass

# Text limits as each network counts them (../shared/reference/platforms.md). The real limit of an
# account may differ (a Mastodon instance sets its own): callers pass it to measure().
DEFAULT_LIMITS: dict[str, int] = {
    "mastodon": 500,
    "bluesky": 300,
    "x": 280,
    "linkedin": 3000,
    "facebook": 63206,
    "instagram": 2200,
    "threads": 500,
    "telegram": 4096,
    "discord": 2000,
    "wordpress": 0,  # no limit in core
}
BLUESKY_BYTE_LIMIT = 3000
TELEGRAM_CAPTION_LIMIT = 1024
INSTAGRAM_HASHTAG_LIMIT = 30
THREADS_LINK_LIMIT = 5
# Counters turn amber past this share of the limit, so the user slows down before going red.
NEAR_SHARE = 0.9


@dataclass(frozen=True)
class Measurement:
    """How much of a network's text budget a text uses.

    ``used``/``limit`` is the main figure (``limit`` None: no limit). Networks with a second
    budget fill the matching pair: Bluesky bytes, Instagram hashtags, Threads links.
    """

    network: str
    used: int
    limit: int | None
    unit: str  # graphemes | weighted | characters | utf16 | bytes-for-emoji
    bytes_used: int | None = None
    bytes_limit: int | None = None
    hashtags: int | None = None
    hashtag_limit: int | None = None
    links: int | None = None
    link_limit: int | None = None
    invalid_characters: bool = False  # X refuses U+FFFE, U+FEFF, U+FFFF and bidi embeddings

    @property
    def remaining(self) -> int | None:
        return None if self.limit is None else self.limit - self.used

    def _pairs(self) -> list[tuple[int, int]]:
        pairs = [(self.used, self.limit), (self.bytes_used, self.bytes_limit),
                 (self.hashtags, self.hashtag_limit), (self.links, self.link_limit)]
        return [(u, lim) for u, lim in pairs if u is not None and lim]

    @property
    def share(self) -> float:
        """The fullest budget as a fraction of its limit (1.0 = exactly at the limit)."""
        return max((u / lim for u, lim in self._pairs()), default=0.0)

    @property
    def ok(self) -> bool:
        return not self.invalid_characters and all(u <= lim for u, lim in self._pairs())

    @property
    def near(self) -> bool:
        return self.ok and self.share >= NEAR_SHARE
