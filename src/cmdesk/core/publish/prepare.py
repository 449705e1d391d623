# SPDX-License-Identifier: GPL-3.0-or-later
"""Turns a stored post into the request a connector sends (text per network, thread, images)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from cmdesk.core.connectors.base import PostPart, PreparedMedia, PublishRequest
from cmdesk.core.model import Post, to_iso

MediaFit = Callable[..., Any]  # fit(source_path, network, crop=None) -> .data .width .height .mime


def default_fit() -> MediaFit:
    # Imported on first use: the media pipeline pulls Pillow in, which a text-only workspace
    # (and most unit tests) never needs.
    from cmdesk.core.media import fit

    return fit


def build_request(post: Post, network: str, attempt_id: str, key: str,
                  fit: Callable[[], MediaFit], *, progress: dict[str, Any] | None = None,
                  checkpoint: Callable[[dict[str, Any]], None] | None = None) -> PublishRequest:
    media: list[PreparedMedia] = []
    if post.media:
        fitter = fit()
        for ref in post.media:
            fitted = fitter(ref.path, network, crop=ref.crops.get(network))
            media.append(PreparedMedia(
                data=fitted.data, mime=fitted.mime, width=fitted.width, height=fitted.height,
                alt=ref.alt, focal=ref.focal,
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
