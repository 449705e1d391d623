# SPDX-License-Identifier: GPL-3.0-or-later
"""Typing in the composer: each network's counter follows its own rule, turns colour near and
over the limit, and an over-long text blocks scheduling with a message naming the network."""

from __future__ import annotations

import unicodedata

from PySide6.QtWidgets import QCheckBox, QLabel

from tests.gui.composer.fakes import HeldRunner
from tests.gui.composer.typing import type_text


def counter(dialog, network) -> QLabel:
    return dialog.findChild(QLabel, f"counter-{network}")


def type_main(qtbot, dialog, text):
    dialog.tabs.setCurrentIndex(0)
    type_text(dialog.tabs.main, text)


def wait_count(qtbot, dialog, network, fragment):
    qtbot.waitUntil(lambda: fragment in counter(dialog, network).text(), timeout=3000)


def test_counters_follow_each_networks_rule_for_emoji(qtbot, open_composer):
    dialog = open_composer()
    type_main(qtbot, dialog, "Salut 👋🏽")
    wait_count(qtbot, dialog, "x", "8/280")  # an emoji with its skin tone weighs 2
    wait_count(qtbot, dialog, "mastodon", "7/500")  # graphemes: the waving hand with its tone is one
    wait_count(qtbot, dialog, "bluesky", "7/300")
    assert "14/3000" in counter(dialog, "bluesky").text()  # 6 ASCII bytes + 8 for the emoji


def test_accents_typed_decomposed_count_like_precomposed(qtbot, open_composer):
    dialog = open_composer()
    type_main(qtbot, dialog, unicodedata.normalize("NFD", "Été à Noël"))
    for network, expected in (("x", "10/280"), ("mastodon", "10/500"), ("bluesky", "10/300")):
        wait_count(qtbot, dialog, network, expected)
    assert "14/3000" in counter(dialog, "bluesky").text()  # bytes of the NFC text (NFD is 18)


def test_counter_turns_amber_then_red_and_scheduling_is_blocked(qtbot, open_composer):
    dialog = open_composer()
    dialog.tabs.main.setPlainText("a" * 260)
    qtbot.waitUntil(lambda: counter(dialog, "x").property("level") == "near", timeout=3000)
    assert counter(dialog, "mastodon").property("level") == "ok"
    qtbot.waitUntil(dialog.schedule_button.isEnabled, timeout=3000)  # near is still fine
    type_main(qtbot, dialog, "b" * 21)
    qtbot.waitUntil(lambda: counter(dialog, "x").property("level") == "over", timeout=3000)
    qtbot.waitUntil(lambda: not dialog.schedule_button.isEnabled(), timeout=3000)
    assert "X: the text is 1 over the limit of 280." in dialog.issues.text()
    assert counter(dialog, "bluesky").property("level") == "near"  # 281/300: close, not over


def test_a_shorter_x_variant_unblocks_scheduling(qtbot, open_composer):
    dialog = open_composer()
    dialog.tabs.main.setPlainText("a" * 290)
    qtbot.waitUntil(lambda: not dialog.schedule_button.isEnabled(), timeout=3000)
    dialog.tabs.setCurrentWidget(dialog.tabs.editor("x").parentWidget())
    editor = dialog.tabs.editor("x")
    editor.selectAll()
    type_text(editor, "Version courte pour X 🚀")
    qtbot.waitUntil(dialog.schedule_button.isEnabled, timeout=3000)
    assert counter(dialog, "x").property("level") == "ok"
    assert "24/280" in counter(dialog, "x").text()  # 22 letters and spaces, the rocket weighs 2


def test_typing_fast_counts_once_after_the_pause(qtbot, open_composer):
    dialog = open_composer()
    with qtbot.waitSignal(dialog.counters.counted, timeout=3000) as blocker:
        type_main(qtbot, dialog, "bonjour tout le monde")
    assert blocker.args[0]["x"].used == len("bonjour tout le monde")


def test_instagram_hashtag_cap_in_the_counter(qtbot, open_composer, services):
    from cmdesk.core.model import Account

    insta = Account("instagram", "brand.insta")
    services.workspace.accounts.save(insta)
    dialog = open_composer(networks=())
    dialog.findChild(QCheckBox, f"account-{insta.id}").setChecked(True)
    dialog.tabs.main.setPlainText(" ".join(f"#t{i}" for i in range(31)))
    qtbot.waitUntil(lambda: "31/30 hashtags" in counter(dialog, "instagram").text(), timeout=3000)
    assert counter(dialog, "instagram").property("level") == "over"
    qtbot.waitUntil(lambda: "Instagram: 31 hashtags, at most 30 are allowed." in dialog.issues.text(),
                    timeout=3000)
    assert not dialog.schedule_button.isEnabled()


def test_mastodon_limit_comes_from_the_instance_and_the_strictest_account_wins(qtbot, open_composer,
                                                                               services, accounts):
    from cmdesk.core.model import Account

    big = Account("mastodon", "@brand@big.example", settings={"max_characters": 1000, "url_length": 23})
    services.workspace.accounts.save(big)
    dialog = open_composer(networks=())
    dialog.findChild(QCheckBox, f"account-{big.id}").setChecked(True)
    dialog.tabs.main.setPlainText("a" * 700)
    qtbot.waitUntil(lambda: "700/1000" in counter(dialog, "mastodon").text(), timeout=3000)
    assert counter(dialog, "mastodon").property("level") == "ok"
    dialog.findChild(QCheckBox, f"account-{accounts['mastodon'].id}").setChecked(True)  # 500
    qtbot.waitUntil(lambda: "700/500" in counter(dialog, "mastodon").text(), timeout=3000)
    assert counter(dialog, "mastodon").property("level") == "over"


def test_a_long_text_is_counted_off_the_gui_thread_and_stale_counts_are_dropped(qtbot):
    from cmdesk.gui.composer.counters import BACKGROUND_CHARS, CounterBar

    texts = {"linkedin": "court"}
    runner = HeldRunner()
    bar = CounterBar(lambda n: texts[n], lambda: False, runner=runner)
    qtbot.addWidget(bar)
    bar.set_networks(["linkedin"])  # a short text: counted at once
    assert "5/3000" in bar.label("linkedin").text() and runner.jobs == []
    shown = []
    bar.counted.connect(lambda found: shown.append(found["linkedin"].used))
    texts["linkedin"] = "a" * BACKGROUND_CHARS
    bar.recount()
    texts["linkedin"] = "a" * (BACKGROUND_CHARS + 10)  # typed on while the first count runs
    bar.recount()
    assert len(runner.jobs) == 2 and shown == []  # both on the pool, nothing shown yet
    runner.finish_all(newest_first=True)  # the newer count finishes first
    assert shown == [BACKGROUND_CHARS + 10]  # the stale count never reached the screen
    assert f"{BACKGROUND_CHARS + 10}/3000" in bar.label("linkedin").text()
