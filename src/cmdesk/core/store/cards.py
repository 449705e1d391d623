# SPDX-License-Identifier: GPL-3.0-or-later
"""A post as a calendar shows it, read from the entry header instead of the document.

Painting a month needs, per post, its time, states, first line, accounts and first picture:
a few hundred bytes of a two-kilobyte document. The store keeps those fields in each post's entry
header (a derived key, written with the document), so a month of 800-2,000 posts is read by
parsing headers only; the whole Post is decoded from the same immutable entry when someone opens
it, without asking the store again (no lock, no disk).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, NamedTuple

import orjson

from cmdesk.core.model import Post
from cmdesk.core.store import entries

_loads = orjson.loads
_from_iso = datetime.fromisoformat

# Longer than any chip or agenda row shows; the tooltip and the composer read the post itself.
FIRST_LINE_CHARS = 100


def first_line(text: str) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(first) > FIRST_LINE_CHARS:
        first = first[:FIRST_LINE_CHARS - 1].rstrip() + "\u2026"
    return first


def card_of(doc: Mapping[str, Any]) -> list[Any]:
    """The header's ``card`` key: [first line, [account, network, ...], first picture, tags,
    campaign]. A list, not a dict: it is kept for every post in memory and parsed per month.
    Computed on every write, so it accepts any document TinyDB callers may store."""
    targets = [t for t in _list(doc.get("targets")) if isinstance(t, Mapping)]
    media = [m for m in _list(doc.get("media")) if isinstance(m, Mapping)]
    return [
        first_line(_text(doc.get("text"))),
        [_text(t.get(key)) for t in targets for key in ("account_id", "network")],
        _text(media[0].get("path")) if media else "",
        [_text(tag) for tag in _list(doc.get("tags"))],
        _text(doc.get("campaign")),
    ]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


class PostCard(NamedTuple):
    """What the calendar paints for one post; ``post()`` decodes the whole Post on demand.

    A named tuple made straight from the parsed header (lists kept as parsed, the instant parsed
    once): a month is 800-2,000 of these, and each microsecond here is a millisecond there.
    """

    id: str
    planned_at: datetime | None
    states: list[str]  # the distinct target states, as stored
    first_line: str
    target_keys: list[str]  # account id, network, account id, network, ... in the post's order
    thumb: str  # path of the first picture, "" when none
    tags: list[str]
    campaign: str
    entry: bytes  # the store's immutable entry this card was read from

    @classmethod
    def of_entry(cls, entry: bytes) -> PostCard:
        keys = _loads(entry[:entry.index(entries.SEP)])[2]
        line, target_keys, thumb, tags, campaign = keys["card"]
        planned = keys.get("planned_at")
        # fromisoformat reads the trailing Z as UTC since Python 3.11.
        return cls(keys["id"], _from_iso(planned) if planned else None,
                   keys.get("target_states") or [], line, target_keys, thumb, tags, campaign,
                   entry)

    @property
    def targets(self) -> list[tuple[str, str]]:
        """(account id, network) per target."""
        keys = self.target_keys
        return list(zip(keys[::2], keys[1::2], strict=True))

    @property
    def networks(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.target_keys[1::2]))

    @property
    def account_ids(self) -> tuple[str, ...]:
        return tuple(self.target_keys[::2])

    def post(self) -> Post:
        return Post.from_doc(entries.decode(self.entry))

    def __repr__(self) -> str:
        return f"PostCard({self.id!r}, {self.planned_at!r}, {self.first_line[:30]!r})"
