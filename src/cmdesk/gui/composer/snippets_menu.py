# SPDX-License-Identifier: GPL-3.0-or-later
"""The snippets button: insert a hashtag set or a signature, or manage them.

Snippets live in the workspace settings; reads and writes go through the storage runner.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cmdesk.core.snippets import Snippet, SnippetBook, SnippetError, validate


class SnippetsButton(QToolButton):
    chosen = Signal(object)  # Snippet

    def __init__(self, services, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self.snippets: list[Snippet] = []
        self.setText(self.tr("Snippets"))
        self.setObjectName("snippets")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.reload()

    def _book(self) -> SnippetBook:
        return SnippetBook(self._services.workspace.settings)

    def reload(self) -> None:
        self._runner.run_storage(lambda: self._book().all(), self._loaded)

    def _loaded(self, snippets: list[Snippet]) -> None:
        self.snippets = snippets
        menu = self.menu()
        menu.clear()
        for kind, title in (("hashtags", self.tr("Hashtag sets")), ("signature", self.tr("Signatures"))):
            section = menu.addSection(title)
            section.setEnabled(False)
            for snippet in (s for s in snippets if s.kind == kind):
                action = menu.addAction(snippet.name)
                action.setToolTip(snippet.text)
                action.triggered.connect(lambda _=False, s=snippet: self.chosen.emit(s))
        menu.addSeparator()
        menu.addAction(self.tr("Manage snippets…"), self.manage)

    def manage(self) -> None:
        dialog = SnippetsDialog(self.snippets, self)

        def save(snippet: Snippet) -> None:
            self._runner.run_storage(lambda: self._book().save(snippet),
                                     lambda _: self.reload(),
                                     lambda error: dialog.show_error(str(error)), owner=self)

        def remove(snippet_id: str) -> None:
            self._runner.run_storage(lambda: self._book().remove(snippet_id), lambda _: self.reload(),
                                     owner=self)

        dialog.save_requested.connect(save)
        dialog.remove_requested.connect(remove)
        dialog.open()


class SnippetsDialog(QDialog):
    save_requested = Signal(object)
    remove_requested = Signal(str)

    def __init__(self, snippets: list[Snippet], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snippets"))
        self._snippets = list(snippets)
        self.list = QListWidget(self)
        self.list.addItems([s.name for s in self._snippets])
        self.list.currentRowChanged.connect(self._show)
        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Hashtag set"), "hashtags")
        self.kind.addItem(self.tr("Signature"), "signature")
        self.text = QPlainTextEdit(self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Text"), self.text)
        new = QPushButton(self.tr("New"), self)
        new.clicked.connect(lambda: self.list.setCurrentRow(-1) or self._show(-1))
        save = self.save_button = QPushButton(self.tr("Save"), self)
        save.clicked.connect(self._save)
        delete = QPushButton(self.tr("Delete"), self)
        delete.clicked.connect(self._delete)
        row = QHBoxLayout()
        for button in (new, save, delete):
            row.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(row)
        layout.addWidget(close)

    def _show(self, row: int) -> None:
        snippet = self._snippets[row] if 0 <= row < len(self._snippets) else None
        self.name.setText(snippet.name if snippet else "")
        self.text.setPlainText(snippet.text if snippet else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(snippet.kind if snippet else "hashtags")))
        self.error.clear()

    def _save(self) -> None:
        row = self.list.currentRow()
        current = self._snippets[row] if 0 <= row < len(self._snippets) else None
        snippet = Snippet(self.name.text().strip(), self.text.toPlainText().strip(),
                          self.kind.currentData())
        if current is not None:
            snippet.id = current.id
        try:
            validate(snippet)  # refuse here too, so a bad entry never leaves the dialog
        except SnippetError as error:
            self.show_error(str(error))
            return
        if current is None:
            self._snippets.append(snippet)
            self.list.addItem(snippet.name)
        else:
            self._snippets[row] = snippet
            self.list.item(row).setText(snippet.name)
        self.error.clear()
        self.save_requested.emit(snippet)

    def _delete(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._snippets):
            snippet = self._snippets.pop(row)
            self.list.takeItem(row)
            self.remove_requested.emit(snippet.id)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
