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


def links(text: str, rule: str = "plain") -> list[Entity]:
    """Links by ``rule``: "plain" (http(s) with any TLD, used for previews and Bluesky facets),
    "twitter" (twitter-text's extractor, protocol required: what Mastodon's server uses) or
    "twitter-bare" (the same, bare domains too: what X uses). twitter-text only accepts known
    top-level domains, so "https://site.example" is a link by the plain rule only."""
    if rule == "plain":
        return [Entity("link", m.start(), m.end(), m.group()) for m in _URL.finditer(text)]
    from twitter_text.extract_urls import extract_urls_with_indices

    found = extract_urls_with_indices(text, extract_urls_without_protocol=rule == "twitter-bare")
    return [Entity("link", u["indices"][0], u["indices"][1], u["url"]) for u in found]


def find_entities(text: str, link_rule: str = "plain") -> list[Entity]:
    """Links, hashtags and mentions, sorted by position, never overlapping (links win)."""
    found = links(text, link_rule)
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
