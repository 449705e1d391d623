# SPDX-License-Identifier: GPL-3.0-or-later
"""TinyDB on the journaled engine: a Storage and a Table that journal single documents.

TinyDB's own Table rewrites the whole table through ``Storage.write`` on every change. This Table
keeps TinyDB's API (insert, search, get, update, upsert, remove, all, len, ...) but turns each
call into per-document operations on the engine, and answers ``Query().field == value`` on an
indexed field from the index instead of a scan. Anything else falls back to a scan, still correct.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from cmdesk.core.store import entries
from cmdesk.core.store.engine import Engine
from cmdesk.core.store.indexes import EqualityIndex

_SCALARS = (str, int, float, bool, type(None))


class JournaledStorage(Storage):
    """Whole-database access, only for TinyDB calls this module does not cover (drop_tables...)."""

    def __init__(self, path: str | Path, **options: Any) -> None:
        self.engine = Engine(Path(path), **options)

    def read(self) -> dict[str, dict[str, Any]] | None:
        engine = self.engine
        with engine.lock:
            if not engine.tables:
                return None
            return {name: {str(i): entries.decode(e) for i, e in t.items()} for name, t in engine.tables.items()}

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        engine = self.engine
        with engine.transaction():
            for name in list(engine.tables):
                if name not in data:
                    engine.submit(("X", name))
            for name, docs in data.items():
                engine.submit(("C", name))
                for doc_id, doc in docs.items():
                    engine.put(name, int(doc_id), doc)

    def close(self) -> None:
        self.engine.close()


def _indexed_equality(cond: Any) -> tuple[str, Any] | None:
    """``Query().field == scalar`` as (field, value), read from TinyDB's query hash."""
    spec = getattr(cond, "_hash", None)
    if (isinstance(spec, tuple) and len(spec) == 3 and spec[0] == "==" and isinstance(spec[1], tuple)
            and len(spec[1]) == 1 and isinstance(spec[2], _SCALARS)):
        return spec[1][0], spec[2]
    return None


