# SPDX-License-Identifier: GPL-3.0-or-later
"""When and how the post is planned: date, time and zone (the workspace zone by default), tags,
campaign, and hand-off to networks that can hold a post on their own servers."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from cmdesk.core.schedule.planner import Resolved, is_valid_zone, resolve_local
from cmdesk.gui.composer.networks import display_name, supports_hand_off

DEFAULT_LEAD = timedelta(hours=1)  # a new post is planned an hour ahead, on the quarter hour


class ScheduleBox(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date = QDateEdit(self)
        self.date.setObjectName("date")
        self.date.setCalendarPopup(True)
        # The interface locale's own short date (22/11/2026 in French), never Qt's raw default.
        self.date.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.time = QTimeEdit(self)
        self.time.setObjectName("time")
        self.time.setDisplayFormat("HH:mm")
        self.zone = QComboBox(self)
        self.zone.setObjectName("zone")
        self.zone.setEditable(True)
        self.zone.addItems(sorted(available_timezones()))
        self.tags = QLineEdit(self)
        self.tags.setObjectName("tags")
        self.tags.setPlaceholderText(self.tr("launch, newsletter"))
        self.campaign = QLineEdit(self)
        self.campaign.setObjectName("campaign")
        self.hand_off = QCheckBox(self.tr("Let the network publish it (works with this computer off)"), self)
        self.hand_off.setObjectName("hand-off")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        when = QHBoxLayout()
        when.addWidget(self.date)
        when.addWidget(self.time)
        when.addWidget(self.zone, 1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("When"), when)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Campaign"), self.campaign)
        form.addRow("", self.hand_off)
        form.addRow("", self.note)

    def set_values(self, planned_at: datetime | None, zone: str, tags: list[str], campaign: str,
                   hand_off: bool, now: datetime) -> None:
        if planned_at is None:
            start = (now + DEFAULT_LEAD).astimezone(ZoneInfo(zone))
            planned_at = start.replace(minute=start.minute - start.minute % 15, second=0, microsecond=0)
        local = planned_at.astimezone(ZoneInfo(zone))
        self.date.setDate(QDate(local.year, local.month, local.day))
        self.time.setTime(QTime(local.hour, local.minute))
        self.zone.setCurrentText(zone)
        self.tags.setText(", ".join(tags))
        self.campaign.setText(campaign)
        self.hand_off.setChecked(hand_off)

    def set_networks(self, networks: list[str]) -> None:
        able = [n for n in networks if supports_hand_off(n)]
        self.hand_off.setEnabled(bool(able))
        self.hand_off.setToolTip(", ".join(display_name(n) for n in able))

    def zone_name(self) -> str:
        return self.zone.currentText().strip()

    def resolved(self) -> Resolved | None:
        """The planned instant, or None (with a message in ``note``) when the zone is unknown."""
        zone = self.zone_name()
        if not is_valid_zone(zone):
            self.note.setText(self.tr("Unknown time zone: {zone}").format(zone=zone))
            return None
        day, wall = self.date.date().toPython(), self.time.time().toPython()
        result = resolve_local(day, wall.replace(second=0, microsecond=0), zone)
        self.note.setText(result.note)
        return result

    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.text().split(",") if t.strip()]
