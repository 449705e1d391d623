# SPDX-License-Identifier: GPL-3.0-or-later
"""Pre-flight issues shown inline, errors first; clicking one goes to what needs fixing."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from cmdesk.core.preflight import Issue, Severity

ERROR_COLOR, WARNING_COLOR = "#c62828", "#b26a00"


class IssuesView(QLabel):
    issue_activated = Signal(object)  # Issue

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("issues")
        self.setWordWrap(True)
        self.issues: list[Issue] = []
        self.linkActivated.connect(self._activated)

    def show_issues(self, issues: list[Issue], extra_errors: list[str] = ()) -> None:
        self.issues = sorted(issues, key=lambda i: i.severity is not Severity.ERROR)
        lines = [f"<span style='color:{ERROR_COLOR}'>⛔ {html.escape(m)}</span>" for m in extra_errors]
        for number, issue in enumerate(self.issues):
            error = issue.severity is Severity.ERROR
            color, mark = (ERROR_COLOR, "⛔") if error else (WARNING_COLOR, "⚠")
            lines.append(f"<a href='issue:{number}' style='color:{color}; text-decoration:none'>"
                         f"{mark} {html.escape(issue.message)}</a>")
        self.setText("<br>".join(lines))
        self.setVisible(bool(lines))

    def _activated(self, link: str) -> None:
        number = int(link.removeprefix("issue:"))
        if 0 <= number < len(self.issues):
            self.issue_activated.emit(self.issues[number])
