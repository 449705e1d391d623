# SPDX-License-Identifier: GPL-3.0-or-later
"""How each network looks in the composer: brand colour, where its feed folds long text, and its
capabilities (read lazily and cached: connector modules may still be missing)."""

from __future__ import annotations

from functools import cache

from cmdesk.core.connectors.capabilities import Capabilities
from cmdesk.core.model import Account
from cmdesk.core.preflight import account_capabilities, capabilities_for

# Feed folds ("… more" / "Voir plus") seen in each network's web app: characters shown before it.
FOLD_CHARS = {"linkedin": 210, "instagram": 125, "facebook": 480, "threads": 500}
COLORS = {
    "mastodon": "#6364FF", "bluesky": "#1185FE", "x": "#0F1419", "linkedin": "#0A66C2",
    "facebook": "#1877F2", "instagram": "#E1306C", "threads": "#101010", "telegram": "#229ED9",
    "discord": "#5865F2", "wordpress": "#21759B",
}
# The crop a feed applies to a single picture in the timeline (width / height), where it crops.
FEED_ASPECT = {"x": 16 / 9, "linkedin": 1.91, "bluesky": None, "mastodon": 16 / 9,
               "instagram": 1.0, "facebook": None, "threads": None}


@cache
def caps(network: str) -> Capabilities:
    return capabilities_for(network)


def strictest(accounts: list[Account]) -> dict[str, Capabilities]:
    """Per network, the capabilities of the chosen account with the smallest text limit: the
    network's text goes to every one of its accounts, so it must fit the tightest."""
    found: dict[str, Capabilities] = {}
    for account in accounts:
        candidate = account_capabilities(account)
        current = found.get(account.network)
        if current is None or (candidate.text_limit or 10**9) < (current.text_limit or 10**9):
            found[account.network] = candidate
    return found


def display_name(network: str) -> str:
    return caps(network).display_name


def supports_hand_off(network: str) -> bool:
    return caps(network).native_scheduling is not None
