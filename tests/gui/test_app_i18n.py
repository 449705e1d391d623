# SPDX-License-Identifier: GPL-3.0-or-later
"""``--lang fr`` turns the interface, core messages and dates French; ``en`` turns them back."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QDate, QLocale

from cmdesk.core.i18n import translate
from cmdesk.gui.i18n import choose_language, install_translations
from tests.gui.shell_support import ROOT, make_window, services  # noqa: F401 (fixtures)


@pytest.fixture(scope="module", autouse=True)
def built_translations():
    # make builds the .qm files; a test run straight after a .ts edit must see the edit too.
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py")], check=True)


@pytest.fixture
def french(qapp):
    install_translations(qapp, "fr")
    yield
    install_translations(qapp, "en")


def test_french_menus_dock_and_core_messages(french, make_window):
    window = make_window()
    titles = [menu.title() for menu in window.actions_.menus]
    assert titles[0] == "&Fichier" and titles[-1] == "&Aide"
    assert window.outbox_dock.windowTitle() == "Boîte d'envoi"
    assert translate(
        "Demo",
        "The workspace in {folder} already holds posts or accounts. The demo "
        "only fills an empty workspace: choose another folder with --data-dir.",
    ).startswith("L'espace de travail")
    assert "novembre" in QLocale().toString(QDate(2026, 11, 1), "MMMM")


def test_english_is_back_after_switching(qapp, make_window):
    install_translations(qapp, "fr")
    install_translations(qapp, "en")
    window = make_window()
    assert window.actions_.menus[0].title() == "&File"
    assert "November" in QLocale().toString(QDate(2026, 11, 1), "MMMM")


def test_language_choice_follows_the_system_unless_asked():
    assert choose_language("fr", QLocale("en_US")) == "fr"
    assert choose_language(None, QLocale("fr_CA")) == "fr"
    assert choose_language(None, QLocale("de_DE")) == "en"
    assert choose_language("en", QLocale("fr_FR")) == "en"
