# SPDX-License-Identifier: GPL-3.0-or-later
"""Pre-flight checks: what a network would refuse (or quietly change) in a post, found before the
user schedules it.

Everything comes from the connectors' declared capabilities; ``capabilities_for`` falls back to a
minimal table while a connector module is missing, so the composer still counts and warns.
Media facts come from ``probe_media`` (disk I/O: call it off the GUI thread and cache it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from cmdesk.core.connectors.capabilities import Capabilities
from cmdesk.core.i18n import translate
from cmdesk.core.model import Account, MediaRef, Post
from cmdesk.core.text import DEFAULT_LIMITS, measure

# The workspace setting that turns missing alt text from a warning into an error.
ALT_REQUIRED_SETTING = "require_alt_text"

DISPLAY_NAMES = {
    "mastodon": "Mastodon", "bluesky": "Bluesky", "x": "X", "linkedin": "LinkedIn",
    "facebook": "Facebook", "instagram": "Instagram", "threads": "Threads",
    "telegram": "Telegram", "discord": "Discord", "wordpress": "WordPress",
}
# Used only while a connector module is missing (platforms.md, summary matrix).
_FALLBACK_MEDIA = {
    "mastodon": 4, "bluesky": 4, "x": 4, "linkedin": 20, "facebook": 10, "instagram": 10,
    "threads": 20, "telegram": 10, "discord": 10, "wordpress": 50,
}


def capabilities_for(network: str) -> Capabilities:
    """The connector's capabilities, or a built-in minimum when its module is not there (yet)."""
    try:
        from cmdesk.core.connectors.registry import capabilities

        return capabilities(network)
    except (ImportError, AttributeError, KeyError):
        return Capabilities(network=network, display_name=DISPLAY_NAMES.get(network, network),
                            text_limit=DEFAULT_LIMITS.get(network, 0),
                            max_media=_FALLBACK_MEDIA.get(network, 4))


def account_capabilities(account: Account) -> Capabilities:
    """What this account's server accepts: a Mastodon instance sets its own limits, so a
    connector may refine its capabilities per account (``capabilities_for(account)``)."""
    try:
        from cmdesk.core.connectors.registry import connector_class

        connector = connector_class(account.network)
        refine = getattr(connector, "capabilities_for", None)
        return refine(account) if refine is not None else connector.capabilities
    except (ImportError, AttributeError, KeyError):
        return capabilities_for(account.network)


def text_config(caps: Capabilities) -> dict[str, Any]:
    """The counting settings measure() takes from capabilities: a Mastodon instance's link
    length, Telegram's caption limit."""
    config: dict[str, Any] = {}
    if caps.extra.get("url_length"):
        config["characters_reserved_per_url"] = int(caps.extra["url_length"])
    if caps.caption_limit:
        config["caption_limit"] = caps.caption_limit
    return config


class Severity(StrEnum):
    ERROR = "error"  # the network would refuse the post: scheduling is blocked
    WARNING = "warning"  # the post goes out, but not quite as the user sees it


@dataclass(frozen=True)
class Issue:
    network: str
    code: str  # too_long | too_many_hashtags | too_many_links | too_many_images | format |
    #            converted | too_large | aspect | too_small | no_alt | alt_too_long | unreadable
    severity: Severity
    message: str  # translated, ready to show
    media_index: int | None = None
    part: int | None = None  # thread part (0 = the main text)


@dataclass(frozen=True)
class MediaInfo:
    mime: str
    width: int  # upright, after the user's rotation and crop
    height: int
    size: int  # bytes on disk
    animated: bool = False


_MIMES = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp",
          "HEIF": "image/heic", "AVIF": "image/avif", "MPO": "image/jpeg"}


def probe_media(ref: MediaRef, network: str | None = None) -> MediaInfo:
    """Read the picture's header (no pixels). Raises cmdesk.core.media.errors.MediaError."""
    return as_sent(_read_header(ref.path), ref, network)


