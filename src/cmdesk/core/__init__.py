# SPDX-License-Identifier: GPL-3.0-or-later
"""The domain of cmdesk. Pure Python: never imports PySide6 or cmdesk.gui."""
