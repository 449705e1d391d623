# SPDX-License-Identifier: GPL-3.0-or-later
"""Preferences: saved to the workspace (zone, catch-up) and this computer (language, autostart);
a bad time zone is refused with a message and changes nothing."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from cmdesk import APP_ID
from cmdesk.core.schedule.planner import TIMEZONE_KEY
from cmdesk.gui.preferences import (
    CATCH_UP_KEY,
    CATCH_UP_WINDOW_KEY,
    LANGUAGE_KEY,
    PreferencesDialog,
)
from tests.gui.shell_support import services  # noqa: F401 (fixtures)


def _dialog(qtbot, services, runner, tmp_path):
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    dialog = PreferencesDialog(services, runner, settings)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isEnabled, timeout=10_000)  # the workspace values arrived
    return dialog, settings


def test_saving_writes_workspace_settings_language_and_autostart(
    qtbot, services, runner, tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    dialog, settings = _dialog(qtbot, services, runner, tmp_path)
    assert not dialog.autostart.isChecked()  # off by default
    dialog.zone.setCurrentText("America/Montreal")
    assert (
        dialog.policy.currentData() == "ask" and dialog.window_minutes.value() == 60
    )  # the publisher's defaults
    dialog.policy.setCurrentIndex(dialog.policy.findData("skip"))
    dialog.window_minutes.setValue(90)
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.autostart.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    stored = services.workspace.settings
    assert stored.get_value(TIMEZONE_KEY) == "America/Montreal"
    assert stored.get_value(CATCH_UP_KEY) == "skip" and stored.get_value(CATCH_UP_WINDOW_KEY) == 90
    assert settings.value(LANGUAGE_KEY) == "fr"
    entry = tmp_path / "config" / "autostart" / f"{APP_ID}.desktop"
    assert "--minimized" in entry.read_text(encoding="utf-8")

    again, _ = _dialog(qtbot, services, runner, tmp_path)
    assert again.zone.currentText() == "America/Montreal" and again.autostart.isChecked()
    again.autostart.setChecked(False)
    with qtbot.waitSignal(again.accepted, timeout=10_000):
        again.save()
    assert not entry.exists()


def test_a_bad_time_zone_is_refused_and_nothing_changes(
    qtbot, services, runner, tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    services.workspace.settings.set_value(TIMEZONE_KEY, "Europe/Paris")
    dialog, settings = _dialog(qtbot, services, runner, tmp_path)
    dialog.zone.setCurrentText("Lyon/Croix-Rousse")
    dialog.autostart.setChecked(True)
    dialog.save()
    assert dialog.problem.isVisibleTo(dialog) and "Lyon/Croix-Rousse" in dialog.problem.text()
    assert dialog.result() == 0 and dialog.isEnabled()
    assert services.workspace.settings.get_value(TIMEZONE_KEY) == "Europe/Paris"
    assert not (tmp_path / "config" / "autostart").exists()
    assert settings.value(LANGUAGE_KEY) is None
