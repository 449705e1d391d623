# SPDX-License-Identifier: GPL-3.0-or-later
"""Unexpected errors: log them, show where the log is and the traceback to copy, keep running.

A slot that raises does not take Qt down, so after the dialog the app usually works on; saying
so (and offering the traceback for a bug report) beats a silent failure or a vanished window.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cmdesk.core.logging_setup import mask_secrets

log = logging.getLogger(__name__)


class CrashDialog(QDialog):
    def __init__(self, details: str, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setObjectName("crash-dialog")
        self.message = message = QLabel(
            self.tr(
                "Something went wrong inside cmdesk. Your posts are safe and publishing goes on; "
                "you can keep working. If this happens again, please report it with the text "
                "below. The full log is in:\n{path}"
            ).format(path=log_path)
        )
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setMinimumSize(560, 220)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.details.toPlainText())
        )
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.details)
        layout.addWidget(buttons)


class CrashHandler:
    """Installed as sys.excepthook; ``dialogs`` keeps the open ones (and lets tests find them)."""

    MAX_OPEN_DIALOGS = 3  # an error in a paint handler repeats: do not bury the user in dialogs

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self.dialogs: list[CrashDialog] = []
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(self, kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.critical("unhandled error", exc_info=(kind, value, tb))
        if QApplication.instance() is None or len(self.dialogs) >= self.MAX_OPEN_DIALOGS:
            self._previous(kind, value, tb)
            return
        details = mask_secrets("".join(traceback.format_exception(kind, value, tb)))
        dialog = CrashDialog(details, self.log_path, QApplication.activeWindow())
        dialog.finished.connect(lambda _r, d=dialog: self.dialogs.remove(d))
        self.dialogs.append(dialog)
        # Non-modal: a modal exec() from inside an excepthook nests event loops mid-failure.
        dialog.show()
