# SPDX-License-Identifier: GPL-3.0-or-later
"""The outbox rows as a Qt table model (rows come from Publisher.outbox(), off the GUI thread)."""

from __future__ import annotations

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QDateTime, QLocale, QModelIndex,
                            Qt, QTimeZone)

from cmdesk.core.model import from_iso
from cmdesk.core.publish.outbox import OutboxRow, state_label

RowRole = Qt.ItemDataRole.UserRole + 1

# Filters: which states each choice shows.
FILTERS = {
    "all": None,
    "next": {"scheduled", "due", "publishing", "handed_off"},
    "network": {"waiting_network", "retry_wait"},
    "attention": {"failed", "needs_auth", "unconfirmed"},
}


def _when(iso: str | None, zone: QTimeZone) -> str:
    moment = from_iso(iso)
    if moment is None:
        return ""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), zone)
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


def _zone(name: str | None) -> QTimeZone:
    """The workspace zone as Qt knows it; the system's if unknown to Qt."""
    zone = QTimeZone(name.encode("ascii")) if name else QTimeZone.systemTimeZone()
    return zone if zone.isValid() else QTimeZone.systemTimeZone()


class OutboxModel(QAbstractTableModel):
    COLUMNS = ("state", "planned", "account", "text", "when", "problem")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[OutboxRow] = []
        self._rows: list[OutboxRow] = []
        self._filter = "all"
        self._zone = QTimeZone.systemTimeZone()

    def headers(self) -> list[str]:
        return [QCoreApplication.translate("OutboxModel", "State"),
                QCoreApplication.translate("OutboxModel", "Planned"),
                QCoreApplication.translate("OutboxModel", "Account"),
                QCoreApplication.translate("OutboxModel", "Post"),
                QCoreApplication.translate("OutboxModel", "Sent / next try"),
                QCoreApplication.translate("OutboxModel", "Problem")]

    def set_rows(self, rows: list[OutboxRow], zone: str | None = None) -> None:
        """``zone``: the workspace zone (IANA name) times are shown in, as in the calendar."""
        self.beginResetModel()
        self._all = rows
        self._zone = _zone(zone)
        self._apply()
        self.endResetModel()

    def set_filter(self, name: str) -> None:
        self.beginResetModel()
        self._filter = name
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        states = FILTERS.get(self._filter)
        self._rows = [r for r in self._all if states is None or r.state in states
                      or (self._filter == "attention" and r.needs_decision)]

    def row_at(self, row: int) -> OutboxRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.error or row.remote_url or row.text
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = self.COLUMNS[index.column()]
        if column == "state":
            return state_label(row.state, row.needs_decision)
        if column == "planned":
            return _when(row.planned, self._zone)
        if column == "account":
            return row.account
        if column == "text":
            return row.text
        if column == "when":
            if row.actual:
                late = row.lateness_s or 0
                suffix = QCoreApplication.translate("OutboxModel", " ({n} min late)").format(
                    n=round(late / 60))
                return _when(row.actual, self._zone) + (suffix if late >= 60 else "")
            return _when(row.next_try, self._zone)
        return row.error or ""
