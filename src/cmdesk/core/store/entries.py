# SPDX-License-Identifier: GPL-3.0-or-later
"""How one document is held in memory, in the journal and in the snapshot: a single bytes line.

``[table, doc_id, keys]<TAB>{document json}<LF>``, newline included, so snapshot and journal
writes and reads use the line as it is, without a copy. Documents stay encoded in memory because decoded
dicts cost about four times their JSON size (100,000 posts would not fit the 300 MB budget), and
because compaction can then write the lines as they are. ``keys`` repeats the few fields the indexes
need (id, schema, planned_at, ...) so opening a workspace never decodes a document. A cold
document's JSON may be packed (packing.py); ``decode`` reads both forms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import orjson

from cmdesk.core.store import packing

SEP = b"\t"  # JSON never holds a raw tab, so the first one ends the header
ALWAYS_KEYED = ("id", "schema")


def encode_doc(doc: Mapping[str, Any]) -> bytes:
    # OPT_NON_STR_KEYS: TinyDB callers may use int keys in nested dicts, as the json module allows.
    return orjson.dumps(dict(doc), option=orjson.OPT_NON_STR_KEYS)


def encode_entry(table: str, doc_id: int, doc: Mapping[str, Any], fields: Iterable[str],
                 derived: Mapping[str, Callable[[Mapping[str, Any]], Any]] | None = None,
                 cold: Callable[[Mapping[str, Any]], bool] | None = None) -> bytes:
    """``cold(keys)`` says whether the document is kept packed (see packing.py)."""
    keys = {f: doc[f] for f in fields if f in doc}
    for name, compute in (derived or {}).items():
        keys[name] = compute(doc)
    body = encode_doc(doc)
    if cold is not None and cold(keys):
        body = packing.pack(body)
    return b"".join((orjson.dumps([table, doc_id, keys]), SEP, body, b"\n"))


def with_keys(entry: bytes, table: str, doc_id: int, keys: Mapping[str, Any]) -> bytes:
    """The same entry under a new header (keys a newer version derives from the document)."""
    return b"".join((orjson.dumps([table, doc_id, dict(keys)]), entry[entry.index(SEP):]))


def header(entry: bytes) -> tuple[str, int, dict[str, Any]]:
    table, doc_id, keys = orjson.loads(entry[: entry.index(SEP)])
    return table, doc_id, keys


def decode(entry: bytes) -> dict[str, Any]:
    # A bytes slice (a copy) decodes faster than a memoryview in orjson; JSON allows the LF.
    body = entry[entry.index(SEP) + 1 :]
    return orjson.loads(body if body[:1] == b"{" else packing.unpack(body))
