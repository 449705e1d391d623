# SPDX-License-Identifier: GPL-3.0-or-later
"""Renders the image studio in English and French to docs/screenshots/studio-{en,fr}.png."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _screenshot_wait import wait_until  # next to this script
from PIL import Image, ImageDraw, ImageFilter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from cmdesk.core.model import MediaRef, Post, Target  # noqa: E402
from cmdesk.core.paths import AppPaths  # noqa: E402
from cmdesk.core.store import open_workspace  # noqa: E402
from cmdesk.gui.i18n import install_translations  # noqa: E402
from cmdesk.gui.studio import ImageStudioDialog  # noqa: E402
from cmdesk.gui.tasks import TaskRunner  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def sample_photo(path: Path) -> None:
    """A warm table-top still life: a round loaf and a cup on wood, in portrait."""
    image = Image.new("RGB", (1500, 2000), (120, 78, 48))
    draw = ImageDraw.Draw(image)
    for y in range(0, 2000, 40):
        draw.line((0, y, 1500, y + 30), fill=(135, 90, 58), width=14)
    draw.ellipse((250, 700, 1150, 1450), fill=(196, 132, 60))
    draw.ellipse((330, 770, 1070, 1370), fill=(214, 158, 82))
    for i in range(5):
        draw.arc((380 + i * 60, 860, 700 + i * 60, 1280), 200, 340, fill=(150, 90, 35), width=16)
    draw.ellipse((1000, 300, 1400, 700), fill=(240, 236, 228))
    draw.ellipse((1060, 360, 1340, 640), fill=(92, 52, 30))
    image = image.filter(ImageFilter.GaussianBlur(2))
    image.save(path, quality=92)


def main() -> int:
    app = QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        photo = Path(tmp) / "pain-de-campagne.jpg"
        sample_photo(photo)
        workspace = open_workspace(Path(tmp) / "ws")
        paths = AppPaths.under(Path(tmp) / "ws")

        class Services:
            pass

        services = Services()
        services.workspace, services.paths = workspace, paths.ensure()
        for language in ("en", "fr"):
            install_translations(app, language)
            post = Post(text="Pain de campagne", media=[MediaRef(str(photo), alt="Une miche dorée sur une table en bois")],
                        targets=[Target("a", "instagram"), Target("b", "mastodon"), Target("c", "bluesky")])
            runner = TaskRunner()
            dialog = ImageStudioDialog(services, runner, post, 0)
            dialog.show()
            wait_until(lambda d=dialog: not d.canvas._image.isNull() and "px" in d.preview_info.text(),
                       what="the studio's picture")
            dialog.grab().save(str(OUT / f"studio-{language}.png"))
            dialog.reject()
            runner.shutdown()
        workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
