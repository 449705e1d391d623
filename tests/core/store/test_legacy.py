# SPDX-License-Identifier: GPL-3.0-or-later
"""The TinyDB JSON file of the first builds is imported once, then kept aside, never deleted."""

from __future__ import annotations

import json

import pytest
from tinydb import TinyDB

from cmdesk.core.model import Post
from cmdesk.core.store import StoreDamaged, open_workspace


def test_the_first_builds_workspace_json_is_imported(tmp_path):
    post = Post(text="écrit par la première version")
    legacy = TinyDB(tmp_path / "workspace.json")
    legacy.table("posts").insert(post.to_doc())
    legacy.table("settings").insert({"id": "zone", "value": "Europe/Paris"})
    legacy.close()
    ws = open_workspace(tmp_path)
    assert ws.posts.get(post.id).text == "écrit par la première version"
    assert ws.settings.get_value("zone") == "Europe/Paris"
    ws.close()
    assert not (tmp_path / "workspace.json").exists()
    kept = json.loads((tmp_path / "workspace.json.imported").read_text(encoding="utf-8"))
    assert kept["posts"]["1"]["text"] == "écrit par la première version"
    ws = open_workspace(tmp_path)  # imported once only
    assert len(ws.posts) == 1
    ws.close()


def test_an_unreadable_workspace_json_stops_the_open_and_stays_untouched(tmp_path):
    (tmp_path / "workspace.json").write_text('{"posts": {"1": {"text": "cut', encoding="utf-8")
    with pytest.raises(StoreDamaged) as raised:
        open_workspace(tmp_path)
    assert str(tmp_path / "workspace.json") in str(raised.value)
    assert (tmp_path / "workspace.json").read_text(encoding="utf-8").endswith('"cut')
    (tmp_path / "workspace.json").unlink()
    open_workspace(tmp_path).close()  # and the store was not left locked
