# SPDX-License-Identifier: GPL-3.0-or-later
"""Posts the publisher need not look at again before a known instant.

A post whose every target only waits for time (scheduled for later, retrying after a given
instant, or finished) gives the same decision at every pass until its next instant. Keeping it
here until then makes a pass cost what is awake, not what is planned: an agency with months of
posts planned no longer decodes all of them at every change in the store.

A post leaves early when it changes (the engine's change events and actions), and all leave
when accounts change (a sign-in or a disabled account changes decisions).
"""

from __future__ import annotations

import heapq
import threading
from datetime import datetime


class Dormant:
    def __init__(self) -> None:
        self._until: dict[str, datetime] = {}
        # (instant, post id); an entry whose instant no longer matches ``_until`` is stale and
        # skipped when it comes up (cheaper than removing it from the middle of the heap).
        self._heap: list[tuple[datetime, str]] = []
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._until)

    def __contains__(self, post_id: str) -> bool:
        return post_id in self._until

    def put(self, post_id: str, until: datetime) -> None:
        with self._lock:
            if self._until.get(post_id) == until:
                return
            self._until[post_id] = until
            heapq.heappush(self._heap, (until, post_id))

    def wake(self, post_id: str) -> bool:
        """Take the post out early; True if it was here."""
        with self._lock:
            return self._until.pop(post_id, None) is not None

    def wake_all(self) -> list[str]:
        with self._lock:
            ids = list(self._until)
            self._until.clear()
            self._heap.clear()
            return ids

    def wake_due(self, now: datetime) -> list[str]:
        """Posts whose instant has come."""
        woken = []
        with self._lock:
            while self._heap and self._heap[0][0] <= now:
                until, post_id = heapq.heappop(self._heap)
                if self._until.get(post_id) == until:
                    del self._until[post_id]
                    woken.append(post_id)
        return woken

    def next_instant(self) -> datetime | None:
        with self._lock:
            while self._heap and self._until.get(self._heap[0][1]) != self._heap[0][0]:
                heapq.heappop(self._heap)
            return self._heap[0][0] if self._heap else None
