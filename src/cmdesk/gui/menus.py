# SPDX-License-Identifier: GPL-3.0-or-later
"""The menu bar. Layout only: every action calls a method of the window's controller."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow

from cmdesk.core.i18n import translate


def _action(window: QMainWindow, text: str, slot, shortcut=None, *, name: str) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_menus(window) -> SimpleNamespace:
    """Create the menus of ``window`` (a MainWindow) and return its actions by name."""
    bar = window.menuBar()
    a = SimpleNamespace()
    key = QKeySequence.StandardKey

    file_menu = bar.addMenu(translate("Menus", "&File"))
    file_menu.setObjectName("menu-file")
    a.new_post = _action(
        window, translate("Menus", "&New post…"), window.new_post, key.New, name="new-post"
    )
    a.import_ = _action(window, translate("Menus", "&Import…"), window.import_posts, name="import")
    a.export = _action(window, translate("Menus", "&Export…"), window.export_posts, name="export")
    a.quit = _action(
        window, translate("Menus", "&Quit"), window.request_quit, key.Quit, name="quit"
    )
    file_menu.addActions([a.new_post])
    file_menu.addSeparator()
    file_menu.addActions([a.import_, a.export])
    file_menu.addSeparator()
    file_menu.addAction(a.quit)

    edit_menu = bar.addMenu(translate("Menus", "&Edit"))
    edit_menu.setObjectName("menu-edit")
    # The undo group follows whichever stack is active (the calendar's, or a dialog's).
    a.undo = window.undo_group.createUndoAction(window, translate("Menus", "&Undo"))
    a.undo.setShortcut(QKeySequence(key.Undo))
    a.redo = window.undo_group.createRedoAction(window, translate("Menus", "&Redo"))
    a.redo.setShortcut(QKeySequence(key.Redo))
    a.cut = _action(
        window, translate("Menus", "Cu&t"), lambda: window.forward("cut"), key.Cut, name="cut"
    )
    a.paste = _action(
        window,
        translate("Menus", "&Paste"),
        lambda: window.forward("paste"),
        key.Paste,
        name="paste",
    )
    a.delete = _action(
        window,
        translate("Menus", "&Delete"),
        lambda: window.forward("delete_selected"),
        key.Delete,
        name="delete",
    )
    edit_menu.addActions([a.undo, a.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([a.cut, a.paste, a.delete])

    view_menu = bar.addMenu(translate("Menus", "&View"))
    view_menu.setObjectName("menu-view")
    group = QActionGroup(window)
    a.views = {}
    for view, text, shortcut in (
        ("month", translate("Menus", "&Month"), "Ctrl+1"),
        ("week", translate("Menus", "&Week"), "Ctrl+2"),
        ("agenda", translate("Menus", "&Agenda"), "Ctrl+3"),
    ):
        action = _action(
            window, text, lambda v=view: window.set_view(v), shortcut, name=f"view-{view}"
        )
        action.setCheckable(True)
        group.addAction(action)
        view_menu.addAction(action)
        a.views[view] = action
    view_menu.addSeparator()
    a.today = _action(window, translate("Menus", "&Today"), window.go_today, "Ctrl+T", name="today")
    a.go_to = _action(
        window, translate("Menus", "&Go to date…"), window.ask_date, "Ctrl+G", name="go-to-date"
    )
    view_menu.addActions([a.today, a.go_to])
    a.outbox = window.outbox_dock.toggleViewAction()
    a.outbox.setText(translate("Menus", "&Outbox"))
    view_menu.addSeparator()
    view_menu.addAction(a.outbox)

    post_menu = bar.addMenu(translate("Menus", "&Post"))
    post_menu.setObjectName("menu-post")
    a.post_new = _action(window, translate("Menus", "&New…"), window.new_post, name="post-new")
    a.queue = _action(
        window,
        translate("Menus", "Add to &queue…"),
        window.add_to_queue,
        "Ctrl+Shift+Q",
        name="queue",
    )
    post_menu.addActions([a.post_new, a.queue])

    settings_menu = bar.addMenu(translate("Menus", "&Settings"))
    settings_menu.setObjectName("menu-settings")
    a.accounts = _action(
        window, translate("Menus", "&Accounts…"), window.open_accounts, name="accounts"
    )
    a.preferences = _action(
        window,
        translate("Menus", "&Preferences…"),
        window.open_preferences,
        key.Preferences,
        name="preferences",
    )
    settings_menu.addActions([a.accounts, a.preferences])

    help_menu = bar.addMenu(translate("Menus", "&Help"))
    help_menu.setObjectName("menu-help")
    a.about = _action(window, translate("Menus", "&About cmdesk"), window.about, name="about")
    help_menu.addAction(a.about)
    a.menus = [file_menu, edit_menu, view_menu, post_menu, settings_menu, help_menu]
    return a
