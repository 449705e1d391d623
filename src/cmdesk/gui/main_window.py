# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window: menus, the calendar in the middle, the outbox in a dock, a status bar.

It only assembles: the calendar, outbox and dialogs come from their own packages (plugins.py),
storage work goes through the TaskRunner, and the dialogs it opens live in window_actions.py.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QByteArray, QDate, QLocale, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QWidget

from cmdesk import APP_NAME
from cmdesk.core.services import Services
from cmdesk.gui.menus import build_menus
from cmdesk.gui.placeholder import PlaceholderCalendar
from cmdesk.gui.plugins import call_if_present, plugin
from cmdesk.gui.status import StatusPanel, next_due
from cmdesk.gui.tasks import TaskRunner
from cmdesk.gui.theme import app_icon
from cmdesk.gui.window_actions import WindowActions

log = logging.getLogger(__name__)

VIEWS = ("month", "week", "agenda")
QUIT_WARNING_MINUTES = 15
NEXT_DUE_HORIZON_DAYS = 62
REFRESH_DELAY_MS = 300  # coalesce bursts of store changes (an import) into one status refresh


class MainWindow(WindowActions, QMainWindow):
    workspace_loaded = Signal()
    load_failed = Signal(object)  # the exception
    quit_confirmed = Signal()
    _store_changed = Signal()

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        settings: QSettings,
        *,
        view: str | None = None,
        day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.settings = settings
        self.setObjectName("main-window")
        self.setWindowIcon(app_icon())
        self.loaded = False
        self.quitting = False
        self.tray = None  # set by the app when a system tray exists
        self.undo_group = QUndoGroup(self)
        self._own_stack = QUndoStack(self)  # keeps Undo/Redo well-defined before the calendar
        self.undo_group.addStack(self._own_stack)
        self.undo_group.setActiveStack(self._own_stack)
        self.calendar: QWidget = PlaceholderCalendar(self)
        self.setCentralWidget(self.calendar)
        self.outbox_dock = QDockWidget(self.tr("Outbox"), self)
        self.outbox_dock.setObjectName("outbox-dock")
        self.outbox_dock.setMinimumWidth(300)
        self.outbox_dock.setWidget(QLabel(self.tr("Loading…")))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.outbox_dock)
        self.status = StatusPanel(self.statusBar())
        self.actions_ = build_menus(self)
        self.current_view = view or str(settings.value("window/view", "month"))
        if self.current_view not in VIEWS:
            self.current_view = "month"
        self.current_date = day or self._remembered_date()
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh_status)
        self._store_changed.connect(self._refresh_timer.start)
        self._minute = QTimer(self, interval=60_000)
        self._minute.timeout.connect(self.refresh_status)
        self._restore_geometry()
        self.set_view(self.current_view)
        self.go_to_date(self.current_date)

    # -- loading -----------------------------------------------------------------------------

    def load(self, *, demo: bool = False) -> None:
        """Open the workspace off the GUI thread (and fill the demo); then build the widgets."""

        def work():
            workspace = self.services.workspace
            if demo:
                from cmdesk.core.demo import fill_demo

                fill_demo(workspace)
            return workspace

        self.runner.run_storage(work, self._on_loaded, self.load_failed.emit)

    def _on_loaded(self, workspace) -> None:
        self._install_plugins()
        # The store calls listeners on its writer thread: a signal hops to the GUI thread.
        workspace.subscribe(lambda _changes: self._store_changed.emit())
        self.loaded = True
        self._minute.start()
        self.refresh_status()
        log.info("workspace loaded: %s", self.services.paths.data)
        self.workspace_loaded.emit()

    def _install_plugins(self) -> None:
        calendar_class = plugin("calendar")
        if calendar_class is not None:
            try:
                calendar = calendar_class(self.services, self.runner, parent=self)
            except Exception:
                log.exception("the calendar failed to start: keeping the placeholder")
            else:
                self.calendar.deleteLater()
                self.calendar = calendar
                self.setCentralWidget(calendar)
                # The calendar has its own toolbar too: follow it so the menus and the saved
                # state stay true.
                if hasattr(calendar, "view_changed"):
                    calendar.view_changed.connect(self._follow_view)
                if hasattr(calendar, "date_changed"):
                    calendar.date_changed.connect(self._follow_date)
                stack = getattr(calendar, "undo_stack", None)
                if isinstance(stack, QUndoStack):
                    self.adopt_undo_stack(stack)
                self.set_view(self.current_view)
                self.go_to_date(self.current_date)
        outbox_class = plugin("outbox")
        panel = None
        if outbox_class is not None:
            try:
                panel = outbox_class(self.services, self.runner, parent=self.outbox_dock)
            except Exception:
                log.exception("the outbox failed to start")
        if panel is None:
            panel = QLabel(self.tr("The outbox is not part of this build yet."))
            panel.setWordWrap(True)
        old = self.outbox_dock.widget()
        self.outbox_dock.setWidget(panel)
        if old is not None:
            old.deleteLater()

    def adopt_undo_stack(self, stack: QUndoStack, *, active: bool = True) -> None:
        """The hook for widgets with their own undo history (the calendar, a dialog)."""
        self.undo_group.addStack(stack)
        if active:
            self.undo_group.setActiveStack(stack)

    # -- navigation ----------------------------------------------------------------------------

    def set_view(self, view: str) -> None:
        self._follow_view(view)
        call_if_present(self.calendar, "set_view", view)

    def go_to_date(self, day: date) -> None:
        self._follow_date(day)
        call_if_present(self.calendar, "go_to_date", day)

    def _follow_view(self, view: str) -> None:
        if view in self.actions_.views:
            self.current_view = view
            self.actions_.views[view].setChecked(True)

    def _follow_date(self, day: date) -> None:
        self.current_date = day
        self._update_title()

    def go_today(self) -> None:
        self.go_to_date(date.today())

    def forward(self, method: str) -> None:
        """Edit actions act on the calendar's selection, when the calendar offers them."""
        if not call_if_present(self.calendar, method):
            self.statusBar().showMessage(self.tr("Nothing to do here."), 3000)

    def _update_title(self) -> None:
        day = QDate(self.current_date.year, self.current_date.month, self.current_date.day)
        month = QLocale().toString(day, "MMMM yyyy")
        self.setWindowTitle(f"{month} – {APP_NAME}")

    # -- status --------------------------------------------------------------------------------

    def refresh_status(self) -> None:
        if not self.loaded:
            return
        now = datetime.now(UTC)
        posts = self.services.workspace.posts

        workspace = self.services.workspace

        def work():
            from cmdesk.core.schedule.planner import workspace_zone

            upcoming = posts.between(now, now + timedelta(days=NEXT_DUE_HORIZON_DAYS))
            return next_due(upcoming, now), workspace_zone(workspace)

        self.runner.run_storage(work, lambda found: self.status.set_next_due(*found),
                                owner=self.status)

    # -- state across sessions -----------------------------------------------------------------

    def _remembered_date(self) -> date:
        # The last date comes back only on the day it was left: tomorrow, "today" is what matters.
        saved_on = self.settings.value("window/saved_on", "")
        last = self.settings.value("window/date", "")
        if saved_on == date.today().isoformat() and last:
            try:
                return date.fromisoformat(str(last))
            except ValueError:
                pass
        return date.today()

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            state = self.settings.value("window/state")
            if isinstance(state, QByteArray):
                self.restoreState(state)
        else:
            self.resize(1280, 800)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/view", self.current_view)
        self.settings.setValue("window/date", self.current_date.isoformat())
        self.settings.setValue("window/saved_on", date.today().isoformat())
        self.settings.sync()

    # -- closing -------------------------------------------------------------------------------

    def bring_forward(self) -> None:
        log.info("window brought forward")
        self.showNormal() if self.isMinimized() else self.show()
        self.raise_()
        self.activateWindow()

    def show_outbox(self) -> None:
        self.bring_forward()
        self.outbox_dock.show()
        self.outbox_dock.raise_()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.quitting:
            event.accept()
            return
        event.ignore()
        if self.tray is None or not self.tray.available():
            self.request_quit()
            return
        # Closing is not quitting: the publisher keeps going from the tray.
        self.hide()
        if not self.settings.value("tray/notice_shown", False, type=bool):
            self.settings.setValue("tray/notice_shown", True)
            self.tray.icon.showMessage(
                self.tr("cmdesk is still running"),
                self.tr("Scheduled posts keep going out. Use Quit in the tray menu to stop."),
            )

    def request_quit(self) -> None:
        """Quit, after asking when posts are due soon (they would not go out)."""
        if not self.loaded:
            self._confirm_quit(None)
            return
        now = datetime.now(UTC)
        posts = self.services.workspace.posts

        def work():
            soon = posts.between(now, now + timedelta(minutes=QUIT_WARNING_MINUTES))
            return [p for p in soon if next_due([p], now) is not None]

        self.runner.run_storage(work, self._confirm_quit)

    def _confirm_quit(self, due_soon) -> None:
        if due_soon:
            answer = QMessageBox.question(
                self,
                self.tr("Posts are due soon"),
                self.tr(
                    "{count} posts are due in the next {minutes} minutes and will not be sent "
                    "while cmdesk is closed. Quit anyway?"
                ).format(count=len(due_soon), minutes=QUIT_WARNING_MINUTES),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.quitting = True
        self.save_state()
        self.quit_confirmed.emit()
