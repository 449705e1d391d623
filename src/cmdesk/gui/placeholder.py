# SPDX-License-Identifier: GPL-3.0-or-later
"""What the main window shows while the calendar or outbox module is not in the build."""

from __future__ import annotations

import calendar as pycalendar
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget


class PlaceholderCalendar(QWidget):
    """An empty month grid with the same navigation methods the real calendar offers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholder-calendar")
        self.current_date = date.today()
        self.view = "month"
        self._title = QLabel()
        self._title.setObjectName("month-title")
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self._title.setFont(font)
        self._grid = QGridLayout()
        self._grid.setSpacing(2)
        self._note = QLabel(self.tr("The calendar is not part of this build yet."))
        self._note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addLayout(self._grid, 1)
        layout.addWidget(self._note)
        self._render()

    def set_view(self, view: str) -> None:
        self.view = view

    def go_to_date(self, day: date) -> None:
        self.current_date = day
        self._render()

    def _render(self) -> None:
        while self._grid.count():
            self._grid.takeAt(0).widget().deleteLater()
        locale = QLocale()
        day = self.current_date
        self._title.setText(locale.toString(QDate(day.year, day.month, 1), "MMMM yyyy"))
        for column in range(7):
            name = QLabel(locale.dayName(column + 1, QLocale.FormatType.ShortFormat))
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._grid.addWidget(name, 0, column)
        weeks = pycalendar.Calendar(firstweekday=0).monthdayscalendar(day.year, day.month)
        for row, week in enumerate(weeks, start=1):
            for column, number in enumerate(week):
                cell = QLabel(str(number) if number else "")
                cell.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                cell.setFrameShape(QFrame.Shape.StyledPanel)
                cell.setMinimumSize(90, 70)
                if number == date.today().day and (day.year, day.month) == (
                    date.today().year,
                    date.today().month,
                ):
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self._grid.addWidget(cell, row, column)
