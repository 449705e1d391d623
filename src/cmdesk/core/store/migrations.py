# SPDX-License-Identifier: GPL-3.0-or-later
"""Numbered document migrations, applied on open as one journal record (all or nothing).

``MIGRATIONS[n]`` takes a document from schema ``n`` to ``n + 1`` (a document without a "schema"
field is schema 0). Each receives the table name and a decoded document and returns the new
document; it must not touch anything else. Add a function at the end and bump
``model.SCHEMA_VERSION`` in the same commit, with a test in tests/core/store/test_migrations.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from cmdesk.core.model import SCHEMA_VERSION
from cmdesk.core.store import entries
from cmdesk.core.store.engine import Engine
from cmdesk.core.store.errors import StoreTooNew

Migration = Callable[[str, dict[str, Any]], dict[str, Any]]


def _v0_stamp_schema(table: str, doc: dict[str, Any]) -> dict[str, Any]:
    """Documents saved before versioning (settings, attempts of the first builds)."""
    return doc


MIGRATIONS: list[Migration] = [_v0_stamp_schema]


def upgrade(table: str, doc: dict[str, Any], target: int = SCHEMA_VERSION,
            migrations: Sequence[Migration] = MIGRATIONS) -> dict[str, Any]:
    version = doc.get("schema", 0)
    while version < target:
        doc = migrations[version](table, doc)
        version += 1
        doc["schema"] = version
    return doc


def migrate(engine: Engine, target: int = SCHEMA_VERSION,
            migrations: Sequence[Migration] = MIGRATIONS, *,
            candidates: list[tuple[str, int]] | None = None) -> int:
    """Bring every document to ``target``; returns how many changed. Raises StoreTooNew.

    ``candidates`` limits the check to these (table, doc_id): the engine's census of documents
    found at another schema on open, which spares reading 100,000 headers a second time.
    """
    if len(migrations) < target:
        raise RuntimeError(f"schema {target} needs {target} migrations, {len(migrations)} defined")
    with engine.transaction():
        stale = []
        for table, doc_id, schema in engine.schemas(candidates):
            version = schema if isinstance(schema, int) else 0
            if version > target:
                raise StoreTooNew(engine.base, version, target)
            if version < target:
                stale.append((table, doc_id))
        for table, doc_id in stale:
            doc = entries.decode(engine.tables[table][doc_id])
            engine.put(table, doc_id, upgrade(table, doc, target, migrations))
    return len(stale)
