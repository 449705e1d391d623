# SPDX-License-Identifier: GPL-3.0-or-later
"""What each network accepts, declared as data. The composer, validators and media pipeline read
these; nothing about a network is hard-coded elsewhere."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NativeScheduling:
    """A network that can hold a post on its own servers until a time (a hand-off)."""

    min_lead_s: int  # must be at least this far ahead
    max_lead_s: int | None = None
    daily_limit: int | None = None  # per UTC day, per account
    total_limit: int | None = None  # pending at once, per account


@dataclass(frozen=True)
class Capabilities:
    network: str
    display_name: str
    text_limit: int  # as counted by cmdesk.core.text.measure(network, ...)
    caption_limit: int | None = None  # when the text rides with media (Telegram: 1024)
    max_media: int = 4
    media_formats: tuple[str, ...] = ("image/jpeg", "image/png")
    max_image_bytes: int = 5_000_000
    max_image_pixels: int | None = None  # width * height
    max_image_side: int | None = None  # longest side after the network's own scaling
    min_image_width: int | None = None
    aspect_range: tuple[float, float] | None = None  # (min w/h, max w/h)
    alt_text_limit: int | None = None  # None: the network has no alt text
    native_scheduling: NativeScheduling | None = None
    idempotency: str = "none"  # idempotency-key | record-key | slug | container | none
    metrics: tuple[str, ...] = ()
    threads: bool = False
    polls: bool = False
    poll_options: tuple[int, int] | None = None  # (min, max) options
    auth: str = "oauth-pkce"  # oauth-pkce | app-password | bot-token | webhook | byo-app
    needs_public_media: bool = False  # Instagram, Threads fetch images from a public URL
    requirements: str = ""  # plain words on what the user must bring (shown in the UI)
    extra: dict[str, object] = field(default_factory=dict)
