# SPDX-License-Identifier: GPL-3.0-or-later
"""Text counting as the composer uses it: every counter recomputed after a typing pause, and a
thread split, against a baseline measured in the same run (one grapheme-cluster pass over the
same text, the least work any network's count needs).

Target: recounting all ten networks for a long post stays far below the 100 ms debounce, so the
counters never lag behind typing even on a slow machine.
"""

from __future__ import annotations

import statistics
import time

import regex

from cmdesk.core.model import NETWORKS
from cmdesk.core.text import _measure, measure
from cmdesk.core.text.thread import fits_networks, split_thread
from cmdesk.core.text.weighted import _chunk_length

ROUNDS = 15
SENTENCE = ("Nouvelle version de cmdesk 🎉 : planifiez hors ligne, prévisualisez réseau par réseau "
            "https://cmdesk.app/blog/notes #cmdesk @equipe@mastodon.social ")
DEBOUNCE_MS = 100


def _median_s(work) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _clear() -> None:
    _measure.cache_clear()
    _chunk_length.cache_clear()


def _text(size: int) -> str:
    # Numbered sentences: no two chunks alike, so the cache only helps as it would for a user.
    return "".join(f"{i}. {SENTENCE}" for i in range(size // len(SENTENCE) + 1))[:size]


def run() -> list[str]:
    lines = []
    graphemes = regex.compile(r"\X")
    for size in (500, 5000):
        text = _text(size)
        baseline = _median_s(lambda text=text: len(graphemes.findall(text)))
        # Typing: each round the text differs by its last characters, so only X's chunk cache
        # helps (as while typing). Pasted: every cache emptied first.
        rounds = iter(range(10**6))
        warm = _median_s(lambda text=text, rounds=rounds:
                         [measure(n, f"{text} {next(rounds)}") for n in NETWORKS])
        cold = _median_s(lambda text=text: (_clear(), [measure(n, text) for n in NETWORKS]))
        for name, figure in (("while typing", warm), ("pasted", cold)):
            lines.append(f"recount 10 networks, {size} chars, {name}: {figure * 1000:.2f} ms = "
                         f"{figure / baseline:.1f} x one grapheme pass; "
                         f"{figure * 1000 / DEBOUNCE_MS:.1%} of the {DEBOUNCE_MS} ms debounce")
    text = _text(6000)
    fits = fits_networks(["x", "bluesky", "mastodon"])
    baseline = _median_s(lambda: len(graphemes.findall(text)))
    split = _median_s(lambda: (_clear(), split_thread(text, fits)))
    parts = len(split_thread(text, fits))
    lines.append(f"split {len(text)} chars into {parts} parts for X+Bluesky+Mastodon: "
                 f"{split * 1000:.1f} ms = {split / baseline:.0f} x one grapheme pass")
    return lines
