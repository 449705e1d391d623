# SPDX-License-Identifier: GPL-3.0-or-later
"""Bluesky facet detection (links, mentions, tags with UTF-8 byte offsets), as the composer's
Bluesky preview and the connector run it, against a baseline measured in the same run: one
grapheme-cluster pass over the same text (what counting the post needs anyway).

Target: detecting the facets of the longest possible post (3000 bytes) stays far below the
composer's 100 ms typing debounce; a 20,000-character text shows it stays linear.
"""

from __future__ import annotations

import statistics
import time

import regex

from cmdesk.core.text.facets import detect

ROUNDS = 15
DEBOUNCE_MS = 100
SENTENCE = "Été 🎉 à Lyon https://example.fr/programme?j=1 avec @alice.bsky.social #Fête "


def _median_s(work) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _text(max_bytes: int) -> str:
    out, size, i = [], 0, 0
    while True:
        piece = f"{i}. {SENTENCE}"
        if size + len(piece.encode()) > max_bytes:
            return "".join(out)
        out.append(piece)
        size += len(piece.encode())
        i += 1


def run() -> list[str]:
    grapheme = regex.compile(r"\X")
    lines = []
    for label, text in (("longest post (3000 B)", _text(3000)), ("20,000-character text", _text(40_000)[:20_000])):
        base = _median_s(lambda: grapheme.findall(text))
        work = _median_s(lambda: detect(text))
        found = len(detect(text))
        lines.append(f"{label}: {found} facets in {work * 1000:.2f} ms = {work / base:.1f}x the "
                     f"grapheme pass ({base * 1000:.2f} ms); budget {DEBOUNCE_MS} ms")
    return lines
