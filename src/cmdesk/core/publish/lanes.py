# SPDX-License-Identifier: GPL-3.0-or-later
"""One lane per account: its sends go out one at a time, in due order, within its rate limit,
while other accounts' lanes run in parallel.

A lane's queue is replaced as a whole by each evaluation of the store (the store is the truth),
and every item is re-checked against the store just before it is sent.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from cmdesk.core.publish import events as ev

if TYPE_CHECKING:
    from cmdesk.core.publish.engine import Publisher

log = logging.getLogger(__name__)

IDLE_WAIT_S = 30.0


@dataclass(frozen=True)
class Item:
    kind: str  # send | hand_off | follow | cancel | confirm
    ref: str  # post id (attempt id for cancel)
    order: tuple = ()
    force: bool = False
    flush: bool = False  # was waiting for the network: counts in back_online
    at: datetime | None = None  # armed: send at this instant, not before


class Lane:
    def __init__(self, pub: Publisher, account_id: str) -> None:
        self.pub = pub
        self.account_id = account_id
        self._lock = threading.Lock()
        self._planned: list[Item] = []  # from the last evaluation
        self._extra: list[Item] = []  # follow/cancel requests from change events
        self._epoch = 0  # connectivity epoch the planned queue was made in
        self._generation = 0  # bumped by every offer: which queue an item was taken from
        self.kick = threading.Event()
        self.busy = False
        self._thread: threading.Thread | None = None

    # ---- queue -----------------------------------------------------------------------------
    def offer(self, items: list[Item], epoch: int = 0) -> None:
        with self._lock:
            self._planned = sorted(items, key=lambda i: i.order)
            self._epoch = epoch
            self._generation += 1
        self.kick.set()

    def add(self, item: Item) -> None:
        with self._lock:
            if item not in self._extra:
                self._extra.append(item)
        self.kick.set()

    def pending(self) -> int:
        with self._lock:
            return len(self._planned) + len(self._extra)

    def _pop(self) -> tuple[Item | None, int]:
        with self._lock:
            if self._extra:
                return self._extra.pop(0), self._generation
            return (self._planned.pop(0) if self._planned else None), self._generation

    def _armed_wait(self) -> float:
        """Seconds until the next item's instant, when the next item is armed for later."""
        with self._lock:
            if self._extra or not self._planned or self._planned[0].at is None:
                return 0.0
            at = self._planned[0].at
        return max(0.0, (at - self.pub.clock.now()).total_seconds())

    # ---- work ------------------------------------------------------------------------------
    def drain(self) -> float | None:
        """Do everything that can be done now; returns seconds until the gate opens, if blocked."""
        self.busy = True
        try:
            while not self.pub.stopping:
                unresolved = self.pub.recover_orphans(self.account_id)
                if unresolved:
                    return unresolved
                wait = self.pub.gates.wait_s(self.account_id, self.pub.clock.now())
                if wait > 0 and self.pending():
                    return wait
                armed = self._armed_wait()
                if armed > 0:
                    return armed
                if self.pub.monitor.epoch != self._epoch and self._planned:
                    # A host was lost since this queue was planned: posts now waiting for the
                    # network are not in it, and a later one must not overtake them.
                    with self._lock:
                        self._planned = []
                    self.pub.wake()
                    return None
                item, generation = self._pop()
                if item is None:
                    return None
                if self._run(item) == "waiting_network":
                    # The host went away: the rest waits too, and comes back in due order when
                    # the next evaluation re-queues everything. That evaluation may already
                    # have run while this send was failing (the host came back meanwhile):
                    # its queue is the current one and must not be thrown away, or the posts
                    # would wait for the next sweep.
                    with self._lock:
                        if self._generation != generation:
                            continue
                        self._planned = []
                    return None
            return None
        finally:
            self.busy = False

    def _run(self, item: Item) -> str | None:
        from cmdesk.core.publish import confirm, handoff, sender

        try:
            if item.kind == "send":
                state = sender.send(self.pub, item.ref, self.account_id, force=item.force)
                if state is not None:
                    self.pub.count_sent(item, state)
                if state in ("offline", "waiting_network"):
                    return "waiting_network"
            elif item.kind == "hand_off":
                handoff.hand_off(self.pub, item.ref, self.account_id)
            elif item.kind == "follow":
                handoff.follow(self.pub, item.ref, self.account_id)
            elif item.kind == "confirm":
                confirm.check(self.pub, item.ref, self.account_id)
            elif item.kind == "cancel":
                attempt = self.pub.workspace.attempts.get(item.ref)
                if attempt is not None:
                    handoff.cancel_remote(self.pub, attempt)
        except Exception:  # one broken post must not stop the account's other posts
            log.exception("publishing %s %s failed", item.kind, item.ref)
            self.pub.emit(ev.PublishEvent(ev.STATE, item.ref, self.account_id))
        return None

    # ---- thread ----------------------------------------------------------------------------
    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name=f"cmdesk-lane-{self.account_id[:8]}",
                                        daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        wait: float | None = None
        while not self.pub.stopping:
            if wait is None or wait > 0:
                self.pub.clock.wait(self.kick, wait if wait is not None else IDLE_WAIT_S)
            self.kick.clear()
            if self.pub.stopping:
                return
            wait = self.drain()
            self.pub.lane_idle()

    def join(self, timeout: float) -> None:
        self.kick.set()
        if self._thread is not None:
            self._thread.join(timeout)
