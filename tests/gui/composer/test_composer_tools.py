# SPDX-License-Identifier: GPL-3.0-or-later
"""Thread split, snippets and pictures in the composer."""

from __future__ import annotations

import regex
from PIL import Image
from PySide6.QtWidgets import QPlainTextEdit

from cmdesk.core.preflight import ALT_REQUIRED_SETTING
from cmdesk.core.snippets import Snippet, SnippetBook
from cmdesk.core.text import measure
from tests.gui.composer.typing import type_text

LONG = " ".join(["Nous préparons une nouvelle version de cmdesk, avec des aperçus fidèles."] * 9)


def split(qtbot, dialog):
    with qtbot.waitSignal(dialog.thread.split_done, timeout=5000):
        dialog.thread.split_button.click()


def test_split_into_a_thread_edit_a_part_and_save(qtbot, open_composer, services):
    dialog = open_composer(networks=("x", "mastodon"))
    dialog.tabs.main.setPlainText(LONG)
    split(qtbot, dialog)
    main = dialog.tabs.main.toPlainText()
    parts = dialog.thread.parts
    total = len(parts) + 1
    assert total >= 3
    assert main.endswith(f" 1/{total}") and parts[-1].endswith(f" {total}/{total}")
    assert all(measure("x", p).ok for p in [main, *parts])
    second = dialog.findChild(QPlainTextEdit, "thread-part-2")
    second.moveCursor(second.textCursor().MoveOperation.Start)
    type_text(second, "Suite : ")
    qtbot.waitUntil(dialog.schedule_button.isEnabled, timeout=3000)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        dialog.schedule_button.click()
    post = services.workspace.posts.get(blocker.args[0])
    assert post.text == main
    assert post.thread[0].startswith("Suite : ") and len(post.thread) == total - 1


def test_an_over_long_thread_part_blocks_scheduling(qtbot, open_composer):
    dialog = open_composer(networks=("x",))
    dialog.tabs.main.setPlainText(LONG)
    split(qtbot, dialog)
    dialog.findChild(QPlainTextEdit, "thread-part-2").insertPlainText("x" * 300)  # a paste
    qtbot.waitUntil(lambda: "X: the text is" in dialog.issues.text(), timeout=3000)
    assert not dialog.schedule_button.isEnabled()


def test_join_puts_the_thread_back_in_one_text(qtbot, open_composer):
    dialog = open_composer(networks=("x",))
    dialog.tabs.main.setPlainText(LONG)
    split(qtbot, dialog)
    dialog.thread.join_button.click()
    assert dialog.thread.parts == []
    assert dialog.tabs.main.toPlainText().split() == LONG.split()
    assert not regex.search(r"\d+/\d+", dialog.tabs.main.toPlainText())


def test_snippets_menu_inserts_a_hashtag_set_and_a_signature(qtbot, open_composer, services):
    book = SnippetBook(services.workspace.settings)
    book.save(Snippet("Lancement", "#cmdesk #lancement"))
    book.save(Snippet("Équipe", "— L'équipe", kind="signature"))
    dialog = open_composer()
    qtbot.waitUntil(lambda: len(dialog.snippets.snippets) == 2, timeout=3000)
    type_text(dialog.tabs.main, "Bonjour")
    actions = {a.text(): a for a in dialog.snippets.menu().actions()}
    actions["Lancement"].trigger()
    actions["Équipe"].trigger()
    assert dialog.tabs.main.toPlainText() == "Bonjour #cmdesk #lancement\n\n— L'équipe"
    dialog.tabs.main.undo()  # one undo per snippet
    assert dialog.tabs.main.toPlainText() == "Bonjour #cmdesk #lancement"


