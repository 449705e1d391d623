# SPDX-License-Identifier: GPL-3.0-or-later
"""CalendarWidget: the month, week and agenda views, drafts, filters, undo, import and export.

The shell embeds it as the central widget and drives it through the slots below (previous, next,
today, go_to_date, set_view, cut, paste, delete_selected, import_csv, export, reload).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import SIGNAL, QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cmdesk.core.schedule import planner
from cmdesk.gui.calendar.actions import CalendarActions
from cmdesk.gui.calendar.agenda_view import AgendaView, DayPopup
from cmdesk.gui.calendar.canvas import Selection, ViewContext
from cmdesk.gui.calendar.data import CalendarData
from cmdesk.gui.calendar.drafts import DraftsPanel
from cmdesk.gui.calendar.filter_bar import FilterBar
from cmdesk.gui.calendar.month_view import MonthView
from cmdesk.gui.calendar.thumbnails import ThumbnailCache
from cmdesk.gui.calendar.transfer import Transfer
from cmdesk.gui.calendar.week_view import WeekView

VIEWS = ("month", "week", "agenda")
MESSAGE_MS = 9000  # long enough to read two lines, short enough not to linger
CLOCK_TICK_MS = 60_000  # repaint for "late" states and the now line


class CalendarWidget(QWidget):
    new_post_requested = Signal(object)  # an aware datetime in the workspace zone
    open_post_requested = Signal(str)  # a post id
    message_shown = Signal(str)
    view_changed = Signal(str)
    date_changed = Signal(object)  # the focused date

    def __init__(self, services, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar")
        self.services, self.runner = services, runner
        self.undo_stack = QUndoStack(self)
        self.qlocale = QLocale()  # not self.locale: that would hide QWidget.locale()
        self.data = CalendarData(services, runner, self)
        self.data.first_weekday = self.qlocale.firstDayOfWeek().value - 1
        # Not self.actions: that would hide QWidget.actions(), which menus and Qt use.
        self.gestures = CalendarActions(self.data, self.undo_stack, self)
        self.gestures.confirm_past = self._confirm_past
        cache = getattr(getattr(services, "paths", None), "cache", None)
        self.thumbs = ThumbnailCache(runner, cache, self)
        self.selection = Selection(day=planner.local_day(self.gestures.now(), self.data.zone))
        self.ctx = ViewContext(self.data, self.gestures, self.thumbs, self.selection, self.qlocale)
        self.transfer = Transfer(self)
        self.view = "month"
        self._build()
        self.gestures.message.connect(self.show_message)
        self.data.kept.connect(lambda texts: self.show_message(self.tr(
            "\u201c{post}\u201d was published meanwhile: it was left as it is.").format(
                post=(texts[0].splitlines() or [""])[0][:40])))
        self.data.load_failed.connect(lambda reason: self.show_message(self.tr(
            "The posts of this month could not be read ({reason}). Nothing was changed; "
            "try again with Today or the arrows.").format(reason=reason)))
        self.data.accounts_changed.connect(
            lambda: self.filters.set_accounts(self.data.accounts))
        self.data.window_loaded.connect(lambda _key: self._refresh_title())
        self._clock = QTimer(self, interval=CLOCK_TICK_MS)
        self._clock.timeout.connect(lambda: self.current_view().update())
        self._clock.start()
        self.reload()

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.prev_button = self._tool("\u25c0", self.tr("Previous"), self.previous)
        self.today_button = self._tool(self.tr("Today"), self.tr("Go to today"), self.today)
        self.next_button = self._tool("\u25b6", self.tr("Next"), self.next)
        self.title = QLabel()
        self.title.setObjectName("calendar-title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.date_edit = QDateEdit(calendarPopup=True)
        self.date_edit.setObjectName("calendar-jump")
        self.date_edit.setToolTip(self.tr("Jump to a date"))
        self.date_edit.dateChanged.connect(lambda d: self.go_to_date(d.toPython()))
        self.view_buttons = QButtonGroup(self)
        labels = {"month": self.tr("Month"), "week": self.tr("Week"), "agenda": self.tr("Agenda")}
        top = QHBoxLayout()
        for widget in (self.prev_button, self.today_button, self.next_button):
            top.addWidget(widget)
        top.addSpacing(8)
        top.addWidget(self.title, 1)
        top.addWidget(self.date_edit)
        for name in VIEWS:
            button = self._tool(labels[name], labels[name], lambda n=name: self.set_view(n))
            button.setCheckable(True)
            button.setObjectName(f"view-{name}")
            self.view_buttons.addButton(button)
            top.addWidget(button)
        self.filters = FilterBar()
        self.filters.filter_changed.connect(self.data.set_filter)
        self.banner = QLabel()
        self.banner.setObjectName("calendar-message")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel { background: palette(alternate-base); padding: 6px;"
                                  " border-left: 4px solid palette(highlight); }")
        self.banner.hide()
        self._banner_timer = QTimer(self, singleShot=True, interval=MESSAGE_MS)
        self._banner_timer.timeout.connect(self.banner.hide)

        self.month = MonthView(self.ctx)
        self.week = WeekView(self.ctx)
        self.agenda = AgendaView(self.ctx)
        self.stack = QStackedWidget()
        for view in (self.month, self.week, self.agenda):
            self.stack.addWidget(view)
        for canvas in (self.month, self.week.grid):
            canvas.open_requested.connect(self._open_post)
            canvas.new_requested.connect(self._new_post)
            canvas.more_requested.connect(self.open_day)
            canvas.day_focused.connect(self._follow_focus)
            canvas.page_requested.connect(
                lambda step: self.today() if step == 0 else self._step(step))
        self.agenda.open_requested.connect(self._open_post)
        self.agenda.day_focused.connect(lambda d: self.date_changed.emit(d))
        self.drafts = DraftsPanel(self.ctx)
        self.drafts.list.open_requested.connect(self._open_post)
        splitter = QSplitter()
        splitter.addWidget(self.stack)
        splitter.addWidget(self.drafts)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([900, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self._sync_views()

    def _tool(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- navigation (the shell's menus call these) ---------------------------------------------

    @property
    def current_date(self) -> date:
        return self.selection.day

    def current_view(self) -> QWidget:
        return {"month": self.month, "week": self.week.grid, "agenda": self.agenda}[self.view]

    def set_view(self, view: str) -> None:
        if view not in VIEWS:
            raise ValueError(f"unknown calendar view {view!r}")
        self.view = view
        self._sync_views()
        self.view_changed.emit(view)

    def previous(self) -> None:
        self._step(-1)

    def next(self) -> None:
        self._step(1)

    def today(self) -> None:
        self.go_to_date(planner.local_day(self.gestures.now(), self.data.zone))

    go_today = today

    def go_to_date(self, day: date | QDate | datetime) -> None:
        if isinstance(day, QDate):
            day = day.toPython()
        if isinstance(day, datetime):
            day = day.date()
        self.selection.day = day
        self._sync_views()
        self.date_changed.emit(day)

    def reload(self) -> None:
        self.data.reload(self.selection.day)

    def _step(self, direction: int) -> None:
        day = self.selection.day
        if self.view == "week":
            self.go_to_date(day + timedelta(days=7 * direction))
            return
        index = day.year * 12 + day.month - 1 + direction
        year, month = divmod(index, 12)
        first = date(year, month + 1, 1)
        last_day = ((first + timedelta(days=32)).replace(day=1) - timedelta(days=1)).day
        self.go_to_date(first.replace(day=min(day.day, last_day)))

    def _follow_focus(self, day: date) -> None:
        # Keyboard navigation past the edge of the month or week turns the page.
        if self.view == "month" and (day.year, day.month) != (self.month.anchor.year,
                                                              self.month.anchor.month):
            self.go_to_date(day)
        elif self.view == "week" and day not in self.week.grid.days():
            self.go_to_date(day)
        else:
            self.date_changed.emit(day)

    def _sync_views(self) -> None:
        day = self.selection.day
        self.data.ensure(day)
        self.month.set_anchor(day)
        self.week.set_start(planner.week_start(day, self.data.first_weekday))
        self.agenda.set_anchor(day)
        self.stack.setCurrentWidget({"month": self.month, "week": self.week,
                                     "agenda": self.agenda}[self.view])
        for button in self.view_buttons.buttons():
            button.setChecked(button.objectName() == f"view-{self.view}")
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.blockSignals(False)
        self._refresh_title()

    def _refresh_title(self) -> None:
        day, locale = self.selection.day, self.qlocale
        if self.view == "week":
            start = planner.week_start(day, self.data.first_weekday)
            end = start + timedelta(days=6)
            text = "{} \u2013 {}".format(
                locale.toString(QDate(start.year, start.month, start.day), "d MMM"),
                locale.toString(QDate(end.year, end.month, end.day), "d MMM yyyy"))
        else:
            month = locale.standaloneMonthName(day.month, QLocale.FormatType.LongFormat)
            text = f"{month[:1].upper()}{month[1:]} {day.year}"
        if not self.data.is_loaded(day):
            text += " \u2026"
        self.title.setText(text)

    # -- editing (keyboard and Edit menu) ------------------------------------------------------

    def selected_ids(self) -> list[str]:
        if self.drafts.list.hasFocus():
            return self.drafts.list.selected_ids()
        if self.view == "agenda":
            return self.agenda.selected_ids()
        return list(self.selection.ids)

    def cut(self) -> None:
        self.gestures.cut(self.selected_ids())
        self.current_view().update()

    def paste(self) -> None:
        self.selection.ids = self.gestures.paste(self.selection.day) or self.selection.ids

    def delete_selected(self) -> None:
        if self.gestures.delete(self.selected_ids()):
            self.selection.ids = []

    delete = delete_selected

    def add_to_queue(self) -> None:
        self.gestures.add_to_queue(self.selected_ids())

    def open_day(self, day: date, pos=None) -> DayPopup:
        popup = DayPopup(self.ctx, day, self)
        popup.open_requested.connect(self._open_post)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        popup.show_at(pos if pos is not None else self.mapToGlobal(self.rect().center()))
        self._day_popup = popup
        return popup

    # -- import / export (File menu) -----------------------------------------------------------

    def import_csv(self, path: str | Path) -> None:
        self.transfer.import_csv(Path(path))

    def export(self, path: str | Path, fmt: str | None = None) -> None:
        self.transfer.export(Path(path), fmt)

    # -- messages and other windows ------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()
        self._banner_timer.start()
        self.message_shown.emit(text)

    def _confirm_past(self, count: int) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Plan in the past?"),
            self.tr("This time has already passed. The post will be treated as late and may "
                    "go out as soon as it is saved. Plan it anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _new_post(self, when) -> None:
        if not isinstance(when, datetime):
            resolved = planner.resolve_local(when, planner.DEFAULT_TIME, self.data.zone)
            when = planner.to_local(resolved.instant, self.data.zone)
        self.new_post_requested.emit(when)
        if self.receivers(SIGNAL("new_post_requested(PyObject)")) == 0:
            self._open_composer(None, when)

    def _open_post(self, post_id: str) -> None:
        self.open_post_requested.emit(post_id)
        if self.receivers(SIGNAL("open_post_requested(QString)")) == 0:
            self._open_composer(post_id, None)

    def _open_composer(self, post_id: str | None, when: datetime | None) -> None:
        """Open the composer unless the shell listens to the requests itself."""
        try:
            from cmdesk.gui.composer import ComposerDialog
        except ImportError:
            self.show_message(self.tr("The composer is not available in this build."))
            return
        try:
            dialog = ComposerDialog(self.services, self.runner, post_id, self, planned_at=when)
        except TypeError:  # an older composer without the keyword: it picks its own time
            dialog = ComposerDialog(self.services, self.runner, post_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # What the composer saves comes back through the store's change feed (data.reload).
        dialog.open()
