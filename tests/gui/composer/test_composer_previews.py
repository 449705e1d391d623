# SPDX-License-Identifier: GPL-3.0-or-later
"""Previews: one card per chosen network, with that network's text, styling and feed fold."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel

from cmdesk.gui.composer.networks import FOLD_CHARS
from cmdesk.gui.composer.preview import NetworkPreview
from cmdesk.gui.composer.rich import fold_at, render

LINK = "https://cmdesk.app/blog/une-adresse-vraiment-tres-longue"


def test_fold_is_where_the_feed_cuts_and_never_inside_a_link():
    text = "a" * 200 + " " + LINK
    assert fold_at("linkedin", text) == 201  # the link would straddle 210: fold before it
    assert fold_at("linkedin", "a" * 210) is None
    assert fold_at("mastodon", "a" * 5000) is None
    assert fold_at("instagram", "b" * 500) == FOLD_CHARS["instagram"]


def test_render_styles_entities_shortens_links_and_escapes_html():
    html = render("mastodon", f"<b>hi</b> {LINK} #tag @alice@example.social", "more")
    assert "&lt;b&gt;hi&lt;/b&gt;" in html
    assert "cmdesk.app/blog/une-adresse-v…" in html and LINK not in html
    assert html.count("<span") == 3
    assert render("linkedin", f"voir {LINK}", "more").count(LINK) == 1  # LinkedIn shows it whole


def test_mastodon_links_only_what_its_server_links():
    # The server's extractor knows top-level domains: an unknown one stays plain text.
    assert "<span" not in render("mastodon", "https://cmdesk.invalidtld/x", "more")
    assert "<span" in render("mastodon", "https://cmdesk.app/x", "more")
    # Usernames are ASCII there: "@zoé@exemple.fr" is no remote mention (at most "@zo" is).
    assert "@zoé@exemple.fr</span>" not in render("mastodon", "@zoé@exemple.fr", "more")
    assert "@bob@exemple.fr</span>" in render("mastodon", "@bob@exemple.fr", "more")


def test_render_uses_bluesky_facet_rules_for_mentions():
    # A Bluesky handle is a domain name: "@alice" alone is plain text there, not a mention.
    assert "<span" not in render("bluesky", "merci @alice", "more")
    assert render("bluesky", "merci @alice.bsky.social", "more").count("<span") == 1


def test_previews_follow_the_chosen_networks_and_their_variants(qtbot, open_composer, accounts):
    dialog = open_composer(networks=("mastodon", "linkedin"))
    dialog.tabs.main.setPlainText("Bonjour " + "très " * 60)
    dialog.tabs.editor("mastodon").setPlainText("Version Mastodon")
    qtbot.waitUntil(lambda: "Version Mastodon" in _body(dialog, "mastodon"), timeout=3000)
    linkedin = _body(dialog, "linkedin")
    assert linkedin.endswith("more</span>") and "Bonjour" in linkedin
    card = dialog.findChild(NetworkPreview, "preview-linkedin")
    assert "Brand SAS" in card.name.text()
    dialog.findChild(QCheckBox, f"account-{accounts['linkedin'].id}").setChecked(False)
    qtbot.waitUntil(lambda: dialog.findChild(NetworkPreview, "preview-linkedin") is None, timeout=3000)


def _body(dialog, network) -> str:
    card = dialog.findChild(NetworkPreview, f"preview-{network}")
    return card.findChild(QLabel, "preview-body").text()


def test_bluesky_shows_the_link_as_sent_x_shortens_it():
    assert LINK in render("bluesky", f"voir {LINK}", "more")
    assert LINK not in render("x", f"voir {LINK}", "more")


def test_thread_parts_show_under_the_first_post(qtbot, open_composer):
    dialog = open_composer(networks=("x",))
    dialog.tabs.main.setPlainText(" ".join(["Une phrase assez longue pour remplir un fil."] * 12))
    with qtbot.waitSignal(dialog.thread.split_done, timeout=5000):
        dialog.thread.split_button.click()
    card = dialog.findChild(NetworkPreview, "preview-x")
    qtbot.waitUntil(lambda: card.replies.text() != "", timeout=3000)
    total = len(dialog.thread.parts) + 1
    assert f"{total}/{total}" in card.replies.text()
    assert f"1/{total}" in _body(dialog, "x")


def test_instagram_shows_a_carousel_of_one_picture_at_a_time(qtbot):
    from PySide6.QtGui import QPixmap

    from cmdesk.core.model import MediaRef

    card = NetworkPreview("instagram")
    qtbot.addWidget(card)
    grid = card.grid
    pixmap = QPixmap(100, 100)
    grid.set_items([(pixmap, MediaRef("a.jpg")), (pixmap, MediaRef("b.jpg")), (pixmap, MediaRef("c.jpg"))])
    assert (grid.total, grid.shown) == (3, 1)
    x_grid = NetworkPreview("x", card).grid
    x_grid.set_items([(pixmap, MediaRef(f"{i}.jpg")) for i in range(3)])
    assert (x_grid.total, x_grid.shown) == (3, 3)
