# SPDX-License-Identifier: GPL-3.0-or-later
"""Hashtag sets and signatures the user inserts into posts, kept in the workspace settings.

The whole list is one settings value, so an edit is one write and a crash never leaves half a
list behind.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

from cmdesk.core.i18n import translate

SETTING_KEY = "snippets"
KINDS = ("hashtags", "signature")


class SnippetError(ValueError):
    """Bad input for a snippet; ``str(error)`` is the translated message."""


@dataclass
class Snippet:
    name: str
    text: str
    kind: str = "hashtags"  # hashtags | signature
    id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def to_doc(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Snippet:
        return cls(name=doc.get("name", ""), text=doc.get("text", ""),
                   kind=doc.get("kind", "hashtags"), id=doc.get("id") or uuid.uuid4().hex)


def validate(snippet: Snippet) -> None:
    if not snippet.name.strip():
        raise SnippetError(translate("Snippets", "A snippet needs a name."))
    if not snippet.text.strip():
        raise SnippetError(translate("Snippets", "A snippet needs some text."))
    if snippet.kind not in KINDS:
        raise SnippetError(translate("Snippets", "Unknown snippet kind: {kind}.").format(kind=snippet.kind))


def insert(text: str, snippet: Snippet, cursor: int | None = None) -> tuple[str, int]:
    """The text with the snippet added, and where the cursor goes next.

    A signature goes at the end after a blank line; a hashtag set goes at the cursor (the end
    by default), with a space on each side only where the text needs one.
    """
    body = snippet.text.strip()
    if snippet.kind == "signature":
        head = text.rstrip()
        new = f"{head}\n\n{body}" if head else body
        return new, len(new)
    if cursor is None:
        cursor = len(text)
    before, after = text[:cursor], text[cursor:]
    sep_before = " " if before and not before[-1].isspace() else ""
    sep_after = " " if after and not after[0].isspace() else ""
    new = f"{before}{sep_before}{body}{sep_after}{after}"
    return new, len(before) + len(sep_before) + len(body)


class SnippetBook:
    """The snippets of a workspace (``settings`` is its SettingsRepository)."""

    def __init__(self, settings: Any) -> None:
        self._settings = settings

    def all(self) -> list[Snippet]:
        return [Snippet.from_doc(d) for d in self._settings.get_value(SETTING_KEY, []) or []]

    def of_kind(self, kind: str) -> list[Snippet]:
        return [s for s in self.all() if s.kind == kind]

    def save(self, snippet: Snippet) -> Snippet:
        """Add or replace (by id). Raises SnippetError and stores nothing on bad input."""
        validate(snippet)
        current = self.all()
        items = [s for s in current if s.id != snippet.id]
        existing = [s.id for s in current]
        if snippet.id in existing:
            items.insert(existing.index(snippet.id), snippet)
        else:
            items.append(snippet)
        self._write(items)
        return snippet

    def remove(self, snippet_id: str) -> None:
        self._write([s for s in self.all() if s.id != snippet_id])

    def _write(self, items: list[Snippet]) -> None:
        self._settings.set_value(SETTING_KEY, [s.to_doc() for s in items])
