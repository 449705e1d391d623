# SPDX-License-Identifier: GPL-3.0-or-later
"""File > Import shows every row's problem first and lands as one undoable step; export."""

from __future__ import annotations

from datetime import date

import icalendar
from PySide6.QtCore import Qt

from .conftest import at, scheduled, settle

CSV = ("date;heure;texte;comptes\n"
       "2030-05-03;09:00;Bonjour;@brand@mastodon.social\n"
       "2030-05-04;25:00;Mauvaise heure;m1\n"
       "2030-05-05;10:00;Deux;brand.bsky.social\n")


def test_import_preview_then_one_undo_removes_everything(make_calendar, services, qtbot,
                                                         tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text(CSV, encoding="utf-8-sig")
    cal = make_calendar()
    with qtbot.waitSignal(cal.transfer.preview_opened) as opened:
        cal.import_csv(path)
    dialog = opened.args[0]
    assert dialog.table.rowCount() == 3
    assert "time" in dialog.table.item(1, 4).text()  # the bad row says what is wrong
    assert not dialog.table.item(1, 0).flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert list(services.workspace.posts.all()) == []  # nothing written before the user agrees
    dialog.table.item(2, 0).setCheckState(Qt.CheckState.Unchecked)  # the user drops a row
    assert dialog.import_button.text() == "Import 1 posts"
    dialog.accept()
    settle(qtbot, cal)
    assert [p.text for p in services.workspace.posts.all()] == ["Bonjour"]
    assert [c.first_line for c in cal.data.chips_on(date(2030, 5, 3))] == ["Bonjour"]
    assert cal.undo_stack.count() == 1
    cal.undo_stack.undo()
    qtbot.waitUntil(lambda: list(services.workspace.posts.all()) == [])


def test_unreadable_file_is_a_message_not_a_dialog(make_calendar, qtbot, tmp_path):
    cal = make_calendar()
    with qtbot.waitSignal(cal.message_shown) as shown:
        cal.import_csv(tmp_path / "missing.csv")
    assert "missing.csv" in shown.args[0]


def test_export_ics_and_csv_from_the_calendar(make_calendar, services, qtbot, tmp_path):
    account = services.workspace.accounts.get("m1")
    cal = make_calendar([scheduled("Hello", at(date(2030, 5, 9), 9), account)])
    with qtbot.waitSignal(cal.transfer.exported):
        cal.export(tmp_path / "plan.ics")
    events = list(icalendar.Calendar.from_ical((tmp_path / "plan.ics").read_bytes())
                  .walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Hello"]
    with qtbot.waitSignal(cal.transfer.exported):
        cal.export(tmp_path / "plan.csv", "csv")
    assert "Hello" in (tmp_path / "plan.csv").read_text(encoding="utf-8-sig")
