# SPDX-License-Identifier: GPL-3.0-or-later
"""The thread: the parts after the first, each editable, with the strictest network's count.

Splitting puts part 1 back in the main text and lists the rest here (they become Post.thread);
"Join" puts everything back into one text.
"""

from __future__ import annotations

import regex
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cmdesk.core.preflight import text_config
from cmdesk.core.text.thread import fits_networks, split_thread
from cmdesk.gui.composer.counters import NEAR_COLOR, OK_COLOR, OVER_COLOR, level, measure_for
from cmdesk.gui.composer.networks import caps, display_name

_NUMBERING = regex.compile(r" \d+/\d+$")
PART_HEIGHT_PX = 64


class ThreadPanel(QWidget):
    changed = Signal()
    main_text_replaced = Signal(str)  # part 1 after a split, the whole text after a join
    split_done = Signal()

    def __init__(self, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.networks: list[str] = []
        self.caps_for = caps
        self._editors: list[QPlainTextEdit] = []
        self._counts: list[QLabel] = []
        self.split_button = QPushButton(self.tr("Split into a thread"), self)
        self.split_button.setObjectName("split-thread")
        self.join_button = QPushButton(self.tr("Join into one post"), self)
        self.join_button.clicked.connect(self.join)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.split_button)
        top.addWidget(self.join_button)
        top.addWidget(self.hint, 1)
        self._parts_layout = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self._parts_layout)
        self.main_text = ""
        self._splitting = ""
        self._update_buttons()

    def editor(self, number: int) -> QPlainTextEdit | None:
        """The editor of part ``number`` (2 for the first after the main text)."""
        index = number - 2
        return self._editors[index] if 0 <= index < len(self._editors) else None

    @property
    def parts(self) -> list[str]:
        return [e.toPlainText() for e in self._editors]

    def set_parts(self, parts: list[str]) -> None:
        for editor, label in zip(self._editors, self._counts):
            editor.deleteLater()
            label.deleteLater()
        self._editors, self._counts = [], []
        for number, text in enumerate(parts, 2):
            editor = QPlainTextEdit(text, self)
            editor.setObjectName(f"thread-part-{number}")
            editor.setFixedHeight(PART_HEIGHT_PX)
            editor.textChanged.connect(self._edited)
            label = QLabel(self)
            self._parts_layout.addWidget(label)
            self._parts_layout.addWidget(editor)
            self._editors.append(editor)
            self._counts.append(label)
        self._recount()
        self._update_buttons()
        self.changed.emit()

    def whole_text(self) -> str:
        """The main text and every part, numbering removed: what a split starts from, so
        splitting again re-flows the whole thread instead of dropping the parts."""
        pieces = [_NUMBERING.sub("", p).strip() for p in [self.main_text, *self.parts]]
        return " ".join(p for p in pieces if p)

    def split(self) -> None:
        """Split off the GUI thread: a long text takes a noticeable fraction of a second."""
        if not self.networks:
            return
        text = self._splitting = self.whole_text()
        limits = {n: self.caps_for(n).text_limit or None for n in self.networks}
        configs = {n: text_config(self.caps_for(n)) for n in self.networks}
        fits = fits_networks(self.networks, limits=limits, configs=configs)
        self.split_button.setEnabled(False)
        self.hint.setText(self.tr("Splitting…"))
        self._runner.run_background(lambda: split_thread(text, fits), self._split_done,
                                    self._split_failed)

    def _split_failed(self, error: BaseException) -> None:
        self._update_buttons()
        self.hint.setText(self.tr("Could not split the text: {error}").format(error=error))

    def _split_done(self, parts: list[str]) -> None:
        self._update_buttons()
        self.split_done.emit()
        if self.whole_text() != self._splitting:
            # The user typed on while we split: their edit wins, nothing is replaced.
            self.hint.setText(self.tr("The text changed while splitting; split again."))
            return
        if len(parts) < 2:
            if self.parts:
                self.join()
            self.hint.setText(self.tr("The text already fits in one post on every chosen network."))
            return
        self.hint.setText(self.tr("{count} posts. Edit them before saving.").format(count=len(parts)))
        self.main_text_replaced.emit(parts[0])
        self.set_parts(parts[1:])

    def join(self) -> None:
        whole = self.whole_text()
        self.set_parts([])
        self.hint.clear()
        self.main_text_replaced.emit(whole)

    def set_networks(self, networks: list[str]) -> None:
        self.networks = list(networks)
        self._recount()
        self._update_buttons()

    def _edited(self) -> None:
        self._recount()
        self.changed.emit()

    def _recount(self) -> None:
        for number, (editor, label) in enumerate(zip(self._editors, self._counts), 2):
            worst = None
            for network in self.networks:
                m = measure_for(network, editor.toPlainText(), self.caps_for(network))
                if worst is None or m.share > worst.share or not m.ok:
                    worst = m
                    if not m.ok:
                        break
            text = self.tr("Part {number}").format(number=number)
            if worst is not None:
                color = {"ok": OK_COLOR, "near": NEAR_COLOR, "over": OVER_COLOR}[level(worst)]
                text += (f" · <span style='color:{color}'>{display_name(worst.network)} "
                         f"{worst.used}/{worst.limit}</span>")
            label.setText(text)

    def _update_buttons(self) -> None:
        self.join_button.setVisible(bool(self._editors))
        self.split_button.setEnabled(bool(self.networks))
