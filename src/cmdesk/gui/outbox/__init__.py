# SPDX-License-Identifier: GPL-3.0-or-later
"""The outbox dock: what goes out next, what waits for the network, what failed and why."""

from cmdesk.gui.outbox.panel import OutboxPanel

__all__ = ["OutboxPanel"]
