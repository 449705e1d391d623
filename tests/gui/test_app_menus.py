# SPDX-License-Identifier: GPL-3.0-or-later
"""Every menu entry does its job: dialogs open, navigation moves the calendar, edits reach it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCalendarWidget, QDialog, QMessageBox

from tests.gui.shell_support import make_window, services  # noqa: F401 (fixtures)


def _action(window, name):
    found = [a for a in window.findChildren(type(window.actions_.quit)) if a.objectName() == name]
    assert found, name
    return found[0]


def _open_dialogs(window, class_name):
    return [
        w for w in window.findChildren(QDialog) if type(w).__name__ == class_name and w.isVisible()
    ]


def test_dialog_entries_open_their_dialogs(make_window, qtbot):
    window = make_window()
    for action, dialog in (
        ("new-post", "ComposerDialog"),
        ("accounts", "AccountsDialog"),
        ("preferences", "PreferencesDialog"),
    ):
        _action(window, action).trigger()
        qtbot.waitUntil(lambda d=dialog: bool(_open_dialogs(window, d)), timeout=10_000)
        for opened in _open_dialogs(window, dialog):
            opened.reject()


def test_view_today_and_go_to_date_move_the_calendar(make_window, qtbot):
    window = make_window(day=date(2030, 1, 15))
    _action(window, "view-week").trigger()
    assert window.current_view == "week"
    assert getattr(window.calendar, "view", "week") == "week"
    _action(window, "today").trigger()
    assert window.current_date == date.today()
    _action(window, "go-to-date").trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(QCalendarWidget)), timeout=5_000)
    picker = [p for p in window.findChildren(QCalendarWidget) if p.isVisible()][-1]
    picker.setSelectedDate(QDate(2029, 6, 3))
    picker.parent().accept()
    assert window.current_date == date(2029, 6, 3)
    assert "2029" in window.windowTitle()


def test_about_names_the_version_and_folders(make_window, monkeypatch, services):
    window = make_window()
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    _action(window, "about").trigger()
    from cmdesk import __version__

    assert __version__ in shown[0] and str(services.paths.logs) in shown[0]


def test_edit_entries_reach_the_calendar(make_window, monkeypatch):
    window = make_window()
    calls = []
    for method in ("cut", "paste", "delete_selected"):
        monkeypatch.setattr(
            window.calendar, method, lambda m=method: calls.append(m), raising=False
        )
    for name in ("cut", "paste", "delete"):
        _action(window, name).trigger()
    assert calls == ["cut", "paste", "delete_selected"]


def test_import_and_export_hand_the_chosen_file_to_the_calendar(make_window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    window = make_window()
    calls = []
    monkeypatch.setattr(
        window.calendar, "import_csv", lambda path: calls.append(("import", path)), raising=False
    )
    monkeypatch.setattr(
        window.calendar, "export", lambda path: calls.append(("export", path)), raising=False
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "in.csv"), "")
    )
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "out.ics"), "")
    )
    _action(window, "import").trigger()
    _action(window, "export").trigger()
    assert calls == [("import", str(tmp_path / "in.csv")), ("export", str(tmp_path / "out.ics"))]
    # A cancelled file dialog does nothing.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    _action(window, "import").trigger()
    assert len(calls) == 2
