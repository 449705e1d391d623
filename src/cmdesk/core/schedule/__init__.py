# SPDX-License-Identifier: GPL-3.0-or-later
"""Planning (zones, DST, slots, queue) and the publish timer.

Only the planner is re-exported here: the runner pulls in APScheduler, which a batch import or a
calendar repaint should not pay for.
"""

from __future__ import annotations
