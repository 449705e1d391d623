# SPDX-License-Identifier: GPL-3.0-or-later
"""The AppImage recipe lays out a valid AppDir whose AppRun starts the frozen app.

appimagetool itself cannot be fetched here; what it consumes (the AppDir) is checked instead.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from cmdesk import APP_ID, __version__

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_appdir_layout_and_apprun(frozen, tmp_path):
    appdir = tmp_path / "AppDir"
    run = subprocess.run(
        ["bash", str(ROOT / "packaging" / "appimage" / "build-appdir.sh")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env=dict(os.environ, APPDIR=str(appdir), APPIMAGETOOL=""),
    )
    assert run.returncode == 0, run.stdout + run.stderr
    desktops = list(appdir.glob("*.desktop"))
    assert [d.name for d in desktops] == [f"{APP_ID}.desktop"]  # appimagetool wants exactly one
    assert (appdir / f"{APP_ID}.svg").is_file() and (appdir / ".DirIcon").stat().st_size > 0
    assert (appdir / "usr" / "share" / "metainfo" / f"{APP_ID}.appdata.xml").is_file()
    assert (
        appdir / "usr" / "share" / "icons" / "hicolor" / "512x512" / "apps" / f"{APP_ID}.png"
    ).is_file()
    for check in (
        ["desktop-file-validate", str(desktops[0])],
        [
            "appstreamcli",
            "validate",
            "--no-net",
            str(appdir / "usr" / "share" / "metainfo" / f"{APP_ID}.appdata.xml"),
        ],
    ):
        result = subprocess.run(check, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    version = subprocess.run(
        [str(appdir / "AppRun"), "--version"], capture_output=True, text=True, timeout=60
    )
    assert version.stdout.strip() == f"cmdesk {__version__}"
