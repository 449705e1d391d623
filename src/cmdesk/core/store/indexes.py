# SPDX-License-Identifier: GPL-3.0-or-later
"""In-memory indexes over one table, fed from the key headers of entries (never by decoding).

An equality index answers ``field == value`` (ids, post_id, outcome); an ordered index answers
ranges over text values (ISO instants sort as text) and keeps None apart (drafts). Both are updated
inside the store's critical section for every put and remove, including during replay, so they are
never out of step with the table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sortedcontainers import SortedList

_MISSING = object()


class EqualityIndex:
    def __init__(self, field: str) -> None:
        self.field = field
        # value -> doc_id, or a set of doc_ids when several documents share it (rare for ids):
        # a set per value would cost ~200 bytes x 100,000 ids.
        self._map: dict[Any, int | set[int]] = {}

    def add(self, doc_id: int, value: Any) -> None:
        if value is _MISSING:
            return
        try:
            held = self._map.get(value)
        except TypeError:  # unhashable (a list, a dict): not indexed, found by scanning
            return
        if held is None:
            self._map[value] = doc_id
        elif isinstance(held, set):
            held.add(doc_id)
        elif held != doc_id:
            self._map[value] = {held, doc_id}

    def discard(self, doc_id: int, value: Any) -> None:
        if value is _MISSING:
            return
        try:
            held = self._map.get(value)
        except TypeError:
            return
        if held == doc_id:
            del self._map[value]
        elif isinstance(held, set):
            held.discard(doc_id)
            if len(held) == 1:
                self._map[value] = next(iter(held))

    def lookup(self, value: Any) -> list[int]:
        try:
            held = self._map.get(value)
        except TypeError:
            return []
        if held is None:
            return []
        return sorted(held) if isinstance(held, set) else [held]

    def clear(self) -> None:
        self._map.clear()


class OrderedIndex:
    def __init__(self, field: str) -> None:
        self.field = field
        self._sorted = SortedList()  # (value, doc_id) for text values
        self._nulls: set[int] = set()

    def add(self, doc_id: int, value: Any) -> None:
        if value is None:
            self._nulls.add(doc_id)
        elif isinstance(value, str):
            self._sorted.add((value, doc_id))

    def discard(self, doc_id: int, value: Any) -> None:
        if value is None:
            self._nulls.discard(doc_id)
        elif isinstance(value, str):
            self._sorted.discard((value, doc_id))

    def range(self, lo: str, hi: str) -> list[int]:
        """doc_ids with lo <= value < hi, in value order (ties by doc_id)."""
        return [doc_id for _, doc_id in self._sorted.irange((lo,), (hi,), inclusive=(True, False))]

    def nulls(self) -> list[int]:
        return sorted(self._nulls)

    def in_order(self) -> list[int]:
        """Every indexed doc_id: by value, then those with a None value."""
        return [doc_id for _, doc_id in self._sorted] + sorted(self._nulls)

    def clear(self) -> None:
        self._sorted.clear()
        self._nulls.clear()

    def bulk_load(self, pairs: Iterable[tuple[int, Any]]) -> None:
        """Fill an empty index at once: sorting once is far cheaper than 100,000 inserts."""
        values = []
        for doc_id, value in pairs:
            if value is None:
                self._nulls.add(doc_id)
            elif isinstance(value, str):
                values.append((value, doc_id))
        self._sorted.update(values)


class MultiIndex(EqualityIndex):
    """Equality over a list of values: the document is found under each (e.g. its target states)."""

    def add(self, doc_id: int, value: Any) -> None:
        for item in value if isinstance(value, list) else ():
            super().add(doc_id, item)

    def discard(self, doc_id: int, value: Any) -> None:
        for item in value if isinstance(value, list) else ():
            super().discard(doc_id, item)


class TableIndexes:
    """The indexes of one table; ``keys`` are the header fields of an entry."""

    def __init__(self, equality: Iterable[str] = (), ordered: Iterable[str] = (),
                 multi: Iterable[str] = ()) -> None:
        self.equality: dict[str, EqualityIndex] = {f: EqualityIndex(f) for f in equality}
        self.equality.update({f: MultiIndex(f) for f in multi})
        self.ordered = {f: OrderedIndex(f) for f in ordered}

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(self.equality) + tuple(self.ordered)

    def add(self, doc_id: int, keys: dict[str, Any]) -> None:
        for f, index in self.equality.items():
            index.add(doc_id, keys.get(f, _MISSING))
        for f, index in self.ordered.items():
            index.add(doc_id, keys.get(f, _MISSING))

    def discard(self, doc_id: int, keys: dict[str, Any]) -> None:
        for f, index in self.equality.items():
            index.discard(doc_id, keys.get(f, _MISSING))
        for f, index in self.ordered.items():
            index.discard(doc_id, keys.get(f, _MISSING))

    def clear(self) -> None:
        for index in (*self.equality.values(), *self.ordered.values()):
            index.clear()
