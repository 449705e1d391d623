# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes docs/screenshots/composer-{en,fr}.png: the composer with three networks, a picture,
live counters, previews and a pre-flight warning.

Run: .venv/bin/python scripts/screenshot_composer.py [en|fr ...]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _screenshot_wait import wait_until  # next to this script
from PIL import Image, ImageDraw
from PySide6.QtWidgets import QApplication

from cmdesk.core.model import Account
from cmdesk.core.services import build_services
from cmdesk.gui.i18n import install_translations
from cmdesk.gui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
TEXT = {
    "en": ("cmdesk 2.0 is out! 🎉 Plan your posts offline, preview them network by network and "
           "let the app publish at the exact minute, even after a night without Wi-Fi. "
           "Release notes: https://cmdesk.app/blog/version-2-0-release-notes "
           "#cmdesk #CommunityManagement @team@mastodon.social"),
    "fr": ("cmdesk 2.0 est sorti ! 🎉 Planifiez vos publications hors ligne, prévisualisez-les "
           "réseau par réseau et laissez l'application publier à la minute près, même après une "
           "nuit sans Wi-Fi. Notes de version : https://cmdesk.app/blog/version-2-0-notes "
           "#cmdesk #CommunityManagement @equipe@mastodon.social"),
}


def picture(path: Path) -> None:
    image = Image.new("RGB", (1600, 1000))
    draw = ImageDraw.Draw(image)
    for y in range(1000):  # a dusk gradient with a sun and hills: reads as a photo at a glance
        draw.line([(0, y), (1600, y)], fill=(40 + y // 8, 60 + y // 10, 140 - y // 12))
    draw.ellipse((1050, 180, 1350, 480), fill=(255, 196, 87))
    draw.polygon([(0, 1000), (0, 700), (400, 560), (800, 720), (1200, 600), (1600, 760), (1600, 1000)],
                 fill=(34, 70, 60))
    image.save(path, quality=90)


def shoot(app: QApplication, language: str, out: Path) -> None:
    from cmdesk.gui.composer import ComposerDialog

    install_translations(app, language)
    data = Path(tempfile.mkdtemp(prefix="cmdesk-shot-"))
    services = build_services(data)
    ws = services.workspace
    ws.settings.set_value("timezone", "Europe/Paris")
    accounts = [Account("mastodon", "@cmdesk@mastodon.social"), Account("bluesky", "cmdesk.bsky.social"),
                Account("linkedin", "cmdesk SAS"), Account("x", "@cmdesk")]
    for account in accounts:
        ws.accounts.save(account)
    photo = data / "photo.jpg"
    picture(photo)
    runner = TaskRunner()
    dialog = ComposerDialog(services, runner, clock=lambda: NOW)
    loaded = []
    dialog.loaded.connect(lambda: loaded.append(True))
    wait_until(lambda: loaded, what="the composer")
    for account in accounts[:3]:
        dialog._boxes[account.id].setChecked(True)
    dialog.tabs.main.setPlainText(TEXT[language])
    dialog.media.add_paths([str(photo)])
    wait_until(dialog.media.ready, what="the composer's picture")
    dialog.schedule_box.campaign.setText("cmdesk 2.0")
    dialog.schedule_box.tags.setText("release" if language == "en" else "sortie")
    dialog.counters.recount()
    dialog.refresh()
    dialog.resize(1320, 980)
    dialog.show()
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(out))
    dialog.hide()  # not close(): closing unsaved work would ask, and nobody is there to answer
    runner.shutdown()
    services.close()
    print(out)


def main(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication([])
    for language in argv or ["en", "fr"]:
        shoot(app, language, ROOT / "docs" / "screenshots" / f"composer-{language}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
