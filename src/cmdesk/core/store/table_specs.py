# SPDX-License-Identifier: GPL-3.0-or-later
"""What the engine keeps per table besides the documents: which fields it indexes, which keys it
derives from a document into its entry header, and which documents it keeps packed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from cmdesk.core.store.cards import card_of
from cmdesk.core.store.indexes import TableIndexes


def _target_states(doc: Mapping[str, Any]) -> list[str]:
    return sorted({t.get("state") for t in doc.get("targets") or () if isinstance(t, Mapping)} - {None})


# Fields each table indexes besides "id" (equality) and "schema"; see indexes.py. "multi" fields
# are computed from the document when it is written (DERIVED) and index each value of a list;
# a derived key no index uses ("card") is only kept in the header, for reads that skip the document.
INDEX_SPEC: dict[str, dict[str, tuple[str, ...]]] = {
    "posts": {"equality": ("id",), "ordered": ("planned_at",), "multi": ("target_states",)},
    "attempts": {"equality": ("id", "post_id", "outcome")},
}
DERIVED: dict[str, dict[str, Callable[[Mapping[str, Any]], Any]]] = {
    "posts": {"target_states": _target_states, "card": card_of},
}


# Documents kept packed (packing.py), decided from their header keys: posts that went out
# everywhere, read again only when someone opens one.
COLD: dict[str, Callable[[Mapping[str, Any]], bool]] = {
    "posts": lambda keys: keys.get("target_states") == ["published"],
}


def make_indexes(table: str) -> TableIndexes:
    spec = INDEX_SPEC.get(table, {})
    return TableIndexes(spec.get("equality", ("id",)), spec.get("ordered", ()), spec.get("multi", ()))
