# SPDX-License-Identifier: GPL-3.0-or-later
"""Damage: a torn or garbled journal tail opens with the valid prefix and is set aside and
reported; a snapshot that does not check out is never overwritten and names its backup."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmdesk.core import i18n
from cmdesk.core.model import Post
from cmdesk.core.store import StoreDamaged, open_workspace


def journal(directory: Path) -> Path:
    (path,) = directory.glob("workspace.db.journal.*")
    return path


@pytest.fixture
def french():
    i18n.install(lambda context, text: "[fr] " + text)
    yield
    i18n.install(lambda context, text: text)


def saved(directory: Path, texts: list[str]) -> list[Post]:
    ws = open_workspace(directory)
    posts = [ws.posts.save(Post(text=t)) for t in texts]
    ws.close()
    return posts


@pytest.mark.parametrize("damage", ["truncated", "garbled", "appended garbage"])
def test_a_damaged_tail_opens_with_the_valid_prefix_set_aside_and_reported(tmp_path, french, damage):
    directory = tmp_path / "ws"
    saved(directory, ["un", "deux", "trois 🎉"])
    path = journal(directory)
    data = path.read_bytes()
    cut = data.rindex(b"\n#")  + 1  # start of the last record
    if damage == "truncated":
        path.write_bytes(data[:-7])
        expected_side = data[cut:-7]
    elif damage == "garbled":
        garbled = data[:-20] + b"\x00garbage!" + data[-11:]
        path.write_bytes(garbled)
        expected_side = garbled[cut:]
    else:
        path.write_bytes(data + b"#zz not a record\n")
        cut, expected_side = len(data), b"#zz not a record\n"

    ws = open_workspace(directory)
    kept = {p.text for p in ws.posts.all()}
    assert kept == ({"un", "deux", "trois 🎉"} if damage == "appended garbage" else {"un", "deux"})
    (side,) = directory.glob("workspace.db.journal.*.damaged-*")
    assert side.read_bytes() == expected_side
    assert path.read_bytes() == data[:cut]
    (message,) = ws.damage
    assert message.startswith("[fr] ") and str(side) in message and str(len(expected_side)) in message
    # The workspace goes on normally after the damage: new changes land after the valid prefix.
    ws.posts.save(Post(text="quatre"))
    ws.close()
    ws = open_workspace(directory)
    assert "quatre" in {p.text for p in ws.posts.all()} and ws.damage == []
    ws.close()


def snapshot_with_backup(directory: Path) -> None:
    ws = open_workspace(directory)
    ws.posts.save(Post(text="old"))
    ws.compact()
    ws.posts.save(Post(text="new"))
    ws.compact()
    ws.close()


@pytest.mark.parametrize("how", ["flipped byte", "truncated", "emptied", "not ours"])
def test_a_damaged_snapshot_is_never_overwritten_and_names_its_backup(tmp_path, french, how):
    directory = tmp_path / "ws"
    snapshot_with_backup(directory)
    snapshot = directory / "workspace.db"
    data = snapshot.read_bytes()
    mid = len(data) // 2
    broken = {
        "flipped byte": data[:mid] + bytes([data[mid] ^ 1]) + data[mid + 1 :],
        "truncated": data[: len(data) // 2],
        "emptied": b"",
        "not ours": b'{"hello": 1}\n',
    }[how]
    snapshot.write_bytes(broken)
    before = {p.name: p.read_bytes() for p in directory.iterdir() if p.is_file()}
    for _ in range(2):  # a second attempt must find the same state: nothing was "repaired"
        with pytest.raises(StoreDamaged) as raised:
            open_workspace(directory)
        assert {p.name: p.read_bytes() for p in directory.iterdir() if p.is_file()} == before
    message = str(raised.value)
    assert message.startswith("[fr] ")
    assert str(snapshot) in message and str(directory / "workspace.db.bak") in message
    assert raised.value.backup == directory / "workspace.db.bak"
    # The backup really is the previous snapshot, readable by restoring it by hand.
    (directory / "workspace.db.bak").replace(snapshot)
    ws = open_workspace(directory)
    assert "old" in {p.text for p in ws.posts.all()}
    ws.close()


def test_without_a_backup_the_message_says_so(tmp_path):
    directory = tmp_path / "ws"
    ws = open_workspace(directory)
    ws.posts.save(Post(text="only"))
    ws.compact()
    ws.close()
    (directory / "workspace.db").write_bytes(b"\x00" * 10)
    with pytest.raises(StoreDamaged, match="No backup"):
        open_workspace(directory)
