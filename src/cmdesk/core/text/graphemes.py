# SPDX-License-Identifier: GPL-3.0-or-later
"""Unicode units the networks count in: grapheme clusters, code points, UTF-8 bytes, UTF-16 units.

Every count starts from NFC so that French typed with combining accents (NFD, as macOS input
methods and some copy-pastes produce) counts the same as precomposed text. Publishers should send
``normalize(text)`` so what goes out is what was counted.
"""

from __future__ import annotations

import unicodedata

import regex

_GRAPHEME = regex.compile(r"\X")
# Extended_Pictographic covers emoji bases; regional indicators make flags. A cluster holding one
# of them is an emoji for the networks that weigh emoji differently (Threads, X).
_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}]")


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def graphemes(text: str) -> list[str]:
    return _GRAPHEME.findall(text)


def grapheme_count(text: str) -> int:
    return len(graphemes(text))


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def utf16_len(text: str) -> int:
    # surrogatepass so a lone surrogate (pasted from a broken source) still counts instead of raising
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def is_emoji(cluster: str) -> bool:
    return _EMOJI.search(cluster) is not None


def grapheme_boundaries(text: str) -> list[int]:
    """Indices (into ``text``) where a grapheme cluster starts, plus ``len(text)``."""
    bounds = [m.start() for m in _GRAPHEME.finditer(text)]
    bounds.append(len(text))
    return bounds
