# SPDX-License-Identifier: GPL-3.0-or-later
"""Entry script of the frozen app (PyInstaller needs a file, not a console_scripts entry)."""

from __future__ import annotations

import sys

from cmdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
