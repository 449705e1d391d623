# SPDX-License-Identifier: GPL-3.0-or-later
"""The agenda (every post of the month as a list) and the popup listing one crowded day."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from cmdesk.gui.calendar.canvas import ViewContext
from cmdesk.gui.calendar.chip_list import ROW_H, ChipList, chips_between


class AgendaView(ChipList):
    day_focused = Signal(object)

    def __init__(self, ctx: ViewContext, parent=None) -> None:
        super().__init__(ctx, with_dates=True, parent=parent)
        self.setObjectName("calendar-agenda")
        self.anchor = ctx.selection.day
        self._stale = True
        ctx.data.changed.connect(self.refresh)
        self.clicked.connect(self._focus_row)

    def set_anchor(self, day: date) -> None:
        self.anchor = day
        self.refresh()

    def refresh(self) -> None:
        if not self.isVisible():
            self._stale = True  # hidden: refill when shown, not on every change or page turn
            return
        self._stale = False
        first = self.anchor.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        self.set_chips(chips_between(self.ctx, first, last))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _focus_row(self, index) -> None:
        chip = index.data(Qt.ItemDataRole.UserRole + 1)
        self.ctx.selection.day = chip.local.date()
        self.ctx.selection.ids = self.selected_ids()
        self.day_focused.emit(self.ctx.selection.day)


class DayPopup(QFrame):
    """What "+N" opens: the whole day as a list; chips drag out of it onto the calendar."""

    open_requested = Signal(str)

    def __init__(self, ctx: ViewContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("calendar-day-popup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.day = day
        title = QLabel(ctx.locale.toString(QDate(day.year, day.month, day.day),
                                           ctx.locale.FormatType.LongFormat))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.list = ChipList(ctx, with_dates=False)
        chips = ctx.data.chips_on(day)
        self.list.set_chips(chips)
        self.list.open_requested.connect(self.open_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addWidget(self.list)
        self.resize(340, min(480, 40 + ROW_H * max(3, len(chips)) + 8))

    def show_at(self, pos: QPoint) -> None:
        self.move(pos)
        self.show()
