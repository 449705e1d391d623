# SPDX-License-Identifier: GPL-3.0-or-later
"""Render the calendar's month and week views, in English and French, to docs/screenshots.

Uses the shell's demo month (plus one crowded day, so "+N" shows) in a throwaway workspace:
``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/calendar_screenshots.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _screenshot_wait import wait_until  # next to this script
from PySide6.QtWidgets import QApplication  # noqa: E402

from cmdesk.core.demo import fill_demo  # noqa: E402
from cmdesk.core.model import Post, Target, TargetState, utc_now  # noqa: E402
from cmdesk.core.services import build_services  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SIZE = (1280, 820)


def crowd_one_day(services, now: datetime) -> None:
    """Eight posts on the day after tomorrow: what a busy launch day looks like."""
    ws = services.workspace
    accounts = ws.accounts.all()
    zone = ZoneInfo("Europe/Paris")
    day = (now.astimezone(zone) + timedelta(days=2)).date()
    texts = ["Launch: the new winter menu", "Behind the scenes at 5 am", "Poll: which pastry?",
             "Meet our baker Amélie", "Live from the shop", "Last call: 20% off",
             "Thank you, Lyon!", "Tomorrow: tasting day"]
    posts = []
    for index, text in enumerate(texts):
        planned = datetime.combine(day, time(8 + index, 30 if index % 2 else 0), tzinfo=zone)
        account = accounts[index % len(accounts)]
        posts.append(Post(text=text, planned_at=planned, zone="Europe/Paris", tags=["launch"],
                          targets=[Target(account.id, account.network,
                                          TargetState.SCHEDULED)]))
    ws.posts.save_many(posts)


def render(app: QApplication, language: str, services, runner) -> None:
    from cmdesk.gui.calendar import CalendarWidget
    from cmdesk.gui.i18n import install_translations
    from cmdesk.gui.theme import apply_theme

    install_translations(app, language)
    apply_theme(app)
    widget = CalendarWidget(services, runner)
    widget.resize(*SIZE)
    widget.show()
    wait_until(lambda: widget.data.is_loaded(widget.current_date)
               and widget.data.zone == "Europe/Paris" and widget.data.accounts, what="the month")
    # Thumbnails arrive from worker threads; let them land before the picture.
    wait_until(lambda: not widget.thumbs._pending, what="the month's thumbnails")
    widget.grab().save(str(OUT / f"calendar-month-{language}.png"))
    widget.set_view("week")
    widget.week.scroll_area.verticalScrollBar().setValue(7 * widget.week.grid.hour_h)
    wait_until(lambda: not widget.thumbs._pending, what="the week's thumbnails")
    widget.grab().save(str(OUT / f"calendar-week-{language}.png"))
    widget.close()
    widget.deleteLater()


def main() -> int:
    from cmdesk.gui.tasks import TaskRunner

    app = QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        services = build_services(Path(folder))
        now = utc_now()
        fill_demo(services.workspace, now=now)
        services.workspace.settings.set_value("timezone", "Europe/Paris")
        crowd_one_day(services, now)
        runner = TaskRunner()
        for language in ("en", "fr"):
            render(app, language, services, runner)
        runner.shutdown()
        services.close()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
