# SPDX-License-Identifier: GPL-3.0-or-later
"""Calendar speed with 100,000 posts in the workspace and 2,000 in the visible month.

Targets: switching month or view painted within 50 ms; a drop repainted within 16 ms of GUI-thread
time (the durable write runs on the storage thread, measured separately); agenda scrolling within
a 16 ms frame. Each figure is printed next to its budget and to the same run's baseline: painting
the same month grid with every post filtered out (what the machine needs for an empty calendar).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

POSTS = 100_000
MONTHS = 50  # 2,000 posts in every month
FIRST_MONTH = (2027, 1)
VISIBLE = date(2029, 6, 15)
FRAME_MS = 16.0
SWITCH_MS = 50.0


def _ms(seconds: float) -> float:
    return seconds * 1000


def _populate(ws) -> None:
    from PIL import Image

    from cmdesk.core.model import NETWORKS, MediaRef, Post, Target, TargetState

    folder = Path(ws.directory) / "pictures"
    folder.mkdir()
    pictures = []
    for index in range(12):
        path = folder / f"p{index}.jpg"
        Image.new("RGB", (400, 300), (20 * index, 120, 200 - 10 * index)).save(path)
        pictures.append(str(path))
    per_month = POSTS // MONTHS
    posts = []
    year, month = FIRST_MONTH
    for _ in range(MONTHS):
        start = datetime(year, month, 1, 6, tzinfo=timezone.utc)
        for index in range(per_month):
            when = start + timedelta(minutes=(index * 28 * 24 * 60 // per_month) % (28 * 1440))
            networks = NETWORKS[index % 10], NETWORKS[(index * 3 + 1) % 10]
            post = Post(text=f"Post {index} of {year}-{month:02d}\nwith a second line",
                        planned_at=when, zone="Europe/Paris", tags=[f"t{index % 7}"],
                        targets=[Target(f"acct-{n}", n, TargetState.SCHEDULED) for n in networks])
            if index % 4 == 0:
                post.media = [MediaRef(pictures[index % len(pictures)])]
            posts.append(post)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    for index in range(0, len(posts), 10_000):
        ws.posts.save_many(posts[index:index + 10_000])


def _wait(app, condition, timeout_s: float = 30.0) -> float:
    started = time.perf_counter()
    while not condition():
        app.processEvents()
        if time.perf_counter() - started > timeout_s:
            raise TimeoutError("the calendar did not settle")
        time.sleep(0.0005)  # benchmark only: lets worker threads run between event batches
    return time.perf_counter() - started


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return _ms(time.perf_counter() - started)


def _line(name: str, values: list[float], budget: float, baseline: float) -> str:
    median, worst = statistics.median(values), max(values)
    verdict = "ok" if median <= budget else "OVER BUDGET"
    return (f"{name}: median {median:.1f} ms, max {worst:.1f} ms "
            f"({median / budget:.2f}x budget {budget:.0f} ms, {median / baseline:.1f}x empty-grid "
            f"paint) {verdict}")


def run() -> list[str]:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QApplication

    from cmdesk.core.services import build_services, freeze_long_lived
    from cmdesk.gui.calendar import CalendarWidget
    from cmdesk.gui.calendar.canvas import posts_mime
    from cmdesk.gui.calendar.filtering import PostFilter
    from cmdesk.gui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    lines = []
    with tempfile.TemporaryDirectory() as folder:
        services = build_services(Path(folder))
        ws = services.workspace
        ws.settings.set_value("timezone", "Europe/Paris")
        started = time.perf_counter()
        _populate(ws)
        lines.append(f"workspace: {len(ws.posts):,} posts written in "
                     f"{time.perf_counter() - started:.1f} s")
        freeze_long_lived()  # as the app does once its workspace is open
        runner = TaskRunner()
        cal = CalendarWidget(services, runner)
        cal.resize(1280, 820)
        cal.show()
        cal.go_to_date(VISIBLE)
        data = cal.data

        def settled() -> bool:
            key = (cal.current_date.year, cal.current_date.month)
            neighbours = [(key[0] + (key[1] + d - 1) // 12, (key[1] + d - 1) % 12 + 1)
                          for d in (-1, 1)]
            return (data.zone == "Europe/Paris" and not data._loading
                    and all(k in data._windows for k in [key, *neighbours]))

        cold = _wait(app, settled)
        visible = sum(len(data.chips_on(d)) for d in cal.month.days()
                      if d.month == VISIBLE.month)
        lines.append(f"visible month: {visible:,} posts; first load (storage thread, "
                     f"with both neighbours) {_ms(cold):.0f} ms")
        month = cal.month

        def repaint_month():
            month.invalidate()
            month.repaint()

        data.set_filter(PostFilter(text="\u2400 nothing matches"))
        empty = [_timed(repaint_month) for _ in range(15)]
        data.set_filter(PostFilter())
        baseline = statistics.median(empty)
        lines.append(f"baseline: empty month grid painted in {baseline:.2f} ms")
        full = [_timed(repaint_month) for _ in range(15)]
        lines.append(_line("full month repaint with 2,000 posts (switch, resize)", full,
                           SWITCH_MS, baseline))

        switches = []
        for step in (1, 1, -1, -1, 1, -1, -1, 1) * 2:
            _wait(app, settled)  # prefetching the next neighbour happens between clicks
            switches.append(_timed(lambda s=step: (cal.next() if s > 0 else cal.previous(),
                                                   month.repaint())))
        lines.append(_line("switch month (prefetched neighbour)", switches, SWITCH_MS, baseline))

        far, far_grid = [], []
        for offset in (9, -7, 13, 17, -11):
            target = VISIBLE + timedelta(days=31 * offset)
            started = time.perf_counter()
            cal.go_to_date(target)
            month.repaint()  # the empty grid and "Loading posts…" at once
            far_grid.append(_ms(time.perf_counter() - started))
            _wait(app, lambda t=target: data.is_loaded(t))
            month.repaint()
            far.append(_ms(time.perf_counter() - started))
            cal.go_to_date(VISIBLE)
            _wait(app, settled)
        lines.append(_line("jump to a far month: grid painted", far_grid, SWITCH_MS, baseline))
        lines.append(_line("jump to a far month: posts painted (query + paint, wall clock)", far,
                           SWITCH_MS, baseline))

        views = []
        for view in ("week", "agenda", "month") * 4:
            views.append(_timed(lambda v=view: (cal.set_view(v),
                                                cal.stack.currentWidget().repaint())))
        lines.append(_line("switch view (month/week/agenda)", views, SWITCH_MS, baseline))

        cal.set_view("month")
        drops, durable = [], []
        days = [d for d in month.days() if d.month == VISIBLE.month]
        for index in range(20):
            source = days[index]
            chip = data.chips_on(source)[0]
            target = month.day_rect(days[(index + 9) % len(days)]).center()
            mime = posts_mime([chip.id])  # QDropEvent does not own it: keep it alive
            event = QDropEvent(QPointF(target), Qt.DropAction.MoveAction, mime,
                               Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
            started = time.perf_counter()
            month.dropEvent(event)
            app.processEvents()  # delivers the repaint of the changed days
            drops.append(_ms(time.perf_counter() - started))
            _wait(app, lambda: data.pending_writes == 0)
            durable.append(_ms(time.perf_counter() - started))
        lines.append(_line("drop -> changed days repainted (GUI thread)", drops, FRAME_MS,
                           baseline))
        lines.append(f"drop -> durable in the store (storage thread, fsynced): median "
                     f"{statistics.median(durable):.1f} ms, max {max(durable):.1f} ms")

        cal.set_view("agenda")
        agenda = cal.agenda
        _wait(app, lambda: agenda.chip_model.rowCount() > 0)
        bar = agenda.verticalScrollBar()
        frames = []
        for _ in range(80):
            frames.append(_timed(lambda: (bar.setValue(bar.value() + bar.pageStep() // 3),
                                          agenda.viewport().repaint())))
        lines.append(_line(f"agenda scroll frame ({agenda.chip_model.rowCount():,} rows)",
                           frames, FRAME_MS, baseline))
        cal.close()
        runner.shutdown()
        services.close()
    return lines


if __name__ == "__main__":
    for text in run():
        print(text)
