# SPDX-License-Identifier: GPL-3.0-or-later
"""The French calendar strings are complete and keep every placeholder of the English ones."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[3] / "resources" / "translations" / "calendar_fr.ts"
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def test_every_message_is_translated_with_the_same_placeholders():
    messages = list(ET.parse(TS).iter("message"))
    assert len(messages) > 50
    for message in messages:
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation.get("type") is None and translation.text, source
        assert sorted(PLACEHOLDER.findall(source)) == sorted(
            PLACEHOLDER.findall(translation.text)), source
