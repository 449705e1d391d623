# SPDX-License-Identifier: GPL-3.0-or-later
"""``cmdesk outbox`` shows each target's state, times, remote id and last error."""

from __future__ import annotations

import json

from cmdesk.cli import main
from cmdesk.core.model import TargetState
from cmdesk.core.store import open_workspace
from tests.core.publish.fakes import add_account, add_post, utc


def _fill(root):
    ws = open_workspace(root)
    acc = add_account(ws, name="@brand@masto.test")
    sent = add_post(ws, utc(2026, 6, 1, 8, 0), [acc], text="went out")
    t = sent.targets[0]
    t.state, t.remote_id, t.remote_url = TargetState.PUBLISHED, "42", "https://masto.test/@brand/42"
    t.published_at, t.lateness_s = "2026-06-01T08:03:00.000000Z", 180.0
    failed = add_post(ws, utc(2026, 6, 1, 9, 0), [acc], text="refused")
    failed.targets[0].state, failed.targets[0].error = TargetState.FAILED, "Text is too long"
    ws.posts.save_many([sent, failed])
    ws.close()


def test_json_lists_every_target(tmp_path, capsys):
    _fill(tmp_path)
    assert main(["--data-dir", str(tmp_path), "outbox", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_text = {r["text"]: r for r in rows}
    assert by_text["went out"]["state"] == "published"
    assert by_text["went out"]["remote_id"] == "42" and by_text["went out"]["lateness_s"] == 180.0
    assert by_text["went out"]["actual"] == "2026-06-01T08:03:00.000000Z"
    assert by_text["refused"]["state"] == "failed" and by_text["refused"]["error"] == "Text is too long"
    assert rows[0]["state"] == "failed"  # what needs the user comes first


def test_table_shows_state_remote_and_error(tmp_path, capsys):
    _fill(tmp_path)
    assert main(["--data-dir", str(tmp_path), "outbox"]) == 0
    out = capsys.readouterr().out
    assert "https://masto.test/@brand/42" in out and "Text is too long" in out
    assert "3 min" in out and "@brand@masto.test" in out


def test_empty_outbox_says_so(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "outbox"]) == 0
    assert "empty" in capsys.readouterr().out