class JournaledTable(Table):
    def __init__(self, storage: JournaledStorage, name: str, cache_size: int = 0,
                 persist_empty: bool = False) -> None:
        super().__init__(storage, name, cache_size=cache_size, persist_empty=False)
        self._engine = storage.engine
        if persist_empty and name not in self._engine.tables:
            self._engine.submit(("C", name))

    # ----- helpers
    def _doc(self, doc_id: int) -> Document | None:
        entry = self._engine.table(self.name).get(doc_id)
        return None if entry is None else Document(entries.decode(entry), doc_id)

    def _ids(self, cond: Any) -> list[int]:
        """doc_ids matching ``cond``; caller holds the lock."""
        eq = _indexed_equality(cond)
        index = self._engine.index(self.name).equality.get(eq[0]) if eq else None
        # Only plain field indexes answer for a query: a derived (multi) key is not a field.
        if index is not None and type(index) is EqualityIndex:
            return index.lookup(eq[1])
        return [doc_id for doc_id, entry in self._engine.table(self.name).items()
                if cond(entries.decode(entry))]

    def _selected(self, cond: Any, doc_ids: Iterable[int] | None, *, everything: bool) -> list[int]:
        """TinyDB's selection rule: explicit doc_ids, else a condition, else (update) all."""
        if doc_ids is not None:
            return [i for i in doc_ids if i in self._engine.table(self.name)]
        if cond is not None:
            return self._ids(cond)
        if everything:
            return list(self._engine.table(self.name))
        raise RuntimeError("Use truncate() to remove all documents")

    def _put(self, doc_id: int, doc: Mapping[str, Any]) -> None:
        self._engine.put(self.name, doc_id, dict(doc))

    # ----- reading
    def __len__(self) -> int:
        return len(self._engine.table(self.name))

    def __iter__(self) -> Iterator[Document]:
        with self._engine.lock:
            items = list(self._engine.table(self.name).items())
        for doc_id, entry in items:
            yield Document(entries.decode(entry), doc_id)

    def search(self, cond: Any) -> list[Document]:
        with self._engine.lock:
            return [self._doc(doc_id) for doc_id in self._ids(cond)]

    def get(self, cond: Any = None, doc_id: int | None = None, doc_ids: list[int] | None = None):
        with self._engine.lock:
            if doc_id is not None:
                return self._doc(doc_id)
            if doc_ids is not None:
                return [d for d in map(self._doc, doc_ids) if d is not None]
            if cond is None:
                raise RuntimeError("You have to pass either cond or doc_id or doc_ids")
            found = self._ids(cond)
            return self._doc(found[0]) if found else None

    def contains(self, cond: Any = None, doc_id: int | None = None) -> bool:
        if doc_id is not None:
            with self._engine.lock:
                return doc_id in self._engine.table(self.name)
        if cond is None:
            raise RuntimeError("You have to pass either cond or doc_id")
        return self.get(cond) is not None

    def count(self, cond: Any) -> int:
        with self._engine.lock:
            return len(self._ids(cond))

    def _read_table(self) -> dict[str, Mapping]:
        with self._engine.lock:
            return {doc_id: entries.decode(e) for doc_id, e in self._engine.table(self.name).items()}

    # ----- writing
    def insert(self, document: Mapping) -> int:
        if not isinstance(document, Mapping):
            raise ValueError("Document is not a Mapping")  # noqa: TRY004 - as TinyDB raises
        with self._engine.transaction():
            doc_id = document.doc_id if isinstance(document, Document) else self._engine.next_id(self.name)
            if doc_id in self._engine.table(self.name):
                raise ValueError(f"Document with ID {doc_id} already exists")
            self._put(doc_id, document)
        return doc_id

    def insert_multiple(self, documents: Iterable[Mapping]) -> list[int]:
        with self._engine.transaction():
            return [self.insert(document) for document in documents]

    def update(self, fields: Mapping | Callable[[dict], None], cond: Any = None,
               doc_ids: Iterable[int] | None = None) -> list[int]:
        with self._engine.transaction():
            ids = self._selected(cond, doc_ids, everything=True)
            for doc_id in ids:
                doc = entries.decode(self._engine.table(self.name)[doc_id])
                if callable(fields):
                    fields(doc)
                else:
                    doc.update(fields)
                self._put(doc_id, doc)
            return ids

    def update_multiple(self, updates: Iterable[tuple[Any, Any]]) -> list[int]:
        with self._engine.transaction():
            updated: list[int] = []
            for fields, cond in updates:
                updated += [i for i in self.update(fields, cond) if i not in updated]
            return updated

    def upsert(self, document: Mapping, cond: Any = None) -> list[int]:
        with self._engine.transaction():
            if isinstance(document, Document) and hasattr(document, "doc_id"):
                if document.doc_id in self._engine.table(self.name):
                    return self.update(document, doc_ids=[document.doc_id])
                return [self.insert(document)]
            if cond is None:
                raise ValueError("If you don't specify a search query, you must specify a doc_id. "
                                 "Hint: use a table.Document object.")
            return self.update(document, cond) or [self.insert(document)]

    def remove(self, cond: Any = None, doc_ids: Iterable[int] | None = None) -> list[int]:
        with self._engine.transaction():
            ids = self._selected(cond, doc_ids, everything=False)
            for doc_id in ids:
                self._engine.submit(("D", self.name, doc_id))
            return ids

    def truncate(self) -> None:
        self._engine.submit(("C", self.name))

    def _update_table(self, updater: Callable[[dict[int, Mapping]], None]) -> None:
        # Only TinyDB code paths not overridden here get this far: diff and journal per document.
        with self._engine.transaction():
            before = self._read_table()
            after = {k: dict(v) for k, v in before.items()}
            updater(after)
            for doc_id in before.keys() - after.keys():
                self._engine.submit(("D", self.name, doc_id))
            for doc_id, doc in after.items():
                if before.get(doc_id) != doc:
                    self._put(int(doc_id), doc)

    # ----- indexed access for the repositories (documents by key, ranges), no scans
    def find(self, field: str, value: Any) -> list[dict[str, Any]]:
        with self._engine.lock:
            found = [self._engine.table(self.name)[i] for i in self._ids(_EqualsField(field, value))]
        return [entries.decode(e) for e in found]  # entries are immutable: decode unlocked

    def find_any(self, field: str, values: Iterable[Any], not_null: str | None = None,
                 below: tuple[str, str] | None = None) -> list[dict[str, Any]]:
        """Documents whose indexed ``field`` (or derived key) is any of ``values``, each once;
        with ``not_null``, only those whose ordered field ``not_null`` is set (e.g. planned);
        with ``below`` (ordered field, bound), only those whose field is set and below it."""
        with self._engine.lock:
            indexes = self._engine.index(self.name)
            index = indexes.equality[field]
            ids = {i for value in values for i in index.lookup(value)}
            if not_null is not None:
                ids.difference_update(indexes.ordered[not_null].nulls())
            if below is not None:  # two index reads intersected: nothing outside is decoded
                ids.intersection_update(indexes.ordered[below[0]].range("", below[1]))
            ids = sorted(ids)
            table = self._engine.table(self.name)
            found = [table[i] for i in ids]
        return [entries.decode(e) for e in found]

    def put_by(self, docs: Iterable[Mapping[str, Any]], key: str = "id") -> None:
        """Insert or replace each document whose ``key`` matches, as one change."""
        with self._engine.transaction():
            index = self._engine.index(self.name).equality[key]
            for doc in docs:
                found = index.lookup(doc[key])
                self._put(found[0] if found else self._engine.next_id(self.name), doc)

    def remove_by(self, values: Iterable[Any], key: str = "id") -> list[Any]:
        """Remove the documents whose ``key`` is one of ``values``; returns the values found."""
        removed = []
        with self._engine.transaction():
            index = self._engine.index(self.name).equality[key]
            for value in values:
                ids = index.lookup(value)
                for doc_id in ids:
                    self._engine.submit(("D", self.name, doc_id))
                if ids:
                    removed.append(value)
        return removed

    def range(self, field: str, lo: str, hi: str) -> list[dict[str, Any]]:
        """Documents with lo <= field < hi, in field order, from the ordered index."""
        return [entries.decode(e) for e in self.entries_in_range(field, lo, hi)]

    def entries_in_range(self, field: str, lo: str, hi: str) -> list[bytes]:
        """The encoded entries of ``range``, for readers that need only their headers."""
        with self._engine.lock:
            table = self._engine.table(self.name)
            return [table[i] for i in self._engine.index(self.name).ordered[field].range(lo, hi)]

    def ids_in_range(self, field: str, lo: str, hi: str) -> list[int]:
        with self._engine.lock:
            return self._engine.index(self.name).ordered[field].range(lo, hi)

    def nulls(self, field: str) -> list[dict[str, Any]]:
        with self._engine.lock:
            table = self._engine.table(self.name)
            found = [table[i] for i in self._engine.index(self.name).ordered[field].nulls()]
        return [entries.decode(e) for e in found]


class _EqualsField:
    """A minimal ``Query().field == value`` for find(), with the hash the fast path reads."""

    def __init__(self, field: str, value: Any) -> None:
        self.field, self.value = field, value
        self._hash = ("==", (field,), value)

    def __call__(self, doc: Mapping[str, Any]) -> bool:
        return self.field in doc and doc[self.field] == self.value


class StoreDB(TinyDB):
    """TinyDB whose tables are journaled; ``open_db`` returns one."""

    table_class = JournaledTable
    default_storage_class = JournaledStorage
    default_table_name = "_default"

    @property
    def engine(self) -> Engine:
        return self.storage.engine

    def tables(self) -> set[str]:
        with self.engine.lock:
            return set(self.engine.tables)

    def drop_table(self, name: str) -> None:
        self._tables.pop(name, None)
        if name in self.engine.tables:
            self.engine.submit(("X", name))
