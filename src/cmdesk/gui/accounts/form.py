# SPDX-License-Identifier: GPL-3.0-or-later
"""The sign-in form of one network, generated from its connector's ``sign_in_fields``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from cmdesk.core.connectors.base import SignInField
from cmdesk.core.model import Account

WORDPRESS_FIELD = "media_wordpress"  # chosen among the WordPress sites connected in cmdesk


def _translated(context: str, text: str) -> str:
    # Field texts are declared in the core (English at import time); translate at display.
    return QCoreApplication.translate(context, text) if text else ""


class SignInForm(QWidget):
    def __init__(self, fields: tuple[SignInField, ...], wordpress_sites: list[Account],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = fields
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in fields:
            label = _translated("SignIn", field.label)
            if field.required:
                label += " *"
            editor = self._editor(field, wordpress_sites)
            self.editors[field.name] = editor
            help_text = _translated("SignIn", field.help)
            if help_text:
                box = QWidget(self)
                column = QVBoxLayout(box)
                column.setContentsMargins(0, 0, 0, 0)
                column.setSpacing(2)
                column.addWidget(editor)
                hint = QLabel(help_text, box)
                hint.setWordWrap(True)
                hint.setObjectName("hint")
                hint.setStyleSheet("color: palette(placeholder-text); font-size: small;")
                column.addWidget(hint)
                layout.addRow(label, box)
            else:
                layout.addRow(label, editor)

    def _editor(self, field: SignInField, sites: list[Account]) -> QLineEdit | QComboBox:
        if field.name == WORDPRESS_FIELD:
            combo = QComboBox(self)
            combo.addItem(self.tr("None"), None)
            for site in sites:
                combo.addItem(site.name or site.server, (site.id, site.server))
            return combo
        edit = QLineEdit(self)
        edit.setObjectName(field.name)
        edit.setPlaceholderText(field.placeholder)
        if field.secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def set_value(self, name: str, value: str) -> None:
        editor = self.editors[name]
        if isinstance(editor, QLineEdit):
            editor.setText(value)

    def values(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                chosen = editor.currentData()
                values[name], values[f"{name}_site"] = chosen if chosen else ("", "")
            else:
                values[name] = editor.text().strip()
        return values

    def missing(self) -> list[str]:
        """Labels of the required fields left empty."""
        values = self.values()
        return [_translated("SignIn", f.label) for f in self.fields
                if f.required and not values.get(f.name)]

    def clear_secrets(self) -> None:
        for field in self.fields:
            editor = self.editors[field.name]
            if field.secret and isinstance(editor, QLineEdit):
                editor.clear()
