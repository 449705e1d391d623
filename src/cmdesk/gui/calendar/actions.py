# SPDX-License-Identifier: GPL-3.0-or-later
"""What the calendar's gestures mean: each checks the request, tells the user what it adjusted
or refused, and pushes one undoable change."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from cmdesk.core.model import MediaRef, Post, Target, TargetState, new_id, utc_now
from cmdesk.core.schedule import planner
from cmdesk.gui.calendar.commands import PostsChange, States
from cmdesk.gui.calendar.data import CalendarData, clone

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif", ".avif", ".bmp",
                  ".tif", ".tiff"}
_RETRYABLE = {TargetState.FAILED, TargetState.NEEDS_AUTH, TargetState.WAITING_NETWORK,
              TargetState.RETRY_WAIT, TargetState.DUE}


def _label(post: Post) -> str:
    line = next((x.strip() for x in post.text.splitlines() if x.strip()), "")
    return line[:30] + ("\u2026" if len(line) > 30 else "")


class CalendarActions(QObject):
    message = Signal(str)  # something the user should read (a refusal, an adjustment, a failure)

    def __init__(self, data: CalendarData, undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.undo_stack = undo_stack
        self.clipboard: list[str] = []  # ids cut with Ctrl+X, waiting for Ctrl+V
        # Asked before planning into the past; the widget shows a question, tests answer directly.
        self.confirm_past: Callable[[int], bool] = lambda count: False
        self.now: Callable[[], datetime] = utc_now

    # -- gestures ------------------------------------------------------------------------------

    def move(self, ids: Iterable[str], day: date, wall: time | None = None,
             copy: bool = False) -> bool:
        """Move (or duplicate) posts to ``day``, at ``wall`` or keeping their time of day."""
        posts = self._posts(ids)
        if not posts:
            return False
        if not copy:
            for post in posts:
                refusal = planner.move_refusal(post)
                if refusal:
                    self.message.emit(refusal)
                    return False
        zone, now = self.data.zone, self.now()
        before: States = {}
        after: States = {}
        notes = []
        taken: set[datetime] | None = None  # only drafts need it: spare the drop the scan
        for post in posts:
            if wall is not None:
                resolved = planner.resolve_local(day, wall, zone)
            elif post.planned_at is not None:
                resolved = planner.move_to_day(post.planned_at, day, zone)
            else:
                taken = self._taken() if taken is None else taken
                resolved = planner.default_time_on(day, zone, self._slots(post), taken, now)
                taken.add(resolved.instant)
            if resolved.note:
                notes.append(resolved.note)
            moved = self._fresh_copy(post) if copy else clone(post)
            if not copy:
                before[post.id] = post
                for target in moved.targets:
                    if target.state in _RETRYABLE:  # a new time is a new chance: retry cleanly
                        target.state, target.error, target.not_before = (
                            TargetState.SCHEDULED, None, None)
            planner.schedule(moved, resolved.instant, zone)
            after[moved.id] = moved
            before.setdefault(moved.id, None)
        if any(p.planned_at < now for p in after.values()) and not self.confirm_past(len(after)):
            return False
        if copy:
            text = self.tr("Duplicate \u201c{post}\u201d") if len(posts) == 1 else self.tr(
                "Duplicate {count} posts")
        else:
            text = self.tr("Move \u201c{post}\u201d") if len(posts) == 1 else self.tr(
                "Move {count} posts")
        self._push(text.format(post=_label(posts[0]), count=len(posts)), before, after)
        for note in notes[:1]:
            self.message.emit(note)
        return True

    def unschedule(self, ids: Iterable[str]) -> bool:
        posts = [p for p in self._posts(ids) if p.planned_at is not None]
        if not posts:
            return False
        for post in posts:
            refusal = planner.move_refusal(post)
            if refusal:
                self.message.emit(refusal)
                return False
        after = {p.id: planner.unschedule(clone(p)) for p in posts}
        text = self.tr("Unschedule \u201c{post}\u201d") if len(posts) == 1 else self.tr(
            "Unschedule {count} posts")
        self._push(text.format(post=_label(posts[0]), count=len(posts)),
                   {p.id: p for p in posts}, after)
        return True

    def delete(self, ids: Iterable[str]) -> bool:
        posts = self._posts(ids)
        if not posts:
            return False
        busy = {TargetState.PUBLISHING, TargetState.UNCONFIRMED}
        if any(t.state in busy for p in posts for t in p.targets):
            self.message.emit(self.tr("A post being published right now cannot be deleted; "
                                      "wait until it is done."))
            return False
        text = self.tr("Delete \u201c{post}\u201d") if len(posts) == 1 else self.tr(
            "Delete {count} posts")
        self._push(text.format(post=_label(posts[0]), count=len(posts)),
                   {p.id: p for p in posts}, {p.id: None for p in posts})
        return True

    def cut(self, ids: Iterable[str]) -> None:
        self.clipboard = list(ids)
        if self.clipboard:
            self.message.emit(self.tr("Choose a day and paste (Ctrl+V) to move the post there."))

    def paste(self, day: date) -> list[str]:
        """Move what was cut to ``day``; returns the moved ids (to keep them selected)."""
        ids = self.clipboard
        if not ids or not self.move(ids, day):
            return []
        self.clipboard = []
        return ids

    def create_from_images(self, paths: Iterable[str], day: date | None,
                           wall: time | None = None) -> str | None:
        """A draft holding the dropped pictures, at ``wall`` or the day's first free time
        (``day`` None: an unscheduled draft, dropped on the drafts list)."""
        images = [p for p in paths if Path(p).suffix.lower() in IMAGE_SUFFIXES]
        if not images:
            self.message.emit(self.tr("Only pictures can be dropped on the calendar."))
            return None
        zone, now = self.data.zone, self.now()
        if day is None:
            instant = None
        elif wall is not None:
            instant = planner.resolve_local(day, wall, zone).instant
        else:
            instant = planner.default_time_on(day, zone, [], self._taken(), now).instant
            if instant < now and planner.local_day(now, zone) == day:
                # Today after 10:00: the next full hour is the sensible "soon".
                instant = (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        if instant is not None and instant < now and not self.confirm_past(1):
            return None
        post = Post(media=[MediaRef(str(p)) for p in images], planned_at=instant, zone=zone)
        self._push(self.tr("New post with {count} pictures").format(count=len(images)),
                   {post.id: None}, {post.id: post})
        return post.id

    def import_posts(self, posts: list[Post]) -> None:
        self._push(self.tr("Import {count} posts").format(count=len(posts)),
                   {p.id: None for p in posts}, {p.id: p for p in posts})

    def add_to_queue(self, ids: Iterable[str]) -> bool:
        posts = self._posts(ids)
        if not posts:
            self.message.emit(self.tr("Select a post (or a draft) first, then add it to the "
                                      "queue."))
            return False
        now = self.now()
        # (instant, account) pairs already planned: a slot is free for a post when none of its
        # accounts has a post at that instant. Read from the chips: no Post needs decoding.
        planned = {(c.local, a) for c in self.data.all_chips() for a in c.account_ids}
        after: States = {}
        for post in posts:
            wanted = {t.account_id for t in post.targets}
            slots = [s for a in self.data.accounts if a.id in wanted for s in a.slots]
            taken = {when for when, account in planned if account in wanted
                     and when != post.planned_at}
            resolved = planner.next_free_slot(slots, now, taken)
            if resolved is None:
                self.message.emit(self.tr("No free posting slot for this post's accounts: add "
                                          "slots to the accounts first."))
                return False
            after[post.id] = planner.schedule(clone(post), resolved.instant,
                                              planner.slot_zone(slots, resolved))
            planned |= {(resolved.instant, a) for a in wanted}
        self._push(self.tr("Add {count} posts to the queue").format(count=len(posts)),
                   {p.id: p for p in posts}, after)
        return True

    # -- helpers -------------------------------------------------------------------------------

    def _push(self, text: str, before: States, after: States) -> None:
        self.undo_stack.push(PostsChange(text, self.data, before, after, self._failed))

    def _failed(self, command: PostsChange, error: BaseException, restore: States) -> None:
        """The store refused a change already on screen: put the screen back, drop the step."""
        self.data.apply(restore)  # the store still holds ``restore``: nothing to write
        self.message.emit(self.tr("The change could not be saved ({reason}); it was undone.")
                          .format(reason=error))
        try:
            command.setObsolete(True)
            if self.undo_stack.command(self.undo_stack.index() - 1) is command:
                self.undo_stack.undo()  # obsolete: Qt removes it without running undo()
        except RuntimeError:  # the step was already dropped from the history
            pass

    def _posts(self, ids: Iterable[str]) -> list[Post]:
        chips = [self.data.find(i) for i in dict.fromkeys(ids)]
        return [c.post for c in chips if c is not None]

    def _taken(self) -> set[datetime]:
        return {c.local for c in self.data.all_chips()}  # aware: equal to the UTC instants

    def _slots(self, post: Post):
        wanted = {t.account_id for t in post.targets}
        return [s for a in self.data.accounts if a.id in wanted for s in a.slots]

    def _fresh_copy(self, post: Post) -> Post:
        """A duplicate that has never been published: new id, clean targets."""
        copy = clone(post)
        copy.id = new_id()
        copy.created_at = copy.updated_at = datetime.now(timezone.utc)
        copy.targets = [Target(t.account_id, t.network, TargetState.SCHEDULED)
                        for t in post.targets]
        return copy
