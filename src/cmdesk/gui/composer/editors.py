# SPDX-License-Identifier: GPL-3.0-or-later
"""The text editors: the main text ("All networks") and one tab per chosen network.

A network's tab shows the main text until the user types in it; from then on it is that
network's variant, until "Follow the main text" resets it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cmdesk.gui.composer.networks import display_name
from cmdesk.gui.composer.state import VariantSet

EDITOR_MIN_HEIGHT_PX = 130


class _VariantTab(QWidget):
    def __init__(self, network: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName(f"variant-{network}")
        self.editor.setMinimumHeight(EDITOR_MIN_HEIGHT_PX)
        self.status = QLabel(self)
        self.reset = QPushButton(self.tr("Follow the main text"), self)
        self.reset.setObjectName(f"reset-{network}")
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.reset)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addLayout(row)

    def show_state(self, edited: bool) -> None:
        self.status.setText(self.tr("Own text for this network") if edited
                            else self.tr("Follows the main text; type here to adapt it"))
        self.reset.setEnabled(edited)


class TextTabs(QTabWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.variants = VariantSet()
        self.main = QPlainTextEdit(self)
        self.main.setObjectName("main-text")
        self.main.setMinimumHeight(EDITOR_MIN_HEIGHT_PX)
        self.main.setPlaceholderText(self.tr("Write your post…"))
        self.main.textChanged.connect(self._main_changed)
        self.addTab(self.main, self.tr("All networks"))
        self._tabs: dict[str, _VariantTab] = {}

    def load(self, main: str, edited: dict[str, str]) -> None:
        self.variants = VariantSet(main, edited)
        self.main.blockSignals(True)
        self.main.setPlainText(main)
        self.main.blockSignals(False)
        self._sync_all()
        self.changed.emit()

    def set_main_text(self, text: str) -> None:
        self.main.setPlainText(text)  # through textChanged, like typing

    def set_networks(self, networks: list[str]) -> None:
        for network in list(self._tabs):
            if network not in networks:
                tab = self._tabs.pop(network)
                self.removeTab(self.indexOf(tab))
                tab.deleteLater()
        for network in networks:
            if network not in self._tabs:
                tab = _VariantTab(network, self)
                tab.editor.textChanged.connect(lambda n=network: self._variant_changed(n))
                tab.reset.clicked.connect(lambda _=False, n=network: self.reset(n))
                self._tabs[network] = tab
                self.addTab(tab, display_name(network))
        self._sync_all()

    def editor(self, network: str) -> QPlainTextEdit:
        return self._tabs[network].editor

    def text_for(self, network: str) -> str:
        return self.variants.text_for(network)

    def reset(self, network: str) -> None:
        self.variants.reset(network)
        self._sync(network)
        self.changed.emit()

    def _main_changed(self) -> None:
        self.variants.set_main(self.main.toPlainText())
        self._sync_all()
        self.changed.emit()

    def _variant_changed(self, network: str) -> None:
        self.variants.edit(network, self._tabs[network].editor.toPlainText())
        self._mark(network)
        self.changed.emit()

    def _sync_all(self) -> None:
        for network in self._tabs:
            self._sync(network)

    def _sync(self, network: str) -> None:
        tab = self._tabs[network]
        wanted = self.variants.text_for(network)
        if tab.editor.toPlainText() != wanted:
            tab.editor.blockSignals(True)  # a programmatic update is not the user's edit
            tab.editor.setPlainText(wanted)
            tab.editor.moveCursor(QTextCursor.MoveOperation.End)  # adapting starts where text ends
            tab.editor.blockSignals(False)
        self._mark(network)

    def _mark(self, network: str) -> None:
        tab = self._tabs[network]
        edited = self.variants.is_edited(network)
        tab.show_state(edited)
        self.setTabText(self.indexOf(tab), display_name(network) + (" ✎" if edited else ""))
