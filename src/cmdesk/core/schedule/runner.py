# SPDX-License-Identifier: GPL-3.0-or-later
"""APScheduler as the publisher's alarm clock. It only says "look now"; the store is the truth.

One ``date`` job per alarm key (a post's next instant: its planned time, a retry's not_before).
When a job fires, the publisher re-reads the store and decides; a job that fires for a post that
was moved or deleted meanwhile simply finds nothing to do.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler

log = logging.getLogger(__name__)

# A safety sweep: if an alarm was missed for any reason (suspend, a bug), the post is still
# published within this period.
SWEEP_INTERVAL_S = 60


class AlarmRunner:
    def __init__(self, on_alarm: Callable[[], None], *, sweep_s: float = SWEEP_INTERVAL_S) -> None:
        self._on_alarm = on_alarm
        self._sweep_s = sweep_s
        self._lock = threading.Lock()
        self._scheduler = BackgroundScheduler(
            timezone=timezone.utc,
            job_defaults={
                # None = run however late: lateness is the catch-up policy's call (it reads the
                # store), not APScheduler's; the 1 s default would silently drop a post whose
                # alarm fired late after a suspend or a busy moment.
                "misfire_grace_time": None,
                # Several missed runs of one alarm mean one look at the store, not several.
                "coalesce": True,
                "max_instances": 1,
            },
        )

    def start(self) -> None:
        self._scheduler.start()
        self._scheduler.add_job(self._fire, "interval", seconds=self._sweep_s, id="sweep",
                                replace_existing=True)

    def shutdown(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)

    @property
    def running(self) -> bool:
        return self._scheduler.running

    def _fire(self) -> None:
        try:
            self._on_alarm()
        except Exception:  # an alarm must never kill the scheduler thread
            log.exception("publisher alarm failed")

    def set_alarm(self, key: str, when: datetime) -> None:
        with self._lock:
            job = self._scheduler.get_job(key)
            if job is not None and job.next_run_time == when:
                return
            self._scheduler.add_job(self._fire, "date", run_date=when, id=key,
                                    replace_existing=True)

    def clear(self, key: str) -> None:
        with self._lock:
            try:
                self._scheduler.remove_job(key)
            except JobLookupError:
                pass

    def alarms(self) -> dict[str, datetime]:
        return {j.id: j.next_run_time for j in self._scheduler.get_jobs() if j.id != "sweep"}

    def wakeup(self) -> None:
        """Recompute waits now (after a clock jump the scheduler's own wait is stale)."""
        if self._scheduler.running:
            self._scheduler.wakeup()

    @staticmethod
    def soon(seconds: float = 0.0) -> datetime:
        return datetime.now(timezone.utc) + timedelta(seconds=seconds)
