# SPDX-License-Identifier: GPL-3.0-or-later
"""Every interface string is translated to French, with the same placeholders.

The source of truth is the code: pyside6-lupdate runs over src/cmdesk into a scratch file, and
every string it finds must be in one of the resources/translations/*_fr.ts files, translated.
A missing or half-done translation shows as English in a French window, which users notice.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%L?\d+|%n")
IGNORED_TYPES = {"vanished", "obsolete"}  # kept by lupdate for history, never shown


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def _ts_files() -> list[Path]:
    return sorted(TS_DIR.glob("*_fr.ts"))


def test_there_are_french_translation_files():
    assert any(ts.name == "shell_fr.ts" for ts in _ts_files())


@pytest.mark.parametrize("ts", _ts_files(), ids=lambda p: p.name)
def test_every_string_is_translated_with_the_same_placeholders(ts):
    problems = []
    for context, message in _messages(ts):
        translation = message.find("translation")
        if translation.get("type") in IGNORED_TYPES:
            continue
        source = message.findtext("source")
        if translation.get("type") == "unfinished":
            problems.append(f"{context}: unfinished: {source!r}")
            continue
        for text in _translations(message):
            if not text.strip():
                problems.append(f"{context}: empty: {source!r}")
            elif sorted(set(PLACEHOLDER.findall(text))) != sorted(set(PLACEHOLDER.findall(source))):
                problems.append(f"{context}: placeholders differ: {source!r} -> {text!r}")
    assert problems == []


def test_lupdate_finds_no_string_missing_from_the_ts_files(tmp_path):
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate is part of PySide6"
    scratch = tmp_path / "all_fr.ts"
    sources = sorted(str(p) for p in (ROOT / "src" / "cmdesk").rglob("*.py"))
    run = subprocess.run(
        [lupdate, *sources, "-ts", str(scratch)], capture_output=True, text=True, cwd=ROOT
    )
    assert run.returncode == 0, run.stderr
    known = set()
    for ts in _ts_files():
        known |= {
            (context, m.findtext("source"))
            for context, m in _messages(ts)
            if m.find("translation").get("type") not in IGNORED_TYPES
        }
    found = {(context, m.findtext("source")) for context, m in _messages(scratch)}
    assert len(found) > 50  # lupdate did read the code
    missing = sorted(f"{context}: {source!r}" for context, source in found - known)
    assert missing == []
