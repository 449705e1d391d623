# SPDX-License-Identifier: GPL-3.0-or-later
"""The calendar's view of the store: loaded windows of posts, drafts, optimistic changes.

Every read and write runs on the runner's storage thread. A change the user makes is applied to
these caches at once (the drop repaints in the same event) and written durably afterwards; a failed
write hands the caller the error so the change is rolled back.

Windows are calendar months; the days a grid shows from the months around it come from their own
windows, which are prefetched anyway so "next month" paints from memory. Each post is in one
window only, and a jump to a far month decodes just that month's posts.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from cmdesk.core.model import Account, Post, utc_now
from cmdesk.core.schedule import planner
from cmdesk.gui.calendar.chips import Chip
from cmdesk.gui.calendar.filtering import PostFilter
from cmdesk.gui.calendar.guard import guarded
from cmdesk.gui.calendar.submit import after_shutdown
from cmdesk.gui.calendar.windows import (
    Window,
    clone,
    decode_posts,
    load_window,
    month_key,
    shift_month,
)

log = logging.getLogger(__name__)

MAX_WINDOWS = 5  # current month, both neighbours, and a little history for back-and-forth
PREFETCH_DELAY_MS = 60  # after the requested month has painted
DECODE_DELAY_MS = 400  # a pause in page turning before the shown month's posts are decoded
RELOAD_DELAY_MS = 80  # coalesces bursts of outside changes (an import, the publisher) into one
MAX_TARGETED_IDS = 200  # more changed posts than this (an import): reload the months instead


class CalendarData(QObject):
    changed = Signal()  # posts on the calendar or in the drafts list changed
    accounts_changed = Signal()
    window_loaded = Signal(object)  # (year, month)
    write_finished = Signal()
    load_failed = Signal(str)  # a month could not be read: the reason
    kept = Signal(list)  # texts of posts the publisher had taken: the change left them alone
    _outside_change = Signal(str, list)  # table, ids: emitted on the store's writer thread

    def __init__(self, services, runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = services.workspace
        self.runner = runner
        self.zone = planner.system_zone()
        self.tz = ZoneInfo(self.zone)
        self.first_weekday = 0
        self.accounts: list[Account] = []
        self.drafts: list[Chip] = []
        self.filter = PostFilter()
        self.pending_writes = 0
        self._windows: OrderedDict[tuple[int, int], Window] = OrderedDict()
        self._loading: set[tuple[tuple[int, int], str]] = set()  # (month, zone)
        self._unacknowledged: dict[str, Post | None] = {}  # written optimistically, not yet durable
        self._visible: dict[date, list[Chip]] = {}
        self._anchor = utc_now().date()
        self._local = threading.local()
        self._deferred: list[Callable[[], object]] = []
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush_writes)
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._catch_up)
        self._changed_ids: set[str] = set()
        self._full_reload = False
        self._prefetch_timer = QTimer(self, singleShot=True, interval=PREFETCH_DELAY_MS)
        self._prefetch_timer.timeout.connect(self._prefetch)
        self._decode_token: object | None = None
        self._decode_timer = QTimer(self, singleShot=True, interval=DECODE_DELAY_MS)
        self._decode_timer.timeout.connect(self._decode_current)
        self._outside_change.connect(self._on_outside_change)
        unsubscribe = self.workspace.subscribe(self._on_store_change)
        self.destroyed.connect(lambda *_: unsubscribe())

    # -- reading -------------------------------------------------------------------------------

    def reload(self, anchor: date | None = None) -> None:
        """Forget every cache and load settings, accounts, drafts and the anchor's month again."""
        anchor = anchor or self._anchor
        ws = self.workspace

        def work():
            zone = planner.workspace_zone(ws)
            return zone, ws.accounts.all(), ws.posts.drafts()

        after_shutdown(self.runner.run_storage, work, self._on_basics, owner=self)
        # Loaded windows stay on screen until their fresh copy arrives: no flash of empty days.
        for key in list(self._windows):
            self._load(key, replace=True)
        self.ensure(anchor)

    def _on_basics(self, result) -> None:
        zone, accounts, drafts = result
        if zone != self.zone:
            self.zone, self.tz = zone, ZoneInfo(zone)
            self._windows.clear()
            self.ensure(self._anchor)
        self.accounts = accounts
        self.drafts = [Chip.of(p, self.tz) for p in drafts]
        self._touch()
        self.accounts_changed.emit()

    def ensure(self, anchor: date) -> bool:
        """Make sure the month grid around ``anchor`` is loaded; True when it already is."""
        self._anchor = anchor
        key = month_key(anchor)
        ready = key in self._windows
        if ready:
            self._windows.move_to_end(key)
        else:
            self._load(key)
        # Neighbours load a moment later: their query would otherwise share the interpreter with
        # the paint of the month the user just asked for.
        self._prefetch_timer.start()
        self._decode_later()
        return ready

    def _prefetch(self) -> None:
        key = month_key(self._anchor)
        for neighbour in (shift_month(key, 1), shift_month(key, -1)):
            if neighbour not in self._windows:
                self._load(neighbour)

    def _decode_later(self, _window: Window | None = None) -> None:
        """Decode the shown month's posts on a worker, once the user has stopped turning pages.

        Filters and moves need Posts; painting does not. Decoding is pure Python, so it competes
        with the loads and the paint of whatever the user asks for next: it starts after a pause,
        covers only the month on screen, and stops between chunks when the month changes.
        """
        self._decode_token = None
        self._decode_timer.start()

    def _decode_current(self) -> None:
        window = self._windows.get(month_key(self._anchor))
        chips = [c for chips in window.by_day.values() for c in chips
                 if c.card is not None] if window else []
        if not chips:
            return
        token = self._decode_token = object()
        cards = [c.card for c in chips]

        def work() -> list[Post]:
            return decode_posts(cards, lambda: self._decode_token is token)

        def adopt(posts: list[Post]) -> None:
            for chip, post in zip(chips, posts, strict=False):  # a cancelled pass is shorter
                chip.adopt(post)

        after_shutdown(self.runner.run_background, work, adopt,
                       lambda error: log.warning("decoding posts failed: %s", error), owner=self)

    def _evict(self) -> None:
        """Drop the least recently shown months, never the one on screen or its neighbours."""
        current = month_key(self._anchor)
        keep = {current, shift_month(current, 1), shift_month(current, -1)}
        for key in list(self._windows):
            if len(self._windows) <= MAX_WINDOWS:
                break
            if key not in keep:
                del self._windows[key]

    def is_loaded(self, anchor: date) -> bool:
        return month_key(anchor) in self._windows

    def grid(self, key: tuple[int, int]) -> list[date]:
        return planner.month_grid(key[0], key[1], self.first_weekday)

    def _load(self, key: tuple[int, int], replace: bool = False) -> None:
        if (key, self.zone) in self._loading and not replace:
            return
        self._loading.add((key, self.zone))
        first = date(key[0], key[1], 1)
        last = date(*shift_month(key, 1), 1)
        ws, zone, tz = self.workspace, self.zone, self.tz

        def work() -> Window:
            return load_window(ws.posts, first, last, zone, tz)

        def done(window: Window) -> None:
            self._loading.discard((key, zone))
            if zone != self.zone or (key in self._windows and not replace):
                return
            # A load queued before one of our writes does not see it: replay what is in flight.
            for post_id, post in self._unacknowledged.items():
                window.remove(post_id)
                if post is not None and post.planned_at is not None:
                    chip = Chip.of(post, self.tz)
                    if window.covers(chip.local.date()):
                        window.add(chip)
            self._windows[key] = window
            self._evict()
            self._touch()
            self.window_loaded.emit(key)
            self._decode_later(window)

        def failed(error: BaseException) -> None:
            self._loading.discard((key, zone))
            log.error("could not load %s: %s", key, error)
            self.load_failed.emit(str(error))

        if not after_shutdown(self.runner.run_storage, work, done, failed, owner=self):
            self._loading.discard((key, zone))

    def chips_on(self, day: date) -> list[Chip]:
        """The day's chips that pass the filter, in time order."""
        found = self._visible.get(day)
        if found is None:
            chips = self._raw_on(day)
            if not self.filter.is_empty:
                now = utc_now()
                chips = [c for c in chips if self.filter.accepts(c, now)]
            found = self._visible[day] = chips
        return found

    def _raw_on(self, day: date) -> list[Chip]:
        for window in reversed(self._windows.values()):
            if window.covers(day):
                return window.by_day.get(day, [])
        return []

    def visible_drafts(self) -> list[Chip]:
        if self.filter.is_empty:
            return self.drafts
        now = utc_now()
        return [c for c in self.drafts if self.filter.accepts(c, now)]

    def find(self, post_id: str) -> Chip | None:
        for window in reversed(self._windows.values()):
            day = window.day_of.get(post_id)
            if day is not None:
                return next(c for c in window.by_day[day] if c.id == post_id)
        return next((c for c in self.drafts if c.id == post_id), None)

    def all_chips(self):
        """Every loaded scheduled chip (each post once, even where month grids overlap)."""
        seen: set[str] = set()
        for window in self._windows.values():
            for chips in window.by_day.values():
                for chip in chips:
                    if chip.id not in seen:
                        seen.add(chip.id)
                        yield chip

    def set_filter(self, post_filter: PostFilter) -> None:
        self.filter = post_filter
        self._touch()

    # -- writing -------------------------------------------------------------------------------

    def apply(self, states: dict[str, Post | None]) -> None:
        """Show ``states`` (post id -> new post, or None when deleted) at once, in every cache."""
        for post_id, post in states.items():
            for window in self._windows.values():
                window.remove(post_id)
            self.drafts = [c for c in self.drafts if c.id != post_id]
            if post is None:
                continue
            chip = Chip.of(post, self.tz)
            if post.planned_at is None:
                self.drafts.append(chip)
                self.drafts.sort(key=lambda c: c.post.created_at)
                continue
            for window in self._windows.values():
                if window.covers(chip.local.date()):
                    window.add(Chip.of(post, self.tz))
        self._touch()

    def write(self, states: dict[str, Post | None],
              on_error: Callable[[BaseException], None]) -> None:
        """Make ``states`` durable off the GUI thread; ``on_error`` runs if the store refuses."""
        saves = [clone(p) for p in states.values() if p is not None]
        deletes = [i for i, p in states.items() if p is None]
        for post_id, post in states.items():
            self._unacknowledged[post_id] = post
        ws, local = self.workspace, self._local
        self.pending_writes += 1

        def work() -> tuple[list[Post], dict[str, Post]]:
            local.own = True  # our own change: the listener must not trigger a reload
            try:
                safe_saves, safe_deletes, kept = guarded(ws.posts, saves, deletes)
                if safe_saves:
                    ws.posts.save_many(safe_saves)
                if safe_deletes:
                    ws.posts.delete_many(safe_deletes)
                return safe_saves, kept
            finally:
                local.own = False

        def written(result: tuple[list[Post], dict[str, Post]]) -> None:
            saved, kept = result
            settle()
            # What was written may carry edits made elsewhere meanwhile: show that version.
            fresher = {p.id: p for p in saved if p.id not in self._unacknowledged}
            if fresher or kept:
                self.apply({**fresher, **kept})
            if kept:
                self.kept.emit([p.text for p in kept.values()])

        def settle() -> None:
            self.pending_writes -= 1
            for post_id in states:
                if self._unacknowledged.get(post_id, 0) is states[post_id]:
                    del self._unacknowledged[post_id]
            self.write_finished.emit()

        def failed(error: BaseException) -> None:
            settle()
            on_error(error)

        # Submitted on the next event-loop turn, so the repaint of the change goes first instead
        # of sharing the interpreter with the write's serialisation. flush_writes() (also run
        # when the application quits) submits at once: a deferred write is never dropped.
        runner = self.runner
        self._deferred.append(lambda: after_shutdown(runner.run_storage, work, written, failed,
                                                     owner=self, lost=True))
        QTimer.singleShot(0, self.flush_writes)

    def flush_writes(self) -> None:
        deferred, self._deferred = self._deferred, []
        for submit in deferred:
            submit()

    def _touch(self) -> None:
        self._visible.clear()
        self.changed.emit()

    # -- outside changes -----------------------------------------------------------------------

    def _on_store_change(self, changes) -> None:
        if getattr(self._local, "own", False):
            return
        try:
            self._outside_change.emit(changes.table, list(changes.ids))
        except RuntimeError:  # the calendar is gone; the store must not fail a write for it
            pass

    def _on_outside_change(self, table: str, ids: list) -> None:
        if table == "posts" and ids:
            self._changed_ids.update(ids)
        elif table in ("posts", "accounts", "settings"):
            self._full_reload = True
        else:
            return
        self._reload_timer.start()

    def _catch_up(self) -> None:
        """Show what others wrote (the composer, the publisher, an import elsewhere).

        A few posts are fetched by id and applied like our own changes: reloading every cached
        month for each publish would keep the one storage thread busy for nothing.
        """
        ids, self._changed_ids = self._changed_ids, set()
        if self._full_reload or len(ids) > MAX_TARGETED_IDS:
            self._full_reload = False
            self.reload()
            return
        ws = self.workspace

        def work() -> dict[str, Post | None]:
            return {post_id: ws.posts.get(post_id) for post_id in ids}

        def done(states: dict[str, Post | None]) -> None:
            # Our own in-flight changes win: they are newer than what was read.
            self.apply({k: v for k, v in states.items() if k not in self._unacknowledged})

        def failed(error: BaseException) -> None:
            log.warning("could not read changed posts (%s): reloading the calendar", error)
            self.reload()

        after_shutdown(self.runner.run_storage, work, done, failed, owner=self)
