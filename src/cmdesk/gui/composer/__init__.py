# SPDX-License-Identifier: GPL-3.0-or-later
"""The composer: one post, per-network variants, live counters, previews and pre-flight checks."""

from __future__ import annotations

from cmdesk.gui.composer.dialog import ComposerDialog

__all__ = ["ComposerDialog"]
