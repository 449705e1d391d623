# SPDX-License-Identifier: GPL-3.0-or-later
"""Mastodon's request and document shapes for the contract server (tests/contract/mastodon.py):
the instance document, form-or-JSON fields, error bodies, HTML content, length counting."""

from __future__ import annotations

import html
from typing import Any

import regex

from tests.contract.server import Request, Response


def default_instance() -> dict[str, Any]:
    return {
        "domain": "mastodon.example",
        "version": "4.3.0",
        "configuration": {
            "urls": {"streaming": "wss://mastodon.example"},
            "statuses": {"max_characters": 500, "max_media_attachments": 4,
                         "characters_reserved_per_url": 23},
            "media_attachments": {
                "supported_mime_types": ["image/jpeg", "image/png", "image/gif", "image/webp"],
                "image_size_limit": 16777216, "image_matrix_limit": 33177600,
                "description_limit": 1500,
            },
            "polls": {"max_options": 4, "max_characters_per_option": 50,
                      "min_expiration": 300, "max_expiration": 2629746},
        },
    }


def _error(status: int, message: str, **headers: str) -> Response:
    return Response(status, json={"error": message}, headers=dict(headers))


def _fields(req: Request) -> dict[str, Any]:
    """Form or JSON into one shape: lists for ``name[]`` fields, poll as a dict."""
    if req.json is not None:
        return dict(req.json)
    out: dict[str, Any] = {}
    poll: dict[str, Any] = {}
    for name, values in req.form.items():
        if name.startswith("poll["):
            key = name[5:].split("]")[0]
            poll[key] = values if key == "options" else values[0]
        elif name.endswith("[]"):
            out[name[:-2]] = values
        else:
            out[name] = values[0]
    if poll:
        out["poll"] = poll
    return out


def _truthy(value: Any) -> bool:
    return value in (True, "true", "1", 1, "on")


def _content(text: str) -> str:
    paragraphs = [html.escape(p).replace("\n", "<br />") for p in text.split("\n\n")]
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _length(text: str, reserved: int) -> int:
    text = regex.sub(r"https?://\S+", "x" * reserved, text)
    text = regex.sub(r"(@\w+)@[\w.-]+", r"\1", text)
    return len(regex.findall(r"\X", text))
