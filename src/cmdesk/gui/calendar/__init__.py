# SPDX-License-Identifier: GPL-3.0-or-later
"""The calendar: plan the month by drag and drop."""

from __future__ import annotations

from cmdesk.gui.calendar.widget import CalendarWidget

__all__ = ["CalendarWidget"]
