# SPDX-License-Identifier: GPL-3.0-or-later
"""What the menus open: composer, accounts, preferences, import/export, go-to-date, about.

A mixin of MainWindow, kept apart so the window file stays about layout and state. Texts use
``translate("WindowActions", ...)`` because ``self.tr`` would take MainWindow's context.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QVBoxLayout,
)

from cmdesk import __version__
from cmdesk.core.i18n import translate
from cmdesk.gui.plugins import call_if_present, plugin

log = logging.getLogger(__name__)


class WindowActions:
    """Needs ``services``, ``runner``, ``calendar`` and ``go_to_date`` from the window."""

    def _open_plugin(self, name: str, *args, **kwargs) -> QDialog | None:
        dialog_class = plugin(name)
        if dialog_class is None:
            self._not_in_build()
            return None
        dialog = dialog_class(self.services, self.runner, *args, parent=self, **kwargs)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def new_post(self) -> None:
        self._open_plugin("composer", post_id=None)

    def add_to_queue(self) -> None:
        # The calendar knows the selection and the queue slots; the composer is the fallback.
        if not call_if_present(self.calendar, "add_to_queue"):
            self.new_post()

    def open_accounts(self) -> None:
        self._open_plugin("accounts")

    def open_preferences(self) -> None:
        from cmdesk.gui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.services, self.runner, self.settings, parent=self)
        dialog.show()

    def import_posts(self) -> None:
        # The calendar previews the rows and makes the import one undoable step.
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("WindowActions", "Import posts"),
            str(Path.home()),
            translate("WindowActions", "CSV files (*.csv);;All files (*)"),
        )
        if path and not call_if_present(self.calendar, "import_csv", path):
            self._not_in_build()

    def export_posts(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("WindowActions", "Export posts"),
            str(Path.home() / "cmdesk.csv"),
            translate("WindowActions", "CSV (*.csv);;iCalendar (*.ics)"),
        )
        if path and not call_if_present(self.calendar, "export", path):
            self._not_in_build()

    def _not_in_build(self) -> None:
        QMessageBox.information(
            self,
            "cmdesk",
            translate("WindowActions", "This part of cmdesk is not in this build yet."),
        )

    def ask_date(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(translate("WindowActions", "Go to date"))
        picker = QCalendarWidget(dialog)
        current = self.current_date
        picker.setSelectedDate(QDate(current.year, current.month, current.day))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        picker.activated.connect(dialog.accept)
        layout = QVBoxLayout(dialog)
        layout.addWidget(picker)
        layout.addWidget(buttons)

        def chosen() -> None:
            day = picker.selectedDate()
            self.go_to_date(date(day.year(), day.month(), day.day()))

        dialog.accepted.connect(chosen)
        dialog.open()

    def about(self) -> None:
        QMessageBox.about(
            self,
            translate("WindowActions", "About cmdesk"),
            translate(
                "WindowActions",
                "<h3>cmdesk {version}</h3><p>Plan, preview and publish social posts from your "
                "desktop. Your data stays on this computer; your sign-ins stay in the system "
                "keyring.</p><p>Data folder: {data}<br>Logs: {logs}</p><p>GPL-3.0-or-later</p>",
            ).format(
                version=__version__, data=self.services.paths.data, logs=self.services.paths.logs
            ),
        )
