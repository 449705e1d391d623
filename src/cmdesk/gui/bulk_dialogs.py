# SPDX-License-Identifier: GPL-3.0-or-later
"""File > Import and File > Export: the GUI face of cmdesk.core.bulk.

Import checks every row first and shows the problems; nothing is written until the user agrees,
and then only the good rows (never a half-imported file without their consent).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from cmdesk.core.i18n import translate
from cmdesk.core.services import Services
from cmdesk.gui.tasks import TaskRunner

MAX_LISTED_PROBLEMS = 8


def _tr(text: str) -> str:
    return translate("BulkDialogs", text)


def import_posts(parent: QWidget, services: Services, runner: TaskRunner) -> None:
    path, _ = QFileDialog.getOpenFileName(parent, _tr("Import posts"), str(Path.home()),
                                          _tr("CSV files (*.csv);;All files (*)"))
    if not path:
        return

    def check():
        from cmdesk.core.bulk.csv_import import read_csv
        from cmdesk.core.model import utc_now
        from cmdesk.core.schedule.planner import workspace_zone

        workspace = services.workspace
        return read_csv(Path(path), workspace.accounts.all(), default_zone=workspace_zone(workspace),
                        now=utc_now())

    runner.run_storage(check, lambda plan: _confirm_import(parent, services, runner, plan))


def _confirm_import(parent: QWidget, services: Services, runner: TaskRunner, plan) -> None:
    if plan.problem:
        QMessageBox.warning(parent, _tr("Import posts"), plan.problem)
        return
    posts, bad = plan.posts(), plan.bad_rows
    if bad:
        lines = [_tr("Line {line}: {problem}").format(line=row.line, problem="; ".join(row.problems))
                 for row in bad[:MAX_LISTED_PROBLEMS]]
        question = _tr("{bad} of {total} rows cannot be imported:\n\n{lines}\n\nImport the {good} "
                       "other rows?").format(bad=len(bad), total=len(plan.rows),
                                             lines="\n".join(lines), good=len(posts))
        if not posts:
            QMessageBox.warning(parent, _tr("Import posts"), question.rsplit("\n\n", 1)[0])
            return
        if QMessageBox.question(parent, _tr("Import posts"), question) != QMessageBox.StandardButton.Yes:
            return
    runner.run_storage(
        lambda: services.workspace.posts.save_many(posts),
        lambda _r: QMessageBox.information(parent, _tr("Import posts"),
                                           _tr("{count} posts imported.").format(count=len(posts))),
    )


def export_posts(parent: QWidget, services: Services, runner: TaskRunner) -> None:
    path, _ = QFileDialog.getSaveFileName(parent, _tr("Export posts"), str(Path.home() / "cmdesk.csv"),
                                          _tr("CSV (*.csv);;iCalendar (*.ics)"))
    if not path:
        return

    def export() -> int:
        from cmdesk.core.bulk.csv_export import export_csv
        from cmdesk.core.bulk.ics_export import export_ics

        workspace = services.workspace
        writer = export_ics if path.lower().endswith(".ics") else export_csv
        return writer(path, list(workspace.posts.all()), workspace.accounts.all())

    runner.run_storage(export, lambda count: QMessageBox.information(
        parent, _tr("Export posts"), _tr("{count} posts written to {path}.").format(count=count, path=path)))
