# SPDX-License-Identifier: GPL-3.0-or-later
"""The French composer: every string translated, placeholders kept, and the dialog really shows
French once the translations are installed."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from cmdesk.core import i18n

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "translations" / "composer_fr.ts"
PLACEHOLDER = re.compile(r"\{\w+\}")


def messages():
    return list(ET.parse(TS).iter("message"))


def test_every_string_is_translated_with_the_same_placeholders():
    found = messages()
    assert len(found) > 60
    for message in found:
        source = message.find("source").text
        translation = message.find("translation")
        assert translation.get("type") is None, source  # no unfinished, no vanished
        assert translation.text and translation.text.strip(), source
        assert sorted(PLACEHOLDER.findall(translation.text)) == sorted(PLACEHOLDER.findall(source)), source


def test_the_ts_file_covers_every_string_of_the_composer(tmp_path):
    # lupdate into a fresh file: any source string missing from ours means someone forgot to
    # update the translations after changing the UI.
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (ROOT / "src/cmdesk/gui/composer").glob("*.py"))
    sources += [str(ROOT / "src/cmdesk/core/preflight.py"), str(ROOT / "src/cmdesk/core/snippets.py")]
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(m.find("source").text) for m in ET.parse(fresh).iter("message")}
    have = {m.find("source").text for m in messages()}
    assert wanted - have == set()


def test_dialog_speaks_french(qtbot, open_composer, tmp_path):
    from PySide6.QtCore import QCoreApplication, QTranslator

    qm = tmp_path / "composer_fr.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    # Core messages (pre-flight) reach Qt's translators the way the app wires them at start.
    i18n.install(QCoreApplication.translate)
    try:
        dialog = open_composer()
        assert dialog.schedule_button.text() == "Programmer"
        assert dialog.tabs.tabText(0) == "Tous les réseaux"
        dialog.tabs.main.setPlainText("a" * 281)
        qtbot.waitUntil(lambda: "X : le texte dépasse de 1 la limite de 280." in dialog.issues.text(),
                        timeout=3000)
    finally:
        app.removeTranslator(translator)
        i18n.install(lambda context, text: text)
