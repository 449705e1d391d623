# SPDX-License-Identifier: GPL-3.0-or-later
"""Renders Settings > Accounts (the list, and the add form of a network that needs a media host)
in English and French into docs/screenshots/accounts-*.png. Nothing is signed in or sent."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _screenshot_wait import wait_until  # next to this script
from PySide6.QtWidgets import QApplication  # noqa: E402

from cmdesk.core.model import Account, to_iso  # noqa: E402
from cmdesk.core.services import build_services  # noqa: E402
from cmdesk.gui.accounts import AccountsDialog  # noqa: E402
from cmdesk.gui.i18n import install_translations  # noqa: E402
from cmdesk.gui.tasks import TaskRunner  # noqa: E402
from cmdesk.gui.theme import apply_theme  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def shoot(app: QApplication, services, runner: TaskRunner, language: str) -> None:
    dialog = AccountsDialog(services, runner)
    wait_until(lambda: dialog.load_count > 0, what="the accounts list")
    dialog.show()
    dialog.select(dialog.accounts[1].id)
    dialog.grab().save(str(OUT / f"accounts-{language}.png"))
    add = dialog.add_account()
    add.choose("instagram")
    add.show()
    app.processEvents()
    add.grab().save(str(OUT / f"accounts-add-{language}.png"))
    add.close()
    dialog.close()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    apply_theme(app)
    OUT.mkdir(parents=True, exist_ok=True)
    now = datetime.now(timezone.utc)
    with tempfile.TemporaryDirectory() as tmp:
        services = build_services(Path(tmp) / "data", session_only_secrets=True)
        for account in (
            Account("linkedin", "Acme Corp", expires_at=to_iso(now + timedelta(days=6, hours=1))),
            Account("facebook", "Acme Bakery"),
            Account("instagram", "@acme.bakery", expires_at=to_iso(now + timedelta(days=52))),
            Account("threads", "@acme.bakery", status="needs_auth"),
            Account("wordpress", "blog.acme.example", server="https://blog.acme.example"),
        ):
            services.workspace.accounts.save(account)
        runner = TaskRunner()
        shoot(app, services, runner, "en")
        install_translations(app, "fr")
        shoot(app, services, runner, "fr")
        runner.shutdown()
        services.close()
    print(f"written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
