# SPDX-License-Identifier: GPL-3.0-or-later
"""open_db returns a TinyDB whose tables behave as TinyDB documents them, durably."""

from __future__ import annotations

import pytest
from tinydb import Query, TinyDB
from tinydb.table import Document

from cmdesk.core.model import SCHEMA_VERSION
from cmdesk.core.store import StoreLocked, open_db

Q = Query()


def reopen(db, path):
    db.close()
    return open_db(path)


def plain(docs):
    return sorted(({k: v for k, v in d.items() if k != "schema"} for d in docs), key=repr)


def test_tinydb_calls_work_and_survive_a_reopen(tmp_path):
    path = tmp_path / "db"
    db = open_db(path)
    assert isinstance(db, TinyDB)
    t = db.table("things")
    a = t.insert({"name": "a", "n": 1})
    t.insert_multiple([{"name": "b", "n": 2}, {"name": "c", "n": 3}])
    assert t.update({"n": 20}, Q.name == "b") == [a + 1]
    t.update(lambda doc: doc.update(big=True), Q.n > 2)
    t.upsert({"name": "d", "n": 4}, Q.name == "d")
    t.upsert({"name": "a", "extra": "x"}, Q.name == "a")
    assert t.remove(Q.name == "c") == [a + 2]
    assert len(t) == 3
    db = reopen(db, path)
    t = db.table("things")
    assert plain(t.all()) == plain([
        {"name": "a", "n": 1, "extra": "x"}, {"name": "b", "n": 20, "big": True}, {"name": "d", "n": 4},
    ])
    assert t.get(Q.name == "b")["n"] == 20
    assert t.get(doc_id=a)["name"] == "a" and t.get(doc_id=999) is None
    assert t.contains(Q.n == 4) and not t.contains(Q.n == 5)
    assert t.count(Q.n >= 4) == 2
    assert [d.doc_id for d in t.search(Q.name.one_of(["a", "d"]))] == [a, a + 3]
    # New ids never reuse a live one.
    assert t.insert({"name": "e"}) not in {d.doc_id for d in t.all()[:-1]}
    db.close()


def test_default_table_documents_and_drops(tmp_path):
    path = tmp_path / "db"
    db = open_db(path)
    db.insert({"x": 1})
    db.table("gone").insert({"y": 2})
    db.table("kept").insert(Document({"z": 3}, doc_id=7))
    with pytest.raises(ValueError):
        db.table("kept").insert(Document({"z": 4}, doc_id=7))
    db.drop_table("gone")
    db = reopen(db, path)
    assert db.tables() == {"_default", "kept"}
    assert plain(db.all()) == [{"x": 1}]
    assert db.table("kept").get(doc_id=7)["z"] == 3
    db.table("kept").truncate()
    db = reopen(db, path)
    assert len(db.table("kept")) == 0
    db.drop_tables()
    db = reopen(db, path)
    assert db.tables() == set()
    db.close()


def test_every_document_carries_the_schema_version(tmp_path):
    db = open_db(tmp_path / "db")
    db.table("t").insert({"a": 1})
    assert db.table("t").all()[0]["schema"] == SCHEMA_VERSION
    db.close()


def test_returned_documents_are_copies(tmp_path):
    db = open_db(tmp_path / "db")
    t = db.table("t")
    t.insert({"tags": ["a"]})
    t.all()[0]["tags"].append("mutated")
    assert t.all()[0]["tags"] == ["a"]
    db.close()


def test_a_second_opener_is_refused_while_the_first_has_it(tmp_path):
    db = open_db(tmp_path / "db")
    with pytest.raises(StoreLocked) as raised:
        open_db(tmp_path / "db")
    assert str(tmp_path / "db") in str(raised.value)
    db.close()
    open_db(tmp_path / "db").close()
