# SPDX-License-Identifier: GPL-3.0-or-later
"""Splitting a long text into a numbered thread that fits every chosen network.

Each part ends with " k/n" (a suffix, so the first words of a post stay the hook readers see).
Breaks go at a sentence end when one is close enough, else between words, and only inside an
over-long word at a grapheme boundary; a link, hashtag or mention is never cut.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import regex

from cmdesk.core.text.entities import find_entities
from cmdesk.core.text.graphemes import grapheme_boundaries, normalize

Fits = Callable[[str], bool]

# A sentence ends with . ! ? … (possibly followed by closing quotes or brackets) or a line break.
_SENTENCE_END = regex.compile(r"(?:[.!?…][\"'»”’)\]]*|\n)\s*$")
# A break at a sentence end is taken if it keeps at least this share of the words that would fit,
# so a part is not left nearly empty just to end on a full stop.
SENTENCE_MIN_SHARE = 0.5
_MAX_ROUNDS = 6


def label(body: str, index: int, total: int) -> str:
    return f"{body} {index}/{total}"


def fits_networks(networks: Iterable[str], *, limits: Mapping[str, int | None] | None = None,
                  configs: Mapping[str, Mapping[str, Any]] | None = None) -> Fits:
    """A predicate: does a text fit every one of ``networks`` (with their own limits)?"""
    from cmdesk.core.text import measure

    limits = limits or {}
    configs = configs or {}
    chosen = list(networks)

    def fits(text: str) -> bool:
        return all(measure(n, text, limit=limits.get(n), config=configs.get(n)).ok for n in chosen)

    return fits


def split_thread(text: str, fits: Fits) -> list[str]:
    """The parts, numbered; ``[text]`` unchanged when it already fits in one post."""
    text = normalize(text).strip()
    if not text or fits(text):
        return [text] if text else []
    total = 2
    for _ in range(_MAX_ROUNDS):
        parts = _split(text, fits, total)
        if len(parts) == total:
            break
        total = len(parts)
    return [label(body, k, len(parts)) for k, body in enumerate(parts, 1)]


def _word_starts(text: str) -> list[int]:
    return [m.start() for m in regex.finditer(r"(?<=\s)\S", text)]


def _sentence_starts(text: str, starts: list[int]) -> set[int]:
    """Word starts that follow the end of a sentence (computed once for the whole text)."""
    return {s for s in starts if _SENTENCE_END.search(text, max(0, s - 8), s)}


def _protected(text: str) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in find_entities(text)]


def _split(text: str, fits: Fits, total: int) -> list[str]:
    starts = _word_starts(text)
    sentences = _sentence_starts(text, starts)
    protected = _protected(text)
    bounds = grapheme_boundaries(text)
    parts: list[str] = []
    pos = 0
    while pos < len(text):
        k = len(parts) + 1
        ok = lambda body, k=k: fits(label(body, k, total))  # noqa: E731
        words = starts[bisect_right(starts, pos):]
        if not words and ok(text[pos:].strip()):
            parts.append(text[pos:].strip())
            break
        end = _best_break(text, pos, words, sentences, bounds, protected, ok)
        parts.append(text[pos:end].strip())
        pos = end
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return parts


def _last_fitting(candidates: list[int], pos: int, text: str, ok: Fits) -> int | None:
    """The largest candidate whose prefix fits.

    Counts grow with the prefix, so a galloping search (1, 2, 4… candidates, then bisection)
    finds it while measuring only prefixes about as long as one post, however long the text.
    """
    if not candidates or not ok(text[pos:candidates[0]].strip()):
        return None
    good, step = 0, 1
    while good + step < len(candidates) and ok(text[pos:candidates[good + step]].strip()):
        good += step
        step *= 2
    lo, hi = good + 1, min(good + step, len(candidates)) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if ok(text[pos:candidates[mid]].strip()):
            good, lo = mid, mid + 1
        else:
            hi = mid - 1
    return candidates[good]


def _best_break(text: str, pos: int, words: list[int], sentences: set[int], bounds: list[int],
                protected: list[tuple[int, int]], ok: Fits) -> int:
    # The end of the text is a candidate too: the rest may fit in this part.
    best = _last_fitting(words + [len(text)], pos, text, ok)
    if best is not None:
        if best == len(text):
            return best
        ends = [s for s in words if s <= best and s in sentences]
        if ends and (ends[-1] - pos) >= SENTENCE_MIN_SHARE * (best - pos):
            return ends[-1]
        return best
    # One word longer than a whole post: cut it between graphemes, outside any entity.
    next_word = words[0] if words else len(text)
    inside = [b for b in bounds[bisect_right(bounds, pos):bisect_left(bounds, next_word)]
              if not any(a < b < z for a, z in protected)]
    cut = _last_fitting(inside, pos, text, ok)
    if cut is not None:
        return cut
    # An entity alone is over the limit (a 400-character link on Bluesky): keep it whole; the
    # counter shows that part in red rather than publishing a broken link.
    return next((z for a, z in protected if a <= pos < z), next_word)
