# SPDX-License-Identifier: GPL-3.0-or-later
"""The image studio: per-network crops, turns, focal point and alt text, non-destructively."""

from cmdesk.gui.studio.dialog import ImageStudioDialog

__all__ = ["ImageStudioDialog"]
