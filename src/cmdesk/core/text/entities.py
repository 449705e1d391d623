# SPDX-License-Identifier: GPL-3.0-or-later
"""Links, hashtags and mentions in a text, as character spans.

Counting (Mastodon's 23-character links, Instagram's hashtag cap) and previews (styled links and
tags) both read these. Bluesky's UTF-8 byte-offset facets live in ``facets.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# http(s) only: Mastodon recognises nothing else and a bare "example.com" counts letter by letter.
# A host needs a dot and a TLD of two or more letters (or an IPv4 or a [IPv6] literal);
# trailing punctuation belongs to the sentence, not the link.
_URL = regex.compile(
    r"""(?<![\w@/.])https?://
        (?:[^\s/?#@]+@)?
        (?:(?:[\p{L}\p{N}](?:[\p{L}\p{N}_-]*[\p{L}\p{N}])?\.)+\p{L}{2,}
           |\d{1,3}(?:\.\d{1,3}){3}
           |\[[0-9a-fA-F:]+\])
        (?::\d{1,5})?
        (?:[/?\#](?:\([^\s()<>]*\)|[^\s()<>"])*
            (?:\([^\s()<>]*\)|[^\s()<>".,;:!?'\[\]{}«»“”…]))?
        /?""",
    regex.VERBOSE | regex.IGNORECASE,
)
# A hashtag starts after a non-word character and must hold at least one letter (#123 is no tag).
_HASHTAG = regex.compile(r"(?<![\w&#])[#＃](?=[\p{L}\p{M}\p{N}_]*[\p{L}\p{M}])[\p{L}\p{M}\p{N}_]+")
# @user, or @user@domain (fediverse). A mention never starts inside a word or an e-mail address.
_MENTION = regex.compile(
    r"(?<![\w@/])@(?P<user>[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?)"
    r"(?P<domain>@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?"
)


@dataclass(frozen=True)
class Entity:
    kind: str  # "link" | "hashtag" | "mention"
    start: int  # character index, inclusive
    end: int  # character index, exclusive
    text: str

    @property
    def user(self) -> str:
        """For a mention: the part before the domain, with its @ (what Mastodon counts)."""
        match = _MENTION.fullmatch(self.text)
        return "@" + match.group("user") if match else self.text


def links(text: str) -> list[Entity]:
    return [Entity("link", m.start(), m.end(), m.group()) for m in _URL.finditer(text)]


def find_entities(text: str) -> list[Entity]:
    """Links, hashtags and mentions, sorted by position, never overlapping (links win)."""
    found = links(text)
    taken = [(e.start, e.end) for e in found]

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for kind, pattern in (("hashtag", _HASHTAG), ("mention", _MENTION)):
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                found.append(Entity(kind, m.start(), m.end(), m.group()))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda e: e.start)


def hashtags(text: str) -> list[Entity]:
    return [e for e in find_entities(text) if e.kind == "hashtag"]
