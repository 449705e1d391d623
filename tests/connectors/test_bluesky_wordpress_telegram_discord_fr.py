# SPDX-License-Identifier: GPL-3.0-or-later
"""French for the Bluesky, WordPress, Telegram and Discord connectors: every message the user can
see from them is translated, with the same placeholders, and the file covers all of them."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "connectors_b_fr.ts"
MODULES = ["bluesky", "atproto", "wordpress", "telegram", "discord", "credential"]
PLACEHOLDER = re.compile(r"\{\w+\}")


def test_every_message_is_translated_with_the_same_placeholders():
    messages = list(ET.parse(TS).iter("message"))
    assert len(messages) >= 40
    for message in messages:
        source = message.find("source").text
        translation = message.find("translation")
        assert translation.get("type") is None and (translation.text or "").strip(), source
        assert sorted(PLACEHOLDER.findall(translation.text)) == sorted(PLACEHOLDER.findall(source))


def test_the_file_covers_every_message_of_these_connectors(tmp_path):
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = [str(ROOT / "src/cmdesk/core/connectors" / f"{m}.py") for m in MODULES]
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {m.find("source").text for m in ET.parse(fresh).iter("message")}
    have = {m.find("source").text for m in ET.parse(TS).iter("message")}
    assert wanted - have == set()
