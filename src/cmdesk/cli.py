# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line: the GUI by default; headless and batch commands as subcommands.

Subcommands live in cmdesk.commands.* (one module per feature, each with ``register``), so this
file stays an entry point and never imports Qt unless the GUI is asked for.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from datetime import date
from pathlib import Path

from cmdesk import __version__


def _iso_date(text: str) -> str:
    # Checked here so a typo gets argparse's one-line message, not a traceback from the GUI.
    try:
        date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cmdesk",
        description="Plan, preview and publish social posts from your desktop, offline-proof.",
    )
    parser.add_argument("--version", action="version", version=f"cmdesk {__version__}")
    parser.add_argument(
        "--data-dir", type=Path, help="workspace folder (default: the user data folder)"
    )
    parser.add_argument("--lang", choices=["fr", "en"], help="interface language (default: system)")
    parser.add_argument(
        "--demo", action="store_true", help="fill a fresh workspace with a sample month"
    )
    parser.add_argument(
        "--headless", action="store_true", help="run the publisher without a window"
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE.png",
        help="render the main window to a PNG and exit",
    )
    parser.add_argument("--view", choices=["month", "week", "agenda"], help="calendar view to open")
    parser.add_argument(
        "--date", metavar="YYYY-MM-DD", type=_iso_date, help="date to open the calendar on"
    )
    parser.add_argument("--minimized", action="store_true", help="start in the tray")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    from cmdesk import commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"cmdesk.commands.{info.name}")
        module.register(sub)
    return parser


def _translate_batch_messages(requested: str | None) -> None:
    """Core messages in the user's language for subcommands and --headless (QtCore only)."""
    try:
        from PySide6.QtCore import QLocale

        from cmdesk.gui.i18n import choose_language, install_batch_translations
    except ImportError:  # a headless install without Qt still works, in English
        return
    install_batch_translations(choose_language(requested, QLocale.system()))


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is not None or args.headless:
        _translate_batch_messages(args.lang)
    if getattr(args, "func", None) is not None:
        return int(args.func(args) or 0)
    if args.headless:
        from cmdesk.headless import run_headless

        return run_headless(args)
    from cmdesk.gui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