def _read_header(path: str) -> MediaInfo:
    """The picture as stored, upright by its EXIF orientation (before the user's edits)."""
    from cmdesk.core.media.safe_open import open_image

    image, probe = open_image(path)
    image.close()
    width, height = probe.upright_size
    return MediaInfo(_MIMES.get(probe.format, f"image/{probe.format.lower()}"), width, height,
                     Path(path).stat().st_size, probe.animated)


def as_sent(info: MediaInfo, ref: MediaRef, network: str | None) -> MediaInfo:
    """The picture's size after the user's rotation and the crop chosen for ``network``: what
    the network will check. Probe once per file, then call this per network (no disk I/O)."""
    width, height = info.width, info.height
    if ref.rotate % 2:
        width, height = height, width
    crop = ref.crops.get(network) if network else None
    if crop is not None:
        width, height = max(1, round(width * crop.width)), max(1, round(height * crop.height))
    return replace(info, width=width, height=height)


def check_text(network: str, text: str, caps: Capabilities, *, with_media: bool = False,
               config: Mapping[str, Any] | None = None, part: int = 0) -> list[Issue]:
    config = {**text_config(caps), **(config or {})}
    m = measure(network, text, limit=caps.text_limit or None, config=config, with_media=with_media)
    name = caps.display_name
    issues: list[Issue] = []
    if m.limit and m.used > m.limit:
        msg = translate("Preflight", "{network}: the text is {over} over the limit of {limit}.")
        issues.append(Issue(network, "too_long", Severity.ERROR,
                            msg.format(network=name, over=m.used - m.limit, limit=m.limit), part=part))
    if m.bytes_limit and m.bytes_used is not None and m.bytes_used > m.bytes_limit:
        msg = translate("Preflight", "{network}: the text takes {used} bytes, more than {limit}.")
        issues.append(Issue(network, "too_long", Severity.ERROR,
                            msg.format(network=name, used=m.bytes_used, limit=m.bytes_limit), part=part))
    if m.invalid_characters:
        msg = translate("Preflight", "{network} refuses some invisible characters in this text (such as U+FFFE or bidirectional embeddings).")
        issues.append(Issue(network, "invalid_characters", Severity.ERROR, msg.format(network=name), part=part))
    if m.hashtag_limit and m.hashtags is not None and m.hashtags > m.hashtag_limit:
        msg = translate("Preflight", "{network}: {count} hashtags, at most {limit} are allowed.")
        issues.append(Issue(network, "too_many_hashtags", Severity.ERROR,
                            msg.format(network=name, count=m.hashtags, limit=m.hashtag_limit), part=part))
    if m.link_limit and m.links is not None and m.links > m.link_limit:
        msg = translate("Preflight", "{network}: {count} links, at most {limit} are allowed.")
        issues.append(Issue(network, "too_many_links", Severity.ERROR,
                            msg.format(network=name, count=m.links, limit=m.link_limit), part=part))
    return issues


def check_media(network: str, media: Sequence[MediaRef], infos: Sequence[MediaInfo | None],
                caps: Capabilities, *, alt_required: bool = False) -> list[Issue]:
    name = caps.display_name
    issues: list[Issue] = []
    if len(media) > caps.max_media:
        msg = translate("Preflight", "{network} takes at most {limit} pictures; this post has {count}.")
        issues.append(Issue(network, "too_many_images", Severity.ERROR,
                            msg.format(network=name, limit=caps.max_media, count=len(media))))
    for index, (ref, info) in enumerate(zip(media, infos)):
        number = index + 1
        if info is None:
            msg = translate("Preflight", "{network}: picture {number} cannot be read.")
            issues.append(Issue(network, "unreadable", Severity.ERROR,
                                msg.format(network=name, number=number), index))
            continue
        issues += _check_one(network, name, number, index, ref, info, caps, alt_required)
    return issues


