# SPDX-License-Identifier: GPL-3.0-or-later
"""``cmdesk import`` writes nothing when a row is bad (unless --skip-bad); ``cmdesk export``."""

from __future__ import annotations

import icalendar

from cmdesk.cli import main
from cmdesk.core.model import Account
from cmdesk.core.store import open_workspace

GOOD = "2030-01-02,10:00,Europe/Paris,Hello,m1\n"
BAD = "2030-01-02,10:00,Europe/Paris,Who,ghost\n"


def setup(tmp_path, rows):
    ws = open_workspace(tmp_path / "data")
    ws.accounts.save(Account(network="mastodon", name="me", id="m1"))
    ws.close()
    csv_path = tmp_path / "in.csv"
    csv_path.write_text("date,time,zone,text,accounts\n" + rows, encoding="utf-8")
    return csv_path


def count_posts(tmp_path):
    ws = open_workspace(tmp_path / "data")
    try:
        return len(list(ws.posts.all()))
    finally:
        ws.close()


def test_import_with_a_bad_row_writes_nothing_and_names_the_line(tmp_path, capsys):
    path = setup(tmp_path, GOOD + BAD)
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "line 3" in err and "ghost" in err
    assert count_posts(tmp_path) == 0


def test_import_skip_bad_keeps_the_good_rows(tmp_path):
    path = setup(tmp_path, GOOD + BAD)
    assert main(["--data-dir", str(tmp_path / "data"), "import", "--skip-bad", str(path)]) == 0
    assert count_posts(tmp_path) == 1


def test_export_ics_then_csv(tmp_path, capsys):
    path = setup(tmp_path, GOOD)
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", str(path)]) == 0
    assert main(["--data-dir", data, "export", "--format", "ics", str(tmp_path / "o.ics")]) == 0
    cal = icalendar.Calendar.from_ical((tmp_path / "o.ics").read_bytes())
    assert [str(e["summary"]) for e in cal.walk("VEVENT")] == ["Hello"]
    assert main(["--data-dir", data, "export", str(tmp_path / "o.csv")]) == 0
    assert "Hello" in (tmp_path / "o.csv").read_text(encoding="utf-8-sig")


def test_export_to_an_unwritable_place_says_so(tmp_path, capsys):
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "export", str(tmp_path / "missing" / "o.csv")]) == 2
    assert "missing" in capsys.readouterr().err


def test_import_into_a_workspace_held_by_the_app_says_so(tmp_path, capsys):
    from cmdesk.core.store import open_workspace

    path = tmp_path / "plan.csv"
    path.write_text("date;time;zone;text\n2030-01-02;09:00;Europe/Paris;Bonjour\n", encoding="utf-8")
    held = open_workspace(tmp_path / "data")  # as the running app holds it
    try:
        assert main(["--data-dir", str(tmp_path / "data"), "import", str(path)]) == 2
        assert main(["--data-dir", str(tmp_path / "data"), "export", str(tmp_path / "o.csv")]) == 2
    finally:
        held.close()
    err = capsys.readouterr().err
    assert err.count("Cannot open the workspace") == 2 and "Traceback" not in err
