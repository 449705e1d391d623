# SPDX-License-Identifier: GPL-3.0-or-later
"""Preferences: workspace time zone, catch-up policy, interface language, start at login.

Zone and catch-up belong to the workspace (its store), so the headless publisher honours them
too; language and start-at-login belong to this computer (QSettings, the autostart file).
"""

from __future__ import annotations

import logging
from zoneinfo import available_timezones

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from cmdesk.core import autostart
from cmdesk.core.schedule.planner import TIMEZONE_KEY, is_valid_zone, system_zone
from cmdesk.core.services import Services
from cmdesk.gui.i18n import LANGUAGE_KEY
from cmdesk.gui.tasks import TaskRunner

log = logging.getLogger(__name__)

# Read by the publisher (core/publish/engine.py): within CATCH_UP_MINUTES of lateness a post
# goes out anyway; later than that the policy decides.
CATCH_UP_KEY = "catch_up_policy"  # publish | ask | skip
CATCH_UP_WINDOW_KEY = "catch_up_minutes"
DEFAULT_POLICY = "ask"
DEFAULT_MINUTES = 60


class PreferencesDialog(QDialog):
    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.services = services
        self.runner = runner
        self.settings = settings
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(sorted(z for z in available_timezones() if "/" in z))
        self.policy = QComboBox()
        for value, text in (
            ("publish", self.tr("Publish late")),
            ("ask", self.tr("Ask me")),
            ("skip", self.tr("Skip them")),
        ):
            self.policy.addItem(text, value)
        self.window_minutes = QSpinBox()
        self.window_minutes.setRange(0, 24 * 60)
        self.window_minutes.setSingleStep(15)
        self.window_minutes.setSuffix(self.tr(" min"))
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.autostart = QCheckBox(self.tr("Start cmdesk in the tray when I log in"))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c0392b")
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Time zone of the calendar:"), self.zone)
        form.addRow(self.tr("Always publish posts late by at most:"), self.window_minutes)
        form.addRow(self.tr("Posts missed for longer (computer off or asleep):"), self.policy)
        form.addRow(self.tr("Language (after a restart):"), self.language)
        form.addRow(self.autostart)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.setEnabled(False)  # until the workspace values are read
        self.runner.run_storage(self._read, self._show)

    def _read(self) -> dict:
        settings = self.services.workspace.settings
        return {
            "zone": settings.get_value(TIMEZONE_KEY) or system_zone(),
            "policy": settings.get_value(CATCH_UP_KEY, DEFAULT_POLICY),
            "minutes": int(settings.get_value(CATCH_UP_WINDOW_KEY, DEFAULT_MINUTES)),
            "autostart": autostart.is_enabled(),
        }

    def _show(self, values: dict) -> None:
        self.zone.setCurrentText(values["zone"])
        self.policy.setCurrentIndex(max(0, self.policy.findData(values["policy"])))
        self.window_minutes.setValue(values["minutes"])
        self.language.setCurrentIndex(
            max(0, self.language.findData(self.settings.value(LANGUAGE_KEY, "")))
        )
        self.autostart.setChecked(values["autostart"])
        self.setEnabled(True)

    def save(self) -> None:
        zone = self.zone.currentText().strip()
        if not is_valid_zone(zone):
            # Bad input changes nothing and says why.
            self.problem.setText(
                self.tr("“{zone}” is not a time zone (example: Europe/Paris).").format(zone=zone)
            )
            self.problem.show()
            return
        policy, minutes = self.policy.currentData(), self.window_minutes.value()
        self.settings.setValue(LANGUAGE_KEY, self.language.currentData())
        wanted = self.autostart.isChecked()

        def work() -> None:
            settings = self.services.workspace.settings
            settings.set_value(TIMEZONE_KEY, zone)
            settings.set_value(CATCH_UP_KEY, policy)
            settings.set_value(CATCH_UP_WINDOW_KEY, minutes)
            autostart.set_enabled(wanted)

        self.setEnabled(False)
        self.runner.run_storage(work, lambda _r: self.accept(), self._failed)

    def _failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        self.problem.setText(self.tr("Could not save: {reason}").format(reason=error))
        self.problem.show()