def _check_one(network: str, name: str, number: int, index: int, ref: MediaRef, info: MediaInfo,
               caps: Capabilities, alt_required: bool) -> list[Issue]:
    issues: list[Issue] = []
    fmt = info.mime.split("/")[-1].upper()
    # The media pipeline re-encodes still pictures into an accepted format and under the byte
    # limit, so those are warnings; an animation is sent as it is, so there they are errors.
    if info.mime not in caps.media_formats:
        if info.animated:
            msg = translate("Preflight", "{network} does not accept animated {format} (picture {number}).")
            issues.append(Issue(network, "format", Severity.ERROR,
                                msg.format(network=name, format=fmt, number=number), index))
        else:
            msg = translate("Preflight", "{network}: picture {number} ({format}) will be converted to JPEG or PNG.")
            issues.append(Issue(network, "converted", Severity.WARNING,
                                msg.format(network=name, format=fmt, number=number), index))
    if info.size > caps.max_image_bytes:
        megabytes = f"{caps.max_image_bytes / 1_000_000:.1f}"
        if info.animated:
            msg = translate("Preflight", "{network}: picture {number} is larger than {limit} MB.")
            severity, code = Severity.ERROR, "too_large"
        else:
            msg = translate("Preflight", "{network}: picture {number} is larger than {limit} MB and will be recompressed.")
            severity, code = Severity.WARNING, "converted"
        issues.append(Issue(network, code, severity,
                            msg.format(network=name, number=number, limit=megabytes), index))
    if caps.aspect_range is not None:
        low, high = caps.aspect_range
        ratio = info.width / info.height
        if not low - 0.005 <= ratio <= high + 0.005:
            msg = translate("Preflight", "{network}: picture {number} has a {ratio} width:height ratio; it accepts {low} to {high}. Crop it in the image studio.")
            issues.append(Issue(network, "aspect", Severity.ERROR, msg.format(
                network=name, number=number, ratio=f"{ratio:.2f}", low=f"{low:.2f}",
                high=f"{high:.2f}"), index))
    if caps.min_image_width and info.width < caps.min_image_width:
        msg = translate("Preflight", "{network}: picture {number} is {width} px wide; it needs at least {limit} px.")
        issues.append(Issue(network, "too_small", Severity.ERROR, msg.format(
            network=name, number=number, width=info.width, limit=caps.min_image_width), index))
    if caps.alt_text_limit is not None:
        if not ref.alt.strip():
            msg = translate("Preflight", "{network}: picture {number} has no alt text.")
            issues.append(Issue(network, "no_alt", Severity.ERROR if alt_required else Severity.WARNING,
                                msg.format(network=name, number=number), index))
        elif len(ref.alt) > caps.alt_text_limit:
            msg = translate("Preflight", "{network}: the alt text of picture {number} is longer than {limit} characters.")
            issues.append(Issue(network, "alt_too_long", Severity.ERROR, msg.format(
                network=name, number=number, limit=caps.alt_text_limit), index))
    return issues


def check_post(post: Post, networks: Iterable[str], *,
               infos: Mapping[str, Sequence[MediaInfo | None]] | None = None,
               caps_for: Callable[[str], Capabilities] = capabilities_for,
               alt_required: bool = False,
               configs: Mapping[str, Mapping[str, Any]] | None = None) -> list[Issue]:
    """Every issue of ``post`` for each network. ``infos[network]`` holds one MediaInfo (or None
    when unreadable) per picture; without it, pictures are probed here (disk I/O)."""
    configs = configs or {}
    headers: list[MediaInfo | None] | None = None  # read once, shared by every network
    issues: list[Issue] = []
    for network in networks:
        caps = caps_for(network)
        media_infos = (infos or {}).get(network)
        if media_infos is None:
            if headers is None:
                headers = [_safe_read(ref) for ref in post.media]
            media_infos = [None if info is None else as_sent(info, ref, network)
                           for ref, info in zip(post.media, headers)]
        parts = [post.text_for(network), *post.thread]
        for number, part in enumerate(parts):
            issues += check_text(network, part, caps, with_media=bool(post.media) and number == 0,
                                 config=configs.get(network), part=number)
        issues += check_media(network, post.media, media_infos, caps, alt_required=alt_required)
    return issues


def _safe_read(ref: MediaRef) -> MediaInfo | None:
    from cmdesk.core.media.errors import MediaError

    try:
        return _read_header(ref.path)
    except (MediaError, OSError):
        return None


def has_errors(issues: Iterable[Issue]) -> bool:
    return any(i.severity is Severity.ERROR for i in issues)
