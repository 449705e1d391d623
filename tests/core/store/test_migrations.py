# SPDX-License-Identifier: GPL-3.0-or-later
"""Numbered migrations: each one tested, applied on open, all or nothing, never downgrading."""

from __future__ import annotations

import pytest

from cmdesk.core.model import SCHEMA_VERSION
from cmdesk.core.store import StoreTooNew, entries, migrations, open_db
from cmdesk.core.store.engine import Engine
from cmdesk.core.store.table import StoreDB


def raw_db(path):
    """The database without the migration step of open_db: to plant old documents."""
    return StoreDB(path)


def plant(path, docs_by_table):
    db = raw_db(path)
    with db.engine.transaction():
        for table, docs in docs_by_table.items():
            for i, doc in enumerate(docs, 1):
                # engine.submit keeps the document exactly as given (no schema stamp).
                db.engine.submit(("P", table, i, entries.encode_entry(table, i, doc, ("id", "schema"))))
    db.close()


def test_there_is_one_migration_per_schema_version():
    assert len(migrations.MIGRATIONS) == SCHEMA_VERSION


def test_v0_documents_get_stamped_with_the_schema(tmp_path):
    # Settings and attempts written by the first builds had no "schema" field.
    assert migrations.upgrade("settings", {"id": "zone", "value": "Europe/Paris"}, target=1) == {
        "id": "zone", "value": "Europe/Paris", "schema": 1}
    plant(tmp_path / "db", {"settings": [{"id": "zone", "value": "Europe/Paris"}]})
    db = open_db(tmp_path / "db")
    assert db.table("settings").all() == [{"id": "zone", "value": "Europe/Paris", "schema": SCHEMA_VERSION}]
    db.close()


def rename_text(table, doc):
    if table == "posts":
        doc["body"] = doc.pop("text")
    return doc


def add_lang(table, doc):
    if table == "posts":
        doc["lang"] = "fr"
    return doc


FAKE = [migrations.MIGRATIONS[0], rename_text, add_lang]


def test_migrations_run_in_order_up_to_the_target_and_persist(tmp_path):
    plant(tmp_path / "db", {"posts": [{"id": "a", "text": "x"}, {"id": "b", "schema": 2, "body": "y"}],
                            "settings": [{"id": "s", "schema": 1, "value": 1}]})
    db = raw_db(tmp_path / "db")
    assert migrations.migrate(db.engine, target=3, migrations=FAKE) == 3
    db.close()
    db = raw_db(tmp_path / "db")  # replayed from the journal, not recomputed
    assert sorted(db.table("posts").all(), key=lambda d: d["id"]) == [
        {"id": "a", "body": "x", "lang": "fr", "schema": 3},
        {"id": "b", "body": "y", "lang": "fr", "schema": 3},
    ]
    assert db.table("settings").all() == [{"id": "s", "value": 1, "schema": 3}]
    assert migrations.migrate(db.engine, target=3, migrations=FAKE) == 0
    db.close()


def test_a_failing_migration_changes_nothing(tmp_path):
    plant(tmp_path / "db", {"posts": [{"id": "a", "schema": 1, "text": "x"}, {"id": "b", "schema": 1}]})

    def explode_on_b(table, doc):
        if doc["id"] == "b":
            raise KeyError("text")
        return rename_text(table, doc)

    db = raw_db(tmp_path / "db")
    with pytest.raises(KeyError):
        migrations.migrate(db.engine, target=2, migrations=[FAKE[0], explode_on_b])
    assert sorted(d["id"] for d in db.table("posts").all()) == ["a", "b"]
    assert db.table("posts").get(doc_id=1) == {"id": "a", "schema": 1, "text": "x"}
    db.close()
    db = raw_db(tmp_path / "db")
    assert db.table("posts").get(doc_id=1) == {"id": "a", "schema": 1, "text": "x"}
    db.close()


def test_documents_from_a_newer_cmdesk_refuse_to_open(tmp_path):
    plant(tmp_path / "db", {"posts": [{"id": "a", "schema": SCHEMA_VERSION + 1}]})
    with pytest.raises(StoreTooNew) as raised:
        open_db(tmp_path / "db")
    assert str(tmp_path / "db") in str(raised.value)
    # open_db released the lock on failure: the file can be inspected by another opener.
    Engine(tmp_path / "db").close()
