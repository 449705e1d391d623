# SPDX-License-Identifier: GPL-3.0-or-later
"""What the painted month and week grids share: selection, keyboard, drag out and drop in.

Subclasses lay out days and chips and answer ``hit(pos)``; everything a gesture means is in
``CalendarActions``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QByteArray, QDate, QLocale, QMimeData, QPoint, QRect, Qt, QTime, Signal
from PySide6.QtGui import QColor, QDrag, QKeyEvent, QKeySequence, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from cmdesk.core.model import utc_now
from cmdesk.core.schedule import planner
from cmdesk.gui.calendar.actions import CalendarActions
from cmdesk.gui.calendar.chips import Chip, ChipPainter
from cmdesk.gui.calendar.data import CalendarData
from cmdesk.gui.calendar.filtering import state_of
from cmdesk.gui.calendar.thumbnails import ThumbnailCache

POSTS_MIME = "application/x-cmdesk-post-ids"


def posts_mime(ids: list[str]) -> QMimeData:
    mime = QMimeData()
    mime.setData(POSTS_MIME, QByteArray(json.dumps(ids).encode()))
    return mime


def ids_from_mime(mime: QMimeData) -> list[str]:
    if not mime.hasFormat(POSTS_MIME):
        return []
    try:
        return [str(i) for i in json.loads(bytes(mime.data(POSTS_MIME).data()).decode())]
    except (ValueError, TypeError):
        return []


def files_from_mime(mime: QMimeData) -> list[str]:
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []


def blend(under: QColor, over: QColor, amount: float) -> QColor:
    """``over`` laid on ``under`` at ``amount`` opacity, as one opaque colour (cheap to fill)."""
    return QColor.fromRgbF(*(u + (o - u) * amount for u, o in zip(
        under.getRgbF()[:3], over.getRgbF()[:3], strict=True)))


@dataclass
class Selection:
    """Shared by every view, so switching view keeps what the user picked."""

    ids: list[str] = field(default_factory=list)
    day: date = field(default_factory=lambda: utc_now().date())


@dataclass
class Hit:
    kind: str  # "chip" | "more" | "day"
    day: date
    post_id: str = ""
    wall: time | None = None  # week view: the snapped time under the pointer


class ViewContext:
    """The pieces every view paints and acts with."""

    def __init__(self, data: CalendarData, actions: CalendarActions, thumbs: ThumbnailCache,
                 selection: Selection, locale: QLocale) -> None:
        self.data, self.actions, self.thumbs = data, actions, thumbs
        self.selection, self.locale = selection, locale
        self._time_texts: dict[tuple[int, int], str] = {}

    def time_text(self, moment: datetime) -> str:
        key = (moment.hour, moment.minute)
        text = self._time_texts.get(key)
        if text is None:
            text = self._time_texts[key] = self.locale.toString(
                QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
        return text

    def today(self) -> date:
        return planner.local_day(utc_now(), self.data.zone)


class CanvasView(QWidget):
    open_requested = Signal(str)
    new_requested = Signal(object)  # a date, or a datetime in the workspace zone
    more_requested = Signal(object, QPoint)  # the day whose "+N" was clicked, global position
    day_focused = Signal(object)
    page_requested = Signal(int)  # -1 previous, +1 next, 0 today (PageUp, PageDown, Home)

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        palette = self.palette()
        self.chip_painter = ChipPainter(self.font(), palette.color(QPalette.ColorRole.Highlight),
                                        palette.color(QPalette.ColorRole.Text))
        self._press: tuple[QPoint, str] | None = None
        self._drop_hint: Hit | None = None
        self._layout_cache = None  # the subclass's placed cells or chips, rebuilt on change
        ctx.data.changed.connect(self.invalidate)
        ctx.thumbs.ready.connect(lambda _path: self.update())

    def invalidate(self) -> None:
        self._layout_cache = None
        self.update()

    def resizeEvent(self, event) -> None:
        self._layout_cache = None
        super().resizeEvent(event)

    # -- for subclasses ------------------------------------------------------------------------

    def hit(self, pos: QPoint) -> Hit | None:
        raise NotImplementedError

    def days(self) -> list[date]:
        """The days shown, in order (keyboard navigation stays inside them)."""
        raise NotImplementedError

    def day_rect(self, day: date) -> QRect | None:
        """Where ``day`` is painted (a month cell, a week column), for partial repaints."""
        raise NotImplementedError

    def refresh_days(self, days) -> None:
        # A 2,000-post month costs ~15 ms to repaint whole: repaint only the days that changed.
        for day in set(days):
            rect = self.day_rect(day) if day is not None else None
            if rect is not None:
                self.update(rect)

    def _selection_days(self) -> set[date]:
        days = {self.ctx.selection.day}
        for post_id in self.ctx.selection.ids:
            chip = self.ctx.data.find(post_id)
            if chip is not None and chip.planned_at is not None:
                days.add(chip.local.date())
        return days

    def _set_hint(self, hit: Hit | None) -> None:
        old = self._drop_hint
        self._drop_hint = hit
        self.refresh_days([old.day if old else None, hit.day if hit else None])

    def paint_chip(self, p: QPainter, rect: QRect, chip: Chip, now: datetime) -> None:
        thumb = self.ctx.thumbs.get(chip.thumb) if chip.thumb else None
        self.chip_painter.paint(p, rect, chip, state_of(chip.states, chip.planned_at, now),
                                self.ctx.time_text(chip.local), thumb,
                                selected=chip.id in self.ctx.selection.ids,
                                faded=chip.id in self.ctx.actions.clipboard)

    def accent(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Highlight)

    def colors(self) -> tuple[QColor, QColor, QColor]:
        """The views' paint colours: background, text and muted text."""
        palette = self.palette()
        return (palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text),
                palette.color(QPalette.ColorRole.PlaceholderText))

    # -- mouse ---------------------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:
        hit = self.hit(event.position().toPoint())
        self._press = None
        if hit is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if hit.kind == "more":
            self.more_requested.emit(hit.day, event.globalPosition().toPoint())
            return
        before = self._selection_days()
        self.focus_day(hit.day, select_first=False)
        if hit.kind == "chip":
            ids = self.ctx.selection.ids
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                ids = [i for i in ids if i != hit.post_id] if hit.post_id in ids else ids + [
                    hit.post_id]
            elif hit.post_id not in ids:
                ids = [hit.post_id]
            self.ctx.selection.ids = ids
            self._press = (event.position().toPoint(), hit.post_id)
        else:
            self.ctx.selection.ids = []
        self.refresh_days(before | self._selection_days())

    def mouseMoveEvent(self, event) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        start, _post_id = self._press
        if (event.position().toPoint() - start).manhattanLength() < \
                QApplication.startDragDistance():
            return
        self._press = None
        self.start_drag(list(self.ctx.selection.ids))

    def start_drag(self, ids: list[str]) -> None:
        if not ids:
            return
        drag = QDrag(self)
        drag.setMimeData(posts_mime(ids))
        chip = self.ctx.data.find(ids[0])
        if chip is not None:
            pixmap = QPixmap(180, 22)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            self.paint_chip(painter, QRect(0, 0, 180, 22), chip, utc_now())
            painter.end()
            drag.setPixmap(pixmap)
        drag.exec(Qt.DropAction.MoveAction | Qt.DropAction.CopyAction,
                  Qt.DropAction.MoveAction)

    def mouseDoubleClickEvent(self, event) -> None:
        hit = self.hit(event.position().toPoint())
        if hit is None or hit.kind == "more":
            return
        if hit.kind == "chip":
            self.open_requested.emit(hit.post_id)
        else:
            self.new_requested.emit(hit.day if hit.wall is None else datetime.combine(
                hit.day, hit.wall, tzinfo=self.ctx.data.tz))

    # -- drop ----------------------------------------------------------------------------------

    def _accepts(self, mime: QMimeData) -> bool:
        return bool(ids_from_mime(mime) or files_from_mime(mime))

    def dragEnterEvent(self, event) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        hit = self.hit(event.position().toPoint())
        if hit is None or not self._accepts(event.mimeData()):
            event.ignore()
            return
        copy = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier) or \
            not event.mimeData().hasFormat(POSTS_MIME)
        event.setDropAction(Qt.DropAction.CopyAction if copy else Qt.DropAction.MoveAction)
        event.accept()
        if self._drop_hint is None or (hit.day, hit.wall) != (self._drop_hint.day,
                                                             self._drop_hint.wall):
            self._set_hint(hit)

    def dragLeaveEvent(self, event) -> None:
        self._set_hint(None)

    def dropEvent(self, event) -> None:
        self._set_hint(None)
        hit = self.hit(event.position().toPoint())
        mime = event.mimeData()
        if hit is None:
            event.ignore()
            return
        ids = ids_from_mime(mime)
        copy = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if ids:
            done = self.ctx.actions.move(ids, hit.day, hit.wall, copy=copy)
        else:
            done = self.ctx.actions.create_from_images(files_from_mime(mime), hit.day, hit.wall)
        if done:
            event.setDropAction(Qt.DropAction.CopyAction if copy else Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    # -- keyboard ------------------------------------------------------------------------------

    _OWN_KEYS = (QKeySequence.StandardKey.Cut, QKeySequence.StandardKey.Paste,
                 QKeySequence.StandardKey.Delete, QKeySequence.StandardKey.Undo,
                 QKeySequence.StandardKey.Redo)

    def event(self, event) -> bool:
        # Claim our keys before the window's menu shortcuts see them, so the same keys work with
        # and without a main window around the calendar.
        if event.type() == event.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if any(event.matches(k) for k in self._OWN_KEYS):
                event.accept()
                return True
        if event.type() == event.Type.ToolTip:
            self._show_tooltip(event)
            return True
        return super().event(event)

    def _show_tooltip(self, event) -> None:
        """The whole post on hover: a chip only has room for its first line."""
        hit = self.hit(event.pos())
        chip = self.ctx.data.find(hit.post_id) if hit and hit.kind == "chip" else None
        if chip is None:
            QToolTip.hideText()
            return
        names = {a.id: a.name for a in self.ctx.data.accounts}
        who = ", ".join(names.get(t.account_id, t.network) for t in chip.post.targets)
        text = chip.post.text[:500] or self.tr("(no text)")
        QToolTip.showText(event.globalPos(), f"{self.ctx.time_text(chip.local)}  {who}\n{text}",
                          self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        sel, actions = self.ctx.selection, self.ctx.actions
        key = event.key()
        before = self._selection_days()
        if event.matches(QKeySequence.StandardKey.Cut):
            actions.cut(sel.ids)
        elif event.matches(QKeySequence.StandardKey.Paste):
            sel.ids = actions.paste(sel.day) or sel.ids
        elif event.matches(QKeySequence.StandardKey.Delete) or key == Qt.Key.Key_Backspace:
            if actions.delete(sel.ids):
                sel.ids = []
        elif event.matches(QKeySequence.StandardKey.Undo):
            actions.undo_stack.undo()
        elif event.matches(QKeySequence.StandardKey.Redo):
            actions.undo_stack.redo()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.focus_day(sel.day + timedelta(days=-1 if key == Qt.Key.Key_Left else 1))
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step_chip(-1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.page_requested.emit(-1 if key == Qt.Key.Key_PageUp else 1)
            return
        elif key == Qt.Key.Key_Home:
            self.page_requested.emit(0)
            return
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if sel.ids:
                self.open_requested.emit(sel.ids[0])
            else:
                self.new_requested.emit(sel.day)
        else:
            super().keyPressEvent(event)
            return
        self.refresh_days(before | self._selection_days())
        self.announce()

    def announce(self) -> None:
        """Say what the keyboard is on, for screen readers: the painted grid has no children."""
        day = self.ctx.selection.day
        chips = self.ctx.data.chips_on(day)
        text = self.tr("{date}: {count} posts").format(
            date=self.ctx.locale.toString(QDate(day.year, day.month, day.day),
                                          QLocale.FormatType.LongFormat), count=len(chips))
        chosen = [c for c in chips if c.id in self.ctx.selection.ids]
        if chosen:
            text += " \u2014 " + self.tr("selected: {time} {text}").format(
                time=self.ctx.time_text(chosen[0].local), text=chosen[0].first_line)
        self.setAccessibleDescription(text)

    def focus_day(self, day: date, select_first: bool = True) -> None:
        before = self._selection_days()
        self.ctx.selection.day = day
        if select_first:
            chips = self.ctx.data.chips_on(day)
            self.ctx.selection.ids = [chips[0].id] if chips else []
        self.day_focused.emit(day)
        self.refresh_days(before | self._selection_days())

    def step_chip(self, step: int) -> None:
        chips = self.ctx.data.chips_on(self.ctx.selection.day)
        if not chips:
            return
        ids = [c.id for c in chips]
        current = self.ctx.selection.ids[0] if self.ctx.selection.ids else None
        index = ids.index(current) + step if current in ids else (0 if step > 0 else len(ids) - 1)
        self.ctx.selection.ids = [ids[max(0, min(index, len(ids) - 1))]]
