# SPDX-License-Identifier: GPL-3.0-or-later
"""The PyInstaller folder runs on its own under Xvfb: start, workspace, demo, screenshot, exit 0.

Slow (about a minute for a fresh build; seconds when packaging/build.sh can reuse it) but run in
CI: a frozen build that misses a keyring backend or a Qt plugin only fails on users' machines.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.headless_support import run_until_ready_then_stop

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_frozen_app_renders_the_demo_month_under_xvfb(frozen, tmp_path):
    shot = tmp_path / "frozen.png"
    run = subprocess.run(
        ["bash", str(ROOT / "packaging" / "check_frozen.sh"), str(shot)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    with Image.open(shot) as image:
        assert image.size == (1280, 800)
        assert len(image.convert("RGB").resize((64, 40)).getcolors(4096) or []) > 50


@pytest.mark.slow
def test_frozen_folder_has_what_linux_needs(frozen):
    internal = frozen / "_internal"
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for plugin in (
        "platforms/libqxcb.so",
        "platforms/libqoffscreen.so",
        "tls/libqopensslbackend.so",
    ):
        assert (plugins / plugin).is_file(), plugin
    assert list((plugins / "imageformats").glob("*.so"))
    assert (internal / "cmdesk" / "resources" / "translations" / "shell_fr.qm").is_file()
    assert (frozen / "share" / "applications" / "io.github.cmdesk.Cmdesk.desktop").is_file()
    # Subcommands are found by module name at run time: the frozen importer must list them.
    usage = subprocess.run(
        [str(frozen / "cmdesk"), "--help"], capture_output=True, text=True, timeout=60
    )
    assert usage.returncode == 0
    for command in ("accounts", "import", "export", "outbox"):
        assert f"    {command} " in usage.stdout, command
    assert list(internal.glob("keyring-*.dist-info"))  # keyring lists its backends from it


@pytest.mark.slow
def test_frozen_headless_finds_the_secret_service_and_stops_on_sigterm(frozen, tmp_path):
    # The test command runs a D-Bus session with an unlocked gnome-keyring. A frozen build
    # without keyring's SecretService backend (or secretstorage/jeepney) would exit 3 here.
    assert os.environ.get("DBUS_SESSION_BUS_ADDRESS"), "run through scripts/run-tests.sh"
    # The user's session, minus anything that could let the development tree leak in.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    code = run_until_ready_then_stop(
        [str(frozen / "cmdesk"), "--headless", "--data-dir", str(tmp_path / "ws")],
        expect=str(tmp_path / "ws"),
        env=env,
    )
    assert code == 0
