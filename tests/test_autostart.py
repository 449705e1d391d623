# SPDX-License-Identifier: GPL-3.0-or-later
"""Start at login: the right file in the right place for each OS, written and removed cleanly."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
from pathlib import Path

from cmdesk import APP_ID
from cmdesk.core import autostart

COMMAND = ["/opt/My Apps/cmdesk/cmdesk", "--minimized"]


def test_linux_entry_is_a_valid_xdg_autostart_file(tmp_path):
    entry = autostart.entry_for(
        "linux", tmp_path / "home", COMMAND, environ={"XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    )
    assert entry.path == tmp_path / "cfg" / "autostart" / f"{APP_ID}.desktop"
    assert not autostart.is_enabled(entry)
    autostart.set_enabled(True, entry)
    assert autostart.is_enabled(entry)
    text = entry.path.read_text(encoding="utf-8")
    assert 'Exec="/opt/My Apps/cmdesk/cmdesk" --minimized' in text
    validate = shutil.which("desktop-file-validate")
    assert validate, "desktop-file-validate missing: run scripts/install-system-deps.sh"
    run = subprocess.run([validate, str(entry.path)], capture_output=True, text=True)
    assert run.returncode == 0 and not run.stdout.strip(), run.stdout + run.stderr
    autostart.set_enabled(False, entry)
    assert not entry.path.exists() and not autostart.is_enabled(entry)
    autostart.set_enabled(False, entry)  # removing twice is fine


def test_linux_defaults_to_dot_config(tmp_path):
    entry = autostart.entry_for("linux", tmp_path, COMMAND, environ={})
    assert entry.path == tmp_path / ".config" / "autostart" / f"{APP_ID}.desktop"


def test_macos_launch_agent_runs_at_load_and_is_not_kept_alive(tmp_path):
    entry = autostart.entry_for("darwin", tmp_path, COMMAND, environ={})
    assert entry.path == tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    plist = plistlib.loads(entry.content.encode("utf-8"))
    assert plist["Label"] == APP_ID
    assert plist["ProgramArguments"] == COMMAND
    assert plist["RunAtLoad"] is True and plist["KeepAlive"] is False


def test_windows_startup_script_starts_minimized(tmp_path):
    entry = autostart.entry_for(
        "win32",
        tmp_path,
        [r"C:\Program Files\cmdesk\cmdesk.exe", "--minimized"],
        environ={"APPDATA": str(tmp_path / "Roaming")},
    )
    assert entry.path == (
        tmp_path
        / "Roaming"
        / "Microsoft"
        / "Windows"
        / "Start Menu"
        / "Programs"
        / "Startup"
        / "cmdesk.cmd"
    )
    assert (
        entry.content
        == '@echo off\r\nstart "" "C:\\Program Files\\cmdesk\\cmdesk.exe" --minimized\r\n'
    )


def test_command_points_at_this_installation():
    command = autostart.launch_command()
    assert Path(command[0]).exists() and command[-1] == "--minimized"
