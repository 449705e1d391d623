# SPDX-License-Identifier: GPL-3.0-or-later
"""A composer over a real workspace with four accounts, and a fixed "now"."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cmdesk.core.model import Account
from cmdesk.core.services import build_services

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


@pytest.fixture
def services(tmp_path):
    built = build_services(tmp_path / "data")
    built.workspace.settings.set_value("timezone", "Europe/Paris")
    yield built
    built.close()


@pytest.fixture
def accounts(services):
    made = {
        "mastodon": Account("mastodon", "@brand@mastodon.social"),
        "bluesky": Account("bluesky", "brand.bsky.social"),
        "x": Account("x", "@brand"),
        "linkedin": Account("linkedin", "Brand SAS"),
    }
    for account in made.values():
        services.workspace.accounts.save(account)
    return made


@pytest.fixture
def open_composer(qtbot, services, runner, accounts, monkeypatch):
    from cmdesk.gui.composer import ComposerDialog

    # Closing a dialog with typed text asks first; at teardown nobody is there to answer the
    # modal question, so tests discard unless they patch the instance themselves.
    monkeypatch.setattr(ComposerDialog, "confirm_discard", lambda self: True)

    def opener(post_id=None, networks=("mastodon", "bluesky", "x")):
        from PySide6.QtWidgets import QCheckBox

        dialog = ComposerDialog(services, runner, post_id, clock=lambda: NOW)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.loaded, timeout=5000):
            pass
        for network in networks:
            dialog.findChild(QCheckBox, f"account-{accounts[network].id}").setChecked(True)
        return dialog

    return opener
