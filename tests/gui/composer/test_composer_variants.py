# SPDX-License-Identifier: GPL-3.0-or-later
"""Variants follow the main text until edited, can follow it again, and only edited ones are
stored; saving goes through the store and a reopened post shows what was saved."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QCheckBox

from cmdesk.core.model import Post, Target, TargetState
from tests.gui.composer.conftest import NOW
from tests.gui.composer.typing import type_text


def saved_post(qtbot, dialog, services, button):
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        button.click()
    return services.workspace.posts.get(blocker.args[0])


def test_variant_follows_until_edited_then_resets(qtbot, open_composer):
    dialog = open_composer()
    type_text(dialog.tabs.main, "Bonjour")
    assert dialog.tabs.editor("bluesky").toPlainText() == "Bonjour"
    type_text(dialog.tabs.editor("bluesky"), " Bluesky")
    type_text(dialog.tabs.main, " à tous")
    assert dialog.tabs.editor("bluesky").toPlainText() == "Bonjour Bluesky"
    assert dialog.tabs.editor("mastodon").toPlainText() == "Bonjour à tous"
    tab = dialog.tabs.indexOf(dialog.tabs.editor("bluesky").parentWidget())
    assert dialog.tabs.tabText(tab).endswith("✎")
    dialog.findChild(type(dialog.schedule_button), "reset-bluesky").click()
    assert dialog.tabs.editor("bluesky").toPlainText() == "Bonjour à tous"
    assert not dialog.tabs.tabText(tab).endswith("✎")
    type_text(dialog.tabs.main, "!")
    assert dialog.tabs.editor("bluesky").toPlainText() == "Bonjour à tous!"


def test_schedule_stores_text_only_edited_variants_targets_time_and_labels(qtbot, open_composer,
                                                                            services, accounts):
    dialog = open_composer()
    type_text(dialog.tabs.main, "Lancement demain")
    type_text(dialog.tabs.editor("x"), " sur X")
    dialog.schedule_box.tags.setText("lancement, produit")
    dialog.schedule_box.campaign.setText("Automne")
    qtbot.waitUntil(dialog.schedule_button.isEnabled, timeout=3000)
    post = saved_post(qtbot, dialog, services, dialog.schedule_button)
    assert post.text == "Lancement demain"
    assert post.variants == {"x": "Lancement demain sur X"}
    assert sorted(t.network for t in post.targets) == ["bluesky", "mastodon", "x"]
    assert {t.state for t in post.targets} == {TargetState.SCHEDULED}
    assert post.zone == "Europe/Paris"
    assert post.planned_at == datetime(2026, 11, 22, 10, 0, tzinfo=UTC)  # 11:00 in Paris
    assert (post.tags, post.campaign) == (["lancement", "produit"], "Automne")


def test_draft_has_no_time_and_draft_targets(qtbot, open_composer, services):
    dialog = open_composer(networks=("linkedin",))
    type_text(dialog.tabs.main, "Idée à creuser")
    post = saved_post(qtbot, dialog, services, dialog.save_draft_button)
    assert post.planned_at is None and post.is_draft
    assert [(t.network, t.state) for t in post.targets] == [("linkedin", TargetState.DRAFT)]


def test_past_time_blocks_scheduling_with_a_message(qtbot, open_composer):
    dialog = open_composer()
    type_text(dialog.tabs.main, "Trop tard")
    dialog.schedule_box.time.setTime(dialog.schedule_box.time.time().addSecs(-3 * 3600))
    qtbot.waitUntil(lambda: "The planned time is in the past." in dialog.issues.text(), timeout=3000)
    assert not dialog.schedule_button.isEnabled()


def test_reopening_a_post_shows_it_and_keeps_published_targets(qtbot, open_composer, services,
                                                               accounts):
    post = Post(text="Déjà parti", variants={"bluesky": "Version Bluesky"}, zone="Europe/Paris",
                planned_at=NOW.replace(hour=15),
                targets=[Target(accounts["bluesky"].id, "bluesky"),
                         Target(accounts["mastodon"].id, "mastodon", state=TargetState.PUBLISHED)])
    services.workspace.posts.save(post)
    dialog = open_composer(post.id, networks=())
    assert dialog.tabs.main.toPlainText() == "Déjà parti"
    assert dialog.tabs.editor("bluesky").toPlainText() == "Version Bluesky"
    assert dialog.schedule_box.time.time().hour() == 16  # 15:00 UTC shown in Paris time
    mastodon_box = dialog.findChild(QCheckBox, f"account-{accounts['mastodon'].id}")
    mastodon_box.setChecked(False)
    post_after = saved_post(qtbot, dialog, services, dialog.save_draft_button)
    states = {t.network: t.state for t in post_after.targets}
    assert states == {"bluesky": TargetState.DRAFT, "mastodon": TargetState.PUBLISHED}


def test_an_unknown_zone_is_refused_with_a_message_and_nothing_is_saved(qtbot, open_composer, services):
    dialog = open_composer()
    type_text(dialog.tabs.main, "Bonjour")
    dialog.schedule_box.zone.setCurrentText("Mars/Olympus_Mons")
    qtbot.waitUntil(lambda: "Unknown time zone: Mars/Olympus_Mons" in dialog.issues.text(), timeout=3000)
    assert not dialog.schedule_button.isEnabled()
    dialog.schedule()  # even if called directly (a keyboard shortcut), nothing is written
    assert list(services.workspace.posts.all()) == []


def test_targets_of_disabled_accounts_are_kept(qtbot, open_composer, services, accounts):
    x = accounts["x"]
    x.status = "disabled"
    services.workspace.accounts.save(x)
    post = Post(text="Ancien", targets=[Target(x.id, "x"), Target(accounts["bluesky"].id, "bluesky")])
    services.workspace.posts.save(post)
    dialog = open_composer(post.id, networks=())
    assert dialog.findChild(QCheckBox, f"account-{x.id}") is None
    saved = saved_post(qtbot, dialog, services, dialog.save_draft_button)
    assert sorted(t.network for t in saved.targets) == ["bluesky", "x"]


def test_ctrl_enter_schedules(qtbot, open_composer, services):
    from PySide6.QtCore import Qt

    dialog = open_composer(networks=("bluesky",))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    qtbot.waitActive(dialog)  # a window shortcut needs the window to be the active one
    type_text(dialog.tabs.main, "Au clavier")
    qtbot.waitUntil(dialog.schedule_button.isEnabled, timeout=3000)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        qtbot.keyClick(dialog.tabs.main, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert services.workspace.posts.get(blocker.args[0]).text == "Au clavier"


def test_cancel_with_unsaved_text_asks_and_keeps_the_dialog_open(qtbot, open_composer, monkeypatch):
    dialog = open_composer()
    asked = []
    monkeypatch.setattr(dialog, "confirm_discard", lambda: asked.append(True) or False)
    dialog.show()
    dialog.reject()  # nothing typed yet: closes without asking
    assert asked == [] and not dialog.isVisible()
    dialog = open_composer()
    monkeypatch.setattr(dialog, "confirm_discard", lambda: asked.append(True) or False)
    dialog.show()
    type_text(dialog.tabs.main, "Brouillon précieux")
    dialog.reject()
    assert asked == [True] and dialog.isVisible()  # the user chose to keep editing
    monkeypatch.setattr(dialog, "confirm_discard", lambda: True)
    dialog.reject()
    assert not dialog.isVisible()


def test_after_saving_closing_does_not_ask(qtbot, open_composer, services, monkeypatch):
    dialog = open_composer()
    monkeypatch.setattr(dialog, "confirm_discard", lambda: pytest.fail("asked after saving"))
    type_text(dialog.tabs.main, "Enregistré")
    saved_post(qtbot, dialog, services, dialog.save_draft_button)
    assert not dialog.isVisible()


def test_hand_off_is_offered_only_where_a_network_can_hold_the_post(qtbot, open_composer, services,
                                                                   accounts):
    dialog = open_composer(networks=("bluesky",))
    box = dialog.schedule_box.hand_off
    assert not box.isEnabled()  # Bluesky has no server-side scheduling
    dialog.findChild(QCheckBox, f"account-{accounts['mastodon'].id}").setChecked(True)
    assert box.isEnabled() and "Mastodon" in box.toolTip()
    box.setChecked(True)
    type_text(dialog.tabs.main, "Tenu par le serveur")
    qtbot.waitUntil(dialog.schedule_button.isEnabled, timeout=3000)
    assert saved_post(qtbot, dialog, services, dialog.schedule_button).hand_off
