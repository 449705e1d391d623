# SPDX-License-Identifier: GPL-3.0-or-later
"""What one network accepts for a picture, taken from its connector's declared capabilities."""

from __future__ import annotations

from dataclasses import dataclass

from cmdesk.core.connectors.capabilities import Capabilities

# Without a declared maximum, a picture is still brought down to a size every feed shows sharply;
# sending 24 MP to a network that displays 2,048 px only costs the user upload time.
DEFAULT_MAX_SIDE = 4096


@dataclass(frozen=True)
class FitSpec:
    network: str
    max_bytes: int
    max_side: int = DEFAULT_MAX_SIDE
    max_pixels: int | None = None
    formats: tuple[str, ...] = ("image/jpeg", "image/png")
    wants_aspect_ratio: bool = False  # Bluesky stores it with the image

    @classmethod
    def from_capabilities(cls, caps: Capabilities) -> FitSpec:
        return cls(
            network=caps.network,
            max_bytes=caps.max_image_bytes,
            max_side=caps.max_image_side or DEFAULT_MAX_SIDE,
            max_pixels=caps.max_image_pixels,
            formats=caps.media_formats,
            wants_aspect_ratio=bool(caps.extra.get("aspect_ratio")),
        )

    def key(self) -> str:
        return f"{self.network}|{self.max_bytes}|{self.max_side}|{self.max_pixels}|{','.join(self.formats)}"


def spec_for(network: str) -> FitSpec:
    from cmdesk.core.connectors.registry import capabilities

    return FitSpec.from_capabilities(capabilities(network))
