# SPDX-License-Identifier: GPL-3.0-or-later
"""Renders the app icon (SVG, the one source) into the PNG sizes desktops and stores ask for.

Run at build time: ``python packaging/icons.py OUT_DIR`` writes the freedesktop hicolor tree
(OUT_DIR/hicolor/NxN/apps/<app id>.png plus scalable/apps/<app id>.svg) and, for the Windows and
macOS recipes, cmdesk.ico and cmdesk.iconset/. Rendering uses QtSvg, already a dependency, so no
Inkscape or ImageMagick is needed on the build machine.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cmdesk import APP_ID

SVG = ROOT / "src" / "cmdesk" / "resources" / "icons" / f"{APP_ID}.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(size: int, target: Path) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target)):
        raise SystemExit(f"cannot write {target}")


def build(out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (QImage needs it)
    written = []
    for size in SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        render(size, target)
        written.append(target)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable)
    written.append(scalable)
    # macOS iconutil input (the mac recipe turns it into cmdesk.icns) and a Windows .ico.
    iconset = out / "cmdesk.iconset"
    for size in (16, 32, 128, 256, 512):
        render(size, iconset / f"icon_{size}x{size}.png")
        render(size * 2, iconset / f"icon_{size}x{size}@2x.png")
    from PIL import Image

    with Image.open(out / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png") as big:
        big.save(out / "cmdesk.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    written.append(out / "cmdesk.ico")
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons"
    for path in build(target):
        print(path.relative_to(target))
