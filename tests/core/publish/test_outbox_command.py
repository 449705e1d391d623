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
    ws.settings.set_value("timezone", "Europe/Paris")
    ws.close()


def test_json_lists_every_target(tmp_path, capsys):
    _fill(tmp_path)
    assert main(["--data-dir", str(tmp_path), "outbox", "--json", "--all"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_text = {r["text"]: r for r in rows}
    assert by_text["went out"]["state"] == "published"
    assert by_text["went out"]["remote_id"] == "42" and by_text["went out"]["lateness_s"] == 180.0
    assert by_text["went out"]["actual"] == "2026-06-01T08:03:00.000000Z"
    assert by_text["refused"]["state"] == "failed" and by_text["refused"]["error"] == "Text is too long"
    assert rows[0]["state"] == "failed"  # what needs the user comes first
    assert by_text["refused"]["planned"] == "2026-06-01T09:00:00.000000Z"  # scripts get UTC


def test_old_published_posts_stay_out_unless_all(tmp_path, capsys):
    _fill(tmp_path)  # "went out" was published months before today
    assert main(["--data-dir", str(tmp_path), "outbox", "--json"]) == 0
    texts = {r["text"] for r in json.loads(capsys.readouterr().out)}
    assert texts == {"refused"}  # the failure still needs the user, however old


def test_table_shows_times_in_the_workspace_zone_with_offset(tmp_path, capsys):
    _fill(tmp_path)
    assert main(["--data-dir", str(tmp_path), "outbox", "--all"]) == 0
    out = capsys.readouterr().out
    # Planned 08:00Z, sent 08:03Z, failed post 09:00Z: Paris is UTC+2 in June.
    assert "2026-06-01 10:00 +02:00" in out and "2026-06-01 10:03 +02:00" in out
    assert "2026-06-01 11:00 +02:00" in out and "08:00" not in out


def test_table_shows_state_remote_and_error(tmp_path, capsys):
    _fill(tmp_path)
    assert main(["--data-dir", str(tmp_path), "outbox", "--all"]) == 0
    out = capsys.readouterr().out
    assert "https://masto.test/@brand/42" in out and "Text is too long" in out
    assert "3 min" in out and "@brand@masto.test" in out


def test_empty_outbox_says_so(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "outbox"]) == 0
    assert "empty" in capsys.readouterr().out
