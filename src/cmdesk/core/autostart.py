# SPDX-License-Identifier: GPL-3.0-or-later
"""Start at login, off by default: the one file each OS reads at session start.

Linux: an XDG autostart entry; macOS: a per-user LaunchAgent; Windows: a script in the user's
Startup folder (a .lnk needs COM to write; a .cmd with ``start`` needs nothing and is as easy to
remove). Every entry passes ``--minimized`` so the app starts in the tray, publishing, and the
user is not greeted by a window at each login.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from html import escape as _html_escape
from pathlib import Path

from cmdesk import APP_ID, APP_NAME


@dataclass(frozen=True)
class AutostartEntry:
    path: Path
    content: str


def launch_command() -> list[str]:
    """How to start this very installation: the frozen executable, or this Python on the module."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--minimized"]
    return [sys.executable, "-m", "cmdesk", "--minimized"]


def entry_for(
    platform: str, home: Path, command: list[str], *, environ: dict[str, str] | None = None
) -> AutostartEntry:
    """The file to write for ``platform`` (a ``sys.platform`` value).

    Pure, so every OS is testable on any OS.
    """
    environ = os.environ if environ is None else environ
    if platform.startswith("linux") or platform.startswith("freebsd"):
        config = Path(environ.get("XDG_CONFIG_HOME") or home / ".config")
        return AutostartEntry(config / "autostart" / f"{APP_ID}.desktop", _desktop_entry(command))
    if platform == "darwin":
        return AutostartEntry(
            home / "Library" / "LaunchAgents" / f"{APP_ID}.plist", _launch_agent(command)
        )
    if platform == "win32":
        appdata = Path(environ.get("APPDATA") or home / "AppData" / "Roaming")
        startup = appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"
        return AutostartEntry(startup / f"{APP_NAME}.cmd", _startup_script(command))
    raise ValueError(f"start at login is not supported on {platform}")


def _desktop_entry(command: list[str]) -> str:
    # Exec quoting follows the Desktop Entry spec: double quotes around arguments with spaces.
    exec_line = " ".join(_desktop_quote(part) for part in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=cmdesk\n"
        "Comment=Publishes scheduled posts in the background\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
        "X-GNOME-Autostart-Delay=10\n"
    )


def _desktop_quote(part: str) -> str:
    if not any(c in part for c in " \t\"'\\><~|&;$*?#()`"):
        return part
    escaped = part.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'


def escape(text: str) -> str:
    # html.escape without quotes is XML's text escaping (& < >), and cheap to import at start.
    return _html_escape(text, quote=False)


def _launch_agent(command: list[str]) -> str:
    arguments = "\n".join(f"    <string>{escape(part)}</string>" for part in command)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
        '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
        '<plist version="1.0">\n<dict>\n'
        f"  <key>Label</key>\n  <string>{APP_ID}</string>\n"
        f"  <key>ProgramArguments</key>\n  <array>\n{arguments}\n  </array>\n"
        "  <key>RunAtLoad</key>\n  <true/>\n"
        # A user who quits cmdesk means it: launchd must not restart it behind their back.
        "  <key>KeepAlive</key>\n  <false/>\n"
        "  <key>ProcessType</key>\n  <string>Interactive</string>\n"
        "</dict>\n</plist>\n"
    )


def _startup_script(command: list[str]) -> str:
    quoted = " ".join(f'"{part}"' if " " in part else part for part in command[1:])
    return f'@echo off\r\nstart "" "{command[0]}" {quoted}\r\n'


def current_entry() -> AutostartEntry:
    return entry_for(sys.platform, Path.home(), launch_command())


def is_enabled(entry: AutostartEntry | None = None) -> bool:
    return (entry or current_entry()).path.exists()


def set_enabled(enabled: bool, entry: AutostartEntry | None = None) -> None:
    """Write or remove the entry. Writing goes through a temporary file so a crash leaves none."""
    entry = entry or current_entry()
    if not enabled:
        entry.path.unlink(missing_ok=True)
        return
    entry.path.parent.mkdir(parents=True, exist_ok=True)
    tmp = entry.path.with_name(entry.path.name + ".tmp")
    tmp.write_text(entry.content, encoding="utf-8", newline="")
    os.replace(tmp, entry.path)
