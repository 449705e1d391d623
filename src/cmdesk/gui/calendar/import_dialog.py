# SPDX-License-Identifier: GPL-3.0-or-later
"""Every row of a CSV before anything is written: what it becomes, or what is wrong with it.

Bad rows cannot be ticked; good rows can be unticked. Accepting imports the ticked rows as one
undoable step.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from cmdesk.core.bulk.csv_import import ImportPlan, ImportRow
from cmdesk.core.schedule import planner

PROBLEM_COLOUR = QColor(205, 50, 50)
NOTE_COLOUR = QColor(200, 120, 20)


class ImportPreviewDialog(QDialog):
    def __init__(self, plan: ImportPlan, file_name: str, zone: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar-import-preview")
        self.setWindowTitle(self.tr("Import {file}").format(file=file_name))
        self.plan = plan
        self.zone = zone
        bad = len(plan.bad_rows)
        summary = QLabel(self.tr("{good} rows ready, {bad} with problems. Rows with problems "
                                 "are not imported; fix the file and import it again to add "
                                 "them.").format(good=len(plan.rows) - bad, bad=bad)
                         if bad else self.tr("{good} rows ready.").format(good=len(plan.rows)))
        summary.setWordWrap(True)
        self.table = QTableWidget(len(plan.rows), 5)
        self.table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("When"),
                                              self.tr("Text"), self.tr("Accounts"),
                                              self.tr("Problems and notes")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for index, row in enumerate(plan.rows):
            self._fill(index, row)
        self.table.resizeColumnsToContents()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemChanged.connect(lambda _item: self._update_button())
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 520)
        self._update_button()

    def _fill(self, index: int, row: ImportRow) -> None:
        line = QTableWidgetItem(str(row.line))
        if row.ok:
            line.setFlags(line.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            line.setCheckState(Qt.CheckState.Checked)
        else:
            line.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setItem(index, 0, line)
        self.table.setItem(index, 1, QTableWidgetItem(self._when(row)))
        text = row.cells.get("text", "").replace("\n", " \u21b5 ")
        self.table.setItem(index, 2, QTableWidgetItem(text))
        accounts = ", ".join(filter(None, [row.cells.get("accounts", ""),
                                           row.cells.get("networks", "")]))
        self.table.setItem(index, 3, QTableWidgetItem(accounts))
        messages = row.problems or row.notes
        item = QTableWidgetItem("\n".join(messages))
        if messages:
            item.setForeground(QBrush(PROBLEM_COLOUR if row.problems else NOTE_COLOUR))
            item.setToolTip("\n".join(messages))
        self.table.setItem(index, 4, item)

    def _when(self, row: ImportRow) -> str:
        post = row.post
        if post is None or post.planned_at is None:
            return self.tr("Draft") if row.ok else row.cells.get("date", "")
        local = planner.to_local(post.planned_at, self.zone)
        locale = QLocale()
        return "{} {}".format(
            locale.toString(QDate(local.year, local.month, local.day),
                            QLocale.FormatType.ShortFormat),
            locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat))

    def chosen_rows(self) -> list[ImportRow]:
        return [row for index, row in enumerate(self.plan.rows)
                if row.ok and self.table.item(index, 0).checkState() == Qt.CheckState.Checked]

    def _update_button(self) -> None:
        count = len(self.chosen_rows())
        self.import_button.setText(self.tr("Import {count} posts").format(count=count))
        self.import_button.setEnabled(count > 0)
