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
    # Split as if there were 9 parts, then 99...: every network counts a digit as 1, so parts
    # made for " k/9" fit " k/5" exactly; only a wider total needs another pass.
    total = 9
    for _ in range(_MAX_ROUNDS):
        parts = _split(text, fits, total)
        if len(str(len(parts))) == len(str(total)):
            break
        total = 10 ** len(str(len(parts))) - 1
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
    hint = 0  # how far the previous part could have reached: the next one probably as far
    while pos < len(text):
        k = len(parts) + 1
        ok = lambda body, k=k: fits(label(body, k, total))
        words = starts[bisect_right(starts, pos):]
        if not words and ok(text[pos:].strip()):
            parts.append(text[pos:].strip())
            break
        end, longest = _best_break(text, pos, words, sentences, bounds, protected, ok, hint)
        parts.append(text[pos:end].strip())
        hint = longest - pos
        pos = end
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return parts


def _last_fitting(candidates: list[int], pos: int, text: str, ok: Fits, hint: int = 0) -> int | None:
    """The largest candidate whose prefix fits.

    Counts grow with the prefix, so a galloping search from a guess (the candidate about
    ``hint`` characters on) finds it while measuring only prefixes about as long as one post,
    in a handful of steps when parts are alike.
    """
    n = len(candidates)
    if not n:
        return None

    def fits_at(i: int) -> bool:
        return ok(text[pos:candidates[i]].strip())

    guess = max(0, bisect_right(candidates, pos + hint) - 1) if hint else 0
    if fits_at(guess):
        good, step = guess, 1
        while good + step < n and fits_at(good + step):
            good += step
            step *= 2
        lo, hi = good + 1, min(good + step, n) - 1
    else:
        bad, step = guess, 1
        while bad - step >= 0 and not fits_at(bad - step):
            bad -= step
            step *= 2
        if bad - step < 0:
            if bad == 0 or not fits_at(0):
                return None
            good = 0
        else:
            good = bad - step
        lo, hi = good + 1, bad - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if fits_at(mid):
            good, lo = mid, mid + 1
        else:
            hi = mid - 1
    return candidates[good]


def _best_break(text: str, pos: int, words: list[int], sentences: set[int], bounds: list[int],
                protected: list[tuple[int, int]], ok: Fits, hint: int = 0) -> tuple[int, int]:
    """Where this part ends, and the furthest it could have reached (the next part's hint)."""
    # The end of the text is a candidate too: the rest may fit in this part.
    best = _last_fitting(words + [len(text)], pos, text, ok, hint)
    if best is not None:
        if best == len(text):
            return best, best
        ends = [s for s in words if s <= best and s in sentences]
        if ends and (ends[-1] - pos) >= SENTENCE_MIN_SHARE * (best - pos):
            return ends[-1], best
        return best, best
    # One word longer than a whole post: cut it between graphemes, outside any entity.
    next_word = words[0] if words else len(text)
    inside = [b for b in bounds[bisect_right(bounds, pos):bisect_left(bounds, next_word)]
              if not any(a < b < z for a, z in protected)]
    cut = _last_fitting(inside, pos, text, ok)
    if cut is not None:
        return cut, cut
    # An entity alone is over the limit (a 400-character link on Bluesky): keep it whole; the
    # counter shows that part in red rather than publishing a broken link.
    whole = next((z for a, z in protected if a <= pos < z), next_word)
    return whole, whole
