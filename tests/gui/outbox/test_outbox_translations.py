# SPDX-License-Identifier: GPL-3.0-or-later
"""The French outbox and publisher messages: complete, same placeholders, and loaded by Qt."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from cmdesk.core import i18n
from cmdesk.core.publish.outbox import state_label

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "translations" / "outbox_fr.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n|%v|%m")


def _messages():
    for message in ET.parse(TS).getroot().iter("message"):
        forms = [f.text or "" for f in message.iter("numerusform")] or [message.find("translation").text or ""]
        yield message.find("source").text, message.find("translation"), forms


def test_every_message_is_translated_with_the_same_placeholders():
    messages = list(_messages())
    assert len(messages) > 60
    for source, translation, forms in messages:
        assert translation.get("type") is None, source  # no unfinished / obsolete entries
        for form in forms:
            assert form.strip(), source
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(source)), source


def test_compiled_catalogue_translates_core_and_gui_strings(qapp, tmp_path):
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    qm = tmp_path / "outbox_fr.qm"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    i18n.install(lambda context, text: QCoreApplication.translate(context, text))
    try:
        assert state_label("waiting_network") == "En attente du réseau"
        assert QCoreApplication.translate("OutboxPanel", "Publish now") == "Publier maintenant"
    finally:
        i18n.install(lambda context, text: text)
        QCoreApplication.removeTranslator(translator)
