# SPDX-License-Identifier: GPL-3.0-or-later
"""The publisher: sends each target at its minute, exactly once, and copes with crashes, sleep,
rate limits and a missing network. Runs the same under the GUI and ``cmdesk --headless``.

Threads: one coordinator that reads the store and decides (on alarms, changes, clock jumps and
connectivity changes), one lane per account that sends. ``tick()`` does one whole round on the
calling thread, for tests on a fake clock.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cmdesk.core.clock import Clock, FakeClock, SystemClock
from cmdesk.core.model import Account, TargetState
from cmdesk.core.publish import events as ev
from cmdesk.core.publish.actions import ActionsMixin
from cmdesk.core.publish.backoff import Backoff
from cmdesk.core.publish.connectivity import ConnectivityMonitor, Probe, host_of
from cmdesk.core.publish.dormant import Dormant
from cmdesk.core.publish.gates import RateGates, watch_session
from cmdesk.core.publish.lanes import Item, Lane
from cmdesk.core.publish.lock import WorkspaceLock
from cmdesk.core.publish.passes import PassMixin
from cmdesk.core.publish.prepare import default_fit
from cmdesk.core.publish.records import Records
from cmdesk.core.publish.tid import new_tid

log = logging.getLogger(__name__)

# A wall-clock move this much larger than the monotonic one means the machine slept (or the
# time was changed): look at the store at once instead of waiting for stale alarms.
WAKE_GAP_THRESHOLD_S = 30.0
COORDINATOR_TICK_S = 5.0
RECOVERY_RETRY_S = 30.0


class Publisher(ActionsMixin, PassMixin):
    def __init__(self, workspace: Any, connectors: Any, cache_dir: Path | None = None, *,
                 clock: Clock | None = None, probe: Probe | None = None,
                 media_fit: Callable[..., Any] | None = None, backoff: Backoff | None = None,
                 use_scheduler: bool = True, lock: bool = True,
                 probe_retry_s: float = 5.0, recovery_retry_s: float = RECOVERY_RETRY_S) -> None:
        self.workspace = workspace
        self.connectors = connectors
        self.cache_dir = cache_dir
        self.clock = clock or SystemClock()
        self.records = Records(workspace)
        self.gates = RateGates()
        self.backoff = backoff or Backoff()
        self.monitor = ConnectivityMonitor(probe, on_back=self._on_back, on_down=self.wake,
                                           retry_s=probe_retry_s)
        self._fit = media_fit
        self._recovery_retry_s = recovery_retry_s
        self._use_scheduler = use_scheduler
        self._lock_file = WorkspaceLock(workspace.directory) if lock else None
        self._listeners: list[Callable[[ev.PublishEvent], None]] = []
        self._lanes: dict[str, Lane] = {}
        self._connectors: dict[str, Any] = {}
        self._orphans: dict[str, tuple[str, float]] = {}  # attempt id -> (account id, not before)
        self._refused_hand_offs: set[tuple[str, str]] = set()
        self._confirm_at: dict[tuple[str, str], Any] = {}  # handed off: when to ask (confirm.py)
        self._changed: set[str] = set()
        self._active: set[str] | None = None  # ids of posts that may need a decision
        self._dormant = Dormant()  # posts that only wait for a later instant
        self._woken_in_pass: set[str] = set()  # posts acted on while a pass was deciding
        self._next_look = None
        self._state = threading.Lock()
        self._wake = threading.Event()
        self._idle = threading.Condition()
        self._evaluating = False
        self._flush_sent = 0
        self._flushing = False
        self._batch_sent = 0
        self.stopping = False
        self.running = False
        self._threaded = False
        self._runner = None
        self._unsubscribe: list[Callable[[], None]] = []
        self._last_wall = self.clock.now()
        self._last_mono = self.clock.monotonic()

    # ---- events ------------------------------------------------------------------------------
    def subscribe(self, listener: Callable[[ev.PublishEvent], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def emit(self, event: ev.PublishEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken view must not stop publishing
                log.exception("publisher listener failed")

    # ---- life cycle ----------------------------------------------------------------------------
    def start(self, *, threads: bool = True) -> None:
        """Take the workspace lock (WorkspaceBusy if another process has it), then publish.

        ``threads=False`` only prepares (tests then drive ``tick()`` themselves)."""
        if self.running:
            return
        if self._lock_file is not None:
            self._lock_file.acquire()
        self.stopping = False
        self.running = True
        from cmdesk.core.publish import confirm

        try:
            from cmdesk.core.publish.recovery import reconcile

            reconcile(self)
            confirm.load(self)
            for attempt in self.workspace.attempts.open_attempts():
                # Left open by a previous run that died mid-request: ask the network first.
                self._orphans[attempt["id"]] = (attempt["account_id"], 0.0)
        except BaseException:
            # A publisher that cannot start must not keep the workspace locked.
            self.running = False
            if self._lock_file is not None:
                self._lock_file.release()
            raise
        self._unsubscribe.append(self.workspace.subscribe(self._on_change))
        if isinstance(self.clock, FakeClock):
            self._unsubscribe.append(self.clock.subscribe(self.wake))
        self._threaded = threads
        if threads:
            if self._use_scheduler:
                from cmdesk.core.schedule.runner import AlarmRunner

                self._runner = AlarmRunner(self.wake)
                self._runner.start()
                confirm.arm(self)
            self.monitor.start()
            self._coordinator = threading.Thread(target=self._coordinate, name="cmdesk-publisher",
                                                 daemon=True)
            self._coordinator.start()
            self.wake()

    def stop(self) -> None:
        if not self.running:
            return
        self.stopping = True
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        self._wake.set()
        if self._runner is not None:
            self._runner.shutdown()
            self._runner = None
        self.monitor.stop()
        if self._threaded:
            self._coordinator.join(5)
            for lane in list(self._lanes.values()):
                lane.join(5)
        self._lanes.clear()
        self.running = False
        if self._lock_file is not None:
            self._lock_file.release()

    def wake(self) -> None:
        self._wake.set()

    # ---- the coordinator -----------------------------------------------------------------------
    def _coordinate(self) -> None:
        while not self.stopping:
            woken = self.clock.wait(self._wake, COORDINATOR_TICK_S)
            self._wake.clear()
            if self.stopping:
                return
            if not woken and not self.check_clock_jump():
                continue  # a quiet tick: only watching for a sleep or a clock change
            with self._idle:
                self._evaluating = True
            try:
                self.evaluate()
            except Exception:  # keep publishing the rest; the next round will retry
                log.exception("publisher evaluation failed")
            finally:
                with self._idle:
                    self._evaluating = False
                    self._idle.notify_all()

    def tick(self) -> None:
        """One full round on this thread: look at the store, then let every lane do its work."""
        self.evaluate()
        for _ in range(3):  # a send can make more work due (a recovery, a publish_now)
            for lane in list(self._lanes.values()):
                lane.drain()
            if not any(lane.pending() for lane in self._lanes.values()) and not self._wake.is_set():
                break
            self._wake.clear()
            self.evaluate()
        self.lane_idle()

    def check_clock_jump(self) -> float:
        wall, mono = self.clock.now(), self.clock.monotonic()
        gap = (wall - self._last_wall).total_seconds() - (mono - self._last_mono)
        self._last_wall, self._last_mono = wall, mono
        if abs(gap) >= WAKE_GAP_THRESHOLD_S:
            log.info("clock jumped by %.0f s (sleep or time change): looking at due posts now", gap)
            if self._runner is not None:
                self._runner.wakeup()
            return gap
        return 0.0

    # ---- store changes -------------------------------------------------------------------------
    def _on_change(self, changes: Any) -> None:
        if self.records.writing:
            return  # our own step: nothing new to decide
        if changes.table == "posts":
            with self._state:
                self._changed |= set(changes.ids)
        elif changes.table == "accounts":
            for account_id in changes.ids:
                self._connectors.pop(account_id, None)
            self.wake_dormant()
        if changes.table != "attempts":
            self.wake()

    # ---- helpers the sender, lanes and hand-off use ------------------------------------------
    def account(self, account_id: str) -> Account | None:
        return self.workspace.accounts.get(account_id)

    def connector_for(self, account: Account) -> Any:
        connector = self._connectors.get(account.id)
        if connector is None:
            connector = self._connectors[account.id] = self.connectors.for_account(account)
            watch_session(getattr(connector, "http", None), account.id, self.gates)
        return connector

    def capabilities(self, network: str) -> Any:
        own = getattr(self.connectors, "capabilities", None)
        if callable(own):
            return own(network)
        from cmdesk.core.connectors import registry

        try:
            return registry.capabilities(network)
        except (ImportError, KeyError):
            return None

    def new_key(self, network: str) -> str:
        caps = self.capabilities(network)
        if caps is not None and caps.idempotency == "record-key":
            return new_tid()  # Bluesky: the key is the record key we create the post under
        return str(uuid.uuid4())

    def fit(self) -> Callable[..., Any]:
        if self._fit is None:
            self._fit = default_fit(self.cache_dir)
        return self._fit

    def is_online(self, account: Account) -> bool:
        return self.monitor.is_online(host_of(account))

    def set_online(self, online: bool) -> None:
        """The OS network status (the GUI feeds QNetworkInformation here)."""
        self.monitor.set_online(online)

    def mark_needs_auth(self, account_id: str) -> None:
        with self.records.batch():
            account = self.workspace.accounts.get(account_id)
            if account is None or account.status == "needs_auth":
                return
            account.status = "needs_auth"
            self.workspace.accounts.save(account)
        self._connectors.pop(account_id, None)
        self.emit(ev.PublishEvent(ev.NEEDS_AUTH, None, account_id))

    def defer_recovery(self, attempt_id: str, factor: float = 1.0) -> None:
        attempt = self.workspace.attempts.get(attempt_id)
        if attempt is not None:
            self._orphans[attempt_id] = (attempt["account_id"],
                                         self.clock.monotonic() + self._recovery_retry_s * factor)

    def recover_orphans(self, account_id: str) -> float:
        """Resolve this account's unresolved attempts; returns seconds until the next try if some
        remain (0: none). Until then the account sends nothing: a later post must not overtake
        one whose fate is unknown."""
        from cmdesk.core.publish.recovery import recover

        now = self.clock.monotonic()
        for attempt_id, (owner, not_before) in list(self._orphans.items()):
            if owner == account_id and not_before <= now:
                self._orphans.pop(attempt_id, None)
                recover(self, attempt_id)
        left = [nb for owner, nb in list(self._orphans.values()) if owner == account_id]
        return max(0.01, min(left) - self.clock.monotonic()) if left else 0.0

    def _may_hand_off(self, post, target) -> bool:
        from cmdesk.core.publish.handoff import eligible

        return (post.id, target.account_id) not in self._refused_hand_offs and \
            eligible(self, post, target, self.clock.now())

    def note_hand_off_refused(self, post_id: str, account_id: str) -> None:
        self._refused_hand_offs.add((post_id, account_id))

    # ---- connectivity, progress and idleness ----------------------------------------------------
    def _on_back(self, hosts: set[str]) -> None:
        with self._state:
            self._flushing = True
        # Checks put off because the host was unreachable run now: until they do, their
        # account sends nothing, and their usual delay is long.
        for attempt_id, (owner, not_before) in list(self._orphans.items()):
            account = self.account(owner)
            if not_before and account is not None and ("*" in hosts or host_of(account) in hosts) \
                    and self._orphans.get(attempt_id) == (owner, not_before):  # not taken meanwhile
                self._orphans[attempt_id] = (owner, 0.0)
        self.wake()

    def count_sent(self, item: Item, state: str) -> None:
        with self._state:
            if state == TargetState.PUBLISHED:
                self._batch_sent += 1
                if item.flush:
                    self._flush_sent += 1
            sent = self._batch_sent
        remaining = sum(lane.pending() for lane in list(self._lanes.values()))
        self.emit(ev.PublishEvent(ev.PROGRESS, item.ref, count=sent, data={"remaining": remaining}))

    def lane_idle(self) -> None:
        with self._idle:
            self._idle.notify_all()
        if self.is_idle():
            with self._state:
                flushing, sent = self._flushing, self._flush_sent
                self._flushing, self._flush_sent, self._batch_sent = False, 0, 0
            if flushing:
                self.emit(ev.PublishEvent(ev.BACK_ONLINE, count=sent))

    def is_idle(self) -> bool:
        return not self._evaluating and not self._wake.is_set() and all(
            not lane.busy and not lane.pending() for lane in list(self._lanes.values()))

    def wait_idle(self, timeout_s: float = 10.0) -> bool:
        """For tests and shutdown: wait until nothing is being decided or sent."""
        deadline = time.monotonic() + timeout_s
        with self._idle:
            while not self.is_idle():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._idle.wait(min(left, 0.05))
            return True
