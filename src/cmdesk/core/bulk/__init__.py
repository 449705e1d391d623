# SPDX-License-Identifier: GPL-3.0-or-later
"""Many posts at once: CSV import (checked row by row before anything is written), CSV and
iCalendar export."""

from __future__ import annotations
