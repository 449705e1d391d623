# SPDX-License-Identifier: GPL-3.0-or-later
"""File > Import and File > Export for the calendar: files are read and written off the GUI
thread; the import goes through a preview and lands as one undoable step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from cmdesk.core.model import utc_now
from cmdesk.gui.calendar.import_dialog import ImportPreviewDialog


class Transfer(QObject):
    preview_opened = Signal(object)  # the ImportPreviewDialog, for the shell and tests
    exported = Signal(str, int)  # path, post count

    def __init__(self, calendar) -> None:
        super().__init__(calendar)
        self.calendar = calendar
        self.dialog: ImportPreviewDialog | None = None

    def import_csv(self, path: Path) -> None:
        from cmdesk.core.bulk.csv_import import read_csv

        data = self.calendar.data
        accounts, zone = list(data.accounts), data.zone

        def work():
            return read_csv(path, accounts, default_zone=zone, now=utc_now())

        self.calendar.runner.run_background(work, lambda plan: self._preview(path, plan),
                                            self._failed)

    def _preview(self, path: Path, plan) -> None:
        if plan.problem:
            self.calendar.show_message(plan.problem)
            return
        if not plan.rows:
            self.calendar.show_message(self.tr("{file} has no posts.").format(file=path.name))
            return
        dialog = ImportPreviewDialog(plan, path.name, self.calendar.data.zone, self.calendar)
        dialog.accepted.connect(lambda: self._commit(dialog))
        self.dialog = dialog
        dialog.open()
        self.preview_opened.emit(dialog)

    def _commit(self, dialog: ImportPreviewDialog) -> None:
        posts = [row.post for row in dialog.chosen_rows()]
        if posts:
            self.calendar.gestures.import_posts(posts)
            self.calendar.show_message(self.tr("{count} posts imported. Undo (Ctrl+Z) removes "
                                               "them all.").format(count=len(posts)))

    def export(self, path: Path, fmt: str | None) -> None:
        from cmdesk.core.bulk.csv_export import export_csv
        from cmdesk.core.bulk.ics_export import export_ics

        fmt = fmt or ("ics" if path.suffix.lower() == ".ics" else "csv")
        writer = export_ics if fmt == "ics" else export_csv
        ws = self.calendar.data.workspace

        def work() -> int:
            return writer(path, list(ws.posts.all()), ws.accounts.all())

        def done(count: int) -> None:
            self.calendar.show_message(self.tr("{count} posts exported to {file}.").format(
                count=count, file=path.name))
            self.exported.emit(str(path), count)

        self.calendar.runner.run_storage(work, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        reason = getattr(error, "strerror", None) or str(error)
        self.calendar.show_message(self.tr("The file could not be used: {reason}").format(
            reason=reason))
