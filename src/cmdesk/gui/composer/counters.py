# SPDX-License-Identifier: GPL-3.0-or-later
"""Live counters: one line per selected network, coloured as the text nears or passes the limit.

Counting runs after typing pauses (DEBOUNCE_MS), on the GUI thread for post-sized texts (well
under a millisecond) and on the worker pool for long ones; a count that finishes after the text
changed again is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from cmdesk.core.preflight import text_config
from cmdesk.core.text import Measurement, measure
from cmdesk.gui.composer.networks import caps, display_name

DEBOUNCE_MS = 100
# Past this many characters (all networks' texts together) a fresh count can take tens of
# milliseconds (X's counter is the slow one), so it runs on the worker pool instead.
BACKGROUND_CHARS = 4000
OK_COLOR, NEAR_COLOR, OVER_COLOR = "#2e7d32", "#b26a00", "#c62828"


def describe(m: Measurement) -> str:
    """"245/280", plus the second budget where the network has one."""
    text = f"{m.used}/{m.limit}" if m.limit else str(m.used)
    if m.bytes_limit:
        text += " · " + QCoreApplication.translate("Counters", "{used}/{limit} bytes").format(used=m.bytes_used, limit=m.bytes_limit)
    if m.hashtag_limit:
        text += " · " + QCoreApplication.translate("Counters", "{used}/{limit} hashtags").format(used=m.hashtags, limit=m.hashtag_limit)
    if m.link_limit and m.links:
        text += " · " + QCoreApplication.translate("Counters", "{used}/{limit} links").format(used=m.links, limit=m.link_limit)
    if m.invalid_characters:
        text += " · " + QCoreApplication.translate("Counters", "invalid characters")
    return text


def measure_for(network: str, text: str, capabilities, *, with_media: bool = False) -> Measurement:
    return measure(network, text, limit=capabilities.text_limit or None,
                   config=text_config(capabilities), with_media=with_media)


def level(m: Measurement) -> str:
    return "over" if not m.ok else "near" if m.near else "ok"


def _count(jobs, with_media: bool) -> dict[str, Measurement]:
    return {n: measure_for(n, text, capabilities, with_media=with_media) for n, text, capabilities in jobs}


class CounterBar(QWidget):
    """Counters for the selected networks. ``texts`` is asked for each network's current text."""

    counted = Signal(dict)  # network -> Measurement, after each (debounced) count

    def __init__(self, texts, with_media, parent: QWidget | None = None, *, caps_for=caps,
                 runner=None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._generation = 0
        self.caps_for = caps_for
        self._texts = texts
        self._with_media = with_media
        self._labels: dict[str, QLabel] = {}
        self.measurements: dict[str, Measurement] = {}
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.recount)

    def set_networks(self, networks: list[str]) -> None:
        for network in list(self._labels):
            if network not in networks:
                self._labels.pop(network).deleteLater()
        for network in networks:
            if network not in self._labels:
                label = QLabel(self)
                label.setObjectName(f"counter-{network}")
                self._labels[network] = label
                self._layout.insertWidget(self._layout.count() - 1, label)
        self.recount()

    def schedule(self) -> None:
        self._timer.start()

    def recount(self) -> None:
        self._timer.stop()
        self._generation += 1
        with_media = self._with_media()
        jobs = [(n, self._texts(n), self.caps_for(n)) for n in self._labels]
        if self._runner is None or sum(len(text) for _, text, _ in jobs) < BACKGROUND_CHARS:
            self._show(self._generation, _count(jobs, with_media))
            return
        generation = self._generation
        self._runner.run_background(lambda: _count(jobs, with_media),
                                    lambda result: self._show(generation, result), owner=self)

    def _show(self, generation: int, measurements: dict[str, Measurement]) -> None:
        if generation != self._generation or set(measurements) != set(self._labels):
            return  # the text or the networks changed while counting: a newer count follows
        self.measurements = measurements
        for network, m in measurements.items():
            label = self._labels[network]
            color = {"ok": OK_COLOR, "near": NEAR_COLOR, "over": OVER_COLOR}[level(m)]
            label.setText(f"<b>{display_name(network)}</b> "
                          f"<span style='color:{color}'>{describe(m)}</span>")
            label.setProperty("level", level(m))
            # Screen readers get the figure without markup, and whether it is over.
            label.setAccessibleName(f"{display_name(network)} {describe(m)}")
        self.counted.emit(dict(measurements))

    def label(self, network: str) -> QLabel:
        return self._labels[network]
