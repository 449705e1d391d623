# SPDX-License-Identifier: GPL-3.0-or-later
"""The French calendar strings are complete and keep every placeholder of the English ones."""

from __future__ import annotations

import re
import subprocess
import sys
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


def test_every_string_in_the_code_is_in_the_translation_file(tmp_path):
    root = TS.parents[2]
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for pattern in (
        "src/cmdesk/gui/calendar/*.py", "src/cmdesk/core/bulk/*.py",
        "src/cmdesk/core/schedule/planner.py", "src/cmdesk/commands/bulk.py")
        for p in root.glob(pattern))
    fresh = tmp_path / "calendar_fr.ts"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(c.findtext("name"), m.findtext("source")) for c, m in _messages(fresh)}
    have = {(c.findtext("name"), m.findtext("source")) for c, m in _messages(TS)}
    assert wanted - have == set(), "run pyside6-lupdate and translate the new strings"


def _messages(path: Path):
    tree = ET.parse(path)
    return [(context, message) for context in tree.iter("context")
            for message in context.iter("message")]
