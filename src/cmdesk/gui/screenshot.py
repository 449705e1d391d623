# SPDX-License-Identifier: GPL-3.0-or-later
"""``cmdesk --screenshot FILE.png``: render the main window once the workspace is shown, and exit.

Used for the README, the AppStream screenshots and the frozen-build check. The publisher is not
started: taking a picture must never send a post.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from cmdesk.core.services import Services
from cmdesk.core.store import StoreDamaged
from cmdesk.gui.main_window import MainWindow
from cmdesk.gui.tasks import TaskRunner
from cmdesk.gui.theme import apply_theme

log = logging.getLogger(__name__)

SIZE = (1280, 800)


def take_screenshot(app: QApplication, services: Services, args) -> int:
    from cmdesk.gui.app import SETTINGS_FILE

    apply_theme(app)
    runner = TaskRunner(app)
    # Read the user's remembered view, but write to a copy: a picture must not move their window.
    scratch = tempfile.TemporaryDirectory(prefix="cmdesk-shot-")
    saved = services.paths.data / SETTINGS_FILE
    copy = Path(scratch.name) / SETTINGS_FILE
    if saved.exists():
        shutil.copyfile(saved, copy)
    settings = QSettings(str(copy), QSettings.Format.IniFormat)
    window = MainWindow(
        services,
        runner,
        settings,
        view=args.view,
        day=date.fromisoformat(args.date) if args.date else None,
    )
    window.resize(*SIZE)
    window.status.set_publisher_state("screenshot")
    outcome = {"code": 1, "done": False}
    # A loop of our own: QApplication.quit() also negotiates with open windows and was seen to be
    # ignored when it came right at start; this loop ends exactly when the picture is done.
    loop = QEventLoop()

    def grab() -> None:
        target = args.screenshot
        target.parent.mkdir(parents=True, exist_ok=True)
        if window.grab().save(str(target), "PNG"):
            outcome["code"] = 0
            log.info("screenshot written to %s", target)
        else:
            print(f"cannot write {target}", file=sys.stderr)
        outcome["done"] = True
        loop.quit()

    def settle() -> None:
        # The calendar queues its own reads when built; the storage executor is serial, so a
        # no-op queued now completes after them, and its callback arrives after theirs. One more
        # event-loop turn then lets layouts and paints catch up.
        runner.run_storage(lambda: None, lambda _r: QTimer.singleShot(0, grab))

    def failed(error: BaseException) -> None:
        print(str(error), file=sys.stderr)
        outcome["code"] = 2 if isinstance(error, StoreDamaged) else 1
        outcome["done"] = True
        loop.quit()

    window.quitting = True  # closing it afterwards must not turn into "hide to tray"
    window.workspace_loaded.connect(settle)
    window.load_failed.connect(failed)
    window.show()
    window.load(demo=args.demo)
    # A task that ends before its callback is attached is delivered at once, inside load():
    # then there is nothing to wait for, and quit() on a loop not yet running would be lost.
    if not outcome["done"]:
        loop.exec()
    window.close()
    runner.shutdown()
    services.close()
    scratch.cleanup()
    return outcome["code"]
