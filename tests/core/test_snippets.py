# SPDX-License-Identifier: GPL-3.0-or-later
"""Hashtag sets and signatures: stored in the workspace, inserted where the user wants them."""

from __future__ import annotations

import pytest

from cmdesk.core.snippets import Snippet, SnippetBook, SnippetError, insert


def test_book_keeps_snippets_across_reopening(tmp_path):
    from cmdesk.core.store import open_workspace

    ws = open_workspace(tmp_path / "ws")
    book = SnippetBook(ws.settings)
    tags = book.save(Snippet("Lancement", "#cmdesk #lancement"))
    book.save(Snippet("Équipe", "— L'équipe cmdesk", kind="signature"))
    book.save(Snippet("Lancement 2026", "#cmdesk2026", id=tags.id))  # an edit keeps its place
    ws.close()
    again = SnippetBook(open_workspace(tmp_path / "ws").settings)
    assert [(s.name, s.kind) for s in again.all()] == [("Lancement 2026", "hashtags"),
                                                      ("Équipe", "signature")]
    again.remove(tags.id)
    assert [s.name for s in again.of_kind("hashtags")] == []


@pytest.mark.parametrize("bad", [Snippet("", "#a"), Snippet("nom", "  "), Snippet("n", "t", kind="x")])
def test_bad_snippets_are_refused_and_nothing_is_stored(workspace, bad):
    book = SnippetBook(workspace.settings)
    with pytest.raises(SnippetError) as caught:
        book.save(bad)
    assert str(caught.value)
    assert book.all() == []


def test_insert_hashtags_at_the_cursor_with_spaces_only_where_needed():
    tags = Snippet("t", "#un #deux")
    assert insert("Bonjour", tags) == ("Bonjour #un #deux", 17)
    assert insert("Bonjour monde", tags, 7) == ("Bonjour #un #deux monde", 17)
    assert insert("Bonjour ", tags) == ("Bonjour #un #deux", 17)


def test_signature_goes_at_the_end_after_a_blank_line():
    sig = Snippet("s", "— L'équipe", kind="signature")
    assert insert("Bonjour\n\n", sig, 0) == ("Bonjour\n\n— L'équipe", 19)
    assert insert("", sig) == ("— L'équipe", 10)
