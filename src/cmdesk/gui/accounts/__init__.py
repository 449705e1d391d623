# SPDX-License-Identifier: GPL-3.0-or-later
"""Settings > Accounts: list, add (form or browser sign-in), test, sign out, remove."""

from __future__ import annotations

from cmdesk.gui.accounts.dialog import AccountsDialog

__all__ = ["AccountsDialog"]
