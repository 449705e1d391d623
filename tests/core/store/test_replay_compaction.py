# SPDX-License-Identifier: GPL-3.0-or-later
"""Replay and compaction: what was acknowledged is there after a reopen, whatever state the
journals and snapshots were left in, and writers never wait for a compaction to finish."""

from __future__ import annotations

import errno
import shutil
import threading
from datetime import UTC, datetime

import pytest

from cmdesk.core.model import Post
from cmdesk.core.store import StoreWriteFailed, journal, open_workspace
from cmdesk.core.store import engine as engine_module

WHEN = datetime(2026, 6, 1, 9, tzinfo=UTC)


def texts(ws) -> set[str]:
    return {p.text for p in ws.posts.all()}


def files(directory) -> set[str]:
    return {p.name for p in directory.iterdir()}


def test_changes_are_replayed_from_the_journal(tmp_path):
    ws = open_workspace(tmp_path)
    a, b = ws.posts.save(Post(text="a")), ws.posts.save(Post(text="b", planned_at=WHEN))
    b.text = "b2"
    ws.posts.save(b)
    ws.posts.delete(a.id)
    ws.close()
    assert "workspace.db" not in files(tmp_path)  # nothing but the journal so far
    ws = open_workspace(tmp_path)
    assert texts(ws) == {"b2"}
    assert [p.id for p in ws.posts.between(WHEN, WHEN.replace(hour=10))] == [b.id]
    ws.close()


def test_compaction_writes_a_snapshot_keeps_a_backup_and_drops_old_journals(tmp_path):
    ws = open_workspace(tmp_path)
    ws.posts.save(Post(text="one"))
    ws.compact()
    assert {"workspace.db", "workspace.db.journal.000002"} <= files(tmp_path)
    assert "workspace.db.journal.000001" not in files(tmp_path)
    ws.posts.save(Post(text="two"))
    ws.compact()
    assert {"workspace.db.bak", "workspace.db.journal.000003"} <= files(tmp_path)
    assert not any(n.endswith((".tmp", ".000002")) for n in files(tmp_path))
    ws.close()
    ws = open_workspace(tmp_path)
    assert texts(ws) == {"one", "two"}
    ws.close()


def test_writes_go_on_during_a_compaction_and_survive_it(tmp_path):
    ws = open_workspace(tmp_path)
    ws.posts.save(Post(text="before"))
    started, release = threading.Event(), threading.Event()

    def hold(event):
        if event == "start":
            started.set()
            release.wait(30)

    ws.db.engine.on_compaction = hold
    ws.db.engine.compact(wait=False)
    assert started.wait(30)
    ws.posts.save(Post(text="during"))  # must not wait for the snapshot
    release.set()
    ws.close()  # waits for the compaction
    ws = open_workspace(tmp_path)
    assert texts(ws) == {"before", "during"}
    ws.close()


def test_compaction_starts_by_itself_as_the_journal_grows(tmp_path):
    ws = open_workspace(tmp_path, compact_bytes=2000)
    done = threading.Event()
    ws.db.engine.on_compaction = lambda event: event == "done" and done.set()
    for i in range(10):
        ws.posts.save(Post(text=f"post {i} " + "x" * 300))
    assert done.wait(30)
    ws.close()
    assert (tmp_path / "workspace.db").exists()
    ws = open_workspace(tmp_path)
    assert len(ws.posts) == 10
    ws.close()


def test_leftovers_of_a_crash_during_compaction_are_ignored(tmp_path):
    ws = open_workspace(tmp_path)
    gone = ws.posts.save(Post(text="deleted later"))
    ws.close()
    old_journal = tmp_path / "workspace.db.journal.000001"
    kept = tmp_path / "kept-journal"
    shutil.copy(old_journal, kept)
    ws = open_workspace(tmp_path)
    ws.posts.delete(gone.id)
    ws.compact()
    ws.close()
    # As if the crash came after the snapshot's rename but before the old journal's removal,
    # and in the middle of writing the next snapshot.
    shutil.copy(kept, old_journal)
    (tmp_path / "workspace.db.tmp").write_bytes(b"half a snapsh")
    ws = open_workspace(tmp_path)
    assert texts(ws) == set()  # the old journal's insert was not replayed again
    assert not old_journal.exists() and not (tmp_path / "workspace.db.tmp").exists()
    ws.close()


def test_a_failed_write_changes_nothing_and_says_so(tmp_path, monkeypatch):
    ws = open_workspace(tmp_path)
    kept = ws.posts.save(Post(text="kept", planned_at=WHEN))
    seen = []
    ws.subscribe(seen.append)
    real_fsync = journal.os.fsync

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal.os, "fsync", disk_full)
    moved = Post(id=kept.id, text="moved", planned_at=WHEN.replace(day=20))
    with pytest.raises(StoreWriteFailed, match="No space left"):
        ws.posts.save(moved)
    with pytest.raises(StoreWriteFailed):
        ws.posts.save_many([Post(text="new"), moved])
    assert seen == []
    assert texts(ws) == {"kept"}
    assert [p.text for p in ws.posts.between(WHEN, WHEN.replace(hour=10))] == ["kept"]
    assert ws.posts.between(WHEN.replace(day=20), WHEN.replace(day=21)) == []
    monkeypatch.setattr(journal.os, "fsync", real_fsync)
    ws.posts.save(Post(text="after"))
    ws.close()
    ws = open_workspace(tmp_path)
    assert texts(ws) == {"kept", "after"} and ws.damage == []
    ws.close()


def test_a_failed_compaction_loses_nothing_and_is_retried(tmp_path, monkeypatch):
    ws = open_workspace(tmp_path)
    ws.posts.save(Post(text="one"))

    def disk_full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(engine_module, "write_snapshot", disk_full)
    ws.compact()
    ws.posts.save(Post(text="two"))
    monkeypatch.undo()
    ws.close()
    ws = open_workspace(tmp_path)  # both journals replayed
    assert texts(ws) == {"one", "two"}
    ws.compact()
    ws.close()
    assert (tmp_path / "workspace.db").exists()
    ws = open_workspace(tmp_path)
    assert texts(ws) == {"one", "two"}
    ws.close()


def test_compaction_is_refused_inside_a_transaction(tmp_path):
    ws = open_workspace(tmp_path)
    with pytest.raises(RuntimeError), ws.transaction():
        ws.posts.save(Post(text="not yet durable"))
        ws.compact()
    ws.close()
    ws = open_workspace(tmp_path)
    assert texts(ws) == set()
    ws.close()


def test_an_explicit_compaction_covers_changes_made_while_another_was_running(tmp_path):
    ws = open_workspace(tmp_path)
    ws.posts.save(Post(text="first"))
    started, release = threading.Event(), threading.Event()

    def hold(event):
        if event == "start" and not started.is_set():
            started.set()
            release.wait(30)

    ws.db.engine.on_compaction = hold
    ws.db.engine.compact(wait=False)
    assert started.wait(30)
    ws.posts.save(Post(text="second"))  # after the running compaction froze its state
    releaser = threading.Thread(target=release.set)
    releaser.start()
    ws.compact()
    releaser.join()
    # Everything is in the snapshot now: the journal it left is empty.
    journals = list(tmp_path.glob("workspace.db.journal.*"))
    assert [p.stat().st_size for p in journals] == [0]
    ws.close()
    ws = open_workspace(tmp_path)
    assert texts(ws) == {"first", "second"}
    ws.close()