def test_managing_snippets_refuses_bad_input_and_stores_good(qtbot, open_composer, services):
    from cmdesk.gui.composer.snippets_menu import SnippetsDialog

    dialog = open_composer()
    qtbot.waitUntil(lambda: dialog.snippets.menu().actions() != [], timeout=3000)
    dialog.snippets.manage()
    manager = dialog.snippets.findChild(SnippetsDialog)
    manager.text.setPlainText("#x")
    manager.save_button.click()
    assert manager.error.text() == "A snippet needs a name."
    assert manager.list.count() == 0
    manager.name.setText("Été")
    manager.save_button.click()
    qtbot.waitUntil(lambda: [s.name for s in dialog.snippets.snippets] == ["Été"], timeout=3000)
    assert [(s.name, s.text) for s in SnippetBook(services.workspace.settings).all()] == [("Été", "#x")]


def picture(tmp_path, name="photo.jpg", size=(1200, 800)):
    path = tmp_path / name
    Image.new("RGB", size, "teal").save(path)
    return str(path)


def test_a_picture_gets_a_thumbnail_off_the_gui_thread_and_an_alt_text_warning(qtbot, open_composer,
                                                                               tmp_path, services):
    dialog = open_composer(networks=("mastodon",))
    type_text(dialog.tabs.main, "Photo")
    dialog.media.add_paths([picture(tmp_path)])
    qtbot.waitUntil(dialog.media.ready, timeout=5000)
    assert not dialog.media.list.item(0).icon().isNull()
    qtbot.waitUntil(lambda: "Mastodon: picture 1 has no alt text." in dialog.issues.text(), timeout=3000)
    qtbot.waitUntil(dialog.schedule_button.isEnabled, timeout=3000)  # only a warning
    dialog.media.list.setCurrentRow(0)
    type_text(dialog.media.alt, "Un canard")
    qtbot.waitUntil(lambda: "alt text" not in dialog.issues.text(), timeout=3000)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        dialog.schedule_button.click()
    assert services.workspace.posts.get(blocker.args[0]).media[0].alt == "Un canard"


def test_missing_alt_text_blocks_when_the_setting_requires_it(qtbot, open_composer, tmp_path, services):
    services.workspace.settings.set_value(ALT_REQUIRED_SETTING, True)
    dialog = open_composer(networks=("bluesky",))
    type_text(dialog.tabs.main, "Photo")
    dialog.media.add_paths([picture(tmp_path)])
    qtbot.waitUntil(lambda: "Bluesky: picture 1 has no alt text." in dialog.issues.text(), timeout=5000)
    assert not dialog.schedule_button.isEnabled()


def test_too_many_pictures_for_a_network(qtbot, open_composer, tmp_path):
    dialog = open_composer(networks=("x",))
    type_text(dialog.tabs.main, "Album")
    dialog.media.add_paths([picture(tmp_path, f"{i}.jpg") for i in range(5)])
    qtbot.waitUntil(lambda: "X takes at most 4 pictures; this post has 5." in dialog.issues.text(),
                    timeout=5000)
    assert not dialog.schedule_button.isEnabled()


def test_edit_image_opens_the_studio_and_its_changes_come_back(qtbot, open_composer, tmp_path, services):
    from cmdesk.gui.studio import ImageStudioDialog

    dialog = open_composer(networks=("bluesky",))
    type_text(dialog.tabs.main, "Photo")
    dialog.media.add_paths([picture(tmp_path, "a.jpg"), picture(tmp_path, "b.jpg")])
    qtbot.waitUntil(dialog.media.ready, timeout=5000)
    dialog.media.list.setCurrentRow(1)
    assert dialog.media.studio_button.isEnabled()
    dialog.media.studio_button.click()
    studio = dialog.media.findChild(ImageStudioDialog)
    assert studio is not None
    studio.alt.setPlainText("Deux canards")
    with qtbot.waitSignal(studio.saved, timeout=5000):
        studio.save()
    qtbot.waitUntil(lambda: dialog.media.media[1].alt == "Deux canards", timeout=3000)
    assert dialog.media.media[0].alt == ""


