# SPDX-License-Identifier: GPL-3.0-or-later
"""The week: seven day columns over a 24-hour grid; drops land on the quarter hour under the
pointer. Posts share half-hour rows; a crowded row shows its first post and "+N"."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import QDate, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from cmdesk.core.model import utc_now
from cmdesk.core.schedule import planner
from cmdesk.gui.calendar.canvas import CanvasView, Hit, ViewContext, blend
from cmdesk.gui.calendar.chips import Chip

GUTTER_W = 56  # hour labels
AUTOSCROLL_EDGE = 28  # px from the visible top or bottom where a drag starts scrolling
AUTOSCROLL_MS = 40
BUCKET_MIN = 30


class WeekGrid(CanvasView):
    def __init__(self, ctx: ViewContext, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("calendar-week-grid")
        self.start = planner.week_start(ctx.selection.day, ctx.data.first_weekday)
        # Two half-hour rows per hour, each tall enough for a two-line chip in this font.
        self.hour_h = 2 * (self.chip_painter.two_line_height() + 2)
        self.setMinimumHeight(24 * self.hour_h)
        self.scroll_area: QScrollArea | None = None  # set by WeekView
        # Dragging a post to 21:00 while 8:00-17:00 is on screen: hovering near an edge scrolls.
        self._autoscroll_step = 0
        self._autoscroll = QTimer(self, interval=AUTOSCROLL_MS)
        self._autoscroll.timeout.connect(self._scroll_step)

    def dragMoveEvent(self, event) -> None:
        super().dragMoveEvent(event)
        self._update_autoscroll(event.position().toPoint())

    def dragLeaveEvent(self, event) -> None:
        self._autoscroll.stop()
        super().dragLeaveEvent(event)

    def dropEvent(self, event) -> None:
        self._autoscroll.stop()
        super().dropEvent(event)

    def _update_autoscroll(self, pos: QPoint) -> None:
        if self.scroll_area is None:
            return
        viewport = self.scroll_area.viewport()
        y = self.mapTo(viewport, pos).y()
        if y < AUTOSCROLL_EDGE:
            self._autoscroll_step = -self.hour_h // 4
        elif y > viewport.height() - AUTOSCROLL_EDGE:
            self._autoscroll_step = self.hour_h // 4
        else:
            self._autoscroll_step = 0
        if self._autoscroll_step and not self._autoscroll.isActive():
            self._autoscroll.start()
        elif not self._autoscroll_step:
            self._autoscroll.stop()

    def _scroll_step(self) -> None:
        bar = self.scroll_area.verticalScrollBar()
        bar.setValue(bar.value() + self._autoscroll_step)

    def set_start(self, start: date) -> None:
        self.start = start
        self.invalidate()

    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(7)]

    def day_rect(self, day: date) -> QRect | None:
        days = self.days()
        return self.column(days.index(day)) if day in days else None

    def column(self, index: int) -> QRect:
        width = self.width() - GUTTER_W
        x0 = GUTTER_W + index * width // 7
        x1 = GUTTER_W + (index + 1) * width // 7
        return QRect(x0, 0, x1 - x0, 24 * self.hour_h)

    def items(self) -> list[tuple[QRect, Chip, int]]:
        """(rect, first chip, how many more) per occupied half-hour row."""
        if self._layout_cache is None:
            placed = []
            for index, day in enumerate(self.days()):
                col = self.column(index)
                buckets: dict[int, list[Chip]] = {}
                for chip in self.ctx.data.chips_on(day):
                    minute = chip.local.hour * 60 + chip.local.minute
                    buckets.setdefault(minute // BUCKET_MIN, []).append(chip)
                for bucket, chips in buckets.items():
                    y = bucket * BUCKET_MIN * self.hour_h // 60
                    rect = QRect(col.left() + 2, y + 1, col.width() - 4, self.hour_h // 2 - 2)
                    placed.append((rect, chips[0], len(chips) - 1))
            self._layout_cache = placed
        return self._layout_cache

    def more_width(self) -> int:
        return QFontMetrics(self.chip_painter.bold).horizontalAdvance("+99") + 8

    def hit(self, pos: QPoint) -> Hit | None:
        if pos.x() < GUTTER_W or not 0 <= pos.y() < 24 * self.hour_h:
            return None
        index = min(6, (pos.x() - GUTTER_W) * 7 // max(1, self.width() - GUTTER_W))
        day = self.days()[index]
        for rect, chip, more in self.items():
            if rect.contains(pos):
                if more and pos.x() >= rect.right() - self.more_width():
                    return Hit("more", day)
                return Hit("chip", day, chip.id)
        minutes = pos.y() * 60 / self.hour_h
        wall = planner.snap(time(int(minutes // 60), int(minutes % 60)))
        return Hit("day", day, wall=wall)

    def y_of(self, wall: time) -> int:
        return (wall.hour * 60 + wall.minute) * self.hour_h // 60

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        base, text, muted = self.colors()
        # Opaque blends, lines without antialiasing: see MonthView.paintEvent.
        p.fillRect(event.rect(), base)
        line, half = blend(base, text, 0.14), blend(base, text, 0.06)
        today = self.ctx.today()
        if today in self.days():
            p.fillRect(self.column(self.days().index(today)), blend(base, self.accent(), 0.07))
        p.setPen(line)
        for index in range(7):
            col = self.column(index)
            p.drawLine(col.topLeft(), col.bottomLeft())
        p.setFont(self.font())
        first = max(0, event.rect().top() // self.hour_h)
        last = min(24, event.rect().bottom() // self.hour_h + 1)
        for hour in range(first, last):
            y = hour * self.hour_h
            p.setPen(line)
            p.drawLine(GUTTER_W, y, self.width(), y)
            p.setPen(half)
            p.drawLine(GUTTER_W, y + self.hour_h // 2, self.width(), y + self.hour_h // 2)
            p.setPen(muted)
            p.drawText(QRect(0, y + 2, GUTTER_W - 8, 16),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                       self.ctx.time_text(utc_now().replace(hour=hour, minute=0)))
        if self._drop_hint is not None and self._drop_hint.wall is not None:
            index = self.days().index(self._drop_hint.day)
            col = self.column(index)
            y = self.y_of(self._drop_hint.wall)
            p.fillRect(QRect(col.left(), y, col.width(), self.hour_h // 4),
                       blend(base, self.accent(), 0.4))
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_now_line(p, today)
        now = utc_now()
        for rect, chip, more in self.items():
            if not rect.intersects(event.rect()):
                continue
            if more:
                chip_rect = rect.adjusted(0, 0, -self.more_width(), 0)
                self.paint_chip(p, chip_rect, chip, now)
                p.setPen(self.accent())
                p.setFont(self.chip_painter.bold)
                p.drawText(QRect(chip_rect.right() + 2, rect.top(), self.more_width(),
                                 rect.height()), Qt.AlignmentFlag.AlignCenter,
                           self.tr("+{count}").format(count=more))
            else:
                self.paint_chip(p, rect, chip, now)
        self._paint_drop_time(p)
        p.end()

    def _paint_drop_time(self, p: QPainter) -> None:
        """The time a drop would set, on top of everything: 15-minute steps are hard to see."""
        hint = self._drop_hint
        if hint is None or hint.wall is None:
            return
        col = self.column(self.days().index(hint.day))
        label = self.ctx.time_text(utc_now().replace(hour=hint.wall.hour, minute=hint.wall.minute))
        width = QFontMetrics(self.chip_painter.bold).horizontalAdvance(label) + 10
        height = QFontMetrics(self.chip_painter.bold).height() + 4
        box = QRect(col.right() - width - 2, self.y_of(hint.wall) - height - 1, width, height)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.accent())
        p.drawRoundedRect(box, 4, 4)
        p.setPen(self.palette().color(QPalette.ColorRole.HighlightedText))
        p.setFont(self.chip_painter.bold)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_now_line(self, p: QPainter, today: date) -> None:
        if today not in self.days():
            return
        local = planner.to_local(utc_now(), self.ctx.data.zone)
        col = self.column(self.days().index(today))
        y = self.y_of(local.time())
        p.setPen(QColor(220, 60, 60))
        p.drawLine(col.left(), y, col.right(), y)


class WeekHeader(QWidget):
    """Weekday and date above each column; today stands out."""

    def __init__(self, grid: WeekGrid, parent=None) -> None:
        super().__init__(parent)
        self.grid = grid
        self.setFixedHeight(QFontMetrics(self.font()).height() * 2 + 10)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        locale, today = self.grid.ctx.locale, self.grid.ctx.today()
        offset = self.grid.mapTo(self.window(), QPoint(0, 0)).x() - self.mapTo(
            self.window(), QPoint(0, 0)).x()
        for index, day in enumerate(self.grid.days()):
            col = self.grid.column(index).translated(offset, 0)
            rect = QRect(col.left(), 0, col.width(), self.height())
            name = locale.standaloneDayName(day.isoweekday(), locale.FormatType.ShortFormat)
            number = locale.toString(QDate(day.year, day.month, day.day), "d MMM")
            font = QFont(self.font())
            if day == today:
                font.setBold(True)
                pill = QRect(rect.left() + 4, rect.top() + 3, rect.width() - 8, rect.height() - 6)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(palette.color(QPalette.ColorRole.Highlight))
                p.drawRoundedRect(pill, 6, 6)
                p.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            else:
                p.setPen(palette.color(QPalette.ColorRole.WindowText))
            p.setFont(font)
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{name}\n{number}")
        p.end()


class WeekView(QWidget):
    """Header plus the scrollable grid; opens scrolled to the working day."""

    def __init__(self, ctx: ViewContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar-week")
        self.grid = WeekGrid(ctx)
        self.header = WeekHeader(self.grid)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.grid)
        self.grid.scroll_area = self.scroll_area
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll_area, 1)
        self.scroll_area.verticalScrollBar().setValue(8 * self.grid.hour_h)
        ctx.data.changed.connect(self.header.update)

    def set_start(self, start: date) -> None:
        self.grid.set_start(start)
        self.header.update()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.scroll_area.verticalScrollBar().value() == 0:
            self.scroll_area.verticalScrollBar().setValue(8 * self.grid.hour_h)
