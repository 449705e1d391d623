# SPDX-License-Identifier: GPL-3.0-or-later
"""A post's text as the network's feed shows it: links, hashtags and mentions styled, long links
shortened where the network shortens them, and the "… more" fold where the feed cuts the text.

Pure functions returning HTML for a QLabel, so they are testable without widgets.
"""

from __future__ import annotations

import html

from cmdesk.core.text import find_entities
from cmdesk.core.text.facets import detect
from cmdesk.core.text.fediverse import mastodon_entities
from cmdesk.gui.composer.networks import FOLD_CHARS

# Networks whose feed shows a link shortened (the full URL stays behind it). Bluesky shows the
# post text as sent, and cmdesk sends the full URL, so it is not shortened there.
SHORTENS_LINKS = {"mastodon": 30, "x": 23}
LINK_COLORS = {"mastodon": "#563acc", "bluesky": "#1185fe", "x": "#1d9bf0", "linkedin": "#0a66c2",
               "facebook": "#385898", "instagram": "#00376b", "threads": "#0095f6",
               "telegram": "#2481cc", "discord": "#00a8fc", "wordpress": "#21759b"}


def _spans(network: str, text: str) -> list[tuple[int, int, str]]:
    if network == "bluesky":
        # Bluesky styles only what its app would turn into facets: reuse that exact detection.
        return [(s.start, s.end, s.kind) for s in detect(text)]
    if network == "mastodon":  # exactly what the server links (and discounts in the count)
        return [(e.start, e.end, e.kind) for e in mastodon_entities(text)]
    # X links what its twitter-text extractor finds, bare domains included.
    rule = "twitter-bare" if network == "x" else "plain"
    return [(e.start, e.end, e.kind) for e in find_entities(text, link_rule=rule)]


def _shorten(url: str, keep: int) -> str:
    bare = url.split("://", 1)[-1]
    bare = bare.removeprefix("www.")
    return bare if len(bare) <= keep else bare[: keep - 1] + "…"


def fold_at(network: str, text: str) -> int | None:
    """Where the feed cuts the text (None: shown whole). Never inside a link, tag or mention."""
    limit = FOLD_CHARS.get(network)
    if limit is None or len(text) <= limit:
        return None
    for start, end, _ in _spans(network, text):
        if start < limit < end:
            return start
    return limit


def render(network: str, text: str, more: str) -> str:
    """HTML for the preview. ``more`` is the translated fold label ("more", "Voir plus")."""
    color = LINK_COLORS.get(network, "#1d9bf0")
    cut = fold_at(network, text)
    shown = text if cut is None else text[:cut].rstrip()
    out: list[str] = []
    cursor = 0
    for start, end, kind in _spans(network, shown):
        out.append(html.escape(shown[cursor:start]))
        piece = shown[start:end]
        if kind == "link" and network in SHORTENS_LINKS:
            piece = _shorten(piece, SHORTENS_LINKS[network])
        out.append(f"<span style='color:{color}'>{html.escape(piece)}</span>")
        cursor = end
    out.append(html.escape(shown[cursor:]))
    body = "".join(out).replace("\n", "<br>")
    if cut is not None:
        body += f"… <span style='color:#737373'>{html.escape(more)}</span>"
    return body
