# SPDX-License-Identifier: GPL-3.0-or-later
"""Translated messages for the core, without Qt.

Core code writes ``translate("Context", "Text with {placeholders}")`` and formats afterwards.
pyside6-lupdate extracts these calls like Qt's own; the GUI (and the CLI) install a translator
backed by Qt's QTranslator at start, so the same .ts files serve every layer.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]

_translator: Translator = lambda context, text: text  # noqa: E731


def install(translator: Translator) -> None:
    global _translator
    _translator = translator


def translate(context: str, text: str) -> str:
    return _translator(context, text)
