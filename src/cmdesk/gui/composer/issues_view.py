# SPDX-License-Identifier: GPL-3.0-or-later
"""Pre-flight issues shown inline, errors first."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QWidget

from cmdesk.core.preflight import Issue, Severity

ERROR_COLOR, WARNING_COLOR = "#c62828", "#b26a00"


class IssuesView(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("issues")
        self.setWordWrap(True)
        self.issues: list[Issue] = []

    def show_issues(self, issues: list[Issue], extra_errors: list[str] = ()) -> None:
        self.issues = list(issues)
        lines = [f"<span style='color:{ERROR_COLOR}'>⛔ {html.escape(m)}</span>" for m in extra_errors]
        ordered = sorted(issues, key=lambda i: i.severity is not Severity.ERROR)
        for issue in ordered:
            error = issue.severity is Severity.ERROR
            color, mark = (ERROR_COLOR, "⛔") if error else (WARNING_COLOR, "⚠")
            lines.append(f"<span style='color:{color}'>{mark} {html.escape(issue.message)}</span>")
        self.setText("<br>".join(lines))
        self.setVisible(bool(lines))
