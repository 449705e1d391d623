# SPDX-License-Identifier: GPL-3.0-or-later
"""Interface language: the system's by default, ``--lang`` or Preferences to override.

Every area ships its own ``<area>_fr.qm``; all are loaded, plus Qt's own qtbase translations for
standard dialogs and buttons. Core messages go through the same translators, installed into
cmdesk.core.i18n, so a message raised in the core reads in the user's language in a dialog.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from cmdesk.core import i18n as core_i18n

log = logging.getLogger(__name__)

SUPPORTED = ("en", "fr")
LANGUAGE_KEY = "interface/language"  # in the window settings: "", "en" or "fr"
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"

_installed: list[QTranslator] = []


def choose_language(requested: str | None, system: QLocale | None = None) -> str:
    """``requested`` if given, else the system language when we have it, else English."""
    if requested in SUPPORTED:
        return requested
    name = (system or QLocale.system()).name().split("_")[0]
    return name if name in SUPPORTED else "en"


def install_translations(app: QCoreApplication, language: str) -> str:
    """Install translators for ``language`` (replacing earlier ones); returns the language used."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = QLocale(
        QLocale.Language.French if language == "fr" else QLocale.Language.English,
        QLocale.Country.France if language == "fr" else QLocale.Country.UnitedKingdom,
    )
    # Dates and numbers follow the interface language, so a French UI never shows "11/22/2026".
    QLocale.setDefault(locale)
    if language != "en":
        for qm in sorted(TRANSLATIONS_DIR.glob(f"*_{language}.qm")):
            _load(app, str(qm.parent), qm.stem)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not _load(app, qt_dir, f"qtbase_{language}"):
            log.info("Qt's own %s translations not found in %s", language, qt_dir)
    core_i18n.install(lambda context, text: QCoreApplication.translate(context, text))
    log.info("interface language: %s (%d translation files)", language, len(_installed))
    return language


def install_batch_translations(language: str) -> str:
    """Translate core messages for the command line and --headless, without a QApplication.

    QTranslator works on its own (only QtCore is loaded); the translators are asked in turn and
    the source text is kept when none knows the message.
    """
    translators = []
    if language != "en":
        for qm in sorted(TRANSLATIONS_DIR.glob(f"*_{language}.qm")):
            translator = QTranslator()
            if translator.load(str(qm)):
                translators.append(translator)

    def translate(context: str, text: str) -> str:
        for translator in translators:
            found = translator.translate(context, text)
            if found:
                return found
        return text

    _installed_batch[:] = translators  # keep them alive as long as the function is installed
    core_i18n.install(translate)
    return language


_installed_batch: list[QTranslator] = []


def _load(app: QCoreApplication, folder: str, name: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(name, folder):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
