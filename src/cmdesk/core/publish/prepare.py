# SPDX-License-Identifier: GPL-3.0-or-later
"""Turns a stored post into the request a connector sends (text per network, thread, images)."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from typing import Any

from cmdesk.core.connectors.base import PostPart, PreparedMedia, PublishRequest
from cmdesk.core.model import Post, to_iso

log = logging.getLogger(__name__)
MediaFit = Callable[..., Any]  # fit(source_path, network, crop=None) -> .data .width .height .mime


def default_fit(cache_dir: Any = None) -> MediaFit:
    # Imported on first use: the media pipeline pulls Pillow in, which a text-only workspace
    # (and most unit tests) never needs.
    from functools import partial

    from cmdesk.core.media import fit

    # The cache means a retry, or a second account on the same network, re-encodes nothing.
    return partial(fit, cache_dir=cache_dir) if cache_dir is not None else fit


def _focal_in_crop(focal: tuple[float, float] | None, crop: Any) -> tuple[float, float] | None:
    """The focal point (fractions of the whole turned picture) in the cropped picture's frame."""
    if focal is None or crop is None:
        return focal
    x = (focal[0] - crop.x) / crop.width if crop.width else 0.5
    y = (focal[1] - crop.y) / crop.height if crop.height else 0.5
    return (min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0))


def build_request(post: Post, network: str, attempt_id: str, key: str,
                  fit: Callable[[], MediaFit], *, progress: dict[str, Any] | None = None,
                  checkpoint: Callable[[dict[str, Any]], None] | None = None) -> PublishRequest:
    media: list[PreparedMedia] = []
    if post.media:
        fitter = fit()
        for ref in post.media:
            crop = ref.crops.get(network)
            fitted = fitter(ref.path, network, crop=crop, rotate=ref.rotate, flip=ref.flip)
            media.append(PreparedMedia(
                data=fitted.data, mime=fitted.mime, width=fitted.width, height=fitted.height,
                alt=ref.alt, focal=_focal_in_crop(ref.focal, crop),
                filename="image." + ("png" if fitted.mime == "image/png" else "jpg"),
            ))
    parts = [PostPart(post.text_for(network), media)] + [PostPart(t) for t in post.thread]
    return PublishRequest(
        attempt_id=attempt_id,
        idempotency_key=key,
        parts=parts,
        planned_at=post.planned_at,
        poll=post.poll,
        options=dict(post.options.get(network, {})),
        progress=dict(progress or {}),
        checkpoint=checkpoint,
    )


def request_for(pub: Any, post: Post, attempt: dict[str, Any]) -> PublishRequest:
    """The request of a journaled attempt: same key, its progress, checkpointed to the journal."""
    return build_request(post, attempt["network"], attempt["id"], attempt["idempotency_key"],
                         pub.fit, progress=attempt.get("progress"),
                         checkpoint=lambda progress: pub.records.save_progress(attempt, progress))


def request_to_ask(pub: Any, post: Post, attempt: dict[str, Any]) -> PublishRequest:
    """``request_for``, to ask the network about an attempt: when an image can no longer be
    prepared (its file is gone), with the text only, which is what lookups compare."""
    try:
        return request_for(pub, post, attempt)
    except Exception as exc:  # noqa: BLE001 - any failure to prepare an image
        log.warning("asking about a post with its text only: %s", exc)
        bare = Post.from_doc(post.to_doc())
        bare.media = []
        return request_for(pub, bare, attempt)


def fingerprint(post: Post, network: str) -> str:
    """What a handed-off copy was made from: a change means the remote copy must follow."""
    data = {
        "text": post.text_for(network),
        "thread": post.thread,
        "media": [m.to_doc() for m in post.media],
        "at": to_iso(post.planned_at),
        "poll": post.poll,
        "options": post.options.get(network, {}),
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]