def test_splitting_again_reflows_the_whole_thread_and_loses_nothing(qtbot, open_composer, accounts):
    from PySide6.QtWidgets import QCheckBox

    dialog = open_composer(networks=("mastodon",))
    dialog.tabs.main.setPlainText(LONG)
    split(qtbot, dialog)
    first = len(dialog.thread.parts) + 1
    dialog.findChild(QCheckBox, f"account-{accounts['x'].id}").setChecked(True)  # a tighter limit
    split(qtbot, dialog)
    second = len(dialog.thread.parts) + 1
    assert second > first
    rebuilt = dialog.thread.whole_text()
    assert rebuilt.split() == LONG.split()


def test_typing_during_a_split_keeps_the_typing(qtbot):
    from cmdesk.gui.composer.thread_panel import ThreadPanel
    from tests.gui.composer.fakes import HeldRunner

    runner = HeldRunner()
    panel = ThreadPanel(runner)
    qtbot.addWidget(panel)
    replaced = []
    panel.main_text_replaced.connect(replaced.append)
    panel.set_networks(["x"])
    panel.main_text = LONG
    panel.split()
    panel.main_text = LONG + " Encore."  # the user types on before the split result arrives
    runner.finish_all()
    assert replaced == [] and panel.parts == []
    assert panel.hint.text() == "The text changed while splitting; split again."
    panel.split()
    runner.finish_all()
    assert len(replaced) == 1 and panel.parts


def test_clicking_an_issue_goes_to_what_needs_fixing(qtbot, open_composer, tmp_path):
    dialog = open_composer(networks=("x", "mastodon"))
    dialog.show()
    dialog.tabs.main.setPlainText("a" * 300)
    dialog.media.add_paths([picture(tmp_path, "a.jpg"), picture(tmp_path, "b.jpg")])
    qtbot.waitUntil(lambda: "X: picture 2 has no alt text." in dialog.issues.text(), timeout=5000)
    by_text = {i.message: n for n, i in enumerate(dialog.issues.issues)}
    dialog.issues.linkActivated.emit(f"issue:{by_text['X: picture 2 has no alt text.']}")
    assert dialog.media.list.currentRow() == 1
    dialog.issues.linkActivated.emit(f"issue:{by_text['X: the text is 20 over the limit of 280.']}")
    assert dialog.tabs.currentWidget() is dialog.tabs.editor("x").parentWidget()


def test_thumbnails_are_decoded_on_the_worker_and_a_broken_file_says_so(qtbot, open_composer, tmp_path,
                                                                         runner, monkeypatch):
    from PySide6.QtGui import QImage

    from cmdesk.gui.composer.media_panel import MediaPanel

    thumbnail_results = []
    real_run_background = runner.run_background

    def spying(work, on_done=None, on_error=None, *, owner=None):
        if isinstance(owner, MediaPanel):
            def watched():
                result = work()
                thumbnail_results.append(result[0])
                return result
            return real_run_background(watched, on_done, on_error, owner=owner)
        return real_run_background(work, on_done, on_error, owner=owner)

    monkeypatch.setattr(runner, "run_background", spying)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a picture at all")
    dialog = open_composer(networks=("mastodon",))
    type_text(dialog.tabs.main, "Photo")
    dialog.media.add_paths([picture(tmp_path), str(broken)])
    qtbot.waitUntil(dialog.media.ready, timeout=5000)
    # The worker hands back a decoded QImage, so the GUI thread only uploads it to a pixmap.
    decoded = [r for r in thumbnail_results if r is not None]
    assert len(decoded) == 1 and isinstance(decoded[0], QImage) and not decoded[0].isNull()
    assert not dialog.media.list.item(0).icon().isNull()
    assert dialog.media.list.item(1).icon().isNull()
    qtbot.waitUntil(lambda: "Mastodon: picture 2 cannot be read." in dialog.issues.text(), timeout=3000)
