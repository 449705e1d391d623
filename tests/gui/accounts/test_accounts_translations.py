# SPDX-License-Identifier: GPL-3.0-or-later
"""The French accounts catalogue: complete, same placeholders, and what a French user sees."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from cmdesk.core import i18n
from cmdesk.core.connectors.errors import Permanent
from cmdesk.core.connectors.media_host import config_from_values
from cmdesk.core.model import Account, to_iso
from cmdesk.gui.accounts.states import state_text

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "translations" / "accounts_fr.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def test_every_message_is_translated_with_the_same_placeholders():
    messages = list(ET.parse(TS).getroot().iter("message"))
    assert len(messages) > 90
    for message in messages:
        source, translation = message.find("source").text, message.find("translation")
        assert translation.get("type") is None and (translation.text or "").strip(), source
        assert sorted(PLACEHOLDER.findall(translation.text)) == sorted(PLACEHOLDER.findall(source)), source


@pytest.fixture
def french(qapp, tmp_path):
    qm = tmp_path / "accounts_fr.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    i18n.install(lambda context, text: QCoreApplication.translate(context, text))
    yield
    i18n.install(lambda context, text: text)
    QCoreApplication.removeTranslator(translator)


def test_states_and_core_messages_read_in_french(french):
    soon = to_iso(datetime.now(timezone.utc) + timedelta(days=3, hours=1))
    assert state_text(Account("linkedin", "x", expires_at=soon)) == "Expire dans 3 jours"
    assert state_text(Account("linkedin", "x", status="needs_auth")) == "Reconnexion nécessaire"
    with pytest.raises(Permanent, match="adresse publique"):
        config_from_values({})
    with pytest.raises(Permanent, match="^L’URL publique doit être une adresse https://"):
        config_from_values({"media_put_url": "https://a.example", "media_public_url": "http://b.example"})
