# SPDX-License-Identifier: GPL-3.0-or-later
"""cmdesk: a local-first desktop scheduler for community managers."""

__version__ = "0.1.0"
APP_ID = "io.github.cmdesk.Cmdesk"
APP_NAME = "cmdesk"
