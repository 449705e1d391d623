# SPDX-License-Identifier: GPL-3.0-or-later
"""The Linux desktop files validate with the distributions' own tools and agree with the app."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from cmdesk import APP_ID
from cmdesk.core.model import NETWORKS, TargetState

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "resources" / f"{APP_ID}.desktop"
METAINFO = ROOT / "resources" / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "src" / "cmdesk" / "resources" / "icons"


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} missing: run scripts/install-system-deps.sh"
    return path


def test_desktop_entry_validates():
    run = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "error" not in run.stdout


def test_metainfo_validates_offline():
    run = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_ids_icon_and_screenshots_agree_with_the_app():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP, encoding="utf-8")
    assert entry["Desktop Entry"]["Icon"] == APP_ID
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    from cmdesk import __version__

    assert root.find("releases/release").get("version") == __version__
    for image in root.iter("image"):
        name = image.text.rsplit("/", 1)[-1]
        assert (ROOT / "docs" / "screenshots" / name).is_file(), name


def test_every_icon_renders(qapp):
    from PySide6.QtSvg import QSvgRenderer

    wanted = (
        {f"{APP_ID}.svg"}
        | {f"net-{n}.svg" for n in NETWORKS}
        | {f"state-{s}.svg" for s in TargetState}
    )
    present = {p.name for p in ICONS.glob("*.svg")}
    assert wanted <= present, sorted(wanted - present)
    for name in present:
        assert QSvgRenderer(str(ICONS / name)).isValid(), name


def test_png_icon_sizes_are_generated_from_the_svg(tmp_path):
    run = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "icons.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    from PIL import Image

    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(
            tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        ) as image:
            assert image.size == (size, size) and image.mode == "RGBA"
            assert image.getchannel("A").getextrema() == (
                0,
                255,
            )  # transparent corners, opaque body
    assert (tmp_path / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (tmp_path / "cmdesk.ico").stat().st_size > 0
