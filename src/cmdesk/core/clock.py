# SPDX-License-Identifier: GPL-3.0-or-later
"""Wall clock plus monotonic clock, so the publisher can notice a laptop waking up.

``now()`` is the wall clock (aware UTC); ``monotonic()`` does not advance while the machine
sleeps (CLOCK_MONOTONIC on Linux), so a wall gap without a matching monotonic gap is a sleep or a
clock change. ``wait(event, seconds)`` is how worker threads pause: the fake clock releases them
when test code advances it, so tests never sleep.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...

    def monotonic(self) -> float: ...

    def wait(self, event: threading.Event, seconds: float | None) -> bool: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    def monotonic(self) -> float:
        return time.monotonic()

    def wait(self, event: threading.Event, seconds: float | None) -> bool:
        return event.wait(None if seconds is None else max(0.0, seconds))


class FakeClock:
    """A clock tests move by hand. ``advance`` moves both clocks (time passing while awake);
    ``sleep_gap`` moves only the wall clock (the machine slept, or the user changed the time)."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = (start or datetime(2026, 3, 29, 0, 0, tzinfo=timezone.utc)).astimezone(timezone.utc)
        self._mono = 1000.0
        self._cond = threading.Condition()
        self._listeners: list[Callable[[], None]] = []

    def now(self) -> datetime:
        with self._cond:
            return self._now

    def monotonic(self) -> float:
        with self._cond:
            return self._mono

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        """``listener()`` runs after every move (the publisher re-evaluates on it)."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def advance(self, seconds: float | timedelta) -> None:
        s = seconds.total_seconds() if isinstance(seconds, timedelta) else float(seconds)
        self._move(s, s)

    def sleep_gap(self, seconds: float | timedelta) -> None:
        s = seconds.total_seconds() if isinstance(seconds, timedelta) else float(seconds)
        self._move(s, 0.0)

    def set(self, moment: datetime) -> None:
        self.advance((moment - self.now()).total_seconds())

    def _move(self, wall_s: float, mono_s: float) -> None:
        with self._cond:
            self._now += timedelta(seconds=wall_s)
            self._mono += mono_s
            self._cond.notify_all()
        for listener in list(self._listeners):
            listener()

    def wait(self, event: threading.Event, seconds: float | None) -> bool:
        """Block until ``event`` is set or the fake monotonic clock has moved ``seconds``."""
        with self._cond:
            deadline = None if seconds is None else self._mono + max(0.0, seconds)
            while not event.is_set():
                if deadline is not None and self._mono >= deadline:
                    return False
                # Short real timeout: an Event set from another thread does not notify our
                # condition, so poll it; the fake time only moves through _move.
                self._cond.wait(0.01)
            return True
