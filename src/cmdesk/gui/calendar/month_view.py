# SPDX-License-Identifier: GPL-3.0-or-later
"""The month grid: six painted weeks, chips stacked in each day, "+N" when a day overflows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette

from cmdesk.core.model import utc_now
from cmdesk.gui.calendar.canvas import CanvasView, Hit, ViewContext, blend
from cmdesk.gui.calendar.chips import Chip

DAY_NUMBER_H = 20
GAP = 2


@dataclass
class _Cell:
    day: date
    rect: QRect
    chips: list[tuple[QRect, Chip]]
    more: tuple[QRect, int] | None  # the "+N" row and N


def _signature(cell: _Cell) -> tuple:
    # Chips are replaced, never mutated, when their post changes: identity tells what changed.
    return (tuple(id(chip) for _rect, chip in cell.chips), cell.more and cell.more[1])


class MonthView(CanvasView):
    def __init__(self, ctx: ViewContext, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("calendar-month")
        self.anchor = ctx.selection.day
        self.setMinimumSize(420, 320)
        # The "Loading posts…" note crosses cells the change diff would not repaint.
        ctx.data.window_loaded.connect(lambda _key: self.update())

    def set_anchor(self, day: date) -> None:
        self.anchor = day
        super().invalidate()

    def invalidate(self) -> None:
        """Repaint only the days whose chips changed: a drop touches two cells, not 42."""
        old = self._layout_cache
        self._layout_cache = None
        if old is None or not self.isVisible():
            self.update()
            return
        new = self.cells()
        if len(new) != len(old):
            self.update()
            return
        for before, after in zip(old, new, strict=True):
            if before.day != after.day or _signature(before) != _signature(after):
                self.update(after.rect)

    def days(self) -> list[date]:
        return self.ctx.data.grid((self.anchor.year, self.anchor.month))

    def chip_height(self) -> int:
        return max(18, self.chip_painter.metrics.height() + 6)

    def header_height(self) -> int:
        return QFontMetrics(self.font()).height() + 8

    def cells(self) -> list[_Cell]:
        if self._layout_cache is None:
            self._layout_cache = self._layout()
        return self._layout_cache

    def _layout(self) -> list[_Cell]:
        top = self.header_height()
        width, height = self.width(), self.height() - top
        cells = []
        for index, day in enumerate(self.days()):
            row, col = divmod(index, 7)
            x0, x1 = col * width // 7, (col + 1) * width // 7
            y0, y1 = top + row * height // 6, top + (row + 1) * height // 6
            rect = QRect(x0, y0, x1 - x0, y1 - y0)
            chips = self.ctx.data.chips_on(day)
            usable = rect.height() - DAY_NUMBER_H - GAP
            tall = self.chip_painter.two_line_height()
            # Few posts: tall two-line chips show more text; many: one line each, then "+N".
            chip_h = tall if chips and len(chips) * (tall + GAP) <= usable else self.chip_height()
            room = max(0, usable // (chip_h + GAP))
            shown = chips if len(chips) <= room else chips[: max(0, room - 1)]
            y = y0 + DAY_NUMBER_H
            placed = []
            for chip in shown:
                placed.append((QRect(x0 + 3, y, rect.width() - 6, chip_h), chip))
                y += chip_h + GAP
            more = None
            if len(shown) < len(chips):
                more = (QRect(x0 + 3, y, rect.width() - 6, chip_h), len(chips) - len(shown))
            cells.append(_Cell(day, rect, placed, more))
        return cells

    def hit(self, pos: QPoint) -> Hit | None:
        for cell in self.cells():
            if not cell.rect.contains(pos):
                continue
            for rect, chip in cell.chips:
                if rect.contains(pos):
                    return Hit("chip", cell.day, chip.id)
            if cell.more and cell.more[0].contains(pos):
                return Hit("more", cell.day)
            return Hit("day", cell.day)
        return None

    def chip_rect(self, post_id: str) -> QRect | None:
        for cell in self.cells():
            for rect, chip in cell.chips:
                if chip.id == post_id:
                    return rect
        return None

    def day_rect(self, day: date) -> QRect | None:
        return next((c.rect for c in self.cells() if c.day == day), None)

    def more_rect(self, day: date) -> QRect | None:
        return next((c.more[0] for c in self.cells() if c.day == day and c.more), None)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        base, text, muted = self.colors()
        # Opaque blends and unantialiased lines: alpha fills and antialiased outlines cost a
        # third of a millisecond per cell on the raster engine, half the frame at 42 cells.
        shade, grid = blend(base, text, 0.04), blend(base, text, 0.16)
        hint = blend(base, self.accent(), 0.22)
        p.fillRect(event.rect(), base)
        self._paint_header(p, muted)
        today, now = self.ctx.today(), utc_now()
        # The region, not its bounding rect: a drop dirties two cells that may be far apart.
        region = event.region()
        cells = [c for c in self.cells() if region.intersects(c.rect)]
        for cell in cells:
            if self._drop_hint is not None and self._drop_hint.day == cell.day:
                p.fillRect(cell.rect, hint)
            elif cell.day.month != self.anchor.month:
                p.fillRect(cell.rect, shade)
        self._paint_grid(p, grid)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        more_text = self.tr("+{count} more")
        for cell in cells:
            if cell.day == self.ctx.selection.day and self.hasFocus():
                p.setPen(self.accent())
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(cell.rect.adjusted(1, 1, -2, -2))
            outside = cell.day.month != self.anchor.month
            self._paint_day_number(p, cell, today, muted if outside else text)
            for rect, chip in cell.chips:
                self.paint_chip(p, rect, chip, now)
            if cell.more:
                rect, count = cell.more
                p.setPen(self.accent())
                p.setFont(self.chip_painter.bold)
                p.drawText(rect.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter,
                           more_text.format(count=count))
        if not self.ctx.data.is_loaded(self.anchor):
            # A far jump paints the grid at once; say why it is still empty.
            p.setPen(muted)
            p.setFont(self.font())
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Loading posts\u2026"))
        p.end()

    def _paint_grid(self, p: QPainter, colour: QColor) -> None:
        cells = self.cells()
        p.setPen(colour)
        top, bottom = cells[0].rect.top(), cells[-1].rect.bottom()
        for cell in cells[:7]:
            p.drawLine(cell.rect.left(), top, cell.rect.left(), bottom)
        p.drawLine(self.width() - 1, top, self.width() - 1, bottom)
        for cell in cells[::7]:
            p.drawLine(0, cell.rect.top(), self.width(), cell.rect.top())
        p.drawLine(0, bottom, self.width(), bottom)

    def _paint_header(self, p: QPainter, muted: QColor) -> None:
        height = self.header_height()
        p.setPen(muted)
        p.setFont(self.font())
        locale = self.ctx.locale
        for col, day in enumerate(self.days()[:7]):
            x0, x1 = col * self.width() // 7, (col + 1) * self.width() // 7
            name = locale.standaloneDayName(day.isoweekday(), locale.FormatType.ShortFormat)
            p.drawText(QRect(x0, 0, x1 - x0, height), Qt.AlignmentFlag.AlignCenter, name)

    def _paint_day_number(self, p: QPainter, cell: _Cell, today: date, colour: QColor) -> None:
        label = str(cell.day.day)
        if cell.day.day == 1:  # the first of a month names it, so the grid edges read clearly
            label = self.ctx.locale.toString(QDate(cell.day.year, cell.day.month, 1), "d MMM")
        font = QFont(self.font())
        font.setBold(cell.day == today)
        width = QFontMetrics(font).horizontalAdvance(label) + 10
        rect = QRect(cell.rect.left() + 3, cell.rect.top() + 2, max(width, DAY_NUMBER_H),
                     DAY_NUMBER_H - 3)
        if cell.day == today:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self.accent())
            p.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            p.setPen(self.palette().color(QPalette.ColorRole.HighlightedText))
        else:
            p.setPen(colour)
        p.setFont(font)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
